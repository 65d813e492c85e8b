"""Where each article stands on a claim the user brings ("Turkey sent fighters to
Karabakh"): it asserts the claim in its own voice, denies or debunks it, only reports
it (passes it on, hedged or as someone else's), or is not about it.

1. Relatedness: how many of the claim's content words the article uses (weighted by
   how rare they are in it) and how close its nearest sentence is (sentence vectors;
   only sentences sharing a word with the claim are embedded).
2. For an article about the claim, the stance is read from the outlet's own wording
   over the article, not from the nearest sentence alone: a debunking piece often says
   so away from the sentence that restates the claim ("... Also, as it turns out, not
   even remotely true"), and a cautious one sets its tone in its opening.
   - It refutes the story when words that call a story false (hoax, fake, myth, "turns
     out") are dense enough, counted per sentence over the whole article and over the
     sentences that use the claim's words, averaged.
   - It only reports when one of its two opening sentences passes the story on
     (reportedly, according to, sources, allegedly, rumours), or a large share of its
     sentences do. Modal verbs (may, could) are not counted: news prose is full of them.
   - Otherwise it asserts.
3. The claim's own voice decides what that means for the claim. A claim that itself
   calls something false ("X is a hoax", "X did not ...") is asserted by an article
   that refutes the story and denied by one that states it plainly; a claim that only
   reports ("X says", "reportedly", "denies", a question) is at most reported by an
   article that repeats it.

The words and thresholds were chosen on half of FNC-1's development bodies and checked
on the other half (benchmarks/quality/fnc1.py, benchmarks/README.md). Attributions in
the nearest sentences (someone said it) were tried as a sign of reporting and did worse
than the outlet's own reporting words: quoted witnesses do not make a piece cautious.
The evidence shown is the sentence nearest the claim that carries the stance (for a
denial, one with refuting words; for a report, one that passes the story on), with its
speaker when it is someone's attributed words.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Literal

import numpy as np

from rashomon.compare.embed import embed
from rashomon.compare.words import content_words
from rashomon.model import Article, ArticleAnalysis
from rashomon.store import Store

__all__ = ["ArticleStance", "StanceSettings", "stance_towards"]

Label = Literal["asserts", "denies", "reports", "unrelated"]

# Words by which a text calls a story false or made up, or sets the record straight.
# Denials ("X denied") are not among them: an article that quotes a denial reports it.
_REFUTING = re.compile(
    r"\b(?:hoax(?:es|ers?)?|fake[sd]?|faking|false(?:ly)?|untrue|not true|not real|"
    r"debunk(?:s|ed|ing)?|fabricat(?:ed|ion)|made[- ]up|satir(?:e|ical)|parody|spoof|"
    r"prank(?:s|sters?)?|bogus|myths?|baseless|unfounded|no evidence|fraud(?:ulent)?|"
    r"doctored|photoshopped|misleading|nonsense|doubts?|"
    r"retract(?:s|ed|ion)?|in fact|turns? out)\b",
    re.I,
)
# Words by which a text only passes a story on.
_REPORTING = re.compile(
    r"\b(?:reported(?:ly)?|reports?|sources?|according to|alleged(?:ly)?|"
    r"claim(?:s|ed|ing)?|rumou?r(?:s|ed)?|unconfirmed|unverified|purported(?:ly)?|"
    r"apparently|believed|whether|said to|appears? to|seems? to|suggest(?:s|ed)?)\b",
    re.I,
)
# A claim that hedges itself: the reporting words, one who says it, or a question.
_CLAIM_HEDGED = re.compile(
    r"\?|\b(?:says?|said|deni(?:es|ed)|deny|supposedly|possibly|probably|likely|if|may|might|could)\b|"
    + _REPORTING.pattern,
    re.I,
)
# A claim that calls something false or negates what it states.
_CLAIM_REFUTES = re.compile(
    r"^no,|\b(?:(?:did|does|do|is|was|are|were|has|have|had)(?: not|n[’']t)|never|"
    r"lie[sd]?|lying)\b|" + _REFUTING.pattern,
    re.I,
)


@dataclass(frozen=True)
class StanceSettings:
    # An article is about the claim when its relatedness reaches this.
    related: float = 0.30
    # Weight of the nearest sentence's cosine against the claim words the article uses.
    vector_weight: float = 0.5
    # Refuting words per sentence (the article's and its claim sentences' averaged)
    # from which an article refutes the story.
    refuting: float = 0.06
    # An article only reports when one of its first `opening` sentences passes something
    # on, or this share of all its sentences does.
    opening: int = 2
    reporting: float = 0.35


@dataclass(frozen=True)
class ArticleStance:
    article_id: str
    stance: Label
    relatedness: float
    # The sentence nearest to the claim that carries the stance, and who states it when
    # it is someone's attributed words (None: the outlet).
    evidence: str | None
    actor: str | None


def stance_towards(
    claim: str,
    articles: list[Article],
    analyses: dict[str, ArticleAnalysis],
    store: Store | None = None,
    settings: StanceSettings | None = None,
) -> list[ArticleStance]:
    """Each analysed article's stance on `claim`, in the order given."""
    settings = settings or StanceSettings()
    words = content_words(claim)
    out: list[ArticleStance] = []
    for article in articles:
        analysis = analyses.get(article.id)
        if analysis is None or not words:
            continue
        texts = [article.text[s:e] for s, e in analysis.sentences]
        sentence_words = [content_words(t) for t in texts]
        coverage = _coverage(words, sentence_words)
        candidates = [i for i, w in enumerate(sentence_words) if w & words]
        if not candidates:
            out.append(ArticleStance(article.id, "unrelated", round(coverage, 3), None, None))
            continue
        vectors = embed([claim] + [texts[i] for i in candidates], store)
        cosines = vectors[1:] @ vectors[0]
        w = settings.vector_weight
        relatedness = round(w * float(cosines.max()) + (1 - w) * coverage, 3)
        if relatedness < settings.related:
            out.append(ArticleStance(article.id, "unrelated", relatedness, None, None))
            continue
        stance = _stance(claim, texts, candidates, settings)
        nearest = [candidates[k] for k in np.argsort(-cosines, kind="stable")]
        shown = _evidence(stance, texts, nearest)
        speaker = {a.sentence: a.speaker for a in reversed(analysis.attributions)}
        out.append(
            ArticleStance(article.id, stance, relatedness, texts[shown].strip(), speaker.get(shown))
        )
    return out


