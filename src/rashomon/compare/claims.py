"""Who claims what, across a story's articles.

1. Each article's attributions get their speakers resolved to the story's
   entities (names in the speaker phrase, pronouns and descriptions through
   `resolve_reference`, continuations through the statement they carry on).
2. Propositions are gathered: the attributed contents, and the statements each
   outlet makes in its own voice (the outlet is then the actor).
3. Propositions that say the same thing are grouped into claims, by sentence
   vectors, shared entities and words, and a shared doer (average linkage, so no
   chain of near matches joins two different claims).
4. Pointers ("Baku and Ankara deny these claims") become positions on the claims
   they point to, on the part of a statement about the one who answers; a negated
   statement grouped with others' assertions of the same act is a denial, and one
   that contradicts nobody in its group is a claim of its own.
5. A claim anyone denies or questions is `disputed` and is only ever shown as
   positions; one several outlets state and nobody denies is `consensus`.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from rashomon.compare.embed import embed
from rashomon.compare.gazetteer import country_of, fold
from rashomon.compare.numbers import apart, dated_measure, measure, scope_of, story_year
from rashomon.compare.references import resolve_reference
from rashomon.compare.words import content_words, stem
from rashomon.model import Article, ArticleAnalysis, Attribution
from rashomon.nlp.attributions import (
    clause_negated,
    negated_heads,
    negated_words,
    word_negated,
)
from rashomon.nlp.datelines import without_dateline
from rashomon.nlp.quantities import Quantity, compatible
from rashomon.store import Store

__all__ = ["ClaimSettings", "who_claims_what"]

_PRIORITY = {"PERSON": 0, "ORG": 1, "NORP": 2, "GPE": 2, "LOC": 3, "FAC": 4, "EVENT": 5}
_HEDGES = re.compile(
    r"\b(?:may|might|could|reportedly|allegedly|possibly|perhaps|probably|apparently|"
    r"purportedly|supposedly|is believed|are believed|is thought|are thought)\b",
    re.I,
)
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
# Cosine above which a negated statement and a plain one say the same thing.
_CONTRADICTION = 0.45
# "Ankara of recruiting ...", "Armenia for the eruption ...": what one is accused of.
_FRAGMENT = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*\s+(?:of|for)\s")
_DANGLING = re.compile(r"[,;]?\s+(?:though|although|but|and|or|while|whereas)$", re.I)
# An article's words about itself, not about the story.
_ABOUT_ITSELF = re.compile(
    r"^(?:editor['\u2019]s note|correction|clarification|update)\s*:"
    r"|\bthis (?:story|article|report|post) (?:was|has been|had been) (?:updated|corrected)"
    r"|\b(?:an earlier|a previous) version of this (?:story|article|report|post)\b",
    re.I,
)
_STATUS_ORDER = {"disputed": 0, "consensus": 1, "single_source": 2}


@dataclass(frozen=True)
class ClaimSettings:
    # Two propositions are one claim when their average similarity reaches this.
    threshold: float = 0.45
    # Weight of shared entities (Jaccard) against the sentence vectors' cosine.
    entity_weight: float = 0.25
    # Weight of shared content words (Jaccard weighted by rarity in the story).
    word_weight: float = 0.3
    # Added to the similarity of two statements whose doer is the same entity ("the
    # weapons had been supplied by Belmark", "Belmark denied arming the Brigade").
    agent_bonus: float = 0.1
    # Added to the similarity of two statements that give a figure for one measure
    # ("14 civilians were killed", "the toll stands at 12"): they answer one question.
    # A claim whose statements give different figures states none of them.
    measure_bonus: float = 0.3
    # Own-voice sentences shorter than this many words are not propositions.
    min_words: int = 6


@dataclass
class _Item:
    """One proposition of one article, by one or more actors."""

    article_id: str
    text: str
    evidence: str
    stance: str
    actors: list[tuple[str, str | None]]  # (name, entity id)
    attribution_id: str | None
    entities: frozenset[str]
    negated: bool = False
    own_voice: bool = False
    # The words as written, for display (`text` names entities canonically).
    shown: str = ""
    # For a pointer ("the Tarvonian version"): the entities whose statements it answers.
    owners: frozenset[str] = frozenset()
    order: int = 0
    extra: list[dict[str, Any]] = field(default_factory=list)
    # Whether the words are a clause with a finite verb ("Belmark supplied them"), not
    # an object of a cue ("any involvement", "the toll at 14"): only a clause can follow
    # "X says that".
    clause: bool = True
    # The entity that does what the statement says ("Belmark" in "the weapons had been
    # supplied by Belmark"), when the parse names one.
    agent: str | None = None
    # The lemmas of its verbs ("plan", "arm"), as the parse gives them.
    verbs: frozenset[str] = frozenset()
    # The lemmas of what its own negation is on, stemmed alike: the verb ("hurt" in
    # "No one was hurt, though people were inside"), or what "be" would make true
    # ("credible" in "the video was not credible").
    denied: frozenset[str] = frozenset()
    # The lemmas of its content words, lightly stemmed ("bomb" for "bombing"), with
    # each preposition and its object ("in jeopardy").
    lemmas: frozenset[str] = frozenset()
    # Those of them it says with a "not", anywhere in it ("It doesn't matter that ...,
    # he has five children": "matter").
    said_not: frozenset[str] = frozenset()
    # Whether it is in the headline.
    in_title: bool = False
    # Its amounts with what they measure ("people killed", see `numbers.measure`).
    amounts: tuple[tuple[str, Quantity], ...] = ()
    # Where its amounts put the ones counted, by the amount's offset ("in the province").
    scopes: dict[int, str | None] = field(default_factory=dict)


@dataclass(frozen=True)
class _Text:
    """An article's body or its headline, with what the analysis found in it."""

    text: str
    doc: Any
    attributions: list[Attribution]
    mentions: list[tuple[int, int, dict[str, Any]]]
    # The letter of its attributions' ids: "a" in the body, "h" in the headline.
    prefix: str
    quantities: list[Quantity] = field(default_factory=list)
    # The story's latest year, before which an amount's own date is another event's.
    now: int | None = None

    def amounts(self, lo: int, hi: int) -> tuple[tuple[str, Quantity], ...]:
        """The amounts between two offsets that measure something rashomon compares,
        each with what it measures ("people killed", "people killed in 2004")."""
        found = (
            (dated_measure(q, self.doc, self.now), q) for q in self.quantities if lo <= q.start < hi
        )
        return tuple((m, q) for m, q in found if m)

    def scopes(self, lo: int, hi: int) -> dict[int, str | None]:
        """Where each counted amount between two offsets puts the ones it counts."""
        return {
            q.start: scope_of(self.doc, q)
            for q in self.quantities
            if lo <= q.start < hi and measure(q)
        }

    @property
    def in_title(self) -> bool:
        return self.prefix == "h"


