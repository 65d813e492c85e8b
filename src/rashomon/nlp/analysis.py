"""Per-article analysis, once: each article's text is parsed by spaCy a single time
(batched with `nlp.pipe`, on both cores for large runs), and the parse is cached in
the store under the article's content hash and the pipeline version. Later stages
read the `ArticleAnalysis`; none of them parses again."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from rashomon.model import Article, ArticleAnalysis, Attribution, Mention
from rashomon.nlp import attributions as _attributions_module
from rashomon.nlp import quantities as _quantities_module
from rashomon.nlp import quotes as _quotes_module
from rashomon.nlp.attributions import find_attributions
from rashomon.nlp.cues import Cues, default_cues
from rashomon.nlp.models import load_nlp, model_version
from rashomon.nlp.quantities import Quantity, find_quantities
from rashomon.store import Store

__all__ = ["ANALYSIS_VERSION", "analyze_articles", "pipeline_version"]

# Bump when what is derived from a parse changes, so cached analyses are redone.
ANALYSIS_VERSION = "18"

# Entity types that name actors, places and groups; numbers and dates are read by
# other stages from the same parse.
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"})
# The token attributes kept in the cache: enough for every later stage.
_ATTRS = ["ORTH", "SPACY", "TAG", "POS", "MORPH", "LEMMA", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE",
          "SENT_START"]  # fmt: skip
# Below this many uncached articles, a second process costs more than it saves.
_PARALLEL_FROM = 200


def _rules_digest(cues: Cues) -> str:
    """A fingerprint of the attribution rules and lexicon: a cached analysis made by
    other rules is redone, never reused."""
    h = hashlib.sha1(cues.digest().encode())
    for module in (_attributions_module, _quotes_module, _quantities_module):
        if module.__file__:
            with open(module.__file__, "rb") as f:
                h.update(f.read())
    return h.hexdigest()[:8]


def pipeline_version(cues: Cues | None = None) -> str:
    return f"{model_version()}/analysis-{ANALYSIS_VERSION}-{_rules_digest(cues or default_cues())}"


def _mentions(doc: Any) -> list[Mention]:
    sent_index = {s.start: i for i, s in enumerate(doc.sents)}
    starts = sorted(sent_index)
    out = []
    for ent in doc.ents:
        if ent.label_ not in _NAME_LABELS:
            continue
        # The sentence holding the entity: the last sentence start at or before it.
        lo, hi = 0, len(starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if starts[mid] <= ent.start:
                lo = mid
            else:
                hi = mid - 1
        out.append(Mention(ent.start_char, ent.end_char, ent.text, ent.label_, lo))
    return out


def _analysis(article: Article, doc: Any, cues: Cues, title_doc: Any) -> ArticleAnalysis:
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    return ArticleAnalysis(
        article_id=article.id,
        content_hash=article.content_hash or "",
        sentences=sentences,
        mentions=_mentions(doc),
        attributions=find_attributions(doc, cues),
        quantities=find_quantities(doc),
        doc=doc,
        title_doc=title_doc if title_doc is not None and len(title_doc) else None,
        title_quantities=find_quantities(title_doc) if title_doc is not None else [],
        title_attributions=find_attributions(title_doc, cues) if title_doc is not None else [],
    )


def _title_for_parse(title: str | None, body: str = "") -> str:
    """The headline as the model reads it best, offsets unchanged: a shouted headline
    ("DOZENS FEARED DEAD") in sentence case, so its words parse as words; a headline
    in title case ("Sudan Bombs Refugee Camp, Reports Say") with each word after the
    first cased as the article's text writes it ("refugee camp", "reports say"), and
    small words ("of", "to") in lower case. A word the text never writes in lower case
    (a name) keeps its capital."""
    if not title:
        return ""
    letters = [c for c in title if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) > 0.8 * len(letters):
        return title[:1] + title[1:].lower()
    words = list(re.finditer(r"[A-Za-z][\w'’-]*", title))
    capitalised = [w for w in words[1:] if w.group()[0].isupper()]
    if len(words) < 3 or len(capitalised) < 0.8 * (len(words) - 1):
        return title
    lower = set(re.findall(r"(?<![.!?]\s)\b[a-z][\w'’-]*", body))
    out = list(title)
    for w in capitalised:
        word = w.group().lower()
        stem = word[:-1] if word.endswith("s") else word
        forms = {word, word + "s", stem, stem + "ed", stem + "d", stem + "ing"}
        if forms & lower or word in STOP_WORDS:
            out[w.start()] = word[0]  # "Bombs" where the text has "bombed"
    return "".join(out)


def _summary(analysis: ArticleAnalysis, title: str | None) -> str:
    return json.dumps(
        {
            "sentences": analysis.sentences,
            "mentions": [[m.start, m.end, m.text, m.label, m.sentence] for m in analysis.mentions],
            "attributions": [a.to_list() for a in analysis.attributions],
            "quantities": [q.to_list() for q in analysis.quantities],
            "title": title,
            "title_quantities": [q.to_list() for q in analysis.title_quantities],
            "title_attributions": [a.to_list() for a in analysis.title_attributions],
        },
        ensure_ascii=False,
    )


def _cached(
    article: Article, summary: str, docs: Callable[[], list[Any]]
) -> ArticleAnalysis | None:
    """The cached analysis, or None when it was made for another headline (the cache
    is keyed by the body's hash; the headline's amounts and attributions are read
    with it)."""
    data = json.loads(summary)
    if data.get("title") != article.title:
        return None
    return ArticleAnalysis(
        article_id=article.id,
        content_hash=article.content_hash or "",
        sentences=[(a, b) for a, b in data["sentences"]],
        mentions=[Mention(*m) for m in data["mentions"]],
        attributions=[Attribution.from_list(a) for a in data["attributions"]],
        quantities=[Quantity.from_list(q) for q in data["quantities"]],
        load_doc=lambda: docs()[0],
        load_title_doc=lambda: next(iter(docs()[1:]), None),
        title_quantities=[Quantity.from_list(q) for q in data["title_quantities"]],
        title_attributions=[Attribution.from_list(a) for a in data["title_attributions"]],
    )


def _to_bytes(doc: Any, title_doc: Any) -> bytes:
    """The body's parse, then the headline's when there is one."""
    from spacy.tokens import DocBin

    bin_ = DocBin(attrs=_ATTRS, store_user_data=False)
    bin_.add(doc)
    if title_doc is not None:
        bin_.add(title_doc)
    data: bytes = bin_.to_bytes()
    return data


class _Docs:
    """The parses stored for one article, read from their bytes once, when first
    asked for."""

    def __init__(self, data: bytes, vocab: Any) -> None:
        self._data: bytes | None = data
        self._vocab = vocab
        self._docs: list[Any] = []

    def __call__(self) -> list[Any]:
        if self._data is not None:
            from spacy.tokens import DocBin

            self._docs = list(DocBin().from_bytes(self._data).get_docs(self._vocab))
            self._data = None
        return self._docs


def analyze_articles(
    articles: Iterable[Article],
    store: Store | None = None,
    n_process: int | None = None,
    progress: Callable[[Article], None] | None = None,
    cues: Cues | None = None,
) -> dict[str, ArticleAnalysis]:
    """The analysis of every ok article, by article id: from the store's cache when
    it holds one for this pipeline version, else parsed now (and cached)."""
    todo = [a for a in articles if a.status == "ok"]
    cues = cues or default_cues()
    version = pipeline_version(cues)
    out: dict[str, ArticleAnalysis] = {}
    missing: list[Article] = []
    cached_vocab: Any = None
    for article in todo:
        cached = store.analysis(article.content_hash or "", version) if store is not None else None
        if cached is None:
            missing.append(article)
            continue
        if cached_vocab is None:
            import spacy

            # A blank English vocabulary is enough to read a cached parse: the model is
            # not loaded at all on a fully cached run, and a Doc is read only when
            # needed. It must be the language's own, not an empty `Vocab()`: token flags
            # such as `is_title`, `is_punct` and `like_num` come from the language, and
            # without them a cached run would differ from a fresh one.
            cached_vocab = spacy.blank("en").vocab
        doc_bytes, summary = cached
        analysis = _cached(article, summary, _Docs(doc_bytes, cached_vocab))
        if analysis is None:
            missing.append(article)
            continue
        out[article.id] = analysis
        if progress is not None:
            progress(article)
    if missing:
        nlp = load_nlp()
        processes = n_process or (2 if len(missing) >= _PARALLEL_FROM else 1)
        docs = nlp.pipe((a.text for a in missing), batch_size=32, n_process=processes)
        titles = nlp.pipe((_title_for_parse(a.title, a.text) for a in missing), batch_size=64)
        for article, doc, title_doc in zip(missing, docs, titles, strict=True):
            out[article.id] = _analysis(article, doc, cues, title_doc)
            if store is not None and article.content_hash:
                summary = _summary(out[article.id], article.title)
                stored = _to_bytes(doc, out[article.id].title_doc)
                store.put_analysis(article.content_hash, version, stored, summary)
            if progress is not None:
                progress(article)
        if store is not None:
            store.commit()
    return out
