"""Amounts in an article: numerals, number words and vague amounts ("hundreds",
"several dozen", "at least 64", "more than 1,000", "30 to 40"), each as an interval
with what it counts (the noun and the event: killed, wounded, sent) and whether it
is approximate. Two amounts of the same thing conflict when their intervals do not
meet: "at least 64" and "70" agree, "hundreds" and "thousands" do not.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

__all__ = ["Quantity", "compatible", "find_quantities", "number_value"]

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a dozen": 12, "dozen": 12,
    # how often: "seen over the harbour twice"
    "twice": 2, "thrice": 3,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# Vague amounts: the interval a reader takes them to mean.
_VAGUE = [
    (r"tens\s+of\s+thousands", 20_000, 99_999),
    (r"hundreds\s+of\s+thousands", 200_000, 999_999),
    (r"(?:several|a\s+few)\s+dozen", 24, 99),
    (r"(?:several|a\s+few)\s+hundred", 200, 999),
    (r"(?:several|a\s+few)\s+thousand", 2_000, 9_999),
    (r"dozens", 24, 99),
    (r"scores", 40, 199),
    (r"hundreds", 200, 999),
    (r"thousands", 2_000, 9_999),
    (r"millions", 2_000_000, 9_999_999),
]
# ("230, 000": text converted from tokens keeps a space after the thousands' comma;
# only before "000", since "on May 5, 300 people marched" is two numbers)
_NUMBER = (
    r"\d{1,3}(?:,\d{3}|, 000(?!\d))+(?:\.\d+)?|\d+(?:\.\d+)?"
    r"|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-])?"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen)"
    r"|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a\s+dozen|twice|thrice"
)
_SCALE = r"(?:\s+(?P<scale>hundred|thousand|million|billion))?"
_LOWER = r"at\s+least|more\s+than|over|upwards\s+of|no\s+fewer\s+than|not\s+less\s+than"
_UPPER = r"up\s+to|as\s+many\s+as|at\s+most|fewer\s+than|less\s+than|no\s+more\s+than|under"
_ABOUT = r"about|around|roughly|nearly|almost|approximately|some|an\s+estimated|close\s+to"
_PATTERN = re.compile(
    rf"(?<![\w.,])(?:(?P<bound>{_LOWER}|{_UPPER}|{_ABOUT})\s+)?"
    rf"(?:between\s+)?(?P<a>{_NUMBER}){_SCALE}"
    rf"(?:\s*(?:-|–|to|and)\s*(?P<b>{_NUMBER})(?P<scale2>\s+(?:hundred|thousand|million))?)?"
    rf"(?![\w])",
    re.I,
)
_VAGUE_PATTERN = re.compile(
    r"(?<![\w])(?:" + "|".join(f"(?P<v{i}>{p})" for i, (p, _, _) in enumerate(_VAGUE)) + r")\b",
    re.I,
)
# Words that make a number something other than a count of things.
_NOT_COUNTS = frozenset(
    """percent per cent % am pm a.m. p.m. km kilometres kilometers miles metres meters
    o'clock year years month months week weeks day days hour hours minute minutes
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday
    friday saturday sunday""".split()  # noqa: SIM905
)
_DETERMINERS = frozenset({"the", "these", "those", "both", "all", "its", "their", "his", "her"})
_TOLLS = frozenset({"toll", "tally", "count", "number", "figure", "total"})


@dataclass(frozen=True)
class Quantity:
    """`low`/`high` bound the amount (`high` is inf when open); `approximate` for
    vague or hedged amounts. `counted` is the noun it counts (lemma) and `event` the
    verb or noun of what happened to them ("kill", "toll"), when the parse says."""

    start: int
    end: int
    text: str
    low: float
    high: float
    approximate: bool
    counted: str | None
    event: str | None
    sentence: int

    def to_list(self) -> list[Any]:
        high = None if math.isinf(self.high) else self.high
        return [self.start, self.end, self.text, self.low, high, self.approximate,
                self.counted, self.event, self.sentence]  # fmt: skip

    @classmethod
    def from_list(cls, data: list[Any]) -> Quantity:
        start, end, text, low, high, approximate, counted, event, sentence = data
        high = math.inf if high is None else high
        return cls(start, end, text, low, high, approximate, counted, event, sentence)

    @property
    def value(self) -> float | list[float | None]:
        """The amount, or [low, high] with None for an open bound; whole numbers as int."""
        if self.low == self.high:
            return _plain(self.low)
        return [_plain(self.low), None if math.isinf(self.high) else _plain(self.high)]


def _plain(x: float) -> float:
    return int(x) if float(x).is_integer() else x


def number_value(raw: str) -> float | None:
    """The value of a numeral or number word ("1,200", "thirty-one", "twice"), else None."""
    raw = " ".join(raw.lower().replace("-", " ").split())
    raw = re.sub(r"(?<=\d), (?=000\b)", ",", raw)  # "230, 000"
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", raw):
        return float(raw.replace(",", ""))
    if raw in _UNITS:
        return float(_UNITS[raw])
    parts = raw.split()
    if len(parts) == 2 and parts[0] in _UNITS and parts[1] in _UNITS:
        return float(_UNITS[parts[0]] + _UNITS[parts[1]])
    return None


def compatible(a: Quantity, b: Quantity) -> bool:
    """Whether two amounts of the same thing can both be true (their intervals meet)."""
    return a.low <= b.high and b.low <= a.high


def find_quantities(doc: Any) -> list[Quantity]:
    """Every amount in a parsed article that counts something, in order."""
    text: str = doc.text
    sent_of = {}
    for i, s in enumerate(doc.sents):
        for t in s:
            sent_of[t.i] = i
    out: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for m in _VAGUE_PATTERN.finditer(text):
        k = next(int(name[1:]) for name, v in m.groupdict().items() if v)
        _, vague_low, vague_high = _VAGUE[k]
        q = _make(doc, text, m.start(), m.end(), vague_low, vague_high, True, sent_of)
        if q is not None:
            out.append(q)
            taken.append((m.start(), m.end()))
    for m in _PATTERN.finditer(text):
        if any(m.start() < e and m.end() > s for s, e in taken):
            continue
        a = number_value(m.group("a"))
        if a is None:
            continue
        scale = _SCALES.get((m.group("scale") or "").lower(), 1)
        low = high = a * scale
        if m.group("b"):
            b = number_value(m.group("b"))
            if b is None:
                continue
            scale2 = _SCALES.get((m.group("scale2") or "").strip().lower(), scale)
            low, high = min(low, b * scale2), max(low, b * scale2)
        bound = " ".join((m.group("bound") or "").lower().split())
        approximate = bool(m.group("b"))
        if bound and re.fullmatch(_LOWER, bound):
            strict = bound in ("more than", "over", "upwards of")
            low, high = (low + 1 if strict else low), math.inf
        elif bound and re.fullmatch(_UPPER, bound):
            strict = bound in ("fewer than", "less than", "under")
            low, high = 0.0, (high - 1 if strict else high)
        elif bound:
            low = float(math.floor(round(low * 0.9, 6)))
            high, approximate = float(math.ceil(round(high * 1.1, 6))), True
        before = text[max(0, m.start() - 12) : m.start()].lower().split()
        if before and before[-1] in _DETERMINERS and high <= 3:
            continue  # "the two leaders", "all three": who, not how many
        if before and before[-1] == "no":
            low = high = 0.0  # "no one was hurt"
        elif before and before[-1].strip(".,") in _NOT_COUNTS:
            continue  # "October 6": a day of a month
        elif m.group("a").lower() == "one" and not bound and not m.group("b"):
            continue  # "one side", "one source": an article, not a count
        q = _make(doc, text, m.start(), m.end(), low, high, approximate, sent_of)
        if q is not None:
            out.append(q)
            taken.append((m.start(), m.end()))
    out.sort(key=lambda q: q.start)
    return out


def _make(
    doc: Any, text: str, lo: int, hi: int, low: float, high: float, approximate: bool,
    sent_of: dict[int, int],
) -> Quantity | None:  # fmt: skip
    span = doc.char_span(lo, hi, alignment_mode="expand")
    if span is None:
        return None
    after = text[hi : hi + 12].lower().split()
    if after and after[0].strip(".,;:") in _NOT_COUNTS:
        return None
    if re.fullmatch(r"(?:1[89]|20)\d\d", text[lo:hi].strip()):
        return None  # a year
    counted, event = _counted(span)
    # The model calls some counts dates ("between 30 and 40 houses", "the toll stands
    # at 14"): a number that counts a noun or a toll is a count whatever its label.
    kinds = {t.ent_type_ for t in span} & {"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL"}
    if kinds and not ((counted or event in _TOLLS) and kinds == {"DATE"}):
        return None
    if counted is None and event is None:
        return None
    return Quantity(lo, hi, text[lo:hi], low, high, approximate, counted, event,
                    sent_of.get(span.start, 0))  # fmt: skip


def _counted(span: Any) -> tuple[str | None, str | None]:
    """The noun a number counts and the event it is counted in: "12 people were
    killed" -> (people, kill); "the toll at 14" -> (None, toll); "hundreds have been
    killed" -> (None, kill)."""
    root = span.root
    noun = None
    head = root
    if root.dep_ == "nummod" and root.head.pos_ in ("NOUN", "PROPN"):
        noun = root.head
    elif root.pos_ in ("NOUN", "NUM") and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in root.children
    ):
        of = next(c for c in root.children if c.dep_ == "prep" and c.lower_ == "of")
        noun = next((g for g in of.children if g.dep_ == "pobj"), None)
    if noun is not None:
        head = noun
    event = None
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_ in _TOLLS:
        return None, root.head.head.lemma_.lower()  # "the official count of 14"
    for tok in [head, *head.ancestors][:4]:
        if tok.pos_ == "VERB" and tok.i != head.i:
            event = tok.lemma_.lower()
            break
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ == "VERB":
            # "puts the toll at 14", "the toll stands at 14": the verb's object or
            # subject says what is counted
            verb = tok.head.head
            for c in verb.children:
                if c.dep_ in ("dobj", "nsubj") and c.lemma_.lower() in _TOLLS:
                    return None, c.lemma_.lower()
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.pos_ == "VERB":
        event = root.head.lemma_.lower()
    if event is None:
        # A headline's reduced clause: "Dozens feared dead", "12 killed as ..."
        reduced = next((c for c in head.children if c.dep_ in ("acl", "relcl")
                        and c.pos_ == "VERB"), None)  # fmt: skip
        if reduced is not None:
            event = reduced.lemma_.lower()
    if noun is None and root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ == "conj":
        # "12 people were killed and 30 wounded": the second amount counts the same
        first = next((c for c in root.head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if first is not None and any(c.dep_ == "nummod" for c in first.children):
            noun = first
    if noun is None:
        antecedent = _their_number(span)
        if antecedent is not None:
            return antecedent
    if event in _HELD and not any(_held(t) for t in (noun, root) if t is not None):
        event = None  # "a funeral for seven of the victims will be held": no one is held
    counted = noun.lemma_.lower() if noun is not None else None
    if counted is None and event is None:
        return None, None
    return counted, event


# Verbs that count the ones held only when those are what is held ("police held 12
# protesters", "12 people were held"), not when a thing about them is ("a funeral for
# seven victims will be held").
_HELD = frozenset({"hold"})


def _held(tok: Any) -> bool:
    """Whether a word is what a "hold" verb holds: its object, or its passive subject
    when no other subject comes first (the parse gives "A funeral for seven ... will
    be held" two)."""
    verb = tok.head
    if verb.lemma_.lower() not in _HELD or tok.dep_ not in ("dobj", "nsubjpass"):
        return False
    return tok.dep_ == "dobj" or not any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i for c in verb.children
    )


def _their_number(span: Any) -> tuple[str, str | None] | None:
    """A bare amount in a sentence about "their number" ("Estimates of their number
    vary, from a few dozen to several hundred") counts the plural subject of the
    sentence before, in the event that subject is in ("fighters ... are joining")."""
    sent = span.sent
    if not _THEIR_NUMBER.search(sent.text):
        return None
    if sent.start == 0:
        return None
    before = span.doc[sent.start - 1].sent
    subject = next(
        (t for t in before if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ in ("NNS", "NNPS")),
        None,
    )
    if subject is None:
        return None
    verb = subject.head
    # "are said to be joining": the happening is the reported verb, not the report
    verb = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), verb)
    return subject.lemma_.lower(), verb.lemma_.lower() if verb.pos_ in ("VERB", "AUX") else None


_THEIR_NUMBER = re.compile(r"\btheir\s+(?:\w+\s+)?(?:numbers?|toll|count|total|tally)\b", re.I)