def _coverage(words: set[str], sentence_words: list[set[str]]) -> float:
    """The share of the claim's words the article uses, each weighted by how rare it is
    among the article's sentences (a word in every sentence says little)."""
    n = len(sentence_words)
    total = found = 0.0
    for word in words:
        df = sum(word in s for s in sentence_words)
        weight = math.log((n + 2) / (df + 1)) if df else math.log(n + 2)
        total += weight
        if df:
            found += weight
    return found / total if total else 0.0


def _stance(claim: str, texts: list[str], candidates: list[int], settings: StanceSettings) -> Label:
    """The stance from the outlet's voice over the article, set against the claim's
    own voice (see the module's docstring)."""
    refuting = sum(len(_REFUTING.findall(t)) for t in texts) / len(texts)
    near = sum(len(_REFUTING.findall(texts[i])) for i in candidates) / len(candidates)
    claim_refutes = bool(_CLAIM_REFUTES.search(claim))
    claim_hedged = bool(_CLAIM_HEDGED.search(claim))
    if (refuting + near) / 2 >= settings.refuting:
        # Both call the story false: the article asserts the claim.
        if claim_refutes:
            return "asserts"
        return "reports" if claim_hedged else "denies"
    if claim_hedged:
        return "reports"
    # A piece that opens by passing the story on ("X is allegedly planning", "a report
    # in the Daily Mail details") reports it, whatever its later sentences state.
    passed_on = [bool(_REPORTING.search(t)) for t in texts]
    if any(passed_on[: settings.opening]) or sum(passed_on) / len(texts) >= settings.reporting:
        return "reports"
    # An article that states plainly what the claim calls false contradicts the claim.
    return "denies" if claim_refutes else "asserts"


def _evidence(stance: Label, texts: list[str], nearest: list[int]) -> int:
    """The sentence shown for the stance: the one nearest the claim that refutes (for a
    denial) or passes the story on (for a report), else the nearest one."""
    wanted = {"denies": _REFUTING, "reports": _REPORTING}.get(stance)
    if wanted is not None:
        for i in nearest:
            if wanted.search(texts[i]):
                return i
    return nearest[0]
