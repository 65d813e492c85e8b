"""Dedup: exact duplicates by the hash of the normalised text, near-duplicates
(syndicated copies, re-scrapes with other furniture) by MinHash LSH over word
shingles. Streaming: each article is checked against those seen before it, so the
first one seen stays the original."""

from __future__ import annotations

import re
import zlib

import numpy as np
from datasketch import MinHash, MinHashLSH

from rashomon import errors
from rashomon.model import Article
from rashomon.settings import Settings

__all__ = ["Deduplicator", "shingles"]

_WORD = re.compile(r"\w+")


def shingles(text: str, size: int) -> set[bytes]:
    """Overlapping runs of `size` lower-cased words (the whole text when shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def _hash32(b: bytes) -> int:
    # crc32 is fast, stable across runs and platforms, and spreads well enough for
    # MinHash over word shingles.
    return zlib.crc32(b)


class Deduplicator:
    """Marks articles as duplicates of earlier ones, in the order they are given."""

    def __init__(self, settings: Settings) -> None:
        self._threshold = settings.near_duplicate_threshold
        self._size = settings.shingle_size
        self._perms = settings.minhash_permutations
        self._exact: dict[str, str] = {}
        if not 0 < self._threshold <= 1:
            raise errors.bad_setting(
                "near_duplicate_threshold", f"must be above 0 and at most 1, not {self._threshold}"
            )
        # The index finds candidates at a threshold it can represent with these
        # permutations; each candidate is then checked against the real threshold.
        self._lsh = MinHashLSH(threshold=min(max(self._threshold, 0.05), 0.9), num_perm=self._perms)
        # Only the hash values are kept per article (a few hundred bytes each).
        self._signatures: dict[str, np.ndarray] = {}
        self._template = MinHash(num_perm=self._perms, seed=1, hashfunc=_hash32)

    def check(self, article: Article) -> Article:
        """Set `status`/`duplicate_of` when `article` repeats an earlier one."""
        if article.status != "ok" or article.content_hash is None:
            return article
        original = self._exact.get(article.content_hash)
        if original is not None:
            article.status, article.duplicate_of = "duplicate", original
            article.reason = f"the same text as {original}"
            return article
        self._exact[article.content_hash] = article.id
        sig = self._minhash(article.text)
        best: tuple[float, str] | None = None
        for key in self._lsh.query(sig):
            # The share of equal hash values estimates the Jaccard similarity.
            score = float(np.mean(sig.hashvalues == self._signatures[key]))
            if score >= self._threshold and (best is None or (score, key) > best):
                best = (score, key)
        if best is not None:
            article.status, article.duplicate_of = "duplicate", best[1]
            article.reason = (
                f"a near-copy of {best[1]} (about {round(best[0] * 100)}% of word sequences "
                "shared; syndicated or republished)"
            )
            return article
        self._lsh.insert(article.id, sig)
        self._signatures[article.id] = sig.hashvalues
        return article

    def _minhash(self, text: str) -> MinHash:
        m = self._template.copy()
        m.update_batch(sorted(shingles(text, self._size)))
        return m
