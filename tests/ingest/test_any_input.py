"""Whatever bytes arrive, under whatever name, every reader and the cleaner turn them
into articles that are ok or rejected with a reason: never an exception."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rashomon.ingest import registry, to_article
from rashomon.ingest.registry import Fetched, ReadContext
from rashomon.ingest.sources import read_bytes
from rashomon.ingest.web import FetchError
from rashomon.model import Source
from rashomon.settings import Settings

SETTINGS = Settings()


def _no_network(url: str) -> Fetched:
    raise FetchError("blocked URL: tests do not fetch")


CTX = ReadContext(settings=SETTINGS, fetch=_no_network)
NAMES = sorted(
    {f"input{ext}" for spec in map(registry.reader, registry.formats()) for ext in spec.extensions}
    | {"noext", "x.gz"}
)

# Bytes shaped like the formats, so that the readers get past their first checks.
PREFIXES = [
    b"",
    b"<!doctype html><html><body><p>",
    b'{"title": "',
    b"title,text\n",
    b"<rss><channel><item>",
    b"<feed xmlns='http://www.w3.org/2005/Atom'><entry>",
    b"WARC/1.0\r\n",
    b"\x1f\x8b\x08",
    b"\xef\xbb\xbf",
]


def _accounted(data: bytes, name: str) -> None:
    items = list(read_bytes(data, name, Source("unknown", path=name), CTX))
    assert items, "every input yields at least one item"
    for n, raw in enumerate(items):
        art = to_article(raw, f"a{n}", SETTINGS)
        assert art.status in ("ok", "rejected")
        if art.status == "rejected":
            assert art.reason


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(NAMES), prefix=st.sampled_from(PREFIXES), data=st.binary(max_size=2000))
def test_arbitrary_bytes_never_crash_a_reader(name: str, prefix: bytes, data: bytes) -> None:
    _accounted(prefix + data, name)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(NAMES), text=st.text(max_size=2000))
def test_arbitrary_text_never_crashes_a_reader(name: str, text: str) -> None:
    _accounted(text.encode("utf-8"), name)


@pytest.mark.parametrize("fmt", registry.formats())
def test_every_format_has_a_reader_that_accounts_for_garbage(fmt: str) -> None:
    spec = registry.reader(fmt)
    name = "garbage" + (spec.extensions[0] if spec.extensions else "")
    _accounted(b"\x00\x01\x02 not really " + fmt.encode() + b" \xff\xfe", name)
