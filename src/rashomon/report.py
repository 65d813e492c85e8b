"""The report: every article of a run and the stories made of them, in the shape of
the public contract (docs/report-contract.md in shared/), with its JSON Schema."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from rashomon import __version__ as _version
from rashomon import errors
from rashomon.model import Article, Story

__all__ = ["SCHEMA_VERSION", "Report", "load", "schema", "validate"]

SCHEMA_VERSION = "1.2"


@dataclass
class Report:
    articles: list[Article]
    stories: list[Story]
    generated_at: str
    schema_version: str = SCHEMA_VERSION
    tool: dict[str, str] = field(default_factory=lambda: {"name": "rashomon", "version": _version})

    def article(self, article_id: str) -> Article:
        for a in self.articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)

    def counts(self) -> dict[str, int]:
        out = {"ok": 0, "duplicate": 0, "rejected": 0}
        for a in self.articles:
            out[a.status] += 1
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version,
            "generated_at": self.generated_at,
            "tool": dict(self.tool),
            "articles": [a.to_dict() for a in self.articles],
            "stories": [s.to_dict() for s in self.stories],
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent) + "\n"


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema of the report."""
    text = resources.files("rashomon").joinpath("schema/report.schema.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def validate(data: dict[str, Any]) -> None:
    """Raise `jsonschema.ValidationError` when `data` breaks the contract."""
    import jsonschema

    jsonschema.validate(data, schema())


def load(path: str | Path) -> Report:
    """Read a JSON report written by rashomon."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise errors.input_not_found(str(path)) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise errors.InputError("E007", f"{path} is not a rashomon JSON report: {exc}") from None
    if not isinstance(data, dict) or "articles" not in data:
        raise errors.InputError("E007", f"{path} is not a rashomon JSON report (no 'articles').")
    stories = [
        Story(**{k: v for k, v in s.items() if k in Story.__dataclass_fields__})
        for s in data.get("stories", [])
    ]
    return Report(
        articles=[Article.from_dict(a) for a in data["articles"]],
        stories=stories,
        generated_at=data.get("generated_at", ""),
        schema_version=data.get("schema_version", SCHEMA_VERSION),
        tool=data.get("tool", {"name": "rashomon", "version": _version}),
    )
