"""Body-text extraction on ../shared/benchmarks/article-extraction.

Scores, in one run on the same pages, rashomon's whole HTML path (the HTML reader's
decoding, then the real `rashomon.ingest.to_article`: extraction, metadata, cleaning)
against `trafilatura.extract(html)` with default settings and with
`include_comments=False`. The metric is the benchmark's own: token-level precision,
recall and F1 (whitespace-split tokens, multiset overlap) per page, averaged over
pages; "accuracy" is the share of pages with F1 >= 0.9. Times are totals over all
pages, the median of --runs passes (systems interleaved, so machine noise hits all).

    .venv/bin/python benchmarks/extraction/score.py [--runs 3] [--split even|odd]
        [--pages N] [--show-worst K]
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
RESULTS = Path(__file__).resolve().parent / "results"
# A page counts as accurately extracted at this F1 (the benchmark's "almost perfect").
ACCURATE = 0.9

System = Callable[[bytes, str], str]
Scores = tuple[float, float, float]


def prf(predicted: str, reference: str) -> Scores:
    """Token precision, recall and F1 of `predicted` against `reference`."""
    pred, ref = Counter(predicted.split()), Counter(reference.split())
    if not pred or not ref:
        return (1.0, 1.0, 1.0) if pred == ref else (0.0, 0.0, 0.0)
    overlap = sum((pred & ref).values())
    p, r = overlap / sum(pred.values()), overlap / sum(ref.values())
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def half(page_id: str) -> str:
    """'even' or 'odd': the parity of the page id read as a hexadecimal number."""
    return "even" if int(page_id, 16) % 2 == 0 else "odd"


def rashomon_system() -> tuple[System, str]:
    """rashomon's HTML path, and how it is measured."""
    from rashomon.ingest.readers.html import read_html
    from rashomon.ingest.registry import ReadContext
    from rashomon.model import Source
    from rashomon.settings import Settings

    settings = Settings()
    ctx = ReadContext(settings=settings, fetch=_no_fetch)
    try:
        from rashomon.ingest import to_article
    except ImportError as exc:  # the cleaner is not importable: score extraction alone
        from rashomon.ingest.extract import extract_html

        def extract_only(page: bytes, url: str) -> str:
            raw = next(read_html(page, Source("html", url=url), ctx))
            return extract_html(raw.body, url=url).text

        return extract_only, f"extract_html alone (to_article not importable: {exc})"

    def pipeline(page: bytes, url: str) -> str:
        raw = next(read_html(page, Source("html", url=url), ctx))
        return to_article(raw, "page", settings).text

    return pipeline, "reader + to_article (extract, metadata, clean)"


def _no_fetch(url: str) -> object:
    raise OSError(f"the benchmark does not fetch {url}")


def trafilatura_system(**options: object) -> System:
    import trafilatura

    def run(page: bytes, url: str) -> str:
        return trafilatura.extract(page, **options) or ""  # type: ignore[arg-type]

    return run


def load_pages(split: str, limit: int | None) -> list[tuple[str, bytes, dict[str, str]]]:
    truth = json.loads((BENCH / "ground-truth.json").read_text(encoding="utf-8"))
    pages = [
        (pid, gzip.decompress((BENCH / "html" / f"{pid}.html.gz").read_bytes()), item)
        for pid, item in sorted(truth.items())
        if split == "all" or half(pid) == split
    ]
    return pages[:limit] if limit else pages


