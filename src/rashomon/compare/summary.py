"""A neutral summary of one story, a few sentences long, built from its claims,
positions, numbers and timeline: first what several sources agree on, then each
dispute as the positions of its actors, the numbers they differ on, and what only
one source reports, labelled so. Every sentence cites its articles and claims.

`neutrality_violations` is the check the summary (and any rewrite of it) must
pass: no sentence may carry or restate a disputed claim without attributing it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rashomon.compare.words import STOPWORDS, content_words
from rashomon.model import Article
from rashomon.nlp.cues import default_cues
from rashomon.nlp.datelines import without_dateline

__all__ = ["neutrality_violations", "saying_verb_in", "summarize"]

# How many sentences of each kind a summary holds at most, in order; when the
# story has too little for five, the kinds that have more fill the gap.
_QUOTA = {"agreed": 3, "timeline": 1, "disputed": 3, "numbers": 1, "single_source": 2}
_MIN_SENTENCES = 5
_MAX_SENTENCES = 10
_MAX_WORDS = 40
_MAX_ACTORS = 4
# A clause that starts with one of these is the tail of a sentence, not a statement.
_BAD_START = frozenset(
    """and but or nor with after before about of for as has have had while although though
    when whenever because which who whose whom to in on at by from than so also then
    this these those such questioned questions said says added heading meanwhile however
    thus""".split()  # noqa: SIM905
)
# The speaker's own "I" and "we", or the "you" they speak to: a clause the summary
# cannot say in its own voice.
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|us|my|My|me|you|You|your|Your)\b")
_ABBREVIATIONS = frozenset(
    """Gov Sen Rep Rev Dr Mr Mrs Ms Prof Gen Lt Col Capt Sgt Cmdr Adm Maj Pres Atty
    Supt Insp St Ft Mt Inc Corp Co Ltd Jr Sr No Vol""".split()  # noqa: SIM905
)
_PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "them", "its", "their"})
# Words that open a description rather than a name ("Local sources", "One security source").
_DETERMINERS = frozenset(
    """the a an one two three four five several some many few local each both other most
    all unnamed senior""".split()  # noqa: SIM905
)
_VERBS = {
    "asserts": ("says", "say"),
    "hedges": ("suggests", "suggest"),
    "questions": ("questions", "question"),
    "denies": ("denies", "deny"),
}
_STANCE_ORDER = ("asserts", "hedges", "questions", "denies")
# Spelled out here: calendar.month_name follows the locale, and reports must not.
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip
# "..., the Kremlin said." at the end of an evidence sentence: the attribution, not the claim.
_TRAILING_CUE = re.compile(
    r",\s+(?:the\s+)?[^,]{1,60}?\s+(?:said|says|added|reported|stated|informed|told \w+)$",
    re.I,
)
# "Armenia of killing people ...", "Azerbaijan for using ...": the object of an accusation.
_ACCUSED = re.compile(r"^((?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’.-]*)\s+(?:of|for)\s+(\w+ing\b.*)$")


@dataclass(frozen=True)
class _Story:
    """What every sentence builder reads: sources, names and dates of one story."""

    source_of: dict[str, str]
    outlet_of: dict[str, str]
    names: frozenset[str]
    relevance: dict[str, float]
    # claim id -> the day the timeline gives it, when it gives one for sure
    dated: dict[str, str]
    n_sources: int

    def outlets(self, article_ids: Iterable[str]) -> list[str]:
        return sorted({self.outlet_of.get(a, a) for a in article_ids})


def summarize(
    claims: Sequence[Mapping[str, Any]],
    timeline: Sequence[Mapping[str, Any]],
    conflicts: Sequence[Mapping[str, Any]],
    quantities: Sequence[Mapping[str, Any]],
    entities: Sequence[Mapping[str, Any]],
    articles: Sequence[Article | Mapping[str, Any]],
) -> list[dict[str, Any]]:
    """The story's `summary[]`: 5 to 10 sentences when the story has that much to
    tell (fewer for a thin one), each `{text, article_ids, claim_ids, kind}`.
    Deterministic: the same story gives the same sentences in the same order."""
    story = _story(claims, timeline, entities, articles)
    by_kind: dict[str, list[dict[str, Any]]] = {
        "agreed": _agreed(claims, story),
        "timeline": _timeline(timeline, claims, story),
        "disputed": _disputed(claims, story),
        "numbers": _numbers(conflicts, quantities, claims, story),
        "single_source": _single_source(claims, story),
    }
    chosen: dict[str, list[dict[str, Any]]] = {k: [] for k in _QUOTA}
    used: set[str] = set()

    def take(kind: str, limit: int) -> None:
        for sentence in by_kind[kind]:
            if len(chosen[kind]) >= limit or sum(map(len, chosen.values())) >= _MAX_SENTENCES:
                return
            if sentence in chosen[kind] or (
                set(sentence["claim_ids"]) & used and kind != "numbers"
            ):
                continue
            chosen[kind].append(sentence)
            used.update(sentence["claim_ids"])

    for kind, quota in _QUOTA.items():
        take(kind, quota)
    for kind in ("numbers", "disputed", "agreed", "single_source"):
        if sum(map(len, chosen.values())) >= _MIN_SENTENCES:
            break
        take(kind, _MAX_SENTENCES)
    return [s for kind in _QUOTA for s in chosen[kind]]


def _field(article: Article | Mapping[str, Any], name: str) -> Any:
    return article.get(name) if isinstance(article, Mapping) else getattr(article, name)


def _story(
    claims: Sequence[Mapping[str, Any]],
    timeline: Sequence[Mapping[str, Any]],
    entities: Sequence[Mapping[str, Any]],
    articles: Sequence[Article | Mapping[str, Any]],
) -> _Story:
    source_of: dict[str, str] = {}
    for a in articles:
        if _field(a, "status") not in (None, "ok"):
            continue
        aid = _field(a, "id")
        # The name claims give an outlet's own voice, so that sentence and check agree.
        source_of[aid] = _field(a, "outlet") or f"the article {aid}"
    for c in claims:
        for aid in c["article_ids"]:
            source_of.setdefault(aid, f"the article {aid}")
    names: set[str] = set()
    for e in entities:
        for form in [e["name"], *e.get("aliases", [])]:
            names.update(
                w
                for w in re.findall(r"[\w'’-]+", form)
                if w[:1].isupper() and w.lower() not in STOPWORDS
            )
    n = max(1, len(source_of))
    relevance = {e["id"]: len(e.get("article_ids", [])) / n for e in entities}
    dated: dict[str, str] = {}
    for entry in sorted(timeline, key=lambda t: (-len(t["article_ids"]), t["date"])):
        for cid in _entry_claims(entry):
            if entry["precision"] == "day" and not entry["inferred"]:
                dated.setdefault(cid, entry["date"])
    return _Story(
        source_of=source_of,
        outlet_of={a: s.lower() for a, s in source_of.items()},
        names=frozenset(names),
        relevance=relevance,
        dated=dated,
        n_sources=len({s.lower() for s in source_of.values()}),
    )


def _entry_claims(entry: Mapping[str, Any]) -> list[str]:
    return [c for c in entry.get("claim_ids") or [entry.get("claim_id")] if c]


def _sentence(
    text: str, kind: str, article_ids: Iterable[str], claim_ids: Iterable[str]
) -> dict[str, Any]:
    text = " ".join(text.split())
    if "." not in text.split(" ", 1)[0]:
        # a web address standing for an outlet keeps its lower case
        text = text[:1].upper() + text[1:]
    if text[-1:] not in ".!?":
        text += "."
    return {
        "text": text,
        "article_ids": sorted(set(article_ids)),
        "claim_ids": list(dict.fromkeys(claim_ids)),
        "kind": kind,
    }


# -- wording ----------------------------------------------------------------------


def _clean(text: str) -> str:
    """A statement as a clause that can follow "that": no reported-speech frame, no
    outer quotes, no closing stop, at most about forty words."""
    text = without_dateline(" ".join(text.split())).strip(" \"'“”‘’")
    # Two sentences in one statement: the one that says more stands for it ("led by
    # Gov. Kristi Noem" is one).
    parts = _rejoin_abbreviations(re.split(r"(?<=[a-z])\. (?=[A-Z])", text))
    if len(parts) > 1:
        text = max(parts, key=lambda part: (len(content_words(part)), -parts.index(part)))
    text = re.sub(r"^(?:that|and that)\s+", "", text, flags=re.I)
    text = _TRAILING_CUE.sub("", text.rstrip(" ."))
    accused = _ACCUSED.match(text)
    if accused:
        text = f"{accused.group(1)} was responsible for {accused.group(2)}"
    text = text.rstrip(" .;:,\"'“”‘’")
    words = text.split()
    if len(words) > _MAX_WORDS:
        head = " ".join(words[:_MAX_WORDS])
        cut = max(head.rfind("; "), head.rfind(", "))
        text = (head[:cut] if cut > len(head) // 2 else head) + " …"
    # An unbalanced quotation mark reads as an error; drop the lone one.
    for mark in ("“", "”", '"'):
        if text.count(mark) == 1 and text.count("“") + text.count("”") != 2:
            text = text.replace(mark, "")
    return text


def _rejoin_abbreviations(parts: list[str]) -> list[str]:
    """Parts of a text split at ". " joined again where the stop ends a title or an
    abbreviation ("Gov.", "Sen.", "Dr.", "Inc."), not a sentence."""
    out: list[str] = []
    for part in parts:
        last = out[-1].rsplit(" ", 1)[-1] if out else ""
        if out and (last in _ABBREVIATIONS or (last[:1].isupper() and len(last) <= 2)):
            out[-1] = f"{out[-1]}. {part}"
        else:
            out.append(part)
    return out


def _usable(clause: str) -> bool:
    words = clause.split()
    if len(words) < 4 or clause.endswith("?"):
        return False
    first = words[0].lower().strip("\"'“”‘’")
    if first in _BAD_START or first in _PRONOUNS:
        return False
    return not _FIRST_PERSON.search(clause)


def _lower_first(clause: str, names: frozenset[str]) -> str:
    """The clause as it reads after "that": its first word in lower case unless it
    is (part of) a name."""
    first = clause.split(" ", 1)[0]
    bare = re.sub(r"['’]s$", "", first.strip("\"'“”‘’,"))  # "Google's" is Google's
    if bare in names or bare == "I":
        return clause
    if bare.isupper() and len(bare) > 1:
        if len(bare) <= 4:
            return clause
        return clause.replace(bare, bare.lower(), 1)
    if clause[1:2].islower() or bare.lower() in STOPWORDS:
        return clause[:1].lower() + clause[1:]
    return clause


def _clause(claim: Mapping[str, Any], story: _Story) -> str | None:
    """The claim's words as a clause: its text, else the evidence of a position that
    states it; None when nothing reads as a statement, or when its holders give
    different figures ("12 were killed", "14 were killed"): no one clause is what
    they all say, and the numbers' sentence sets the figures side by side."""
    if claim.get("differs_on"):
        return None
    # A claim named by a cue's object ("the toll at 14") cannot follow "says that":
    # the sentence that states it is used instead.
    candidates = [(claim["text"], True)] if claim.get("text_is_clause", True) else []
    for stance in ("asserts", "hedges"):
        candidates += [
            (p["evidence"], bool(p.get("own_voice")))
            for p in claim["positions"]
            if p["stance"] == stance
        ]
    for text, own in candidates:
        clause = _clean(text)
        # Someone else's sentence still holds its "..., Noem said in the campaign's
        # announcement" when the cue is not at its end: it would read as the outlets'.
        if _usable(clause) and (own or not saying_verb_in(clause)):
            return _lower_first(clause, story.names)
    return None


