"""Per-article analysis speed: rashomon's `analyze_articles` (parse, keep sentences and
mentions, serialise to the store) against bare `nlp.pipe` on the same texts in the same
run, then the cached re-run. Texts are made by varying the bundled example corpus.

    .venv/bin/python benchmarks/analyze.py [--articles 1000]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from ingest import make_corpus  # noqa: E402  (the same corpus maker as the ingest benchmark)


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--articles", type=int, default=1000)
    args = ap.parse_args()

    from rashomon.nlp import analyze_articles, load_nlp
    from rashomon.pipeline import stream
    from rashomon.settings import Settings
    from rashomon.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        make_corpus("text", args.articles, folder)
        articles = [
            a for a in stream([str(folder)], Settings(quiet=True, workers=1)) if a.status == "ok"
        ]
        texts = [a.text for a in articles]
        words = sum(len(t.split()) for t in texts)
        nlp = load_nlp()
        processes = 2 if len(texts) >= 200 else 1

        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32, n_process=processes):
            pass
        bare = time.perf_counter() - start

        db = Path(tmp) / "store.db"
        with Store(db) as store:
            start = time.perf_counter()
            analyze_articles(articles, store)
            ours = time.perf_counter() - start
        with Store(db) as store:
            start = time.perf_counter()
            analyze_articles(articles, store)
            cached = time.perf_counter() - start

    results = {
        "articles": len(texts),
        "words": words,
        "bare_nlp_pipe_seconds": round(bare, 2),
        "rashomon_seconds": round(ours, 2),
        "overhead": round(ours / bare - 1, 3),
        "articles_per_s": round(len(texts) / ours, 1),
        "cached_seconds": round(cached, 3),
        "cached_speedup": round(ours / cached, 1),
    }
    print(
        f"{len(texts)} articles ({words} words), {processes} process(es): bare nlp.pipe "
        f"{bare:.1f} s, rashomon {ours:.1f} s ({len(texts) / ours:.0f} articles/s, "
        f"overhead {100 * (ours / bare - 1):+.0f}%); cached re-run {cached:.2f} s "
        f"({ours / cached:.0f}x faster)"
    )
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "analyze.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
