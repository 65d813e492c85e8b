"""The flow of DESIGN.md, stage after stage: ingest -> dedup -> (store) -> group ->
analyze (one parse per article, cached) -> compare.
Each stage hands the next plain data; this module only wires them."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime

from rashomon import errors
from rashomon.compare import canonical_entities
from rashomon.compare.claims import ClaimSettings, who_claims_what
from rashomon.compare.framing import framing
from rashomon.compare.llm import rewrite_summary
from rashomon.compare.numbers import numbers
from rashomon.compare.stance import ArticleStance, stance_towards
from rashomon.compare.summary import summarize
from rashomon.compare.timeline import timeline
from rashomon.compare.words import content_words
from rashomon.dedup import Deduplicator
from rashomon.group import group
from rashomon.ingest import ingest, make_context
from rashomon.model import Article, ArticleAnalysis, Story
from rashomon.nlp import analyze_articles
from rashomon.nlp.cues import Cues, default_cues
from rashomon.report import Report
from rashomon.settings import Settings
from rashomon.store import Store

__all__ = [
    "ClaimStances",
    "IngestSummary",
    "claim_stances",
    "compare_story",
    "generated_at",
    "ingest_to_store",
    "report_for",
    "run",
    "stream",
]

Progress = Callable[[Article], None]


def generated_at() -> str:
    """Now, in UTC; or SOURCE_DATE_EPOCH when set, for byte-identical reports."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        when = datetime.fromtimestamp(int(epoch), UTC)
    else:
        when = datetime.now(UTC)
    return when.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def stream(
    inputs: Iterable[str], settings: Settings, progress: Progress | None = None
) -> Iterator[Article]:
    """Every input item as an article, deduplicated, one at a time."""
    inputs = list(inputs)
    if not inputs:
        raise errors.no_inputs()
    dedup = Deduplicator(settings)
    for article in ingest(inputs, settings, make_context(settings)):
        dedup.check(article)
        if progress is not None:
            progress(article)
        yield article


def run(inputs: Iterable[str], settings: Settings, progress: Progress | None = None) -> Report:
    """Read, clean, dedup and group `inputs` into a report (stored when settings.db)."""
    store_cm = Store(settings.db) if settings.db else nullcontext(None)
    with store_cm as store:
        articles = _read(inputs, settings, store, progress)
        report = report_for(articles, settings, store)
        if store is not None:
            store.commit()
    return report


def _read(
    inputs: Iterable[str], settings: Settings, store: Store | None, progress: Progress | None
) -> list[Article]:
    """Every input item as an article, each kept in the store when there is one."""
    articles: list[Article] = []
    for article in stream(inputs, settings, progress):
        if store is not None:
            store.add(article)
        articles.append(article)
    return articles


def _cues(settings: Settings) -> Cues:
    return default_cues() if settings.cues is None else default_cues().extended(settings.cues)


def report_for(articles: list[Article], settings: Settings, store: Store | None) -> Report:
    """Group articles already read (from inputs or from the store) and compare each story.

    Analyses and sentence vectors are cached in `store` when one is given, so a second
    call on the same articles costs little: this is what the web app calls."""
    stories = group(articles)
    if stories:
        analyses = analyze_articles(articles, store, cues=_cues(settings))
        by_id = {a.id: a for a in articles}
        for story in stories:
            members = [by_id[i] for i in story.article_ids]
            compare_story(story, members, analyses, settings, store)
    return Report(articles=articles, stories=stories, generated_at=generated_at())


def compare_story(
    story: Story,
    members: list[Article],
    analyses: dict[str, ArticleAnalysis],
    settings: Settings,
    store: Store | None,
) -> Story:
    """The compare stage for one story, in place: canonical entities, who claims what,
    numbers and their conflicts, the timeline, framing and the summary."""
    story.entities = canonical_entities(story.id, members, analyses)
    story.attributions, story.claims = who_claims_what(
        members, analyses, story.entities, store, ClaimSettings(threshold=settings.claim_threshold)
    )
    story.quantities, story.conflicts = numbers(members, analyses, story.attributions)
    story.timeline, date_conflicts = timeline(members, analyses, story.claims)
    story.conflicts += date_conflicts
    story.framing = framing(
        members, analyses, story.entities, story.claims, story.attributions, store
    )
    story.summary = summarize(story.claims, story.timeline, story.conflicts,
                              story.quantities, story.entities, members)  # fmt: skip
    if settings.llm:
        story.summary = rewrite_summary(story.summary, story.claims, settings.llm,
                                        model=settings.llm_model,
                                        timeout=settings.llm_timeout)  # fmt: skip
    return story


@dataclass
class ClaimStances:
    """Where each article read stands on one claim: every input item (ok, duplicate or
    rejected), and the stance of each analysed one, in the order read."""

    claim: str
    articles: list[Article]
    stances: list[ArticleStance]


def claim_stances(
    claim: str, inputs: Iterable[str], settings: Settings, progress: Progress | None = None
) -> ClaimStances:
    """Read `inputs` as `run` does (kept in the store when settings.db) and give each
    analysed article's stance on `claim` (asserts, denies, reports or unrelated)."""
    if not content_words(claim):
        raise errors.empty_claim(claim)
    store_cm = Store(settings.db) if settings.db else nullcontext(None)
    with store_cm as store:
        articles = _read(inputs, settings, store, progress)
        analyses = analyze_articles(articles, store, cues=_cues(settings))
        ok = [a for a in articles if a.status == "ok"]
        stances = stance_towards(claim, ok, analyses, store)
        if store is not None:
            store.commit()
    return ClaimStances(claim=claim, articles=articles, stances=stances)


@dataclass
class IngestSummary:
    """What an ingest run did: counts by outcome, and every rejection with its reason."""

    db: str
    added: int = 0
    already_stored: int = 0
    duplicates: int = 0
    rejected: list[Article] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.added + self.already_stored + self.duplicates + len(self.rejected)


def ingest_to_store(
    inputs: Iterable[str], settings: Settings, progress: Progress | None = None
) -> IngestSummary:
    """Add `inputs` to the store, streaming (memory stays flat); returns a summary."""
    db = settings.db or "rashomon.db"
    summary = IngestSummary(db=db)
    with Store(db) as store:
        for n, article in enumerate(stream(inputs, settings, progress), 1):
            if article.status == "rejected":
                summary.rejected.append(_light(article))
                store.add(article)
            elif article.status == "duplicate":
                summary.duplicates += 1
                store.add(article)
            elif store.add(article):
                summary.added += 1
            else:
                summary.already_stored += 1
            if n % 500 == 0:
                store.commit()
    return summary


def _light(article: Article) -> Article:
    """A rejected article without its (possibly large) text, for the summary."""
    return Article(id=article.id, source=article.source, status="rejected", reason=article.reason)