def _own_words(claim: Mapping[str, Any], clause: str) -> bool:
    """Whether a clause is the claim's own text (not a whole evidence sentence, which
    already says who holds it)."""
    return clause.lower() == _clean(claim["text"]).lower()


def _actor(position: Mapping[str, Any], story: _Story) -> str:
    """How a position's holder is named in a sentence: the outlet for its own voice."""
    aid = position["article_id"]
    name = " ".join(str(position["actor"]).split())
    if position.get("own_voice") or name == aid or name in story.source_of.values():
        return story.source_of.get(aid, name)
    if name.lower() in _PRONOUNS:
        return f"a speaker quoted by {story.source_of.get(aid, aid)}"
    first = name.split(" ", 1)[0]
    if position.get("entity_id") is None and first.lower() in _DETERMINERS:
        return first.lower() + name[len(first) :]
    if first.islower() and " " not in name:
        return f"the {name}"
    return name


def _plural(actors: list[str], positions: list[Mapping[str, Any]]) -> bool:
    if len(actors) != 1:
        return True
    named = any(p.get("entity_id") for p in positions)
    last = actors[0].split()[-1]
    return not named and last.endswith("s") and not last.endswith("ss")


def _join(names: list[str]) -> str:
    if len(names) > _MAX_ACTORS:
        shown = names[: _MAX_ACTORS - 1]
        return f"{', '.join(shown)} and {len(names) - len(shown)} others"
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _sides(claim: Mapping[str, Any], story: _Story) -> list[tuple[str, str, bool]]:
    """(stance, who, plural) for each stance held on the claim, in a fixed order."""
    out = []
    for stance in _STANCE_ORDER:
        held = [p for p in claim["positions"] if p["stance"] == stance]
        names = list(dict.fromkeys(_actor(p, story) for p in held))
        if names:
            out.append((stance, _join(names), _plural(names, held)))
    return out


