"""The story's timeline: the claims that come with a date, each date normalised
against its article's publication day, merged across articles (one claim told by
several outlets is one entry with all their evidence), sorted. Two outlets dating
the same claim differently make a `date` conflict.

An article with no publication date is anchored on the latest full date it names
itself; dates computed from that anchor are marked `inferred`.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from rashomon.compare.neutral import claim_as_positions
from rashomon.compare.words import content_words
from rashomon.model import Article, ArticleAnalysis
from rashomon.nlp.temporal import TimeExpression, find_times

__all__ = ["anchor_of", "story_times", "timeline"]


def anchor_of(article: Article, story_days: list[date] | None = None) -> tuple[date | None, bool]:
    """The publication day; else one inferred (and so marked) from the latest full
    date the article names and the publication days of the story's other articles:
    the later of the two, since an article is written after what it reports."""
    if article.published:
        try:
            return date.fromisoformat(article.published[:10]), False
        except ValueError:
            pass
    absolute = [
        date.fromisoformat(t.value)
        for t in find_times(article.text, None)
        if t.value and t.precision == "day" and not t.relative
    ]
    candidates = []
    if absolute:
        candidates.append(max(absolute))
    if story_days:
        ordered = sorted(story_days)
        candidates.append(ordered[len(ordered) // 2])
    if candidates:
        return max(candidates), True
    return None, False


def story_times(articles: list[Article]) -> dict[str, tuple[list[TimeExpression], bool]]:
    """Each article's time expressions, normalised, and whether its anchor was inferred.

    Two passes: the first finds the story's main day, the past day most articles name;
    the second counts "two days after the attack" from it when an article dates no
    attack itself."""
    story_days = [d for a in articles if a.published and (d := _day_of(a.published))]
    anchors = {a.id: anchor_of(a, story_days) for a in articles}
    first = {a.id: find_times(a.text, anchors[a.id][0]) for a in articles}
    named: dict[str, set[str]] = {}
    for aid, times in first.items():
        anchor = anchors[aid][0]
        for t in times:
            if t.value and t.precision == "day" and (anchor is None or t.value <= str(anchor)):
                named.setdefault(t.value, set()).add(aid)
    event_day = None
    if named:
        best = min(named, key=lambda v: (-len(named[v]), v))
        event_day = date.fromisoformat(best)
    out = {}
    for a in articles:
        anchor, inferred = anchors[a.id]
        times = first[a.id]
        if event_day is not None and any(t.value is None for t in times):
            times = find_times(a.text, anchor, event_day)
        out[a.id] = (times, inferred)
    return out


def _day_of(published: str) -> date | None:
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _contains(a: str, b: str) -> bool:
    """Whether date `a` (of any precision) contains date `b`."""
    return b.startswith(a)


def timeline(
    articles: list[Article],
    analyses: dict[str, ArticleAnalysis],
    claims: list[dict[str, Any]],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The story's `timeline[]` and its `conflicts[]` of kind "date"."""
    claims_at: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for claim in claims:
        for p in claim["positions"]:
            key = (p["article_id"], p["evidence"])
            if claim not in claims_at.setdefault(key, []):
                claims_at[key].append(claim)
    # (claim id) -> [(date value, precision, inferred, article id, evidence, expression)]
    dated: dict[str, list[tuple[str, str, bool, str, str, TimeExpression]]] = {}
    text_of: dict[str, str] = {}
    times = story_times([a for a in articles if a.id in analyses])
    for article in articles:
        analysis = analyses.get(article.id)
        if analysis is None:
            continue
        expressions, inferred = times[article.id]
        for t in expressions:
            if t.value is None or t.precision == "week" or t.relation in ("until", "by"):
                continue
            sentence = analysis.sentence_text(article.text, analysis.sentence_of(t.start))
            for claim in claims_at.get((article.id, sentence), []):
                dated.setdefault(claim["id"], []).append(
                    (t.value, t.precision, inferred and t.relative, article.id, sentence, t)
                )
                # a disputed claim is an event only with its sides
                text_of[claim["id"]] = claim_as_positions(claim)
    entries: list[dict[str, Any]] = []
    conflicts: list[dict[str, Any]] = []
    for claim_id, found in dated.items():
        groups = _merge(found)
        for value, members in groups:
            entries.append(
                {
                    "date": value,
                    "precision": _precision(value),
                    "event": text_of[claim_id],
                    "article_ids": sorted({m[3] for m in members}),
                    "evidence": list(dict.fromkeys(m[4] for m in members)),
                    "inferred": all(m[2] for m in members),
                    "part": next((m[5].part for m in members if m[5].part), None),
                    "claim_id": claim_id,
                }
            )
        if len(groups) > 1 and len({m[3] for _, ms in groups for m in ms}) > 1:
            items = [
                {"article_id": m[3], "value": value, "evidence": m[4], "text": m[5].text}
                for value, ms in groups
                for m in ms
            ]
            digest = hashlib.sha1(f"{claim_id}\n{[g[0] for g in groups]}".encode()).hexdigest()
            conflicts.append(
                {
                    "id": f"conflict-{digest[:10]}",
                    "kind": "date",
                    "about": text_of[claim_id],
                    "claim_id": claim_id,
                    "items": items,
                }
            )
    entries = _same_day_events(entries)
    entries.sort(key=lambda e: (e["date"], e["event"]))
    return entries, conflicts


