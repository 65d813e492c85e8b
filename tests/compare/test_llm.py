"""The optional LLM rewrite of a summary, against an OpenAI-compatible endpoint we
serve on 127.0.0.1: a good rewrite is kept with its citations, one that states the
dispute as fact or drops a name is refused, and a server that fails or is too slow
leaves the summary as rashomon wrote it (or raises, when asked to be strict)."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from typing import Any, ClassVar

import pytest

from rashomon import errors
from rashomon.compare.llm import rewrite_summary
from tests.conftest import QuietServer

AGREED = "All 3 sources report that the fire at the Harlow paper mill started on Sunday night."
DISPUTE = (
    "Harlow council says that a faulty boiler that Kestrel Paper had not repaired caused "
    "the fire; Kestrel Paper denies it."
)
SLOW = "Only the article c reports that ash from the mill fell into the river Dane."
CLAIMS = [
    {
        "id": "claim-boiler",
        "text": "A faulty boiler that Kestrel Paper had not repaired caused the fire",
        "status": "disputed",
        "article_ids": ["a", "b"],
        "positions": [
            {"actor": "Harlow council", "entity_id": "e1", "stance": "asserts",
             "article_id": "a", "attribution_id": "a#a1", "evidence": "...", "own_voice": False},
            {"actor": "Kestrel Paper", "entity_id": "e2", "stance": "denies",
             "article_id": "b", "attribution_id": "b#a1", "evidence": "...", "own_voice": False},
        ],
    },
    {"id": "claim-start", "text": "The fire started on Sunday night", "status": "consensus",
     "article_ids": ["a", "b", "c"], "positions": []},
    {"id": "claim-ash", "text": "Ash fell into the river Dane", "status": "single_source",
     "article_ids": ["c"], "positions": []},
]  # fmt: skip
SUMMARY = [
    {"text": AGREED, "article_ids": ["a", "b", "c"], "claim_ids": ["claim-start"],
     "kind": "agreed"},
    {"text": DISPUTE, "article_ids": ["a", "b"], "claim_ids": ["claim-boiler"],
     "kind": "disputed"},
    {"text": SLOW, "article_ids": ["c"], "claim_ids": ["claim-ash"], "kind": "single_source"},
]  # fmt: skip


class _Completions(BaseHTTPRequestHandler):
    """An OpenAI-style /v1/chat/completions that answers from a table keyed by the
    sentence asked about; an unknown sentence comes back as it was."""

    replies: ClassVar[dict[str, str]] = {}
    delay: ClassVar[dict[str, float]] = {}
    status: ClassVar[int] = 200

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        asked = body["messages"][-1]["content"]
        time.sleep(self.delay.get(asked, 0.0))
        reply = self.replies.get(asked, asked)
        answer = {"choices": [{"message": {"role": "assistant", "content": reply}}]}
        data = json.dumps(answer).encode()
        code = self.status if self.path == "/v1/chat/completions" else 404
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def endpoint() -> Iterator[type[_Completions]]:
    httpd = QuietServer(("127.0.0.1", 0), _Completions)
    _Completions.url = f"http://127.0.0.1:{httpd.server_address[1]}"  # type: ignore[attr-defined]
    _Completions.replies, _Completions.delay, _Completions.status = {}, {}, 200
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield _Completions
    httpd.shutdown()
    httpd.server_close()


def _url(server: type[_Completions]) -> str:
    return str(server.url)  # type: ignore[attr-defined]


def test_a_faithful_rewrite_is_kept_with_its_citations(endpoint: type[_Completions]) -> None:
    fluent = "According to all 3 sources, the fire at the Harlow paper mill began on Sunday night."
    endpoint.replies = {AGREED: fluent}
    out = rewrite_summary(SUMMARY, CLAIMS, _url(endpoint))
    assert out[0]["text"] == fluent and out[0]["rewritten"] is True
    assert out[0]["article_ids"] == ["a", "b", "c"] and out[0]["claim_ids"] == ["claim-start"]


def test_a_rewrite_stating_the_dispute_as_fact_is_refused(
    endpoint: type[_Completions], caplog: pytest.LogCaptureFixture
) -> None:
    endpoint.replies = {DISPUTE: "A faulty boiler Kestrel Paper had not repaired caused the fire."}
    with caplog.at_level(logging.WARNING, logger="rashomon.llm"):
        out = rewrite_summary(SUMMARY, CLAIMS, _url(endpoint))
    assert out[1]["text"] == DISPUTE and "rewritten" not in out[1]
    assert "disputed claim" in caplog.text


def test_a_rewrite_that_drops_a_side_of_the_dispute_is_refused(
    endpoint: type[_Completions],
) -> None:
    endpoint.replies = {DISPUTE: "Harlow council says a faulty boiler caused the fire."}
    out = rewrite_summary(SUMMARY, CLAIMS, _url(endpoint))
    assert out[1]["text"] == DISPUTE


def test_a_server_too_slow_leaves_the_summary_as_written(
    endpoint: type[_Completions], caplog: pytest.LogCaptureFixture
) -> None:
    endpoint.delay = {SLOW: 2.0}
    with caplog.at_level(logging.WARNING, logger="rashomon.llm"):
        out = rewrite_summary(SUMMARY, CLAIMS, _url(endpoint), timeout=0.5)
    assert out[2]["text"] == SLOW
    assert "[E014]" in caplog.text and "timeout" in caplog.text


def test_a_failing_server_raises_a_clear_error_when_strict(endpoint: type[_Completions]) -> None:
    endpoint.status = 500
    with pytest.raises(errors.LLMError) as exc:
        rewrite_summary(SUMMARY, CLAIMS, _url(endpoint), strict=True)
    assert "HTTP 500" in str(exc.value) and _url(endpoint) in str(exc.value)
    assert "without --llm" in str(exc.value)


def test_no_server_at_all_leaves_the_summary_as_written() -> None:
    out: list[dict[str, Any]] = rewrite_summary(SUMMARY, CLAIMS, "http://127.0.0.1:9", timeout=2)
    assert [s["text"] for s in out] == [s["text"] for s in SUMMARY]