def _say(stance: str, plural: bool) -> str:
    return _VERBS[stance][1 if plural else 0]


def _quantifier(article_ids: Sequence[str], story: _Story) -> tuple[str, bool]:
    """Who reports something, by outlet: named when one or two, counted otherwise."""
    outlets = sorted({story.source_of.get(a, a) for a in article_ids}, key=str.lower)
    n = len({o.lower() for o in outlets})
    if n <= 2:
        return _join(outlets), n > 1
    if n == story.n_sources:
        return f"all {n} sources", True
    return f"{n} of {story.n_sources} sources", True


# -- the kinds of sentence ------------------------------------------------------------


def _relevance(claim: Mapping[str, Any], story: _Story) -> float:
    """How central a claim's names are to the story (an aside names few of them)."""
    ids = claim.get("entity_ids") or []
    return sum(story.relevance.get(e, 0.0) for e in ids) / max(1, len(ids)) if ids else 0.0


def _agreed(claims: Sequence[Mapping[str, Any]], story: _Story) -> list[dict[str, Any]]:
    """Consensus claims, those most outlets report first, events before background."""
    ranked = sorted(
        (c for c in claims if c["status"] == "consensus"),
        key=lambda c: (
            -len(story.outlets(c["article_ids"])),
            c["id"] not in story.dated,
            -_relevance(c, story),
            c["id"],
        ),
    )
    out = []
    for claim in ranked:
        clause = _clause(claim, story)
        if clause is None:
            continue
        sure = [p for p in claim["positions"] if p["stance"] == "asserts"]
        if not sure:
            # Agreed only with caution ("may", "reportedly"): said so, not asserted.
            held = claim["positions"]
            who, plural = _quantifier(sorted({p["article_id"] for p in held}), story)
            verb = _say("hedges", plural)
            text = f"{who} {verb} that {clause}"
            out.append(_sentence(text, "agreed", claim["article_ids"], [claim["id"]]))
            continue
        who, plural = _quantifier(sorted({p["article_id"] for p in sure}), story)
        report = f"{who} {'report' if plural else 'reports'}"
        if any(p.get("own_voice") for p in sure):
            text = f"{report} that {clause}"
        else:
            # No outlet says it in its own voice: whose words it is comes first ("Jack
            # Buser says that ..., as two sources report"), not the outlets as its holders
            names = list(dict.fromkeys(_actor(p, story) for p in sure))
            text = (
                f"{_join(names)} {_say('asserts', _plural(names, sure))} that {clause}, as {report}"
            )
        if claim["id"] in story.dated:
            text = f"{_date_text(story.dated[claim['id']])}: {text}"
        cautious = [p for p in claim["positions"] if p["stance"] == "hedges"]
        if cautious:
            names = list(dict.fromkeys(_actor(p, story) for p in cautious))
            text += f"; {_join(names)} {_say('hedges', _plural(names, cautious))} it with caution"
        out.append(_sentence(text, "agreed", claim["article_ids"], [claim["id"]]))
    return out


