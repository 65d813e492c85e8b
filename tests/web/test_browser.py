"""The web app in a real browser (Debian's headless Chromium through Playwright): the
story page of the example corpus, citations, claim cells, search, upload, and hostile
article text that must never run. Screenshots go under each test's tmp_path."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import Server, story_id

CHROMIUM = "/usr/bin/chromium"
if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, tmp_path: Path) -> Iterator[Any]:
    pg = browser.new_page(viewport={"width": 1280, "height": 900})
    # Every dialog a script could open is recorded: there must be none.
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    pg.screenshot(path=str(tmp_path / "last.png"), full_page=True)
    pg.close()


def test_story_page_shows_the_views_of_the_example(
    server: Server, page: Any, tmp_path: Path
) -> None:
    page.goto(f"{server.url}/stories/{story_id(server)}")
    for heading in ("Who claims what", "Timeline", "Numbers", "Articles"):
        assert page.get_by_role("heading", name=heading).count() >= 1
    assert page.locator("details.cell").count() > 10
    page.screenshot(path=str(tmp_path / "story.png"), full_page=True)


def test_citation_highlights_its_evidence_sentence(
    server: Server, page: Any, tmp_path: Path
) -> None:
    page.goto(f"{server.url}/stories/{story_id(server)}")
    cell = page.locator("details.cell").first
    cell.locator("summary").click()
    quoted = cell.locator("q").inner_text()
    cell.locator("a.cite").click()
    lit = page.locator(".ev.hl")
    assert lit.count() >= 1
    assert " ".join(lit.all_inner_texts()).split() == quoted.split()
    page.screenshot(path=str(tmp_path / "citation.png"))


def test_summary_citation_highlights_its_evidence(
    server: Server, page: Any, tmp_path: Path
) -> None:
    page.goto(f"{server.url}/stories/{story_id(server)}")
    cites = page.locator(".summary a.cite")
    if cites.count() == 0:
        pytest.skip("this story has no summary yet (story['summary'] is empty until merged)")
    cites.first.click()
    assert page.locator(".ev.hl").first.is_visible()
    page.screenshot(path=str(tmp_path / "summary-citation.png"))


def test_opening_a_claim_cell_shows_its_evidence(server: Server, page: Any, tmp_path: Path) -> None:
    with server.client() as c:
        story = c.get(f"/api/stories/{story_id(server)}").json()
    evidence = {p["evidence"] for claim in story["claims"] for p in claim["positions"]}
    page.goto(f"{server.url}/stories/{story_id(server)}")
    cell = page.locator("details.cell").first
    quote = cell.locator(".pop q")
    assert not quote.is_visible()
    cell.locator("summary").click()
    assert quote.is_visible()
    assert quote.inner_text() in evidence
    page.screenshot(path=str(tmp_path / "claim-cell.png"))


def test_search_for_a_word_lists_its_articles(server: Server, page: Any, tmp_path: Path) -> None:
    page.goto(server.url)
    page.get_by_label("Search articles").fill("fabrication")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/search?q=fabrication")
    assert page.locator("ol.hits mark").first.inner_text().lower() == "fabrication"
    page.locator("ol.hits a.story-link").first.click()
    page.wait_for_url("**/stories/*")
    page.screenshot(path=str(tmp_path / "search.png"))


def test_uploaded_file_appears_in_a_story(server: Server, page: Any, tmp_path: Path) -> None:
    upload = tmp_path / "lighthouse.txt"
    upload.write_text(
        "Lighthouse keeper honoured in Saltmarsh\n\n"
        "The town council of Saltmarsh gave its medal to the retired lighthouse keeper who "
        "guided fishing boats home through the winter storms for forty years, the mayor said.",
        encoding="utf-8",
    )
    page.goto(f"{server.url}/add")
    page.get_by_label("Article files").set_input_files(str(upload))
    page.get_by_role("button", name="Add").click()
    outcome = page.locator("table.added tbody td").nth(1)
    assert outcome.inner_text() == "ok"
    page.screenshot(path=str(tmp_path / "added.png"))
    page.get_by_role("link", name="open its story").click()
    page.wait_for_url("**/stories/*")
    assert page.get_by_text("Lighthouse keeper honoured in Saltmarsh").count() >= 1
    page.screenshot(path=str(tmp_path / "story-with-upload.png"), full_page=True)


def test_injected_script_in_title_and_text_never_runs(
    server: Server, page: Any, tmp_path: Path
) -> None:
    title = "<script>window.pwned='title'; alert('title')</script>Harbour fire"
    text = (
        "A fire broke out in a warehouse at the harbour on Sunday night. "
        "<img src=x onerror=\"window.pwned='img'; alert('img')\"> "
        "<script>window.pwned='text'; alert('text')</script> Firefighters kept the flames "
        "from the fuel depot, and nobody was hurt, the fire service said on Monday."
    )
    with server.client() as c:
        [added] = c.post("/api/articles", data={"text": text, "title": title}).json()["articles"]
    assert added["status"] == "ok"
    for path in (f"/stories/{added['story_id']}", f"/articles/{added['id']}", "/search?q=fire"):
        page.goto(server.url + path)
        assert page.evaluate("typeof window.pwned") == "undefined"
        assert page.get_by_text("<script>window.pwned='title'", exact=False).count() >= 1
    assert page.dialogs == []
    page.screenshot(path=str(tmp_path / "hostile.png"))
