"""HTML -> the article's body text, its metadata, and what was taken out of it.

The page is parsed once. trafilatura (fast mode: its readability/justext fallbacks
cost time and, on news pages, more often hurt than help) finds the article region.
Its result is read block by block, knowing which text on the page is link text, so
that the title block, runs of teaser headlines and "Read more" links are told from
the body by generic features and kept in `removed` with a reason, as is the page text
outside the article. An article split over several containers of one template is put
back together. Metadata comes from the page's own declarations (JSON-LD, Open Graph,
meta tags), with htmldate's fast search for a date the page does not declare.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urljoin

from rashomon.ingest.dates import to_iso_date
from rashomon.model import Metadata, Removed

__all__ = ["Extracted", "extract_html", "fragment_to_text"]


@dataclass
class Extracted:
    text: str
    meta: Metadata = field(default_factory=Metadata)
    removed: list[Removed] = field(default_factory=list)


def extract_html(html: str | bytes, url: str | None = None) -> Extracted:
    """The body text (paragraphs separated by blank lines, "" when there is none), the
    metadata and the furniture taken out of an HTML page. Never raises on odd input."""
    try:
        tree = _parse(html)
    except Exception:  # lxml and the decoders raise many kinds on broken input
        tree = None
    if tree is None:
        return Extracted("", Metadata(url=url))
    try:
        declared = _json_ld(tree)
    except Exception:  # odd scripts: go on without the page's declarations
        declared = []
    try:
        meta = _metadata(tree, url, declared)
    except Exception:  # a broken declaration must not lose the body
        meta = Metadata(url=url)
    try:
        blocks, page = _body(tree, meta, declared)
    except Exception:  # trafilatura on pathological trees
        return Extracted("", meta)
    text = "\n\n".join(b.text for b in blocks if b.reason is None)
    removed = [Removed(b.text, b.reason) for b in blocks if b.reason is not None]
    return Extracted(text, meta, removed + _outside(page, blocks))


def _parse(html: str | bytes) -> Any:
    import trafilatura

    if isinstance(html, bytes):
        from rashomon.ingest.decode import Undecodable
        from rashomon.ingest.readers.html import decode_html

        try:
            html = decode_html(html)
        except Undecodable:
            return None
    if not html.strip():
        return None
    return trafilatura.load_html(html)


# --- the body ------------------------------------------------------------------------


@dataclass
class _Block:
    """A paragraph of the extracted region: its kind (trafilatura's p, head, item, row,
    quote...), its text, the share of it that is link text, and why it is left out of
    the body (None when it is body)."""

    kind: str
    text: str
    links: float = 0.0
    reason: str | None = None


def _body(
    tree: Any, meta: Metadata, declared: list[dict[str, Any]]
) -> tuple[list[_Block], list[tuple[Any, str]]]:
    """The extracted blocks (body and dropped furniture) and the page's own blocks
    (element, text), the latter noted before trafilatura prunes its copy of the tree."""
    _prepare(tree)
    page = _page_blocks(tree)
    links = _LinkIndex(tree)
    body = _trafilatura_body(tree, fast=True)
    if body is None:
        # The fast mode skips trafilatura's own fallbacks; they earn their cost only here.
        body = _trafilatura_body(tree, fast=False)
    blocks = _blocks(body) if body is not None else []
    blocks = _with_sibling_chunks(blocks, page)
    blocks = _json_ld_body(declared, blocks, page) or blocks
    for block in blocks:
        block.links = links.share(block.text)
    _mark_furniture(blocks, meta.title)
    return blocks, page


def _trafilatura_body(tree: Any, fast: bool) -> Any:
    """trafilatura's XML body of the main text (it works on a copy of the tree), or
    None when it found no text."""
    import trafilatura

    # "txt" rather than "python": the body is read here, trafilatura need not render it.
    doc = trafilatura.bare_extraction(tree, fast=fast, include_comments=False, output_format="txt")
    if doc is None or isinstance(doc, dict) or not doc.raw_text:
        return None
    return doc.body


def _prepare(tree: Any) -> None:
    """Undo two page habits that hide article text from extraction or pad it."""
    # Embedded posts (tweets) quote sources: their widget wrappers carry social-media
    # class names that extractors discard, so the quote is lifted out of them.
    for quote in tree.xpath('//blockquote[contains(@class, "tweet")]'):
        text = quote.text_content().strip()
        if not text:
            continue
        top, parent = quote, quote.getparent()
        while (
            parent is not None
            and parent.tag not in ("body", "article", "main")
            and parent.text_content().strip() == text
        ):
            top, parent = parent, parent.getparent()
        quote.attrib.pop("class", None)
        if top is not quote and parent is not None:
            quote.tail = top.tail
            parent.replace(top, quote)
    # A card of links inside a paragraph (a hover card on a name, shown on demand) would
    # run into the sentence around it.
    for card in tree.xpath("//p//*[self::span or self::div][count(.//a) >= 3]"):
        total = len("".join(card.text_content().split()))
        linked = sum(len("".join(a.text_content().split())) for a in card.iter("a"))
        if total and linked >= 0.9 * total and card.getparent() is not None:
            card.drop_tree()


# trafilatura's output elements that start a paragraph of their own.
_OUT_BLOCKS = frozenset(
    {"p", "head", "quote", "item", "list", "table", "row", "cell", "code", "div", "body",
     "graphic", "article", "section"}
)  # fmt: skip
_CONTAINERS = frozenset({"list", "table", "row", "cell", "div", "body", "article", "section"})


def _blocks(body: Any) -> list[_Block]:
    """trafilatura's XML body as blocks: one per paragraph, heading, list item, table
    row, and one per line where a <br> breaks a paragraph. A table row is its cells
    side by side, without the markdown bars trafilatura's text output adds."""
    out: list[_Block] = []

    def emit(kind: str, parts: list[str]) -> None:
        for line in "".join(parts).split("\n"):
            line = " ".join(line.split())
            if line:
                out.append(_Block(kind, line))
        parts.clear()

    def has_blocks(el: Any) -> bool:
        return any(d.tag in _OUT_BLOCKS for d in el.iterdescendants())

    def inline(el: Any, parts: list[str]) -> None:
        if el.tag == "lb":
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            inline(child, parts)
            if child.tail:
                parts.append(child.tail)

    def walk(el: Any, parts: list[str], kind: str) -> None:
        tag = el.tag
        if tag == "row" and not any(has_blocks(cell) for cell in el):
            emit(kind, parts)
            cells: list[str] = []
            for cell in el:
                text: list[str] = []
                inline(cell, text)
                cells.append("".join(text).replace("\n", " "))
            emit("row", [" ".join(cells)])
        elif tag in _OUT_BLOCKS:
            emit(kind, parts)
            own = kind if tag in _CONTAINERS else str(tag)
            mine = [el.text] if el.text else []
            for child in el:
                walk(child, mine, own)
                if child.tail:
                    mine.append(child.tail)
            emit(own, mine)
        elif has_blocks(el):
            if el.text:
                parts.append(el.text)
            for child in el:
                walk(child, parts, kind)
                if child.tail:
                    parts.append(child.tail)
        else:
            inline(el, parts)

    walk(body, [], "p")
    return out


