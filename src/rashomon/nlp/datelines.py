"""Datelines: where and by whom a wire story was filed, before its first sentence
("SIOUX FALLS, S.D. – ", "WASHINGTON (Reuters) - "). No part of what anyone says."""

from __future__ import annotations

import re

__all__ = ["dateline_length", "without_dateline"]


# "SIOUX FALLS, S.D. – ", "SALTMARSH, Tarvonia (Meridian) - ", "WASHINGTON (Reuters) -":
# where and by whom a wire story was filed, before its first sentence.
# A date may come before the agency ("Oct 6 (Reuters) - "), and a story may give the
# agency alone ("(Reuters) - ").
_DATE = r"(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'\u2019-]+(?:\s+[A-Z][A-Z.'\u2019-]+)*"
    r"(?:,\s*[A-Z][\w.'\u2019]*(?:\s+[A-Z][\w.'\u2019]*){0,2})?"
    rf"{_DATE}\s*(?:\([^()]{{1,40}}\))?|{_DATE}\s*\([^()]{{1,40}}\))"
    r"\s*[-\u2013\u2014]{1,2}\s+(?=[A-Z0-9\"\u201c\u2018'])"
)


def dateline_length(text: str) -> int:
    """How many characters of `text` a dateline takes at its start (0 for none)."""
    m = _DATELINE.match(text)
    if m is None or len(m.group(0).split()) > 8:
        return 0
    return m.end()


def without_dateline(text: str) -> str:
    """A sentence without the dateline a wire story opens with."""
    return text[dateline_length(text) :]
