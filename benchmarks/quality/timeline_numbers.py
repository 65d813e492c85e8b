"""Numbers, dates and the timeline against gold sets written by us
(`numbers-<corpus>.json`): quantity precision and recall (value and counted thing),
conflict recall, date accuracy at the annotated precision, timeline entry precision
and recall.

- A quantity matches a gold one in the same article when their spans overlap; it is
  correct when the value is equal (an open bound is null) and the counted noun is the
  same (singular, lower case; both absent counts as the same).
- A gold conflict is recalled when one system conflict holds two or more of its items.
- A gold date is right when the expression rashomon finds at that place has the same
  value at the same precision. Dates that depend on a publication day the input does
  not state are scored apart (`anchor_assumed`).
- A timeline entry matches a gold entry with the same date whose evidence overlaps
  one of its sentences, one to one.

    .venv/bin/python benchmarks/quality/timeline_numbers.py [--corpus NAME] [--details]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

from attributions import _evidence_ok, _find, _overlap, _prf, run_scorer  # noqa: E402


def _span(text: str, sentence: str, words: str) -> tuple[int, int] | None:
    """Where `words` are, inside the sentence they were annotated in."""
    where = _find(text, sentence)
    if where is None:
        return None
    inner = _find(text[where[0] : where[1]], words)
    if inner is None:
        return None
    return where[0] + inner[0], where[0] + inner[1]


def _lemma(word: str | None) -> str | None:
    if not word:
        return None
    word = word.lower()
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _same_value(a: Any, b: Any) -> bool:
    if isinstance(a, list) and isinstance(b, list):
        return all((x is None and y is None) or (x is not None and y is not None and
                   abs(float(x) - float(y)) < 1e-6) for x, y in zip(a, b, strict=True))  # fmt: skip
    if isinstance(a, list) or isinstance(b, list):
        return False
    return abs(float(a) - float(b)) < 1e-6


def score(corpus_file: Path, details: bool = False) -> dict[str, Any]:
    import rashomon
    from rashomon.compare.timeline import story_times

    gold = json.loads(corpus_file.read_text(encoding="utf-8"))
    report = rashomon.analyze([str((ROOT / gold["inputs"]).resolve())], quiet=True)
    articles = {a.id: a for a in report.articles if a.status == "ok"}
    texts = {k: a.text for k, a in articles.items()}
    quantities = [q for s in report.stories for q in s.quantities]
    conflicts = [c for s in report.stories for c in s.conflicts]
    entries = [e for s in report.stories for e in s.timeline]
    out: dict[str, Any] = {"corpus": gold["corpus"]}
    misses: dict[str, list[str]] = {
        "quantities": [],
        "dates": [],
        "timeline": [],
        "timeline_extra": [],
    }

    # Quantities
    golds = [g for g in gold["quantities"] if g["article"] in texts]
    found = correct = 0
    used: set[str] = set()
    for g in golds:
        # A gold amount in the headline is matched against the headline's amounts.
        title = articles[g["article"]].title or ""
        in_title = g["sentence"] in title and g["sentence"] not in texts[g["article"]]
        span = _span(title if in_title else texts[g["article"]], g["sentence"], g["text"])
        hit = next(
            (q for q in quantities if q["article_id"] == g["article"] and q["id"] not in used
             and q.get("in_title", False) == in_title
             and span is not None and _overlap((q["start"], q["end"]), span) > 0),
            None,
        )  # fmt: skip
        if hit is None:
            misses["quantities"].append(f"{g['article']}: {g['text']} (missing)")
            continue
        used.add(hit["id"])
        found += 1
        ok = _same_value(hit["value"], g["value"]) and _lemma(hit["counted"]) == _lemma(
            g["counted"]
        )
        correct += ok
        if not ok:
            misses["quantities"].append(
                f"{g['article']}: {g['text']} -> {hit['value']} {hit['counted']} "
                f"(gold {g['value']} {g['counted']})"
            )
    out["quantities"] = _prf(correct, len(quantities), len(golds))
    out["quantities"].update({"system": len(quantities), "gold": len(golds), "found": found})

    # Conflicts
    def holds(conflict: dict[str, Any], item: dict[str, Any]) -> bool:
        return any(
            i["article_id"] == item["article"] and i.get("text", "").lower() == item["text"].lower()
            for i in conflict["items"]
        )

    recalled = sum(
        any(sum(holds(c, i) for i in g["items"]) >= 2 for c in conflicts) for g in gold["conflicts"]
    )
    out["conflicts"] = {
        "recall": round(recalled / len(gold["conflicts"]), 3) if gold["conflicts"] else 0.0,
        "gold": len(gold["conflicts"]),
        "system": len(conflicts),
    }

    # Dates
    times = {aid: found for aid, (found, _) in story_times(list(articles.values())).items()}
    right = {True: 0, False: 0}
    total = {True: 0, False: 0}
    for g in gold["dates"]:
        if g["article"] not in texts:
            continue
        assumed = bool(g.get("anchor_assumed"))
        total[assumed] += 1
        span = _span(texts[g["article"]], g["sentence"], g["text"])
        hit = next(
            (t for t in times[g["article"]]
             if span is not None and _overlap((t.start, t.end), span) > 0),
            None,
        )  # fmt: skip
        ok = hit is not None and hit.value == g["value"] and hit.precision == g["precision"]
        right[assumed] += ok
        if not ok:
            got = f"{hit.value} {hit.precision}" if hit else "not found"
            misses["dates"].append(f"{g['article']}: {g['text']} -> {got} (gold {g['value']})")
    out["dates"] = {
        "accuracy": round(right[False] / total[False], 3) if total[False] else 0.0,
        "scored": total[False],
        "accuracy_anchor_assumed": round(right[True] / total[True], 3) if total[True] else None,
        "anchor_assumed": total[True],
    }

    # Timeline
    matched_gold: set[int] = set()
    tp = 0
    for e in entries:
        for j, g in enumerate(gold["timeline"]):
            if j in matched_gold or e["date"] != g["date"]:
                continue
            if any(_evidence_ok(ev, ge) for ev in e["evidence"] for ge in g["evidence"]):
                matched_gold.add(j)
                tp += 1
                break
        else:
            misses.setdefault("timeline_extra", []).append(f"{e['date']}: {e['evidence']}")
    out["timeline"] = _prf(tp, len(entries), len(gold["timeline"]))
    out["timeline"].update({"system": len(entries), "gold": len(gold["timeline"])})
    for j, g in enumerate(gold["timeline"]):
        if j not in matched_gold:
            misses["timeline"].append(f"{g['date']}: {g['event']}")
    if details:
        out["misses"] = misses
    return out


if __name__ == "__main__":
    sys.exit(run_scorer("numbers", __doc__ or "", score))
