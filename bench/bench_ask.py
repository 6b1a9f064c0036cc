"""Question answering speed on these machines, in one run:

* server ready time: from process start to the first 200 of ``/health`` (model load included);
* ``/api/ask`` latency over the dev questions, warm (every question asked once before timing):
  p50 and p95 over ``--repeat`` rounds, against the baseline of ``/health`` on the same server
  (the cost of HTTP alone);
* index build time, read from the current build's manifest.

    .venv/bin/python bench/bench_ask.py [--repeat 5]

Needs a build (``chainkg build``). Prints; never asserts.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    questions = [json.loads(line)["question"]
                 for line in (ROOT / "data/eval/dev-questions.jsonl").read_text(encoding="utf-8").splitlines()]
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "chainkg.cli", "serve", "--port", str(port)],
                            env={**os.environ, "CHAINKG_ROOT": str(ROOT)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                if httpx.get(base + "/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.05)
        ready = time.perf_counter() - started
        with httpx.Client(timeout=30) as client:
            for q in questions:  # warm up
                client.get(base + "/api/ask", params={"q": q})
            ask: list[float] = []
            health: list[float] = []
            for _ in range(args.repeat):
                for q in questions:
                    t = time.perf_counter()
                    client.get(base + "/api/ask", params={"q": q})
                    ask.append((time.perf_counter() - t) * 1000)
                    t = time.perf_counter()
                    client.get(base + "/health")
                    health.append((time.perf_counter() - t) * 1000)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    manifest = json.loads((ROOT / "var/current/manifest.json").read_text(encoding="utf-8"))
    print(f"server ready: {ready:.2f} s (model load included)")
    print(f"/api/ask over {len(questions)} dev questions x {args.repeat}: "
          f"p50 {statistics.median(ask):.1f} ms, p95 {_percentile(ask, 0.95):.1f} ms")
    print(f"/health baseline on the same server: p50 {statistics.median(health):.1f} ms "
          f"(ask/health ratio {statistics.median(ask) / statistics.median(health):.1f}x)")
    print(f"index build: {manifest.get('index_s')} s of a {manifest.get('duration_s')} s build")


if __name__ == "__main__":
    main()
