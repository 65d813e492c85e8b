"""URLs and feeds fetched from a local HTTP server on 127.0.0.1: never the network."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import ClassVar

import pytest

import rashomon
from rashomon.ingest import web
from rashomon.ingest.web import FetchError, check_address, fetch
from rashomon.settings import Settings
from tests.conftest import QuietServer

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PAGE = (FIXTURES / "html" / "news-page.html").read_bytes()


class _Handler(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[int, dict[str, str], bytes]]] = {}

    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(1.5)
        status, headers, body = self.routes.get(self.path, (404, {}, b"not here"))
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = QuietServer(("127.0.0.1", 0), _Handler)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    feed = (
        (FIXTURES / "feeds" / "news.rss")
        .read_bytes()
        .replace(b"https://calder.example/bridge", f"{base}/page".encode())
        .replace(b"https://calder.example/teaser", f"{base}/gone".encode())
    )
    _Handler.routes = {
        "/page": (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE),
        "/feed": (200, {"Content-Type": "application/rss+xml"}, feed),
        "/image": (200, {"Content-Type": "image/png"}, b"\x89PNG...."),
        "/big": (200, {"Content-Type": "text/html"}, b"<p>" + b"x" * 5000),
        "/slow": (200, {"Content-Type": "text/html"}, PAGE),
        "/hop": (302, {"Location": "/page"}, b""),
        "/loop": (302, {"Location": "/loop"}, b""),
        "/to-private": (302, {"Location": "http://10.0.0.1/secret"}, b""),
        "/json": (
            200,
            {"Content-Type": "application/json"},
            (FIXTURES / "records" / "wrapped.json").read_bytes(),
        ),
    }
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield base
    httpd.shutdown()


LOCAL = Settings(allow_private=True, timeout=5)


def test_page_url_is_fetched_and_extracted(server: str) -> None:
    (a,) = rashomon.analyze([f"{server}/page"], allow_private=True).articles
    assert a.status == "ok"
    assert a.title == "Harbour crane collapses in storm"
    assert a.source.url == f"{server}/page"
    assert a.id.startswith("url-")


def test_loopback_is_refused_without_allow_private(server: str) -> None:
    (a,) = rashomon.analyze([f"{server}/page"]).articles
    assert a.status == "rejected"
    assert (a.reason or "").startswith("blocked URL")
    assert "--allow-private" in (a.reason or "")


@pytest.mark.parametrize(
    "url",
    ["http://10.1.2.3/", "http://192.168.0.1/", "http://169.254.169.254/latest", "http://[::1]/",
     "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/", "ftp://example.org/file", "file:///etc/passwd"],
)  # fmt: skip
def test_internal_addresses_and_other_schemes_are_blocked(url: str) -> None:
    with pytest.raises(FetchError, match="blocked URL"):
        check_address(url, Settings())


def test_redirect_is_followed_and_checked(server: str) -> None:
    got = fetch(f"{server}/hop", LOCAL)
    assert got.url == f"{server}/page"
    assert got.content == PAGE


def test_redirect_loop_stops_at_the_limit(server: str) -> None:
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetch(f"{server}/loop", LOCAL)


def test_redirect_to_a_private_address_is_refused(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The test server itself is on loopback: let only it through, and check every
    # other hop as a default run would.
    real = web.check_address

    def only_test_server(url: str, settings: Settings) -> None:
        if not url.startswith(server):
            real(url, Settings())

    monkeypatch.setattr(web, "check_address", only_test_server)
    with pytest.raises(FetchError, match=r"blocked URL: 10\.0\.0\.1 resolves to 10\.0\.0\.1"):
        fetch(f"{server}/to-private", LOCAL)


def test_size_cap(server: str) -> None:
    with pytest.raises(FetchError, match="too large"):
        fetch(f"{server}/big", Settings(allow_private=True, max_bytes=1000))


def test_timeout(server: str) -> None:
    with pytest.raises(FetchError, match="timed out"):
        fetch(f"{server}/slow", Settings(allow_private=True, timeout=0.5))


def test_unsupported_content_type(server: str) -> None:
    with pytest.raises(FetchError, match="unsupported content type: image/png"):
        fetch(f"{server}/image", LOCAL)


def test_http_error_is_a_reason(server: str) -> None:
    (a,) = rashomon.analyze([f"{server}/missing"], allow_private=True).articles
    assert a.reason == "fetch failed: HTTP 404 Not Found"


def test_json_url_is_read_by_content_type(server: str) -> None:
    (a,) = rashomon.analyze([f"{server}/json"], allow_private=True).articles
    assert a.title == "Library opens on Sundays"


def test_feed_url_with_fetch_linked_reads_the_linked_pages(server: str) -> None:
    got = rashomon.analyze([f"{server}/feed"], allow_private=True, fetch_linked=True).articles
    page, teaser = got
    assert page.status == "ok"
    assert page.title == "Bridge reopens after repairs"  # the feed's metadata
    assert "container crane" in page.text  # the linked page's body
    assert page.source.url == f"{server}/page"
    # The teaser's link is gone and its feed text is too short: the fetch's reason stays.
    assert teaser.status == "rejected"
    assert teaser.reason == "fetch failed: HTTP 404 Not Found"


def test_feed_url_without_fetch_linked_uses_the_feed_text(server: str) -> None:
    page, _ = rashomon.analyze([f"{server}/feed"], allow_private=True).articles
    assert "two of the three spans" in page.text
