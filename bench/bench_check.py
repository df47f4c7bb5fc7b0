"""Whole-process timing of ``codetui check`` on a 20-line claim (target: median <= 300 ms).

Runs ``python -m codetui check ...`` as a fresh process N times (default 7) and prints the
median and spread; nothing is asserted, so a slow machine reports rather than fails.

    PYTHONPATH=src python bench/bench_check.py [--runs 7] [--store data/codes.json]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LINES = [
    "99214-25", "96413", "96417x2", "96415", "96375", "96367", "J9045x4", "J9171x8", "J2405x2",
    "J1100x10", "J7050", "36415", "85025", "80053", "G2211", "20610-59", "27447", "64483-50",
    "93000-26", "71046",
]
DX = "C50.911,Z51.11,E11.9,S72.001"


def once(cmd: list[str], env: dict[str, str]) -> tuple[float, int]:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, check=False, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        sys.exit(f"check failed (exit {proc.returncode}): {proc.stderr.strip()}")
    return elapsed, proc.returncode


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--store", help="codes.json to use (default: the shipped store)")
    args = ap.parse_args()
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    base = [sys.executable, "-m", "codetui"] + (["--store", args.store] if args.store else [])
    cases = {
        "check 20 lines (text)": base + ["check", *LINES, "--dx", DX, "--dos", "2026-04-15"],
        "check 20 lines (--json)": base + ["check", *LINES, "--dx", DX, "--dos", "2026-04-15", "--json"],
        "python -c pass (floor)": [sys.executable, "-c", "pass"],
    }
    print(f"{args.runs} runs each, whole process")
    for name, cmd in cases.items():
        once(cmd, env)  # warm the page cache
        times = [once(cmd, env)[0] * 1000 for _ in range(args.runs)]
        print(f"{name:28s} median {statistics.median(times):7.1f} ms   min {min(times):7.1f}   "
              f"max {max(times):7.1f}")


if __name__ == "__main__":
    main()
