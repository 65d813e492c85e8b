"""How each outlet frames a story: labels for the same referent, distinctive terms,
hedges and distancing, tone towards actors, and coverage. Articles are written for
these tests and run through the real pipeline (spaCy, the sentence-vector model)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from rashomon.compare.terms import distinctive_terms
from rashomon.render.markdown import render_markdown
from tests.conftest import analyse_texts

PORT = {
    "a.txt": (
        "Red Hill Brigade fighters attack Marlow port\n\n"
        "Fighters of the Red Hill Brigade attacked the port of Marlow on Monday and set fire "
        "to two cargo ships, the port authority said. Firefighters put out the fires on "
        "Monday evening after six hours of work. The port will stay closed to all shipping "
        "until Friday, the port authority said.\n"
    ),
    "b.txt": (
        "Terrorists attack Marlow port\n\n"
        "Terrorists of the Red Hill Brigade attacked the port of Marlow on Monday and set fire "
        "to two cargo ships, the port authority said. The terrorists escaped across the river "
        "in small boats. Firefighters put out the fires on Monday evening after six hours of "
        "work. The government said the terrorists had been paid by a foreign power.\n"
    ),
    "c.txt": (
        "Rebels hit Marlow port\n\n"
        "Rebels of the Red Hill Brigade attacked the port of Marlow on Monday and set fire to "
        "two cargo ships, the port authority said. Dock workers said they had heard three loud "
        "explosions shortly before dawn. Armed Red Hill volunteers guarded the gates all day.\n"
    ),
}

KELBY = {
    "kelby.txt": (
        "Smuggling raid in Kelby\n\n"
        "The so-called People's Council of Kelby met on Tuesday evening. "
        "The alleged smuggler was arrested at the docks of Kelby. "
        "The Nordsee Shipping Company claimed that its boats carried only fish. "
        "The smugglers are reportedly paid by a shipping firm from the coast. "
        "The shipping firm is believed to own six boats in the harbour. "
        'The "routine check" of the docks lasted nine hours. '
        "The port’s ‘clean-up operation’ ended at noon. "
        "Dock workers protested against what they call a campaign of harassment. "
        "The figures cannot be independently verified. "
        "The harbour master said the docks would open again on Friday. "
        "Mayor Ann Holt praised the brave, wonderful volunteers and warmly thanked them. "
        "Governor Bram Kess was blamed for a cruel, disgraceful cover-up that killed dozens.\n"
    ),
}

BRIDGE = {
    "x.txt": (
        "Ferrin bridge reopens after repairs\n\n"
        "The old stone bridge in Ferrin reopened to traffic on Saturday after two years of "
        "repairs. About 300 residents walked across the bridge at the opening ceremony.\n"
    ),
    "y.txt": (
        "Stone bridge open again in Ferrin\n\n"
        "After two years of repair work, Ferrin's old stone bridge was opened to traffic again "
        "on Saturday. Some 300 residents crossed the bridge on foot during the ceremony.\n"
    ),
    "z.txt": (
        "Ferrin celebrates its repaired bridge\n\n"
        "On Saturday the old stone bridge of Ferrin opened to cars again after two years of "
        "repairs. About 300 residents walked across the bridge during the ceremony.\n"
    ),
}


def _story(folder: Path, articles: dict[str, str]) -> Any:
    report = analyse_texts(folder, articles)
    assert len(report.stories) == 1, [s.article_ids for s in report.stories]
    return report.stories[0]


@pytest.fixture(scope="module")
def port_report(tmp_path_factory: pytest.TempPathFactory) -> Any:
    report = analyse_texts(tmp_path_factory.mktemp("port"), PORT)
    assert len(report.stories) == 1, [s.article_ids for s in report.stories]
    return report


@pytest.fixture(scope="module")
def port(port_report: Any) -> Any:
    return port_report.stories[0]


@pytest.fixture(scope="module")
def kelby(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return _story(tmp_path_factory.mktemp("kelby"), KELBY)


@pytest.fixture(scope="module")
def bridge(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return _story(tmp_path_factory.mktemp("bridge"), BRIDGE)


def _row(story: Any, article_id: str) -> dict[str, Any]:
    return next(r for r in story.framing["articles"] if r["article_id"] == article_id)


def test_each_outlets_words_for_one_group_are_labels_of_one_referent(port: Any) -> None:
    brigade = next(e for e in port.entities if "Red Hill Brigade" in e["name"])
    ref = next(r for r in port.framing["referents"] if r["entity_id"] == brigade["id"])
    words = {aid: {x["label"].lower() for x in labels} for aid, labels in ref["labels"].items()}
    assert "fighters" in words["a"]
    assert "terrorists" in words["b"]
    assert "rebels" in words["c"]
    assert ref["id"] in _row(port, "b")["labels"]


def test_a_group_named_by_part_of_its_name_is_the_same_referent(port: Any) -> None:
    brigade = next(e for e in port.entities if "Red Hill Brigade" in e["name"])
    ref = next(r for r in port.framing["referents"] if r["entity_id"] == brigade["id"])
    assert any(x["label"].endswith("Red Hill volunteers") for x in ref["labels"]["c"])


def test_one_articles_repeated_word_is_its_distinctive_term_with_counts(port: Any) -> None:
    terms = {t["term"]: t for t in _row(port, "b")["distinctive_terms"]}
    assert terms["terrorist"]["count"] >= 3
    assert terms["terrorist"]["rest_count"] == 0
    assert terms["terrorist"]["score"] > 0
    assert "terrorist" not in {t["term"] for t in _row(port, "a")["distinctive_terms"]}


def test_a_word_used_more_elsewhere_is_not_distinctive_and_rarer_use_scores_lower() -> None:
    counts = {
        "a": Counter({"terrorist": 4, "mine": 1, "port": 1, "ship": 1}),
        "b": Counter({"rebel": 3, "port": 3, "ship": 3}),
    }
    terms = distinctive_terms(counts)
    scores = {t["term"]: t for t in terms["a"]}
    assert scores["terrorist"]["count"] == 4 and scores["terrorist"]["rest_count"] == 0
    assert scores["terrorist"]["score"] > scores["mine"]["score"] > 0
    assert "port" not in scores and "ship" not in scores
    assert {t["term"] for t in terms["b"]} == {"rebel", "port", "ship"}


@pytest.mark.parametrize(
    ("kind", "text", "target"),
    [
        ("so-called", "so-called", "People's Council of Kelby"),
        ("alleged", "alleged", "smuggler"),
        ("claimed", "claimed", "Nordsee Shipping Company"),
        ("reportedly", "reportedly", "smugglers"),
        ("hedging-verb", "believed", "shipping firm"),
        ("scare-quotes", '"routine check"', "routine check"),
        ("what-they-call", "what they call", "campaign of harassment"),
        ("unverified", "cannot be independently verified", "figures"),
    ],
)
def test_each_hedge_kind_is_found_with_what_it_is_applied_to(
    kelby: Any, kind: str, text: str, target: str
) -> None:
    hedges = _row(kelby, "kelby")["hedges"]
    found = [h for h in hedges if h["kind"] == kind and h["text"] == text]
    assert found, hedges
    h = found[0]
    assert h["target"].lower().startswith(target.lower())
    article = next(iter(KELBY.values()))
    assert h["sentence"] in " ".join(article.split())


def test_single_quotes_mark_a_scare_quote_and_an_apostrophe_does_not(kelby: Any) -> None:
    quoted = [h for h in _row(kelby, "kelby")["hedges"] if h["kind"] == "scare-quotes"]
    assert "clean-up operation" in {h["target"] for h in quoted}
    assert not [h for h in quoted if "port" in h["text"]]


def test_a_hedge_on_a_named_group_points_to_its_entity(kelby: Any) -> None:
    h = next(h for h in _row(kelby, "kelby")["hedges"] if h["kind"] == "claimed")
    names = {e["id"]: e["name"] for e in kelby.entities}
    assert "Nordsee" in names[h["target_entity_id"]]


def test_said_is_not_distancing(kelby: Any) -> None:
    hedges = _row(kelby, "kelby")["hedges"]
    assert not [h for h in hedges if "harbour master" in h["sentence"]]


def test_tone_is_positive_for_praise_and_negative_for_blame(kelby: Any) -> None:
    tone = {t["actor"]: t for t in _row(kelby, "kelby")["tone"]}
    holt = next(t for name, t in tone.items() if "Holt" in name)
    kess = next(t for name, t in tone.items() if "Kess" in name)
    assert holt["score"] > 0.3 and kess["score"] < -0.3
    assert holt["n"] == len(holt["sentences"]) == 1
    assert "praised" in holt["sentences"][0]


def test_claims_only_one_outlet_reports_are_its_unique_claims(port: Any) -> None:
    unique = _row(port, "a")["unique_claim_ids"]
    texts = {c["id"]: c for c in port.claims}
    assert any("closed" in texts[i]["text"] for i in unique)
    assert all(texts[i]["article_ids"] == ["a"] for i in unique)


def test_a_claim_most_others_report_is_omitted_by_the_one_that_leaves_it_out(port: Any) -> None:
    omitted = _row(port, "c")["omitted_claim_ids"]
    texts = {c["id"]: c for c in port.claims}
    assert any("Firefighters" in texts[i]["text"] for i in omitted)
    assert all("c" not in texts[i]["article_ids"] for i in omitted)
    assert not set(omitted) & set(_row(port, "a")["omitted_claim_ids"])


def test_a_single_article_story_has_no_distinctive_terms_and_no_coverage_gaps(kelby: Any) -> None:
    (row,) = kelby.framing["articles"]
    assert row["distinctive_terms"] == []
    assert row["unique_claim_ids"] == [] and row["omitted_claim_ids"] == []


def test_when_all_sources_agree_nothing_is_omitted_or_hedged(bridge: Any) -> None:
    rows = bridge.framing["articles"]
    assert len(rows) == 3
    assert all(r["omitted_claim_ids"] == [] and r["unique_claim_ids"] == [] for r in rows)
    assert all(r["hedges"] == [] for r in rows)
    bridge_ref = next(
        r
        for r in bridge.framing["referents"]
        if any(x["label"].endswith("bridge") for labels in r["labels"].values() for x in labels)
    )
    assert len(bridge_ref["labels"]) == 3


def test_the_markdown_report_shows_each_outlets_words_side_by_side(port_report: Any) -> None:
    text = render_markdown(port_report)
    section = text.split("### How each outlet frames the story", 1)[1]
    row = next(line for line in section.splitlines() if line.startswith("| Red Hill Brigade"))
    assert "terrorists" in row.lower() and "rebels" in row.lower()
