"""Dates as inputs state them -> ISO 8601 (`2020-10-28`, or `2020-10`, `2020` when
only that much is given). None when a value is not a date: never invented.

Fast paths for ISO, RFC 822 (feeds) and the common written forms; no relative
dates here ("on Tuesday" is the timeline's job, against a publication date).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime

__all__ = ["to_iso_date"]

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"  # noqa: E501
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d{2})"

_ISO = re.compile(
    r"(?<!\d)(?P<year>(?:1[89]|20)\d{2})-(?P<month>[01]?\d)(?:-(?P<day>[0-3]?\d))?(?!\d)"
)
_ISO_COMPACT = re.compile(r"^(?P<year>(?:1[89]|20)\d{2})(?P<month>[01]\d)(?P<day>[0-3]\d)(?:T|$)")
_DAY_MONTH_YEAR = re.compile(rf"\b{_DAY}\s*(?:of\s+)?{_MONTH},?\s*{_YEAR}\b", re.I)
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s*{_DAY},?\s*{_YEAR}\b", re.I)
_MONTH_YEAR = re.compile(rf"\b{_MONTH},?\s*{_YEAR}\b", re.I)
_NUMERIC = re.compile(
    r"(?<![\d.])(?P<a>\d{1,2})\s*(?P<sep>[./])\s*(?P<b>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4}|\d{2})(?![\d.])"
)
_YEAR_ONLY = re.compile(r"^\s*(?P<year>(?:1[89]|20)\d{2})\s*$")
_RFC822 = re.compile(r"^\s*(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}")


def _latest_allowed() -> date:
    # A stated date can be today in another time zone, not later.
    return (datetime.now(UTC) + timedelta(days=1)).date()


def _valid(year: int, month: int | None, day: int | None) -> str | None:
    if not 1800 <= year <= _latest_allowed().year:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        d = date(year, month, day)
    except ValueError:
        return None
    if d > _latest_allowed():
        return None
    return d.isoformat()


def _from_epoch(value: float) -> str | None:
    # Seconds, or milliseconds when the number is too large to be seconds.
    if value > 1e11:
        value /= 1000
    try:
        d = datetime.fromtimestamp(value, UTC).date()
    except (OverflowError, OSError, ValueError):
        return None
    return _valid(d.year, d.month, d.day)


def to_iso_date(value: str | int | float | None) -> str | None:
    """The ISO date stated by `value`, at the precision it states, or None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    text = str(value).strip()
    if not text or len(text) > 200:
        return None
    if text.isdigit() and len(text) in (10, 13):
        return _from_epoch(float(text))
    if m := _ISO_COMPACT.match(text):
        return _valid(int(m["year"]), int(m["month"]), int(m["day"]))
    if m := _ISO.search(text):
        day = int(m["day"]) if m["day"] else None
        return _valid(int(m["year"]), int(m["month"]), day)
    if _RFC822.match(text):
        try:
            d = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            d = None
        if d is not None:
            return _valid(d.year, d.month, d.day)
    if m := _DAY_MONTH_YEAR.search(text):
        return _valid(int(m["year"]), _MONTHS[m["month"].lower().rstrip(".")], int(m["day"]))
    if m := _MONTH_DAY_YEAR.search(text):
        return _valid(int(m["year"]), _MONTHS[m["month"].lower().rstrip(".")], int(m["day"]))
    if m := _NUMERIC.search(text):
        return _numeric(int(m["a"]), int(m["b"]), m["y"])
    if m := _MONTH_YEAR.search(text):
        return _valid(int(m["year"]), _MONTHS[m["month"].lower().rstrip(".")], None)
    if m := _YEAR_ONLY.match(text):
        return _valid(int(m["year"]), None, None)
    return None


def _numeric(a: int, b: int, y: str) -> str | None:
    """dd/mm/yyyy or mm/dd/yyyy: only when the order is unambiguous, or when both
    readings give the same date."""
    year = int(y) if len(y) == 4 else 2000 + int(y)
    if year > _latest_allowed().year:
        year -= 100
    day_first = _valid(year, b, a) if a <= 31 and b <= 12 else None
    month_first = _valid(year, a, b) if a <= 12 and b <= 31 else None
    if day_first and month_first and day_first != month_first:
        return None
    return day_first or month_first
