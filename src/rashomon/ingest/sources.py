"""Inputs as the user names them (paths, directories, globs, URLs, '-') turned into
raw items by the registered readers. Every input yields at least one item: a file
that cannot be read becomes an item with a reason, never an exception."""

from __future__ import annotations

import glob
import hashlib
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from rashomon.ingest import registry
from rashomon.ingest.decode import looks_binary
from rashomon.ingest.registry import ReadContext
from rashomon.model import RawItem, Source

_GLOB_CHARS = set("*?[")


def is_url(name: str) -> bool:
    lower = name.lower()
    return lower.startswith("http://") or lower.startswith("https://")


def url_id(url: str) -> str:
    """A stable id for an item known by its URL."""
    return "url-" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:12]


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def expand(inputs: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(kind, name) for every input: kind is 'file', 'url', 'stdin' or 'missing'.
    Directories are walked recursively and globs expanded, both in sorted order;
    hidden files are skipped."""
    for name in inputs:
        if name == "-":
            yield "stdin", "-"
        elif is_url(name):
            yield "url", name
        elif os.path.isdir(name):
            for root, dirs, files in os.walk(name):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if not f.startswith("."):
                        yield "file", os.path.join(root, f)
        elif os.path.exists(name):
            yield "file", name
        elif _GLOB_CHARS & set(name):
            matches = sorted(m for m in glob.glob(name, recursive=True) if os.path.isfile(m))
            if not matches:
                yield "missing", name
            for m in matches:
                yield "file", m
        else:
            yield "missing", name


def _read_capped(stream: BinaryIO, limit: int) -> bytes | None:
    """Up to `limit` bytes, or None when the stream holds more."""
    data = stream.read(limit + 1)
    return None if len(data) > limit else data


def _gunzip_capped(data: bytes, limit: int) -> bytes | None:
    d = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    out = d.decompress(data, limit + 1)
    return None if len(out) > limit else out


def read_bytes(
    data: bytes,
    name: str,
    source: Source,
    ctx: ReadContext,
    content_type: str | None = None,
    id_hint: str | None = None,
) -> Iterator[RawItem]:
    """Dispatch `data` to the reader its name, content type or first bytes call for."""
    hint = id_hint or Path(name).name.split(".")[0] or "item"
    if not data.strip():
        yield RawItem(source, hint, reason="empty input: no content at all")
        return
    spec = registry.by_extension(name) or registry.by_content_type(content_type)
    if spec is None and name.lower().endswith(".gz"):
        try:
            inner = _gunzip_capped(data, ctx.settings.max_bytes)
        except (zlib.error, EOFError, OSError) as exc:
            yield RawItem(source, hint, reason=f"unreadable: a corrupt gzip file ({exc})")
            return
        if inner is None:
            yield RawItem(source, hint, reason=_too_large(ctx, "once decompressed"))
            return
        yield from read_bytes(inner, name[:-3], source, ctx, content_type, hint)
        return
    if spec is None:
        spec = registry.by_sniffing(data[:4096])
    if spec is None:
        if looks_binary(data):
            yield RawItem(source, hint, reason="binary data, not text or a known article format")
            return
        spec = registry.reader("text")
    src = Source(spec.name, source.path, source.url, source.index)
    produced = False
    try:
        for item in spec.read(data, src, ctx):
            produced = True
            if not item.id_hint:
                item.id_hint = hint
            yield item
    except Exception as exc:  # a reader bug or a malformed file: account for it, go on
        yield RawItem(
            src,
            hint if not produced else f"{hint}-error",
            reason=f"unreadable {spec.name} input: {type(exc).__name__}: {exc}",
        )
        return
    if not produced:
        yield RawItem(src, hint, reason=f"no article found in this {spec.name} input")


def _too_large(ctx: ReadContext, how: str = "") -> str:
    limit = ctx.settings.max_bytes
    extra = f" {how}" if how else ""
    return (
        f"too large{extra}: over the {_mb(limit)} limit (raise max_bytes in the settings "
        "to read it)"
    )


def read_inputs(inputs: Iterable[str], ctx: ReadContext) -> Iterator[RawItem]:
    """Every raw item of every input, in input order."""
    from rashomon.ingest.web import FetchError  # the URL reader is optional to import early

    for kind, name in expand(inputs):
        if kind == "missing":
            yield RawItem(
                Source("unknown", path=name),
                Path(name).stem or "missing",
                reason="not found: no file, directory or glob match by this name",
            )
        elif kind == "stdin":
            data = _read_capped(sys.stdin.buffer, ctx.settings.max_bytes)
            src = Source("unknown", path="-")
            if data is None:
                yield RawItem(src, "stdin", reason=_too_large(ctx))
            else:
                yield from read_bytes(data, "stdin", src, ctx, id_hint="stdin")
        elif kind == "url":
            src = Source("url", url=name)
            try:
                fetched = ctx.fetch(name)
            except FetchError as exc:
                yield RawItem(src, url_id(name), reason=str(exc))
                continue
            src = Source("url", url=fetched.url)
            yield from read_bytes(
                fetched.content,
                _url_filename(fetched.url),
                src,
                ctx,
                fetched.content_type,
                id_hint=url_id(name),
            )
        else:
            src = Source("unknown", path=name)
            hint = Path(name).name.split(".")[0] or "item"
            try:
                size = os.path.getsize(name)
                if size > ctx.settings.max_bytes:
                    yield RawItem(src, hint, reason=_too_large(ctx, f"({_mb(size)})"))
                    continue
                with open(name, "rb") as fh:
                    data = fh.read()
            except OSError as exc:
                yield RawItem(src, hint, reason=f"unreadable: {exc.strerror or exc}")
                continue
            yield from read_bytes(data, name, src, ctx)


def _url_filename(url: str) -> str:
    """The last path segment of a URL, for extension-based format detection."""
    path = url.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    last = path.rsplit("/", 1)[-1]
    return last if "." in last else ""