def who_claims_what(
    articles: list[Article],
    analyses: dict[str, ArticleAnalysis],
    entities: list[dict[str, Any]],
    store: Store | None = None,
    settings: ClaimSettings | None = None,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The story's attributions (report shape) and its claims with positions."""
    settings = settings or ClaimSettings()
    by_article: dict[str, list[tuple[int, int, dict[str, Any]]]] = defaultdict(list)
    for ent in entities:
        for m in ent.get("mentions", []):
            by_article[m["article_id"]].append((m["start"], m["end"], ent))
    report: list[dict[str, Any]] = []
    items: list[_Item] = []
    # a pointer, and the ids of the attributions it points at
    pointers: list[tuple[_Item, list[str]]] = []
    parts_of: dict[str, list[_Item]] = defaultdict(list)  # attribution id -> its parts
    now = story_year(articles, analyses)
    for article in articles:
        analysis = analyses.get(article.id)
        if analysis is None:
            continue
        mentions = sorted(by_article.get(article.id, []), key=lambda m: m[0])
        body = _Text(
            article.text,
            analysis.doc,
            analysis.attributions,
            mentions,
            "a",
            analysis.quantities,
            now,
        )
        speakers: list[list[tuple[str, str | None]]] = []
        for n, att in enumerate(body.attributions):
            speakers.append(
                _speakers(
                    att, n, body.attributions, speakers, article, analysis, entities, mentions
                )
            )
        title = article.title or ""
        named = _named_in(title, 0, len(title), entities, [])
        head = _Text(
            title,
            analysis.title_doc,
            analysis.title_attributions,
            sorted(named, key=lambda m: m[0]),
            "h",
            analysis.title_quantities,
            now,
        )
        in_head = [
            _headline_speakers(att, title, entities, body.attributions, speakers)
            for att in head.attributions
        ]
        for unit, actors_of in ((body, speakers), (head, in_head)):
            quotation = _quotation_of(unit.attributions)
            entries: dict[int, dict[str, Any]] = {}
            for n, att in enumerate(unit.attributions):
                root = quotation.get(n, n)
                att_id = f"{article.id}#{unit.prefix}{root + 1}"
                sentence = (
                    analysis.sentence_text(article.text, att.sentence)
                    if unit is body
                    else " ".join(title.split())
                )
                if root == n:
                    entry = _reported(
                        att, att_id, article.id, unit, sentence, actors_of[n], quotation
                    )
                    report.append(entry)
                    entries[n] = entry
                else:
                    entry = entries[root]
                    _carry_on(entry, att, unit.text)
                for item in _parts(att, att_id, article, unit, sentence, actors_of[n], len(items)):
                    parts_of[att_id].append(item)
                    if att.anaphor and (att.owner or not _says_what(item)):
                        if att.owner:
                            owner = _named_in(att.owner, 0, len(att.owner), entities, [])
                            item.owners = frozenset(e["id"] for _, _, e in owner)
                        pointers.append((item, entry["refers_to"]))
                        break
                    if len(item.text.split()) >= 2:
                        items.append(item)
        # A headline's own words are left out: they sum up the story (every outlet's
        # would be one claim), and its verbs often parse as nouns.
        items.extend(_own_voice(article, analysis, body, settings, len(items)))
    vectors = embed([i.text for i in items], store)
    clusters, denying = _apart_unless_denying(items, _cluster(items, vectors, settings), vectors)
    names = {e["id"]: e["name"] for e in entities}
    claims = _claims(items, clusters, vectors, pointers, parts_of, report, denying, names)
    return report, claims


def _quotation_of(attributions: list[Attribution]) -> dict[int, int]:
    """For each quotation that carries on someone's quoted words with no cue of its
    own ('"We lost three boats," said Ola Brandt.' and then '"The wall gave way in
    minutes."'), the index of the attribution it carries on: one quotation, one
    attribution, however many sentences and paragraphs it runs over. A report with a
    cue of its own ("It added that ...") stays an attribution of its own."""
    out: dict[int, int] = {}
    for n, att in enumerate(attributions):
        k = att.continues
        if k is None or not 0 <= k < n or not att.direct:
            continue
        root = attributions[k]
        if root.direct and (att.cue_start, att.cue_end) == (root.cue_start, root.cue_end):
            out[n] = out.get(k, k)
    return out


def _carry_on(entry: dict[str, Any], att: Attribution, text: str) -> None:
    """Add a quotation's later words to the attribution they carry on: its span runs
    to their end, and its content gives every part, the words between them (the cue,
    a new paragraph's marks) left out as "…"."""
    words = text[att.start : att.end].strip()
    if not words or att.end <= entry["end"]:
        return
    entry["content"] = f"{entry['content'].rstrip(' ,')} \u2026 {words}"
    entry["end"] = att.end


def _reported(
    att: Attribution,
    att_id: str,
    article_id: str,
    unit: _Text,
    sentence: str,
    actors: list[tuple[str, str | None]],
    quotation: dict[int, int] | None = None,
) -> dict[str, Any]:
    """An attribution in the report's shape; one in the headline has its offsets
    into the title, and `in_title`. `quotation` maps a quotation carried on to the
    attribution it belongs to (see `_quotation_of`)."""
    quotation = quotation or {}
    return {
        "id": att_id,
        "article_id": article_id,
        "speaker": actors[0][0] if actors else None,
        "speaker_entity_id": actors[0][1] if actors else None,
        "speaker_text": att.speaker,
        "speaker_entity_ids": [e for _, e in actors if e],
        "cue": att.cue,
        "stance": att.stance,
        "content": unit.text[att.start : att.end],
        "direct": att.direct,
        "sentence": sentence,
        "start": att.start,
        "end": att.end,
        "in_title": unit.in_title,
        "refers_to": list(
            dict.fromkeys(
                f"{article_id}#{unit.prefix}{quotation.get(i, i) + 1}" for i in att.refers_to
            )
        ),
    }


def _parts(
    att: Attribution,
    att_id: str,
    article: Article,
    unit: _Text,
    sentence: str,
    speakers: list[tuple[str, str | None]],
    order: int,
) -> list[_Item]:
    """The propositions of an attribution: its content, or each part of a content
    that joins several ("that X and that Y"), held by its speakers (the outlet when
    nobody is named)."""
    actors = speakers or [(article.outlet or article.id, None)]
    out: list[_Item] = []
    for lo, hi, negated in list(att.parts) or [(att.start, att.end, att.negated)]:
        words = _span(unit.doc, lo, hi)
        pieces = _around_cue(unit.text, att, lo, hi)
        canonical = " ".join(_canonical(unit.text, a, b, unit.mentions) for a, b in pieces)
        out.append(
            _Item(
                article_id=article.id,
                text=_proposition(canonical, att, actors),
                shown=_clean(" ".join(unit.text[a:b] for a, b in pieces)),
                evidence=sentence,
                stance=att.stance,
                actors=actors,
                attribution_id=att_id,
                entities=_entities_in(unit.mentions, lo, hi),
                negated=negated,
                order=order + len(out),
                clause=_is_clause(words),
                agent=_agent(words, unit.mentions, actors),
                verbs=_verbs(words),
                denied=_denied(words) if negated else frozenset(),
                lemmas=_lemmas(words),
                said_not=_said_not(words),
                in_title=unit.in_title,
                amounts=unit.amounts(lo, hi),
                scopes=unit.scopes(lo, hi),
            )
        )
    return out


def _around_cue(text: str, att: Attribution, lo: int, hi: int) -> list[tuple[int, int]]:
    """The spans of a content without the cue set off by commas inside it ("Finding
    water vapor, he said, is the next best thing"): what was said, not who said it."""
    start = min(att.cue_start, att.speaker_start if att.speaker_start is not None else hi)
    if not lo < start < att.cue_end < hi:
        return [(lo, hi)]
    left = text.rfind(",", lo, start)
    right = text.find(",", att.cue_end, hi)
    if left < 0 or right < 0 or text[left:start].strip(" ,") or right - att.cue_end > 40:
        return [(lo, hi)]
    return [(lo, left), (right + 1, hi)]


def _says_what(pointer: _Item) -> bool:
    """Whether the object of a denial pointing at nothing in its article says enough to
    be compared as a statement itself ("any Turkish involvement as an Azeri proxy in
    the war"), unlike "any involvement" or "these claims"."""
    return len(content_words(pointer.shown)) >= 4 and bool(pointer.entities)


def _canonical(text: str, lo: int, hi: int, mentions: list[tuple[int, int, dict[str, Any]]]) -> str:
    """The span with every entity called by its story name ("Ankara was sending" ->
    "Turkey was sending"), so that outlets naming one actor differently compare as
    saying the same thing."""
    out = []
    pos = lo
    for s, e, ent in mentions:
        if s < pos or e > hi or s < lo:
            continue
        out.append(text[pos:s])
        out.append(ent["name"])
        pos = e
    out.append(text[pos:hi])
    return "".join(out)


def _proposition(content: str, att: Attribution, actors: list[tuple[str, str | None]]) -> str:
    """The text that stands for a content when comparing: a content with no subject
    of its own ("denied arming the Brigade") gets the speaker as its subject."""
    text = _clean(content)
    first = text.split(" ", 1)[0] if text else ""
    if actors and first.lower().endswith("ing") and att.stance in ("denies", "questions"):
        return f"{actors[0][0]} {text[:1].lower()}{text[1:]}"
    return text


def _clean(text: str) -> str:
    text = without_dateline(" ".join(text.split()))
    text = text.strip(' ,;:-\u2013\u2014"\u201c\u201d')
    # "..., sparking fears, though [officials say the risk is low]": a clause the
    # speaker's own words took away leaves its conjunction behind
    text = _DANGLING.sub("", text)
    text = re.sub(r"^that\s+", "", text, flags=re.I)
    return text[:1].upper() + text[1:] if text else text


def _entities_in(
    mentions: list[tuple[int, int, dict[str, Any]]], lo: int, hi: int
) -> frozenset[str]:
    return frozenset(e["id"] for s, t, e in mentions if s < hi and t > lo)


def _speakers(
    att: Attribution,
    n: int,
    atts: list[Attribution],
    done: list[list[tuple[str, str | None]]],
    article: Article,
    analysis: ArticleAnalysis,
    entities: list[dict[str, Any]],
    mentions: list[tuple[int, int, dict[str, Any]]],
) -> list[tuple[str, str | None]]:
    """The actors of an attribution: (display name, entity id or None)."""
    if att.continues is not None and att.continues < n:
        return done[att.continues]
    if att.speaker is None or att.speaker_start is None or att.speaker_end is None:
        return []
    lo, hi = att.speaker_start, att.speaker_end
    inside = [(s, t, e) for s, t, e in mentions if s < hi and t > lo]
    inside += _named_in(article.text, lo, hi, entities, inside)
    phrase = _span(analysis.doc, lo, hi)
    split = _plural_conjuncts(phrase)
    if split and att.speaker_kind == "named":
        # "Congressional Democrats and environmentalists", "Russian officials and
        # Syrian media": two groups speak, each named as a speaker phrase of its own
        # (when neither is a story entity, "Developers and business groups" stays
        # one speaker, as written)
        groups: list[tuple[str, str | None]] = []
        for a, b in split:
            part = replace(att, speaker=article.text[a:b], speaker_start=a, speaker_end=b)
            for actor in _speakers(part, n, atts, done, article, analysis, entities, mentions):
                if actor not in groups:
                    groups.append(actor)
        if len(groups) > 1 and any(e is not None for _, e in groups):
            return groups
    if inside and not any(
        e["type"] == "PERSON" and not _owner_ends(article.text, t) for _, t, e in inside
    ):
        # "Apple's CEO", "the former Conservative prime minister": the person the
        # story names with that office, when one does
        ref = resolve_reference(att.speaker, lo, article.id, analysis, entities)
        ent = next((e for e in entities if e["id"] == ref), None)
        if ent is not None:
            return [(ent["name"], ent["id"])]
    located = _located(phrase, inside)
    if located:
        # "the hospital in Saltmarsh": the hospital speaks, not the town; the story's
        # entity of that name when it has one ("Saltmarsh General Hospital")
        head, place = located
        for ent in entities:
            name = ent["name"].lower()
            if ent["type"] in ("ORG", "FAC") and head in name and place["name"].lower() in name:
                return [(ent["name"], ent["id"])]
        return [(_display(att.speaker), None)]
    if att.speaker_kind == "pronoun" or not inside:
        ref = resolve_reference(att.speaker, lo, article.id, analysis, entities)
        if ref is not None:
            ent = next(e for e in entities if e["id"] == ref)
            return [(ent["name"], ref)]
        if att.speaker.lower() == "we":
            # "We reject ...": inside someone's quoted words, theirs; in the text's own
            # words (a government's statement), the outlet's
            for j in range(n - 1, -1, -1):
                if atts[j].direct and atts[j].start <= att.cue_start < atts[j].end:
                    return done[j]
            return []
        if att.speaker.lower() in ("he", "she"):
            # "He added that ...": the person who spoke just before, when one did
            people = {e["id"] for e in entities if e["type"] == "PERSON"}
            person = _one_who_spoke(att, n, atts, done, analysis, people, 2)
            if person is not None:
                return [person]
        if not inside:
            body = _described_body(att, n, atts, done, analysis, entities)
            return [body] if body is not None else [(_display(att.speaker), None)]
    joint = _joins_names(article.text, lo, hi, inside)
    if joint:
        seen: dict[str, tuple[str, str | None]] = {}
        persons = [s for s, _, e in inside if e["type"] == "PERSON"]
        for _, end, e in sorted(inside, key=lambda m: m[0]):
            # "Secretary of Commerce Gary Locke and ...": the office's body is his title
            if any(_TITLE_GAP.fullmatch(article.text, end, s) for s in persons if s >= end):
                continue
            if e["type"] in ("PERSON", "ORG", "GPE", "NORP"):
                seen.setdefault(e["id"], (e["name"], e["id"]))
        if len(seen) > 1:
            return list(seen.values())

    # A name that owns ("Gray's school principal, Matthew Willoughby") does not speak
    # while another is named; then a person ("Its spokesman, Pavel Orsk"); then the
    # first name ("Kovrin, Belmark's closest ally" is Kovrin).
    def owns(m: tuple[int, int, dict[str, Any]]) -> bool:
        if _owner_ends(article.text, m[1]):
            # what the name owns must be in the phrase: "Van Der Beek's" alone speaks
            return bool(re.search(r"\w", re.sub(r"^['\u2019]s", "", article.text[m[1] : hi])))
        # "the parents of Steven Sotloff": a person the speaker belongs to
        return m[2]["type"] == "PERSON" and m[0] > lo and article.text[m[0] - 3 : m[0]] == "of "

    root = phrase.root if phrase is not None else None

    def aside(m: tuple[int, int, dict[str, Any]]) -> bool:
        # "China's ambassador to Britain": where one is sent, not whom one speaks for
        return root is not None and m[0] > root.idx and article.text[m[0] - 3 : m[0]] == "to "

    if root is not None and root.lemma_.lower() in _UNNAMED_SOURCES:
        # "CNN's source", "a source inside Apple's engineering team": someone unnamed
        # speaks, not the company they are near
        return [(_display(att.speaker), None)]
    best = min(inside, key=lambda m: (aside(m), owns(m), m[2]["type"] != "PERSON", m[0]))
    # The name the phrase is about, its head word: a person ("McAfee security expert
    # Rahul Mohandas"), or a body where the first name is a place that only describes
    # it ("the Washington-based nonprofit Institute for the Study of War")
    heads = [m for m in inside if root is not None and m[0] <= root.idx < m[1] and not owns(m)]
    named_people = [m for m in heads if m[2]["type"] == "PERSON"]
    bodies = [m for m in heads if m[2]["type"] == "ORG"]
    if named_people:
        best = named_people[0]
    elif bodies and best[2]["type"] in _PLACES:
        best = bodies[0]
    owners = [m for m in inside if m[2]["type"] == "PERSON" and owns(m)]
    if owners and root is not None and root.lemma_.lower() in _VOICES and root.idx >= owners[-1][1]:
        # "Prime Minister Haidar al-Abadi's office", "Ms Cruz's spokesman": they speak
        # for the one whose office it is
        return [(owners[-1][2]["name"], owners[-1][2]["id"])]
    if best[2]["type"] != "PERSON" and any(m[0] > best[0] for m in owners):
        # "former NHL great Wayne Gretzky's agent": the name before describes the
        # person whose agent speaks
        return [(_display(att.speaker), None)]
    if (
        best[2]["type"] == "PERSON"
        and root is not None
        and _before_head(phrase, best)
        and (
            root.lemma_.lower() in _LED_BODIES
            or (root.lemma_.lower() in _STATE_BODIES and len(best[2]["name"].split()) >= 2)
        )
    ):
        # "the Bush administration", "the Assad regime": the body the person leads
        # speaks, through its officials, not the person; a government only after a
        # person the story names in full ("the Dolmar government" is more likely a
        # country the model took for a person)
        return [(_display(att.speaker), None)]
    if best[2]["type"] == "PERSON" and (owns(best) or _behind_preposition(phrase, best)):
        # "Lindsay Lohan's attorney", "two employees of the store near McGinnis Lane":
        # someone else speaks, of her or near it; a state's ministry ("Belmark's
        # defence ministry") speaks for the state
        return [(_display(att.speaker), None)]
    is_place = best[2]["type"] in _PLACES
    if (
        is_place
        and owns(best)
        and root is not None
        and (root.pos_ == "PROPN" or not root.text.islower())
        and (root.text[:1].isupper() or root.text[:1].isdigit())
        and root.lemma_.lower() not in _SPEAKS_FOR
        and root.idx >= best[1]
        and not any(s <= root.idx < e for s, e, _ in inside)
    ):
        # "Tampa Bay's 10 News": a body of the place, by a name the model did not tag
        name = re.sub(r"^['\u2019]s\s+", "", article.text[best[1] : hi].strip())
        return [(_display(name), None)]
    if owns(best) and _private(phrase, best, _OWN_PEOPLE):
        # "Alex's teacher", "Apple's customers", "Fan's lover" (names the model took
        # for a place or a company): people a place or a body has speak for
        # themselves (what a state owns, "Belmark's spin doctors", speaks for it)
        return [(_display(att.speaker), None)]
    if is_place and not owns(best) and _private(phrase, best):
        # "an American activist", "a resident of Ashgabat": not the state's voice
        return [(_display(att.speaker), None)]
    if (
        (best[2]["type"] == "ORG" or (best[2]["type"] == "PERSON" and _modifier(phrase, best)))
        and not owns(best)
        and _private(phrase, best, _PRIVATE_ROLES)
    ):
        # "a Reuters witness", "any honest Chiefs fan", "a Kermit parent": the company,
        # the club or the name (a town the model took for a person) names who they
        # are, and they speak for themselves
        return [(_display(att.speaker), None)]
    return [(best[2]["name"], best[2]["id"])]


def _plural_conjuncts(span: Any) -> list[tuple[int, int]]:
    """The character spans of two groups a speaker phrase joins with "and", each a
    plural ("Congressional Democrats and environmentalists"); [] for one speaker
    ("businessman and blogger Andrew Halcro") or a phrase the parse does not join."""
    if span is None:
        return []
    root = span.root
    conj = next((c for c in root.children if c.dep_ == "conj" and c.i < span.end), None)
    cc = next((c for c in root.children if c.dep_ == "cc" and c.lower_ in ("and", "&")), None)
    if conj is None or cc is None or not root.i < cc.i < conj.i:
        return []
    if not all(t.tag_ in ("NNS", "NNPS") for t in (root, conj)):
        return []
    first = [t for t in span if t.i < cc.i and not t.is_punct]
    second = [t for t in span if t.i > cc.i]
    if not first or not second:
        return []
    return [
        (first[0].idx, first[-1].idx + len(first[-1].text)),
        (second[0].idx, second[-1].idx + len(second[-1].text)),
    ]


def _modifier(span: Any, name: tuple[int, int, dict[str, Any]]) -> bool:
    """Whether a name only modifies the head of a speaker's phrase, as a word before it
    ("A Kermit parent"), not a name set beside it ("His friend Max Martin")."""
    if span is None:
        return False
    words = [t for t in span if name[0] <= t.idx < name[1]]
    return bool(words) and words[-1].dep_ == "compound" and words[-1].head.i == span.root.i


def _before_head(span: Any, name: tuple[int, int, dict[str, Any]]) -> bool:
    """Whether a name is a word before the head of a speaker's phrase, whatever the
    parse calls it ("the Bush administration", with "Bush" as a compound or an
    adjective)."""
    if span is None:
        return False
    words = [t for t in span if name[0] <= t.idx < name[1]]
    return (
        bool(words)
        and words[-1].head.i == span.root.i
        and words[-1].i < span.root.i
        and words[-1].dep_ in ("compound", "amod", "nmod")
    )


def _owner_ends(text: str, end: int) -> bool:
    """Whether a name ending at `end` owns what follows: the mark after it or the
    end of its mention ("James Foley's")."""
    return text[end : end + 2] in ("'s", "\u2019s") or text[end - 2 : end] in ("'s", "\u2019s")


def _behind_preposition(span: Any, name: tuple[int, int, dict[str, Any]]) -> bool:
    """Whether a name is the object of a preposition in a speaker phrase whose head is
    a common noun outside `_SPEAKS_FOR` ("an attorney for Simpson", "employees of the
    store near McGinnis Lane"): it says whom the speaker is near, not who speaks. A
    name that only follows such a phrase ("a reporter for the Oregonian, Tyson Alger";
    "manager for marketing Abdul Al Fahd") names the speaker."""
    if span is None or span.root.pos_ != "NOUN" or span.root.lemma_.lower() in _SPEAKS_FOR:
        return False
    words = [t for t in span if name[0] <= t.idx < name[1]]
    head = next((t for t in words if not name[0] <= t.head.idx < name[1] or t.head == t), None)
    while head is not None and head.dep_ == "conj":
        head = head.head
    if head is None or head.dep_ != "pobj" or head.i == span.root.i or head.head.lower_ == "by":
        return False  # "a survey by Penelope Abernathy" is hers
    # "for Chris Lowe", "against murder suspect Jermayne Timmons"; but "manager for
    # marketing Abdul Al Fahd": the field of the speaker's office before their name
    between = span.doc[head.head.i + 1 : words[0].i]
    return not any(t.lower_ in _FIELDS for t in between)


# What an office is for, in a title before the holder's name ("manager for marketing
# Abdul Al Fahd", "director of communications Ana Holm").
_FIELDS = frozenset(
    """marketing communications communication sales operations finance strategy
    development engineering research policy affairs relations programs technology
    media press""".split()  # noqa: SIM905
)


_PLACES = frozenset({"GPE", "NORP", "LOC", "FAC"})
# People one has who speak for themselves: "Alex's teacher", "Tom's mother".
_KIN = frozenset(
    """teacher pupil son daughter mother father wife husband brother sister
    girlfriend boyfriend family lover partner fiance fiancee fiancé fiancée widow
    widower grandmother grandfather grandparent aunt uncle cousin niece nephew mum mom
    dad stepmother stepfather""".split()  # noqa: SIM905
)
# Who speaks for the person who has them: "al-Abadi's office", "her spokesman".
_VOICES = frozenset(
    "office spokesman spokeswoman spokesperson representative campaign".split()  # noqa: SIM905
)
# Bodies named after the one who leads them, whose word is not that person's own:
# "the Bush administration said", "the Assad regime denied"; and those more often
# named after a state ("the Okafor government", "the Dolmar government").
_LED_BODIES = frozenset({"administration", "regime"})
_STATE_BODIES = frozenset({"government", "cabinet"})
# Those who speak unnamed: not the voice of whatever their description names.
_UNNAMED_SOURCES = frozenset({"source", "insider"})

# Nouns for those who speak for a state or a place ("Russian officials", "Belmark's
# defence ministry"); anyone else a place or a nationality describes speaks for
# themselves ("an American activist", "a Bukit Sama village resident").
_SPEAKS_FOR = frozenset(
    """official authority government ministry minister spokesman spokeswoman
    spokesperson president premier chancellor leader king queen army military force
    police embassy diplomat ambassador envoy delegation administration state side
    council parliament court prosecutor agency service office department regime cabinet
    commander general governor mayor foreign interior defence defense security
    intelligence statement capital""".split()  # noqa: SIM905
)


# People an organisation's name describes who do not speak for it ("a Reuters
# witness", "a Chiefs fan"); its officers, staff, papers and sites do.
_PRIVATE_ROLES = frozenset(
    """witness resident fan star customer client user student passenger worker employee
    volunteer survivor victim viewer reader patient shopper villager neighbour neighbor
    activist supporter eyewitness bystander founder co-founder cofounder parent relative
    friend classmate""".split()  # noqa: SIM905
)
# Those a name has who speak for themselves: its people ("Apple's customers") and kin.
_OWN_PEOPLE = _PRIVATE_ROLES | _KIN


def _private(
    span: Any, name: tuple[int, int, dict[str, Any]], roles: frozenset[str] | None = None
) -> bool:
    """Whether a speaker phrase names a place only to describe someone who does not
    speak for it: its head is a common noun outside `_SPEAKS_FOR` ("activist",
    "resident"), or a name with such a noun beside it ("Maral, a resident of X"). With
    `roles`, the head must be one of them (an organisation's people)."""
    if span is None:
        return False
    head = span.root
    if head.idx < name[1] and head.idx + len(head.text) > name[0]:
        return False  # the place itself speaks ("Ankara said")
    if head.pos_ == "PROPN":
        head = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN"), head)
    if roles is not None:
        return head.pos_ == "NOUN" and head.lemma_.lower() in roles
    return head.pos_ == "NOUN" and head.lemma_.lower() not in _SPEAKS_FOR


def _joins_names(
    text: str, lo: int, hi: int, inside: list[tuple[int, int, dict[str, Any]]]
) -> bool:
    """Whether a speaker phrase joins names ("Baku and Ankara", "The Turkish and
    Azerbaijani governments", "Secretary Gary Locke and Secretary of the Interior Ken
    Salazar"), not words within one ("the School of Design and
    Construction") or a description ("businessman and blogger Andrew Halcro")."""
    for m in re.finditer(r"\b(?:and|&)\b", text[lo:hi]):
        at, past = lo + m.start(), lo + m.end()
        if any(s <= at < e for s, e, _ in inside):
            continue
        before = any(not text[e:at].strip(" ,") for _, e, _ in inside if e <= at)
        if not before:
            continue
        # a name right after "and", or after its title ("and Secretary of the
        # Interior Ken Salazar")
        start = past + len(text[past:hi]) - len(text[past:hi].lstrip())
        for _ in range(7):
            if any(s == start for s, _, _ in inside):
                return True
            title = _TITLE_WORD.match(text, start, hi)
            if title is None:
                break
            start = title.end()
    return False


# What lies between a body named in a title and the name: "'s President ", " ".
_TITLE_GAP = re.compile(r"(?:['\u2019]s)?(?:\s+[A-Z][\w.]*)*\s+")
# A word of a title before a name: "Secretary", "of", "the".
_TITLE_WORD = re.compile(r"(?:[A-Z][\w.]*|of|the)\s+")


def _headline_speakers(
    att: Attribution,
    title: str,
    entities: list[dict[str, Any]],
    body: list[Attribution],
    body_speakers: list[list[tuple[str, str | None]]],
) -> list[tuple[str, str | None]]:
    """The actors of a headline's attribution. A headline names people by their office
    ("Osterland's president backs ..."): the person the body quotes under that office
    ("Osterland's President Jonas Aberg said"). Otherwise the story's names in the
    phrase, all of them when it joins several ("Baku and Ankara deny ...")."""
    if att.speaker is None or att.speaker_start is None or att.speaker_end is None:
        return []
    phrase = title[att.speaker_start : att.speaker_end]
    named = _named_in(title, att.speaker_start, att.speaker_end, entities, [])
    people = [e for _, _, e in named if e["type"] == "PERSON"]
    if people:
        return [(people[0]["name"], people[0]["id"])]
    offices = {w for w in re.findall(r"[a-z]+", phrase.lower()) if w in _OFFICES}
    for a, actors in zip(body, body_speakers, strict=True):
        said_as = set(re.findall(r"[a-z]+", (a.speaker or "").lower()))
        if offices & said_as and actors and actors[0][1] is not None:
            ent = next((e for e in entities if e["id"] == actors[0][1]), None)
            if ent is not None and ent["type"] == "PERSON":
                return [actors[0]]
    kept = [(e["name"], e["id"]) for _, _, e in sorted(named, key=lambda m: m[0])]
    if len(kept) > 1 and re.search(r"\b(?:and|&)\b", phrase):
        return kept
    if kept:
        return kept[:1]
    return [(_display(att.speaker), None)]


# Words for an office a headline calls a person by.
_OFFICES = frozenset(
    {"president", "minister", "premier", "chancellor", "spokesman", "spokeswoman",
     "spokesperson", "leader", "chief", "director", "envoy", "ambassador", "mayor",
     "governor", "general", "commander", "secretary", "king", "queen", "pope"}
)  # fmt: skip


def _located(
    span: Any, inside: list[tuple[int, int, dict[str, Any]]]
) -> tuple[str, dict[str, Any]] | None:
    """For a speaker phrase that is a thing and where it is ("the hospital in
    Saltmarsh", "residents near the port of Vell"): the thing's noun and the place,
    when the place is the only name in the phrase."""
    if span is None or len({e["id"] for _, _, e in inside}) != 1:
        return None
    root = span.root
    if root.pos_ != "NOUN":
        return None
    for prep in root.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "at", "near", "from"):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is None:
                continue
            s, e, ent = inside[0]
            words = list(obj.subtree)
            if ent["type"] in ("GPE", "LOC", "FAC") and (
                s < words[-1].idx + len(words[-1].text) and e > words[0].idx
            ):
                return root.lemma_.lower(), ent
    return None