class _LinkIndex:
    """The texts of the page's links, to tell how much of a paragraph is link text."""

    # Only short paragraphs are judged by their links; long ones are prose whatever.
    _MAX_CHARS = 400

    def __init__(self, tree: Any) -> None:
        self._by_first: dict[str, set[str]] = defaultdict(set)
        for a in tree.iter("a"):
            text = " ".join(a.text_content().split())
            if len(text) >= 2:
                self._by_first[text.split(" ", 1)[0]].add(text)

    def share(self, text: str) -> float:
        if len(text) > self._MAX_CHARS or not self._by_first:
            return 0.0
        spans: list[tuple[int, int]] = []
        for m in re.finditer(r"\S+", text):
            for link in self._by_first.get(m.group(), ()):
                if text.startswith(link, m.start()):
                    spans.append((m.start(), m.start() + len(link)))
        if not spans:
            return 0.0
        covered, end = 0, 0
        for start, stop in sorted(spans):
            start = max(start, end)
            if stop > start:
                covered += len(text[start:stop].replace(" ", ""))
                end = stop
        return covered / max(1, len(text.replace(" ", "")))


# --- the page's own blocks, and the article split into chunks -------------------------

_PAGE_TAGS = (
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "dd", "dt",
    "figcaption", "section", "article", "header", "footer", "td", "nav", "aside", "ul", "ol",
    "table", "main", "form", "button",
)  # fmt: skip


