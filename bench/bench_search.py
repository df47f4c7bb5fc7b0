"""Search benchmarks on the real store: latency per keystroke, readiness, whole CLI vs fzf, RSS.

    PYTHONPATH=src python bench/bench_search.py [--store data/codes.json] [--runs 5]

Prints medians over ``--runs`` runs. Not a test: numbers depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

# Realistic queries: typed left to right, every prefix is a search (search-as-you-type).
QUERIES = [
    "type 2 diabetes with neuropathy",
    "copd exacerbation",
    "chemotherapy infusion",
    "knee replacement",
    "urinary tract infection",
    "e11.9",
    "j9045",
    "hypertensive heart disease with heart failure",
    "fracture of femur",
    "acetaminophen poisoning",
    "screening mammography",
    "diabtes mellitus",
    "chf",
    "wheelchair",
]
WORD_QUERIES = ["copd exacerbation", "knee replacement", "urinary tract infection", "wheelchair", "diabetes neuropathy"]


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def run_child(cmd: list[str], env: dict[str, str], stdin: Path | None = None) -> tuple[float, int]:
    """(wall seconds, peak RSS in MB) of one child process."""
    t0 = time.perf_counter()
    with open(stdin or os.devnull, "rb") as fin:
        proc = subprocess.Popen(cmd, stdin=fin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        _, _, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - t0, usage.ru_maxrss // 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", default=str(REPO / "data" / "codes.json"))
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    store_path = Path(args.store)
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))

    # Children are started before this process loads anything big: a forked child's peak RSS
    # counts the parent's pages until exec.
    py = [sys.executable, "-c"]
    warm = (
        "from pathlib import Path;from codetui.store import CodeStore;"
        f"s=CodeStore.open(Path({str(store_path)!r}));d=s.search_index.data;"
        "import sys;sys.stdout.write(''.join(f'{d.codes[i]} {d.titles[i]}\\n' for i in range(len(d.codes))))"
    )
    with tempfile.TemporaryDirectory() as tmp:
        # Installed-style: pip compiles .pyc files at install time, but this sandbox sets
        # PYTHONDONTWRITEBYTECODE, so without this every run would compile codetui from source.
        # The "no .pyc" column runs a copy of the package without them, to show that cost too.
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "src" / "codetui")], check=True)
        lines = Path(tmp) / "lines.txt"
        with open(lines, "wb") as fh:
            subprocess.run(py + [warm], env=env, stdout=fh, check=True)  # also warms both caches
        with open(lines, "rb") as fh:
            n_lines = sum(1 for _ in fh)

        ready_code = (
            "import time;t=time.perf_counter();from pathlib import Path;from codetui.store import CodeStore;"
            f"s=CodeStore.open(Path({str(store_path)!r}));s.search_index;s.search('copd');"
            "print(time.perf_counter()-t)"
        )
        ready = []
        for _ in range(args.runs):
            out = subprocess.run(py + [ready_code], env=env, capture_output=True, text=True, check=True)
            ready.append(float(out.stdout.strip()))
        print(f"store + search index ready (warm cache, fresh process): median {statistics.median(ready)*1000:.1f} ms")

        nopyc = Path(tmp) / "src"
        shutil.copytree(REPO / "src" / "codetui", nopyc / "codetui", ignore=shutil.ignore_patterns("__pycache__"))
        env_src = dict(env, PYTHONPATH=str(nopyc), PYTHONDONTWRITEBYTECODE="1")
        fzf = shutil.which("fzf")
        print(
            f"\nwhole process, median of {args.runs} interleaved runs: `python -m codetui --store S search Q`"
            f" vs `fzf --filter Q` over the same {n_lines:,} code+title lines:"
        )
        print(f"  {'query':<26} {'codetui (.pyc)':>15} {'fzf --filter':>13} {'codetui (no .pyc)':>18} {'peak RSS':>9}")
        for q in WORD_QUERIES:
            ours_cmd = [sys.executable, "-m", "codetui", "--store", str(store_path), "search", q]
            ours, src, theirs, rss = [], [], [], []
            run_child(ours_cmd, env)  # warm the page cache for this query's pages
            for _ in range(args.runs):
                wall, mb = run_child(ours_cmd, env)
                ours.append(wall)
                rss.append(mb)
                src.append(run_child(ours_cmd, env_src)[0])
                if fzf:
                    theirs.append(run_child([fzf, "--filter", q], env, lines)[0])
            fz = f"{statistics.median(theirs)*1000:.0f} ms" if theirs else "-"
            print(
                f"  {q:<26} {statistics.median(ours)*1000:>12.0f} ms {fz:>13}"
                f" {statistics.median(src)*1000:>15.0f} ms {max(rss):>6} MB"
            )
        if not fzf:
            print("  (fzf not installed: apt-get install -y fzf)")
        base = [run_child([sys.executable, "-c", "pass"], env)[0] for _ in range(args.runs)]
        print(f"  (bare `python -c pass` on this machine: {statistics.median(base)*1000:.0f} ms)")

    from codetui.search import SearchIndex
    from codetui.store import CodeStore

    index = SearchIndex.for_store(CodeStore.open(store_path))
    index.search("diabtes")  # first misspelling loads rapidfuzz once; a TUI pays it once too
    times: list[float] = []
    n_prefixes = 0
    for _ in range(args.runs):
        for q in QUERIES:
            for i in range(1, len(q) + 1):
                t0 = time.perf_counter()
                index.search(q[:i], limit=50)
                times.append(time.perf_counter() - t0)
                n_prefixes += 1
    print(
        f"\nsearch latency over every prefix of {len(QUERIES)} queries ({n_prefixes // args.runs} prefixes x {args.runs}):"
        f" p50 {pct(times, 50)*1000:.2f} ms  p95 {pct(times, 95)*1000:.2f} ms  max {max(times)*1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
