"""Plain text and Markdown: one article per file. Header and trailer lines (title,
Date:, URL, last modified, tags) are read by the cleaner; Markdown syntax and
YAML front matter are handled here."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rashomon.ingest.decode import Undecodable, decode_text
from rashomon.ingest.registry import ReadContext, register_reader
from rashomon.model import Metadata, RawItem, Source

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*\n", re.S)
_FM_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)")
_MD_REF_DEF = re.compile(r"^\s*\[[^\]]+\]:\s+\S+.*$", re.M)
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$", re.M)
_MD_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+", re.M)
_MD_QUOTE = re.compile(r"^\s*>\s?", re.M)
_MD_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$", re.M)
_MD_FENCE = re.compile(r"^\s*(```|~~~).*$", re.M)


def _front_matter(text: str) -> tuple[Metadata, str]:
    meta = Metadata()
    m = _FRONT_MATTER.match(text)
    if not m:
        return meta, text
    for line in m.group(1).splitlines():
        fm = _FM_LINE.match(line)
        if not fm:
            continue
        key, value = fm.group(1).lower(), fm.group(2).strip().strip("\"'")
        if not value:
            continue
        if key in ("title", "headline"):
            meta.title = value
        elif key in ("date", "published", "pubdate", "published_at"):
            meta.published = value
        elif key in ("url", "link", "canonical"):
            meta.url = value
        elif key in ("author", "authors", "byline"):
            meta.authors = [
                a.strip() for a in re.split(r",|;| and ", value.strip("[]")) if a.strip()
            ]
        elif key in ("tags", "keywords", "categories"):
            meta.tags = [t.strip(" \"'") for t in value.strip("[]").split(",") if t.strip(" \"'")]
        elif key in ("source", "outlet", "site", "publisher"):
            meta.outlet = value
        elif key in ("lang", "language"):
            meta.language = value
    return meta, text[m.end() :]


def markdown_to_text(md: str) -> str:
    """Markdown to the plain text a reader sees: links keep their words, images and
    markup go; the first heading keeps a '# ' so the cleaner can read it as the title."""
    md = _MD_FENCE.sub("", md)
    md = _MD_REF_DEF.sub("", md)
    md = _MD_IMAGE.sub(lambda m: m.group(1), md)
    md = _MD_LINK.sub(lambda m: m.group(1), md)
    md = _MD_RULE.sub("", md)
    md = _MD_QUOTE.sub("", md)
    md = _MD_LIST.sub("", md)
    first = True

    def heading(m: re.Match[str]) -> str:
        nonlocal first
        text = m.group(2)
        if first:
            first = False
            return "# " + text
        return text

    md = _MD_HEADING.sub(heading, md)
    for _ in range(2):
        md = _MD_EMPHASIS.sub(lambda m: m.group(2), md)
    return md


def _read(data: bytes, source: Source, ctx: ReadContext, markdown: bool) -> Iterator[RawItem]:
    try:
        text = decode_text(data)
    except Undecodable as exc:
        yield RawItem(source, "", reason=f"{exc}: not a readable text file")
        return
    meta, text = _front_matter(text)
    if markdown:
        text = markdown_to_text(text)
    yield RawItem(source, "", kind="text", body=text, meta=meta)


@register_reader("text", extensions=(".txt", ".text"), content_types=("text/plain",), priority=90)
def read_text(data: bytes, source: Source, ctx: ReadContext) -> Iterator[RawItem]:
    yield from _read(data, source, ctx, markdown=False)


@register_reader(
    "markdown",
    extensions=(".md", ".markdown", ".mdown"),
    content_types=("text/markdown", "text/x-markdown"),
    priority=90,
)
def read_markdown(data: bytes, source: Source, ctx: ReadContext) -> Iterator[RawItem]:
    yield from _read(data, source, ctx, markdown=True)
