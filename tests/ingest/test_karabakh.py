"""The real scraped articles in ../shared/examples/karabakh-2020: titles, dates, URLs,
outlets and furniture read or removed, with the body kept."""

from __future__ import annotations

from pathlib import Path

import pytest

import rashomon
from rashomon.model import Article
from rashomon.report import Report


@pytest.fixture(scope="module")
def report(request: pytest.FixtureRequest) -> Report:
    from tests.conftest import shared_path

    return rashomon.analyze([str(shared_path("examples", "karabakh-2020"))])


def art(report: Report, prefix: str) -> Article:
    return next(a for a in report.articles if a.id.startswith(prefix))


def removed_reasons(a: Article) -> dict[str, str]:
    return {r.text: r.reason for r in a.removed}


def test_every_article_is_ok_and_in_one_story(report: Report) -> None:
    assert [a.status for a in report.articles] == ["ok"] * 5
    assert len(report.stories) == 1
    assert len(report.stories[0].article_ids) == 5


def test_ids_are_file_stems(report: Report) -> None:
    assert [a.id for a in report.articles] == sorted(
        p.stem for p in Path(report.articles[0].source.path or "").parent.glob("*.txt")
    )


def test_title_line_and_tag_line(report: Report) -> None:
    a = art(report, "000")
    assert a.title == "Putin expresses concern to Erdogan over Syrian militants in Nagorno-Karabakh"
    assert a.tags == ["Nagorno-Karabakh", "Turkey", "Erdogan", "Putin"]
    assert a.published is None
    assert a.text.startswith("Russian President Vladimir Putin, in a telephone conversation")
    assert a.text.endswith("were present in the conflict zone.")


def test_date_line_title_and_furniture_of_think_tank_page(report: Report) -> None:
    a = art(report, "001")
    assert a.published == "2020-10-28"
    assert a.title == "Putin, Erdogan Discuss Caucasus War And Mercenaries"
    assert a.outlet is not None and "Warsaw Institute" in a.outlet
    why = removed_reasons(a)
    assert "Support Us" in why
    assert any(t.startswith("If content prepared by") for t in why)
    assert any(t.startswith("All texts published by") for t in why)
    assert "Related posts" in why
    assert "Support Us" not in a.text and "Donations" not in a.text
    assert a.text.startswith("Armenia and Russia have blamed Azerbaijan")
    assert a.text.endswith(
        "Aliyev also denied any Turkish involvement as an Azeri proxy in the war."
    )
    assert "Moscow does not take such a firm stance" in a.text


def test_untitled_article_keeps_its_first_sentence_as_body(report: Report) -> None:
    a = art(report, "002")
    assert a.title is None
    assert a.text.startswith("A statement by the Kremlin said Putin and Erdogan discussed")
    assert a.text.endswith("The Turkish and Azerbaijani governments deny them.")
    assert a.removed == []


def test_url_timestamp_bullet_standfirst_and_initials(report: Report) -> None:
    a = art(report, "003")
    assert a.title == "Putin, Erdogan discuss Karabakh, Syria, Libya"
    assert (
        a.url
        == "https://parstoday.ir/en/news/world-i128674-putin_erdogan_discuss_karabakh_syria_libya"
    )
    assert a.outlet == "parstoday.ir"
    assert a.published == "2020-10-28"  # the timestamp line, not the later "last modified"
    why = set(removed_reasons(a).values())
    assert {"author initials", "title repeated"} <= why
    assert "repeated standfirst (the lead paragraph shown twice)" in why
    assert a.text.count("has expressed deep concern about the persisting conflict") == 1
    assert not a.text.rstrip().endswith("SS")
    assert "last modified" not in a.text


def test_article_without_any_metadata_stays_unknown(report: Report) -> None:
    a = art(report, "004")
    assert (a.title, a.published, a.url, a.outlet) == (None, None, None, None)
    assert a.language == "en"
    assert a.text.startswith("A high-ranking Russian official has warned")