def _disputed(claims: Sequence[Mapping[str, Any]], story: _Story) -> list[dict[str, Any]]:
    """Each disputed claim as positions: "A says that X; B denies it."; the claims
    with most outlets and actors on them first."""
    ranked = sorted(
        (c for c in claims if c["status"] == "disputed"),
        key=lambda c: (
            -len(story.outlets(c["article_ids"])),
            -len({p["actor"] for p in c["positions"]}),
            c["id"],
        ),
    )
    out = []
    for claim in ranked:
        sides = _sides(claim, story)
        clause = _clause(claim, story)
        if clause is None or len(sides) < 2:
            continue
        parts = []
        for k, (stance, who, plural) in enumerate(sides):
            if k == 0:
                verb = _say(stance, plural)
                link = "whether" if stance == "questions" else "that"
                parts.append(f"{who} {verb} {link} {clause}")
            else:
                parts.append(f"{who} {_say(stance, plural)} it")
        out.append(_sentence("; ".join(parts), "disputed", claim["article_ids"], [claim["id"]]))
    return out


def _single_source(claims: Sequence[Mapping[str, Any]], story: _Story) -> list[dict[str, Any]]:
    """Claims one outlet alone reports, labelled so; central ones first, one per outlet
    before a second from any."""
    ranked = sorted(
        (c for c in claims if c["status"] == "single_source"),
        key=lambda c: (-_relevance(c, story), -len(c["positions"]), c["id"]),
    )
    out: list[dict[str, Any]] = []
    seen: list[str] = []
    for claim in ranked:
        clause = _clause(claim, story)
        if clause is None or not claim["article_ids"]:
            continue
        aid = claim["article_ids"][0]
        source = story.source_of.get(aid, aid)
        others = [p for p in claim["positions"] if not p.get("own_voice")]
        if others and _own_words(claim, clause) and all(_actor(p, story) != source for p in others):
            stance = others[0]["stance"] if others[0]["stance"] in _VERBS else "asserts"
            names = list(dict.fromkeys(_actor(p, story) for p in others))
            verb = _say(stance, _plural(names, others))
            text = f"only {source} reports that {_join(names)} {verb} that {clause}"
        else:
            text = f"only {source} reports that {clause}"
        out.append(_sentence(text, "single_source", claim["article_ids"], [claim["id"]]))
        seen.append(source)
    # One sentence per outlet first, so that the few shown come from different sources.
    first = [s for k, s in enumerate(out) if seen[k] not in seen[:k]]
    return first + [s for s in out if s not in first]