def _one_who_spoke(
    att: Attribution,
    n: int,
    atts: list[Attribution],
    done: list[list[tuple[str, str | None]]],
    analysis: ArticleAnalysis,
    wanted: set[str],
    window: int,
    reported: bool = False,
) -> tuple[str, str | None] | None:
    """The one entity of those `wanted` that spoke in the `window` sentences before
    `att` (counted from the end of what they said: a long quotation is one turn), if
    exactly one did; with `reported`, only with a cue of reporting ("reported",
    "according to")."""
    found: dict[str, tuple[str, str | None]] = {}
    for j in range(n - 1, -1, -1):
        if att.sentence - analysis.sentence_of(max(atts[j].start, atts[j].end - 1)) > window:
            break
        if reported and not _REPORTED.search(atts[j].cue):
            continue
        for name, ent in done[j]:
            if ent is not None and ent in wanted:
                found.setdefault(ent, (name, ent))
    return next(iter(found.values())) if len(found) == 1 else None


# What a story calls an organisation it has named: "the newspaper", "the company".
_BODY_NOUNS = frozenset(
    """company firm agency ministry department organisation organization group retailer
    carrier airline automaker manufacturer startup bank studio publisher""".split()  # noqa: SIM905
)
# Businesses among them.
_COMPANY_NOUNS = frozenset(
    """company firm retailer carrier airline automaker manufacturer startup bank studio
    publisher""".split()  # noqa: SIM905
)
# The news media among them: only one that reported before is meant ("Apple said ...
# The website claims" is not Apple).
_MEDIA_NOUNS = frozenset(
    """newspaper paper website site outlet magazine network broadcaster channel
    publication tabloid blog""".split()  # noqa: SIM905
)
_REPORTED = re.compile(r"\breport|\baccording\b", re.I)
# How many sentences back "the company" may reach for the one that spoke.
_BODY_WINDOW = 5


