"""The store: one SQLite file holding articles (keyed by the hash of their text, so
re-ingesting the same inputs adds nothing), rejected inputs, and an FTS5 index
for `rashomon search`."""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from rashomon import errors
from rashomon.model import Article

__all__ = ["SearchHit", "Store"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    content_hash TEXT PRIMARY KEY,
    id TEXT NOT NULL,
    status TEXT NOT NULL,
    duplicate_of TEXT,
    title TEXT,
    outlet TEXT,
    url TEXT,
    published TEXT,
    language TEXT,
    text TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_id ON articles(id);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TABLE IF NOT EXISTS rejected (
    source_key TEXT PRIMARY KEY,
    id TEXT NOT NULL,
    reason TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS analyses (
    content_hash TEXT NOT NULL,
    pipeline_version TEXT NOT NULL,
    doc BLOB NOT NULL,
    summary TEXT NOT NULL,
    PRIMARY KEY (content_hash, pipeline_version)
);
CREATE TABLE IF NOT EXISTS embeddings (
    model TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (model, text_hash)
);
CREATE TABLE IF NOT EXISTS store_info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
_STORE_VERSION = "1"
_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})


@dataclass(frozen=True)
class SearchHit:
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    snippet: str


class Store:
    """A SQLite store; use as a context manager or call `close()`."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path)
            self._db.executescript(_SCHEMA)
            self._db.execute(
                "INSERT OR IGNORE INTO store_info(key, value) VALUES ('version', ?)",
                (_STORE_VERSION,),
            )
            self._db.commit()
        except (sqlite3.Error, OSError) as exc:
            raise errors.store_unavailable(self.path, str(exc)) from None

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._db.commit()
        self._db.close()

    def commit(self) -> None:
        self._db.commit()

    def has(self, content_hash: str) -> str | None:
        """The stored id of the article with this text, or None."""
        row = self._db.execute(
            "SELECT id FROM articles WHERE content_hash = ?", (content_hash,)
        ).fetchone()
        return None if row is None else str(row[0])

    def add(self, article: Article) -> bool:
        """Store `article`; True when it was new. Rejected inputs are kept by source."""
        try:
            if article.status == "rejected" or article.content_hash is None:
                key = json.dumps(article.source.to_dict(), sort_keys=True)
                cur = self._db.execute(
                    "INSERT OR REPLACE INTO rejected(source_key, id, reason, data) "
                    "VALUES (?,?,?,?)",
                    (key, article.id, article.reason or "", json.dumps(article.to_dict())),
                )
                return cur.rowcount > 0
            cur = self._db.execute(
                "INSERT OR IGNORE INTO articles(content_hash, id, status, duplicate_of, title, "
                "outlet, url, published, language, text, data) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (
                    article.content_hash,
                    article.id,
                    article.status,
                    article.duplicate_of,
                    article.title,
                    article.outlet,
                    article.url,
                    article.published,
                    article.language,
                    article.text,
                    json.dumps(article.to_dict(), ensure_ascii=False),
                ),
            )
            if cur.rowcount == 0:
                return False
            self._db.execute(
                "INSERT INTO articles_fts(rowid, title, text) VALUES (?, ?, ?)",
                (cur.lastrowid, article.title or "", article.text),
            )
            return True
        except sqlite3.Error as exc:
            raise errors.store_unavailable(self.path, str(exc)) from None

    def analysis(self, content_hash: str, pipeline_version: str) -> tuple[bytes, str] | None:
        """The cached parse of the text with this hash, by this pipeline version: the
        serialised Doc and a JSON summary (sentences, mentions)."""
        row = self._db.execute(
            "SELECT doc, summary FROM analyses WHERE content_hash = ? AND pipeline_version = ?",
            (content_hash, pipeline_version),
        ).fetchone()
        return None if row is None else (bytes(row[0]), str(row[1]))

    def put_analysis(
        self, content_hash: str, pipeline_version: str, doc: bytes, summary: str
    ) -> None:
        try:
            self._db.execute(
                "INSERT OR REPLACE INTO analyses(content_hash, pipeline_version, doc, summary) "
                "VALUES (?, ?, ?, ?)",
                (content_hash, pipeline_version, doc, summary),
            )
        except sqlite3.Error as exc:
            raise errors.store_unavailable(self.path, str(exc)) from None

    def embeddings(self, model: str, text_hashes: list[str]) -> dict[str, bytes]:
        """Cached sentence vectors by text hash, for the ones the store holds."""
        out: dict[str, bytes] = {}
        for i in range(0, len(text_hashes), 500):
            chunk = text_hashes[i : i + 500]
            marks = ",".join("?" * len(chunk))
            sql = "SELECT text_hash, vector FROM embeddings WHERE model = ? AND text_hash IN "
            rows = self._db.execute(f"{sql}({marks})", (model, *chunk))
            out.update((str(h), bytes(v)) for h, v in rows)
        return out

    def put_embeddings(self, model: str, vectors: dict[str, bytes]) -> None:
        try:
            self._db.executemany(
                "INSERT OR REPLACE INTO embeddings(model, text_hash, vector) VALUES (?, ?, ?)",
                [(model, h, v) for h, v in vectors.items()],
            )
        except sqlite3.Error as exc:
            raise errors.store_unavailable(self.path, str(exc)) from None

    def articles(self, status: str | None = None) -> list[Article]:
        sql = "SELECT data FROM articles"
        args: tuple[str, ...] = ()
        if status is not None:
            sql += " WHERE status = ?"
            args = (status,)
        rows = self._db.execute(sql + " ORDER BY rowid", args).fetchall()
        return [Article.from_dict(json.loads(r[0])) for r in rows]

    def count(self) -> dict[str, int]:
        out = {
            str(status): int(n)
            for status, n in self._db.execute(
                "SELECT status, COUNT(*) FROM articles GROUP BY status"
            )
        }
        out["rejected"] = int(self._db.execute("SELECT COUNT(*) FROM rejected").fetchone()[0])
        return out

    def revision(self) -> tuple[int, int]:
        """A value that changes whenever an article is added (the highest rowid and the
        row count): a cheap key for results computed from the stored articles."""
        row = self._db.execute("SELECT COALESCE(MAX(rowid), 0), COUNT(*) FROM articles").fetchone()
        return int(row[0]), int(row[1])

    def ids(self) -> set[str]:
        """Every stored article id, rejected inputs included."""
        rows = self._db.execute("SELECT id FROM articles UNION SELECT id FROM rejected")
        return {str(r[0]) for r in rows}

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Full-text search over titles and bodies, best matches first. Accepts FTS5
        syntax (phrases in quotes, AND/OR/NOT, prefix*); anything that is not valid
        FTS5 is searched as plain words."""
        try:
            return self._search(query, limit)
        except sqlite3.OperationalError:
            words = [w for w in re.findall(r"\w+", query) if w not in _OPERATORS]
            if not words:
                return []
            return self._search(" ".join(f'"{w}"' for w in words), limit)

    def _search(self, match: str, limit: int) -> list[SearchHit]:
        rows = self._db.execute(
            "SELECT a.id, a.title, a.outlet, a.published, a.url, "
            "snippet(articles_fts, 1, '[', ']', '…', 14) "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY rank, a.id LIMIT ?",
            (match, limit),
        ).fetchall()
        return [SearchHit(*row) for row in rows]
