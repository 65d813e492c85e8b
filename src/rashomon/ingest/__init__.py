"""Ingest: inputs of every kind -> cleaned `Article`s, each ok or rejected with a reason.

Readers (one module per format) register themselves; `ingest` streams articles
so that memory stays flat however many inputs there are.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import re
from collections.abc import Iterable, Iterator
from functools import partial
from typing import Any

from rashomon.ingest import clean, metadata
from rashomon.ingest import readers as _readers  # noqa: F401  (registers the readers)
from rashomon.ingest.registry import ReadContext
from rashomon.ingest.sources import read_inputs
from rashomon.model import Article, RawItem
from rashomon.settings import Settings

__all__ = ["content_hash", "ingest", "make_context", "to_article"]

_WORD = re.compile(r"\w+")


def content_hash(text: str) -> str:
    """Hash of the text's words, lower-cased: the same article however it was spaced."""
    norm = " ".join(_WORD.findall(text.lower()))
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def make_context(settings: Settings) -> ReadContext:
    from rashomon.ingest.web import fetch

    return ReadContext(settings=settings, fetch=partial(fetch, settings=settings))


def to_article(raw: RawItem, article_id: str, settings: Settings) -> Article:
    """Clean one raw item into an article; a failure is a rejection, never an exception."""
    art = Article(id=article_id, source=raw.source)
    if raw.reason is not None:
        art.status, art.reason = "rejected", raw.reason
        _copy_meta(art, raw)
        return art
    try:
        if raw.kind == "html":
            from rashomon.ingest.extract import extract_html

            extracted = extract_html(raw.body, url=raw.meta.url or raw.source.url)
            raw.meta.merge_missing(extracted.meta)
            cleaned = clean.clean_text(extracted.text, read_header=False, title=raw.meta.title)
            removed = extracted.removed + cleaned.removed
        elif raw.kind == "fragment":
            from rashomon.ingest.extract import fragment_to_text

            cleaned = clean.clean_text(
                fragment_to_text(raw.body), read_header=False, title=raw.meta.title
            )
            removed = cleaned.removed
        else:
            cleaned = clean.clean_text(raw.body, read_header=True, title=raw.meta.title)
            removed = cleaned.removed
        raw.meta.merge_missing(cleaned.meta)
        meta = metadata.finalise(raw.meta, cleaned.text, removed)
    except Exception as exc:  # a cleaning bug on odd input must not end the run
        art.status = "rejected"
        art.reason = f"could not be cleaned: {type(exc).__name__}: {exc}"
        _copy_meta(art, raw)
        return art
    art.title, art.outlet, art.url = meta.title, meta.outlet, meta.url
    art.published, art.authors, art.tags = meta.published, meta.authors, meta.tags
    art.language = meta.language
    art.text, art.removed = cleaned.text, removed
    words = len(_WORD.findall(cleaned.text))
    if words == 0:
        art.status, art.reason = "rejected", "no article body found: nothing but boilerplate"
    elif words < settings.min_words:
        art.status = "rejected"
        art.reason = (
            f"no article body found: only {words} words of text after cleaning "
            f"(at least {settings.min_words} needed; see min_words)"
        )
    else:
        art.content_hash = content_hash(cleaned.text)
    return art


def _copy_meta(art: Article, raw: RawItem) -> None:
    art.title, art.url, art.outlet = raw.meta.title, raw.meta.url, raw.meta.outlet


class _Ids:
    """Unique, stable article ids: the reader's hint, suffixed on collision."""

    def __init__(self) -> None:
        self._seen: set[str] = set()

    def take(self, hint: str) -> str:
        base = re.sub(r"[^\w.-]+", "-", hint).strip("-") or "item"
        candidate, n = base, 1
        while candidate in self._seen:
            n += 1
            candidate = f"{base}-{n}"
        self._seen.add(candidate)
        return candidate


# Articles handed to the worker processes at a time: enough to keep them busy, few
# enough that memory stays flat however many inputs there are.
_BATCH = 64


def _workers(settings: Settings) -> int:
    if settings.workers > 0:
        return settings.workers
    return max(1, min(os.cpu_count() or 1, 4))


def _convert(raw: RawItem, article_id: str, settings: Settings) -> Article:
    return to_article(raw, article_id, settings)


def ingest(
    inputs: Iterable[str], settings: Settings, ctx: ReadContext | None = None
) -> Iterator[Article]:
    """Every input item as an article (ok or rejected), in input order; no dedup yet.

    Reading stays in this process; cleaning (HTML extraction above all) runs in
    worker processes once a run has a full batch of items, in input order."""
    ctx = ctx or make_context(settings)
    ids = _Ids()
    workers = _workers(settings)
    batch: list[tuple[RawItem, str, Settings]] = []
    pool: Any = None
    pending: Any = None  # the batch the workers are on while the next one is read
    try:
        for raw in read_inputs(inputs, ctx):
            batch.append((raw, ids.take(raw.id_hint), settings))
            if len(batch) < _BATCH:
                continue
            if workers <= 1:
                yield from (_convert(*item) for item in batch)
            else:
                if pool is None:
                    pool = multiprocessing.get_context("fork").Pool(workers)
                submitted = pool.starmap_async(_convert, batch, chunksize=4)
                if pending is not None:
                    yield from pending.get()
                pending = submitted
            batch = []
        if pending is not None:
            yield from pending.get()
        yield from (_convert(*item) for item in batch)
    finally:
        if pool is not None:
            pool.terminate()
