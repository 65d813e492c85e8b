"""The report as tables: one CSV or Parquet file per table, read back as pandas or a
spreadsheet would, every row carrying its story's id."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from rashomon import errors
from rashomon.render import write
from rashomon.render.tables import TABLES, write_tables
from rashomon.report import Report

NAMES = ["articles", "claims", "positions", "quantities", "conflicts", "timeline", "entities"]


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_writes_one_file_per_table(example: Report, tmp_path: Path, fmt: str) -> None:
    paths = write_tables(example, tmp_path / "t", fmt)
    assert sorted(p.name for p in paths) == sorted(f"{n}.{fmt}" for n in NAMES)


def test_csv_positions_are_every_claim_position_with_its_claim(
    example: Report, tmp_path: Path
) -> None:
    write_tables(example, tmp_path, "csv")
    rows = _read_csv(tmp_path / "positions.csv")
    story = example.stories[0]
    expected = [(c["id"], p["actor"], p["stance"]) for c in story.claims for p in c["positions"]]
    assert [(r["claim_id"], r["actor"], r["stance"]) for r in rows] == expected
    assert {r["story_id"] for r in rows} == {story.id}


def test_csv_header_names_every_column(example: Report, tmp_path: Path) -> None:
    write_tables(example, tmp_path, "csv")
    for name in NAMES:
        with (tmp_path / f"{name}.csv").open(encoding="utf-8") as f:
            assert next(csv.reader(f)) == [c for c, _ in TABLES[name][0]]


def test_csv_conflicts_have_one_row_per_item_with_numeric_bounds(
    example: Report, tmp_path: Path
) -> None:
    write_tables(example, tmp_path, "csv")
    rows = _read_csv(tmp_path / "conflicts.csv")
    conflicts = example.stories[0].conflicts
    assert len(rows) == sum(len(c["items"]) for c in conflicts)
    ranged = next(r for r in rows if r["value"].startswith("["))
    low, high = json.loads(ranged["value"])
    assert float(ranged["low"]) == low
    assert ranged["high"] == ("" if high is None else str(float(high)))


def test_csv_lists_are_json_arrays(example: Report, tmp_path: Path) -> None:
    write_tables(example, tmp_path, "csv")
    entity = example.stories[0].entities[0]
    row = _read_csv(tmp_path / "entities.csv")[0]
    assert json.loads(row["aliases"]) == entity["aliases"]


def test_csv_cells_that_look_like_formulas_are_defused(example: Report, tmp_path: Path) -> None:
    example.articles[0].title = '=HYPERLINK("http://evil.example","click")'
    write_tables(example, tmp_path, "csv")
    row = next(r for r in _read_csv(tmp_path / "articles.csv") if r["id"] == example.articles[0].id)
    assert row["title"] == "'" + example.articles[0].title


def test_parquet_keeps_types_and_rows(example: Report, tmp_path: Path) -> None:
    write_tables(example, tmp_path, "parquet")
    quantities = pq.read_table(tmp_path / "quantities.parquet").to_pylist()
    assert len(quantities) == len(example.stories[0].quantities)
    first = example.stories[0].quantities[0]
    value = first["value"]
    low = value[0] if isinstance(value, list) else value
    assert quantities[0]["low"] == low and isinstance(quantities[0]["approximate"], bool)
    articles = pq.read_table(tmp_path / "articles.parquet")
    assert articles.num_rows == len(example.articles)
    assert articles.column("authors").type.value_type == "string"


def test_articles_outside_any_story_have_no_story_id(example: Report, tmp_path: Path) -> None:
    write_tables(example, tmp_path, "parquet")
    rows = pq.read_table(tmp_path / "articles.parquet").to_pylist()
    assert {r["story_id"] is None for r in rows if r["status"] == "rejected"} == {True}


def test_write_by_format_name_fills_the_folder(example: Report, tmp_path: Path) -> None:
    assert write(example, tmp_path / "out", "csv") == "csv"
    assert (tmp_path / "out" / "claims.csv").exists()


def test_a_file_where_the_folder_should_be_is_an_error(example: Report, tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x", encoding="utf-8")
    with pytest.raises(errors.ConfigError, match="folder"):
        write_tables(example, tmp_path / "f", "csv")
