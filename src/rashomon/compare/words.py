"""The content words of a statement, for comparing statements by what they name:
lower case, stop words out, a light stem so that "strike" and "strikes" meet."""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["STOPWORDS", "content_words", "stem"]

STOPWORDS = frozenset(
    """the a an and or but of in on at to for from by with as that this these those it its
    is are was were be been being has have had will would could may might can not no
    said says say told also than then there their they them he she his her we our you
    who which what when where while after before since about over into more most some
    any all both each other such only very just""".split()  # noqa: SIM905
)


def stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def content_words(text: str, skip: Iterable[str] = (), min_length: int = 3) -> set[str]:
    """The stems of `text`'s words of at least `min_length` letters, without stop
    words and without the words in `skip`."""
    leave = STOPWORDS | frozenset(skip)
    return {
        stem(w)
        for w in re.findall(r"[a-z]+", text.lower())
        if len(w) >= min_length and w not in leave
    }
