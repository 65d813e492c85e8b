"""Each reader on small real-format fixtures written by us."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import rashomon
from rashomon.ingest.extract import extract_html
from rashomon.model import Article

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def analyze(*paths: Path, **options: object) -> list[Article]:
    return rashomon.analyze([str(p) for p in paths], **options).articles


def test_html_page_gives_body_and_metadata() -> None:
    (a,) = analyze(FIXTURES / "html" / "news-page.html")
    assert a.status == "ok"
    assert a.title == "Harbour crane collapses in storm"
    assert a.outlet == "Northbay Post"
    assert a.published == "2024-02-06"
    assert a.url == "https://northbaypost.example/news/crane-collapse"
    assert a.authors == ["Ines Calloway"]
    assert a.tags == ["Northbay", "Storm", "Port"]
    assert a.language == "en"
    assert a.text.startswith("A container crane at Northbay harbour collapsed")
    assert "two vessels have already been sent" in a.text
    for furniture in (
        "cookies",
        "Privacy policy",
        "Ferry timetable",
        "WhatsApp",
        "All rights reserved",
    ):
        assert furniture not in a.text


def test_html_page_without_article_is_rejected() -> None:
    (a,) = analyze(FIXTURES / "html" / "no-article.html")
    assert a.status == "rejected"
    assert (a.reason or "").startswith("no article body found")


def test_html_declared_legacy_charset_is_honoured() -> None:
    (a,) = analyze(FIXTURES / "html" / "legacy-encoding.html")
    assert a.status == "ok"
    assert a.title == "Fête du port à Kessock"
    assert "d’un record" in a.text and "« pour leur énergie" not in a.text
    assert "“pour leur énergie et leur patience”" in a.text  # guillemets normalised


def test_extract_html_never_raises_on_garbage() -> None:
    for junk in (b"", b"<", b"<html><body>", b"\x00\xff" * 50, "<p>" * 5000):
        assert isinstance(extract_html(junk).text, str)


def test_jsonl_maps_field_names_and_accounts_for_bad_lines() -> None:
    got = analyze(FIXTURES / "records" / "mixed-fields.jsonl")
    by_index = {a.source.index: a for a in got}
    first, second = by_index[1], by_index[2]
    assert (first.id, first.title, first.outlet, first.published) == (
        "r1",
        "Ferry strike ends",
        "Coast Daily",
        "2024-05-03",
    )
    assert first.authors == ["Ana Ruiz", "Tom Bell"]
    assert (second.id, second.title, second.outlet, second.published) == (
        "r2",
        "Bridge repairs begin",
        "Valley Times",
        "2024-05-06",
    )
    assert second.authors == ["Lea Marx"] and second.tags == ["Calder", "Roads"]
    assert "<p>" not in second.text
    assert "line 3 is not valid JSON" in (by_index[3].reason or "")
    assert "not an object" in (by_index[4].reason or "")
    assert "has no text field" in (by_index[5].reason or "")
    assert [a.source.format for a in got] == ["jsonl"] * 5


def test_json_object_with_a_list_of_articles() -> None:
    (a,) = analyze(FIXTURES / "records" / "wrapped.json")
    assert (a.title, a.outlet, a.published) == (
        "Library opens on Sundays",
        "Calder Gazette",
        "2024-06-01",
    )
    assert a.id == "wrapped-0001"


def test_csv_with_quotes_and_newlines_in_fields() -> None:
    (a,) = analyze(FIXTURES / "records" / "quoted.csv")
    assert a.status == "ok"
    assert a.title == "Market reopens"
    assert '"We are glad to be back,"' in a.text
    assert a.text.count("\n\n") == 1


def test_rss_items_become_articles() -> None:
    got = analyze(FIXTURES / "feeds" / "news.rss")
    bridge, teaser = got
    assert bridge.title == "Bridge reopens after repairs"
    assert bridge.url == "https://calder.example/bridge"
    assert bridge.published == "2024-06-04"
    assert bridge.authors == ["Ines Calloway"] and bridge.tags == ["Roads"]
    assert bridge.outlet == "Calder Gazette"
    assert "two of the three spans" in bridge.text
    assert bridge.id.startswith("url-")
    assert teaser.status == "rejected"  # a teaser is not an article body


def test_atom_entries_become_articles() -> None:
    (a,) = analyze(FIXTURES / "feeds" / "news.atom")
    assert (a.title, a.published, a.authors) == (
        "Floods close rail line",
        "2024-06-02",
        ["Lea Marx"],
    )
    assert a.text.startswith("Heavy rain closed the rail line")


def _warc(tmp_path: Path) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = (FIXTURES / "html" / "news-page.html").read_bytes()
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, status, ctype, payload in (
            ("https://northbaypost.example/news/crane-collapse", "200 OK", "text/html", page),
            ("https://northbaypost.example/logo.png", "200 OK", "image/png", b"\x89PNG...."),
            ("https://northbaypost.example/gone", "404 Not Found", "text/html", b"<html></html>"),
        ):
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(payload), http_headers=http
                )
            )
    return path


def test_warc_html_responses_are_articles_and_the_rest_accounted_for(tmp_path: Path) -> None:
    page, image, missing = analyze(_warc(tmp_path))
    assert page.status == "ok"
    assert page.title == "Harbour crane collapses in storm"
    assert page.source.url == "https://northbaypost.example/news/crane-collapse"
    assert page.published == "2024-02-06"  # from the page, not the crawl date
    assert image.reason == "WARC response is image/png, not an HTML page"
    assert missing.reason == "WARC response has HTTP status 404"


def test_gzipped_text_is_read(tmp_path: Path) -> None:
    import gzip

    body = (FIXTURES / "records" / "wrapped.json").read_bytes()
    (tmp_path / "wrapped.json.gz").write_bytes(gzip.compress(body))
    (a,) = analyze(tmp_path / "wrapped.json.gz")
    assert a.title == "Library opens on Sundays"


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("news-page.html", "html"), ("mixed-fields.jsonl", "jsonl"), ("news.rss", "feed")],
)
def test_format_is_sniffed_without_an_extension(tmp_path: Path, name: str, fmt: str) -> None:
    src = next(FIXTURES.rglob(name))
    (tmp_path / "noext").write_bytes(src.read_bytes())
    got = analyze(tmp_path / "noext")
    assert got[0].source.format == fmt


def test_html_page_text_left_out_is_kept_for_review() -> None:
    (a,) = analyze(FIXTURES / "html" / "news-page.html")
    outside = " ".join(
        r.text for r in a.removed if r.reason.startswith("page text outside the article")
    )
    for furniture in (
        "We use cookies",
        "Ferry timetable changes",
        "All rights reserved",
        "WhatsApp",
    ):
        assert furniture in outside
    assert "container crane" not in outside