def _claims_at(claims: Sequence[Mapping[str, Any]], article_id: str, evidence: str) -> list[str]:
    return [
        c["id"]
        for c in claims
        if any(p["article_id"] == article_id and p["evidence"] == evidence for p in c["positions"])
    ]


def _numbers(
    conflicts: Sequence[Mapping[str, Any]],
    quantities: Sequence[Mapping[str, Any]],
    claims: Sequence[Mapping[str, Any]],
    story: _Story,
) -> list[dict[str, Any]]:
    """Each conflict of numbers or dates: "Sources differ on X: A says N; B says M."."""
    by_id = {q["id"]: q for q in quantities}
    out = []
    # Conflicts with more values and more sources first.
    ranked = sorted(
        conflicts,
        key=lambda c: (
            c["kind"] != "quantity",
            -len({str(i["value"]) for i in c["items"]}),
            -len(c["items"]),
            c["id"],
        ),
    )
    for conflict in ranked:
        if conflict["kind"] not in ("quantity", "date"):
            continue
        # value -> (as written, who gives it); "fourteen" and "14" are one value
        values: dict[str, tuple[str, list[str]]] = {}
        claim_ids: list[str] = []
        for item in conflict["items"]:
            shown = _value_text(item, by_id.get(item.get("quantity_id", "")))
            who = str(item.get("stated_by") or item["article_id"])
            who = _actor({"actor": who, "article_id": item["article_id"]}, story)
            key = str(item["value"])
            written, names = values.setdefault(key, (shown, []))
            if shown[:1].isdigit() and not written[:1].isdigit():
                values[key] = (shown, names)
            if who not in names:
                names.append(who)
            claim_ids += _claims_at(claims, item["article_id"], item["evidence"])
        if len(values) < 2:
            continue
        parts = [
            f"{_join(names)} {'say' if _plural(names, []) else 'says'} {written}"
            for written, names in values.values()
        ]
        if conflict["kind"] == "quantity":
            head = f"sources differ on the number of {conflict['about']}"
        else:
            about = _lower_first(_clean(str(conflict["about"])), story.names)
            head = f"sources give different dates for the report that {about}"
        articles = [i["article_id"] for i in conflict["items"]]
        out.append(_sentence(f"{head}: {'; '.join(parts)}", "numbers", articles, claim_ids))
    return out


def _value_text(item: Mapping[str, Any], quantity: Mapping[str, Any] | None) -> str:
    """An amount or date as the source wrote it ("hundreds", "at least 12"), else as
    the report normalised it."""
    text = item.get("text") or (quantity or {}).get("text")
    value = item["value"]
    if isinstance(value, str):
        return _date_text(value)
    if text:
        return str(text).lower() if not str(text)[:1].isdigit() else str(text)
    if isinstance(value, list):
        low, high = value
        return f"at least {low}" if high is None else f"{low} to {high}"
    return str(value)


def _date_text(value: str) -> str:
    parts = value.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return value


