"""The HTML report without a browser: escaping of untrusted articles, the
Content-Security-Policy, and every view of a story on the real example corpus."""

from __future__ import annotations

import base64
import copy
import hashlib
import re

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

from rashomon.render.html import REPORT_CSS, REPORT_JS, _marked, _Span, render_html, story_html
from rashomon.report import Report

from .conftest import HOSTILE_OUTLET, HOSTILE_TEXT, HOSTILE_TITLE, hostile_report


def _doc(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html)


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def _csp(html: str) -> dict[str, str]:
    meta = _doc(html).xpath('//meta[@http-equiv="Content-Security-Policy"]/@content')
    assert len(meta) == 1
    pairs = (d.strip().partition(" ") for d in meta[0].split(";") if d.strip())
    return {name: value for name, _, value in pairs}


@pytest.fixture
def hostile_html() -> str:
    return render_html(hostile_report())


def test_page_runs_no_script_but_its_own(hostile_html: str) -> None:
    scripts = _doc(hostile_html).xpath("//script")
    assert len(scripts) == 1
    assert scripts[0].text == REPORT_JS


@pytest.mark.parametrize("hostile", [HOSTILE_TITLE, HOSTILE_OUTLET, HOSTILE_TEXT.split("\n\n")[0]])
def test_hostile_article_fields_are_shown_as_text(hostile_html: str, hostile: str) -> None:
    doc = _doc(hostile_html)
    assert hostile.split("</script>")[0] in doc.text_content()
    assert not doc.xpath("//img") and not doc.xpath("//*[@onerror]")


def test_javascript_url_is_shown_but_never_a_link(hostile_html: str) -> None:
    doc = _doc(hostile_html)
    assert "javascript:window.__pwned_url" in doc.text_content()
    hrefs = doc.xpath("//a/@href")
    assert hrefs and all(h.startswith("#") or h.startswith("http") for h in hrefs)


def test_csp_allows_only_the_inline_script_and_style_by_hash(hostile_html: str) -> None:
    csp = _csp(hostile_html)
    assert csp["default-src"] == "'none'"
    assert csp["script-src"] == _sha256(REPORT_JS)
    assert csp["style-src"] == _sha256(REPORT_CSS)
    assert "unsafe-inline" not in hostile_html.split("</head>")[0]


def test_inline_script_and_style_are_exactly_what_the_hashes_cover(hostile_html: str) -> None:
    script = re.search(r"<script>(.*?)</script>", hostile_html, re.S)
    style = re.search(r"<style>(.*?)</style>", hostile_html, re.S)
    assert script and style
    assert _csp(hostile_html)["script-src"] == _sha256(script.group(1))
    assert _csp(hostile_html)["style-src"] == _sha256(style.group(1))


def test_page_refers_to_nothing_outside_itself(example: Report) -> None:
    doc = _doc(render_html(example))
    assert not doc.xpath("//*[@src] | //link | //img | //iframe | //object | //*[@style]")
    assert all(h.startswith(("#", "http://", "https://")) for h in doc.xpath("//a/@href"))


@pytest.mark.parametrize(
    "view", ["sources", "summary", "claims", "timeline", "numbers", "entities", "framing",
             "articles"]
)  # fmt: skip
def test_every_view_of_the_example_story_is_present(example: Report, view: str) -> None:
    story = example.stories[0]
    doc = _doc(render_html(example))
    section = doc.get_element_by_id(f"{story.id}-{view}")
    assert section.xpath(".//h3")


def test_summary_citations_point_to_their_evidence_sentence(example: Report) -> None:
    story = example.stories[0]
    doc = _doc(render_html(example))
    claim = next(c for c in story.claims if c["id"] == story.summary[0]["claim_ids"][0])
    evidence = {" ".join(p["evidence"].split()) for p in claim["positions"]}
    first = doc.get_element_by_id(f"{story.id}-summary").xpath(".//li")[0]
    cites = first.xpath(".//a[@class='cite']/@href")
    assert cites
    for href in cites:
        target = doc.get_element_by_id(href[1:])
        assert target.get("data-ev") == href[1:]
        assert " ".join(target.text_content().split()) in evidence


def test_claim_cells_hold_the_evidence_of_each_position(example: Report) -> None:
    story = example.stories[0]
    claim = next(c for c in story.claims if c["status"] == "disputed")
    row = _doc(render_html(example)).get_element_by_id(f"{story.id}-{claim['id']}")
    shown = [" ".join(q.text_content().split()) for q in row.xpath(".//details//q")]
    assert sorted(shown) == sorted(" ".join(p["evidence"].split()) for p in claim["positions"])


def test_disputed_claims_come_first_in_the_matrix(example: Report) -> None:
    doc = _doc(render_html(example))
    statuses = [tr.get("class").split()[1] for tr in doc.xpath("//tr[contains(@class,'claim ')]")]
    assert statuses[0] == "disputed"
    assert statuses == sorted(statuses, key=["disputed", "consensus", "single_source"].index)


