"""The HTML report: one self-contained, printable page (inline CSS and JS under a strict
Content-Security-Policy, no network request), and `story_html`, the fragment with every
view of one story that the web app embeds. Article text and metadata are untrusted:
Jinja2 escapes every value, and the marked-up article bodies are built from escaped text."""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import pairwise
from typing import Any
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup, escape

from rashomon.render import claim_as_positions, register_renderer
from rashomon.report import Report

__all__ = ["REPORT_CSS", "REPORT_JS", "content_security_policy", "render_html", "story_html"]


def _asset(name: str) -> str:
    return resources.files("rashomon.render").joinpath("templates", name).read_text("utf-8")


REPORT_CSS: str = _asset("report.css")
REPORT_JS: str = _asset("report.js")

_STANCES = ("asserts", "denies", "hedges", "questions")
_SUMMARY_KINDS = ("agreed", "disputed", "single_source", "numbers", "timeline")
_STATUS_ORDER = {"disputed": 0, "consensus": 1, "single_source": 2}
# More actor columns than this make the matrix unreadable; the rest share one column.
_MAX_ACTOR_COLUMNS = 12


@cache
def _env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("rashomon.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def content_security_policy(css: str = REPORT_CSS, js: str = REPORT_JS) -> str:
    """The page's policy: nothing may load; only our own inline style and script run."""
    return (
        f"default-src 'none'; style-src '{_sha256(css)}'; script-src '{_sha256(js)}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def _slug(value: object) -> str:
    """A DOM id part from an untrusted id: only safe characters, with a short hash when
    characters had to go, so that two ids never share a slug."""
    text = str(value)
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-")[:60] or "x"
    if slug != text:
        slug += "-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]
    return slug


def _safe_url(url: object) -> str | None:
    """Only http(s) addresses become links; a `javascript:` or `data:` URL stays text."""
    if not isinstance(url, str):
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def _amount(value: Any, approximate: bool = False) -> str:
    sign = "≈ " if approximate else ""
    if isinstance(value, list | tuple) and len(value) == 2:
        low, high = value
        if low is not None and high is None:
            return f"{sign}at least {low:g}" if isinstance(low, int | float) else str(low)
        if low is None and high is not None:
            return f"{sign}at most {high:g}" if isinstance(high, int | float) else str(high)
        return f"{sign}{low:g} to {high:g}" if None not in (low, high) else "?"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"{sign}{value:g}"
    return "?" if value is None else str(value)


def _find_sentence(text: str, sentence: str, near: int | None = None) -> tuple[int, int] | None:
    """Where `sentence` (its spaces collapsed, as evidence is quoted) stands in `text`:
    the occurrence nearest `near` when it occurs more than once."""
    words = sentence.split()
    if not words or not text:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    spans = [m.span() for m in re.finditer(pattern, text)]
    if not spans:
        return None
    if near is None:
        return spans[0]
    return min(spans, key=lambda s: 0 if s[0] <= near < s[1] else abs(s[0] - near))


@dataclass(order=True)
class _Span:
    """A marked stretch of an article's text. `rank` orders nesting: sentences hold
    attributions, which hold hedges and numbers, which hold entity names."""

    start: int
    end: int
    rank: int
    css: str = field(compare=False)
    attrs: tuple[tuple[str, str], ...] = field(compare=False, default=())
    dom_id: str | None = field(compare=False, default=None)


def _open_tag(span: _Span, with_id: bool) -> Markup:
    attrs = [("class", span.css), *span.attrs]
    if with_id and span.dom_id:
        attrs.insert(0, ("id", span.dom_id))
    return Markup("<span{}>").format(
        Markup("").join(Markup(' {}="{}"').format(k, v) for k, v in attrs)
    )


def _marked(text: str, spans: list[_Span], start: int, end: int, emitted: set[str]) -> Markup:
    """text[start:end] escaped, with `spans` as nested <span>s. Spans that cross are
    closed and reopened so the markup stays well formed; an id goes on the first piece."""
    inside = [s for s in spans if s.start < end and s.end > start and s.start < s.end]
    cuts = sorted(
        {start, end} | {max(start, min(end, p)) for s in inside for p in (s.start, s.end)}
    )
    out: list[Markup] = []
    stack: list[_Span] = []
    for a, b in pairwise(cuts):
        active = sorted(
            (s for s in inside if s.start <= a and s.end >= b), key=lambda s: (s.rank, s.start)
        )
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep] is active[keep]:
            keep += 1
        out.extend(Markup("</span>") for _ in stack[keep:])
        for s in active[keep:]:
            first = s.dom_id is not None and s.dom_id not in emitted
            if first and s.dom_id:
                emitted.add(s.dom_id)
            out.append(_open_tag(s, first))
        stack = active
        out.append(escape(text[a:b]))
    out.extend(Markup("</span>") for _ in stack)
    return Markup("").join(out)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    bounds, pos = [], 0
    for m in re.finditer(r"\n\s*\n", text):
        bounds.append((pos, m.start()))
        pos = m.end()
    bounds.append((pos, len(text)))
    return [(a, b) for a, b in bounds if text[a:b].strip()]


class _StoryView:
    """Everything the story template shows, worked out from the report's dicts; any
    missing list or key shows as nothing rather than failing."""

    def __init__(self, story: dict[str, Any], articles_by_id: dict[str, dict[str, Any]]) -> None:
        self.story = story
        self.prefix = _slug(story.get("id") or "story")
        self.article_ids = [a for a in story.get("article_ids") or [] if a in articles_by_id]
        self.articles = articles_by_id
        self.number = {aid: i for i, aid in enumerate(self.article_ids, 1)}
        self.spans: dict[str, list[_Span]] = defaultdict(list)
        self.anchor_at: dict[tuple[str, int, int], str] = {}
        self.attributions = {
            a["id"]: a for a in story.get("attributions") or [] if isinstance(a, dict) and "id" in a
        }
        self.claims = [c for c in story.get("claims") or [] if isinstance(c, dict)]
        self.quantities = {
            q["id"]: q for q in story.get("quantities") or [] if isinstance(q, dict) and "id" in q
        }

    def text(self, article_id: str) -> str:
        return str(self.articles.get(article_id, {}).get("text") or "")

    def article_dom(self, article_id: str) -> str:
        return f"{self.prefix}-art-{_slug(article_id)}"

    def claim_dom(self, claim_id: str) -> str:
        return f"{self.prefix}-{_slug(claim_id)}"

    def anchor(self, article_id: str, start: int, end: int) -> str:
        """The DOM id of an evidence sentence, marking it in its article on first use."""
        key = (article_id, start, end)
        if key not in self.anchor_at:
            dom = f"{self.prefix}-ev-{len(self.anchor_at) + 1}"
            self.anchor_at[key] = dom
            self.spans[article_id].append(_Span(start, end, 0, "ev", (("data-ev", dom),), dom))
        return self.anchor_at[key]

    def sentence_anchor(self, article_id: str, sentence: object, near: int | None) -> str | None:
        if article_id not in self.number or not isinstance(sentence, str):
            return None
        found = _find_sentence(self.text(article_id), sentence, near)
        return self.anchor(article_id, *found) if found else None

    def attribution_anchor(self, attribution_id: object) -> str | None:
        att = self.attributions.get(attribution_id) if isinstance(attribution_id, str) else None
        if att is None or att.get("in_title"):
            return None  # a headline's words are not in the text shown
        return self.sentence_anchor(att["article_id"], att.get("sentence"), att.get("start"))

    def position_anchor(self, p: dict[str, Any]) -> str | None:
        return self.attribution_anchor(p.get("attribution_id")) or self.sentence_anchor(
            str(p.get("article_id")), p.get("evidence"), None
        )

    def cite(self, article_id: str, anchor: str | None, evidence: object = None) -> dict[str, Any]:
        """A citation marker: the source's number, linking to the sentence (or the article)."""
        a = self.articles.get(article_id, {})
        return {
            "n": self.number.get(article_id, "?"),
            "href": "#" + (anchor or self.article_dom(article_id)),
            "title": " · ".join(str(x) for x in (a.get("outlet") or article_id, evidence) if x),
        }

    def actor_label(self, p: dict[str, Any]) -> str:
        actor = str(p.get("actor") or "?")
        if actor in self.number:
            actor = str(self.articles[actor].get("outlet") or f"source {self.number[actor]}")
        return f"{actor} (own voice)" if p.get("own_voice") else actor

    def build(self) -> dict[str, Any]:
        self._mark_attributions()
        view = {
            "prefix": self.prefix,
            "headline": self.story.get("headline") or self.story.get("id") or "Story",
            "first": self.story.get("first_published"),
            "last": self.story.get("last_published"),
            "sources": self._sources(),
            "summary": self._summary(),
            "matrix": self._matrix(),
            "timeline": self._timeline(),
            "conflicts": self._conflicts(),
            "quantities": self._quantities(),
            "entities": self._entities(),
            "framing": self._framing(),
        }
        view["n_claims"] = len(self.claims)
        view["n_disputed"] = sum(c.get("status") == "disputed" for c in self.claims)
        view["articles"] = self._article_bodies()
        return view

    def _sources(self) -> list[dict[str, Any]]:
        out = []
        for aid in self.article_ids:
            a = self.articles[aid]
            out.append(
                {
                    "n": self.number[aid],
                    "dom": self.article_dom(aid),
                    "outlet": a.get("outlet") or "unknown outlet",
                    "title": a.get("title") or aid,
                    "published": a.get("published"),
                    "inferred": bool(a.get("published_inferred")),
                    "url": a.get("url"),
                    "href": _safe_url(a.get("url")),
                    "authors": [str(x) for x in a.get("authors") or []],
                }
            )
        return out

    def _summary(self) -> list[dict[str, Any]]:
        by_id = {c.get("id"): c for c in self.claims}
        out = []
        for item in self.story.get("summary") or []:
            if not isinstance(item, dict) or not item.get("text"):
                continue
            cited = [a for a in item.get("article_ids") or [] if a in self.number]
            first: dict[str, tuple[str | None, object]] = {}
            for cid in item.get("claim_ids") or []:
                for p in (by_id.get(cid) or {}).get("positions") or []:
                    aid = p.get("article_id")
                    if aid in self.number and (not cited or aid in cited) and aid not in first:
                        first[aid] = (self.position_anchor(p), p.get("evidence"))
            order = cited or sorted(first, key=lambda a: self.number[a])
            cites = [self.cite(a, *first.get(a, (None, None))) for a in order]
            kind = item.get("kind") if item.get("kind") in _SUMMARY_KINDS else ""
            out.append({"text": item["text"], "kind": kind, "cites": cites})
        return out

    def _matrix(self) -> dict[str, Any]:
        claims = sorted(
            self.claims,
            key=lambda c: (
                _STATUS_ORDER.get(c.get("status", ""), 3),
                -len(c.get("article_ids") or []),
            ),
        )
        count: Counter[str] = Counter()
        for c in claims:
            for p in c.get("positions") or []:
                count[self.actor_label(p)] += 1
        actors = [a for a, _ in count.most_common(_MAX_ACTOR_COLUMNS)]
        others = len(count) > len(actors)
        rows = []
        for c in claims:
            cells: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for p in c.get("positions") or []:
                actor = self.actor_label(p)
                column = actor if actor in actors else "…"
                aid = str(p.get("article_id"))
                cells[column].append(
                    {
                        "actor": actor,
                        "stance": p.get("stance") if p.get("stance") in _STANCES else "asserts",
                        "evidence": p.get("evidence") or "",
                        "cite": self.cite(aid, self.position_anchor(p), None),
                    }
                )
            rows.append(
                {
                    "dom": self.claim_dom(str(c.get("id"))),
                    "text": c.get("text") or "",
                    "status": c.get("status") if c.get("status") in _STATUS_ORDER else "",
                    "n_sources": len(c.get("article_ids") or []),
                    "cells": [cells.get(a, []) for a in actors] + ([cells["…"]] if others else []),
                }
            )
        split = sum(r["status"] != "single_source" for r in rows)
        return {
            "actors": actors + (["other actors"] if others else []),
            "shared": rows[:split],
            "single": rows[split:],
        }

    def _timeline(self) -> list[dict[str, Any]]:
        entries = [e for e in self.story.get("timeline") or [] if isinstance(e, dict)]
        out, previous = [], None
        for e in sorted(entries, key=lambda e: str(e.get("date") or "")):
            cites = []
            for aid in e.get("article_ids") or []:
                anchor = None
                for ev in e.get("evidence") or []:
                    anchor = self.sentence_anchor(aid, ev, None)
                    if anchor:
                        break
                cites.append(self.cite(aid, anchor))
            date = str(e.get("date") or "undated")
            out.append(
                {
                    "date": date,
                    "year": date[:4],
                    "new_year": previous is None or previous[:4] != date[:4],
                    "precision": e.get("precision") or "",
                    "inferred": bool(e.get("inferred")),
                    "event": e.get("event") or "",
                    "cites": cites,
                }
            )
            previous = date
        return out

    def _item_anchor(self, item: dict[str, Any]) -> str | None:
        q = self.quantities.get(item.get("quantity_id") or "")
        if q is not None:
            return self.sentence_anchor(q["article_id"], q.get("sentence"), q.get("start"))
        return self.sentence_anchor(str(item.get("article_id")), item.get("evidence"), None)

    def _conflicts(self) -> list[dict[str, Any]]:
        out = []
        for c in self.story.get("conflicts") or []:
            if not isinstance(c, dict):
                continue
            items = []
            for i in c.get("items") or []:
                aid = str(i.get("article_id"))
                items.append(
                    {
                        "value": _amount(i.get("value")),
                        "who": i.get("stated_by")
                        or self.articles.get(aid, {}).get("outlet")
                        or aid,
                        "evidence": i.get("evidence") or "",
                        "cite": self.cite(aid, self._item_anchor(i)),
                    }
                )
            out.append(
                {"kind": c.get("kind") or "", "about": c.get("about") or "", "entries": items}
            )
        return out

    def _quantities(self) -> list[dict[str, Any]]:
        groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for q in self.quantities.values():
            aid = str(q.get("article_id"))
            what = " ".join(str(x) for x in (q.get("counted"), q.get("event")) if x) or "other"
            anchor = self.sentence_anchor(aid, q.get("sentence"), q.get("start"))
            start, end = q.get("start"), q.get("end")
            in_text = not q.get("in_title")  # a headline's offsets are into the title
            if isinstance(start, int) and isinstance(end, int) and aid in self.number and in_text:
                self.spans[aid].append(_Span(start, end, 2, "num"))
            groups[what].append(
                {
                    "value": _amount(q.get("value"), bool(q.get("approximate"))),
                    "text": q.get("text") or "",
                    "who": q.get("stated_by") or "",
                    "cite": self.cite(aid, anchor, q.get("sentence")),
                }
            )
        return [{"what": k, "rows": v} for k, v in sorted(groups.items())]

    def _entities(self) -> list[dict[str, Any]]:
        out = []
        for e in self.story.get("entities") or []:
            if not isinstance(e, dict) or "id" not in e:
                continue
            for m in e.get("mentions") or []:
                aid = m.get("article_id")
                if aid in self.number and isinstance(m.get("start"), int):
                    self.spans[aid].append(
                        _Span(m["start"], m["end"], 3, "ent", (("data-entity", str(e["id"])),))
                    )
            out.append(
                {
                    "id": str(e["id"]),
                    "name": e.get("name") or "",
                    "type": e.get("type") or "",
                    "aliases": [str(a) for a in e.get("aliases") or []],
                    "sources": [
                        self.cite(a, None) for a in e.get("article_ids") or [] if a in self.number
                    ],
                    "mentions": e.get("mention_count") or 0,
                }
            )
        return sorted(out, key=lambda e: -e["mentions"])

    def _mark_attributions(self) -> None:
        for att in self.attributions.values():
            aid, start, end = str(att.get("article_id")), att.get("start"), att.get("end")
            if aid not in self.number or not isinstance(start, int) or not isinstance(end, int):
                continue
            if att.get("in_title"):
                continue  # offsets into the headline, not the text
            stance = att.get("stance") if att.get("stance") in _STANCES else "asserts"
            tip = f"{att.get('speaker') or 'unnamed source'} · {att.get('cue') or ''} ({stance})"
            self.spans[aid].append(_Span(start, end, 1, f"att {stance}", (("title", tip),)))

    def _framing(self) -> dict[str, Any]:
        framing = self.story.get("framing")
        if not isinstance(framing, dict):
            return {"articles": [], "referents": [], "outlets": []}
        # a disputed claim is named with its sides, as everywhere else
        claim_text = {c.get("id"): claim_as_positions(c) for c in self.claims}
        cards = []
        for fa in framing.get("articles") or []:
            aid = str(fa.get("article_id")) if isinstance(fa, dict) else ""
            if aid not in self.number:
                continue
            cards.append(
                {
                    "cite": self.cite(aid, None),
                    "outlet": fa.get("outlet") or self.articles[aid].get("outlet") or aid,
                    "terms": [
                        {
                            "term": str(t.get("term") or ""),
                            "score": float(t.get("score") or 0.0),
                            "count": t.get("count", "?"),
                            "rest_count": t.get("rest_count", "?"),
                        }
                        for t in fa.get("distinctive_terms") or []
                        if isinstance(t, dict) and t.get("term")
                    ],
                    "hedges": self._hedges(aid, fa.get("hedges") or []),
                    "tone": [
                        {
                            "actor": t.get("actor") or t.get("entity_id") or "?",
                            "score": float(t.get("score") or 0.0),
                            "n": t.get("n") or len(t.get("sentences") or []),
                            "sentences": [str(s) for s in t.get("sentences") or []],
                        }
                        for t in fa.get("tone") or []
                        if isinstance(t, dict)
                    ],
                    "unique": self._claim_links(fa.get("unique_claim_ids") or [], claim_text),
                    "omitted": self._claim_links(fa.get("omitted_claim_ids") or [], claim_text),
                }
            )
        outlets = [c["outlet"] for c in cards]
        card_ids = [
            fa.get("article_id")
            for fa in framing.get("articles") or []
            if isinstance(fa, dict) and fa.get("article_id") in self.number
        ]
        referents = []
        for r in framing.get("referents") or []:
            if not isinstance(r, dict):
                continue
            labels = r.get("labels") or {}
            cells = [
                [
                    f"{x.get('label')} ×{x.get('count', 1)}"
                    for x in labels.get(aid) or []
                    if isinstance(x, dict)
                ]
                for aid in card_ids
            ]
            if any(cells):
                referents.append({"name": r.get("name") or r.get("id") or "?", "cells": cells})
        return {"articles": cards, "referents": referents, "outlets": outlets}

    def _hedges(self, article_id: str, hedges: Iterable[Any]) -> list[dict[str, Any]]:
        out = []
        text = self.text(article_id)
        for h in hedges:
            if not isinstance(h, dict):
                continue
            start, end = h.get("start"), h.get("end")
            anchor = None
            if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
                self.spans[article_id].append(
                    _Span(start, end, 2, "hedge", (("title", str(h.get("kind") or "hedge")),))
                )
                anchor = self.sentence_anchor(article_id, h.get("sentence"), start)
            out.append(
                {
                    "text": h.get("text") or "",
                    "kind": h.get("kind") or "",
                    "target": h.get("target") or "",
                    "cite": self.cite(article_id, anchor, h.get("sentence")),
                }
            )
        return out

    def _claim_links(self, ids: Iterable[Any], claim_text: dict[Any, str]) -> list[dict[str, str]]:
        return [
            {"href": "#" + self.claim_dom(str(cid)), "text": claim_text[cid]}
            for cid in ids
            if cid in claim_text
        ]

    def _article_bodies(self) -> list[dict[str, Any]]:
        out = []
        for aid in self.article_ids:
            a = self.articles[aid]
            text = self.text(aid)
            spans = sorted(self.spans.get(aid, []))
            emitted: set[str] = set()
            out.append(
                {
                    "n": self.number[aid],
                    "dom": self.article_dom(aid),
                    "paragraphs": [
                        _marked(text, spans, s, e, emitted) for s, e in _paragraphs(text)
                    ],
                    "removed": [
                        {"reason": r.get("reason") or "", "text": r.get("text") or ""}
                        for r in a.get("removed") or []
                        if isinstance(r, dict)
                    ],
                }
            )
        return out


def story_html(story: dict[str, Any], articles_by_id: dict[str, dict[str, Any]]) -> str:
    """An HTML fragment with every view of one story (a `Report.to_dict()` story and its
    articles by id): sources, summary, claim matrix, timeline, numbers, entities,
    framing and the marked-up articles. Needs REPORT_CSS and REPORT_JS on the page."""
    view = _StoryView(story, articles_by_id).build()
    return _env().get_template("story.html.j2").render(v=view)


@register_renderer("html", extensions=(".html", ".htm"))
def render_html(report: Report) -> str:
    """The whole report as one page that loads nothing and runs only its own script."""
    data = report.to_dict()
    by_id = {a["id"]: a for a in data["articles"]}
    stories = [
        {
            "dom": _slug(s["id"]),
            "headline": s.get("headline") or s["id"],
            "n_sources": len(s.get("article_ids") or []),
            "html": Markup(story_html(s, by_id)),
        }
        for s in data["stories"]
    ]
    inputs = [
        {
            "id": a["id"],
            "status": a["status"],
            "reason": a.get("reason") or "",
            "where": (a.get("source") or {}).get("path")
            or (a.get("source") or {}).get("url")
            or "",
        }
        for a in data["articles"]
    ]
    return (
        _env()
        .get_template("page.html.j2")
        .render(
            csp=content_security_policy(),
            css=Markup(REPORT_CSS),
            js=Markup(REPORT_JS),
            counts=report.counts(),
            generated_at=report.generated_at,
            version=report.tool.get("version", ""),
            stories=stories,
            inputs=inputs,
        )
    )
