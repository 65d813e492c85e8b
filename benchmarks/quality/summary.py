"""The neutral summary against what a careful editor's summary must hold
(`summary-<corpus>.json`, written by us from the texts alone):

- neutrality: summary sentences that state a disputed claim without saying who
  holds it (`neutrality_violations`); must be 0 on every corpus.
- recall of the gold items (consensus facts and disputes). An item is covered when
  a summary sentence cites a system claim with a position matching a position of
  one of the item's gold claims in `attributions-<corpus>.json` (matched as that
  scorer does: same article, actor and stance, overlapping evidence), or when a
  sentence holds every group of the item's key words and, for a dispute with sides,
  a name from each side. `recall_by_words` counts the second way alone: citing a
  claim that shares one position with a gold claim is the looser test.

    .venv/bin/python benchmarks/quality/summary.py [--corpus NAME] [--details]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from attributions import ROOT, _position_ok, run_scorer  # noqa: E402


def _has_words(text: str, groups: list[str]) -> bool:
    low = text.lower()
    return all(any(w.lower() in low for w in g.split("|")) for g in groups)


def _names_sides(text: str, sides: list[list[str]]) -> bool:
    return all(any(re.search(rf"\b{re.escape(n)}", text, re.I) for n in side) for side in sides)


def score(corpus_file: Path, details: bool = False) -> dict[str, Any]:
    import rashomon
    from rashomon.compare.gazetteer import fold
    from rashomon.compare.summary import neutrality_violations

    gold = json.loads(corpus_file.read_text(encoding="utf-8"))
    claims_gold = json.loads(
        (HERE / corpus_file.name.replace("summary-", "attributions-")).read_text(encoding="utf-8")
    )["claims"]
    gold_by_id = {c["id"]: c for c in claims_gold}
    report = rashomon.analyze([str((ROOT / gold["inputs"]).resolve())], quiet=True)
    outlets = {a.id: a.outlet for a in report.articles}
    sentences: list[tuple[dict[str, Any], dict[str, dict[str, Any]]]] = []
    violations: list[dict[str, Any]] = []
    for story in report.stories:
        by_id = {c["id"]: c for c in story.claims}
        violations += neutrality_violations(story.summary, story.claims)
        sentences += [(s, by_id) for s in story.summary]

    def matches(system: dict[str, Any], gold_claim: dict[str, Any]) -> bool:
        return any(
            _position_ok(p, g, outlets, fold)
            for p in system["positions"]
            for g in gold_claim["positions"]
        )

    covered: dict[str, str] = {}
    for item in gold["items"]:
        for s, by_id in sentences:
            cited = [by_id[c] for c in s["claim_ids"] if c in by_id]
            if any(matches(c, gold_by_id[g]) for c in cited for g in item["gold_claims"]):
                covered[item["id"]] = "cites a matching claim"
                break
            if _has_words(s["text"], item["keywords"]) and _names_sides(
                s["text"], item.get("sides", [])
            ):
                covered[item["id"]] = "states it"
                break
    result: dict[str, Any] = {"corpus": gold["corpus"], "stories": len(report.stories)}
    result["sentences"] = len(sentences)
    result["neutrality_violations"] = len(violations)
    for kind in ("consensus", "dispute"):
        items = [i for i in gold["items"] if i["kind"] == kind]
        hit = sum(i["id"] in covered for i in items)
        result[f"{kind}_recall"] = round(hit / len(items), 3) if items else None
        result[f"{kind}_items"] = len(items)
    result["recall"] = round(len(covered) / len(gold["items"]), 3)
    # The stricter reading: the words themselves (and both sides) are in one sentence.
    said = [
        i
        for i in gold["items"]
        if any(
            _has_words(s["text"], i["keywords"]) and _names_sides(s["text"], i.get("sides", []))
            for s, _ in sentences
        )
    ]
    result["recall_by_words"] = round(len(said) / len(gold["items"]), 3)
    if details:
        result["covered"] = covered
        result["missed"] = [i["id"] for i in gold["items"] if i["id"] not in covered]
        result["summary"] = [s["text"] for s, _ in sentences]
        result["violations"] = violations
    return result


if __name__ == "__main__":
    sys.exit(run_scorer("summary", __doc__ or "", score))
