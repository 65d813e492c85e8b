"""Inputs as users give them: every one accounted for, bad ones rejected with a
reason, the run going on."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

import rashomon

GOOD = (
    "Storm closes the coast road\n\n"
    "Police closed the coast road near the village of Orvet on Saturday after waves "
    "washed stones across the carriageway, the county council said in a statement. "
    "Drivers were told to use the inland route until engineers had checked the sea wall."
)


def write(path: Path, data: bytes | str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return str(path)


def by_id(report: rashomon.Report) -> dict[str, rashomon.model.Article]:  # type: ignore[name-defined]
    return {a.id: a for a in report.articles}


def test_bad_inputs_are_rejected_with_reasons_and_the_run_goes_on(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", GOOD)
    write(tmp_path / "empty.txt", "")
    write(tmp_path / "blank.txt", "  \n\n ")
    write(tmp_path / "photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" * 20)
    write(tmp_path / "latin.txt", b"\xff\xfe\x00\x00\x00garbage\x00\x00")
    write(tmp_path / "furniture.txt", "Share: Facebook Twitter Email\n\n\u00a9 2024 Some Site")
    write(tmp_path / "short.txt", "Just a few words here.")
    report = rashomon.analyze([str(tmp_path)])
    got = by_id(report)
    assert got["good"].status == "ok"
    assert got["empty"].reason == "empty input: no content at all"
    assert got["blank"].reason == "empty input: no content at all"
    assert "binary" in (got["photo"].reason or "")
    assert got["furniture"].reason == "no article body found: nothing but boilerplate"
    assert "only 5 words" in (got["short"].reason or "")
    assert all(a.status == "rejected" for k, a in got.items() if k != "good")


def test_missing_input_is_rejected_not_fatal(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", GOOD)
    report = rashomon.analyze([str(tmp_path / "good.txt"), str(tmp_path / "nope.txt")])
    assert [a.status for a in report.articles] == ["ok", "rejected"]
    assert "not found" in (report.articles[1].reason or "")


def test_too_large_input_is_rejected(tmp_path: Path) -> None:
    write(tmp_path / "big.txt", GOOD * 50)
    report = rashomon.analyze([str(tmp_path / "big.txt")], max_bytes=1000)
    assert report.articles[0].status == "rejected"
    assert (report.articles[0].reason or "").startswith("too large")


def test_glob_and_directory_are_expanded_in_sorted_order(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "sub/c.txt", ".hidden.txt"):
        write(tmp_path / name, GOOD.replace("Orvet", name))
    assert [a.id for a in rashomon.analyze([str(tmp_path)]).articles] == ["a", "b", "c"]
    assert [a.id for a in rashomon.analyze([str(tmp_path / "*.txt")]).articles] == ["a", "b"]


def test_same_stem_in_two_places_gets_distinct_ids(tmp_path: Path) -> None:
    write(tmp_path / "x/story.txt", GOOD)
    write(tmp_path / "y/story.txt", GOOD.replace("Saturday", "Sunday"))
    assert [a.id for a in rashomon.analyze([str(tmp_path)]).articles] == ["story", "story-2"]


def test_stdin_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GOOD.encode("utf-8"))))
    report = rashomon.analyze(["-"])
    assert report.articles[0].id == "stdin"
    assert report.articles[0].title == "Storm closes the coast road"
    assert report.articles[0].source.path == "-"


def test_legacy_encoding_is_detected(tmp_path: Path) -> None:
    text = GOOD.replace("Orvet", "Orvét-sur-Mer, près de Sète,")
    write(tmp_path / "fr.txt", text.encode("cp1252"))
    a = rashomon.analyze([str(tmp_path / "fr.txt")]).articles[0]
    assert a.status == "ok"
    assert "Orvét-sur-Mer, près de Sète" in a.text


def test_markdown_title_links_and_emphasis(tmp_path: Path) -> None:
    md = (
        "---\ntitle: Front matter title\ndate: 2024-05-02\nauthor: Ana Ruiz and Tom Bell\n---\n"
        "# Storm closes the coast road\n\nPolice closed the **coast road** near "
        "[Orvet](https://orvet.example/) on Saturday after waves washed stones across the "
        "carriageway, the _county council_ said. ![a wave](wave.jpg)\n\n## Detour\n\n"
        "- Drivers were told to use the inland route until the wall was checked.\n"
    )
    a = rashomon.analyze([write(tmp_path / "m.md", md)]).articles[0]
    assert a.title == "Front matter title"
    assert a.published == "2024-05-02"
    assert a.authors == ["Ana Ruiz", "Tom Bell"]
    assert "coast road near Orvet on Saturday" in a.text
    assert "**" not in a.text and "](" not in a.text and "# " not in a.text
    assert a.source.format == "markdown"


def test_worker_processes_give_the_same_articles_in_the_same_order(tmp_path: Path) -> None:
    # More files than one batch, so that the worker pool is really used.
    for n in range(150):
        write(tmp_path / f"s{n:03d}.txt", GOOD.replace("Orvet", f"Orvet-{n} " * (n % 7 + 1)))
    write(tmp_path / "s999.txt", "")
    serial = rashomon.analyze([str(tmp_path)], workers=1).to_dict()["articles"]
    parallel = rashomon.analyze([str(tmp_path)], workers=2).to_dict()["articles"]
    assert parallel == serial
    assert [a["status"] for a in serial].count("rejected") == 1
