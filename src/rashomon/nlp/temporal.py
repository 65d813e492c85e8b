"""Time expressions in an article, normalised against its publication date.

News writes dates relative to its own day: "on Tuesday", "the next day", "last
week", "early October", "since September 27". Each expression found gets an ISO
value with its precision (`day`, `week`, `month`, `year`), and says whether it was
computed from an anchor (`relative`). Rules:

- absolute dates in the common English formats ("27 October 2020", "Oct. 27, 2020",
  "2020-10-27", "October 2020", "in 1994");
- a day or month without a year takes the year that puts it nearest the anchor, on
  or before it unless the sentence speaks of the future;
- a weekday is the most recent such day on or before the anchor ("on Tuesday" in a
  Tuesday paper is that day), or the next one after it in a future sentence; "last
  Tuesday" is strictly before, "next Tuesday" strictly after;
- "today", "yesterday", "tomorrow", "the next day" (from the last day-precise date
  before it in the text), "last/this/next week, month, year", "early/mid/late
  October";
- with no anchor (an article with no publication date), relative expressions are
  kept with no value, and absolute ones still resolve.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from rashomon.nlp.quantities import number_value

__all__ = ["TimeExpression", "find_times", "is_future", "weekday_date"]

Precision = Literal["day", "week", "month", "year"]

_MONTHS = {
    name: n
    for n, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
_WEEKDAYS = {
    name: n
    for n, names in enumerate(
        [("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"),
         ("thursday", "thu", "thurs"), ("friday", "fri"), ("saturday", "sat"),
         ("sunday", "sun")]
    )
    for name in names
}  # fmt: skip

_ABBREVIATIONS = frozenset(
    {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
)
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_WEEKDAY = r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_PART = r"(?:(?P<part>early|mid|late|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of)[\s-]+)?"

_PREP = r"in|since|until|by|from|during|of|before|after|early|late|mid"
_NEXT_DAY = (
    r"\b(?:the\s+(?:next|following|previous)\s+day|a\s+day\s+(?:later|earlier)"
    r"|the\s+day\s+(?:before|after))\b"
)
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("dmy", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I)),
    ("mdy", re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I)),
    ("dm", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?![a-z])", re.I)),
    ("md", re.compile(rf"\b{_MONTH}\s+{_DAY}(?![\d:])\b", re.I)),
    ("my", re.compile(rf"\b{_PART}{_MONTH}\s+(?:of\s+)?{_YEAR}\b", re.I)),
    (
        "month_week",
        re.compile(
            rf"\b(?:the\s+)?(?P<pos>first|last|final)\s+week\s+of\s+{_MONTH}(?:\s+{_YEAR})?", re.I
        ),
    ),
    ("m", re.compile(rf"\b(?:{_PREP}|last|this|next)[\s-]+{_PART}{_MONTH}(?![a-z])", re.I)),
    ("rel_day", re.compile(r"\b(?P<rel>today|tonight|yesterday|tomorrow)\b", re.I)),
    ("next_day", re.compile(_NEXT_DAY, re.I)),
    ("weekday", re.compile(rf"\b(?:(?P<which>last|this|next|on|past)\s+)?{_WEEKDAY}\b", re.I)),
    (
        "rel_unit",
        re.compile(
            r"\b(?P<which>last|this|next|past)\s+(?P<unit>week|month|year)\b(?!\s+of\b)", re.I
        ),
    ),
    ("year", re.compile(rf"\b(?:{_PREP})[\s-]+{_YEAR}(?!\d|,\d)\b", re.I)),
    (
        "weekend",
        re.compile(
            r"\b(?:(?P<which>last|this|next|past)|(?:over|at|during|on)\s+the)\s+weekend\b", re.I
        ),
    ),
    ("the_year", re.compile(rf"\bthe\s+{_YEAR}\s+(?=[a-z])")),
    # "two days after the attack": counted from the day of a named happening
    (
        "event_offset",
        re.compile(
            r"\b(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
            r"(?P<unit>day|week)s?\s+(?P<dir>after|before|since)\s+(?:the|this|that|its)\s+"
            r"(?P<noun>[a-z]{3,})\b",
            re.I,
        ),
    ),
]

_FUTURE = re.compile(
    r"\b(?:will|shall|'ll|is\s+due\s+to|are\s+due\s+to|is\s+to\s+be|are\s+to|is\s+to|"
    r"plans?\s+to|planned\s+for|is\s+expected\s+to|are\s+expected\s+to|scheduled|"
    r"set\s+to|going\s+to|due\s+on|next|expects?|expected|forecasts?)\b",
    re.I,
)
_SENTENCE = re.compile(r"[^.!?\n]*(?:[.!?]+|\n|$)")


@dataclass(frozen=True)
class TimeExpression:
    """`value` is ISO ("2020-10-27", "2020-W43", "2020-10", "2020") or None when it
    needs an anchor the article lacks. `part` is "early", "mid" or "late" when the text
    says so; `relation` is "since" / "until" when the expression is a bound."""

    start: int
    end: int
    text: str
    value: str | None
    precision: Precision
    relative: bool
    part: str | None = None
    relation: str | None = None


def is_future(sentence: str) -> bool:
    """Whether a clause speaks of what is still to come (a crude, English test)."""
    return _FUTURE.search(sentence) is not None


def weekday_date(weekday: int, anchor: date, which: str | None, future: bool) -> date:
    """The date of a weekday (0 = Monday) named in a text dated `anchor`."""
    which = (which or "").lower()
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if which in ("last", "past"):
        return anchor - timedelta(days=back or 7)
    if which == "next" or future:
        return anchor + timedelta(days=ahead or 7)
    return anchor - timedelta(days=back)


def _nearest_year(month: int, day: int | None, anchor: date, future: bool) -> int:
    """The year that puts a day/month without a year nearest the anchor: on or before
    it (in the future after it) when that is within a year."""
    for year in (anchor.year, anchor.year - 1, anchor.year + 1):
        try:
            when = date(year, month, day or 1)
        except ValueError:
            continue
        if future and when >= (anchor if day else anchor.replace(day=1)):
            return year
        if not future and when <= (anchor if day else anchor.replace(day=1)):
            return year
    return anchor.year


def _month_shift(anchor: date, months: int) -> tuple[int, int]:
    total = anchor.year * 12 + anchor.month - 1 + months
    return total // 12, total % 12 + 1


def _relation(text: str, start: int) -> str | None:
    before = text[max(0, start - 24) : start].lower()
    m = re.search(
        r"\b(since|until|till|from|by)\s+(?:at\s+(?:the\s+)?(?:least|latest)\s+)?$", before
    )
    if m is None:
        return None
    return {"till": "until"}.get(m.group(1), m.group(1))


def _part(raw: str | None) -> str | None:
    if not raw:
        return None
    raw = " ".join(raw.lower().split())
    return {"the end of": "late", "the start of": "early", "the beginning of": "early"}.get(
        raw, raw
    )


def find_times(
    text: str, anchor: date | None, event_day: date | None = None
) -> list[TimeExpression]:
    """Every time expression in `text`, in order, normalised against `anchor` (the
    publication date), none overlapping another. `event_day` is the day of the story's
    main happening: "two days after the attack" counts from it when the text itself
    dates no attack."""
    found: list[TimeExpression] = []
    taken: list[tuple[int, int]] = []
    sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.end() > m.start()]

    def sentence_at(pos: int) -> str:
        """The words of the expression's own clause before it: the tense that dates
        it ("said on Wednesday that it will ..." is a past Wednesday)."""
        for s, e in sentences:
            if s <= pos < e:
                before = text[s:pos]
                cut = max(before.rfind(","), before.rfind(";"), before.rfind(" that "))
                return before[cut + 1 :] if cut >= 0 else before
        return ""

    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            lo, hi = m.start(), m.end()
            if any(lo < e and hi > s for s, e in taken):
                continue
            expr = _resolve(kind, m, text, anchor, sentence_at(lo))
            if expr is None:
                if kind in ("iso", "dmy", "mdy"):
                    taken.append((lo, hi))  # a full date that does not exist is no date
                continue
            taken.append((expr.start, expr.end))
            found.append(expr)
    found.sort(key=lambda t: t.start)
    return _chain(found, text, sentences, event_day)


def _resolve(
    kind: str, m: re.Match[str], text: str, anchor: date | None, sentence: str
) -> TimeExpression | None:
    g = m.groupdict()
    lo, hi = m.start(), m.end()
    month_word = (g.get("month") or "").rstrip(".").lower()
    if text[hi - 1] == "." and month_word and month_word not in _ABBREVIATIONS:
        hi -= 1  # the sentence's full stop, not an abbreviation's
    rel = _relation(text, lo)
    # "until Sunday", "by Friday": a bound ahead of the writer, unless said otherwise
    future = is_future(sentence) or rel in ("until", "by")

    def make(
        value: str | None, precision: Precision, relative: bool, start: int = lo
    ) -> TimeExpression:
        return TimeExpression(start, hi, text[start:hi], value, precision, relative,
                              _part(g.get("part")), rel)  # fmt: skip

    if kind == "iso":
        return _day(int(g["year"]), int(g["m"]), int(g["d"]), make, relative=False)
    if kind in ("dmy", "mdy"):
        return _day(int(g["year"]), _MONTHS[g["month"].lower()], int(g["day"]), make, False)
    if kind in ("dm", "md"):
        month, day = _MONTHS[g["month"].lower()], int(g["day"])
        if not 1 <= day <= 31 or (g["month"].lower() == "may" and kind == "md" and day > 31):
            return None
        if anchor is None:
            return make(None, "day", True)
        return _day(_nearest_year(month, day, anchor, future), month, day, make, True)
    if kind == "my":
        return make(f"{int(g['year']):04d}-{_MONTHS[g['month'].lower()]:02d}", "month", False)
    if kind == "m":
        word = g["month"].lower()
        if word == "may" and not g.get("part"):
            return None  # "in may" is too often the verb
        start = m.start("part") if g.get("part") else m.start("month")
        if anchor is None:
            return make(None, "month", True, start)
        month = _MONTHS[word]
        year = _nearest_year(month, None, anchor, future)
        return make(f"{year:04d}-{month:02d}", "month", True, start)
    if kind == "rel_day":
        if anchor is None:
            return make(None, "day", True)
        shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[g["rel"].lower()]
        return make((anchor + timedelta(days=shift)).isoformat(), "day", True)
    if kind in ("next_day", "event_offset"):
        # resolved by `_chain`: from the previous day-precise expression, or from the
        # day of the happening named
        return make(None, "day", True)
    if kind == "weekday":
        which = (g.get("which") or "").lower() or None
        start = lo if which in ("last", "this", "next", "past") else m.start("weekday")
        if anchor is None:
            return make(None, "day", True, start)
        when = weekday_date(_WEEKDAYS[g["weekday"].lower()], anchor, which, future)
        return make(when.isoformat(), "day", True, start)
    if kind == "rel_unit":
        if anchor is None:
            return make(None, "year" if g["unit"] == "year" else "month", True)
        step = {"last": -1, "past": -1, "this": 0, "next": 1}[g["which"].lower()]
        unit = g["unit"].lower()
        if unit == "week":
            monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=step)
            iso = monday.isocalendar()
            return make(f"{iso.year:04d}-W{iso.week:02d}", "week", True)
        if unit == "month":
            year, month = _month_shift(anchor, step)
            return make(f"{year:04d}-{month:02d}", "month", True)
        return make(f"{anchor.year + step:04d}", "year", True)
    if kind == "month_week":
        # "the last week of February": the ISO week holding the month's last (or first) day
        month = _MONTHS[g["month"].lower()]
        if g.get("year"):
            year = int(g["year"])
        elif anchor is None:
            return make(None, "week", True)
        else:
            year = _nearest_year(month, None, anchor, future)
        first = date(year, month, 1)
        end_of_month = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        iso = (first if g["pos"].lower() == "first" else end_of_month).isocalendar()
        return make(f"{iso.year:04d}-W{iso.week:02d}", "week", g.get("year") is None)
    if kind == "weekend":
        if anchor is None:
            return make(None, "week", True)
        which = (g.get("which") or "").lower() or None
        saturday = weekday_date(5, anchor, which, future)
        iso = saturday.isocalendar()
        return make(f"{iso.year:04d}-W{iso.week:02d}", "week", True)
    if kind in ("year", "the_year"):
        # "in 1994", "the 2019 ceasefire"
        start = m.start("year")
        end = m.end("year")
        return TimeExpression(start, end, text[start:end], g["year"], "year", False, None, rel)
    return None


def _day(
    year: int, month: int, day: int, make: Callable[..., TimeExpression], relative: bool
) -> TimeExpression | None:
    try:
        value = date(year, month, day).isoformat()
    except ValueError:
        return None
    return make(value, "day", relative)


def _chain(
    found: list[TimeExpression],
    text: str,
    sentences: list[tuple[int, int]],
    event_day: date | None,
) -> list[TimeExpression]:
    """ "The next day" counts from the last day-precise date before it; "two days
    after the attack" from a day the text gives in a sentence naming the attack, else
    from the story's `event_day`."""
    out: list[TimeExpression] = []
    last: date | None = None
    for t in found:
        offset = _OFFSET.match(t.text)
        if t.value is None and offset is not None:
            base = _day_of_happening(offset.group("noun"), found, text, sentences) or event_day
            if base is not None:
                n = 1 if offset["n"].lower() == "a" else int(number_value(offset["n"]) or 1)
                days = n * (7 if offset["unit"].lower() == "week" else 1)
                sign = -1 if offset["dir"].lower() == "before" else 1
                when = base + timedelta(days=sign * days)
                t = TimeExpression(t.start, t.end, t.text, when.isoformat(), "day", True,
                                   t.part, t.relation)  # fmt: skip
        chained = re.match(r"(?:the|a)\s", t.text, re.I) is not None and offset is None
        if t.value is None and t.precision == "day" and chained and last is not None:
            back = re.search(r"previous|earlier|before", t.text, re.I) is not None
            when = last + timedelta(days=-1 if back else 1)
            t = TimeExpression(t.start, t.end, t.text, when.isoformat(), "day", True,
                               t.part, t.relation)  # fmt: skip
        if t.value is not None and t.precision == "day":
            last = date.fromisoformat(t.value)
        out.append(t)
    return out


_OFFSET = dict(_PATTERNS)["event_offset"]


def _day_of_happening(
    noun: str, found: list[TimeExpression], text: str, sentences: list[tuple[int, int]]
) -> date | None:
    """The day the text itself gives the happening: a day-precise date in a sentence
    that names it ("the attack on Tuesday")."""
    stem = re.compile(rf"\b{re.escape(noun[:5].lower())}", re.I)
    for t in found:
        if t.value is None or t.precision != "day" or _OFFSET.match(t.text):
            continue
        sentence = next((text[s:e] for s, e in sentences if s <= t.start < e), "")
        # "On Thursday, two days after the attack": that day is the offset's, not the attack's
        if stem.search(sentence) and not _OFFSET.search(sentence):
            return date.fromisoformat(t.value)
    return None
