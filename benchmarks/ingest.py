"""Ingest speed and memory: articles per second and peak memory for read + clean +
dedup (+ store), on text articles and HTML pages made by varying the bundled
example corpus, with trafilatura.extract timed on the same HTML pages.

    .venv/bin/python benchmarks/ingest.py               # 10,000 text, 1,000 HTML
    .venv/bin/python benchmarks/ingest.py --text 2000 --html 200 --runs 1

Each figure is the median of --runs runs (the machine is shared and noisy). Peak
memory is measured with tracemalloc in a fresh process per size, so that sizes
can be compared: flat memory means the peak does not grow with the count.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
_WORD = re.compile(r"\b[a-z]{4,}\b")


def _sources(kind: str) -> list[str]:
    pattern = {"text": "*/text/*.txt", "html": "*/html/*.html"}[kind]
    files = sorted(EXAMPLES.glob(pattern))
    if not files:
        sys.exit(f"no example {kind} files under {EXAMPLES} (expected {pattern})")
    return [f.read_text(encoding="utf-8") for f in files]


_TAG = re.compile(r"(<[^>]*>)")


def _vary(text: str, rng: random.Random, vocab: list[str]) -> str:
    """Swap about a third of the longer lower-case words, so that each variant is a
    distinct article to dedup (and not a near-copy) while keeping its shape. In HTML
    only the text between tags is touched, never the markup."""

    def swap(segment: str) -> str:
        return _WORD.sub(
            lambda m: rng.choice(vocab) if rng.random() < 0.35 else m.group(0), segment
        )

    return "".join(part if part.startswith("<") else swap(part) for part in _TAG.split(text))


def make_corpus(kind: str, n: int, out: Path, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    bases = _sources(kind)
    vocab = sorted({w for b in bases for w in _WORD.findall(_TAG.sub(" ", b))})
    suffix = ".txt" if kind == "text" else ".html"
    paths = []
    for i in range(n):
        p = out / f"{kind}-{i:06d}{suffix}"
        p.write_text(_vary(bases[i % len(bases)], rng, vocab), encoding="utf-8")
        paths.append(p)
    return paths


def time_rashomon(folder: Path, db: Path | None, workers: int = 1) -> tuple[float, dict[str, int]]:
    from rashomon.pipeline import ingest_to_store, stream
    from rashomon.settings import Settings

    settings = Settings(db=str(db) if db else None, quiet=True, workers=workers)
    start = time.perf_counter()
    counts: dict[str, int] = {}
    if db is None:
        for a in stream([str(folder)], settings):
            counts[a.status] = counts.get(a.status, 0) + 1
    else:
        s = ingest_to_store([str(folder)], settings)
        counts = {"added": s.added, "duplicate": s.duplicates, "rejected": len(s.rejected)}
    return time.perf_counter() - start, counts


def time_trafilatura(paths: list[Path]) -> float:
    import trafilatura

    start = time.perf_counter()
    for p in paths:
        trafilatura.extract(p.read_bytes())
    return time.perf_counter() - start


def _memory_child(kind: str, n: int) -> None:
    """Run in a fresh process: peak traced memory of a streaming ingest of n items."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        make_corpus(kind, n, folder)
        tracemalloc.start()
        time_rashomon(folder, Path(tmp) / "store.db")
        _, peak = tracemalloc.get_traced_memory()
    print(json.dumps({"kind": kind, "n": n, "peak_mb": round(peak / 1e6, 1)}))


def memory(kind: str, sizes: list[int]) -> list[dict[str, float]]:
    out = []
    for n in sizes:
        res = subprocess.run(
            [sys.executable, __file__, "--memory-child", kind, str(n)],
            capture_output=True,
            text=True,
            check=True,
        )
        out.append(json.loads(res.stdout.strip().splitlines()[-1]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--text", type=int, default=10_000, help="text articles (default 10,000)")
    ap.add_argument("--html", type=int, default=1_000, help="HTML pages (default 1,000)")
    ap.add_argument("--runs", type=int, default=3, help="runs per figure; the median is shown")
    ap.add_argument("--no-memory", action="store_true", help="skip the memory runs")
    ap.add_argument("--memory-child", nargs=2, metavar=("KIND", "N"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.memory_child:
        _memory_child(args.memory_child[0], int(args.memory_child[1]))
        return

    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        text_dir, html_dir = Path(tmp) / "text", Path(tmp) / "html"
        text_dir.mkdir()
        html_dir.mkdir()
        make_corpus("text", args.text, text_dir)
        html_paths = make_corpus("html", args.html, html_dir)

        runs = [time_rashomon(text_dir, None) for _ in range(args.runs)]
        t_text = statistics.median(r[0] for r in runs)
        runs_db = [time_rashomon(text_dir, Path(tmp) / f"s{i}.db") for i in range(args.runs)]
        t_text_db = statistics.median(r[0] for r in runs_db)
        results["text"] = {
            "articles": args.text,
            "outcomes": runs[0][1],
            "seconds": round(t_text, 2),
            "articles_per_s": round(args.text / t_text, 1),
            "with_store_articles_per_s": round(args.text / t_text_db, 1),
        }
        print(
            f"text: {args.text} articles, {args.text / t_text:.0f}/s "
            f"({args.text / t_text_db:.0f}/s writing the SQLite store) {runs[0][1]}"
        )

        html: dict[str, object] = {"pages": args.html}
        for workers, label in ((1, "one process"), (0, "default workers")):
            ratios, ours, theirs = [], [], []
            for _ in range(args.runs):
                t_ours = time_rashomon(html_dir, None, workers)[0]
                t_traf = time_trafilatura(html_paths)
                ours.append(t_ours)
                theirs.append(t_traf)
                ratios.append(t_ours / t_traf)
            key = "one_process" if workers == 1 else "default_workers"
            html[key] = {
                "rashomon_seconds": round(statistics.median(ours), 2),
                "trafilatura_extract_seconds": round(statistics.median(theirs), 2),
                "ratio_median": round(statistics.median(ratios), 3),
            }
            print(
                f"html ({label}): {args.html} pages, rashomon {statistics.median(ours):.2f} s, "
                f"trafilatura.extract {statistics.median(theirs):.2f} s, "
                f"ratio {statistics.median(ratios):.2f}x (median of {args.runs})"
            )
        results["html"] = html

    if not args.no_memory:
        sizes = sorted({max(args.text // 5, 1), args.text})
        results["memory_text"] = memory("text", sizes)
        for m in results["memory_text"]:  # type: ignore[union-attr]
            print(f"memory: {m['n']} text articles, peak {m['peak_mb']} MB")
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "ingest.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
