"""Bytes to text: detect binary data, honour BOMs, fall back to charset detection.

Raises `Undecodable` with a sentence a user understands; readers turn it into a
rejected article.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes


class Undecodable(ValueError):
    """The bytes are not text rashomon can read; the message says why."""


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control bytes other than tab, newline, form feed and carriage return.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
_CONTROL_TABLE = bytes.maketrans(b"", b"")


def looks_binary(data: bytes) -> bool:
    """True for data that is not text in any encoding a news article uses."""
    head = data[:8192]
    if not head:
        return False
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(_CONTROL_TABLE, _CONTROL))
    return controls / len(head) > 0.05


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Decode `data`, trying a BOM, the declared charset, UTF-8, then detection."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                break
    if looks_binary(data):
        raise Undecodable("binary data, not text")
    if declared:
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    western = _western(data)
    if western is not None:
        return western
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise Undecodable("text in an encoding that could not be detected")
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise Undecodable(f"text that does not decode as {best.encoding}") from None


_TYPOGRAPHY = set("\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u20ac\u00a0\u00ab\u00bb\u00b0\u00a9")


def _western(data: bytes) -> str | None:
    """Windows-1252, the commonest legacy encoding of news text, when the bytes read
    as Latin text with a few accented letters. Detectors guess poorly on short texts;
    a text in another script read this way is mostly accented letters, and is left to
    the detector."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return None
    accented = sum(1 for c in letters if not c.isascii())
    strange = sum(1 for c in text if not c.isascii() and not c.isalpha() and c not in _TYPOGRAPHY)
    if accented / len(letters) <= 0.15 and strange <= max(2, len(text) // 500):
        return text
    return None