def _page_blocks(tree: Any) -> list[tuple[Any, str]]:
    """The page's text block by block, in document order: innermost blocks whole, and
    for a block holding blocks only its own leading words."""
    elements = list(tree.iter(*_PAGE_TAGS))
    holders = {el.getparent() for el in elements}
    out = []
    for el in elements:
        if el in holders:
            text = " ".join((el.text or "").split())
        else:
            text = " ".join(el.text_content().split())
        if text:
            out.append((el, text))
    return out


def _squash(text: str) -> str:
    return "".join(text.split())


# A paragraph shorter than this is not taken from a sibling chunk (captions, labels).
_CHUNK_MIN_WORDS = 8
# How far up from the article's container its sibling chunks may sit.
_CHUNK_LEVELS = 3


def _with_sibling_chunks(blocks: list[_Block], page: list[tuple[Any, str]]) -> list[_Block]:
    """The blocks, with the paragraphs of sibling chunks added in page order.

    Some sites cut one article into several containers of the same template class
    (between them: ads, embeds); an extractor may keep only the first. When the kept
    paragraphs sit in such a container, the other containers of that tag and class
    nearby hold the rest of the article.
    """
    paragraphs = [(n, el, text) for n, (el, text) in enumerate(page) if el.tag == "p"]
    where: dict[str, tuple[int, Any]] = {}
    for n, el, text in paragraphs:
        where.setdefault(_squash(text), (n, el))
    found = {k: where[key] for k, b in enumerate(blocks) if (key := _squash(b.text)) in where}
    boxes = Counter(el.getparent() for _, el in found.values())
    if not boxes:
        return blocks
    box, count = boxes.most_common(1)[0]
    if count < 2 or box is None or not box.get("class"):
        return blocks
    scope = box
    for _ in range(_CHUNK_LEVELS):
        scope = scope.getparent() if scope.getparent() is not None else scope
    template = (box.tag, box.get("class"))
    held = {el for _, el in found.values()}
    whole = "".join(_squash(b.text) for b in blocks)
    extra: list[tuple[int, str]] = []
    for n, el, text in paragraphs:
        parent = el.getparent()
        if (
            el in held
            or parent is box
            or (parent.tag, parent.get("class")) != template
            or len(text.split()) < _CHUNK_MIN_WORDS
            or _squash(text) in whole
            or not any(a is scope for a in parent.iterancestors())
        ):
            continue
        extra.append((n, text))
    if not extra:
        return blocks
    order = sorted((n, k) for k, (n, _) in found.items())
    after: dict[int, list[str]] = defaultdict(list)
    for n, text in extra:
        after[max((k for m, k in order if m < n), default=-1)].append(text)
    out = [_Block("p", t) for t in after[-1]]
    for k, block in enumerate(blocks):
        out.append(block)
        out.extend(_Block("p", t) for t in after[k])
    return out


# --- furniture inside the article region -----------------------------------------------

# Closing punctuation of a sentence (a question mark is left out: teaser headlines ask).
_CLOSED = re.compile(r"[.!。！][\"'”’)\]]*$")
# A paragraph is a teaser link when at least this share of it is link text...
_TEASER_LINK_SHARE = 0.75
# ...and a run of paragraphs is a link list when each is at least this much link text.
_LINK_LIST_SHARE = 0.8
_TEASER_MAX_WORDS = 25
# Date lines are looked for among the first blocks of the text, and are short.
_DATELINE_ZONE = 3
_DATELINE_MAX_WORDS = 12
# Less text than this (in words, or characters for scripts without spaces) is no body.
_MIN_BODY_WORDS = 10
_MIN_BODY_CHARS = 50