def _timeline(
    timeline: Sequence[Mapping[str, Any]],
    claims: Sequence[Mapping[str, Any]],
    story: _Story,
) -> list[dict[str, Any]]:
    """Dated events several sources tell that no agreed sentence carries (those are
    dated there): "11 March 2025: 3 of 8 sources report that ..."; disputed events are
    left to their positions."""
    status = {c["id"]: c for c in claims}
    ranked = sorted(
        (t for t in timeline if len(t["article_ids"]) >= 2 and t["precision"] != "year"),
        key=lambda t: (-len(t["article_ids"]), t["precision"] != "day", t["inferred"], t["date"]),
    )
    out = []
    for entry in ranked:
        ids = sorted(
            (i for i in _entry_claims(entry) if i in status),
            key=lambda i: -len(status[i]["article_ids"]),
        )
        if not ids or any(status[i]["status"] == "disputed" for i in ids):
            continue
        if status[ids[0]]["status"] == "consensus":
            continue
        clause = _clause(status[ids[0]], story)
        if clause is None:
            continue
        who, plural = _quantifier(entry["article_ids"], story)
        text = (
            f"{_date_text(entry['date'])}: {who} {'report' if plural else 'reports'} that {clause}"
        )
        out.append(_sentence(text, "timeline", entry["article_ids"], ids))
    return out


# -- the neutrality check --------------------------------------------------------------


def _verb_forms() -> frozenset[str]:
    irregular = {"say": "said", "tell": "told", "write": "wrote", "think": "thought"}
    forms = {"according"}
    for lemma in default_cues().stances:
        verb = lemma.split("_")[0]
        stem = verb[:-1] if verb.endswith("e") else verb
        forms |= {verb, verb + "s", verb + "es", stem + "ed", stem + "ing", verb + "d"}
        if verb.endswith("y"):
            forms |= {verb[:-1] + "ies", verb[:-1] + "ied"}
        if verb in irregular:
            forms.add(irregular[verb])
    return frozenset(forms)


_SAYING = _verb_forms()


def saying_verb_in(text: str) -> bool:
    """Whether a sentence has a verb of saying, denying, hedging or questioning."""
    return any(w in _SAYING for w in re.findall(r"[a-z]+", text.lower()))


def _words_of(text: str) -> str:
    return " " + " ".join(re.findall(r"[\w-]+", text.lower())) + " "


def _names_any(text: str, names: Iterable[str]) -> bool:
    """Whether `text` names any of `names`, as whole words."""
    low = _words_of(text)
    return any(_words_of(n).strip() and _words_of(n) in low for n in names)


def _restates(text: str, claim: Mapping[str, Any]) -> bool:
    """Whether a sentence repeats most of a claim's content words."""
    words = content_words(claim["text"])
    if len(words) < 3:
        return False
    return len(words & content_words(text)) >= 0.6 * len(words)


def neutrality_violations(
    summary: Sequence[Mapping[str, Any]], claims: Sequence[Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """Summary sentences that state a disputed claim as fact: each sentence that cites
    a disputed claim or repeats most of its words, without both a verb of saying (or
    denying, hedging, questioning) and the name of someone who holds a position on
    it. One entry per (sentence, claim): `{index, text, claim_id, reason}`."""
    disputed = [c for c in claims if c["status"] == "disputed"]
    out = []
    for index, sentence in enumerate(summary):
        text = sentence["text"]
        cited = set(sentence.get("claim_ids") or [])
        for claim in disputed:
            if claim["id"] not in cited and not _restates(text, claim):
                continue
            holders = {
                p["actor"]
                for p in claim["positions"]
                if len(p["actor"]) > 2 and p["actor"].lower() not in _PRONOUNS
            }
            if not saying_verb_in(text):
                reason = "states a disputed claim with no verb of saying or denying"
            elif not _names_any(text, holders | _outlet_words(claim, sentence)):
                reason = "states a disputed claim without naming who holds it"
            else:
                continue
            out.append({"index": index, "text": text, "claim_id": claim["id"], "reason": reason})
    return out


def _outlet_words(claim: Mapping[str, Any], sentence: Mapping[str, Any]) -> set[str]:
    """Names a sentence may use for a claim's holders besides the actors: "the article
    <id>" for an outlet with no name, "quoted by" for a speaker it could not name."""
    ids = set(claim["article_ids"]) | set(sentence.get("article_ids") or [])
    return {f"the article {i}" for i in ids} | {"quoted by"}
