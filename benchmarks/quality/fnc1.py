"""An article's stance on a claim (`rashomon.compare.stance`) against FNC-1's
development pairs (../shared/benchmarks/fnc1-stance-dev: 447 real article bodies,
12,108 headline-body pairs labelled agree / disagree / discuss / unrelated).

rashomon's labels map as: asserts -> agree, denies -> disagree, reports -> discuss,
unrelated -> unrelated. Reported: macro-F1 over the four classes, the challenge's
weighted FNC score (0.25 for related/unrelated right, 0.75 more for the exact related
class, as a share of the best possible), per-class P / R / F1 and the confusion
matrix. Parses and sentence vectors are cached in a store (default
benchmarks/.cache/fnc1.db), so a second run only classifies.

    .venv/bin/python benchmarks/quality/fnc1.py [--data DIR] [--bodies R/M] [--limit N]
                                                [--store PATH]

--data DIR scores another copy of the data with the same layout (bodies.csv with
"Body ID" and "articleBody", stances.csv with "Headline", "Body ID" and "Stance").
--bodies R/M keeps the bodies whose ID leaves remainder R (or any of R1,R2,...) when
divided by M: the development IDs are odd, so 1/4 and 3/4 are its two halves.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "benchmarks" / "fnc1-stance-dev"
LABELS = ("agree", "disagree", "discuss", "unrelated")
TO_FNC = {"asserts": "agree", "denies": "disagree", "reports": "discuss", "unrelated": "unrelated"}


def load(
    data: Path = DATA, limit: int | None = None, keep: Callable[[int], bool] | None = None
) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    """Bodies by id, and (headline, body id, gold label) pairs; only the bodies whose
    ID `keep` accepts, and `limit` bodies at most."""
    with open(data / "bodies.csv", encoding="utf-8", newline="") as f:
        bodies = {r["Body ID"]: r["articleBody"] for r in csv.DictReader(f)}
    if keep:
        bodies = {b: t for b, t in bodies.items() if keep(int(b))}
    if limit:
        bodies = dict(sorted(bodies.items(), key=lambda kv: int(kv[0]))[:limit])
    with open(data / "stances.csv", encoding="utf-8", newline="") as f:
        pairs = [
            (r["Headline"], r["Body ID"], r["Stance"])
            for r in csv.DictReader(f)
            if r["Body ID"] in bodies
        ]
    return bodies, pairs


def body_filter(spec: str) -> Callable[[int], bool]:
    """'1/4' -> IDs leaving remainder 1 when divided by 4; '1,3/8' -> remainder 1 or 3."""
    try:
        rests, _, mod = spec.partition("/")
        m = int(mod)
        wanted = {int(r) for r in rests.split(",")}
    except ValueError:
        raise argparse.ArgumentTypeError(f"--bodies wants R/M such as 1/4, not {spec!r}") from None
    if m < 1:
        raise argparse.ArgumentTypeError("--bodies: M must be at least 1")
    return lambda body_id: body_id % m in wanted


def score(gold: list[str], pred: list[str]) -> dict[str, object]:
    """Macro-F1, the FNC score, per-class figures and the confusion matrix."""
    confusion = {g: {p: 0 for p in LABELS} for g in LABELS}
    for g, p in zip(gold, pred, strict=True):
        confusion[g][p] += 1
    per_class = {}
    for c in LABELS:
        tp = confusion[c][c]
        n_pred = sum(confusion[g][c] for g in LABELS)
        n_gold = sum(confusion[c].values())
        prec = tp / n_pred if n_pred else 0.0
        rec = tp / n_gold if n_gold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per_class[c] = {"precision": round(prec, 3), "recall": round(rec, 3), "f1": round(f1, 3)}
    macro = sum(v["f1"] for v in per_class.values()) / len(LABELS)

    def points(g: str, p: str) -> float:
        related_g, related_p = g != "unrelated", p != "unrelated"
        out = 0.25 if related_g == related_p else 0.0
        if related_g and g == p:
            out += 0.75
        return out

    best = sum(points(g, g) for g in gold)
    got = sum(points(g, p) for g, p in zip(gold, pred, strict=True))
    return {
        "pairs": len(gold),
        "macro_f1": round(macro, 3),
        "fnc_score": round(got / best, 3) if best else 0.0,
        "accuracy": round(sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold), 3),
        "per_class": per_class,
        "confusion (gold -> predicted)": confusion,
    }


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--data", type=Path, default=DATA, help=f"the data folder (default {DATA})")
    ap.add_argument(
        "--bodies",
        type=body_filter,
        metavar="R/M",
        help="only bodies whose ID modulo M is R (or one of R1,R2,...): 1/4 and 3/4 halve dev",
    )
    ap.add_argument("--limit", type=int, help="only the first N bodies (by id)")
    ap.add_argument("--store", type=Path, default=ROOT / "benchmarks" / ".cache" / "fnc1.db")
    args = ap.parse_args()
    if not args.data.exists():
        print(f"skipped: {args.data} is not here", file=sys.stderr)
        return 0

    from rashomon.compare.stance import stance_towards
    from rashomon.ingest import content_hash
    from rashomon.model import Article, Source
    from rashomon.nlp import analyze_articles
    from rashomon.store import Store

    bodies, pairs = load(args.data, args.limit, args.bodies)
    articles = {}
    for b, t in bodies.items():
        hashed = content_hash(t)
        articles[b] = Article(
            id=f"body-{b}", source=Source(format="text"), text=t, content_hash=hashed
        )
    args.store.parent.mkdir(parents=True, exist_ok=True)
    with Store(args.store) as store:
        t0 = time.perf_counter()
        analyses = analyze_articles(list(articles.values()), store)
        t1 = time.perf_counter()
        by_headline: dict[str, list[str]] = defaultdict(list)
        for headline, body, _ in pairs:
            by_headline[headline].append(body)
        found: dict[tuple[str, str], str] = {}
        for headline, bs in by_headline.items():
            for s in stance_towards(headline, [articles[b] for b in bs], analyses, store):
                found[(headline, s.article_id.removeprefix("body-"))] = s.stance
        t2 = time.perf_counter()
        store.commit()
    gold = [g for _, _, g in pairs]
    pred = [TO_FNC[found.get((h, b), "unrelated")] for h, b, _ in pairs]
    result = score(gold, pred)
    result["bodies"] = len(bodies)
    result["seconds"] = {"analysis": round(t1 - t0, 1), "stances": round(t2 - t1, 1)}
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