# Words of dates name no happening: "Tuesday's strike" and "the strike" are one.
_DATE_WORDS = frozenset(
    """last next day days week weeks month months year years morning evening night today
    yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november
    december""".split()  # noqa: SIM905
)


def _words(entry: dict[str, Any]) -> set[str]:
    return content_words(" ".join(entry["evidence"]), skip=_DATE_WORDS, min_length=4)


def _same_day_events(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Entries of one date that tell of one happening ("drones struck the market",
    "the toll from Tuesday's strike", "the strike on the market on 11 March") are one
    entry: they share the words that name it. Claims are grouped strictly; the
    timeline groups by day and shared words, a looser test for a looser question."""
    by_date: dict[str, list[dict[str, Any]]] = {}
    for e in entries:
        by_date.setdefault(e["date"], []).append(e)
    # Words all over the story ("Putin", "Karabakh") name no one happening.
    counts: dict[str, int] = {}
    for e in entries:
        for w in _words(e):
            counts[w] = counts.get(w, 0) + 1
    common = {w for w, c in counts.items() if c > max(2, 0.5 * len(entries))}
    out: list[dict[str, Any]] = []
    for day_entries in by_date.values():
        groups: list[tuple[set[str], list[dict[str, Any]]]] = []
        for e in sorted(day_entries, key=lambda x: (-len(x["article_ids"]), x["event"])):
            words = _words(e) - common
            for k, (gw, members) in enumerate(groups):
                # A year holds few happenings a story dates by it ("the 2019 ceasefire"):
                # one shared word is enough there; a day holds many, so two are needed.
                need = 1 if e["precision"] == "year" else 2
                if len(words & gw) >= need and e.get("part") == members[0].get("part"):
                    members.append(e)
                    groups[k] = (gw | words, members)
                    break
            else:
                groups.append((words, [e]))
        for _, members in groups:
            head = members[0]
            out.append(
                {
                    "date": head["date"],
                    "precision": head["precision"],
                    "event": head["event"],
                    "article_ids": sorted({a for m in members for a in m["article_ids"]}),
                    "evidence": list(dict.fromkeys(ev for m in members for ev in m["evidence"])),
                    "inferred": all(m["inferred"] for m in members),
                    "part": head.get("part"),
                    "claim_ids": [m["claim_id"] for m in members],
                }
            )
    return out


def _precision(value: str) -> str:
    return {4: "year", 7: "month"}.get(len(value), "day")


def _merge(
    found: list[tuple[str, str, bool, str, str, TimeExpression]],
) -> list[tuple[str, list[tuple[str, str, bool, str, str, TimeExpression]]]]:
    """Dates of one claim that fit together (the same day, or a month holding a day)
    are one entry at the most precise date; dates that do not fit stay apart."""
    groups: list[tuple[str, list[tuple[str, str, bool, str, str, TimeExpression]]]] = []
    for item in sorted(found, key=lambda f: -len(f[0])):
        value = item[0]
        for k, (gv, members) in enumerate(groups):
            if _contains(value, gv) or _contains(gv, value):
                members.append(item)
                groups[k] = (gv if len(gv) >= len(value) else value, members)
                break
        else:
            groups.append((value, [item]))
    return groups
