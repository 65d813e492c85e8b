"""One settings object with defaults, overridable by a TOML file and by CLI flags."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from rashomon import errors


@dataclass(frozen=True)
class Settings:
    # Store: None keeps everything in memory for this run.
    db: str | None = None
    # Reading inputs.
    max_bytes: int = 20_000_000
    timeout: float = 20.0
    max_redirects: int = 5
    allow_private: bool = False
    fetch_linked: bool = False
    user_agent: str = "rashomon/0.1 (+news comparison)"
    # An article body shorter than this many words is rejected as "no article body".
    min_words: int = 15
    # Near-duplicate detection: estimated Jaccard similarity of word shingles.
    near_duplicate_threshold: float = 0.7
    shingle_size: int = 3
    minhash_permutations: int = 128
    # Processes that clean articles in parallel: 0 picks one per core (at most 4) once a
    # run has enough articles to gain from it; 1 keeps everything in one process.
    workers: int = 0
    # Extra cue verbs (a TOML file with [cues] assert/deny/hedge/question lists).
    cues: str | None = None
    # Two statements are one claim when their similarity (sentence vectors blended
    # with shared entities) reaches this.
    claim_threshold: float = 0.45
    # An OpenAI-compatible endpoint (e.g. http://127.0.0.1:8080) that rewrites each
    # story's summary for fluency under the same citation and neutrality checks; None
    # (the default) keeps the deterministic summary and needs no model.
    llm: str | None = None
    llm_model: str = "default"
    llm_timeout: float = 60.0
    # Progress bar on runs longer than a second, unless quiet.
    quiet: bool = False

    def with_overrides(self, **changes: Any) -> Settings:
        """A copy with the given fields changed; None values leave a field as it is."""
        known = {f.name for f in fields(self)}
        unknown = set(changes) - known
        if unknown:
            raise errors.ConfigError("E006", f"Unknown setting(s): {', '.join(sorted(unknown))}.")
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def read_toml(path: Path, missing: str) -> dict[str, Any]:
    """A TOML file's table, or a settings error that says what is wrong with it."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise errors.bad_config(str(path), missing) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise errors.bad_config(str(path), str(exc)) from None


def load_settings(path: str | Path | None = None, **overrides: Any) -> Settings:
    """Defaults, then the TOML file (a `[rashomon]` table or top-level keys), then overrides."""
    settings = Settings()
    if path is not None:
        p = Path(path)
        data = read_toml(p, "file not found")
        table = data.get("rashomon", data)
        if not isinstance(table, dict):
            raise errors.bad_config(str(p), "expected a [rashomon] table")
        table = {k.replace("-", "_"): v for k, v in table.items()}
        try:
            settings = settings.with_overrides(**table)
        except errors.ConfigError as exc:
            raise errors.bad_config(str(p), str(exc)) from None
    return settings.with_overrides(**overrides)
