"""The report as tables for pandas or a spreadsheet: one file per table (articles, claims,
positions, quantities, conflicts, timeline, entities), CSV or Parquet, every row with the
id of its story. Lists stay lists in Parquet and are JSON arrays in CSV."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from rashomon import errors
from rashomon.render import register_folder_writer
from rashomon.report import Report

__all__ = ["TABLES", "table_rows", "write_tables"]

Row = dict[str, Any]
_STANCES = ("asserts", "denies", "hedges", "questions")
# A column's name and kind: "str", "int", "float", "bool" or "list" (of strings).
Columns = tuple[tuple[str, str], ...]


def _bounds(value: Any) -> tuple[float | None, float | None]:
    """The low and high ends of a number or a [low, high] range; None where open or not
    a number (a date in a date conflict)."""
    if isinstance(value, bool):
        return None, None
    if isinstance(value, int | float):
        return float(value), float(value)
    if isinstance(value, list | tuple) and len(value) == 2:
        low, high = (float(v) if isinstance(v, int | float) else None for v in value)
        return low, high
    return None, None


def _value_text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value)


def _pick(item: dict[str, Any], *names: str) -> Row:
    return {name: item.get(name) for name in names}


def _articles(data: dict[str, Any]) -> Iterator[Row]:
    story_of = {aid: s["id"] for s in data["stories"] for aid in s.get("article_ids", [])}
    for a in data["articles"]:
        src = a.get("source") or {}
        yield {
            "story_id": story_of.get(a["id"]),
            **_pick(a, "id", "status", "reason", "duplicate_of", "title", "outlet", "url"),
            "published": a.get("published"),
            "published_inferred": bool(a.get("published_inferred")),
            "authors": list(a.get("authors") or []),
            "language": a.get("language"),
            "source_format": src.get("format"),
            "source_path": src.get("path"),
            "source_url": src.get("url"),
            "removed_count": len(a.get("removed") or []),
            "text": a.get("text"),
        }


def _per_story(
    key: str, row: Callable[[str, dict[str, Any]], Iterator[Row]]
) -> Callable[[dict[str, Any]], Iterator[Row]]:
    def rows(data: dict[str, Any]) -> Iterator[Row]:
        for story in data["stories"]:
            for item in story.get(key) or []:
                yield from row(story["id"], item)

    return rows


def _claim(story_id: str, c: dict[str, Any]) -> Iterator[Row]:
    stances = [p.get("stance") for p in c.get("positions") or []]
    yield {
        "story_id": story_id,
        **_pick(c, "id", "text", "status"),
        "article_count": len(c.get("article_ids") or []),
        **{stance: stances.count(stance) for stance in _STANCES},
        "article_ids": list(c.get("article_ids") or []),
    }


def _positions(story_id: str, c: dict[str, Any]) -> Iterator[Row]:
    for p in c.get("positions") or []:
        yield {
            "story_id": story_id,
            "claim_id": c["id"],
            **_pick(p, "actor", "entity_id", "stance"),
            "own_voice": bool(p.get("own_voice")),
            **_pick(p, "article_id", "attribution_id", "evidence"),
        }


def _quantity(story_id: str, q: dict[str, Any]) -> Iterator[Row]:
    low, high = _bounds(q.get("value"))
    yield {
        "story_id": story_id,
        **_pick(q, "id", "article_id"),
        "value": _value_text(q.get("value")),
        "low": low,
        "high": high,
        "approximate": bool(q.get("approximate")),
        **_pick(q, "counted", "event", "text", "stated_by", "attribution_id", "start", "end"),
        "sentence": q.get("sentence"),
    }


def _conflict_items(story_id: str, c: dict[str, Any]) -> Iterator[Row]:
    for item in c.get("items") or []:
        low, high = _bounds(item.get("value"))
        yield {
            "story_id": story_id,
            "conflict_id": c["id"],
            **_pick(c, "kind", "about"),
            "article_id": item.get("article_id"),
            "value": _value_text(item.get("value")),
            "low": low,
            "high": high,
            **_pick(item, "stated_by", "quantity_id", "evidence"),
        }


def _timeline(story_id: str, e: dict[str, Any]) -> Iterator[Row]:
    yield {
        "story_id": story_id,
        **_pick(e, "date", "precision"),
        "inferred": bool(e.get("inferred")),
        "event": e.get("event"),
        "article_ids": list(e.get("article_ids") or []),
        "claim_ids": list(e.get("claim_ids") or []),
        "evidence": list(e.get("evidence") or []),
    }


def _entity(story_id: str, e: dict[str, Any]) -> Iterator[Row]:
    yield {
        "story_id": story_id,
        **_pick(e, "id", "name", "type"),
        "aliases": list(e.get("aliases") or []),
        "mention_count": e.get("mention_count"),
        "article_ids": list(e.get("article_ids") or []),
    }


def _columns(**kinds: str) -> Columns:
    return tuple(kinds.items())


_S, _I, _F, _B, _L = "str", "int", "float", "bool", "list"

TABLES: dict[str, tuple[Columns, Callable[[dict[str, Any]], Iterator[Row]]]] = {
    "articles": (
        _columns(story_id=_S, id=_S, status=_S, reason=_S, duplicate_of=_S, title=_S,
                 outlet=_S, url=_S, published=_S, published_inferred=_B, authors=_L,
                 language=_S, source_format=_S, source_path=_S, source_url=_S,
                 removed_count=_I, text=_S),
        _articles,
    ),
    "claims": (
        _columns(story_id=_S, id=_S, text=_S, status=_S, article_count=_I, asserts=_I,
                 denies=_I, hedges=_I, questions=_I, article_ids=_L),
        _per_story("claims", _claim),
    ),
    "positions": (
        _columns(story_id=_S, claim_id=_S, actor=_S, entity_id=_S, stance=_S, own_voice=_B,
                 article_id=_S, attribution_id=_S, evidence=_S),
        _per_story("claims", _positions),
    ),
    "quantities": (
        _columns(story_id=_S, id=_S, article_id=_S, value=_S, low=_F, high=_F,
                 approximate=_B, counted=_S, event=_S, text=_S, stated_by=_S,
                 attribution_id=_S, start=_I, end=_I, sentence=_S),
        _per_story("quantities", _quantity),
    ),
    "conflicts": (
        _columns(story_id=_S, conflict_id=_S, kind=_S, about=_S, article_id=_S, value=_S,
                 low=_F, high=_F, stated_by=_S, quantity_id=_S, evidence=_S),
        _per_story("conflicts", _conflict_items),
    ),
    "timeline": (
        _columns(story_id=_S, date=_S, precision=_S, inferred=_B, event=_S, article_ids=_L,
                 claim_ids=_L, evidence=_L),
        _per_story("timeline", _timeline),
    ),
    "entities": (
        _columns(story_id=_S, id=_S, name=_S, type=_S, aliases=_L, mention_count=_I,
                 article_ids=_L),
        _per_story("entities", _entity),
    ),
}  # fmt: skip


def table_rows(report: Report) -> dict[str, list[Row]]:
    """Every table's rows, by table name, in the report's order."""
    data = report.to_dict()
    return {name: list(rows(data)) for name, (_, rows) in TABLES.items()}


def _csv_cell(value: Any) -> Any:
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    # A spreadsheet runs a cell that starts like a formula; article text is untrusted.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _write_csv(path: Path, columns: Columns, rows: list[Row]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow([name for name, _ in columns])
        out.writerows([_csv_cell(row[name]) for name, _ in columns] for row in rows)


def _write_parquet(path: Path, columns: Columns, rows: list[Row]) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:  # pragma: no cover - pyarrow is a declared dependency
        raise errors.missing_package("pyarrow", "Parquet tables") from None
    kinds = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    schema = pa.schema([(name, kinds.get(kind) or pa.list_(pa.string())) for name, kind in columns])
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, path)


_WRITERS = {"csv": _write_csv, "parquet": _write_parquet}


def write_tables(report: Report, folder: str | Path, fmt: str = "csv") -> list[Path]:
    """Write one file per table into `folder` (made if missing); returns their paths."""
    if fmt not in _WRITERS:
        raise errors.unknown_output_format(fmt, sorted(_WRITERS))
    out = Path(folder)
    if out.exists() and not out.is_dir():
        raise errors.folder_output_needed(fmt, str(out))
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, rows in table_rows(report).items():
        path = out / f"{name}.{fmt}"
        _WRITERS[fmt](path, TABLES[name][0], rows)
        paths.append(path)
    return paths


@register_folder_writer("csv")
def _csv_tables(report: Report, folder: Path) -> None:
    write_tables(report, folder, "csv")


@register_folder_writer("parquet")
def _parquet_tables(report: Report, folder: Path) -> None:
    write_tables(report, folder, "parquet")
