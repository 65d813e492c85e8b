"""Shared set-up: where ../shared is, a validated `analyze`, and schema checks on
every report a test produces."""

from __future__ import annotations

import os
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

import rashomon.pipeline
from rashomon.report import Report, validate
from rashomon.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RASHOMON_SHARED", ROOT.parent / "shared"))
EXAMPLES = ROOT / "examples"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or a skip with the reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: these tests read ../shared beside the checkout")
    return path


class QuietServer(ThreadingHTTPServer):
    """A local test server that does not print a client hanging up early (timeout
    tests do that on purpose)."""

    def handle_error(self, request: object, client_address: object) -> None:
        pass


def analyse_texts(folder: Path, articles: dict[str, str]) -> Report:
    """Write `articles` (file name -> text) into `folder`, analyse them, and check the
    report against the schema."""
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    report = rashomon.pipeline.run([str(folder)], Settings(quiet=True))
    validate(report.to_dict())
    return report


@pytest.fixture(autouse=True)
def _validate_every_report(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every report built through the pipeline in a test is checked against the schema."""
    real_run = rashomon.pipeline.run

    def checked_run(*args: object, **kwargs: object) -> Report:
        report = real_run(*args, **kwargs)  # type: ignore[arg-type]
        validate(report.to_dict())
        return report

    monkeypatch.setattr(rashomon.pipeline, "run", checked_run)
    yield


@pytest.fixture
def karabakh() -> Path:
    return shared_path("examples", "karabakh-2020")
