"""Quotations in cleaned article text, as character spans.

Scraped text is messy: a closing mark may be lost, straight and curly marks mix,
and a quotation running over several paragraphs conventionally reopens each
paragraph without closing the previous one, in double marks or single ones. The
scanner never fails: a quote left open ends where its sentence ends, unless the next
paragraph reopens it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Quote", "find_quotes"]

_OPEN = "\u201c"
_CLOSE = "\u201d"
_SINGLE_OPEN = "\u2018"
_SINGLE_CLOSE = "\u2019"
# The end of a sentence inside an unclosed quote: a stop followed by a space and a
# capital (or the end of the paragraph).
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\u201c\"]|\s*$)")
# Titles whose full stop ends no sentence ("Do not trust Mr. Nichols").
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "capt", "sgt", "sen",
                     "rep", "gov", "st", "jr", "sr", "no", "rev", "hon", "maj", "adm"})  # fmt: skip


@dataclass(frozen=True)
class Quote:
    """`start`/`end` span the quoted words without the marks; `closed` is False when
    the closing mark was missing and the end was inferred."""

    start: int
    end: int
    closed: bool = True

    def words(self, text: str) -> int:
        return len(text[self.start : self.end].split())


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _is_single_open(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([—–-") and after.isalnum()


def _is_single_close(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    # Not an apostrophe inside a word ("Russia’s", "don’t"); a mark set off by a space
    # after a clause's comma or stop closes too ("the centre, ' her agent said", as
    # text rebuilt from tokens sets it).
    spaced = text[i - 2 : i] in (", ", ". ", "! ", "? ")
    return (spaced or not before.isspace()) and not after.isalnum()


def _is_possessive(text: str, i: int) -> bool:
    """A straight mark after a plural's "s" and before a lower-case word ("the
    students' union"): an apostrophe, not the end of a quotation."""
    return text[i - 1 : i] in ("s", "S") and re.match(r"\s+[a-z]", text[i + 1 : i + 3]) is not None


def _scan(text: str, lo: int, hi: int, runs_on: bool = False) -> tuple[list[Quote], int | None]:
    """Quotes in one paragraph, and the content start of a quote left open at its end.
    A straight single mark ("said 'It sounded unbelievable.'", as some outlets set
    quotations) opens a quotation only when the same paragraph closes it, or when it
    opens the paragraph and the quotation `runs_on` into the next ones; otherwise it
    was an apostrophe ("the '90s") and the paragraph is read again without it."""
    skip: set[int] = set()
    while True:
        quotes, start, mark, opened = _scan_once(text, lo, hi, skip)
        if mark == "'" and opened is not None and not (runs_on and opened == lo):
            skip.add(opened)
            continue
        titles = [q for q in quotes if text[q.start - 1] == "'" and _title(text[q.start : q.end])]
        if not titles:
            return quotes, start
        skip.update(q.start - 1 for q in titles)


_SMALL_WORDS = frozenset({"of", "the", "and", "a", "an", "in", "on", "at", "to", "for", "with"})


def _title(words: str) -> bool:
    """Whether words in straight single marks are a title ("'The Hobbit: The Battle of
    the Five Armies'"), not a quotation: a few words, each capitalised but the small
    ones."""
    found = re.findall(r"[^\W\d_][\w'’-]*", words)
    return 0 < len(found) <= 10 and all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in found)


def _scan_once(
    text: str, lo: int, hi: int, skip: set[int]
) -> tuple[list[Quote], int | None, str | None, int | None]:
    quotes: list[Quote] = []
    start: int | None = None
    mark: str | None = None
    i = lo
    while i < hi:
        ch = text[i]
        if start is None:
            single = ch == _SINGLE_OPEN or (ch == "'" and i not in skip)
            if ch in (_OPEN, '"') or (single and _is_single_open(text, i)):
                start, mark = i + 1, ch
        elif mark == _OPEN and ch == _CLOSE:
            quotes.append(Quote(start, i))
            start = mark = None
        elif mark == _OPEN and ch == _OPEN:
            # A second opening mark: the first one was never closed.
            quotes.append(_open_quote(text, start, i))
            start = i + 1
        elif (
            (mark == '"' and ch == '"')
            or (mark == _SINGLE_OPEN and ch == _SINGLE_CLOSE and _is_single_close(text, i))
            or (mark == ch == "'" and _is_single_close(text, i) and not _is_possessive(text, i))
        ):
            quotes.append(Quote(start, i))
            start = mark = None
        i += 1
    return quotes, start, mark, (start - 1 if start is not None else None)


def _open_quote(text: str, start: int, limit: int) -> Quote:
    """An unclosed quote: up to the end of its first sentence, within `limit`."""
    end = limit
    for m in _SENTENCE_END.finditer(text, start, limit):
        word = re.search(r"(\w+)$", text[start : m.start()])
        if m.group() == "." and word and word.group(1).lower() in _TITLES:
            continue
        end = m.end()
        break
    while end > start and text[end - 1].isspace():
        end -= 1
    return Quote(start, end, closed=False)


def _reopens(text: str, i: int, opener: str) -> bool:
    """Whether a paragraph starting at `i` opens again a quotation opened by `opener`:
    with a mark of the same kind, double or single (a straight single one before a
    capital, as no apostrophe opens a sentence but "'Tis" and "'90s")."""
    ch = text[i : i + 1]
    if opener in (_OPEN, '"'):
        return ch in (_OPEN, '"')
    if ch == "'":
        return text[i + 1 : i + 2].isupper()
    return ch == _SINGLE_OPEN