def _words(text: str) -> int:
    return len(text.split())


def _mark_furniture(blocks: list[_Block], title: str | None) -> None:
    """Set the reason of each block that is furniture, by generic features only:
    position, kind, link share, length and sentence punctuation."""
    # Headings above the first paragraph: the title and the standfirst (deck), which
    # the metadata holds; the body starts with the text.
    for n, block in enumerate(blocks):
        if block.kind != "head":
            break
        is_title = n == 0 or (title is not None and _squash(block.text) == _squash(title))
        block.reason = "title above the body" if is_title else "standfirst above the body"
    # Three headings in a row with no text under them: a list of teaser headlines.
    for start, stop in _runs(blocks, lambda b: b.kind == "head"):
        if stop - start >= 3:
            _mark(blocks[start:stop], "related links (headlines without text)")
    # Paragraphs that are all links, one after another: a list of links, with the short
    # label above it ("Don't miss", "More on this").
    for start, stop in _runs(
        blocks, lambda b: b.links >= _LINK_LIST_SHARE and _words(b.text) <= _TEASER_MAX_WORDS
    ):
        if stop - start >= 2:
            _mark(blocks[start:stop], "related links")
            label = blocks[start - 1] if start > 0 else None
            if label is not None and _words(label.text) <= 5 and not _CLOSED.search(label.text):
                _mark([label], "related links")
    # A lone promoted headline or "Read more: <headline>" line in the text.
    for block in blocks:
        if (
            block.reason is None
            and block.kind != "head"
            and block.links >= _TEASER_LINK_SHARE
            and 5 <= _words(block.text) <= _TEASER_MAX_WORDS
            and not _CLOSED.search(block.text)
        ):
            block.reason = "related link"
    # A date or time stamp opening the text ("Published 18 November 2019",
    # "5:45 AM PST 11/19/2019 by ..."), in any language: the metadata holds the date.
    for block in [b for b in blocks if b.reason is None][:_DATELINE_ZONE]:
        if _dateline(block.text):
            block.reason = "date line above the body"
    # What is left of an error or index page ("404", "Sorry.") is no article body;
    # characters count too, for scripts written without spaces.
    kept = [b.text for b in blocks if b.reason is None]
    if sum(map(_words, kept)) < _MIN_BODY_WORDS and len(_squash("".join(kept))) < _MIN_BODY_CHARS:
        _mark(blocks, "too little text for an article body")


_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
_NUMERIC_DATE = re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b")


def _dateline(text: str) -> bool:
    """A short line stating a date or a time of day."""
    if _words(text) > _DATELINE_MAX_WORDS:
        return False
    return bool(_CLOCK.search(text) or _NUMERIC_DATE.search(text) or _full_date(text))


def _runs(blocks: list[_Block], test: Callable[[_Block], bool]) -> list[tuple[int, int]]:
    """(start, stop) of each run of consecutive blocks that pass `test`."""
    out: list[tuple[int, int]] = []
    start: int | None = None
    for n, block in enumerate([*blocks, None]):
        if block is not None and test(block):
            start = n if start is None else start
        elif start is not None:
            out.append((start, n))
            start = None
    return out


def _mark(blocks: list[_Block], reason: str) -> None:
    for block in blocks:
        if block.reason is None:
            block.reason = reason


# --- schema.org articleBody, when the extraction missed the article --------------------

_LD_MIN_WORDS = 50
# Share of the declared body's words that must be visible on the page to trust it.
_LD_VISIBLE = 0.8


