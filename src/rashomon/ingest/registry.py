"""The registry of readers: one function per input format, found by extension,
content type or a look at the first bytes. New formats plug in here with
`@register_reader`, not by editing a chain of ifs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from rashomon.model import RawItem, Source
from rashomon.settings import Settings


@dataclass(frozen=True)
class Fetched:
    """A document fetched from a URL."""

    url: str
    content: bytes
    content_type: str | None


@dataclass
class ReadContext:
    """What a reader may need beyond its bytes: the settings, and a way to fetch
    linked pages (the feed reader's --fetch-linked)."""

    settings: Settings
    fetch: Callable[[str], Fetched]


ReaderFn = Callable[[bytes, Source, ReadContext], Iterator[RawItem]]


@dataclass(frozen=True)
class ReaderSpec:
    name: str
    read: ReaderFn
    extensions: tuple[str, ...]
    content_types: tuple[str, ...]
    sniff: Callable[[bytes], bool] | None
    # Lower runs first when sniffing content of unknown type.
    priority: int


_READERS: dict[str, ReaderSpec] = {}


def register_reader(
    name: str,
    *,
    extensions: tuple[str, ...] = (),
    content_types: tuple[str, ...] = (),
    sniff: Callable[[bytes], bool] | None = None,
    priority: int = 50,
) -> Callable[[ReaderFn], ReaderFn]:
    """Register `fn` as the reader of format `name`."""

    def decorate(fn: ReaderFn) -> ReaderFn:
        _READERS[name] = ReaderSpec(
            name, fn, tuple(e.lower() for e in extensions), content_types, sniff, priority
        )
        return fn

    return decorate


def reader(name: str) -> ReaderSpec:
    return _READERS[name]


def formats() -> list[str]:
    return sorted(_READERS)


def by_extension(filename: str) -> ReaderSpec | None:
    """The reader whose extension is the longest suffix of `filename` (.warc.gz before .gz)."""
    lower = filename.lower()
    best: tuple[int, ReaderSpec] | None = None
    for spec in _READERS.values():
        for ext in spec.extensions:
            if lower.endswith(ext) and (best is None or len(ext) > best[0]):
                best = (len(ext), spec)
    return best[1] if best else None


def by_content_type(content_type: str | None) -> ReaderSpec | None:
    if not content_type:
        return None
    ctype = content_type.split(";", 1)[0].strip().lower()
    for spec in _READERS.values():
        if ctype in spec.content_types:
            return spec
    return None


def by_sniffing(head: bytes) -> ReaderSpec | None:
    for spec in sorted(_READERS.values(), key=lambda s: (s.priority, s.name)):
        if spec.sniff is not None and spec.sniff(head):
            return spec
    return None
