"""Renderers: a report -> JSON (the contract), Markdown, HTML. Each registers its
format name and file extensions; `render` picks one by name or by file name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rashomon import errors
from rashomon.report import Report

__all__ = ["format_for", "formats", "register_renderer", "render", "write"]

RenderFn = Callable[[Report], str]


@dataclass(frozen=True)
class _Renderer:
    name: str
    render: RenderFn
    extensions: tuple[str, ...]


_RENDERERS: dict[str, _Renderer] = {}


def register_renderer(name: str, *, extensions: tuple[str, ...]) -> Callable[[RenderFn], RenderFn]:
    def decorate(fn: RenderFn) -> RenderFn:
        _RENDERERS[name] = _Renderer(name, fn, extensions)
        return fn

    return decorate


def formats() -> list[str]:
    return sorted(_RENDERERS)


def format_for(path: str | Path | None, explicit: str | None = None) -> str:
    """The output format: the one asked for, else the file's extension, else JSON."""
    if explicit:
        name = explicit.lower()
        if name not in _RENDERERS:
            raise errors.unknown_output_format(name, formats())
        return name
    if path is not None:
        suffix = Path(path).suffix.lower()
        for r in _RENDERERS.values():
            if suffix in r.extensions:
                return r.name
    return "json"


def render(report: Report, fmt: str = "json") -> str:
    if fmt not in _RENDERERS:
        raise errors.unknown_output_format(fmt, formats())
    return _RENDERERS[fmt].render(report)


def write(report: Report, path: str | Path, fmt: str | None = None) -> str:
    """Render `report` to `path` (format from `fmt` or the extension); returns the format."""
    name = format_for(path, fmt)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(render(report, name), encoding="utf-8")
    return name


from rashomon.render import html, json_, markdown  # noqa: E402,F401  (register the renderers)