def _json_ld_body(
    declared: list[dict[str, Any]], blocks: list[_Block], page: list[tuple[Any, str]]
) -> list[_Block] | None:
    """The page's declared articleBody as blocks, when the extraction found less than
    half of it and the page shows it; else None."""
    found = sum(_words(b.text) for b in blocks)
    body = ""
    for item in declared:
        text = item.get("articleBody")
        if isinstance(text, str) and len(text) > len(body):
            body = text
    if _words(body) < max(_LD_MIN_WORDS, 2 * found):
        return None
    if "<" in body:
        body = fragment_to_text(body)
    visible = set(" ".join(text for _, text in page).split())
    words = body.split()
    if not words or sum(w in visible for w in words) < _LD_VISIBLE * len(words):
        return None
    paragraphs = [" ".join(p.split()) for p in body.split("\n")]
    return [_Block("p", p) for p in paragraphs if p]


# --- page text outside the article ------------------------------------------------------

# A run of page text outside the article is kept for review up to this length.
_REMOVED_RUN_CHARS = 2000
_KEY_CHARS = 40


def _outside(page: list[tuple[Any, str]], blocks: list[_Block]) -> list[Removed]:
    """Runs of page text that are neither body nor furniture already accounted for,
    one entry per run (navigation, sidebars, footer, banners)."""
    seen = {_squash(b.text)[:_KEY_CHARS] for b in blocks}
    runs: list[list[str]] = [[]]
    for _, text in page:
        if _squash(text)[:_KEY_CHARS] in seen:
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


# --- metadata ------------------------------------------------------------------------


def _metadata(tree: Any, url: str | None, items: list[dict[str, Any]]) -> Metadata:
    declared = _meta_tags(tree)
    article = next((i for i in items if _is_article(i)), {})
    meta = Metadata()
    meta.outlet = _outlet_name(
        _first(declared, "og:site_name", "application-name")
        or next(iter(_names(article.get("publisher"))), None)
    )
    meta.title = _title(tree, declared, article, meta.outlet)
    meta.url = _url(tree, declared, url)
    meta.published = (
        _full_date(article.get("datePublished"))
        or _full_date(_first(declared, *_PUBLISHED))
        or _full_date(_time_element(tree))
        or _full_date(next((i.get("datePublished") for i in items), None))
    )
    if meta.published is None:
        meta.published = _htmldate(tree, meta.url)
    meta.published = _local_date(meta.published, meta.url or url)
    meta.modified = _full_date(article.get("dateModified")) or _full_date(
        _first(declared, *_MODIFIED)
    )
    meta.authors = _authors(tree, declared, article, meta.outlet)
    meta.tags = _tags(tree, declared, article)
    meta.language = _language(tree, declared, article)
    return meta


_PUBLISHED = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "publish_date", "published_time", "article.published", "sailthru.date",
    "parsely-pub-date", "dc.date.issued", "dcterms.issued", "dcterms.created", "dc.date",
    "date", "og:pubdate",
)  # fmt: skip
_MODIFIED = (
    "article:modified_time", "og:updated_time", "datemodified", "dcterms.modified",
    "last-modified", "lastmod",
)  # fmt: skip


def _meta_tags(tree: Any) -> dict[str, str]:
    """Every <meta> declaration by its property/name/itemprop, lower-cased (first wins)."""
    out: dict[str, str] = {}
    for m in tree.iter("meta"):
        content = m.get("content")
        if not content or not content.strip():
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = m.get(attr)
            if key:
                out.setdefault(key.strip().lower(), " ".join(content.split()))
    return out


def _first(tags: dict[str, str], *names: str) -> str | None:
    return next((tags[n] for n in names if n in tags), None)


def _json_ld(tree: Any) -> list[dict[str, Any]]:
    """Every JSON-LD object of the page, @graph members included, outermost first."""
    out: list[dict[str, Any]] = []
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(str(script))
        except ValueError:
            continue
        queue = [data]
        while queue:
            item = queue.pop(0)
            if isinstance(item, list):
                queue.extend(item)
            elif isinstance(item, dict):
                out.append(item)
                if isinstance(item.get("@graph"), list):
                    queue.extend(item["@graph"])
    return out


def _types(item: dict[str, Any]) -> list[str]:
    kind = item.get("@type")
    return [k for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str)]


