"""Body-text extraction on ../shared/benchmarks/article-extraction: rashomon's HTML
path (decode, extract, clean, metadata; the real `to_article`) against
trafilatura.extract with default settings and with include_comments=False, scored in
the same run with the benchmark's own metric: token-level precision, recall and F1
(whitespace tokens, multiset overlap) averaged over pages; "accuracy" is the share of
pages with F1 >= 0.9. Time is the median of --runs passes over all pages.

    .venv/bin/python benchmarks/extraction/score.py [--runs 3] [--show-worst 10]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("RASHOMON_SHARED", ROOT.parent / "shared"))
BENCH = SHARED / "benchmarks" / "article-extraction"
ACCURATE = 0.9


def prf(predicted: str, reference: str) -> tuple[float, float, float]:
    pred, ref = Counter(predicted.split()), Counter(reference.split())
    if not pred or not ref:
        return (1.0, 1.0, 1.0) if pred == ref else (0.0, 0.0, 0.0)
    overlap = sum((pred & ref).values())
    p, r = overlap / sum(pred.values()), overlap / sum(ref.values())
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def rashomon_system() -> Callable[[bytes, str], str]:
    from rashomon.ingest import to_article
    from rashomon.ingest.readers.html import read_html
    from rashomon.ingest.registry import ReadContext
    from rashomon.model import Source
    from rashomon.settings import Settings

    settings = Settings(min_words=1)
    ctx = ReadContext(settings=settings, fetch=lambda url: (_ for _ in ()).throw(OSError(url)))

    def run(page: bytes, url: str) -> str:
        raw = next(read_html(page, Source("html", url=url), ctx))
        return to_article(raw, "page", settings).text

    return run


def trafilatura_system(**options: object) -> Callable[[bytes, str], str]:
    import trafilatura

    def run(page: bytes, url: str) -> str:
        return trafilatura.extract(page, **options) or ""  # type: ignore[arg-type]

    return run


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--runs", type=int, default=3, help="timing passes (median shown)")
    ap.add_argument(
        "--show-worst", type=int, default=0, metavar="K", help="print rashomon's K worst pages"
    )
    args = ap.parse_args()
    if not BENCH.exists():
        sys.exit(f"{BENCH} is absent: this benchmark reads ../shared beside the checkout")
    truth = json.loads((BENCH / "ground-truth.json").read_text(encoding="utf-8"))
    pages = [
        (pid, gzip.decompress((BENCH / "html" / f"{pid}.html.gz").read_bytes()), item)
        for pid, item in sorted(truth.items())
    ]
    systems = {
        "rashomon": rashomon_system(),
        "trafilatura.extract (default)": trafilatura_system(),
        "trafilatura.extract (include_comments=False)": trafilatura_system(include_comments=False),
    }
    results: dict[str, dict[str, object]] = {}
    per_page: dict[str, list[tuple[str, tuple[float, float, float]]]] = {}
    times: dict[str, list[float]] = {name: [] for name in systems}
    for run in range(args.runs):
        for name, system in systems.items():  # interleaved, so noise hits all alike
            start = time.perf_counter()
            outputs = [system(page, item["url"]) for _, page, item in pages]
            times[name].append(time.perf_counter() - start)
            if run == 0:
                per_page[name] = [
                    (pid, prf(out, item["articleBody"]))
                    for (pid, _, item), out in zip(pages, outputs, strict=True)
                ]
    print(f"{len(pages)} pages, median of {args.runs} timing runs\n")
    head = ("system", "P", "R", "F1", "acc", "even F1", "odd F1", "s")
    print(f"{head[0]:46} " + " ".join(f"{h:>7}" for h in head[1:]))
    for name, scores in per_page.items():
        n = len(scores)
        mean = [sum(s[1][i] for s in scores) / n for i in range(3)]
        acc = sum(1 for s in scores if s[1][2] >= ACCURATE) / n
        halves = [[s[1][2] for s in scores if int(s[0][:2], 16) % 2 == h] for h in (0, 1)]
        half_f1 = [sum(h) / len(h) for h in halves]
        secs = statistics.median(times[name])
        results[name] = {
            "precision": round(mean[0], 4), "recall": round(mean[1], 4), "f1": round(mean[2], 4),
            "accuracy": round(acc, 4), "f1_even_pages": round(half_f1[0], 4),
            "f1_odd_pages": round(half_f1[1], 4), "seconds": round(secs, 3),
        }  # fmt: skip
        print(
            f"{name:46} {mean[0]:6.4f} {mean[1]:6.4f} {mean[2]:6.4f} {acc:6.3f} "
            f"{half_f1[0]:8.4f} {half_f1[1]:7.4f} {secs:6.2f}"
        )
    ratio = statistics.median(times["rashomon"]) / statistics.median(
        times["trafilatura.extract (default)"]
    )
    print(f"\nrashomon time / trafilatura.extract time: {ratio:.2f}x")
    results["time_ratio"] = {"rashomon_over_trafilatura": round(ratio, 3)}
    if args.show_worst:
        print("\nworst pages for rashomon:")
        for pid, (p, r, f) in sorted(per_page["rashomon"], key=lambda s: s[1][2])[
            : args.show_worst
        ]:
            print(f"  {pid[:16]}  P={p:.3f} R={r:.3f} F1={f:.3f}  {truth[pid]['url']}")
    out = ROOT / "benchmarks" / "extraction" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "score.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