def _described_body(
    att: Attribution,
    n: int,
    atts: list[Attribution],
    done: list[list[tuple[str, str | None]]],
    analysis: ArticleAnalysis,
    entities: list[dict[str, Any]],
) -> tuple[str, str | None] | None:
    """For a speaker that only describes an organisation ("The newspaper reported",
    "the company said"): the organisation that spoke in the sentences before, when
    exactly one did ("The New York Daily News reported ... according to the
    newspaper"; for the news media, one that reported). A product the model calls an
    organisation never speaks, so it is never read so."""
    words = (att.speaker or "").lower().split()
    if len(words) != 2 or words[0] != "the" or words[1] not in _BODY_NOUNS | _MEDIA_NOUNS:
        return None
    media = words[1] in _MEDIA_NOUNS
    bodies = {e["id"] for e in entities if e["type"] == "ORG"}
    found = _one_who_spoke(att, n, atts, done, analysis, bodies, _BODY_WINDOW, media)
    if found is None and words[1] in _COMPANY_NOUNS:
        # when no organisation spoke: a company the model calls a place ("Microsoft" as
        # GPE in some stories), a "place" no gazetteer knows (never a country or capital)
        unknown = {
            e["id"] for e in entities if e["type"] == "GPE" and country_of(e["name"]) is None
        }
        found = _one_who_spoke(att, n, atts, done, analysis, unknown, _BODY_WINDOW)
    return found