def _is_article(item: dict[str, Any]) -> bool:
    return any("Article" in k or k in ("Report", "BlogPosting") for k in _types(item))


def _names(value: Any, people_only: bool = False) -> list[str]:
    """Names in a JSON-LD person/organisation value (a string, object or list)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        if people_only and any(k != "Person" for k in _types(value)):
            return []
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for v in value for n in _names(v, people_only)]
    return []


def _outlet_name(value: str | None) -> str | None:
    """A site name as declared, without a slogan after a bar; None for a URL or handle."""
    if not value:
        return None
    name = " ".join(value.split()).split(" | ")[0].strip(" |-–—").lstrip("@")
    if not name or "://" in name or name.lower().startswith("www."):
        return None
    return name


_TITLE_SPLIT = re.compile(r"\s+[|–—-]\s+|\s+::\s+")


def _title(
    tree: Any, declared: dict[str, str], article: dict[str, Any], outlet: str | None
) -> str | None:
    headline = article.get("headline")
    h1 = next((t for h in tree.iter("h1") if (t := " ".join(h.text_content().split()))), None)
    page_title = next(
        (t for el in tree.iter("title") if (t := " ".join(el.text_content().split()))), None
    )
    title = (
        _first(declared, "og:title", "twitter:title")
        or (" ".join(headline.split()) if isinstance(headline, str) else None)
        or h1
        or page_title
    )
    if not title:
        return None
    # "Headline | Outlet": the outlet's name is not part of the headline.
    parts = _TITLE_SPLIT.split(title)
    if len(parts) > 1 and outlet and _squash(parts[-1]).lower() == _squash(outlet).lower():
        title = title[: title.rfind(parts[-1])].rstrip(" |–—-:")
    return title or None


def _url(tree: Any, declared: dict[str, str], given: str | None) -> str | None:
    for href in (*tree.xpath('//link[@rel="canonical"]/@href'), declared.get("og:url")):
        if not href or not str(href).strip():
            continue
        full = urljoin(given or "", str(href).strip())
        if full.startswith(("http://", "https://")):
            return full
    return given


def _full_date(value: Any) -> str | None:
    """The ISO date (YYYY-MM-DD) a declared value states, or None."""
    if isinstance(value, list):
        value = value[0] if value else None
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        return None
    iso = to_iso_date(value)
    return iso if iso is not None and len(iso) == 10 else None


_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?:[/-]|$)")


def _local_date(published: str | None, url: str | None) -> str | None:
    """The publisher's own date when its URL carries one a day off the declared date:
    a timestamp declared in UTC can fall on the next day of the newsroom's calendar."""
    if published is None or not url or not (m := _URL_DATE.search(url)):
        return published
    in_url = _full_date("-".join(m.groups()))
    if in_url is None:
        return published
    days = abs((date.fromisoformat(in_url) - date.fromisoformat(published)).days)
    return in_url if days == 1 else published


def _time_element(tree: Any) -> str | None:
    for el in tree.xpath('//time[@itemprop="datePublished" or @pubdate][@datetime]'):
        return str(el.get("datetime"))
    return None


def _htmldate(tree: Any, url: str | None) -> str | None:
    """The original publication date by htmldate's fast search (URL, markup), or None."""
    try:
        from htmldate import find_date

        found = find_date(tree, url=url, extensive_search=False, original_date=True)
    except Exception:  # htmldate raises on odd markup; a missing date is fine
        return None
    return _full_date(found) if found else None


_BYLINE_PREFIX = re.compile(
    r"^\s*(?:(?:\w+\s+)?by|written by|author:?|von|par|por|di)\s+|^\s*by\s*$", re.I
)
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*")
_EMAIL = re.compile(r"\S+@\S+")
# Bylines that name a desk, not a person.
_NOT_A_PERSON = re.compile(
    r"\b(?:staff|team|desk|editors?|editorial|newsroom|agenc(?:y|ies)|reporters?|writers?|"
    r"correspondents?|contributors?|columnists?|bureau|wires?|admin)\b",
    re.I,
)


