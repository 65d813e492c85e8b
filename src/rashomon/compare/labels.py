"""The words each outlet uses for the same referent: noun phrases read from each
article's parse, tied to a story entity by syntax ("militants of the Free Coast
Brigade", "Kovrin, Belmark's closest ally") and otherwise grouped across articles
by the sentence vectors of the phrase with its modifiers ("mercenaries from Syria",
"Takfiri militants from northern Syria"). No list of words: what groups is what
the story's own phrases share."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

import numpy as np

from rashomon.compare.embed import embed
from rashomon.model import Article, ArticleAnalysis
from rashomon.store import Store

__all__ = ["Phrase", "is_word", "phrases", "referents"]

# Groups and organisations: what "militants of X" names the members of.
_GROUP_TYPES = frozenset({"ORG", "NORP"})
_DROP_DEPS = frozenset({"det", "poss", "predet", "nummod", "case", "punct", "quantmod", "prep"})
# Average cosine at which two phrases of different articles name one thing.
_SAME_THING = 0.58
# Tokens of a phrase's context beyond its head: enough for "from Syria", not a clause.
_CONTEXT_TOKENS = 7
_CONTEXTS_PER_LABEL = 8
# The labels grouped at most, the most used first: a bound on the pairwise work of a
# story of hundreds of articles; rarer labels are words of one article said once.
_MAX_LABELS = 1500
# Two labels with one head noun are taken as one thing unless the rest disagrees much.
_SAME_HEAD = 0.7
_MAX_REFERENTS = 25
# A word one article alone uses joins the shared group it is this close to.
_ATTACH = 0.5


@dataclass
class Phrase:
    """A descriptive noun phrase of one article ("hired guns"), with the entity
    the syntax ties it to, if any."""

    article_id: str
    label: str
    key: str
    context: str
    start: int
    end: int
    entity_id: str | None


def is_word(tok: Any) -> bool:
    """Letters only, hyphenated words ("so-called") included."""
    return tok.text[:1].isalpha() and tok.text.replace("-", "").isalpha()


def _mention_index(entities: list[dict[str, Any]]) -> dict[str, list[tuple[int, int, str, str]]]:
    out: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    for e in entities:
        for m in e.get("mentions", []):
            out[m["article_id"]].append((m["start"], m["end"], e["id"], e["type"]))
    return out


def _entity_at(
    spans: list[tuple[int, int, str, str]],
    start: int,
    end: int,
    types: frozenset[str] | None = None,
) -> str | None:
    for s, e, entity_id, type_ in spans:
        if s < end and start < e and (types is None or type_ in types):
            return entity_id
    return None


def _is_hedge_word(tok: Any) -> bool:
    """The pieces of "so-called" / "so called": a distancing mark, not part of the name."""
    if tok.text.lower() == "so" and tok.i + 1 < len(tok.doc):
        nxt = tok.doc[tok.i + 1]
        return nxt.text.lower() in ("-", "called") or nxt.text.lower().startswith("-called")
    if tok.text.lower() == "called" and tok.i > 0:
        return tok.doc[tok.i - 1].text.lower() in ("so", "-")
    return tok.text.lower() == "-" and tok.i > 0 and tok.doc[tok.i - 1].text.lower() == "so"


def _core(chunk: Any) -> list[Any]:
    """The chunk without determiners, possessors, numbers, stop-word quantifiers and
    distancing marks: the words that describe."""
    root = chunk.root
    keep = []
    for tok in chunk:
        if tok.i == root.i:
            keep.append(tok)
            continue
        if _is_hedge_word(tok):
            continue
        if tok.text == "-" and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_:
            keep.append(tok)
            continue
        if tok.dep_ in _DROP_DEPS or tok.pos_ in ("NUM", "PUNCT"):
            continue
        if (
            not is_word(tok)
            or tok.is_stop
            or any(a.dep_ == "poss" for a in [tok, *tok.ancestors] if a.i < root.i)
        ):
            continue
        keep.append(tok)
    return keep


def _quantity(tok: Any) -> bool:
    """ "hundreds (of mercenaries)": an amount, not a name for anything."""
    from spacy.lang.en.lex_attrs import like_num

    lemma = tok.lemma_.lower()
    return bool(like_num(lemma)) or lemma == "dozen"


def _word(tok: Any) -> str:
    return tok.text if tok.pos_ == "PROPN" or tok.ent_type_ else tok.text.lower()


def _group_named(root: Any, groups: list[tuple[str, str]]) -> str | None:
    """ "Red Hill volunteers": the one organisation of the story whose longer name holds
    the proper nouns just before the phrase's noun ("Red Hill Brigade"), whether or
    not the model took those words for a name of their own."""
    doc = root.doc
    i = root.i
    while i > 0 and doc[i - 1].pos_ == "PROPN":
        i -= 1
    run = [t.text.lower() for t in doc[i : root.i]]
    for start in range(len(run)):
        words = " ".join(run[start:])
        found = {e_id for name, e_id in groups if name != words and f" {words} " in f" {name} "}
        if len(found) == 1:
            return found.pop()
    return None


def _linked_entity(
    root: Any, spans: list[tuple[int, int, str, str]], groups: list[tuple[str, str]]
) -> str | None:
    """The group or actor a descriptive phrase names, when the syntax says so."""
    # Before the mention the phrase sits in: "Red Hill volunteers" may be a name of its
    # own to the model, and still the members of the Red Hill Brigade.
    plural = "Plur" in root.morph.get("Number")
    if plural and (named := _group_named(root, groups)):
        return named
    here = _entity_at(spans, root.idx, root.idx + len(root.text))
    if here:
        return here
    # "Free Coast volunteers", "the Brigade's gunmen": people named by their group.
    for mod in root.children:
        if plural and mod.dep_ in ("compound", "poss") and mod.i < root.i:
            found = _entity_at(spans, mod.idx, mod.idx + len(mod.text), frozenset({"ORG"}))
            if found:
                return found
    # "militants of the Free Coast Brigade": members named by their group.
    for prep in root.children:
        if prep.dep_ == "prep" and prep.text.lower() == "of" and plural:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    found = _entity_at(spans, obj.idx, obj.idx + len(obj.text), _GROUP_TYPES)
                    if found:
                        return found
    # "Kovrin, Belmark's closest ally"
    if root.dep_ == "appos":
        head = root.head
        return _entity_at(spans, head.idx, head.idx + len(head.text))
    # "recognise the Brigade as a terrorist organisation", "X is a Y"
    if root.dep_ == "pobj" and root.head.text.lower() == "as":
        verb = root.head.head
        for obj in verb.children:
            if obj.dep_ in ("dobj", "nsubjpass"):
                return _entity_at(spans, obj.idx, obj.idx + len(obj.text))
    if root.dep_ == "attr":
        for subj in root.head.children:
            if subj.dep_ == "nsubj":
                return _entity_at(spans, subj.idx, subj.idx + len(subj.text))
    return None


def _tail(root: Any) -> list[Any]:
    """What follows a noun inside its phrase and says more about the same thing
    ("from Syria", "in the conflict zone"); not an "of" phrase, which names another
    thing ("involvement of militants"), nor a clause."""
    out: list[Any] = []
    for child in root.children:
        if child.i < root.i or child.dep_ not in ("prep", "amod", "acl"):
            continue
        if child.text.lower() == "of":
            continue
        out += list(child.subtree)
    out.sort(key=lambda t: t.i)
    return out[:_CONTEXT_TOKENS]


def phrases(
    article: Article, analysis: ArticleAnalysis, entities: list[dict[str, Any]]
) -> list[Phrase]:
    """The descriptive noun phrases (a common noun at their head) of one article."""
    doc = analysis.doc
    if doc is None or not doc.has_annotation("DEP"):
        return []
    spans = _mention_index(entities).get(article.id, [])
    groups = [
        (name.lower(), e["id"])
        for e in entities
        if e["type"] == "ORG"
        for name in [e["name"], *e.get("aliases", [])]
    ]
    out = []
    for chunk in doc.noun_chunks:
        root = chunk.root
        if root.pos_ != "NOUN" or not is_word(root) or len(root.text) < 3 or _quantity(root):
            continue
        core = _core(chunk)
        label = "".join(_word(t) + (t.whitespace_ and " ") for t in core).strip()
        key = " ".join([*(t.text.lower() for t in core[:-1]), root.lemma_.lower()])
        tail = _tail(root)
        context = " ".join([label, *(t.text for t in tail)])
        first = core[0]
        out.append(
            Phrase(
                article.id,
                label,
                key,
                context,
                first.idx,
                root.idx + len(root.text),
                _linked_entity(root, spans, groups),
            )
        )
    return out


def _cluster(sims: np.ndarray) -> list[list[int]]:
    """Average-linkage groups, so that no chain of near matches joins two things."""
    if len(sims) < 2:
        return [[i] for i in range(len(sims))]
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    distances = np.clip(1.0 - sims, 0.0, 2.0)
    np.fill_diagonal(distances, 0.0)
    tree = linkage(squareform(distances, checks=False), method="average")
    flat = fcluster(tree, t=1 - _SAME_THING, criterion="distance")
    groups: dict[int, list[int]] = defaultdict(list)
    for i, g in enumerate(flat):
        groups[int(g)].append(i)
    return sorted(groups.values())


def _similarity(
    keys: list[str], by_key: dict[str, list[Phrase]], store: Store | None
) -> np.ndarray:
    """How alike two labels are as names of one thing: the words themselves and the
    words with their modifiers ("militants from Syria"), half each; labels with one
    head noun ("militants", "Takfiri militants") count as alike at least."""
    labels = [by_key[k][0].label for k in keys]
    label_vectors = embed(labels, store)
    # The closest pair of contexts: "mercenaries" is also "mercenaries from Syria".
    # Each label's few most common contexts, in label order, so that the maximum over
    # a label's rows and columns is one `reduceat`.
    contexts: list[str] = []
    starts: list[int] = []
    for k in keys:
        starts.append(len(contexts))
        common = Counter(p.context for p in by_key[k]).most_common(_CONTEXTS_PER_LABEL)
        contexts += sorted(c for c, _ in common)
    vectors = embed(contexts, store)
    pair = vectors @ vectors.T
    closest = np.maximum.reduceat(np.maximum.reduceat(pair, starts, axis=0), starts, axis=1)
    sims = 0.5 * (label_vectors @ label_vectors.T) + 0.5 * closest
    heads = np.array([k.rsplit(" ", 1)[-1] for k in keys])
    same_head = heads[:, None] == heads[None, :]
    return np.where(same_head, np.maximum(sims, _SAME_HEAD), sims)


def _attach(
    groups: list[list[int]], sims: np.ndarray, keys: list[str], by_key: dict[str, list[Phrase]]
) -> list[list[int]]:
    """The groups two or more articles share, each with the words only one article
    uses that are closest to it ("massacre" beside "attack" and "strike"): a word one
    outlet alone uses for a thing is what framing is about."""

    def spread(group: list[int]) -> int:
        return len({p.article_id for i in group for p in by_key[keys[i]]})

    shared = [list(g) for g in groups if spread(g) >= 2]
    alone = [g for g in groups if spread(g) < 2]
    if not shared or not alone:
        return shared
    # Average likeness of every lone group to every shared one, as two matrix products.
    n = len(keys)
    to_alone = np.zeros((len(alone), n))
    to_shared = np.zeros((len(shared), n))
    for row, group in enumerate(alone):
        to_alone[row, group] = 1 / len(group)
    for row, group in enumerate(shared):
        to_shared[row, group] = 1 / len(group)
    scores = to_alone @ sims @ to_shared.T
    joined = [list(g) for g in shared]
    for row, group in enumerate(alone):
        best = int(np.argmax(scores[row]))
        if scores[row, best] >= _ATTACH:
            joined[best] += group
    return joined


def _ref_id(seed: str) -> str:
    return "ref-" + hashlib.sha1(seed.encode()).hexdigest()[:10]


def referents(
    found: list[Phrase], entities: list[dict[str, Any]], store: Store | None = None
) -> list[dict[str, Any]]:
    """The story's salient referents, each with the labels every article uses for it.

    Phrases tied to an entity make that entity's referent; a phrase that repeats
    words tied to exactly one entity elsewhere in the story joins it ("the
    militants" after "militants of the Free Coast Brigade"). The rest are grouped
    by vectors; a group counts when two or more articles use it."""
    names = {e["id"]: e["name"] for e in entities}
    tied: dict[str, set[str]] = defaultdict(set)
    for p in found:
        if p.entity_id:
            tied[p.key].add(p.entity_id)
    members: dict[str, list[Phrase]] = defaultdict(list)
    loose: list[Phrase] = []
    for p in found:
        owner = p.entity_id or (next(iter(tied[p.key])) if len(tied[p.key]) == 1 else None)
        if owner:
            members[owner].append(p)
        else:
            loose.append(p)
    out = [
        _referent(_ref_id(entity_id), names.get(entity_id, entity_id), entity_id, group)
        for entity_id, group in members.items()
    ]
    by_key: dict[str, list[Phrase]] = defaultdict(list)
    for p in loose:
        by_key[p.key].append(p)
    spread = {k: len({p.article_id for p in ps}) for k, ps in by_key.items()}
    ranked = sorted(by_key, key=lambda k: (-spread[k], -len(by_key[k]), k))
    keys = sorted(ranked[:_MAX_LABELS])
    if keys:
        sims = _similarity(keys, by_key, store)
        for group in _attach(_cluster(sims), sims, keys, by_key):
            items = [p for i in group for p in by_key[keys[i]]]
            name = Counter(p.label for p in items).most_common(1)[0][0]
            seed = name + "\n" + "\n".join(sorted({p.article_id for p in items}))
            out.append(_referent(_ref_id(seed), name, None, items))
    out.sort(key=lambda r: (-_spread(r), -_size(r), r["name"]))
    return out[:_MAX_REFERENTS]


def _referent(ref_id: str, name: str, entity_id: str | None, items: list[Phrase]) -> dict[str, Any]:
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for p in items:
        labels[p.article_id][p.label] += 1
    return {
        "id": ref_id,
        "name": name,
        "entity_id": entity_id,
        "labels": {
            aid: [
                {"label": lab, "count": n}
                for lab, n in sorted(c.items(), key=lambda x: (-x[1], x[0]))
            ]
            for aid, c in sorted(labels.items())
        },
    }


def _spread(ref: dict[str, Any]) -> int:
    return len(ref["labels"])


def _size(ref: dict[str, Any]) -> int:
    return sum(x["count"] for labs in ref["labels"].values() for x in labs)
