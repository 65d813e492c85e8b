"""Entity quality: rashomon's canonical entities against gold entities written by us
(`entities-gold.json`): pairwise merge precision and recall over mentions, type
accuracy per gold entity, and must-not-merge violations.

A system mention is scored when its surface form (folded: case, diacritics, a leading
"the", a possessive) is one of a gold entity's surfaces; others are not annotated and
not scored. Pairwise: two scored mentions form a system pair when they are in one
system entity, a gold pair when they are in one gold entity.

    .venv/bin/python benchmarks/quality/entities.py
"""

from __future__ import annotations

import itertools
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
GOLD = Path(__file__).resolve().parent / "entities-gold.json"


def score(corpus: dict[str, Any]) -> dict[str, Any]:
    import rashomon
    from rashomon.compare.gazetteer import fold

    report = rashomon.analyze([str(ROOT / corpus["inputs"])], quiet=True)
    gold_of: dict[str, str] = {}
    gold_type: dict[str, str] = {}
    for ent in corpus["entities"]:
        gold_type[ent["name"]] = ent["type"]
        for surface in ent["surfaces"]:
            gold_of[fold(surface)] = ent["name"]
    scored: list[tuple[str, str, str]] = []  # (system entity id, gold name, system type)
    for story in report.stories:
        for ent in story.entities:
            for m in ent["mentions"]:
                gold = gold_of.get(fold(m["text"]))
                if gold is not None:
                    scored.append((ent["id"], gold, ent["type"]))
    sys_pairs = gold_pairs = both = 0
    for a, b in itertools.combinations(scored, 2):
        same_sys, same_gold = a[0] == b[0], a[1] == b[1]
        sys_pairs += same_sys
        gold_pairs += same_gold
        both += same_sys and same_gold
    precision = both / sys_pairs if sys_pairs else 1.0
    recall = both / gold_pairs if gold_pairs else 1.0
    # Type: the type of the system entity holding most of a gold entity's mentions.
    typed = correct = 0
    for name, want in gold_type.items():
        held = Counter((s[0], s[2]) for s in scored if s[1] == name)
        if not held:
            continue
        typed += 1
        correct += held.most_common(1)[0][0][1] == want
    clusters: dict[str, set[str]] = {}
    for sys_id, gold, _ in scored:
        clusters.setdefault(sys_id, set()).add(gold)
    violations = [
        pair
        for pair in corpus["must_not_merge"]
        if any(set(pair) <= golds for golds in clusters.values())
    ]
    return {
        "scored_mentions": len(scored),
        "merge_precision": round(precision, 4),
        "merge_recall": round(recall, 4),
        "type_accuracy": round(correct / typed, 4) if typed else None,
        "gold_entities_found": typed,
        "must_not_merge_violations": violations,
    }


def main() -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    results = {}
    for name, corpus in gold["corpora"].items():
        if not (ROOT / corpus["inputs"]).exists():
            print(f"{name}: {corpus['inputs']} is absent, skipped", file=sys.stderr)
            continue
        results[name] = r = score(corpus)
        print(
            f"{name}: {r['scored_mentions']} mentions, merge P {r['merge_precision']:.3f} "
            f"R {r['merge_recall']:.3f}, type accuracy {r['type_accuracy']:.3f} over "
            f"{r['gold_entities_found']} entities, must-not-merge violations: "
            f"{r['must_not_merge_violations'] or 'none'}"
        )
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "entities.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
