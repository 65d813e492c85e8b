"""Cleaning precision on text it has never seen: how much of a human-made article
body the cleaner wrongly takes out. Reads the ground-truth bodies of
../shared/benchmarks/article-extraction (pure article text, no furniture), cleans
each as rashomon would clean an extracted HTML body, and counts the words removed:
every removed word is a false removal.

    .venv/bin/python benchmarks/cleaning.py [--show]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

from rashomon.ingest.clean import clean_text

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RASHOMON_SHARED", ROOT.parent / "shared"))


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--show", action="store_true", help="print every removal")
    args = ap.parse_args()
    gt_path = SHARED / "benchmarks" / "article-extraction" / "ground-truth.json"
    if not gt_path.exists():
        sys.exit(f"{gt_path} is absent: this benchmark reads ../shared beside the checkout")
    truth = json.loads(gt_path.read_text(encoding="utf-8"))
    reasons: Counter[str] = Counter()
    words = lost = pages_touched = 0
    for page_id, item in sorted(truth.items()):
        body = item["articleBody"]
        words += len(body.split())
        cleaned = clean_text(body, read_header=False)
        if cleaned.removed:
            pages_touched += 1
        for r in cleaned.removed:
            reasons[r.reason.split(" (")[0]] += 1
            lost += len(r.text.split())
            if args.show:
                print(f"{page_id[:12]}  {r.reason}: {r.text[:100]}")
    print(
        f"{len(truth)} human-made bodies, {words} words: {lost} words removed "
        f"({100 * lost / words:.2f}%), on {pages_touched} pages"
    )
    for reason, n in reasons.most_common():
        print(f"  {n:4d}  {reason}")


if __name__ == "__main__":
    main()
