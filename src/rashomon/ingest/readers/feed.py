"""RSS and Atom feeds (files or URLs): one article per item. With --fetch-linked,
each item's linked page is fetched and read instead of the feed's own text; when
that fails the feed's text is used if it is long enough, else the item is rejected
with the fetch's reason."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rashomon.ingest.dates import to_iso_date
from rashomon.ingest.registry import ReadContext, register_reader
from rashomon.ingest.sources import url_id
from rashomon.model import BodyKind, Metadata, RawItem, Source

_FEED_START = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.I)
_HTML_TAG = re.compile(r"<(?:p|div|br|span|a|img|h[1-6]|ul|li|em|strong)\b", re.I)
# The feed's own text stands in for an unreachable linked page only when it is an
# article, not a one-line teaser.
_MIN_FALLBACK_WORDS = 15


def _looks_like_feed(head: bytes) -> bool:
    return bool(_FEED_START.search(head[:1024]))


def _entry_body(entry: Any) -> str:
    for content in entry.get("content") or []:
        value = content.get("value")
        if isinstance(value, str) and value.strip():
            return value
    summary = entry.get("summary")
    return summary if isinstance(summary, str) else ""


def _entry_meta(entry: Any, feed: Any) -> Metadata:
    published = entry.get("published") or entry.get("updated") or entry.get("created")
    authors = [a.get("name") for a in entry.get("authors") or [] if a.get("name")]
    if not authors and entry.get("author"):
        authors = [entry["author"]]
    tags = [t.get("term") for t in entry.get("tags") or [] if t.get("term")]
    return Metadata(
        title=entry.get("title") or None,
        outlet=feed.get("title") or None,
        url=entry.get("link") or None,
        published=to_iso_date(published) if published else None,
        authors=authors,
        tags=tags,
        language=(feed.get("language") or "")[:2].lower() or None,
    )


def _feed_item(source: Source, hint: str, body: str, meta: Metadata) -> RawItem:
    kind: BodyKind = "fragment" if _HTML_TAG.search(body) else "text"
    return RawItem(source, hint, kind=kind, body=body, meta=meta)


@register_reader(
    "feed",
    extensions=(".rss", ".atom", ".rdf", ".xml"),
    content_types=(
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
    ),
    sniff=_looks_like_feed,
    priority=10,
)
def read_feed(data: bytes, source: Source, ctx: ReadContext) -> Iterator[RawItem]:
    import feedparser

    from rashomon.ingest.web import FetchError

    parsed = feedparser.parse(data)
    if not parsed.entries:
        why = parsed.get("bozo_exception")
        detail = f" ({why})" if why else ""
        yield RawItem(
            source, "", reason=f"not a readable RSS or Atom feed, or a feed with no items{detail}"
        )
        return
    stem = Path(source.path or source.url or "feed").name.split(".")[0] or "feed"
    for n, entry in enumerate(parsed.entries, 1):
        src = Source("feed", source.path, source.url, n)
        meta = _entry_meta(entry, parsed.feed)
        hint = url_id(meta.url) if meta.url else f"{stem}-{n:04d}"
        body = _entry_body(entry)
        if ctx.settings.fetch_linked and meta.url:
            try:
                page = ctx.fetch(meta.url)
            except FetchError as exc:
                if len(body.split()) >= _MIN_FALLBACK_WORDS:
                    yield _feed_item(src, hint, body, meta)
                else:
                    yield RawItem(src, hint, meta=meta, reason=str(exc))
                continue
            from rashomon.ingest.decode import Undecodable, decode_text
            from rashomon.ingest.readers.html import declared_charset

            linked = Source("feed", source.path, page.url, n)
            try:
                html = decode_text(page.content, declared=declared_charset(page.content))
            except Undecodable as exc:
                yield RawItem(linked, hint, meta=meta, reason=f"linked page: {exc}")
                continue
            yield RawItem(linked, hint, kind="html", body=html, meta=meta)
        elif body.strip():
            yield _feed_item(src, hint, body, meta)
        else:
            yield RawItem(
                src, hint, meta=meta, reason=f"feed item {n} has no text (try --fetch-linked)"
            )
