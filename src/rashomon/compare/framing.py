"""How each outlet frames a story: the words it uses for the story's referents
(labels.py), its distinctive terms against the other articles (terms.py), its
hedges and distancing (hedges.py), its tone towards the main actors, and which of
the story's claims it alone reports or leaves out.

Tone is VADER's compound score (vaderSentiment, a lexicon built for social media),
averaged over the sentences of the article that mention the actor. A sentence that
names two actors counts for both: the score is of the words around an actor, not a
judgement of who is blamed, and the sentences are given so a reader can check."""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from typing import Any

from rashomon.compare.hedges import Hedge, hedges
from rashomon.compare.labels import phrases, referents
from rashomon.compare.terms import distinctive_terms, term_counts
from rashomon.model import Article, ArticleAnalysis
from rashomon.store import Store

__all__ = ["framing"]

_ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_MAX_ACTORS = 6


@cache
def _vader() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def _main_actors(entities: list[dict[str, Any]], n_articles: int) -> list[dict[str, Any]]:
    """The actors named most, preferring those several articles name."""
    actors = [e for e in entities if e["type"] in _ACTOR_TYPES]
    if n_articles > 1:
        actors = [e for e in actors if len(e["article_ids"]) > 1] or actors
    actors.sort(key=lambda e: (-len(e["article_ids"]), -e["mention_count"], e["name"]))
    return actors[:_MAX_ACTORS]


def _tone(
    article: Article, analysis: ArticleAnalysis, actors: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    out = []
    for actor in actors:
        indexes = sorted(
            {
                analysis.sentence_of(m["start"])
                for m in actor["mentions"]
                if m["article_id"] == article.id
            }
        )
        if not indexes:
            continue
        sentences = [analysis.sentence_text(article.text, i) for i in indexes]
        scores = [_vader().polarity_scores(s)["compound"] for s in sentences]
        out.append(
            {
                "entity_id": actor["id"],
                "actor": actor["name"],
                "score": round(sum(scores) / len(scores), 3),
                "sentences": sentences,
                "n": len(sentences),
            }
        )
    return out


def _coverage(
    article_ids: list[str], claims: list[dict[str, Any]]
) -> dict[str, tuple[list[str], list[str]]]:
    """Per article: the claims only it reports, and those it leaves out that most of
    the other articles report. A story of one article has neither."""
    out: dict[str, tuple[list[str], list[str]]] = {}
    n = len(article_ids)
    for aid in article_ids:
        if n < 2:
            out[aid] = ([], [])
            continue
        unique, omitted = [], []
        for claim in claims:
            reporters = set(claim["article_ids"])
            if reporters == {aid}:
                unique.append(claim["id"])
            elif aid not in reporters and len(reporters - {aid}) > (n - 1) / 2:
                omitted.append(claim["id"])
        out[aid] = (sorted(unique), sorted(omitted))
    return out


def _entity_spans(entities: list[dict[str, Any]]) -> dict[str, list[tuple[int, int, str]]]:
    spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for e in entities:
        for m in e["mentions"]:
            spans[m["article_id"]].append((m["start"], m["end"], e["id"]))
    return spans


def _with_entities(found: list[Hedge], spans: list[tuple[int, int, str]]) -> list[dict[str, Any]]:
    """The hedges as the report gives them, each with the story entity its target
    names (the first one in it)."""
    out = []
    for h in found:
        entity = None
        if h.target_start is not None and h.target_end is not None:
            inside = sorted(
                (s, e_id) for s, e, e_id in spans if s < h.target_end and h.target_start < e
            )
            entity = inside[0][1] if inside else None
        out.append(
            {
                "text": h.text,
                "kind": h.kind,
                "target": h.target,
                "target_entity_id": entity,
                "sentence": h.sentence,
                "start": h.start,
                "end": h.end,
            }
        )
    return out


def framing(
    articles: list[Article],
    analyses: dict[str, ArticleAnalysis],
    entities: list[dict[str, Any]],
    claims: list[dict[str, Any]],
    attributions: list[dict[str, Any]],
    store: Store | None = None,
) -> dict[str, Any]:
    """The story's `framing`: one entry per analysed article (in story order) and the
    referents whose labels the entries give."""
    members = [a for a in articles if a.id in analyses]
    found = [p for a in members for p in phrases(a, analyses[a.id], entities)]
    refs = referents(found, entities, store)
    counts = {a.id: term_counts(analyses[a.id].doc) for a in members}
    terms = distinctive_terms(counts)
    actors = _main_actors(entities, len(members))
    coverage = _coverage([a.id for a in members], claims)
    spans = _entity_spans(entities)
    out = []
    for a in members:
        analysis = analyses[a.id]
        labels = {
            r["id"]: [x["label"] for x in r["labels"][a.id]] for r in refs if a.id in r["labels"]
        }
        unique, omitted = coverage[a.id]
        out.append(
            {
                "article_id": a.id,
                "outlet": a.outlet,
                "distinctive_terms": terms[a.id],
                "labels": labels,
                "hedges": _with_entities(hedges(analysis, a.text), spans[a.id]),
                "tone": _tone(a, analysis, actors),
                "unique_claim_ids": unique,
                "omitted_claim_ids": omitted,
            }
        )
    return {"articles": out, "referents": refs}
