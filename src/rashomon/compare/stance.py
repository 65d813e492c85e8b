"""Where each article stands on a claim the user brings ("Turkey sent fighters to
Karabakh"): it asserts the claim in its own voice, denies or debunks it, only reports
it (someone else's words, or hedged), or is not about it.

1. Relatedness: how many of the claim's content words the article uses (weighted by
   how rare they are in it) and how close its nearest sentence is (sentence vectors;
   only sentences sharing a word with the claim are embedded).
2. For an article about the claim, the sentences nearest to it are read with the
   article's attributions: a sentence inside someone's reported words, or hedged by
   the outlet, reports; one the outlet states plainly asserts. Words that call a
   story false (a hoax, fake, debunked) or a denial near the claim make it a denial.
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

# Words by which a text calls a story false or made up.
_REFUTING = re.compile(
    r"\b(?:hoax(?:es)?|fake[sd]?|false(?:ly)?|untrue|debunk(?:s|ed|ing)?|fabricat(?:ed|ion)|"
    r"made[- ]up|satir(?:e|ical)|not true|no truth|bogus|myth|baseless|unfounded|"
    r"discredited|denie[sd]|deny(?:ing)?|refut(?:e|es|ed|ing)|dismiss(?:es|ed)?)\b",
    re.I,
)
# Words by which a text only passes a story on.
_REPORTING = re.compile(
    r"\b(?:reported(?:ly)?|alleged(?:ly)?|claim(?:s|ed|ing)?|according to|rumou?r(?:s|ed)?|"
    r"unconfirmed|unverified|purported(?:ly)?|supposed(?:ly)?|apparently|may|might|could|"
    r"said to|believed to|appears? to|seems? to|if true|it is not clear|unclear)\b",
    re.I,
)


@dataclass(frozen=True)
class StanceSettings:
    # An article is about the claim when its relatedness reaches this.
    related: float = 0.45
    # Weight of the nearest sentence's cosine against the claim words the article uses.
    vector_weight: float = 0.5
    # Sentences within this cosine of the nearest one are read for the stance.
    near: float = 0.08
    # Refuting words per sentence read (and in the whole article, half as much) from
    # which an article denies the claim.
    refuting: float = 0.5
    # Reporting signals among the sentences read from which it only reports.
    reporting: float = 0.5


@dataclass(frozen=True)
class ArticleStance:
    article_id: str
    stance: Label
    relatedness: float
    # The sentence nearest to the claim, and who states it (None: the outlet).
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
        best = float(cosines.max())
        w = settings.vector_weight
        relatedness = w * best + (1 - w) * coverage
        top = int(candidates[int(np.argmax(cosines))])
        if relatedness < settings.related:
            out.append(ArticleStance(article.id, "unrelated", round(relatedness, 3), None, None))
            continue
        read = [candidates[k] for k, c in enumerate(cosines) if c >= best - settings.near]
        stance, actor = _stance(article, analysis, texts, read, top, settings)
        out.append(
            ArticleStance(article.id, stance, round(relatedness, 3), texts[top].strip(), actor)
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


def _stance(
    article: Article,
    analysis: ArticleAnalysis,
    texts: list[str],
    read: list[int],
    top: int,
    settings: StanceSettings,
) -> tuple[Label, str | None]:
    """The stance from the sentences nearest the claim, read with their attributions,
    and the actor of the nearest one when it is someone's reported words."""
    by_sentence: dict[int, list[str]] = {}
    speaker: dict[int, str | None] = {}
    for att in analysis.attributions:
        by_sentence.setdefault(att.sentence, []).append(att.stance)
        speaker.setdefault(att.sentence, att.speaker)
    refuting: float = sum(len(_REFUTING.findall(texts[i])) for i in read)
    refuting += 0.5 * len(_REFUTING.findall(article.text)) / max(1, len(texts)) * len(read)
    denied = sum(1 for i in read for s in by_sentence.get(i, []) if s in ("denies", "questions"))
    if (refuting + denied) / len(read) >= settings.refuting:
        return "denies", speaker.get(top)
    reporting = 0.0
    for i in read:
        stances = by_sentence.get(i, [])
        if stances or _REPORTING.search(texts[i]):
            reporting += 1
    if reporting / len(read) >= settings.reporting:
        return "reports", speaker.get(top)
    return "asserts", None
