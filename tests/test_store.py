"""The SQLite store: content-hash keys, FTS5 search, rejected inputs kept."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from rashomon import errors
from rashomon.ingest import content_hash
from rashomon.model import Article, Source
from rashomon.store import Store


def ok(aid: str, text: str, title: str = "A title") -> Article:
    return Article(
        id=aid,
        source=Source("text", path=f"{aid}.txt"),
        title=title,
        text=text,
        content_hash=content_hash(text),
    )


def test_same_text_is_stored_once(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        assert store.add(ok("a", "Ferries stopped running on Friday."))
        assert not store.add(ok("b", "Ferries  stopped running on Friday."))
        assert store.count()["ok"] == 1
        assert store.has(content_hash("Ferries stopped running on Friday.")) == "a"


def test_search_finds_words_in_text_and_title(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.add(ok("a", "The ferry strike ended after talks.", title="Strike over"))
        store.add(ok("b", "Rain closed the mountain road.", title="Road closed"))
        hits = store.search("ferry")
        assert [h.id for h in hits] == ["a"]
        assert "[ferry]" in hits[0].snippet
        assert [h.id for h in store.search("closed")] == ["b"]


def test_search_survives_invalid_fts_syntax(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.add(ok("a", 'He said "ferry strike ended after talks.'))
        assert [h.id for h in store.search('"ferry AND (')] == ["a"]
        assert store.search("   ") == []


def test_rejected_inputs_are_kept_by_source(tmp_path: Path) -> None:
    bad = Article(
        id="x", source=Source("text", path="x.txt"), status="rejected", reason="empty input"
    )
    with Store(tmp_path / "s.db") as store:
        store.add(bad)
        store.add(bad)
        assert store.count()["rejected"] == 1


def test_store_persists_across_opens(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.add(ok("a", "Ferries stopped running on Friday."))
    with Store(path) as store:
        assert [a.id for a in store.articles()] == ["a"]


def test_unusable_store_path_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "not-a-db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(errors.StoreError, match="E010"):
        Store(bad)


def test_store_is_a_real_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.add(ok("a", "Ferries stopped running on Friday."))
    rows = sqlite3.connect(path).execute("SELECT id FROM articles").fetchall()
    assert rows == [("a",)]
