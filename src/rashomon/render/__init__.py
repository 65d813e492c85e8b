"""Renderers: a report -> JSON (the contract), Markdown, HTML, or a folder of tables
(CSV, Parquet). Each registers its format name (and file extensions); `render` picks
one by name or by file name; `write` also knows the formats that fill a folder."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rashomon import errors
from rashomon.compare.neutral import claim_as_positions, claim_sides
from rashomon.report import Report

__all__ = [
    "claim_as_positions",
    "claim_sides",
    "format_for",
    "formats",
    "register_folder_writer",
    "register_renderer",
    "render",
    "write",
    "writes_folder",
]

RenderFn = Callable[[Report], str]

FolderFn = Callable[[Report, Path], None]


@dataclass(frozen=True)
class _Renderer:
    name: str
    render: RenderFn
    extensions: tuple[str, ...]


_RENDERERS: dict[str, _Renderer] = {}
_FOLDER_WRITERS: dict[str, FolderFn] = {}


def register_renderer(name: str, *, extensions: tuple[str, ...]) -> Callable[[RenderFn], RenderFn]:
    def decorate(fn: RenderFn) -> RenderFn:
        _RENDERERS[name] = _Renderer(name, fn, extensions)
        return fn

    return decorate


def register_folder_writer(name: str) -> Callable[[FolderFn], FolderFn]:
    """For formats written as several files into a folder (one per table)."""

    def decorate(fn: FolderFn) -> FolderFn:
        _FOLDER_WRITERS[name] = fn
        return fn

    return decorate


def formats() -> list[str]:
    return sorted([*_RENDERERS, *_FOLDER_WRITERS])


def writes_folder(fmt: str) -> bool:
    return fmt in _FOLDER_WRITERS


def format_for(path: str | Path | None, explicit: str | None = None) -> str:
    """The output format: the one asked for, else the file's extension, else JSON."""
    if explicit:
        name = explicit.lower()
        if name not in _RENDERERS and name not in _FOLDER_WRITERS:
            raise errors.unknown_output_format(name, formats())
        return name
    if path is not None:
        suffix = Path(path).suffix.lower()
        for r in _RENDERERS.values():
            if suffix in r.extensions:
                return r.name
    return "json"


def render(report: Report, fmt: str = "json") -> str:
    if fmt in _FOLDER_WRITERS:
        raise errors.folder_output_needed(fmt)
    if fmt not in _RENDERERS:
        raise errors.unknown_output_format(fmt, formats())
    return _RENDERERS[fmt].render(report)


def write(report: Report, path: str | Path, fmt: str | None = None) -> str:
    """Render `report` to `path` (format from `fmt` or the extension); returns the format.
    For table formats `path` is a folder that receives one file per table."""
    name = format_for(path, fmt)
    if name in _FOLDER_WRITERS:
        _FOLDER_WRITERS[name](report, Path(path))
        return name
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(render(report, name), encoding="utf-8")
    return name


from rashomon.render import html, json_, markdown, tables  # noqa: E402,F401  (register them)
