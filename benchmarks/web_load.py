"""Load on the web app: `rashomon serve` in its own process over a store of the bundled
example, then rounds of N concurrent story-page requests (httpx, async); prints the
latency percentiles and the throughput, and writes them under benchmarks/results/.

    PYTHONPATH=src .venv/bin/python benchmarks/web_load.py [--concurrency 200] [--rounds 5]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "saltmarsh-2025" / "text"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def _round(url: str, n: int) -> tuple[list[float], float, int]:
    limits = httpx.Limits(max_connections=n, max_keepalive_connections=n)
    async with httpx.AsyncClient(limits=limits, timeout=120) as client:

        async def one() -> tuple[float, int]:
            start = time.perf_counter()
            response = await client.get(url)
            return time.perf_counter() - start, response.status_code

        start = time.perf_counter()
        results = await asyncio.gather(*(one() for _ in range(n)))
        wall = time.perf_counter() - start
    failures = sum(1 for _, status in results if status != 200)
    return [t for t, _ in results], wall, failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concurrency", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), RASHOMON_LOG_LEVEL="warning")
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "load.db")
        subprocess.run(
            [sys.executable, "-m", "rashomon", "ingest", str(EXAMPLE), "--db", db, "-q"],
            check=True,
            env=env,
        )
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "rashomon", "serve", "--db", db, "--port", str(port)], env=env
        )
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 60
            while True:
                try:
                    stories = httpx.get(f"{base}/api/stories", timeout=300).json()
                    break
                except httpx.TransportError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.2)
            url = f"{base}/stories/{stories[0]['id']}"
            first = time.perf_counter()
            size = len(httpx.get(url, timeout=300).content)
            first_ms = (time.perf_counter() - first) * 1000
            latencies: list[float] = []
            rates, failures = [], 0
            for _ in range(args.rounds):
                times, wall, failed = asyncio.run(_round(url, args.concurrency))
                latencies += times
                rates.append(args.concurrency / wall)
                failures += failed
        finally:
            server.terminate()
            server.wait(timeout=10)
    ms = [t * 1000 for t in latencies]
    figures = {
        "requests": len(ms),
        "concurrency": args.concurrency,
        "page_bytes": size,
        "first_render_ms": round(first_ms, 1),
        "p50_ms": round(_percentile(ms, 50), 1),
        "p90_ms": round(_percentile(ms, 90), 1),
        "p99_ms": round(_percentile(ms, 99), 1),
        "max_ms": round(max(ms), 1),
        "requests_per_s_median_round": round(statistics.median(rates), 1),
        "failures": failures,
    }
    print(
        f"{figures['requests']} story-page requests, {args.concurrency} at a time "
        f"({size / 1000:.0f} KB page; first render {first_ms:.0f} ms): "
        f"p50 {figures['p50_ms']} ms, p90 {figures['p90_ms']} ms, p99 {figures['p99_ms']} ms, "
        f"max {figures['max_ms']} ms; {figures['requests_per_s_median_round']} requests/s "
        f"(median of {args.rounds} rounds); {failures} failures"
    )
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "web_load.json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