def summary(scores: list[tuple[str, Scores]]) -> dict[str, float]:
    n = len(scores) or 1
    out = {
        "precision": sum(s[0] for _, s in scores) / n,
        "recall": sum(s[1] for _, s in scores) / n,
        "f1": sum(s[2] for _, s in scores) / n,
        "accuracy": sum(1 for _, s in scores if s[2] >= ACCURATE) / n,
    }
    for name in ("even", "odd"):
        part = [s[2] for pid, s in scores if half(pid) == name]
        out[f"f1_{name}_pages"] = sum(part) / len(part) if part else float("nan")
    return {k: round(v, 4) for k, v in out.items()}


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--runs", type=int, default=3, help="timing passes; the median is shown")
    ap.add_argument(
        "--split",
        choices=("all", "even", "odd"),
        default="all",
        help="only the pages whose hexadecimal id is even or odd (tune on one, check the other)",
    )
    ap.add_argument("--pages", type=int, default=None, metavar="N", help="only the first N pages")
    ap.add_argument(
        "--show-worst", type=int, default=0, metavar="K", help="print rashomon's K worst pages"
    )
    args = ap.parse_args()
    if not (BENCH / "ground-truth.json").exists():
        sys.exit(
            f"benchmark not found at {BENCH}: this script reads ../shared beside the "
            "checkout; set RASHOMON_SHARED to the shared directory"
        )
    pages = load_pages(args.split, args.pages)
    ours, how = rashomon_system()
    systems: dict[str, System] = {
        "rashomon": ours,
        "trafilatura.extract (default)": trafilatura_system(),
        "trafilatura.extract (include_comments=False)": trafilatura_system(include_comments=False),
    }
    per_page: dict[str, list[tuple[str, Scores]]] = {}
    outputs: dict[str, list[str]] = {}
    times: dict[str, list[float]] = {name: [] for name in systems}
    # One-off costs (lazy imports, models loaded on first use) are not per-page costs.
    for system in systems.values():
        for _, page, item in pages[:3]:
            system(page, item["url"])
    for run in range(max(1, args.runs)):
        for name, system in systems.items():
            start = time.perf_counter()
            texts = [system(page, item["url"]) for _, page, item in pages]
            times[name].append(time.perf_counter() - start)
            if run == 0:
                outputs[name] = texts
                per_page[name] = [
                    (pid, prf(text, item["articleBody"]))
                    for (pid, _, item), text in zip(pages, texts, strict=True)
                ]

    print(f"{len(pages)} pages ({args.split}), rashomon measured as {how}")
    print(f"times: median of {max(1, args.runs)} runs, after a warm-up on 3 pages\n")
    head = ("system", "P", "R", "F1", "acc", "F1 even", "F1 odd", "seconds")
    print(f"{head[0]:46}" + "".join(f"{h:>9}" for h in head[1:]))
    results: dict[str, object] = {"pages": len(pages), "split": args.split, "rashomon_path": how}
    for name, scores in per_page.items():
        s = summary(scores)
        secs = statistics.median(times[name])
        results[name] = {**s, "seconds": round(secs, 3), "runs": [round(t, 3) for t in times[name]]}
        halves = "".join(
            f"{s[k]:9.4f}" if s[k] == s[k] else f"{'-':>9}"
            for k in ("f1_even_pages", "f1_odd_pages")
        )
        print(
            f"{name:46}{s['precision']:9.4f}{s['recall']:9.4f}{s['f1']:9.4f}{s['accuracy']:9.3f}"
            f"{halves}{secs:9.2f}"
        )
    base = "trafilatura.extract (default)"
    ratio = statistics.median(times["rashomon"]) / statistics.median(times[base])
    per_run = [a / b for a, b in zip(times["rashomon"], times[base], strict=True)]
    print(f"\nrashomon time / {base} time: {ratio:.2f}x (per run: "
          + ", ".join(f"{r:.2f}" for r in per_run) + ")")  # fmt: skip
    results["time_ratio_rashomon_over_trafilatura"] = round(ratio, 3)

    if args.show_worst:
        truth = {pid: item for pid, _, item in pages}
        texts = dict(zip((pid for pid, _, _ in pages), outputs["rashomon"], strict=True))
        print(f"\nrashomon's {args.show_worst} worst pages:")
        for pid, (p, r, f) in sorted(per_page["rashomon"], key=lambda s: s[1][2])[
            : args.show_worst
        ]:
            print(f"\n  {pid[:16]} P={p:.3f} R={r:.3f} F1={f:.3f}  {truth[pid]['url']}")
            got, want = Counter(texts[pid].split()), Counter(truth[pid]["articleBody"].split())
            extra = " ".join(t for t, _ in (got - want).most_common(12))
            missing = " ".join(t for t, _ in (want - got).most_common(12))
            print(f"    extra:   {extra[:150]}")
            print(f"    missing: {missing[:150]}")

    RESULTS.mkdir(parents=True, exist_ok=True)
    name = "score" + ("" if args.split == "all" else f"-{args.split}")
    name += f"-first{args.pages}.json" if args.pages else ".json"
    (RESULTS / name).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    per_page_out = {
        system: {pid: [round(x, 4) for x in s] for pid, s in scores}
        for system, scores in per_page.items()
    }
    (RESULTS / name.replace("score", "pages")).write_text(
        json.dumps(per_page_out, indent=1) + "\n", encoding="utf-8"
    )
    print(f"\nwrote {RESULTS / name}")


if __name__ == "__main__":
    main()
