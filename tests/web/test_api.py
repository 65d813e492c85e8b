"""The web app's JSON API and pages, against a real server on 127.0.0.1: stories,
search, adding articles, limits, tokens, headers, escaping."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import jsonschema
import pytest

from rashomon.cli import main
from rashomon.report import schema
from rashomon.web import WebSettings
from rashomon.web.security import CSP
from tests.web.conftest import MAX_FILES, MAX_REQUEST, MAX_UPLOAD, Server, run_server, story_id

ARTICLE = (
    "Harbour pilots in Saltmarsh walked off the job on Friday, saying the port authority "
    "had ignored repeated warnings about the broken quay lights. The authority said the "
    "repairs were planned for next month and that the pilots' union had been told."
)
# Distinct articles for the tests that add one: near-copies would be set aside as
# duplicates, as they should be.
DUPLICATED = (
    "The ferry between Saltmarsh and the islands was cancelled for a third day as storms "
    "battered the coast, the operator said, and stranded travellers slept in the terminal."
)
MARKDOWN = (
    "An inquiry into the collapse of the old fish cannery roof opened on Wednesday, with "
    "engineers telling the panel that the beams had rotted for years without inspection."
)
SAME_ORIGIN = (
    "Schools in the coastal district reopened after the holiday, with teachers reporting "
    "that attendance was lower than usual because many families had not yet returned."
)
HOSTILE_TITLE = '<script>document.title="pwned"</script><img src=x onerror=alert(1)>'
HOSTILE_TEXT = (
    "Witnesses said <script>alert('text')</script> the blast shook windows across the "
    "harbour district, and officials said the cause was still under investigation today."
)


@pytest.fixture(scope="module")
def token_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """An empty store served with a token and the default (strict) URL rules."""
    db = tmp_path_factory.mktemp("token") / "t.db"
    yield from run_server(WebSettings(db=str(db), token="s3cret-token"))


@pytest.fixture(scope="module")
def article_site() -> Iterator[str]:
    """A local web site serving one article page, for the URL path."""
    page = (
        b"<html><head><title>Quay lights fixed after pilots' strike</title></head><body>"
        b"<article><h1>Quay lights fixed after pilots' strike</h1><p>Electricians worked "
        b"through the weekend to replace the cables under the north quay, and the port "
        b"authority said every light was switched back on by Monday evening.</p>"
        b"<p>The pilots returned to work on Tuesday morning, their union said.</p>"
        b"</article></body></html>"
    )

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200 if self.path == "/quay" else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_lists_stories_with_source_and_dispute_counts(server: Server) -> None:
    with server.client() as c:
        stories = c.get("/api/stories").json()
    main_story = max(stories, key=lambda s: s["sources"])
    assert main_story["sources"] == len(main_story["article_ids"]) >= 7
    assert main_story["disputes"] >= 1
    assert "Saltmarsh" in main_story["headline"]


def test_story_follows_the_report_contract(server: Server) -> None:
    with server.client() as c:
        story = c.get(f"/api/stories/{story_id(server)}").json()
    jsonschema.validate(story, schema()["properties"]["stories"]["items"])
    assert any(c["status"] == "disputed" for c in story["claims"])


def test_unknown_story_is_404_with_a_reason(server: Server) -> None:
    with server.client() as c:
        response = c.get("/api/stories/story-nope")
    assert response.status_code == 404
    assert "No story" in response.json()["detail"]


def test_article_comes_with_its_text_and_story(server: Server) -> None:
    with server.client() as c:
        article = c.get("/api/articles/01-meridian-wire").json()
    assert article["text"].startswith("SALTMARSH")
    assert article["story_id"] == story_id(server)


def test_search_finds_a_word_and_links_its_story(server: Server) -> None:
    with server.client() as c:
        hits = c.get("/api/search", params={"q": "fabrication"}).json()
    by_id = {h["id"]: h for h in hits}
    # The near-copy 08 holds the word too; as a duplicate it belongs to no story.
    assert set(by_id) == {"01-meridian-wire", "08-coastline-news"}
    assert "[fabrication]" in by_id["01-meridian-wire"]["snippet"]
    assert by_id["01-meridian-wire"]["story_id"] == story_id(server)
    assert by_id["08-coastline-news"]["story_id"] is None


def test_search_page_marks_the_matches(server: Server) -> None:
    with server.client() as c:
        page = c.get("/search", params={"q": "fabrication"}).text
    assert "<mark>fabrication</mark>" in page
    assert "/stories/" in page


def test_pasted_text_appears_in_a_story(server: Server) -> None:
    with server.client() as c:
        result = c.post(
            "/api/articles",
            data={"text": ARTICLE, "title": "Pilots strike", "outlet": "Port Gazette"},
        ).json()
        [added] = result["articles"]
        assert added["status"] == "ok" and result["added"] == 1
        story = c.get(f"/api/stories/{added['story_id']}").json()
        page = c.get(f"/stories/{added['story_id']}").text
    assert added["id"] in story["article_ids"]
    assert "Pilots strike" in page and "Port Gazette" in page


def test_same_text_twice_is_a_duplicate_not_a_new_article(server: Server) -> None:
    text = DUPLICATED
    with server.client() as c:
        first = c.post("/api/articles", data={"text": text}).json()["articles"][0]
        second = c.post("/api/articles", data={"text": text}).json()["articles"][0]
    assert first["status"] == "ok"
    assert second["status"] == "duplicate" and second["duplicate_of"] == first["id"]


def test_uploaded_file_is_read_by_its_format(server: Server) -> None:
    markdown = f"---\ntitle: Quay inquiry opens\noutlet: Harbour Post\n---\n\n{MARKDOWN}"
    with server.client() as c:
        result = c.post(
            "/api/articles", files={"files": ("inquiry.md", markdown.encode(), "text/markdown")}
        ).json()
    [added] = result["articles"]
    assert (added["status"], added["title"], added["outlet"]) == (
        "ok",
        "Quay inquiry opens",
        "Harbour Post",
    )


def test_file_over_the_upload_limit_is_413_with_a_clear_message(server: Server) -> None:
    big = b"word " * (MAX_UPLOAD // 5 + 10)
    with server.client() as c:
        response = c.post("/api/articles", files={"files": ("big.txt", big, "text/plain")})
    assert response.status_code == 413
    assert "big.txt is over the" in response.json()["detail"]


def test_too_many_files_is_413(server: Server) -> None:
    files = [("files", (f"a{i}.txt", ARTICLE.encode(), "text/plain")) for i in range(MAX_FILES + 1)]
    with server.client() as c:
        response = c.post("/api/articles", files=files)
    assert response.status_code == 413
    assert f"at most {MAX_FILES}" in response.json()["detail"]


def test_request_over_the_body_limit_is_413(server: Server) -> None:
    with server.client() as c:
        response = c.post("/api/articles", data={"text": "x " * MAX_REQUEST})
    assert response.status_code == 413
    assert "Request too large" in response.json()["detail"]


@pytest.mark.parametrize("name", ["../../{stem}.txt", "{abs}", "..\\..\\{stem}.txt"])
def test_path_like_file_names_never_touch_the_file_system(
    server: Server, tmp_path: Path, name: str
) -> None:
    sentinel = tmp_path / "sentinel.txt"
    sentinel.write_text("SENTINEL " * 40, encoding="utf-8")
    before = sorted(p.name for p in tmp_path.parent.iterdir())
    filename = name.format(stem=tmp_path.name, abs=sentinel)
    body = f"{ARTICLE} Uploaded as {tmp_path.name}.".encode()
    with server.client() as c:
        [added] = c.post("/api/articles", files={"files": (filename, body, "text/plain")}).json()[
            "articles"
        ]
        article = c.get(f"/api/articles/{added['id']}").json()
    assert sentinel.read_text(encoding="utf-8") == "SENTINEL " * 40
    assert sorted(p.name for p in tmp_path.parent.iterdir()) == before
    assert "SENTINEL" not in article["text"] and tmp_path.name in article["text"]
    assert "/" not in article["source"]["path"] and "\\" not in article["source"]["path"]


def test_url_is_fetched_and_added(server: Server, article_site: str) -> None:
    with server.client() as c:
        [added] = c.post("/api/articles", data={"urls": f"{article_site}/quay"}).json()["articles"]
    assert added["status"] == "ok"
    assert added["title"] == "Quay lights fixed after pilots' strike"


def test_url_that_is_not_http_is_rejected_not_read(server: Server) -> None:
    with server.client() as c:
        [added] = c.post("/api/articles", data={"urls": "/etc/passwd"}).json()["articles"]
    assert added["status"] == "rejected"
    assert "not an http or https URL" in added["reason"]


def test_private_address_is_refused_by_default(token_server: Server, article_site: str) -> None:
    headers = {"Authorization": "Bearer s3cret-token"}
    with token_server.client(headers=headers) as c:
        [added] = c.post("/api/articles", data={"urls": f"{article_site}/quay"}).json()["articles"]
    assert added["status"] == "rejected"
    assert "blocked URL" in added["reason"]


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong"}, {"Cookie": "rashomon_token=wrong"}],
    ids=["none", "wrong-bearer", "wrong-cookie"],
)
def test_token_is_required_when_configured(token_server: Server, headers: dict[str, str]) -> None:
    with token_server.client(headers=headers) as c:
        for path in ("/", "/api/stories", "/static/app.css"):
            assert c.get(path).status_code == 401


def test_bearer_token_opens_the_api(token_server: Server) -> None:
    with token_server.client(headers={"Authorization": "Bearer s3cret-token"}) as c:
        assert c.get("/api/stories").status_code == 200


def test_login_sets_a_cookie_that_opens_the_pages(token_server: Server) -> None:
    with token_server.client() as c:
        assert c.get("/login", params={"token": "wrong"}).status_code == 401
        response = c.get("/login", params={"token": "s3cret-token"})
        assert response.status_code == 303
        assert "httponly" in response.headers["set-cookie"].lower()
        assert c.get("/").status_code == 200


@pytest.mark.parametrize("path", ["/", "/api/stories", "/static/report.js", "/nope", "/docs"])
def test_every_response_carries_the_security_headers(server: Server, path: str) -> None:
    with server.client() as c:
        headers = c.get(path).headers
    assert headers["content-security-policy"] == CSP
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"


def test_hostile_title_and_text_are_escaped_in_every_page(server: Server) -> None:
    with server.client() as c:
        [added] = c.post(
            "/api/articles", data={"text": HOSTILE_TEXT, "title": HOSTILE_TITLE}
        ).json()["articles"]
        assert added["status"] == "ok"
        pages = [
            c.get(f"/stories/{added['story_id']}").text,
            c.get(f"/articles/{added['id']}").text,
            c.get("/search", params={"q": "onerror"}).text,
            c.get("/").text,
        ]
    for page in pages[:3]:
        assert "&lt;script&gt;" in page
    for page in pages:
        assert "<script>" not in page and "<img src=x" not in page


def test_cross_site_form_post_is_refused(server: Server) -> None:
    with server.client(headers={"Origin": "http://evil.example"}) as c:
        response = c.post("/add", data={"text": ARTICLE})
    assert response.status_code == 403


def test_cross_site_post_with_null_origin_is_refused(server: Server) -> None:
    headers = {"Origin": "null", "Sec-Fetch-Site": "cross-site"}
    with server.client(headers=headers) as c:
        assert c.post("/add", data={"text": ARTICLE}).status_code == 403


def test_own_form_posted_with_null_origin_is_accepted(server: Server) -> None:
    # What Chromium sends for our own form under Referrer-Policy: no-referrer.
    headers = {"Origin": "null", "Sec-Fetch-Site": "same-origin"}
    with server.client(headers=headers) as c:
        response = c.post("/add", data={"urls": "not-a-url"})
    assert response.status_code == 200 and "not an http or https URL" in response.text


def test_same_origin_form_post_is_accepted(server: Server) -> None:
    with server.client(headers={"Origin": server.url}) as c:
        response = c.post("/add", data={"text": SAME_ORIGIN})
    assert response.status_code == 200 and "open its story" in response.text


def test_foreign_host_name_is_refused_on_loopback(server: Server) -> None:
    with server.client(headers={"Host": "attacker.example"}) as c:
        assert c.get("/api/stories").status_code == 400


def test_openapi_describes_the_api(server: Server) -> None:
    with server.client() as c:
        spec = c.get("/openapi.json").json()
        docs = c.get("/docs").text
    assert {"/api/stories", "/api/stories/{story_id}", "/api/search", "/api/articles"} <= set(
        spec["paths"]
    )
    assert "POST /api/articles" in docs


def test_serve_refuses_a_public_address_without_a_token(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RASHOMON_TOKEN", raising=False)
    code = main(["serve", "--db", str(tmp_path / "s.db"), "--host", "0.0.0.0"])
    assert code == 2
    assert "without a token" in capsys.readouterr().err
