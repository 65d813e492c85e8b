"""HTML pages: one article per page. The bytes are decoded here (the page's declared
charset first); extraction of the body and metadata happens in `ingest.extract`."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rashomon.ingest.decode import Undecodable, decode_text
from rashomon.ingest.registry import ReadContext, register_reader
from rashomon.model import Metadata, RawItem, Source

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)


def looks_like_html(head: bytes) -> bool:
    return bool(_HTML_START.match(head[:2048]))


def declared_charset(data: bytes) -> str | None:
    m = _CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "ignore").lower() if m else None


@register_reader(
    "html",
    extensions=(".html", ".htm", ".xhtml", ".shtml"),
    content_types=("text/html", "application/xhtml+xml"),
    sniff=looks_like_html,
    priority=20,
)
def read_html(data: bytes, source: Source, ctx: ReadContext) -> Iterator[RawItem]:
    try:
        page = decode_text(data, declared=declared_charset(data))
    except Undecodable as exc:
        yield RawItem(source, "", reason=f"{exc}: not an HTML page")
        return
    yield RawItem(source, "", kind="html", body=page, meta=Metadata(url=source.url))