def _authors(
    tree: Any, declared: dict[str, str], article: dict[str, Any], outlet: str | None
) -> list[str]:
    candidates = _names(article.get("author"), people_only=True)
    if not candidates:
        candidates = [
            v
            for k in ("author", "article:author", "byl", "parsely-author", "sailthru.author",
                      "dc.creator", "dcterms.creator")
            if (v := declared.get(k))
        ]  # fmt: skip
    if not candidates:
        candidates = [
            " ".join(str(t).split())
            for t in tree.xpath(
                '//a[@rel="author"]//text()|//*[@itemprop="author"]//*[@itemprop="name"]//text()'
            )
        ]
    out: list[str] = []
    site = (outlet or "").lower()
    for raw in candidates:
        for name in _split_names(raw):
            low = name.lower()
            # The outlet's name in a byline ("Jill Disis, CNN Business") is no person.
            if site and (low in site or site in low):
                continue
            if low not in (o.lower() for o in out):
                out.append(name)
    return out[:10]


def _split_names(raw: str) -> list[str]:
    if raw.startswith(("http://", "https://", "www.")):
        return []
    text = _EMAIL.sub("", " ".join(raw.split()))
    text = _BYLINE_PREFIX.sub("", text).strip(" ,;|-")
    if not text or len(text) > 120:
        return []
    parts = [p.strip(" .,;|-") for p in _AUTHOR_SPLIT.split(text)]
    # "Doe, Jane" is one person: split only when every part is a full name.
    if len(parts) > 1 and not all(len(p.split()) >= 2 for p in parts if p):
        parts = [text]
    names = [
        p
        for p in parts
        if p
        and 1 <= len(p.split()) <= 5
        and len(p) <= 60
        and not re.search(r"\d", p)
        and not _NOT_A_PERSON.search(p)
        and not p.islower()
    ]
    # "JANIE HAR" is a byline set in capitals, not an acronym.
    return [n.title() if n.isupper() and len(n) > 4 else n for n in names]


def _tags(tree: Any, declared: dict[str, str], article: dict[str, Any]) -> list[str]:
    """Keywords from the first source that has any: JSON-LD, news_keywords, keywords,
    article:tag. Content-system codes ("@river", "ctp_video", "/article") are left out,
    labels ("Category: Moon") are read as their value."""
    sources: list[Any] = [
        article.get("keywords"),
        declared.get("news_keywords"),
        declared.get("keywords"),
        [str(t) for t in tree.xpath('//meta[@property="article:tag"]/@content')],
    ]
    out: list[str] = []
    for source in sources:
        for item in source if isinstance(source, list) else [source]:
            if not isinstance(item, str):
                continue
            item = html_lib.unescape(item)
            for tag in re.split(r"\s*,\s*" if "," in item else r"\s*;\s*", item):
                tag = " ".join(tag.rsplit(":", 1)[-1].split()).strip("#")
                if (
                    tag
                    and len(tag) <= 60
                    and tag[0].isalnum()
                    and "_" not in tag
                    and not tag.isdigit()
                    and tag.lower() not in (t.lower() for t in out)
                ):
                    out.append(tag)
        if out:
            break
    return out[:30]


_LANGUAGE = re.compile(r"^([a-zA-Z]{2})(?:[-_]|$)")


def _language(tree: Any, declared: dict[str, str], article: dict[str, Any]) -> str | None:
    declared_lang = article.get("inLanguage")
    for value in (
        tree.get("lang"),
        tree.get("xml:lang"),
        declared.get("content-language"),
        declared.get("language"),
        declared_lang if isinstance(declared_lang, str) else None,
        declared.get("og:locale"),
    ):
        if value and (m := _LANGUAGE.match(value.strip())):
            return m.group(1).lower()
    return None


# --- HTML fragments (feed items, records) ---------------------------------------------

_FRAGMENT_BLOCKS = frozenset(
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
        block = tag in _FRAGMENT_BLOCKS
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
