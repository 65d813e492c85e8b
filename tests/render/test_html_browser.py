"""The HTML report in a real browser (Debian's headless Chromium through Playwright):
citations highlight their evidence, claim cells open on their evidence, injected script
never runs, nothing is fetched. Screenshots and the 50-article timing go to tmp_path."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rashomon.render.html import render_html
from rashomon.report import Report

from .conftest import hostile_report

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(
        f"{CHROMIUM} is missing: the browser tests need Debian's chromium", allow_module_level=True
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="the browser tests need playwright")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield b
        b.close()


def _open(browser: Any, report: Report, folder: Path) -> tuple[Any, list[str]]:
    """The report written to `folder` and opened; returns the page and every URL it asked for."""
    path = folder / "report.html"
    path.write_text(render_html(report), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    return page, requests


def _shot(page: Any, folder: Path, name: str) -> None:
    path = folder / f"{name}.png"
    page.screenshot(path=str(path))
    print(f"screenshot: {path}")


def test_summary_citation_highlights_its_evidence_sentence(
    browser: Any, example: Report, tmp_path: Path
) -> None:
    page, _ = _open(browser, example, tmp_path)
    cite = page.locator(".summary a.cite").first
    target = cite.get_attribute("href")[1:]
    cite.click()
    sentence = page.locator(f"#{target}")
    assert "hl" in sentence.get_attribute("class").split()
    assert sentence.is_visible() and sentence.evaluate(
        "el => { const r = el.getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= innerHeight }"
    )
    assert sentence.evaluate("el => getComputedStyle(el).backgroundColor") != "rgba(0, 0, 0, 0)"
    _shot(page, tmp_path, "citation")
    page.close()


def test_claim_cell_shows_its_evidence(browser: Any, example: Report, tmp_path: Path) -> None:
    page, _ = _open(browser, example, tmp_path)
    cell = page.locator("tr.claim.disputed details.cell").first
    evidence = cell.locator(".pop q")
    assert not evidence.is_visible()
    cell.locator("summary").click()
    assert evidence.is_visible()
    claim = next(c for c in example.stories[0].claims if c["status"] == "disputed")
    assert evidence.inner_text() in {" ".join(p["evidence"].split()) for p in claim["positions"]}
    _shot(page, tmp_path, "claim-cell")
    page.locator("tr.claim.disputed details.cell summary").nth(1).click()
    # the first one closes on the "toggle" event, which the browser fires after the click
    page.wait_for_function(
        "document.querySelectorAll('details.cell[open]').length === 1", timeout=5000
    )
    assert page.locator("details.cell[open]").count() == 1
    page.close()


def test_injected_script_in_title_and_text_never_runs(browser: Any, tmp_path: Path) -> None:
    report = hostile_report()
    page = browser.new_page()
    dialogs: list[str] = []
    console: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: console.append(m.text))
    path = tmp_path / "report.html"
    path.write_text(render_html(report), encoding="utf-8")
    page.goto(path.as_uri())
    page.locator("details.single > summary").click()
    page.locator("details.cell summary").first.click()
    page.locator("a.cite").first.click()
    ran = page.evaluate(
        "() => ['__pwned_title', '__pwned_text', '__pwned_img', '__pwned_outlet', '__pwned_url']"
        ".filter(k => k in window)"
    )
    assert ran == []
    assert page.title() != "pwned" and "rashomon report" in page.title()
    assert dialogs == []
    assert page.locator("script").count() == 1
    assert "<script>window.__pwned_text = 1</script>" in page.locator("article .body").inner_text()
    _shot(page, tmp_path, "hostile")
    print("console:", console)
    page.close()


def test_page_makes_no_network_request(browser: Any, example: Report, tmp_path: Path) -> None:
    page, requests = _open(browser, example, tmp_path)
    page.locator(".summary a.cite").first.click()
    page.locator("details.cell summary").first.click()
    page.locator(".ent-toggle").first.click()
    assert requests == [(tmp_path / "report.html").as_uri()]
    page.close()


def _replicated(report: Report, size: int) -> Report:
    """One story of `size` articles: the example story's articles copied under new ids,
    with everything that points to them copied along."""
    story = report.stories[0]
    base = [report.article(a) for a in story.article_ids]
    data = story.to_dict()
    out = copy.deepcopy(story)
    out.article_ids, articles = [], []
    for k in range(-(-size // len(base))):
        for a in base:
            if len(articles) == size:
                break
            new = copy.deepcopy(a)
            new.id = f"{a.id}-copy{k}"
            articles.append(new)
            out.article_ids.append(new.id)
    renamed = {a.id for a in articles}
    out.attributions, out.quantities = [], []
    claims = {c["id"]: c for c in out.claims}
    for c in claims.values():
        c["positions"] = []
    for k in range(-(-size // len(base))):

        def rename(aid: str, k: int = k) -> str:
            return f"{aid}-copy{k}"

        for att in data["attributions"]:
            if rename(att["article_id"]) in renamed:
                out.attributions.append(
                    dict(att, id=rename(att["id"]), article_id=rename(att["article_id"]))
                )
        for q in data["quantities"]:
            if rename(q["article_id"]) in renamed:
                out.quantities.append(
                    dict(q, id=rename(q["id"]), article_id=rename(q["article_id"]))
                )
        for c in data["claims"]:
            claims[c["id"]]["positions"] += [
                dict(p, article_id=rename(p["article_id"]),
                     attribution_id=p["attribution_id"] and rename(p["attribution_id"]))
                for p in c["positions"] if rename(p["article_id"]) in renamed
            ]  # fmt: skip
    for e in out.entities:
        e["mentions"] = [
            dict(m, article_id=f"{m['article_id']}-copy{k}")
            for k in range(-(-size // len(base)))
            for m in e.get("mentions", [])
            if f"{m['article_id']}-copy{k}" in renamed
        ]
    return Report(articles=articles, stories=[out], generated_at=report.generated_at)


def test_fifty_article_story_render_time(browser: Any, example: Report, tmp_path: Path) -> None:
    big = _replicated(example, 50)
    assert len(big.stories[0].article_ids) == 50
    page, _ = _open(browser, big, tmp_path)
    timing = page.evaluate(
        "() => { const t = performance.getEntriesByType('navigation')[0];"
        " return {dom: t.domContentLoadedEventEnd, load: t.loadEventEnd} }"
    )
    size = (tmp_path / "report.html").stat().st_size
    line = (
        f"50-article story: {size / 1e6:.2f} MB, DOMContentLoaded {timing['dom']:.0f} ms, "
        f"load {timing['load']:.0f} ms"
    )
    print(line)
    (tmp_path / "timing.txt").write_text(line + "\n", encoding="utf-8")
    assert page.locator("article.art").count() == 50
    _shot(page, tmp_path, "fifty")
    page.close()