def _named_in(
    text: str,
    lo: int,
    hi: int,
    entities: list[dict[str, Any]],
    found: list[tuple[int, int, dict[str, Any]]],
) -> list[tuple[int, int, dict[str, Any]]]:
    """Story entities named in a speaker phrase that the model did not tag there ("The
    Belmark government"): their name or an alias, as whole words."""
    have = {e["id"] for _, _, e in found}
    out = []
    phrase = text[lo:hi]
    for ent in entities:
        if ent["id"] in have or ent["type"] not in ("PERSON", "ORG", "GPE", "NORP"):
            continue
        for form in [ent["name"], *ent.get("aliases", [])]:
            form = form.strip()
            if len(form) < 3 or not form[:1].isupper():
                continue
            m = re.search(rf"(?<!\w){re.escape(form)}(?!\w)", phrase)
            at, to = (lo + m.start(), lo + m.end()) if m else (0, 0)
            if m and not any(
                s <= at and to <= e and _same_kind(got["type"], ent["type"]) for s, e, got in found
            ):
                # not a word of a place's or person's name tagged there ("Tampa" in
                # "Tampa Bay's", "Joan" in "Joan Rivers's")
                out.append((at, to, ent))
                break
    return out


def _same_kind(tagged: str, named: str) -> bool:
    """Whether a name found inside a tagged one is a word of it: a place in a place, a
    person in a person (a newspaper the model tags as a place keeps its name)."""
    return (tagged in _PLACES and named in _PLACES) or tagged == named == "PERSON"


