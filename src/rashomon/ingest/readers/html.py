"""HTML pages: one article per page. The bytes are decoded here (a byte-order mark
first, then the page's declared charset, then detection); extraction of the body and
metadata happens in `ingest.extract`."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator

from rashomon.ingest.decode import Undecodable, decode_text, looks_binary
from rashomon.ingest.registry import ReadContext, register_reader
from rashomon.model import Metadata, RawItem, Source

__all__ = ["declared_charset", "decode_html", "looks_like_html", "read_html"]

_HTML_START = re.compile(
    r"^\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.I | re.S,
)
_CHARSET = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)"""
    rb"""|<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.I,
)
# How far into the page a charset declaration is looked for.
_DECLARATION_BYTES = 8192
# Labels that browsers read as windows-1252, a superset, as the WHATWG standard says.
_AS_CP1252 = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii"})


def looks_like_html(head: bytes) -> bool:
    """True when the first bytes open an HTML document (after a BOM, white space,
    an XML declaration or comments)."""
    sample = head[:2048]
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = sample.decode("utf-16", "ignore")
    else:
        text = sample.removeprefix(codecs.BOM_UTF8).decode("latin-1")
    return bool(_HTML_START.match(text))


def declared_charset(data: bytes) -> str | None:
    """The encoding the page declares in <meta charset>, http-equiv or its XML
    declaration, as a Python codec name; None when it declares none we know."""
    m = _CHARSET.search(data[:_DECLARATION_BYTES])
    if not m:
        return None
    label = (m.group(1) or m.group(2)).decode("ascii", "ignore").lower()
    if label in _AS_CP1252:
        return "cp1252"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # A declaration readable as ASCII cannot be right about a 16-bit encoding.
    return "utf-8" if name.startswith("utf-16") or name.startswith("utf-32") else name


def decode_html(data: bytes) -> str:
    """The page as text; raises `Undecodable` with the reason for binary data."""
    if looks_binary(data):
        raise Undecodable("binary data, not an HTML page")
    return decode_text(data, declared=declared_charset(data))


@register_reader(
    "html",
    extensions=(".html", ".htm", ".xhtml", ".shtml"),
    content_types=("text/html", "application/xhtml+xml"),
    sniff=looks_like_html,
    priority=20,
)
def read_html(data: bytes, source: Source, ctx: ReadContext) -> Iterator[RawItem]:
    try:
        page = decode_html(data)
    except Undecodable as exc:
        reason = str(exc) if "HTML" in str(exc) else f"unreadable HTML page: {exc}"
        yield RawItem(source, "", reason=reason)
        return
    yield RawItem(source, "", kind="html", body=page, meta=Metadata(url=source.url))
