"""Numbers across a story: every amount with who states it, and the conflicts
between sources about the same counted thing (the dead, the wounded, the fighters
sent). Amounts conflict only when their intervals cannot both hold: "at least 64"
and "70" agree, "hundreds" and "thousands" do not, "300" and "hundreds" may."""

from __future__ import annotations

import hashlib
from typing import Any

from rashomon.model import Article, ArticleAnalysis
from rashomon.nlp.quantities import Quantity, compatible

__all__ = ["measure", "numbers"]

# What happened to the ones counted; amounts of different events never conflict.
_EVENTS = {
    "killed": {"kill", "die", "dead", "death", "toll", "tally", "perish", "slay", "fear"},
    "wounded": {"wound", "injure", "hurt"},
    "sent": {
        "send",
        "transfer",
        "deploy",
        "recruit",
        "deliver",
        "move",
        "mass",
        "join",
        "arrive",
        "dispatch",
        "bring",
    },
    "displaced": {"displace", "evacuate", "flee", "force", "leave"},
    "arrested": {"arrest", "detain", "hold", "capture"},
}
# Who is counted; an amount with no noun ("the toll at 14") fits any.
_COUNTED = {
    "people": {
        "people",
        "person",
        "civilian",
        "resident",
        "victim",
        "shopper",
        "passenger",
        "worker",
        "student",
        "refugee",
        "casualty",
    },
    "fighters": {
        "fighter",
        "militant",
        "mercenary",
        "terrorist",
        "soldier",
        "troop",
        "serviceman",
        "rebel",
        "gunman",
        "jihadist",
        "combatant",
        "personnel",
    },
}


def _event_class(q: Quantity) -> str | None:
    return next((k for k, words in _EVENTS.items() if q.event in words), None)


def _known_kind(counted: str) -> str | None:
    """The kind of people a counted noun names ("civilian": "people"), if any."""
    return next((k for k, words in _COUNTED.items() if counted in words), None)


def _counted_class(q: Quantity, event: str) -> str:
    """Who an amount counts; with no noun ("the toll at 14"), the event's usual kind."""
    if q.counted is None:
        return "fighters" if event == "sent" else "people"
    return _known_kind(q.counted) or q.counted


# Events whose amount with no noun still counts people ("hundreds have been killed",
# "the toll at 14"); "with 4 minutes left" or "brought 20" count no one said.
_BARE = frozenset({"killed", "wounded", "arrested"})


def measure(q: Quantity) -> str | None:
    """What an amount measures, as "<who> <what happened>" ("people killed", "fighters
    sent"), when its event is one rashomon compares and it counts people: two amounts
    of one measure are statements about the same thing, whether their values agree or
    not. None for an age ("a 66-year-old killed"), a number of times ("arrested four
    times") or a bare amount of a loose event ("with 14:05 left")."""
    event = _event_class(q)
    if event is None:
        return None
    if q.counted is None:
        return f"{_counted_class(q, event)} {event}" if event in _BARE else None
    kind = _known_kind(q.counted)
    return None if kind is None else f"{kind} {event}"


def numbers(
    articles: list[Article],
    analyses: dict[str, ArticleAnalysis],
    attributions: list[dict[str, Any]],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The story's `quantities[]` and its `conflicts[]` of kind "quantity"."""
    by_article: dict[str, list[dict[str, Any]]] = {}
    for att in attributions:
        if not att.get("in_title"):  # a headline's offsets are into the title
            by_article.setdefault(att["article_id"], []).append(att)
    report: list[dict[str, Any]] = []
    found: list[tuple[dict[str, Any], Quantity]] = []
    for article in articles:
        analysis = analyses.get(article.id)
        if analysis is None:
            continue
        # A headline is the outlet's own voice, and often its loudest number.
        listed = [
            (f"{article.id}#t{n + 1}", q, True) for n, q in enumerate(analysis.title_quantities)
        ]
        listed += [(f"{article.id}#q{n + 1}", q, False) for n, q in enumerate(analysis.quantities)]
        for qid, q, in_title in listed:
            holder = (
                None
                if in_title
                else next(
                    (a for a in by_article.get(article.id, []) if a["start"] <= q.start < a["end"]),
                    None,
                )
            )
            entry = {
                "id": qid,
                "article_id": article.id,
                "value": q.value,
                "approximate": q.approximate,
                "counted": q.counted,
                "event": q.event,
                "text": q.text,
                "sentence": (article.title or "")
                if in_title
                else analysis.sentence_text(article.text, q.sentence),
                "start": q.start,
                "end": q.end,
                "in_title": in_title,
                "attribution_id": holder["id"] if holder else None,
                "stated_by": (holder["speaker"] if holder else None)
                or (article.outlet or article.id),
            }
            report.append(entry)
            found.append((entry, q))
    return report, _conflicts(found)


def _conflicts(found: list[tuple[dict[str, Any], Quantity]]) -> list[dict[str, Any]]:
    groups: dict[str, list[tuple[dict[str, Any], Quantity]]] = {}
    for entry, q in found:
        event = _event_class(q)
        if event is not None:
            groups.setdefault(event, []).append((entry, q))
    out: list[dict[str, Any]] = []
    for event, members in sorted(groups.items()):
        # Amounts of different kinds of people ("14 civilians", "three children") are
        # not compared: one may be part of the other.
        for kind in sorted({_counted_class(q, event) for _, q in members}):
            group = [(e, q) for e, q in members if _counted_class(q, event) == kind]
            clashing: set[str] = set()
            for i, (ea, qa) in enumerate(group):
                for eb, qb in group[i + 1 :]:
                    if ea["article_id"] == eb["article_id"] and ea["stated_by"] == eb["stated_by"]:
                        continue
                    if not compatible(qa, qb):
                        clashing.update((ea["id"], eb["id"]))
            if not clashing:
                continue
            items = [
                {
                    "article_id": e["article_id"],
                    "value": e["value"],
                    "evidence": e["sentence"],
                    "quantity_id": e["id"],
                    "stated_by": e["stated_by"],
                    "text": e["text"],
                }
                for e, _ in group
                if e["id"] in clashing
            ]
            about = f"{kind} {event}"
            digest = hashlib.sha1("\n".join(sorted(clashing)).encode()).hexdigest()[:10]
            if any(c["id"] == f"conflict-{digest}" for c in out):
                continue
            out.append(
                {"id": f"conflict-{digest}", "kind": "quantity", "about": about, "items": items}
            )
    return out