def _display(speaker: str) -> str:
    text = " ".join(speaker.split())
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)


def _own_voice(
    article: Article,
    analysis: ArticleAnalysis,
    unit: _Text,
    settings: ClaimSettings,
    order: int,
) -> list[_Item]:
    """What the outlet states itself in its body: the runs of each sentence outside
    anyone's reported words, cue and name ("Since late September,
    clashes have been underway, with each side blaming the other" keeps its first
    clause), long enough, with a finite verb and a name, date or number in them."""
    covered: list[tuple[int, int]] = []
    for a in unit.attributions:
        covered += [(a.start, a.end), (a.cue_start, a.cue_end)]
        if a.speaker_start is not None and a.speaker_end is not None:
            covered.append((a.speaker_start, a.speaker_end))
    outlet = article.outlet or article.id
    doc = unit.doc
    if doc is None:
        return []
    out: list[_Item] = []
    for index, (start, end) in enumerate(analysis.sentences):
        span = doc.char_span(start, end, alignment_mode="expand")
        sentence = unit.text[start:end].strip()
        if span is None or sentence.endswith("?") or _ABOUT_ITSELF.search(sentence):
            continue
        runs: list[list[Any]] = [[]]
        for tok in span:
            if any(s <= tok.idx < e for s, e in covered):
                if runs[-1]:
                    runs.append([])
            else:
                runs[-1].append(tok)
        for run in runs:
            words = [t for t in run if not t.is_punct and not t.is_space]
            if len(words) < settings.min_words or not any(t.tag_ in _FINITE for t in run):
                continue
            lo, hi = run[0].idx, run[-1].idx + len(run[-1].text)
            ents = _entities_in(unit.mentions, lo, hi)
            # Something checkable: a name, a date, a number.
            if not ents and not any(t.ent_type_ for t in run):
                continue
            words = _span(doc, lo, hi)
            out.append(
                _Item(
                    article_id=article.id,
                    text=_clean(_canonical(unit.text, lo, hi, unit.mentions)),
                    shown=_clean(unit.text[lo:hi]),
                    evidence=analysis.sentence_text(article.text, index),
                    stance="hedges" if _hedged(run) else "asserts",
                    actors=[(outlet, None)],
                    attribution_id=None,
                    entities=ents,
                    own_voice=True,
                    order=order + len(out),
                    agent=_agent(words, unit.mentions, []),
                    verbs=_verbs(words),
                    lemmas=_lemmas(words),
                    said_not=_said_not(words),
                    amounts=unit.amounts(lo, hi),
                    scopes=unit.scopes(lo, hi),
                    # Never a denial (an outlet's sentence is long, its "not" may be
                    # anywhere), but no one's negation contradicts a negative one.
                    negated=clause_negated(run, conjuncts=True),
                )
            )
    return out


def _hedged(run: list[Any]) -> bool:
    """Whether the outlet hedges a run's main statement: a hedge on its main verb
    ("Turkey may have sent", "is believed to"), not one inside a part of it ("offering
    hardware and perhaps also mercenaries" still asserts the hardware)."""
    inside = {t.i for t in run}
    roots = {t.i for t in run if t.head.i not in inside or t.head.i == t.i}
    for tok in run:
        if not _HEDGES.fullmatch(tok.text):
            passive = any(c.dep_ == "auxpass" for c in tok.children)
            if tok.lower_ in ("believed", "thought") and tok.i in roots and passive:
                return True
            continue
        if tok.i in roots or tok.head.i in roots:
            return True
    return False


def _cluster(items: list[_Item], vectors: np.ndarray, settings: ClaimSettings) -> list[list[int]]:
    """Average-linkage grouping over cosine similarity blended with entity overlap."""
    n = len(items)
    if n == 0:
        return []
    sim = _similarity(items, vectors, settings)
    cluster_of = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    pairs = np.argwhere(np.triu(sim, 1) >= settings.threshold)
    order = sorted(((float(sim[a, b]), int(a), int(b)) for a, b in pairs), reverse=True)
    for _, a, b in order:
        ca, cb = cluster_of[a], cluster_of[b]
        if ca == cb:
            continue
        ma, mb = members[ca], members[cb]
        if float(sim[np.ix_(ma, mb)].mean()) < settings.threshold:
            continue
        keep, gone = (ca, cb) if ca < cb else (cb, ca)
        members[keep] = sorted(members[keep] + members[gone])
        for i in members[gone]:
            cluster_of[i] = keep
        del members[gone]
    return sorted(members.values(), key=lambda m: m[0])


def _similarity(items: list[_Item], vectors: np.ndarray, settings: ClaimSettings) -> np.ndarray:
    """Pairwise: how alike two statements are, the sentence vectors' cosine blended
    with shared entities, doers, content words and measures."""
    sim = vectors @ vectors.T
    if settings.entity_weight:
        # Shared entities count only where both statements name some: a statement
        # with no name in it is judged on its words alone.
        # An entity named all over the story (the two countries at war) says little
        # about which claim a statement makes; a rare one says much: Jaccard overlap
        # weighted by inverse document frequency, counted where both name some.
        ents = [set(i.entities) for i in items]
        jac = _weighted_jaccard(ents)
        both = np.array([bool(e) for e in ents])
        named = np.outer(both, both)
        w = settings.entity_weight
        sim = np.where(named, (1 - w) * sim + w * jac, sim)
    if settings.agent_bonus:
        agents = np.array([i.agent or "" for i in items])
        same = (agents[:, None] == agents[None, :]) & (agents[:, None] != "")
        sim = sim + settings.agent_bonus * same
    if settings.word_weight:
        sim = (1 - settings.word_weight) * sim + settings.word_weight * _word_overlap(items)
    return sim + settings.measure_bonus * _figures(items)


def _figures(items: list[_Item]) -> np.ndarray:
    """Pairwise: 1 where two statements give a figure for one measure ("14 civilians
    were killed", "as many as 40 people may have died"), whether or not the figures
    agree, else 0."""
    n = len(items)
    out = np.zeros((n, n), dtype=np.float32)
    counted = [k for k, it in enumerate(items) if it.amounts]
    measures = {k: {m for m, _ in items[k].amounts} for k in counted}
    for x, a in enumerate(counted):
        for b in counted[x + 1 :]:
            if measures[a] & measures[b]:
                out[a, b] = out[b, a] = 1.0
    return out


def _same_figure(a: Quantity, b: Quantity) -> bool:
    """Whether two amounts give the same figure ("14" and "fourteen", "at least 12" and
    "at least twelve"): amounts that merely can both hold ("at least 12" and "14") are
    different statements, and a claim states one."""
    return a.low == b.low and a.high == b.high


def _figures_differ(group: list[_Item]) -> tuple[str | None, list[str], bool]:
    """The first measure the group's statements give different figures for, those
    figures as written, and whether two holders' figures cannot both be true (14 dead
    against "as many as 40"); (None, [], False) when every figure is one."""
    for m in dict.fromkeys(m for it in group for m, _ in it.amounts):
        given = [(it, q) for it in group for m2, q in it.amounts if m2 == m]
        shown: list[Quantity] = []
        for _, q in given:
            if not any(_same_figure(q, s) for s in shown):
                shown.append(q)
        if len(shown) < 2:
            continue
        clash = any(
            (a.article_id, a.actors) != (b.article_id, b.actors)
            and not compatible(p, q)
            # a district's toll and the province's may both be true
            and not apart(a.scopes.get(p.start), b.scopes.get(q.start))
            for x, (a, p) in enumerate(given)
            for b, q in given[x + 1 :]
        )
        return m, [_figure_text(q) for q in shown], clash
    return None, [], False


def _figure_text(q: Quantity) -> str:
    """An amount as written, lower-cased unless it starts with a digit ("DOZENS" and
    "Fourteen" at the head of a sentence: "dozens", "fourteen")."""
    text = re.sub(r"(?<=\d), (?=000\b)", ",", " ".join(q.text.split()))  # "230, 000"
    return text if text[:1].isdigit() else text.lower()


def _word_overlap(items: list[_Item]) -> np.ndarray:
    """Pairwise Jaccard of content-word stems, each weighted by its rarity among the
    story's statements."""
    return _weighted_jaccard([content_words(it.text) for it in items])


