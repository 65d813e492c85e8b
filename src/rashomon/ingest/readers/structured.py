"""Records: JSON Lines, JSON and CSV/TSV, one article per record. Common field names
are mapped (title/headline, text/body/content, url/link, date/published/pubDate,
source/outlet/site, author/authors); a bad record is an item with a reason and the
others still come through."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rashomon.ingest.dates import to_iso_date
from rashomon.ingest.decode import Undecodable, decode_text
from rashomon.ingest.registry import ReadContext, register_reader
from rashomon.model import BodyKind, Metadata, RawItem, Source

_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "name", "subject"),
    "body": ("text", "body", "content", "article", "articlebody", "article_body", "full_text",
             "fulltext", "maintext", "story", "description", "summary"),
    "url": ("url", "link", "href", "canonical_url", "uri", "permalink"),
    "published": ("published", "date", "pubdate", "published_at", "publish_date",
                  "publication_date", "datepublished", "date_published", "created_at", "time",
                  "timestamp", "datetime"),
    "outlet": ("outlet", "source", "site", "site_name", "sitename", "publisher", "source_name",
               "domain", "media", "newspaper"),
    "authors": ("authors", "author", "byline", "creator", "creators", "writer"),
    "tags": ("tags", "keywords", "categories", "category", "topics"),
    "language": ("language", "lang"),
    "id": ("id", "guid", "uuid", "doc_id", "article_id", "_id"),
}  # fmt: skip
_HTML_TAG = re.compile(r"<(?:p|div|br|span|a|article|section|h[1-6]|ul|li|em|strong)\b", re.I)
_LIST_KEYS = ("articles", "items", "data", "results", "entries", "docs", "documents", "records")


def _pick(record: dict[str, Any], field: str) -> Any:
    lowered = {str(k).lower(): v for k, v in record.items()}
    for name in _FIELDS[field]:
        value = lowered.get(name)
        if value not in (None, "", [], {}):
            return value
    return None


def _name(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        inner = value.get("name") or value.get("title")
        return inner.strip() if isinstance(inner, str) and inner.strip() else None
    return None


def _list(value: Any, split: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [n for v in value if (n := _name(v))]
    if isinstance(value, dict):
        return [n] if (n := _name(value)) else []
    return [p.strip() for p in re.split(split, str(value)) if p.strip()]


def record_to_item(record: Any, source: Source, hint: str) -> RawItem:
    """One record (a mapping) as a raw item, or an item with the reason it is not one."""
    where = f"record {source.index}" if source.index is not None else "the record"
    if not isinstance(record, dict):
        return RawItem(source, hint, reason=f"{where} is not an object with fields")
    body = _pick(record, "body")
    if not isinstance(body, str) or not body.strip():
        looked = ", ".join(_FIELDS["body"][:6])
        return RawItem(source, hint, reason=f"{where} has no text field (looked for {looked}, ...)")
    own_id = _pick(record, "id")
    url = _pick(record, "url")
    published = _pick(record, "published")
    meta = Metadata(
        title=_name(_pick(record, "title")),
        outlet=_name(_pick(record, "outlet")),
        url=url.strip() if isinstance(url, str) else None,
        published=to_iso_date(published) if isinstance(published, str | int | float) else None,
        authors=_list(_pick(record, "authors"), r"\s*(?:,|;|\band\b|&)\s*"),
        tags=_list(_pick(record, "tags"), r"\s*[,;|]\s*"),
        language=_name(_pick(record, "language")),
    )
    kind: BodyKind = "fragment" if _HTML_TAG.search(body) else "text"
    item_id = str(own_id) if isinstance(own_id, str | int) and str(own_id).strip() else hint
    return RawItem(source, item_id, kind=kind, body=body, meta=meta)


def _decode(data: bytes, source: Source) -> str | RawItem:
    try:
        return decode_text(data)
    except Undecodable as exc:
        return RawItem(source, "", reason=f"{exc}: not a readable {source.format} file")


def _stem(source: Source) -> str:
    return Path(source.path or source.url or "records").name.split(".")[0] or "records"


def _with_index(source: Source, n: int) -> Source:
    return Source(source.format, source.path, source.url, n)


@register_reader(
    "jsonl",
    extensions=(".jsonl", ".ndjson"),
    content_types=("application/x-ndjson", "application/jsonl", "application/x-jsonlines"),
)
def read_jsonl(data: bytes, source: Source, ctx: ReadContext) -> Iterator[RawItem]:
    text = _decode(data, source)
    if isinstance(text, RawItem):
        yield text
        return
    stem = _stem(source)
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        src, hint = _with_index(source, n), f"{stem}-{n:04d}"
        try:
            record = json.loads(line)
        except ValueError as exc:
            yield RawItem(src, hint, reason=f"line {n} is not valid JSON: {exc}")
            continue
        yield record_to_item(record, src, hint)


def _records(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        for key in _LIST_KEYS:
            inner = value.get(key)
            if isinstance(inner, list):
                return inner
        return [value]
    return [value]


def _looks_like_json(head: bytes) -> bool:
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return stripped[:1] in (b"{", b"[")


@register_reader(
    "json",
    extensions=(".json",),
    content_types=("application/json", "application/ld+json"),
    sniff=_looks_like_json,
    priority=40,
)
def read_json(data: bytes, source: Source, ctx: ReadContext) -> Iterator[RawItem]:
    text = _decode(data, source)
    if isinstance(text, RawItem):
        yield text
        return
    try:
        value = json.loads(text)
    except ValueError as exc:
        # A JSON Lines file under a .json name is common: read it as such.
        if "Extra data" in str(exc):
            yield from read_jsonl(data, Source("jsonl", source.path, source.url), ctx)
            return
        yield RawItem(source, "", reason=f"not valid JSON: {exc}")
        return
    stem = _stem(source)
    for n, record in enumerate(_records(value), 1):
        yield record_to_item(record, _with_index(source, n), f"{stem}-{n:04d}")


def _delimiter(text: str, source: Source) -> str:
    """The delimiter of the header line. csv.Sniffer guesses badly on article bodies
    (quoted fields full of commas and newlines); the header line is plain."""
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", "\t", ";", "|")}
    best = max(counts, key=lambda d: counts[d])
    if counts[best] == 0:
        return "\t" if (source.path or "").lower().endswith(".tsv") else ","
    return best


@register_reader(
    "csv",
    extensions=(".csv", ".tsv"),
    content_types=("text/csv", "text/tab-separated-values"),
)
def read_csv(data: bytes, source: Source, ctx: ReadContext) -> Iterator[RawItem]:
    text = _decode(data, source)
    if isinstance(text, RawItem):
        yield text
        return
    csv.field_size_limit(max(ctx.settings.max_bytes, 131072))
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=_delimiter(text, source))
    stem = _stem(source)
    try:
        for n, row in enumerate(reader, 1):
            record = {k: v for k, v in row.items() if k is not None}
            yield record_to_item(record, _with_index(source, n), f"{stem}-{n:04d}")
    except csv.Error as exc:
        yield RawItem(source, f"{stem}-error", reason=f"not a readable CSV file: {exc}")
