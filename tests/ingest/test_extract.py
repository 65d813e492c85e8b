"""HTML extraction (`ingest.extract`) and the HTML reader, on pages written by us."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rashomon.ingest import to_article
from rashomon.ingest.extract import Extracted, extract_html
from rashomon.ingest.readers.html import declared_charset, looks_like_html, read_html
from rashomon.ingest.registry import Fetched, ReadContext
from rashomon.model import RawItem, Source
from rashomon.settings import Settings

HTML = Path(__file__).resolve().parents[1] / "fixtures" / "html"
URL = "https://larkfield-courier.example/news/glenmoor-library-reopens"


def _no_fetch(url: str) -> Fetched:
    raise AssertionError(f"no fetching in these tests: {url}")


CTX = ReadContext(settings=Settings(), fetch=_no_fetch)


def read(data: bytes, url: str | None = None) -> list[RawItem]:
    return list(read_html(data, Source("html", url=url), CTX))


@pytest.fixture(scope="module")
def full() -> Extracted:
    return extract_html((HTML / "article-full.html").read_bytes(), url=URL)


def removed_text(extracted: Extracted, reason: str) -> str:
    return " ".join(r.text for r in extracted.removed if r.reason.startswith(reason))


# --- the body ---------------------------------------------------------------------------


def test_keeps_body_and_drops_share_bar(full: Extracted) -> None:
    assert full.text.startswith("Glenmoor's public library reopened on Tuesday morning")
    assert full.text.endswith("ten until four on Saturdays.")
    assert "WhatsApp" not in full.text


def test_paragraphs_are_separated_by_blank_lines(full: Extracted) -> None:
    paragraphs = full.text.split("\n\n")
    assert len(paragraphs) >= 8
    assert all(p.strip() == p and p for p in paragraphs)


@pytest.mark.parametrize(
    "furniture",
    [
        "We use cookies",  # cookie banner
        "Business",  # navigation
        "Most read",  # sidebar
        "All rights reserved",  # footer
        "Sign up to our free morning newsletter",  # call to action
        "Flood grants open to shop owners",  # related posts under the article
    ],
)
def test_page_furniture_is_not_body(full: Extracted, furniture: str) -> None:
    assert furniture not in full.text


def test_title_and_standfirst_are_not_body(full: Extracted) -> None:
    assert "Glenmoor library reopens after flood repairs" not in full.text
    assert "readers are back among the shelves" not in full.text


def test_teaser_links_inside_the_article_are_removed_with_reason(full: Extracted) -> None:
    assert "Council votes on new Tarrow flood defences" not in full.text
    assert "Larkfield bakery wins county award" not in full.text
    assert "Council votes on new Tarrow flood defences" in removed_text(full, "related link")
    links = removed_text(full, "related links")
    assert "Don't miss" in links and "New school bus timetable" in links


def test_page_text_outside_the_article_is_kept_for_review(full: Extracted) -> None:
    outside = removed_text(full, "page text outside the article")
    assert "We use cookies" in outside and "Most read" in outside
    assert "Ines Haldane" not in outside


def test_embedded_post_is_kept_as_a_quote(full: Extracted) -> None:
    assert "Queue outside Glenmoor library at half eight." in full.text
    assert "We rebuilt it to flood again" in full.text


def test_article_split_into_chunks_is_restored_in_order() -> None:
    got = extract_html((HTML / "article-chunks.html").read_text(encoding="utf-8")).text
    firsts = ["When the owners", "The first year was hard", "Today the mill", "Wirth says"]
    positions = [got.find(s) for s in firsts]
    assert -1 not in positions and positions == sorted(positions)
    assert "Advertisement" not in got


@pytest.mark.parametrize("name", ["no-body.html", "no-article.html"])
def test_page_without_article_gives_empty_text(name: str) -> None:
    assert extract_html((HTML / name).read_bytes()).text == ""


def test_table_rows_read_as_lines_without_markup() -> None:
    rows = "".join(
        f"<tr><td>{n}</td><td>Runner {n}</td><td>{40 + n} min</td></tr>" for n in range(1, 9)
    )
    prose = "<p>" + "The results of the valley half marathon were confirmed on Sunday. " * 4
    page = (
        f"<html><body><article>{prose}</p><table>{rows}</table>{prose}</p></article></body></html>"
    )
    got = extract_html(page).text
    assert "1 Runner 1 41 min" in got
    assert "|" not in got


# --- metadata ---------------------------------------------------------------------------


def test_reads_metadata_from_json_ld_and_open_graph(full: Extracted) -> None:
    meta = full.meta
    assert meta.title == "Glenmoor library reopens after flood repairs"
    assert meta.outlet == "The Larkfield Courier"
    assert meta.url == URL  # the canonical link, made absolute
    assert (meta.published, meta.modified) == ("2024-03-12", "2024-03-13")
    assert meta.language == "en"


def test_authors_are_people_with_cleaned_names(full: Extracted) -> None:
    # "By MARTA OKONJO" loses its "By" and capitals; the newsroom is no person.
    assert full.meta.authors == ["Marta Okonjo", "Pieter Vos"]


def test_tags_leave_out_content_system_codes(full: Extracted) -> None:
    assert full.meta.tags == ["Glenmoor", "Libraries", "Floods"]


def _page(head: str, url: str | None = None) -> Extracted:
    body = "<p>" + "The harbour board met on Thursday to discuss the new crane. " * 5 + "</p>"
    return extract_html(f"<html><head>{head}</head><body>{body}</body></html>", url=url)


def test_unknown_publication_date_stays_none() -> None:
    got = _page("<title>Harbour board meets</title>", url="https://example.org/harbour-board")
    assert got.meta.published is None


def test_utc_timestamp_gives_way_to_the_date_in_the_url() -> None:
    # 01:20 UTC on the 19th is still the 18th in the newsroom that dated the URL.
    head = '<meta property="article:published_time" content="2024-11-19T01:20:00Z">'
    got = _page(head, url="https://example.org/2024/11/18/harbour-board/")
    assert got.meta.published == "2024-11-18"


def test_site_name_that_is_a_url_is_no_outlet() -> None:
    got = _page('<meta property="og:site_name" content="https://www.example.org">')
    assert got.meta.outlet is None


def test_outlet_suffix_is_cut_from_the_page_title() -> None:
    head = (
        "<title>Harbour board meets | Coast Times</title>"
        '<meta property="og:site_name" content="Coast Times">'
    )
    assert _page(head).meta.title == "Harbour board meets"


def test_url_falls_back_to_the_given_one() -> None:
    assert _page("", url="https://example.org/a").meta.url == "https://example.org/a"


# --- the reader: decoding and detection ---------------------------------------------------


def test_reader_yields_one_html_item_for_the_dispatcher_to_name() -> None:
    (item,) = read((HTML / "article-full.html").read_bytes(), url=URL)
    assert (item.kind, item.id_hint, item.reason) == ("html", "", None)
    assert item.meta.url == URL
    assert "<article" in item.body


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("legacy-windows-1251.html", "Новый паром начал в понедельник"),
        ("legacy-shift-jis.xhtml", "港の桜まつりは今年"),
        ("legacy-encoding.html", "« pour leur énergie et leur patience »"),
    ],
)
def test_declared_legacy_charset_is_honoured(name: str, expected: str) -> None:
    (item,) = read((HTML / name).read_bytes())
    assert expected in item.body
    assert expected.split()[0] in extract_html(item.body).text


@pytest.mark.parametrize(
    ("head", "charset"),
    [
        (b'<meta charset="windows-1251">', "cp1251"),
        (b"<meta http-equiv='Content-Type' content='text/html; charset=KOI8-R'>", "koi8-r"),
        (b'<?xml version="1.0" encoding="Shift_JIS"?>', "shift_jis"),
        (b'<meta charset="iso-8859-1">', "cp1252"),  # as browsers read it
        (b'<meta charset="utf-16">', "utf-8"),  # readable as ASCII: cannot be UTF-16
        (b'<meta charset="no-such-thing">', None),
        (b"<p>no declaration</p>", None),
    ],
)
def test_declared_charset(head: bytes, charset: str | None) -> None:
    assert declared_charset(b"<html><head>" + head + b"</head></html>") == charset


def test_reader_rejects_binary_data_with_reason() -> None:
    (item,) = read((HTML / "garbage.bin").read_bytes())
    assert item.reason == "binary data, not an HTML page"


@pytest.mark.parametrize(
    "head",
    [
        b"<!DOCTYPE html><html>",
        b"\xef\xbb\xbf  <!doctype HTML>",
        b"\n\n<!-- generated -->\n<html lang='en'>",
        b"<?xml version='1.0'?>\n<!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.0//EN' ''>",
        b"<HEAD><title>x</title>",
        b"<body><p>x</p>",
        "\ufeff<html>".encode("utf-16"),
    ],
)
def test_sniff_recognises_html(head: bytes) -> None:
    assert looks_like_html(head)


@pytest.mark.parametrize(
    "head",
    [b"", b"plain text <html>", b'{"html": 1}', b"<?xml version='1.0'?><rss>", b"<htmlx>"],
)
def test_sniff_leaves_other_formats_alone(head: bytes) -> None:
    assert not looks_like_html(head)


# --- through the pipeline -------------------------------------------------------------------


def test_pipeline_gives_clean_article_with_removed_furniture() -> None:
    (raw,) = read((HTML / "article-full.html").read_bytes(), url=URL)
    article = to_article(raw, "glenmoor", Settings())
    assert article.status == "ok"
    assert article.title == "Glenmoor library reopens after flood repairs"
    assert article.published == "2024-03-12"
    assert "Haldane said" in article.text and "WhatsApp" not in article.text
    assert any(r.reason == "related link" for r in article.removed)


# --- odd input never raises ----------------------------------------------------------------

_TAGS = ["<p>", "</p>", "<div class='article-body'>", "</div>", "<a href='x'>", "</a>", "<br>",
         "<table><tr><td>", "<h1>", "<script>", "<!--", "-->", "<meta charset='bogus'>",
         "<blockquote class='twitter-tweet'>", "<html>", "<body>", "&amp;", "&#0;",
         "\x00"]  # fmt: skip


@st.composite
def html_soup(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.one_of(st.sampled_from(_TAGS), st.text(max_size=30)), max_size=60))
    return "".join(parts)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=2000), st.text(max_size=2000), html_soup()))
def test_odd_input_never_raises(data: bytes | str) -> None:
    got = extract_html(data, url="https://example.org/x")
    assert isinstance(got.text, str)
    raw = data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")
    items = read(raw)
    assert len(items) == 1
    assert items[0].reason is not None or isinstance(items[0].body, str)


def _pages() -> Iterator[Path]:
    yield from sorted(HTML.iterdir())


@pytest.mark.parametrize("path", list(_pages()), ids=lambda p: p.name)
def test_every_fixture_reads_without_raising(path: Path) -> None:
    for item in read(path.read_bytes()):
        assert isinstance(extract_html(item.body).text, str)