def _weighted_jaccard(sets: list[set[str]]) -> np.ndarray:
    """Pairwise Jaccard of sets, each element weighted by log inverse frequency."""
    n = len(sets)
    vocab = sorted({x for s in sets for x in s})
    if not vocab:
        return np.zeros((n, n), dtype=np.float32)
    index = {x: k for k, x in enumerate(vocab)}
    m = np.zeros((n, len(vocab)), dtype=np.float32)
    for row, s in enumerate(sets):
        for x in s:
            m[row, index[x]] = 1.0
    idf = np.log((n + 1) / (m.sum(axis=0) + 0.5)).astype(np.float32)
    inter = (m * idf) @ m.T
    total = m @ idf
    union = total[:, None] + total[None, :] - inter
    out = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
    np.fill_diagonal(out, 1.0)
    return out


def _claims(
    items: list[_Item],
    clusters: list[list[int]],
    vectors: np.ndarray,
    pointers: list[tuple[_Item, list[str]]],
    parts_of: dict[str, list[_Item]],
    report: list[dict[str, Any]],
    denying: set[int],
    names: dict[str, str],
) -> list[dict[str, Any]]:
    claim_of: dict[int, int] = {}
    for c, members in enumerate(clusters):
        for i in members:
            claim_of[id(items[i])] = c
    extra: dict[int, list[_Item]] = defaultdict(list)
    rejected: list[_Item] = []
    for item, refers in pointers:
        if item.owners and _DENIALS.search(item.shown):
            rejected.append(item)  # answered below, once every denial is placed
            continue
        targets = set()
        for att_id in refers:
            for target in _parts_meant(item, parts_of.get(att_id, [])):
                if id(target) in claim_of:
                    targets.add(claim_of[id(target)])
        if not targets:
            targets = _claims_about(item, items, clusters, claim_of)
        for c in targets:
            extra[c].append(item)
            extra[c].extend(_owners_words(item, "asserts", names))
    index_of = {id(it): k for k, it in enumerate(items)}
    for item in rejected:
        # "We reject the denials issued by Belmark": the claims Belmark denies, which
        # the one rejecting its denials asserts
        for c, members in enumerate(clusters):
            held = [items[i] for i in members if index_of[id(items[i])] in denying]
            held += [it for it in extra.get(c, []) if it.stance in ("denies", "questions")]
            if any(item.owners & {e for _, e in it.actors if e} for it in held):
                extra[c].append(replace(item, stance=_OPPOSITE.get(item.stance, item.stance)))
                extra[c].extend(_owners_words(item, "denies", names))
    by_att = {a["id"]: a for a in report}
    out: list[dict[str, Any]] = []
    order: list[int] = []
    for c, members in enumerate(clusters):
        group = [items[i] for i in members]
        pointed = extra.get(c, [])
        positions: list[dict[str, Any]] = []
        seen: set[tuple[str, str, str]] = set()
        for it in group + pointed:
            stance = it.stance
            if index_of.get(id(it)) in denying:
                # "X said it had not supplied weapons", beside others saying it had
                stance = "denies"
                if it.attribution_id in by_att:
                    by_att[it.attribution_id]["stance"] = "denies"
            for name, ent in it.actors:
                key = (it.article_id, ent or fold(name), stance)
                if key in seen:
                    continue
                seen.add(key)
                positions.append(
                    {
                        "actor": name,
                        "entity_id": ent,
                        "stance": stance,
                        "article_id": it.article_id,
                        "attribution_id": it.attribution_id,
                        "evidence": it.evidence,
                        "own_voice": it.own_voice,
                    }
                )
        stances = {p["stance"] for p in positions}
        outlets = {p["article_id"] for p in positions}
        # "14 were killed", "at least 12 were killed": the claim is how many, and
        # states no one's figure; figures that cannot both be true dispute it
        differs_on, figures, clash = _figures_differ(group)
        if stances & {"denies", "questions"} or clash:
            status = "disputed"
        elif len(outlets) >= 2:
            status = "consensus"
        else:
            status = "single_source"
        text, clause = _claim_text(group, members, vectors)
        if differs_on:
            text, clause = f"The number of {differs_on}: {'; '.join(figures)}", False
        digest = hashlib.sha1(
            "\n".join(sorted(f"{it.article_id}|{it.evidence}|{it.text}" for it in group)).encode()
        ).hexdigest()
        out.append(
            {
                "id": "claim-" + digest[:10],
                "text": text,
                "text_is_clause": clause,
                "status": status,
                "article_ids": sorted(outlets),
                "positions": positions,
                "entity_ids": sorted({e for it in group for e in it.entities}),
                "differs_on": differs_on,
            }
        )
        order.append(min(it.order for it in group))
    ranked = sorted(
        range(len(out)),
        key=lambda k: (_STATUS_ORDER[out[k]["status"]], -len(out[k]["article_ids"]), order[k]),
    )
    return [out[k] for k in ranked]


def _owners_words(pointer: _Item, stance: str, names: dict[str, str]) -> list[_Item]:
    """The position of the one whose words a pointer names ("the accusations made by
    Dornholt", "Erdogan's allegations", "the denials issued by Belmark"), on what the
    pointer answers, with the same evidence."""
    if not pointer.owners or not _OWNED.search(pointer.shown):
        return []
    actors: list[tuple[str, str | None]] = [
        (names[e], e) for e in sorted(pointer.owners) if e in names
    ]
    if not actors or set(actors) & set(pointer.actors):
        return []
    return [replace(pointer, actors=actors, stance=stance, attribution_id=None)]


# Words for an act of saying, whose owner said it ("the accusations made by X", "X's
# denials"); "the Tarvonian version" or "Tarvonia's account" only describe it.
_OWNED = re.compile(
    r"\b(?:claims?|allegations?|accusations?|charges?|assertions?|denials?)\b", re.I
)
_DENIALS = re.compile(r"\bdenials?\b", re.I)
# What rejecting a denial amounts to.
_OPPOSITE = {"denies": "asserts", "questions": "asserts", "asserts": "denies"}


def _parts_meant(pointer: _Item, parts: list[_Item]) -> list[_Item]:
    """The parts of a statement that a pointer answers: "Belmark denies it", after
    "Tarvonia says the Brigade launched the drones and that Belmark supplied them",
    denies the part about Belmark; with no part about the one who answers, all of it."""
    answering = {e for _, e in pointer.actors if e}
    about = [p for p in parts if answering & p.entities]
    return about if about and len(about) < len(parts) else parts


def _apart_unless_denying(
    items: list[_Item], clusters: list[list[int]], vectors: np.ndarray
) -> tuple[list[list[int]], set[int]]:
    """A negated statement stays in a claim only as its denial: one that contradicts
    nobody there ("The Brigade does not speak for the coast", grouped by its name with
    "the Brigade launched the drones") becomes a claim of its own, with any others
    like it there, never a position asserting what it negates. Also returns the
    indexes of those that stay: denials."""
    index_of = {id(it): k for k, it in enumerate(items)}
    out: list[list[int]] = []
    denying: set[int] = set()
    for members in clusters:
        group = [items[i] for i in members]
        negations = [
            i
            for i in members
            if len(members) > 1 and items[i].negated and items[i].stance == "asserts"
        ]
        # An outlet's sentence never denies by itself (it is long, and its "not" may
        # be anywhere), but no one's negation contradicts it either.
        denying.update(
            i
            for i in negations
            if not items[i].own_voice and _contradicts(items[i], group, index_of, vectors)
        )
        alone = [i for i in negations if i not in denying]
        # A denial or doubt shares some word with what it answers ("denied arming the
        # Brigade" and "Belmark armed the Brigade"); one that shares none was grouped
        # by the story's names alone ("we deny any improper conduct" beside "the
        # allegations were less serious than feared") and stands apart
        unanswered = [
            i
            for i in members
            if len(members) > 1
            and not items[i].own_voice
            and items[i].stance in ("denies", "questions")
            and not _answers(items[i], group)
        ]
        rest = [i for i in members if i not in alone and i not in unanswered]
        # Negations that deny nobody there stay together: grouped by their words, they
        # say the same thing ("no one has shown symptoms", "the 28 showed no signs").
        out += [m for m in (rest, alone, unanswered) if m]
    return sorted(out, key=lambda m: m[0]), denying


def _denied(span: Any) -> frozenset[str]:
    """The lemmas of what a span's negation is on: its negated main verbs, or for
    "be" what it links ("not credible", "not a drone")."""
    if span is None:
        return frozenset()
    return frozenset(_stemmed(w) for head in negated_heads(list(span)) for w in negated_words(head))


