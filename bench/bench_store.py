"""Store benchmarks: open (warm cache), exact lookups, page builds. Prints medians.

Run: python bench/bench_store.py   (from the repo root; uses the shipped data/codes.json)
Each figure is the median of several runs in fresh subprocesses (cold interpreter, warm cache).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RUNS = 7

_CHILD = r"""
import json, time, resource
t0 = time.perf_counter()
from codetui.store import CodeStore
store = CodeStore.open()
t1 = time.perf_counter()
codes = ["96417", "E11.42", "J9045", "99213", "S72.001A", "27447", "G2211", "59", "71046", "Z51.11"]
t = time.perf_counter()
for c in codes:
    assert store.lookup(c) is not None, c
t2 = time.perf_counter()
for c in codes:  # second lookups hit the decoded-record cache
    store.lookup(c)
t3 = time.perf_counter()
from codetui.pages.build import build_page
t4 = time.perf_counter()
for c in codes:
    build_page(store, c)
t5 = time.perf_counter()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"open_ms": (t1 - t0) * 1e3, "lookup_cold_ms": (t2 - t) * 1e3 / len(codes),
                  "lookup_warm_ms": (t3 - t2) * 1e3 / len(codes), "page_ms": (t5 - t4) * 1e3 / len(codes),
                  "rss_mb": rss}))
"""


def main() -> None:
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    subprocess.run([sys.executable, "-c", "from codetui.store import CodeStore; CodeStore.open()"],
                   env=env, check=True)  # warm the SQLite cache once
    results = []
    for _ in range(RUNS):
        out = subprocess.run([sys.executable, "-c", _CHILD], env=env, capture_output=True, text=True, check=True)
        results.append(json.loads(out.stdout))
    print(f"store benchmarks, median of {RUNS} fresh processes (warm cache)")
    for key, label in (("open_ms", "open store (imports included)"), ("lookup_cold_ms", "exact lookup, first"),
                       ("lookup_warm_ms", "exact lookup, repeated"), ("page_ms", "build a code page"),
                       ("rss_mb", "peak RSS, MB")):
        vals = [r[key] for r in results]
        print(f"  {label:<32} {statistics.median(vals):8.3f}   (min {min(vals):.3f}, max {max(vals):.3f})")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "codetui", "lookup", "96417"], env=env, capture_output=True, check=True)
    print(f"  {'codetui lookup 96417 (process)':<32} {(time.perf_counter() - start) * 1e3:8.1f} ms (one run)")


if __name__ == "__main__":
    main()
