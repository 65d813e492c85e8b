"""The bundled example corpus against its annotation file: metadata read, furniture
removed with the body kept, the syndicated copy found, every format read, and every
input of the demo accounted for."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import rashomon
from rashomon.ingest.readers.text import markdown_to_text
from rashomon.model import Article
from rashomon.report import Report

ROOT = Path(__file__).resolve().parents[1]
CORPORA = sorted(p.parent for p in (ROOT / "examples").glob("*/annotations.json"))


def _annotations(corpus: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((corpus / "annotations.json").read_text(encoding="utf-8"))
    return data


def _articles(ann: dict[str, Any]) -> dict[str, dict[str, Any]]:
    articles: dict[str, dict[str, Any]] = ann["articles"]
    return articles


@pytest.fixture(scope="module", params=CORPORA, ids=[c.name for c in CORPORA])
def corpus(request: pytest.FixtureRequest) -> Path:
    path: Path = request.param
    return path


@pytest.fixture(scope="module")
def text_report(corpus: Path) -> Report:
    return rashomon.analyze([str(corpus / "text")])


def _by_stem(report: Report) -> dict[str, Article]:
    return {Path(a.source.path or "").stem: a for a in report.articles}


def test_there_is_a_bundled_corpus() -> None:
    assert CORPORA, "examples/<name>/annotations.json is missing"


def test_metadata_matches_the_annotation(corpus: Path, text_report: Report) -> None:
    got = _by_stem(text_report)
    for stem, want in _articles(_annotations(corpus)).items():
        a = got[stem]
        assert a.title == want["title"], stem
        assert a.published == want["published"], stem
        assert a.url == want["url"], stem
        if want.get("outlet"):
            assert a.outlet == want["outlet"], stem
        assert a.tags == want.get("tags", []), stem
        assert a.authors == want.get("authors", []), stem


def _as_read(text: str, article: Article) -> str:
    """Furniture as the reader presents it (Markdown syntax gone)."""
    if article.source.format == "markdown":
        return markdown_to_text(text).strip()
    return text


def test_furniture_is_removed_and_the_body_kept(corpus: Path, text_report: Report) -> None:
    got = _by_stem(text_report)
    for stem, want in _articles(_annotations(corpus)).items():
        a = got[stem]
        removed = [r.text for r in a.removed]
        for item in want["furniture"]:
            line = _as_read(item["text"], a)
            assert line not in a.text.split("\n\n"), (stem, item)
            assert line in removed, (stem, item, removed)
        assert a.text.startswith(want["body_first_sentence"]), stem
        assert a.text.endswith(want["body_last_sentence"]), stem


def test_syndicated_copy_is_a_near_duplicate(corpus: Path, text_report: Report) -> None:
    got = _by_stem(text_report)
    for stem, want in _articles(_annotations(corpus)).items():
        if want.get("duplicate_of"):
            assert got[stem].status == "duplicate", stem
            assert got[stem].duplicate_of == got[want["duplicate_of"]].id
        else:
            assert got[stem].status == "ok", (stem, got[stem].reason)


@pytest.mark.parametrize("folder", ["html", "records", "feeds", "warc"])
def test_every_format_reads_the_same_articles(corpus: Path, folder: str) -> None:
    ann = _articles(_annotations(corpus))
    report = rashomon.analyze([str(corpus / folder)])
    titles = {a.title for a in report.articles if a.status in ("ok", "duplicate")}
    expected = {v["title"] for v in ann.values() if v["title"]}
    # Every titled article of the corpus is found in this format.
    assert expected <= titles, expected - titles
    for a in report.articles:
        if a.status != "rejected":
            assert len(a.text.split()) >= 60, a.id


def test_demo_inputs_are_all_accounted_for(corpus: Path) -> None:
    ann = _annotations(corpus)
    report = rashomon.analyze([str(corpus / "mixed")])
    statuses = {a.status for a in report.articles}
    assert statuses == {"ok", "duplicate", "rejected"}
    expected_rejected = [k for k, v in ann["mixed"].items() if isinstance(v, dict)]
    rejected = [a for a in report.articles if a.status == "rejected"]
    assert len(rejected) == len(expected_rejected)
    assert all(a.reason for a in rejected)