def _lemmas(span: Any) -> frozenset[str]:
    """The lemmas of a span's content words, and each preposition with its object
    ("in jeopardy", "at church": what "was not in jeopardy" denies)."""
    if span is None:
        return frozenset()
    words = {t.lemma_.lower() for t in span if t.pos_ in _CONTENT_POS}
    words.update(
        f"{t.head.lower_} {t.lemma_.lower()}"
        for t in span
        if t.dep_ == "pobj" and t.head.dep_ == "prep"
    )
    return frozenset(_stemmed(w) for w in words)


def _stemmed(lemma: str) -> str:
    """A lemma with a light stem, so that a verb and its noun meet ("bomb" and
    "bombing"), and so do a preposition's objects ("in jeopardy")."""
    return " ".join(stem(w) for w in lemma.split())


def _said_not(span: Any) -> frozenset[str]:
    """The lemmas of what a span says is not so, anywhere in it ("it wasn't ideal":
    "ideal")."""
    if span is None:
        return frozenset()
    return frozenset(_stemmed(w) for t in span if word_negated(t) for w in negated_words(t))


_CONTENT_POS = frozenset({"VERB", "NOUN", "ADJ", "PROPN", "ADV", "NUM"})


def _answers(denial: _Item, group: list[_Item]) -> bool:
    """Whether a denial or doubt shares a content word with something another actor
    in its group asserts."""
    return any(
        other.stance in ("asserts", "hedges")
        and not set(other.actors) & set(denial.actors)
        and bool(denial.lemmas & other.lemmas)
        for other in group
    )


def _verbs(span: Any) -> frozenset[str]:
    """The lemmas of a span's verbs, auxiliaries and "be" left out."""
    if span is None:
        return frozenset()
    return frozenset(t.lemma_.lower() for t in span if t.pos_ == "VERB" and t.lemma_ != "be")


# Verbs that make a statement a report of someone's words ("the principal told him").
_REPORTING = frozenset(
    {"say", "tell", "report", "claim", "insist", "allege", "announce", "tweet", "quote"}
)


def _contradicts(
    item: _Item, group: list[_Item], index_of: dict[int, int], vectors: np.ndarray
) -> bool:
    """A negated statement denies a claim when someone else asserts nearly the same
    words positively (the vectors barely see a "not")."""
    mine = vectors[index_of[id(item)]]
    for other in group:
        if other is item or other.negated or other.stance == "denies":
            continue
        if set(other.actors) & set(item.actors):
            continue
        if other.verbs & _REPORTING:
            # "Steward said the principal told him no threats would be tolerated":
            # Steward reports the principal's words, he does not say the opposite
            continue
        # "does not speak for the coast" does not deny "launched the drones", nor "No
        # one was hurt, though people, including children, were inside" anything
        # "including" people: what is negated must be what the other says
        if item.denied:
            # and the other must say it without a "not" of its own
            if not item.denied & (other.lemmas - other.said_not):
                continue
        elif item.verbs and other.verbs and not item.verbs & other.verbs:
            continue
        if float(mine @ vectors[index_of[id(other)]]) >= _CONTRADICTION:
            return True
    return False


def _claims_about(
    item: _Item, items: list[_Item], clusters: list[list[int]], claim_of: dict[int, int]
) -> set[int]:
    """For a pointer with nothing to point at in its own article ("Belmark rejects
    Tarvonian claims" as a headline): the story's claims, asserted by others, that
    name the one who rejects them."""
    deniers = {e for _, e in item.actors if e}
    if item.owners and not item.in_title:
        # "Erdogan has accused the powers of ... Russian officials have rejected
        # Erdogan's allegations": what the owner said just before, in the same article
        # (a headline comes before all it sums up)
        before = {
            claim_of[id(o)]
            for o in items
            if o.article_id == item.article_id
            and o.order < item.order
            and not (o.own_voice or o.negated)
            and item.owners & {e for _, e in o.actors if e}
        }
        if before:
            return before
    out = set()
    for other in items:
        if other.own_voice or other.negated:
            continue
        speakers = {e for _, e in other.actors if e}
        if deniers & speakers:
            continue
        if item.owners:
            # "the Tarvonian version": what Tarvonia says about the one who rejects it
            # (or about anything, when the rejecter is not named in it)
            if item.owners & speakers and (not deniers or deniers & other.entities):
                out.add(claim_of[id(other)])
        elif deniers & other.entities:
            out.add(claim_of[id(other)])
    if item.owners and not out:
        # "Kovrin also dismissed the Tarvonian version", Kovrin named in none of it:
        # what Tarvonia says that others deny too
        contested = {
            claim_of[id(o)]
            for o in items
            if (o.negated or o.stance in ("denies", "questions"))
            and not item.owners & {e for _, e in o.actors if e}
        }
        out = {
            claim_of[id(o)]
            for o in items
            if not o.own_voice and not o.negated and item.owners & {e for _, e in o.actors if e}
        } & contested
    return out


def _agent(
    span: Any,
    mentions: list[tuple[int, int, dict[str, Any]]],
    actors: list[tuple[str, str | None]],
) -> str | None:
    """The story entity that does what a span says: the subject of its main verb, the
    agent of a passive ("supplied by Belmark"), the one accused ("Ankara of
    recruiting"), or the speaker of a content with no subject ("denied arming")."""
    if span is None or not len(span):
        return None
    inside = {t.i for t in span}

    def entity_of(tok: Any) -> str | None:
        words = list(tok.subtree)
        a, b = words[0].idx, words[-1].idx + len(words[-1].text)
        for s, e, ent in mentions:
            if s < b and e > a and ent["type"] != "DATE":
                return str(ent["id"])
        return None

    roots = [t for t in span if t.head.i not in inside or t.head.i == t.i]
    # "Ankara of recruiting fighters": the one accused of what, "of" on either word
    of = [t for t in roots if t.dep_ == "prep" and t.lower_ in ("of", "for")]
    if roots[0].pos_ == "PROPN" and (
        of or any(c.dep_ == "prep" and c.lower_ in ("of", "for") for c in roots[0].children)
    ):
        return entity_of(roots[0])
    for root in roots:
        if root.pos_ not in ("VERB", "AUX"):
            continue
        if root.tag_ == "VBG" and not any(c.dep_.startswith("nsubj") for c in root.children):
            ids = [e for _, e in actors if e]
            return ids[0] if ids else None
        for c in root.children:
            if c.dep_ == "nsubj":
                return entity_of(c)
            if c.dep_ == "agent":
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return entity_of(obj)
        return None
    return None


def _span(doc: Any, lo: int, hi: int) -> Any:
    """The words of a statement in its text's one parse (None without a parse), found
    once and read by every test of it below."""
    return doc.char_span(lo, hi, alignment_mode="expand") if doc is not None else None


def _is_clause(span: Any) -> bool:
    """Whether a span holds a finite verb (without a parse, it is taken to)."""
    return span is None or any(t.tag_ in _FINITE for t in span)


# Penn tags of finite verbs and modals: what makes words a clause.
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _claim_text(group: list[_Item], members: list[int], vectors: np.ndarray) -> tuple[str, bool]:
    """The most central plain assertion of the group, in its own words, and whether
    it is a clause."""
    # The words of someone who asserts it: the summary says "X says that <text>" of
    # those who assert, so a doubter's words ("had offered no evidence") are a last resort.
    candidates = []
    for stances in (("asserts",), ("hedges",), ("questions",)):
        candidates = [k for k, it in enumerate(group) if not it.negated and it.stance in stances]
        if candidates:
            break
    if not candidates:
        candidates = list(range(len(group)))
    # A whole statement reads better than an accusation's object ("Ankara of recruiting").
    whole = [
        k
        for k in candidates
        if group[k].clause and not _FRAGMENT.match(group[k].shown or group[k].text)
    ]
    candidates = whole or candidates
    if len(members) > 1:
        sub = vectors[members]
        centrality = (sub @ sub.T).mean(axis=1)
        best = max(candidates, key=lambda k: (float(centrality[k]), -len(group[k].text)))
    else:
        best = candidates[0]
    text = group[best].shown or group[best].text
    text = text if len(text) <= 240 else text[:237].rsplit(" ", 1)[0] + "..."
    return text, group[best].clause
