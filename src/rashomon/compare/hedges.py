"""Hedges and distancing in one article's own words, each with what it is applied
to: "so-called X", "alleged X", "X claims that" (where a neutral outlet writes
"said"), "X is believed to", "reportedly", "what X calls Y", and scare quotes (a
short quoted term that no one in the sentence is reported as saying)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from rashomon.model import ArticleAnalysis
from rashomon.nlp.attributions import is_not

__all__ = ["Hedge", "hedges"]

_ALLEGED = frozenset(
    {
        "alleged",
        "allegedly",
        "purported",
        "purportedly",
        "supposed",
        "supposedly",
        "self-styled",
        "self-proclaimed",
    }
)
_CLAIM_VERBS = frozenset({"claim", "allege", "purport"})
# Agentless "X is said to ...": the outlet passes on a report it does not own.
_REPORT_PASSIVES = frozenset({"say", "report", "rumour", "rumor"})
_BELIEF_PASSIVES = frozenset({"believe", "think", "fear", "understand", "suspect", "allege"})
_SEEM = frozenset({"seem", "appear"})
_MAYBE = frozenset({"perhaps", "possibly", "apparently", "presumably", "seemingly"})
_CHECK_VERBS = frozenset({"verify", "confirm"})
_UNCHECKED = frozenset({"unverified", "unconfirmed", "unsubstantiated"})
_NAMING_VERBS = frozenset({"call", "describe", "term", "dub", "label", "brand"})
# Double quotes, and single ones as British outlets use them; a closing ’ followed by a
# letter is an apostrophe ("Ferrin’s"), not the end of a quote.
_QUOTE = re.compile(r"[\"“]([^\"“”]{1,80})[\"”]|(?<!\w)‘([^‘’\n]{1,80}?)’(?!\w)")
_SCARE_WORDS = 6
_LEADING = frozenset({"so", "-", "called", "so-called"}) | _ALLEGED
_PHRASE_TAIL = 8
_NOUNS = frozenset({"NOUN", "PROPN", "PRON"})
_INSIDE_PHRASE = frozenset(
    {
        "amod",
        "compound",
        "det",
        "poss",
        "nmod",
        "nummod",
        "punct",
        "case",
        "advmod",
        "quantmod",
        "npadvmod",
        "hyph",
    }
)


def _chunk_of(tok: Any) -> Any:
    """The base noun phrase a token stands in or modifies: up from a modifier to its
    noun, then the noun with everything on its left ("the so-called People's Council")."""
    noun = tok
    while noun.pos_ not in _NOUNS and noun.dep_ in _INSIDE_PHRASE and noun.head is not noun:
        noun = noun.head
    if noun.pos_ not in _NOUNS:
        return None
    left = min([c.left_edge.i for c in noun.lefts] + [noun.i])
    return noun.doc[left : noun.i + 1]


def _phrase(tok: Any) -> Any:
    """A token with its modifiers ("DOZENS of shoppers", "fighters from outside the
    region"), cut short of a long clause."""
    doc = tok.doc
    start = tok.left_edge.i
    end = min(tok.right_edge.i + 1, tok.i + _PHRASE_TAIL)
    while end > tok.i + 1 and doc[end - 1].pos_ in ("PUNCT", "ADP", "CCONJ", "DET"):
        end -= 1
    return doc[start:end]


def _named(modifier: Any) -> Any:
    """The whole noun phrase a modifier ("so-called", "alleged") is applied to."""
    chunk = _chunk_of(modifier)
    return _phrase(chunk.root) if chunk is not None else None


def _subject_of(verb: Any) -> Any:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
                return _chunk_of(verb.head)
            return _phrase(child)
    if verb.dep_ in ("acl", "amod") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return _chunk_of(verb.head) or verb.doc[verb.head.i : verb.head.i + 1]
    if verb.dep_ in ("xcomp", "conj", "ccomp") and verb.head is not verb:
        return _subject_of(verb.head)
    return None


@dataclass
class Hedge:
    """One hedge or distancing mark: its words as written, its kind, and what it is
    applied to (offsets into the article's text; no target span when none is found)."""

    text: str
    kind: str
    start: int
    end: int
    target: str = ""
    target_start: int | None = None
    target_end: int | None = None
    sentence: str = ""


def _target_text(span: Any) -> str:
    """A target as a reader names it: without leading determiners and hedge words."""
    words = list(span)
    while words and (
        words[0].dep_ in ("det", "advmod", "case")
        or (words[0].dep_ == "poss" and words[0].pos_ == "PRON")
        or words[0].pos_ in ("ADV", "PUNCT")
        or words[0].text.lower() in _LEADING
    ):
        words.pop(0)
    return "".join(t.text_with_ws for t in words).strip(" \"“”‘’'.,;:")


def _entry(kind: str, text: str, start: int, end: int, target: Any) -> Hedge:
    hedge = Hedge(text[start:end], kind, start, end)
    if target is not None:
        hedge.target = _target_text(target)
        hedge.target_start, hedge.target_end = target.start_char, target.end_char
    return hedge


def _token_hedges(doc: Any, text: str) -> list[Hedge]:
    out: list[Hedge] = []
    for tok in doc:
        low = tok.text.lower()
        if (
            low == "so"
            and tok.i + 2 < len(doc)
            and doc[tok.i + 1].text == "-"
            and (doc[tok.i + 2].text.lower() == "called")
        ):
            end = doc[tok.i + 2]
            out.append(_entry("so-called", text, tok.idx, end.idx + len(end.text), _named(end)))
        elif low in ("so-called",):
            out.append(_entry("so-called", text, tok.idx, tok.idx + len(tok.text), _named(tok)))
        elif low in _ALLEGED and tok.pos_ != "VERB":
            target = _subject_of(tok.head) if tok.pos_ == "ADV" else _named(tok)
            out.append(_entry("alleged", text, tok.idx, tok.idx + len(tok.text), target))
        elif low in _UNCHECKED:
            out.append(_entry("unverified", text, tok.idx, tok.idx + len(tok.text), _chunk_of(tok)))
        elif tok.lemma_.lower() in _CHECK_VERBS and _cannot(tok):
            out.append(
                _entry("unverified", text, _cannot(tok), tok.idx + len(tok.text), _subject_of(tok))
            )
        elif low in _MAYBE:
            head = tok.head
            target = _phrase(head) if head.pos_ in ("NOUN", "PROPN") else _subject_of(head)
            out.append(_entry("hedging-adverb", text, tok.idx, tok.idx + len(tok.text), target))
        elif low == "reportedly":
            out.append(
                _entry("reportedly", text, tok.idx, tok.idx + len(tok.text), _subject_of(tok.head))
            )
        elif (
            tok.lemma_.lower() in _CLAIM_VERBS
            and tok.pos_ == "VERB"
            and any(c.dep_ in ("ccomp", "xcomp") for c in tok.children)
        ):
            out.append(_entry("claimed", text, tok.idx, tok.idx + len(tok.text), _subject_of(tok)))
        elif tok.tag_ in ("VBN", "VBD") and _is_hedging_passive(tok):
            kind = "reportedly" if tok.lemma_.lower() in _REPORT_PASSIVES else "hedging-verb"
            if tok.lemma_.lower() == "allege":
                kind = "alleged"
            out.append(_entry(kind, text, tok.idx, tok.idx + len(tok.text), _subject_of(tok)))
        elif tok.lemma_.lower() in _SEEM and any(
            c.dep_ == "xcomp" and any(g.text.lower() == "to" for g in c.children)
            for c in tok.children
        ):
            out.append(
                _entry("hedging-verb", text, tok.idx, tok.idx + len(tok.text), _subject_of(tok))
            )
        elif tok.lemma_.lower() in _NAMING_VERBS and any(
            c.text.lower() == "what" for c in tok.children
        ):
            named = [
                c
                for c in tok.children
                if c.text.lower() != "what" and c.dep_ in ("oprd", "attr", "dobj", "ccomp", "xcomp")
            ]
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.text.lower() == "as":
                    named += [c for c in prep.children if c.dep_ == "pobj"]
            if named:
                span = doc[named[0].left_edge.i : named[0].right_edge.i + 1]
                what = next(c for c in tok.children if c.text.lower() == "what")
                out.append(_entry("what-they-call", text, what.idx, tok.idx + len(tok.text), span))
    return out


def _cannot(tok: Any) -> int:
    """Where "cannot be verified" / "none of them can be confirmed" starts (0: it is not
    such a phrase): a passive check that is denied."""
    kids = list(tok.children)
    if not any(c.dep_ == "auxpass" for c in kids):
        return 0
    denied = [c for c in kids if is_not(c)] or [
        c for c in kids if c.dep_ == "nsubjpass" and c.text.lower() in ("none", "nothing")
    ]
    if not denied:
        return 0
    first = min([c for c in kids if c.dep_ in ("aux", "auxpass") or is_not(c)], key=lambda c: c.i)
    return int(first.idx)


def _is_hedging_passive(tok: Any) -> bool:
    """ "X is believed to ...", "mercenaries said to be ...", "shoppers are feared dead":
    an agentless passive of saying or believing, followed by what is said."""
    lemma = tok.lemma_.lower()
    if lemma not in _REPORT_PASSIVES and lemma not in _BELIEF_PASSIVES:
        return False
    deps = {c.dep_ for c in tok.children}
    if "agent" in deps:
        return False
    passive = "auxpass" in deps or tok.dep_ == "acl"
    # "mercenaries said to be massing": parsed as active, read as the passive it is.
    to_infinitive = any(
        c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.text.lower() == "to" for g in c.children)
        for c in tok.children
    )
    return (passive and bool(deps & {"xcomp", "oprd", "acomp"})) or (
        to_infinitive and "dobj" not in deps
    )


