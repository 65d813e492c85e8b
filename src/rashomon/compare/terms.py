"""Distinctive terms of each article against the rest of its story: weighted
log-odds with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008,
"Fightin' Words", eq. 16 and 22), over lemmas and two-word phrases, stop words out.

The prior is the story's own counts: alpha_w = count of w in the whole story, so
alpha_0 = the story's number of terms. A term is distinctive when the article uses
it more than the other articles do, beyond what its story-wide frequency explains;
rare terms are shrunk towards the story rate, so one stray word scores low. The
score is the z-score delta / sqrt(variance), with the counts behind it."""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from rashomon.compare.labels import is_word
from rashomon.compare.words import STOPWORDS

__all__ = ["distinctive_terms", "term_counts"]

_MAX_TERMS = 15
_MODIFIERS = frozenset({"amod", "compound", "nmod"})


def _content(tok: Any) -> bool:
    return (
        is_word(tok)
        and len(tok.text) > 2
        and not tok.is_stop
        and tok.text.lower() not in STOPWORDS
        and tok.pos_ not in ("AUX", "PRON", "DET", "ADP", "CCONJ", "SCONJ", "PART")
        # People's names say who is quoted, not how the story is told.
        and tok.ent_type_ != "PERSON"
    )


def term_counts(doc: Any) -> Counter[str]:
    """Lemmas of content words, and pairs of adjacent content words in a sentence."""
    counts: Counter[str] = Counter()
    if doc is None:
        return counts
    for sent in doc.sents:
        prev: tuple[str, Any] | None = None
        for tok in sent:
            if not _content(tok):
                prev = None
                continue
            lemma = tok.lemma_.lower()
            counts[lemma] += 1
            # Pairs inside a noun phrase ("foreign fighters"), not across a clause.
            if prev is not None and prev[1].head.i == tok.i and prev[1].dep_ in _MODIFIERS:
                counts[f"{prev[0]} {lemma}"] += 1
            prev = (lemma, tok)
    return counts


def distinctive_terms(counts: dict[str, Counter[str]]) -> dict[str, list[dict[str, Any]]]:
    """Per article id, its terms with a positive z-score, best first (at most 15).
    A story of one article has nothing to be distinctive against: no terms."""
    if len(counts) < 2:
        return {aid: [] for aid in counts}
    story: Counter[str] = Counter()
    for c in counts.values():
        story.update(c)
    alpha0 = sum(story.values())
    out: dict[str, list[dict[str, Any]]] = {}
    for aid, mine in counts.items():
        rest = story - mine
        n_i, n_j = sum(mine.values()), sum(rest.values())
        scored: list[dict[str, Any]] = []
        for term, y_i in mine.items():
            a = story[term]
            y_j = rest[term]
            delta = math.log((y_i + a) / (n_i + alpha0 - y_i - a)) - math.log(
                (y_j + a) / (n_j + alpha0 - y_j - a)
            )
            z = delta / math.sqrt(1 / (y_i + a) + 1 / (y_j + a))
            if z > 0:
                scored.append({"term": term, "score": round(z, 3), "count": y_i, "rest_count": y_j})
        scored.sort(key=lambda t: (-t["score"], t["term"]))
        out[aid] = scored[:_MAX_TERMS]
    return out
