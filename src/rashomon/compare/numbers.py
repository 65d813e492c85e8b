"""Numbers across a story: every amount with who states it, and the conflicts
between sources about the same counted thing (the dead, the wounded, the fighters
sent). Amounts conflict only when their intervals cannot both hold: "at least 64"
and "70" agree, "hundreds" and "thousands" do not, "300" and "hundreds" may."""

from __future__ import annotations

import hashlib
import re
from typing import Any

from rashomon.model import Article, ArticleAnalysis
from rashomon.nlp.quantities import Quantity, compatible

__all__ = [
    "apart",
    "dated_measure",
    "earlier",
    "latest_year",
    "measure",
    "numbers",
    "scope_of",
    "story_year",
]

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


_YEAR = re.compile(r"(?:1[89]|20)\d\d")
# Prepositions that set an event in a year ("in 2004", "on December 26, 2004"); "since
# 2004" or "the worst after 2004" measure from it, and say nothing of when.
_AT = frozenset({"in", "on", "of", "during"})
# Words around an amount that may carry its date: a preposition ("In 2004, a
# tsunami killed ..."), a modifier ("the 2004 tsunami that killed ...").
_DATING = frozenset({"prep", "npadvmod", "nummod", "compound", "amod", "nmod", "advmod"})


def latest_year(doc: Any, published: str | None = None) -> int | None:
    """The latest year an article names (a four-digit year the model reads as a date),
    not after the year it was published when that is known: the article's own time
    is no earlier."""
    cap = int(published[:4]) if published and published[:4].isdigit() else None
    years = [
        int(t.text)
        for t in doc
        if t.ent_type_ == "DATE" and _YEAR.fullmatch(t.text) and (cap is None or int(t.text) <= cap)
    ]
    return max(years) if years else None


def story_year(articles: list[Article], analyses: dict[str, ArticleAnalysis]) -> int | None:
    """The latest year any of the story's counting articles names (see `latest_year`):
    one article may give a past toll with its year and never name its own."""
    years = [
        latest_year(analyses[a.id].doc, a.published)
        for a in articles
        if a.id in analyses and (analyses[a.id].quantities or analyses[a.id].title_quantities)
    ]
    found = [y for y in years if y is not None]
    return max(found) if found else None


def _year_at(tok: Any) -> int | None:
    """The year a token is, when it dates what its words are about: "in 2004", "on
    December 26, 2004", "the 2004 tsunami"; None for "since 2004"."""
    if not (_YEAR.fullmatch(tok.text) and (tok.ent_type_ == "DATE" or tok.dep_ == "pobj")):
        return None
    node = tok
    for _ in range(4):
        head = node.head
        if head.pos_ == "ADP":
            return int(tok.text) if head.lower_ in _AT else None
        if head.i == node.i or head.pos_ in ("VERB", "AUX"):
            break
        modifies = node.dep_ in ("nummod", "compound", "amod", "nmod", "poss")
        if modifies and head.pos_ in ("NOUN", "PROPN") and head.ent_type_ != "DATE":
            return int(tok.text)  # "the 2004 tsunami"
        node = head
    return None


# Clauses inside a phrase that speak of something else ("in the quakes, which
# rekindled memories of those that hit in 2002"): no date of theirs dates the phrase.
_CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "appos", "parataxis"})


def _phrase(tok: Any) -> list[Any]:
    """A word and the words under it, without the clauses it holds."""
    out = [tok]
    for child in tok.children:
        if child.dep_ not in _CLAUSES:
            out.extend(_phrase(child))
    return out


