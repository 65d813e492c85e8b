"""A real rashomon web server on 127.0.0.1 (uvicorn in a thread, a free port), over a
store seeded with the bundled example corpus; shared by the API and browser tests."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn

from rashomon.pipeline import ingest_to_store
from rashomon.settings import Settings
from rashomon.web import WebSettings, create_app

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "saltmarsh-2025" / "text"
# Small limits, so that the tests can go over them cheaply; the example articles are
# under 2 KB each.
MAX_UPLOAD = 20_000
MAX_FILES = 3
MAX_REQUEST = 100_000


@dataclass
class Server:
    url: str
    db: Path
    settings: WebSettings

    def client(self, **kwargs: object) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=120, **kwargs)  # type: ignore[arg-type]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run_server(settings: WebSettings) -> Iterator[Server]:
    """Serve `settings` on a free loopback port until the generator is closed."""
    port = _free_port()
    settings = WebSettings(**{**settings.__dict__, "port": port})
    config = uvicorn.Config(
        create_app(settings), host="127.0.0.1", port=port, log_level="warning", lifespan="off"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test web server did not start")
        time.sleep(0.05)
    try:
        yield Server(f"http://127.0.0.1:{port}", Path(settings.db), settings)
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The example corpus served with allow_private on (the URL tests fetch from a
    local server) and small upload limits. Its first page computes the report."""
    db = tmp_path_factory.mktemp("web") / "web.db"
    ingest_to_store([str(EXAMPLE)], Settings(db=str(db), quiet=True, workers=1))
    settings = WebSettings(
        db=str(db),
        max_upload_bytes=MAX_UPLOAD,
        max_files=MAX_FILES,
        max_request_bytes=MAX_REQUEST,
        pipeline=Settings(allow_private=True, timeout=5, quiet=True, workers=1),
    )
    gen = run_server(settings)
    srv = next(gen)
    with srv.client() as c:
        c.get("/").raise_for_status()
    yield srv
    gen.close()


def story_id(srv: Server) -> str:
    """The id of the example's story as it is now (it changes when articles are added)."""
    with srv.client() as c:
        stories = c.get("/api/stories").json()
    return str(max(stories, key=lambda s: s["sources"])["id"])