def test_inferred_timeline_dates_are_marked(example: Report) -> None:
    story = example.stories[0]
    story.timeline = [dict(e, inferred=i == 0) for i, e in enumerate(story.timeline)]
    items = _doc(render_html(example)).xpath("//ol[@class='timeline']/li[contains(@class,'tl')]")
    assert [("inferred" in li.get("class")) for li in items].count(True) == 1
    assert "date inferred" in items[0].text_content()


def test_removed_furniture_is_viewable_under_its_article(example: Report) -> None:
    story = example.stories[0]
    article = next(example.article(a) for a in story.article_ids if example.article(a).removed)
    doc = _doc(render_html(example))
    node = doc.get_element_by_id(f"{story.id}-art-{article.id}")
    assert article.removed[0].text.split()[0] in node.xpath(".//details")[0].text_content()


def test_framing_shows_labels_side_by_side_and_hedges(example: Report) -> None:
    story = example.stories[0]
    doc = _doc(render_html(example))
    framing = doc.get_element_by_id(f"{story.id}-framing")
    header = [th.text_content() for th in framing.xpath(".//table[@class='labels']//thead//th")]
    assert len(header) == 1 + len(story.framing["articles"])
    assert framing.xpath(".//ul[@class='hedges']/li")
    assert doc.xpath("//span[contains(@class,'hedge')]")


def test_an_outlets_coverage_names_a_disputed_claim_only_with_its_sides(example: Report) -> None:
    story = example.stories[0].to_dict()
    disputed = next(c for c in story["claims"] if c["status"] == "disputed")
    row = story["framing"]["articles"][0]
    row["omitted_claim_ids"] = [disputed["id"]]
    by_id = {a.id: a.to_dict() for a in example.articles}
    doc = lxml.html.fragment_fromstring(story_html(story, by_id))
    framing = doc.xpath(".//*[@id=$i]", i=f"{story['id']}-framing")[0]
    links = [a.text_content() for a in framing.xpath(".//a")]
    shown = [text for text in links if disputed["text"] in text]
    assert shown
    deniers = {p["actor"] for p in disputed["positions"] if p["stance"] == "denies"}
    for text in shown:
        assert text.startswith("disputed: ") and any(f"{d} deny" in text for d in deniers)


def test_story_without_framing_or_summary_shows_neither(example: Report) -> None:
    story = example.stories[0].to_dict()
    story["framing"], story["summary"] = {}, []
    del story["timeline"]
    by_id = {a.id: a.to_dict() for a in example.articles}
    doc = lxml.html.fragment_fromstring(story_html(story, by_id))
    assert not doc.xpath(".//*[@id=$i]", i=f"{story['id']}-framing")
    assert not doc.xpath(".//*[@id=$i]", i=f"{story['id']}-summary")
    assert doc.xpath(".//*[@id=$i]", i=f"{story['id']}-claims")


def test_several_stories_give_an_index(example: Report) -> None:
    second = copy.deepcopy(example.stories[0])
    second.id, second.headline = "story-second", "A second story"
    example.stories.append(second)
    doc = _doc(render_html(example))
    links = doc.xpath("//nav[@class='index']//a/@href")
    assert links == [f"#{example.stories[0].id}", "#story-second"]
    assert doc.get_element_by_id("story-second").xpath(".//h2")[0].text == "A second story"


def test_same_report_gives_the_same_page(example: Report) -> None:
    assert render_html(example) == render_html(copy.deepcopy(example))


_spans = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40), st.integers(0, 3)), max_size=12)


@given(text=st.text("ab <&>\"'", min_size=1, max_size=40), spans=_spans)
def test_marked_text_keeps_the_text_and_stays_well_formed(
    text: str, spans: list[tuple[int, int, int]]
) -> None:
    marks = [
        _Span(min(a, b), max(a, b), rank, f"k{rank}", (), f"id{i}")
        for i, (a, b, rank) in enumerate(spans)
    ]
    emitted: set[str] = set()
    html = str(_marked(text, sorted(marks), 0, len(text), emitted))
    root = lxml.html.fragment_fromstring(f"<p>{html}</p>")
    assert root.text_content() == text
    assert html.count("<span") == html.count("</span>")
    ids = root.xpath(".//@id")
    assert len(ids) == len(set(ids))


def test_a_headline_attribution_marks_nothing_in_the_text(example: Report) -> None:
    # its offsets are into the title: marking them in the text would mark other words
    doc = _doc(render_html(example))
    story = example.stories[0]
    tip = lambda a: f"{a['speaker'] or 'unnamed source'} · {a['cue'] or ''} ({a['stance']})"  # noqa: E731
    heads = [a for a in story.attributions if a.get("in_title")]
    assert heads
    body_tips = {tip(a) for a in story.attributions if not a.get("in_title")}
    for a in heads:
        if tip(a) not in body_tips:
            assert not doc.xpath("//span[@title=$t]", t=tip(a)), a
    marked = {s.get("title") for s in doc.xpath("//span[contains(@class, 'att')]")}
    assert body_tips & marked