def earlier(doc: Any, q: Quantity, now: int | None) -> str | None:
    """When an amount's own clause sets what it counts in an earlier time than the
    story's (`now`, the latest year its articles name): "In 2004, a tsunami killed
    230,000 people", "the 2004 tsunami that killed ...", "The catastrophe four years
    ago killed ...". The year or the "... years ago" as written, or None."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None:
        return None
    chain = [span.root, *span.root.ancestors]
    inside = {t.i for t in span} | {t.i for t in chain}
    for tok in chain:
        for child in tok.children:
            if child.i in inside:
                continue
            if child.dep_ in ("nsubj", "nsubjpass"):
                # "the 2004 tsunami ... killed": what did it, by its own modifiers
                words = [c for c in child.children if c.dep_ in ("nummod", "compound", "amod")]
            elif child.dep_ in _DATING:
                words = _phrase(child)
            else:
                continue
            for w in words:
                year = _year_at(w)
                if year is not None and now is not None and year < now:
                    return w.text
            for w in words:
                if w.lower_ == "ago" and any(
                    c.lemma_.lower() in ("year", "decade") for c in w.children
                ):
                    return " ".join(t.text for t in w.subtree)  # "four years ago"
    return None


# Prepositions that say where the ones counted were ("in the province", "across Asia").
_WHERE = frozenset({"in", "across", "around", "throughout"})
# Nouns of a place that no entity names ("in the province", "in 14 countries").
_PLACE_NOUNS = frozenset(
    """province district region country state city town village county area capital
    island prefecture municipality neighbourhood neighborhood""".split()  # noqa: SIM905
)
_SCOPE_DROP = frozenset({"the", "a", "an", "this", "that", "its", "their"})


def scope_of(doc: Any, q: Quantity) -> str | None:
    """Where an amount's own words put the ones it counts: "170,000 people in the
    province" -> "province", "killed 230,000 people across Asia" -> "asia". Two
    amounts of one measure in different places may both be true (a district's toll
    and the province's); None when the words name no place."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None:
        return None
    chain = [span.root]
    for tok in span.root.ancestors:
        if (
            chain[-1].dep_ == "conj"
            and tok.i == chain[-1].head.i
            and tok.pos_ not in ("VERB", "AUX")
        ):
            # "170,000 in the province and tens of thousands more": not the first one's place
            continue
        chain.append(tok)
        if tok.pos_ in ("VERB", "AUX"):
            break  # the clause of the event, not the sentence around it
    inside = {t.i for t in span} | {t.i for t in chain}
    # its own words first ("tens of thousands more in countries around the ocean")
    for tok in [*span, *chain[1:]]:
        for prep in tok.children:
            if prep.i in inside or prep.dep_ != "prep" or prep.lower_ not in _WHERE:
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                words = sorted(_phrase(obj), key=lambda t: t.i)
                if _YEAR.fullmatch(obj.text) or obj.ent_type_ in ("DATE", "TIME"):
                    continue
                if any(
                    t.ent_type_ in ("GPE", "LOC", "FAC") or t.lemma_.lower() in _PLACE_NOUNS
                    for t in words
                ):
                    kept = [t.lower_ for t in words if t.lower_ not in _SCOPE_DROP]
                    return " ".join(kept) or None
    return None


def apart(a: str | None, b: str | None) -> bool:
    """Whether two amounts' places differ (see `scope_of`): both named, and not one."""
    return a is not None and b is not None and a != b


def dated_measure(q: Quantity, doc: Any, now: int | None) -> str | None:
    """What an amount measures (see `measure`), with the earlier time its clause sets it
    in ("people killed in 2004"): a toll of another event is not one of this story's."""
    found = measure(q)
    if found is None:
        return None
    return _at_time(found, earlier(doc, q, now))


def _at_time(what: str, when: str | None) -> str:
    """A measure with the earlier time of its amounts: "people killed in 2004",
    "people killed four years ago"."""
    if not when:
        return what
    return f"{what} in {when}" if when[0].isdigit() else f"{what} {when}"


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
    found: list[tuple[dict[str, Any], Quantity, str | None]] = []
    now = story_year(articles, analyses)
    scope: dict[str, str | None] = {}  # quantity id -> where its ones were
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
            doc = analysis.title_doc if in_title else analysis.doc
            counts = _event_class(q) is not None
            when = earlier(doc, q, now) if counts else None
            scope[entry["id"]] = scope_of(doc, q) if counts else None
            found.append((entry, q, when))
    return report, _conflicts(found, scope)


def _conflicts(
    found: list[tuple[dict[str, Any], Quantity, str | None]],
    scope: dict[str, str | None] | None = None,
) -> list[dict[str, Any]]:
    scope = scope or {}
    # amounts of one event, in one time: a toll of an earlier event is not this one's
    groups: dict[tuple[str, str], list[tuple[dict[str, Any], Quantity]]] = {}
    for entry, q, when in found:
        event = _event_class(q)
        if event is not None:
            groups.setdefault((event, when or ""), []).append((entry, q))
    out: list[dict[str, Any]] = []
    for (event, when), members in sorted(groups.items()):
        # Amounts of different kinds of people ("14 civilians", "three children") are
        # not compared: one may be part of the other.
        for kind in sorted({_counted_class(q, event) for _, q in members}):
            group = [(e, q) for e, q in members if _counted_class(q, event) == kind]
            clashing: set[str] = set()
            for i, (ea, qa) in enumerate(group):
                for eb, qb in group[i + 1 :]:
                    if ea["article_id"] == eb["article_id"] and ea["stated_by"] == eb["stated_by"]:
                        continue
                    if not compatible(qa, qb) and not apart(
                        scope.get(ea["id"]), scope.get(eb["id"])
                    ):
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
            about = _at_time(f"{kind} {event}", when)
            digest = hashlib.sha1("\n".join(sorted(clashing)).encode()).hexdigest()[:10]
            if any(c["id"] == f"conflict-{digest}" for c in out):
                continue
            out.append(
                {"id": f"conflict-{digest}", "kind": "quantity", "about": about, "items": items}
            )
    return out