def _scare_quotes(text: str, analysis: ArticleAnalysis) -> list[Hedge]:
    """Short quoted terms in sentences where nobody is reported as speaking: the
    outlet's own distance from a word ("the 'liberation' of the town")."""
    attributed = {a.sentence for a in analysis.attributions}
    out = []
    for i, (s_start, s_end) in enumerate(analysis.sentences):
        if i in attributed:
            continue
        sentence = text[s_start:s_end]
        for m in _QUOTE.finditer(sentence):
            inner = (m.group(1) or m.group(2)).strip(" ,.;:")
            outside = (sentence[: m.start()] + sentence[m.end() :]).strip(" ,.;:")
            if not inner or len(inner.split()) > _SCARE_WORDS or len(outside.split()) < 3:
                continue
            start, end = s_start + m.start(), s_start + m.end()
            out.append(
                Hedge(text[start:end], "scare-quotes", start, end, inner, start + 1, end - 1)
            )
    return out


def hedges(analysis: ArticleAnalysis, text: str) -> list[Hedge]:
    """Every hedge and distancing mark of one article, in text order, with its
    sentence."""
    doc = analysis.doc
    if doc is None or not doc.has_annotation("DEP"):
        return []
    found = _token_hedges(doc, text) + _scare_quotes(text, analysis)
    found.sort(key=lambda h: (h.start, h.end))
    for h in found:
        h.sentence = analysis.sentence_text(text, analysis.sentence_of(h.start))
    return found
