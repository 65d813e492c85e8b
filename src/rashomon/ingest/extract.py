"""HTML -> the article's body text and metadata.

The page is parsed once. trafilatura finds the main text in its precision mode; when
that keeps too little of the page's paragraph text, its default mode is run too and
the longer result is taken. Web furniture left in the body is dropped afterwards by
the same cleaner as for text inputs.
Metadata comes from the page's own declarations (Open Graph, JSON-LD, meta tags)
and htmldate's fast mode.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from rashomon.ingest.dates import to_iso_date
from rashomon.model import Metadata, Removed

__all__ = ["Extracted", "extract_html", "fragment_to_text"]

# When the precision mode keeps less than this share of the words in the page's
# paragraphs, it has probably missed the article: the default mode is tried too.
_FALLBACK_SHARE = 0.3
_WORD = re.compile(r"\S+")


@dataclass
class Extracted:
    text: str
    meta: Metadata = field(default_factory=Metadata)
    removed: list[Removed] = field(default_factory=list)


def _load(html: str | bytes) -> Any:
    import trafilatura

    try:
        return trafilatura.load_html(html)
    except Exception:  # lxml raises many kinds on broken input
        return None


def _text_of(node: Any) -> str:
    try:
        return " ".join((node.text_content() or "").split())
    except (ValueError, AttributeError):
        return ""


@dataclass(frozen=True)
class _Para:
    """A <p> of the page, noted before extraction prunes the tree: its text, its
    container, and the two elements above that (their place in the page template)."""

    index: int  # document order among the page's paragraphs
    text: str
    box: Any
    outer: Any
    top: Any


def _paragraph_map(tree: Any) -> list[_Para]:
    out = []
    for n, p in enumerate(tree.iter("p")):
        text = _text_of(p)
        box = p.getparent()
        if not text or box is None:
            continue
        outer = box.getparent()
        top = outer.getparent() if outer is not None else None
        out.append(_Para(n, text, box, outer, top))
    return out


_PAGE_BLOCKS = (
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "dd", "dt",
    "figcaption", "section", "article", "header", "footer", "td", "nav", "aside", "ul", "ol",
    "table", "main", "form", "button",
)  # fmt: skip
_PAGE_BLOCK_SET = frozenset(_PAGE_BLOCKS)
# A run of page text outside the article is kept for review up to this length.
_REMOVED_RUN_CHARS = 2000


def _page_blocks(tree: Any) -> list[str]:
    """The page's text, block by block (innermost blocks only), before extraction."""
    out = []
    for el in tree.iter(*_PAGE_BLOCKS):
        if any(isinstance(c.tag, str) and c.tag in _PAGE_BLOCK_SET for c in el):
            # A block holding blocks: only its own leading words ("We use cookies").
            text = " ".join((el.text or "").split())
        else:
            text = _text_of(el)
        if text:
            out.append(text)
    return out


def _outside(blocks: list[str], body: str) -> list[Removed]:
    """Runs of page text that did not make it into the body, one entry per run."""
    flat = " ".join(body.split())
    runs: list[list[str]] = [[]]
    for text in blocks:
        if text in flat:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(text)
    out = []
    for run in runs:
        if not run:
            continue
        joined = " | ".join(dict.fromkeys(run))
        if len(joined) > _REMOVED_RUN_CHARS:
            joined = joined[:_REMOVED_RUN_CHARS].rsplit(" ", 1)[0] + " …"
        out.append(Removed(joined, "page text outside the article (navigation, sidebars, footer)"))
    return out


def _tag_class(el: Any) -> tuple[str, str]:
    return (str(el.tag), el.get("class") or "") if el is not None else ("", "")


def _key(text: str) -> str:
    return " ".join(text.split())[:60]


def _sibling_chunks(text: str, paragraphs: list[_Para]) -> str:
    """Add the paragraphs of sibling containers when an article is split into chunks.

    Some sites cut one article into several containers of the same template class
    (siblings, or cousins wrapped alike); an extractor may keep only the first. When
    the kept paragraphs sit in such a container, the other chunks belong to it too.
    """
    kept = {_key(line) for line in text.split("\n") if line.strip()}
    held = Counter(p.box for p in paragraphs if _key(p.text) in kept)
    if not held:
        return text
    main, count = held.most_common(1)[0]
    first = next(p for p in paragraphs if p.box is main)
    key = _tag_class(main)
    if count < 2 or not key[1]:
        return text
    chunks = [
        p
        for p in paragraphs
        if p.box not in held
        and _tag_class(p.box) == key
        and (
            p.outer is first.outer
            or (
                p.top is not None
                and p.top is first.top
                and _tag_class(p.outer) == _tag_class(first.outer)
            )
        )
    ]
    if not chunks:
        return text
    start = first.index
    before = [p.text for p in chunks if p.index < start]
    after = [p.text for p in chunks if p.index > start]
    return "\n".join([*before, text, *after])


def _body(tree: Any, html: str | bytes) -> str:
    """The main text. trafilatura prunes the tree it is given, so what is needed of
    the page is noted first, and a fallback run works on a fresh parse (rarely needed)."""
    import trafilatura

    paragraphs = _paragraph_map(tree)
    page_words = sum(len(p.text.split()) for p in paragraphs)
    precise = trafilatura.extract(tree, favor_precision=True, include_comments=False) or ""
    words = len(_WORD.findall(precise))
    if not precise or words < _FALLBACK_SHARE * page_words:
        fresh = _load(html)
        default = (
            (trafilatura.extract(fresh, include_comments=False) or "") if fresh is not None else ""
        )
        if len(_WORD.findall(default)) > words:
            precise = default
    return _sibling_chunks(precise, paragraphs)


