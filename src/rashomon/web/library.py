"""The web app's side of a store: the report on the stored articles, computed once per
change of the store and kept in memory, and adding articles (uploaded bytes, pasted
text, URLs) through the same readers, cleaning, dedup and fetching rules as ingest."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from rashomon.dedup import Deduplicator
from rashomon.ingest import make_context, to_article
from rashomon.ingest.sources import is_url, read_bytes, read_inputs
from rashomon.model import Article, Metadata, RawItem, Source, Story
from rashomon.pipeline import report_for
from rashomon.report import Report
from rashomon.settings import Settings
from rashomon.store import SearchHit, Store

__all__ = ["Library", "Pasted", "Snapshot", "Upload", "upload_label"]


@dataclass(frozen=True)
class Upload:
    """A file sent by a client: its name is a label and a format hint, never a path."""

    name: str
    data: bytes
    content_type: str | None = None


@dataclass(frozen=True)
class Pasted:
    """Text pasted into the form, with what the user told us about it."""

    text: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None


@dataclass
class Snapshot:
    """The report on the store at one revision, indexed for the pages."""

    revision: tuple[int, int]
    report: Report
    articles: dict[str, Article]
    stories: dict[str, Story]
    story_of: dict[str, str]
    # Rendered pages for this revision, filled by the app as they are asked for.
    pages: dict[str, Any] = field(default_factory=dict)


def upload_label(name: str) -> str:
    """The last part of a client's file name (either slash), for display and format
    detection only: '../../etc/passwd' is 'passwd'."""
    last = PurePosixPath(name.replace("\\", "/")).name
    return last.lstrip(".") or "upload"


def _unique_id(hint: str, taken: set[str]) -> str:
    base = re.sub(r"[^\w.-]+", "-", hint).strip("-.") or "item"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate


class Library:
    """A store as the web app uses it, safe to call from many request threads.

    SQLite connections belong to the thread that opened them, so each thread keeps
    its own; computing the report and writing take one lock, so a burst of requests
    after an add computes the report once."""

    def __init__(self, db: str, settings: Settings) -> None:
        self.db = db
        self.settings = settings
        self._local = threading.local()
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = None

    def _store(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = Store(self.db)
            self._local.store = store
        return store

    def snapshot(self) -> Snapshot:
        """The report on the store as it is now (recomputed only when it changed)."""
        store = self._store()
        snap = self._snapshot
        if snap is not None and snap.revision == store.revision():
            return snap
        with self._lock:
            revision = store.revision()
            snap = self._snapshot
            if snap is None or snap.revision != revision:
                snap = self._compute(store, revision)
                self._snapshot = snap
        return snap

    def _compute(self, store: Store, revision: tuple[int, int]) -> Snapshot:
        articles = store.articles()
        report = report_for(articles, self.settings, store)
        store.commit()
        return Snapshot(
            revision=revision,
            report=report,
            articles={a.id: a for a in report.articles},
            stories={s.id: s for s in report.stories},
            story_of={aid: s.id for s in report.stories for aid in s.article_ids},
        )

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        return self._store().search(query, limit)

    def add(
        self, uploads: list[Upload], pasted: Pasted | None = None, urls: list[str] | None = None
    ) -> list[Article]:
        """Read, clean, dedup (against the store too) and store every input; each one
        comes back as an article, ok, duplicate or rejected with its reason."""
        ctx = make_context(self.settings)
        raws: list[RawItem] = []
        for up in uploads:
            label = upload_label(up.name)
            src = Source("unknown", path=label)
            raws.extend(read_bytes(up.data, label, src, ctx, up.content_type))
        if pasted is not None and pasted.text.strip():
            meta = Metadata(title=pasted.title, outlet=pasted.outlet, published=pasted.published)
            hint = pasted.title or "pasted"
            raws.append(RawItem(Source("text"), hint, kind="text", body=pasted.text, meta=meta))
        for url in urls or []:
            if is_url(url):
                raws.extend(read_inputs([url], ctx))
            else:
                raws.append(
                    RawItem(Source("url", url=url), "url", reason="not an http or https URL")
                )
        with self._lock:
            store = self._store()
            taken = store.ids()
            dedup = Deduplicator(self.settings)
            for stored in store.articles("ok"):
                dedup.check(stored)
            added = []
            for raw in raws:
                article = dedup.check(
                    to_article(raw, _unique_id(raw.id_hint, taken), self.settings)
                )
                store.add(article)
                added.append(article)
            store.commit()
        return added
