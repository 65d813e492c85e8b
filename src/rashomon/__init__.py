"""rashomon: many articles about the same events in, who claims what out.

import rashomon
report = rashomon.analyze(["articles/"])
print(report.to_json())
"""

from __future__ import annotations

__version__ = "0.1.0"

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rashomon.report import Report, load
from rashomon.settings import Settings, load_settings

__all__ = ["Report", "Settings", "add_to_store", "analyze", "load", "search", "stance"]


def _settings(
    settings: Settings | None, config: str | Path | None, options: dict[str, Any]
) -> Settings:
    base = settings if settings is not None else load_settings(config)
    return base.with_overrides(**options)


def analyze(
    inputs: Iterable[str] | str,
    *,
    settings: Settings | None = None,
    config: str | Path | None = None,
    **options: Any,
) -> Report:
    """Read `inputs` (files, directories, globs, URLs, '-' for stdin) and return the
    report. Options are `Settings` fields (e.g. `db="rashomon.db"`, `allow_private=True`)."""
    from rashomon.pipeline import run

    items = [inputs] if isinstance(inputs, str) else list(inputs)
    return run(items, _settings(settings, config, options))


def add_to_store(
    inputs: Iterable[str] | str,
    *,
    settings: Settings | None = None,
    config: str | Path | None = None,
    **options: Any,
) -> Any:
    """Add `inputs` to the store (`db`, default ./rashomon.db) without building a
    report; returns an `IngestSummary` (added, already stored, duplicates, rejected)."""
    from rashomon.pipeline import ingest_to_store

    items = [inputs] if isinstance(inputs, str) else list(inputs)
    return ingest_to_store(items, _settings(settings, config, options))


def stance(
    claim: str,
    inputs: Iterable[str] | str,
    *,
    settings: Settings | None = None,
    config: str | Path | None = None,
    **options: Any,
) -> Any:
    """Read `inputs` as `analyze` does and return a `ClaimStances`: each analysed
    article's stance on `claim` (asserts, denies, reports, unrelated) with the sentence
    that shows it and who says it, and every input read with its status."""
    from rashomon.pipeline import claim_stances

    items = [inputs] if isinstance(inputs, str) else list(inputs)
    return claim_stances(claim, items, _settings(settings, config, options))


def search(query: str, *, db: str | Path = "rashomon.db", limit: int = 20) -> list[Any]:
    """Full-text search of the stored articles; returns `SearchHit`s, best first."""
    from rashomon.store import Store

    with Store(db) as store:
        return store.search(query, limit)
