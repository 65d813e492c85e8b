"""Where an article stands on a claim the user brings: asserts it, denies it, only
reports it, or is not about it. Articles are written for these tests; the parser and
the sentence-vector model are the real ones."""

from __future__ import annotations

from pathlib import Path

import pytest

import rashomon
from rashomon.compare.stance import ArticleStance, stance_towards
from rashomon.ingest import content_hash
from rashomon.model import Article, Source
from rashomon.nlp import analyze_articles

CLAIM = "A lion escaped from the Marlow city zoo"

ARTICLES = {
    "asserts": (
        "A lion escaped from the Marlow city zoo on Sunday night and was found hours later "
        "in a nearby park. Keepers sedated the animal and returned it to its enclosure. "
        "The zoo will review its fences this week."
    ),
    "reports": (
        "Social media users claimed on Sunday that a lion had escaped from the Marlow city "
        "zoo. According to posts shared thousands of times, the animal was seen in a park. "
        "The zoo did not respond to a request for comment."
    ),
    "denies": (
        "The story that a lion escaped from the Marlow city zoo is a hoax. The zoo said all "
        "of its animals were accounted for and that the photo was fake, taken at another "
        "park years ago. Police also denied any escape."
    ),
    "unrelated": (
        "The city council approved a new budget for road repairs on Tuesday. Work on the "
        "ring road will begin in spring and last until the autumn, the council said."
    ),
}


@pytest.fixture(scope="module")
def stances() -> dict[str, ArticleStance]:
    articles = [
        Article(id=k, source=Source(format="text"), text=t, content_hash=content_hash(t))
        for k, t in ARTICLES.items()
    ]
    analyses = analyze_articles(articles)
    return {s.article_id: s for s in stance_towards(CLAIM, articles, analyses)}


@pytest.mark.parametrize("kind", list(ARTICLES))
def test_each_article_s_stance_on_the_claim(kind: str, stances: dict[str, ArticleStance]) -> None:
    assert stances[kind].stance == kind


def test_the_evidence_is_the_sentence_nearest_the_claim(
    stances: dict[str, ArticleStance],
) -> None:
    assert stances["asserts"].evidence is not None
    assert stances["asserts"].evidence.startswith("A lion escaped")
    assert stances["asserts"].actor is None
    assert stances["unrelated"].evidence is None


def test_an_unrelated_article_is_less_related_than_any_other(
    stances: dict[str, ArticleStance],
) -> None:
    low = stances["unrelated"].relatedness
    assert all(s.relatedness > low for k, s in stances.items() if k != "unrelated")


def test_a_claim_without_content_words_gives_no_stance() -> None:
    article = Article(id="a", source=Source(format="text"), text=ARTICLES["asserts"])
    assert stance_towards("it is", [article], analyze_articles([article])) == []


def _stances_on(claim: str, texts: dict[str, str]) -> dict[str, ArticleStance]:
    articles = [
        Article(id=k, source=Source(format="text"), text=t, content_hash=content_hash(t))
        for k, t in texts.items()
    ]
    return {s.article_id: s for s in stance_towards(claim, articles, analyze_articles(articles))}


def test_a_debunking_article_asserts_a_claim_that_calls_the_story_false() -> None:
    found = _stances_on("The Marlow zoo lion escape was a hoax", {"denies": ARTICLES["denies"]})
    assert found["denies"].stance == "asserts"


def test_a_plain_article_denies_a_claim_that_calls_its_story_false() -> None:
    found = _stances_on("The Marlow zoo lion escape was a hoax", {"asserts": ARTICLES["asserts"]})
    assert found["asserts"].stance == "denies"


def test_a_claim_brought_hedged_is_only_reported_by_an_article_that_states_it() -> None:
    claim = "A lion reportedly escaped from the Marlow city zoo"
    assert _stances_on(claim, {"asserts": ARTICLES["asserts"]})["asserts"].stance == "reports"


def test_an_article_that_opens_by_passing_the_story_on_reports_it() -> None:
    text = (
        "A lion has allegedly escaped from the Marlow city zoo, local media report. The "
        "animal was found in a nearby park on Sunday night. Keepers sedated it and "
        "returned it to its enclosure."
    )
    found = _stances_on(CLAIM, {"opening": text})["opening"]
    assert found.stance == "reports"
    assert found.evidence is not None and "allegedly" in found.evidence


def test_the_evidence_of_a_denial_is_a_sentence_that_refutes(
    stances: dict[str, ArticleStance],
) -> None:
    evidence = stances["denies"].evidence
    assert evidence is not None and "hoax" in evidence


def test_the_python_api_reads_inputs_and_gives_each_article_its_stance(tmp_path: Path) -> None:
    for name in ("asserts", "unrelated"):
        (tmp_path / f"{name}.txt").write_text(ARTICLES[name], encoding="utf-8")
    found = rashomon.stance(CLAIM, str(tmp_path), db=None, quiet=True)
    assert {a.id: a.status for a in found.articles} == {"asserts": "ok", "unrelated": "ok"}
    assert {s.article_id: s.stance for s in found.stances} == {
        "asserts": "asserts",
        "unrelated": "unrelated",
    }
