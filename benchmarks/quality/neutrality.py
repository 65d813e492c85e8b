"""The neutrality check on every corpus we have, gold or not: each story's summary
sentences that state a disputed claim without saying who holds it
(`rashomon.compare.summary.neutrality_violations`). Must be 0 everywhere.

    .venv/bin/python benchmarks/quality/neutrality.py [FOLDER ...]

With no folder: the bundled example, ../shared/examples/karabakh-2020 and the
ECB+ dev documents (496 articles of many events) in ../shared/benchmarks.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DEFAULT = [
    ROOT / "examples" / "saltmarsh-2025" / "text",
    ROOT.parent / "shared" / "examples" / "karabakh-2020",
    ROOT.parent / "shared" / "benchmarks" / "ecbplus-dev" / "docs",
]


def _label(folder: Path) -> str:
    for base in (ROOT, ROOT.parent):
        if base in folder.parents:
            return str(folder.relative_to(base))
    return str(folder)


def check(folder: Path) -> dict[str, object]:
    import rashomon
    from rashomon.compare.summary import neutrality_violations

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        report = rashomon.analyze([str(folder)], quiet=True, db=str(Path(tmp) / "n.db"))
        seconds = time.perf_counter() - t0
    violations = []
    sentences = disputed = cited_disputed = 0
    for story in report.stories:
        sentences += len(story.summary)
        ids = {c["id"] for c in story.claims if c["status"] == "disputed"}
        disputed += len(ids)
        cited_disputed += sum(bool(ids & set(s["claim_ids"])) for s in story.summary)
        for v in neutrality_violations(story.summary, story.claims):
            violations.append(dict(v, story=story.id))
    return {
        "corpus": str(folder.relative_to(ROOT.parent))
        if ROOT.parent in folder.parents
        else str(folder),
        "articles": sum(a.status == "ok" for a in report.articles),
        "stories": len(report.stories),
        "summary_sentences": sentences,
        "disputed_claims": disputed,
        "sentences_citing_a_disputed_claim": cited_disputed,
        "violations": len(violations),
        "examples": violations[:5],
        "seconds": round(seconds, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path)
    args = parser.parse_args()
    failed = False
    for folder in args.folders or DEFAULT:
        if not folder.exists():
            print(f"skipped {folder}: not here", file=sys.stderr)
            continue
        result = check(folder.resolve())
        failed |= bool(result["violations"])
        print(json.dumps(result, indent=2, ensure_ascii=False))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
