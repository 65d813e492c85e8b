"""WARC and WARC.gz web archives: one article per HTML response. Other responses
(images, scripts, errors) are listed as rejected with what they were; request and
metadata records are not items. WARC-Date is when the page was crawled, not when it
was published, so it is not used as the publication date."""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator

from rashomon.ingest.decode import Undecodable, decode_text
from rashomon.ingest.readers.html import declared_charset
from rashomon.ingest.registry import ReadContext, register_reader
from rashomon.ingest.sources import url_id
from rashomon.model import Metadata, RawItem, Source

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _looks_like_warc(head: bytes) -> bool:
    if head.startswith(b"WARC/"):
        return True
    if head.startswith(b"\x1f\x8b"):
        try:
            inner = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS).decompress(head, 16)
        except zlib.error:
            return False
        return inner.startswith(b"WARC/")
    return False


@register_reader(
    "warc",
    extensions=(".warc", ".warc.gz"),
    content_types=("application/warc",),
    sniff=_looks_like_warc,
    priority=5,
)
def read_warc(data: bytes, source: Source, ctx: ReadContext) -> Iterator[RawItem]:
    from warcio.archiveiterator import ArchiveIterator

    if data.startswith(b"\x1f\x8b") and not _looks_like_warc(data[:64]):
        data = gzip.decompress(data)
    n = 0
    for record in ArchiveIterator(io.BytesIO(data), arc2warc=True):
        if record.rec_type != "response":
            continue
        n += 1
        uri = record.rec_headers.get_header("WARC-Target-URI") or None
        src = Source("warc", source.path, uri, n)
        hint = url_id(uri) if uri else f"warc-{n:04d}"
        http = record.http_headers
        status = http.get_statuscode() if http is not None else None
        ctype = (http.get_header("Content-Type") if http is not None else None) or ""
        body = record.content_stream().read()
        if status and not str(status).startswith("2"):
            yield RawItem(src, hint, reason=f"WARC response has HTTP status {status}")
            continue
        if ctype.split(";")[0].strip().lower() not in _HTML_TYPES:
            shown = ctype.split(";")[0].strip() or "of no content type"
            yield RawItem(src, hint, reason=f"WARC response is {shown}, not an HTML page")
            continue
        try:
            html = decode_text(body, declared=_charset(ctype) or declared_charset(body))
        except Undecodable as exc:
            yield RawItem(src, hint, reason=f"{exc}: not an HTML page")
            continue
        yield RawItem(src, hint, kind="html", body=html, meta=Metadata(url=uri))


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None
