"""How each outlet frames the story: rashomon's `framing` against gold sets written by
us from the articles alone (`framing-<corpus>.json`).

- Labels: the gold lists, per referent, the descriptive words each article uses for
  it. A system label matches a gold one of the same article when, lower-cased and
  without plural s and hyphens, one holds the other as whole words ending on the
  same head ("volunteers" / "Free Coast volunteers"). System referents are mapped
  one to one onto gold referents (most matched labels first); precision is over the
  labels of mapped referents, recall over all gold labels. `found_anywhere`: the
  share of gold labels found under any system referent (extraction without grouping).
- Hedges: a system hedge matches a gold one when their spans overlap, one to one;
  P/R/F1, then kind and target accuracy over the matched pairs (targets agree when
  one's words hold the other's).
- Coverage: an article reports a gold claim (of `attributions-<corpus>.json`) when it
  holds a position on it. Each system claim is mapped to the gold claim its positions
  match most; "unique" and "omitted" (by most of the other articles) are derived
  from the gold the same way the system derives them, and compared as (article, gold
  claim) pairs. System entries whose claim maps to no gold claim are counted apart.

    .venv/bin/python benchmarks/quality/framing.py [--corpus NAME] [--details]
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

from attributions import _find, _overlap, _position_ok, _prf, one_to_one, run_scorer  # noqa: E402


def _norm(label: str) -> list[str]:
    words = re.sub(r"[-\u2010-\u2015]", " ", label.lower()).split()
    return [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words]


def _label_ok(system: str, gold: str) -> bool:
    a, b = _norm(system), _norm(gold)
    if not a or not b or a[-1] != b[-1]:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return long_[len(long_) - len(short) :] == short


def _label_pairs(system: dict[str, list[str]], gold: dict[str, list[str]]) -> int:
    n = 0
    for article, labels in gold.items():
        free = list(system.get(article, []))
        for g in labels:
            hit = next((s for s in free if _label_ok(s, g)), None)
            if hit is not None:
                free.remove(hit)
                n += 1
    return n


def score_labels(
    refs: list[dict[str, Any]], gold: list[dict[str, Any]], skip: set[str]
) -> dict[str, Any]:
    system = [
        {a: [x["label"] for x in labs] for a, labs in r["labels"].items() if a not in skip}
        for r in refs
    ]
    mapped, tp = one_to_one(
        (_label_pairs(s, g["labels"]), i, j)
        for i, s in enumerate(system)
        for j, g in enumerate(gold)
    )
    n_pred = sum(len(v) for i in mapped for v in system[i].values())
    n_gold = sum(len(v) for g in gold for v in g["labels"].values())
    merged: dict[str, list[str]] = defaultdict(list)
    for s in system:
        for a, labs in s.items():
            merged[a] += labs
    anywhere = sum(
        _label_pairs(merged, {a: [lab]})
        for g in gold
        for a, labs in g["labels"].items()
        for lab in labs
    )
    out = _prf(tp, n_pred, n_gold)
    out.update(
        {
            "matched": tp,
            "system": n_pred,
            "gold": n_gold,
            "referents_mapped": len(mapped),
            "gold_referents": len(gold),
            "system_referents": len(refs),
            "found_anywhere": round(anywhere / n_gold, 3) if n_gold else 0.0,
        }
    )
    out["mapping"] = {
        gold[j]["id"]: refs[i]["name"] for i, j in sorted(mapped.items(), key=lambda x: x[1])
    }
    return out


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def score_hedges(
    hedges: list[dict[str, Any]], gold: list[dict[str, Any]], texts: dict[str, str]
) -> dict[str, Any]:
    spans = []
    for g in gold:
        where = _find(texts.get(g["article"], ""), g["context"])
        inner = _find(texts[g["article"]][where[0] : where[1]], g["text"]) if where else None
        spans.append((where[0] + inner[0], where[0] + inner[1]) if where and inner else None)
    pairs = sorted(
        (
            (_overlap((h["start"], h["end"]), spans[j]), i, j)
            for i, h in enumerate(hedges)
            for j, g in enumerate(gold)
            if spans[j] and h["article_id"] == g["article"]
        ),
        reverse=True,
    )
    used_i: set[int] = set()
    used_j: set[int] = set()
    matched = []
    for ov, i, j in pairs:
        if ov > 0 and i not in used_i and j not in used_j:
            used_i.add(i)
            used_j.add(j)
            matched.append((i, j))
    out = _prf(len(matched), len(hedges), len(gold))
    kind_ok = sum(hedges[i]["kind"] == gold[j]["kind"] for i, j in matched)
    target_ok = 0
    for i, j in matched:
        a, b = _words(hedges[i]["target"]), _words(gold[j]["target"])
        target_ok += bool(a and b and (a <= b or b <= a))
    out.update(
        {
            "matched": len(matched),
            "system": len(hedges),
            "gold": len(gold),
            "gold_not_found_in_text": sum(s is None for s in spans),
            "kind_accuracy": round(kind_ok / len(matched), 3) if matched else 0.0,
            "target_accuracy": round(target_ok / len(matched), 3) if matched else 0.0,
        }
    )
    out["_matched"] = matched
    return out


def _unique_omitted(
    reporters: dict[str, set[str]], articles: list[str]
) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    n = len(articles)
    unique, omitted = set(), set()
    for claim, who in reporters.items():
        for a in articles:
            if who == {a}:
                unique.add((a, claim))
            elif a not in who and len(who - {a}) > (n - 1) / 2:
                omitted.add((a, claim))
    return unique, omitted


def score_coverage(
    claims: list[dict[str, Any]],
    framing_rows: list[dict[str, Any]],
    gold_claims: list[dict[str, Any]],
    articles: list[str],
    outlets: dict[str, str | None],
    fold: Any,
) -> dict[str, Any]:
    gold_reporters = {
        g["id"]: {p["article"] for p in g["positions"]} & set(articles) for g in gold_claims
    }
    to_gold: dict[str, str] = {}
    for c in claims:
        best, best_n = None, 0
        for g in gold_claims:
            n = sum(
                any(_position_ok(p, gp, outlets, fold) for gp in g["positions"])
                for p in c["positions"]
            )
            if n > best_n:
                best, best_n = g["id"], n
        if best is not None:
            to_gold[c["id"]] = best
    reports_sys = {
        (a, to_gold[c["id"]])
        for c in claims
        if c["id"] in to_gold
        for a in c["article_ids"]
        if a in articles
    }
    reports_gold = {(a, g) for g, who in gold_reporters.items() for a in who}
    gold_unique, gold_omitted = _unique_omitted(gold_reporters, articles)
    out: dict[str, Any] = {
        "reports": _prf(len(reports_sys & reports_gold), len(reports_sys), len(reports_gold))
    }
    for name, field, gold_set in (
        ("unique", "unique_claim_ids", gold_unique),
        ("omitted", "omitted_claim_ids", gold_omitted),
    ):
        sys_set = {
            (row["article_id"], to_gold[c])
            for row in framing_rows
            if row["article_id"] in articles
            for c in row[field]
            if c in to_gold
        }
        unmapped = sum(
            c not in to_gold
            for row in framing_rows
            if row["article_id"] in articles
            for c in row[field]
        )
        score = _prf(len(sys_set & gold_set), len(sys_set), len(gold_set))
        score.update({"system": len(sys_set), "gold": len(gold_set), "unmapped_system": unmapped})
        out[name] = score
    return out


def score(corpus_file: Path, details: bool = False) -> dict[str, Any]:
    import rashomon
    from rashomon.compare.gazetteer import fold

    gold = json.loads(corpus_file.read_text(encoding="utf-8"))
    claims_gold = json.loads((HERE / gold["claims_from"]).read_text(encoding="utf-8"))["claims"]
    skip = set(gold.get("skip_articles", []))
    t0 = time.perf_counter()
    report = rashomon.analyze([str((ROOT / gold["inputs"]).resolve())], quiet=True)
    seconds = time.perf_counter() - t0
    texts = {a.id: a.text for a in report.articles if a.status == "ok"}
    outlets = {a.id: a.outlet for a in report.articles}
    articles = sorted(a for a in texts if a not in skip)
    refs: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    claims: list[dict[str, Any]] = []
    for story in report.stories:
        refs += story.framing.get("referents", [])
        rows += story.framing["articles"]
        claims += story.claims
    hedges = [
        dict(h, article_id=row["article_id"])
        for row in rows
        if row["article_id"] not in skip
        for h in row["hedges"]
    ]
    result: dict[str, Any] = {"corpus": gold["corpus"], "articles": len(articles)}
    result["labels"] = score_labels(refs, gold["referents"], skip)
    result["hedges"] = score_hedges(hedges, gold["hedges"], texts)
    matched = result["hedges"].pop("_matched")
    result["coverage"] = score_coverage(claims, rows, claims_gold, articles, outlets, fold)
    result["analyze_seconds"] = round(seconds, 2)
    if details:
        for name, items, side in (("hedges_missed", gold["hedges"], 1),
                                  ("hedges_spurious", hedges, 0)):  # fmt: skip
            hit = {pair[side] for pair in matched}
            result[name] = [
                f"{x.get('article') or x['article_id']}: {x['kind']} {x['text']!r} -> {x['target']}"
                for k, x in enumerate(items)
                if k not in hit
            ]
        result["referents"] = [
            f"{r['name']}: "
            + "; ".join(
                f"{a}: {', '.join(x['label'] for x in labs)}" for a, labs in r["labels"].items()
            )
            for r in refs
        ]
    return result


if __name__ == "__main__":
    sys.exit(run_scorer("framing", __doc__ or "", score))
