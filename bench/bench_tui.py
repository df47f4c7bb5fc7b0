"""Browser latency and memory against the shipped store (medians of >= 5 runs).

Targets (issue): start to interactive (first paint, search focused) <= 400 ms p50; key press
to repainted results <= 60 ms p50 / <= 120 ms p95; opening a code page <= 50 ms; peak RSS
<= 200 MB after visiting 50 pages.

    PYTHONPATH=src python bench/bench_tui.py [--store data/codes.json] [--runs 5]

Each run is a fresh process (headless Textual), so imports and store loading are counted.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
QUERIES = ("96417", "diabetes polyneuropathy", "J9045", "carboplatin", "E11.42", "fracture femur")
PAGES = (
    "code:96417", "code:96413", "icd:E11.42", "mod:59", "code:J9045", "range:H40-H42",
    "code:99213", "icd:S72.001A", "mod:25", "code:0708T",
)

CHILD = r"""
import asyncio, json, os, resource, sys, time
T0 = float(os.environ["BENCH_T0"])
from pathlib import Path
from textual import events
from codetui.store import CodeStore
from codetui.userdata import UserData
from codetui.tui.app import CodeTuiApp
from codetui.tui.screens.browser import BrowserScreen

store_path = Path(os.environ["BENCH_STORE"])
out = {}
painted = []
flag = {}

orig_apply = BrowserScreen._apply_results


def apply_and_mark(self, seq, results):
    orig_apply(self, seq, results)
    if seq == self._search_seq and "ev" in flag:
        self.call_after_refresh(lambda: (painted.append(time.perf_counter()), flag["ev"].set()))


BrowserScreen._apply_results = apply_and_mark


async def auto(pilot):
    app = pilot.app
    screen = app.screen_stack[0]
    while not (screen.query("#search") and app.focused is screen.query_one("#search")):
        await asyncio.sleep(0.002)
    ev = asyncio.Event()
    screen.call_after_refresh(ev.set)
    await ev.wait()
    out["start_ms"] = (time.time() - T0) * 1000  # search box focused and painted
    while app.store is None:
        await asyncio.sleep(0.005)
    out["store_ready_ms"] = (time.time() - T0) * 1000
    await app.workers.wait_for_complete()
    keys = []
    for q in json.loads(os.environ["BENCH_QUERIES"]):
        screen.query_one("#search").value = ""
        await pilot.pause()
        for ch in q:
            flag["ev"] = asyncio.Event()
            key = events.Key("space" if ch == " " else ch, ch)
            t = time.perf_counter()
            app._driver.send_message(key)
            await asyncio.wait_for(flag["ev"].wait(), 5)
            keys.append((painted[-1] - t) * 1000)
    out["key_ms"] = keys
    opens = []
    targets = json.loads(os.environ["BENCH_PAGES"])
    for i in range(50):
        target = targets[i % len(targets)]
        ev = asyncio.Event()
        t = time.perf_counter()
        screen.visit(target)
        screen.call_after_refresh(ev.set)
        await asyncio.wait_for(ev.wait(), 5)
        if i < len(targets):  # first visit of each page: built, not cached
            opens.append((time.perf_counter() - t) * 1000)
    await app.workers.wait_for_complete()
    out["open_ms"] = opens
    out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    app.exit()

app = CodeTuiApp(lambda: CodeStore.open(store_path), UserData.open(Path(os.environ["CODETUI_HOME"])))
app.run(headless=True, size=(80, 24), auto_pilot=auto)
print("BENCH" + json.dumps(out))
"""


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def one_run(store: Path) -> dict[str, object]:
    env = dict(os.environ)
    env.update(
        BENCH_STORE=str(store),
        BENCH_QUERIES=json.dumps(QUERIES),
        BENCH_PAGES=json.dumps(PAGES),
        CODETUI_HOME=tempfile.mkdtemp(prefix="codetui-bench-"),
        PYTHONPATH=str(REPO / "src"),
    )
    env["BENCH_T0"] = repr(time.time())
    proc = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=300)
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("BENCH")), None)
    if line is None:
        raise SystemExit(f"bench child failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}")
    return json.loads(line[5:])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--store", default=str(REPO / "data" / "codes.json"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    runs = [one_run(Path(args.store)) for _ in range(max(args.runs, 5))]
    start = [float(r["start_ms"]) for r in runs]
    ready = [float(r["store_ready_ms"]) for r in runs]
    keys = [k for r in runs for k in r["key_ms"]]  # type: ignore[union-attr]
    opens = [k for r in runs for k in r["open_ms"]]  # type: ignore[union-attr]
    rss = [float(r["rss_mb"]) for r in runs]
    rows = [
        ("start to interactive p50", statistics.median(start), 400),
        ("  (store loaded, p50)", statistics.median(ready), None),
        ("key to repainted results p50", statistics.median(keys), 60),
        ("key to repainted results p95", pct(keys, 0.95), 120),
        ("open a code page p50", statistics.median(opens), 50),
        ("open a code page p95", pct(opens, 0.95), None),
        ("peak RSS after 50 pages (MB) p50", statistics.median(rss), 200),
    ]
    ok = True
    for name, value, limit in rows:
        verdict = "" if limit is None else ("ok" if value <= limit else "OVER")
        ok &= verdict != "OVER"
        print(f"{name:<36} {value:9.1f}  {'' if limit is None else f'<= {limit}':>8}  {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
