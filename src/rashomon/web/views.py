"""What the story page shows, as plain data for its template: every article split into
sentences with anchors, and every summary line, claim position, number, conflict and
date pointing at the anchor of the sentence it came from."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from rashomon.model import Article, Story

__all__ = ["Cite", "StoryView", "disputes", "format_value", "story_view"]


@dataclass(frozen=True)
class Cite:
    """A link to the sentence (or, failing that, the article) a statement came from."""

    label: str
    anchor: str


@dataclass
class _Sentence:
    anchor: str
    text: str


@dataclass
class _ArticleView:
    id: str
    anchor: str
    label: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    paragraphs: list[list[_Sentence]] = field(default_factory=list)


@dataclass
class StoryView:
    story: Story
    articles: list[_ArticleView]
    summary: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    conflicts: list[dict[str, Any]]
    timeline: list[dict[str, Any]]
    quantities: list[dict[str, Any]]
    attributions: list[dict[str, Any]]
    framing: list[dict[str, Any]]
    entities: list[dict[str, Any]]
    disputes: int


def disputes(story: Story) -> int:
    """Disputed claims plus conflicts (numbers, dates, claims) of a story."""
    return sum(1 for c in story.claims if c.get("status") == "disputed") + len(story.conflicts)


def format_value(value: Any) -> str:
    """A quantity's value as a reader writes it: 12, or 24–99 for a range."""
    if isinstance(value, list | tuple):
        low, high = [*value, None, None][:2]
        return f"{_number(low)}–{_number(high)}"
    return _number(value)


def _number(x: Any) -> str:
    if x is None:
        return "?"
    if isinstance(x, float) and x.is_integer():
        return str(int(x))
    return str(x)


class _Locator:
    """Finds the sentence of an article that a piece of evidence quotes."""

    def __init__(self, index: int, article: Article, spans: list[tuple[int, int]]) -> None:
        self.anchor = f"article-{article.id}"
        self._prefix = f"a{index}"
        self.article = article
        self.spans = spans or [(0, len(article.text))]
        self.starts = [s for s, _ in self.spans]
        self.texts = [" ".join(article.text[s:e].split()) for s, e in self.spans]
        self.by_text = {t: i for i, t in reversed(list(enumerate(self.texts)))}

    def sentence_anchor(self, i: int) -> str:
        return f"{self._prefix}-s{i}"

    def at_offset(self, offset: int | None) -> str:
        if offset is None:
            return self.anchor
        return self.sentence_anchor(max(0, bisect.bisect_right(self.starts, offset) - 1))

    def quoting(self, evidence: str | None) -> str:
        """The anchor of the sentence equal to (or holding) the evidence; the article's
        own anchor when no sentence matches."""
        if not evidence:
            return self.anchor
        norm = " ".join(evidence.split())
        if norm in self.by_text:
            return self.sentence_anchor(self.by_text[norm])
        for i, text in enumerate(self.texts):
            if norm in text or (len(text) > 20 and text in norm):
                return self.sentence_anchor(i)
        return self.anchor

    def paragraphs(self) -> list[list[_Sentence]]:
        text = self.article.text
        out: list[list[_Sentence]] = [[]]
        prev_end = 0
        for i, (start, end) in enumerate(self.spans):
            if out[-1] and "\n\n" in text[prev_end:start]:
                out.append([])
            out[-1].append(_Sentence(self.sentence_anchor(i), text[start:end]))
            prev_end = end
        return [p for p in out if p]


def _label(article: Article) -> str:
    return article.outlet or article.title or article.id


def story_view(
    story: Story, articles: dict[str, Article], sentences: dict[str, list[tuple[int, int]]]
) -> StoryView:
    members = [articles[aid] for aid in story.article_ids if aid in articles]
    loc = {a.id: _Locator(k, a, sentences.get(a.id, [])) for k, a in enumerate(members)}
    labels = {a.id: _label(a) for a in members}
    attributions = {att["id"]: att for att in story.attributions}

    def cite(article_id: str, evidence: str | None = None, offset: int | None = None) -> Cite:
        where = loc.get(article_id)
        if where is None:
            return Cite(article_id, "")
        anchor = where.at_offset(offset) if offset is not None else where.quoting(evidence)
        return Cite(labels[article_id], anchor)

    def position_cite(p: dict[str, Any]) -> Cite:
        found = cite(p["article_id"], p.get("evidence"))
        att = attributions.get(p.get("attribution_id") or "")
        where = loc.get(p["article_id"])
        if att is not None and where is not None and found.anchor == where.anchor:
            return cite(p["article_id"], offset=att.get("start"))
        return found

    claims_by_id = {c["id"]: c for c in story.claims}
    summary = []
    for item in story.summary:
        cites = []
        for aid in item.get("article_ids", []):
            evidence = next(
                (
                    p
                    for cid in item.get("claim_ids", [])
                    for p in claims_by_id.get(cid, {}).get("positions", [])
                    if p.get("article_id") == aid
                ),
                None,
            )
            cites.append(position_cite(evidence) if evidence else cite(aid))
        summary.append({"text": item.get("text", ""), "kind": item.get("kind"), "cites": cites})

    claims = []
    for c in story.claims:
        cells = []
        for a in members:
            here = [p for p in c.get("positions", []) if p.get("article_id") == a.id]
            cells.append(
                {
                    "stances": sorted({p.get("stance", "") for p in here}),
                    "positions": [dict(p, cite=position_cite(p)) for p in here],
                }
            )
        claims.append(dict(c, cells=cells))

    conflicts = [
        dict(
            k,
            items=[
                dict(
                    it,
                    shown=format_value(it.get("value")),
                    cite=cite(it.get("article_id", ""), it.get("evidence")),
                )
                for it in k.get("items", [])
            ],
        )
        for k in story.conflicts
    ]
    timeline = []
    for t in story.timeline:
        evidence = t.get("evidence", [])
        cites = [
            cite(aid, next((e for e in evidence if loc[aid].quoting(e) != loc[aid].anchor), None))
            if aid in loc
            else cite(aid)
            for aid in t.get("article_ids", [])
        ]
        timeline.append(dict(t, cites=cites))
    quantities = [
        dict(
            q, shown=format_value(q.get("value")), cite=cite(q["article_id"], offset=q.get("start"))
        )
        for q in story.quantities
    ]
    atts = [dict(a, cite=cite(a["article_id"], offset=a.get("start"))) for a in story.attributions]
    framing = []
    for f in story.framing.get("articles", []):
        aid = f.get("article_id", "")
        hedges = [
            dict(h, cite=cite(aid, h.get("sentence"), h.get("start"))) for h in f.get("hedges", [])
        ]
        framing.append(dict(f, label=labels.get(aid, aid), hedges=hedges))
    articles_shown = [
        _ArticleView(
            id=a.id,
            anchor=loc[a.id].anchor,
            label=labels[a.id],
            title=a.title,
            outlet=a.outlet,
            published=a.published,
            url=a.url,
            paragraphs=loc[a.id].paragraphs(),
        )
        for a in members
    ]
    sections = {
        "summary": summary,
        "claims": claims,
        "conflicts": conflicts,
        "timeline": timeline,
        "quantities": quantities,
        "attributions": atts,
        "framing": framing,
    }
    return StoryView(
        story, articles_shown, entities=story.entities, disputes=disputes(story), **sections
    )