def _closed_later(
    text: str, paragraphs: list[tuple[int, int]], n: int, opener: str
) -> tuple[int, int] | None:
    """Where a quotation opened by `opener` and left open at the end of paragraph `n`,
    and not reopened, is closed in a later paragraph with no mark of its own before
    the closing one (text set one sentence to a line: '"It was a team effort.' then
    'Not one man, " Bush said.'): (that paragraph's index, the closing mark's offset)."""
    if opener not in (_OPEN, '"'):
        return _single_closed_later(text, paragraphs, n)
    for m in range(n + 1, min(n + 4, len(paragraphs))):
        lo, hi = paragraphs[m]
        if m == n + 1 and text[lo] in (_OPEN, '"'):
            return None
        marks = [i for i in range(lo, hi) if text[i] in (_OPEN, _CLOSE, '"')]
        if not marks:
            continue
        first = marks[0]
        if text[first] == _CLOSE:
            return m, first
        after = text[first + 1 : first + 2]
        if (
            text[first] == '"'
            and sum(text[i] == '"' for i in marks) % 2 == 1
            and not after.isalnum()  # 'said: "We are aware' opens a quotation
        ):
            return m, first
        return None
    return None


def _single_closed_later(
    text: str, paragraphs: list[tuple[int, int]], n: int
) -> tuple[int, int] | None:
    """`_closed_later` for single marks, where most marks are apostrophes: the first
    mark outside a word in the next paragraphs must close a clause ("body', the
    message said", "body,' it said"), or the quotation is not found to close."""
    for m in range(n + 1, min(n + 4, len(paragraphs))):
        lo, hi = paragraphs[m]
        marks = [
            i for i in range(lo, hi)
            if text[i] in (_SINGLE_OPEN, _SINGLE_CLOSE, "'")
            and not (text[i - 1 : i].isalnum() and text[i + 1 : i + 2].isalnum())
        ]  # fmt: skip
        if not marks:
            continue
        first = marks[0]
        ended = text[lo:first].rstrip()[-1:] in (",", ".", "!", "?")
        clause_ends = ended or text[first + 1 : first + 2] in (",", ";")
        closes = text[first] != _SINGLE_OPEN and _is_single_close(text, first)
        if closes and clause_ends and not _is_possessive(text, first):
            return m, first
        return None
    return None


def _runs_on(text: str, paragraphs: list[tuple[int, int]], n: int) -> bool:
    """Whether a straight single mark opening paragraph `n` opens a quotation that the
    next paragraph reopens or a later one closes ("'Representatives will compete." then
    "This will give a boost', the message said.")."""
    lo = paragraphs[n][0]
    if not _reopens(text, lo, "'"):
        return False
    nxt = paragraphs[n + 1][0] if n + 1 < len(paragraphs) else None
    reopened = nxt is not None and _reopens(text, nxt, "'")
    return reopened or _closed_later(text, paragraphs, n, "'") is not None


def find_quotes(text: str) -> list[Quote]:
    """Every quotation in `text`, in order; a multi-paragraph quotation is one span."""
    out: list[Quote] = []
    pending: int | None = None  # start of a quote left open at the previous paragraph's end
    paragraphs = _paragraphs(text)
    resume: dict[int, int] = {}  # paragraph -> where to scan from, after a closing mark
    for n, (lo, hi) in enumerate(paragraphs):
        if n in resume:
            if resume[n] < 0:
                continue  # inside a quotation that closes further on
            lo = resume[n]
            if lo >= hi:
                continue
        reopens = pending is not None and n not in resume and _reopens(text, lo, text[pending - 1])
        if pending is not None and not reopens:
            prev_hi = paragraphs[n - 1][1]
            out.append(_open_quote(text, pending, prev_hi))
            pending = None
        quotes, still_open = _scan(text, lo, hi, _runs_on(text, paragraphs, n))
        if pending is not None and reopens:
            # The quotation goes on in this paragraph: join it to the pending start.
            if quotes and quotes[0].start == lo + 1:
                first = quotes.pop(0)
                quotes.insert(0, Quote(pending, first.end, first.closed))
                pending = None
            elif not quotes and still_open == lo + 1:
                still_open = pending
                pending = None
            else:
                out.append(_open_quote(text, pending, paragraphs[n - 1][1]))
                pending = None
        out.extend(quotes)
        if still_open is not None:
            # Left open at the paragraph's end: continued if the next paragraph reopens.
            nxt = paragraphs[n + 1][0] if n + 1 < len(paragraphs) else None
            opener = text[still_open - 1]
            later = _closed_later(text, paragraphs, n, opener)
            if nxt is not None and _reopens(text, nxt, opener):
                pending = still_open
            elif later is not None:
                m, close = later
                out.append(Quote(still_open, close))
                resume.update({k: -1 for k in range(n + 1, m)})
                resume[m] = close + 1
            else:
                out.append(_open_quote(text, still_open, hi))
    if pending is not None:
        out.append(_open_quote(text, pending, paragraphs[-1][1]))
    return [q for q in map(lambda q: _trimmed(text, q), out) if q.end > q.start]


def _trimmed(text: str, q: Quote) -> Quote:
    """A quotation without the spaces inside its marks ('" It's hot "')."""
    start, end = q.start, q.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Quote(start, end, q.closed) if (start, end) != (q.start, q.end) else q
