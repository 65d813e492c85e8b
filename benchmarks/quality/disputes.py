"""The claims rashomon marks `disputed` on real multi-article stories, written out
for reading. A claim is disputed when some actor in it denies or questions it, or
when its sources give figures for one measure that cannot all be true; a false
dispute tells a reader that someone contradicts what nobody contradicts, so these
are read one by one (see benchmarks/README.md for the verdicts and how they were
given). No gold here: the figures this prints are counts.

Stories:
- ECB+ development part (../shared/benchmarks/ecbplus-dev): each gold event (its
  articles about one real event) run as its own input, 42 stories;
- FNC-1 development part (../shared/benchmarks/fnc1-stance-dev): bodies joined when
  a claim headline is related to both (agree, disagree or discuss), each group of 3
  to 12 bodies run as its own input, 57 stories.

    .venv/bin/python benchmarks/quality/disputes.py [--out FILE] [--corpus ecb|fnc]

--out writes one JSON line per disputed claim: its story, text, `differs_on`, and
every position with the attribution's words.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "benchmarks"


def ecb_stories(data: Path = SHARED / "ecbplus-dev") -> Iterator[tuple[str, list[Path]]]:
    """(event, its article files), in event order."""
    gold = json.loads((data / "gold.json").read_text(encoding="utf-8"))
    events: dict[str, list[Path]] = defaultdict(list)
    for stem, v in gold.items():
        events[v["event"]].append(data / "docs" / f"{stem}.txt")
    for event in sorted(events):
        yield event, sorted(events[event])


def fnc_stories(
    data: Path = SHARED / "fnc1-stance-dev", smallest: int = 3, largest: int = 12
) -> Iterator[tuple[str, dict[str, str]]]:
    """(story, {body id: text}): bodies joined through the claim headlines related to
    them, as connected groups, in the order of their smallest body id."""
    csv.field_size_limit(10**8)
    with (data / "bodies.csv").open(encoding="utf-8", newline="") as f:
        bodies = {r["Body ID"]: r["articleBody"] for r in csv.DictReader(f)}
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    with (data / "stances.csv").open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if r["Stance"] != "unrelated":
                a, b = find("h:" + r["Headline"]), find("b:" + r["Body ID"])
                if a != b:
                    parent[a] = b
    groups: dict[str, list[str]] = defaultdict(list)
    for node in list(parent):
        if node.startswith("b:"):
            groups[find(node)].append(node[2:])
    kept = sorted(
        (sorted(ids, key=int) for ids in groups.values() if smallest <= len(ids) <= largest),
        key=lambda ids: int(ids[0]),
    )
    for ids in kept:
        yield f"fnc-{ids[0]}", {i: bodies[i] for i in ids}


def disputed(inputs: list[str]) -> tuple[list[dict[str, Any]], int]:
    """The disputed claims of one story, with their positions' words; and how many
    claims it has in all."""
    import rashomon

    report = rashomon.analyze(inputs, quiet=True)
    out: list[dict[str, Any]] = []
    total = 0
    for story in report.stories:
        words = {a["id"]: a["content"] for a in story.attributions}
        total += len(story.claims)
        for claim in story.claims:
            if claim["status"] != "disputed":
                continue
            out.append(
                {
                    "text": claim["text"],
                    "differs_on": claim.get("differs_on"),
                    "positions": [
                        {
                            "actor": p["actor"],
                            "stance": p["stance"],
                            "article_id": p["article_id"],
                            "evidence": p["evidence"],
                            "words": words.get(p["attribution_id"] or ""),
                        }
                        for p in claim["positions"]
                    ],
                }
            )
    return out, total


def _inputs(corpus: str) -> Iterator[tuple[str, list[str]]]:
    """(story, the inputs to analyse) of a corpus; FNC-1 bodies as files in a folder
    that lasts until the next story is asked for."""
    if corpus == "ecb":
        for event, paths in ecb_stories():
            yield event, [str(p) for p in paths]
        return
    for story, texts in fnc_stories():
        with tempfile.TemporaryDirectory(prefix="rashomon-fnc-") as folder:
            for body_id, text in texts.items():
                (Path(folder) / f"{body_id}.txt").write_text(text, encoding="utf-8")
            yield story, [folder]


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="write the disputed claims as JSON lines")
    parser.add_argument("--corpus", choices=("ecb", "fnc"), action="append")
    args = parser.parse_args()
    corpora = args.corpus or ["ecb", "fnc"]
    for name in ("ecbplus-dev", "fnc1-stance-dev"):
        if not (SHARED / name).exists():
            print(f"{SHARED / name} is not here", file=sys.stderr)
            return 2
    out = args.out.open("w", encoding="utf-8") if args.out else None
    t0 = time.perf_counter()
    counts: dict[str, dict[str, int]] = {}
    for corpus in corpora:
        stories = counts.setdefault(corpus, {"stories": 0, "claims": 0, "disputed": 0})
        for story, inputs in _inputs(corpus):
            found, total = disputed(inputs)
            stories["stories"] += 1
            stories["claims"] += total
            stories["disputed"] += len(found)
            for claim in found:
                if out:
                    out.write(json.dumps({"story": story, **claim}, ensure_ascii=False) + "\n")
    if out:
        out.close()
    print(json.dumps({**counts, "seconds": round(time.perf_counter() - t0, 1)}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