# --- metadata ------------------------------------------------------------------------


def _meta_tags(tree: Any) -> dict[str, str]:
    """Every <meta> declaration, by its property/name/itemprop (first one wins)."""
    out: dict[str, str] = {}
    for m in tree.iter("meta"):
        content = m.get("content")
        if not content or not content.strip():
            continue
        for attr in ("property", "name", "itemprop"):
            key = m.get(attr)
            if key:
                out.setdefault(key.strip().lower(), " ".join(content.split()))
    return out


def _first(tags: dict[str, str], *names: str) -> str | None:
    for name in names:
        if name.lower() in tags:
            return tags[name.lower()]
    return None


def _json_ld(tree: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(str(script))
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                out.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)
    return out


def _names(value: Any) -> list[str]:
    """Person names from a JSON-LD author value (a string, object or list)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def _is_article(item: dict[str, Any]) -> bool:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and ("Article" in k or k == "Report") for k in kinds)


def _metadata(tree: Any, url: str | None) -> Metadata:
    meta = Metadata()
    declared = _meta_tags(tree)
    articles = [i for i in _json_ld(tree) if _is_article(i)]
    ld = articles[0] if articles else {}
    headline = ld.get("headline")
    meta.title = (
        _first(declared, "og:title", "twitter:title")
        or (headline if isinstance(headline, str) else None)
        or next((_text_of(h) for h in tree.iter("h1") if _text_of(h)), None)
        or next((_text_of(t) for t in tree.iter("title") if _text_of(t)), None)
    )
    publisher = ld.get("publisher")
    meta.outlet = _first(declared, "og:site_name", "application-name") or next(
        iter(_names(publisher)), None
    )
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    meta.url = (str(canonical[0]).strip() if canonical else None) or _first(declared, "og:url")
    if not meta.url or not meta.url.startswith("http"):
        meta.url = url
    meta.published = to_iso_date(
        _first_str(ld.get("datePublished"))
        or _first(declared, "article:published_time", "datePublished", "pubdate",
                         "publish-date", "date", "dc.date", "DC.date.issued")
    )  # fmt: skip
    meta.modified = to_iso_date(
        _first_str(ld.get("dateModified")) or _first(declared, "article:modified_time")
    )
    if meta.published is None:
        meta.published = _htmldate(tree)
    authors = _names(ld.get("author")) or [
        a for a in [_first(declared, "author", "article:author", "byl")] if a
    ]
    meta.authors = [a for a in authors if a and not a.startswith("http")]
    keywords = ld.get("keywords") or _first(declared, "keywords", "news_keywords")
    if isinstance(keywords, str):
        meta.tags = [k.strip() for k in keywords.split(",") if k.strip()]
    elif isinstance(keywords, list):
        meta.tags = [str(k).strip() for k in keywords if str(k).strip()]
    article_tags = tree.xpath('//meta[@property="article:tag"]/@content')
    if article_tags and not meta.tags:
        meta.tags = [str(t).strip() for t in article_tags if str(t).strip()]
    lang = tree.get("lang") or _first(declared, "og:locale", "language", "content-language")
    if lang:
        meta.language = re.split(r"[-_]", lang.strip())[0].lower()[:2] or None
    return meta


def _first_str(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return value if isinstance(value, str) else None


def _htmldate(tree: Any) -> str | None:
    """The original publication date found by htmldate's fast search, or None."""
    try:
        from htmldate import find_date

        found = find_date(tree, extensive_search=False, original_date=True)
    except Exception:  # htmldate raises on odd markup; a missing date is fine
        return None
    return to_iso_date(found) if found else None


def extract_html(html: str | bytes, url: str | None = None) -> Extracted:
    """The body text (paragraphs separated by blank lines, "" when there is none) and
    the metadata of an HTML page. Never raises on odd input."""
    tree = _load(html)
    if tree is None:
        return Extracted("")
    try:
        meta = _metadata(tree, url)
    except Exception:  # metadata is a bonus: a broken declaration must not lose the body
        meta = Metadata(url=url)
    try:
        blocks = _page_blocks(tree)
        body = _body(tree, html)
    except Exception:  # trafilatura on pathological trees
        blocks, body = [], ""
    paragraphs = [" ".join(p.split()) for p in body.split("\n") if p.strip()]
    text = "\n\n".join(paragraphs)
    return Extracted(text, meta, _outside(blocks, text))


_BLOCKS = frozenset(
    {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "dd", "dt",
     "figcaption", "section", "article", "header", "footer", "td"}
)  # fmt: skip


def fragment_to_text(markup: str) -> str:
    """The text of an HTML fragment (a feed item's or a record's body): block elements
    become paragraphs, line breaks are kept, scripts and styles dropped."""
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(markup, create_parent="div")
    except Exception:  # lxml raises several kinds on broken markup
        return re.sub(r"<[^>]+>", " ", markup)
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    parts: list[str] = []

    def walk(node: Any) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        block = tag in _BLOCKS
        if block:
            parts.append("\n\n")
        if tag == "br":
            parts.append("\n")
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n\n")

    walk(root)
    text = "".join(parts)
    return "\n\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip())
