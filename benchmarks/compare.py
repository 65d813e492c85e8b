"""Compare-stage speed for one story of 50 real articles (the first 50 ECB+ documents
under ../shared/benchmarks/ecbplus-dev), next to the per-article analysis time.

Each run is a fresh process state for the store (a new temporary database):
- analysis: parse + attributions of the 50 articles (`analyze_articles`);
- entities: canonical entities of the story;
- claims (cold): attributions resolved, candidates embedded, claims grouped, with
  the sentence-vector model already loaded (its load is timed on its own);
- claims (warm): the same with the vectors cached in the store;
- compare (cold, warm): the whole stage for the story as `rashomon analyze` runs it
  (`pipeline.compare_story`: entities, claims, numbers, timeline, framing, summary),
  in a new store and then again with its vectors cached.

    .venv/bin/python benchmarks/compare.py [--articles 50] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT.parent / "shared" / "benchmarks" / "ecbplus-dev" / "docs"


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--articles", type=int, default=50)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    if not DOCS.exists():
        print(f"skipped: {DOCS} is not here", file=sys.stderr)
        return 0

    from rashomon.compare import canonical_entities
    from rashomon.compare.claims import who_claims_what
    from rashomon.compare.embed import _model
    from rashomon.model import Story
    from rashomon.nlp import analyze_articles
    from rashomon.pipeline import compare_story, stream
    from rashomon.settings import Settings
    from rashomon.store import Store

    files = sorted(DOCS.glob("*.txt"))[: args.articles]
    articles = [a for a in stream([str(f) for f in files], Settings(quiet=True, workers=1))]
    ok = [a for a in articles if a.status == "ok"]
    t = time.perf_counter()
    _model()
    model_load = time.perf_counter() - t
    rows = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "s.db") as store:
            for a in ok:
                store.add(a)
            t0 = time.perf_counter()
            analyses = analyze_articles(ok, store)
            t1 = time.perf_counter()
            entities = canonical_entities("s", ok, analyses)
            t2 = time.perf_counter()
            atts, claims = who_claims_what(ok, analyses, entities, store)
            t3 = time.perf_counter()
            who_claims_what(ok, analyses, entities, store)
            t4 = time.perf_counter()
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "s.db") as store:
            settings = Settings(quiet=True)
            story = Story(id="s", headline=None, article_ids=[a.id for a in ok])
            t5 = time.perf_counter()
            compare_story(story, ok, analyses, settings, store)
            t6 = time.perf_counter()
            compare_story(story, ok, analyses, settings, store)
            t7 = time.perf_counter()
        rows.append((t1 - t0, t2 - t1, t3 - t2, t4 - t3, t6 - t5, t7 - t6))
    med = [statistics.median(r[i] for r in rows) for i in range(6)]
    print(
        json.dumps(
            {
                "articles": len(ok),
                "words": sum(len(a.text.split()) for a in ok),
                "attributions": len(atts),
                "claims": len(claims),
                "model_load_seconds": round(model_load, 2),
                "median_seconds": {
                    "analysis_per_article": round(med[0] / len(ok), 3),
                    "analysis_total": round(med[0], 2),
                    "entities": round(med[1], 2),
                    "claims_cold": round(med[2], 2),
                    "claims_warm": round(med[3], 2),
                    "compare_cold": round(med[4], 2),
                    "compare_warm": round(med[5], 2),
                    "compare_cold_with_model_load": round(med[4] + model_load, 2),
                },
                "runs": args.runs,
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
