"""The neutrality check on every corpus we have, gold or not: each story's summary
sentences that state a disputed claim without saying who holds it
(`rashomon.compare.summary.neutrality_violations`), and each line of report.md that
names a disputed claim without its sides (`view_violations`: every line holding a
disputed claim's text must mark it disputed, or be a position's evidence under an
actor and a stance). Both must be 0 everywhere.

    .venv/bin/python benchmarks/quality/neutrality.py [FOLDER ...]

With no folder: the bundled example, ../shared/examples/karabakh-2020 and the
ECB+ dev documents (496 articles of many events) in ../shared/benchmarks.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

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


# A position's evidence under its actor and stance, or a conflict's evidence under
# its source and article: attributed, whatever words it holds.
_POSITION_LINE = re.compile(r"^\s+- [^:]+ \([^)]*\): ")


def view_violations(report: Any) -> list[dict[str, str]]:
    """Lines of report.md that hold a disputed claim's text with no mark that it is
    disputed ("Disputed", "figures differ"), no actor and stance before it (a
    position's evidence), and no verb of saying with one of its holders (a summary
    sentence, which `neutrality_violations` reads more closely)."""
    from rashomon.compare.summary import saying_verb_in
    from rashomon.render import render

    lines = render(report, "md").splitlines()
    out = []
    for story in report.stories:
        # words that are also (part of) an undisputed claim's own text are that claim's
        # to show
        undisputed = [c["text"] for c in story.claims if c["status"] != "disputed"]
        for claim in story.claims:
            if claim["status"] != "disputed" or any(claim["text"] in u for u in undisputed):
                continue
            holders = {p["actor"].lower() for p in claim["positions"]}
            for line in lines:
                if claim["text"][:120] not in line or _POSITION_LINE.match(line):
                    continue
                if "isputed" in line or "figures differ" in line:
                    continue
                if saying_verb_in(line) and any(h in line.lower() for h in holders):
                    continue
                out.append({"claim_id": claim["id"], "line": line})
    return out


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
    in_views = view_violations(report)
    twins = sum(
        c["status"] == "disputed"
        and any(c["text"] in o["text"] and o["status"] != "disputed" for o in story.claims)
        for story in report.stories
        for c in story.claims
    )
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
        "report_md_violations": len(in_views),
        "report_md_examples": in_views[:5],
        # disputed claims whose words are also (part of) an undisputed claim's text (not
        # counted above: those words are the other claim's to show)
        "disputed_with_an_undisputed_twin": twins,
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
        failed |= bool(result["violations"]) or bool(result["report_md_violations"])
        print(json.dumps(result, indent=2, ensure_ascii=False))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
