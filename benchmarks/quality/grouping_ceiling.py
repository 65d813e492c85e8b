"""How far claim positions could go with perfect grouping: the position scores of
`attributions.py`, with rashomon's grouping of statements into claims replaced by
the gold one, every other stage (statements, speakers, stances, pointers, denials)
left as it is. The gap between these figures and `attributions.py`'s is what
grouping loses; the gap between them and 1.0 is what finding statements, speakers
and stances loses.

- `single`: each statement joins the one gold claim whose evidence it matches best
  (most words in common), as rashomon's own grouping does (a statement is in one
  claim);
- `multi`: each statement joins every gold claim whose evidence it matches (the gold
  set puts a sentence that carries two propositions in both).

Statements that match no gold evidence keep rashomon's own grouping. A diagnostic,
not a score of rashomon: it reads the gold claims.

    .venv/bin/python benchmarks/quality/grouping_ceiling.py [--corpus NAME]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from attributions import ROOT, _evidence_ok, score_positions  # noqa: E402


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def gold_grouping(
    items: list[Any], gold: list[dict[str, Any]], multi: bool
) -> dict[int, list[int]]:
    """Gold claim index -> the indexes of the statements it holds."""
    out: dict[int, list[int]] = {}
    for k, it in enumerate(items):
        hits = []  # (words in common / words in either, gold claim)
        for gi, gc in enumerate(gold):
            for gp in gc["positions"]:
                if it.article_id == gp["article"] and _evidence_ok(it.evidence, gp["evidence"]):
                    a, b = _words(it.shown or it.text), _words(gp["evidence"])
                    hits.append((len(a & b) / max(1, len(a | b)), gi))
        if not hits:
            continue
        chosen = sorted({gi for _, gi in hits}) if multi else [max(hits)[1]]
        for gi in chosen:
            out.setdefault(gi, []).append(k)
    return out


def score(corpus_file: Path, mode: str) -> dict[str, Any]:
    import rashomon
    from rashomon.compare import claims as claims_stage
    from rashomon.compare.gazetteer import fold

    gold = json.loads(corpus_file.read_text(encoding="utf-8"))
    own = claims_stage._cluster

    def grouped(items: list[Any], vectors: Any, settings: Any) -> list[list[int]]:
        by_gold = gold_grouping(items, gold["claims"], mode == "multi")
        labelled = {k for members in by_gold.values() for k in members}
        rest = [[k for k in m if k not in labelled] for m in own(items, vectors, settings)]
        return sorted([m for m in list(by_gold.values()) + rest if m], key=lambda m: m[0])

    claims_stage._cluster = grouped
    try:
        report = rashomon.analyze([str((ROOT / gold["inputs"]).resolve())], quiet=True)
    finally:
        claims_stage._cluster = own
    claims = [c for story in report.stories for c in story.claims]
    outlets = {a.id: a.outlet for a in report.articles}
    result = score_positions(claims, gold["claims"], outlets, fold)
    keep = ("precision", "recall", "f1", "found", "alignment_recall", "alignment_precision")
    return {"corpus": gold["corpus"], "grouping": mode, **{k: result[k] for k in keep}}


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--corpus", action="append", help="a corpus name (default: all)")
    args = parser.parse_args()
    files = sorted(HERE.glob("attributions-*.json"))
    if args.corpus:
        files = [f for f in files if f.stem.removeprefix("attributions-") in args.corpus]
    for f in files:
        if not (ROOT / json.loads(f.read_text())["inputs"]).exists():
            print(f"skipped {f.name}: its inputs are not here", file=sys.stderr)
            continue
        for mode in ("single", "multi"):
            print(json.dumps(score(f, mode), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
