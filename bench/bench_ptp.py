"""PTP companion: file sizes, cold-process look-up time and memory (nothing asserted).

Targets: both settings <= ~10 MB committed; a fresh process answers ``edits_for`` for a few
codes in <= ~20 ms of work after start-up. Each run is a new ``python`` process that imports
``codetui.ptp``, opens the database and lists the edits of 10 codes; the median of N runs is
printed for the whole process, for import+open+look-ups, and for the look-ups alone.

    PYTHONPATH=src python bench/bench_ptp.py [--runs 7] [--data data] [--raw ../shared/data/raw]

Without companions in ``--data/ptp`` they are built from the raw folder into a temp dir first.
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
CODES = ["96413", "99213", "10060", "64483", "29881", "20610", "J9045", "0001A", "36415", "93000"]

HWM = "int(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1]) / 1024"
CHILD = r"""
import json, sys, time
t0 = time.perf_counter()
from pathlib import Path
from codetui.ptp import PtpDatabase
t1 = time.perf_counter()
db = PtpDatabase.open(Path(sys.argv[1]), None)
db.file("practitioner")
t2 = time.perf_counter()
n = sum(len(db.edits_for(c, "practitioner")) for c in sys.argv[2].split(","))
t3 = time.perf_counter()
print(json.dumps({"import_ms": (t1 - t0) * 1e3, "open_ms": (t2 - t1) * 1e3, "lookup_ms": (t3 - t2) * 1e3,
                  "edits": n, "maxrss_mb": HWM}))
""".replace("HWM", HWM)


def build_into(raw: Path, out: Path) -> None:
    from codetui.importers import ncci_ptp
    from codetui.importers.base import Rejects

    t0 = time.perf_counter()
    for res in ncci_ptp.load(raw, Rejects()):
        for rel, blob in res.companions.items():
            (out / rel).parent.mkdir(parents=True, exist_ok=True)
            (out / rel).write_bytes(blob)
    print(f"built companions from {raw} in {time.perf_counter() - t0:.1f} s")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--data", default=str(REPO / "data"))
    ap.add_argument("--raw", default=str(REPO.parent / "shared" / "data" / "raw"))
    args = ap.parse_args()
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(args.data)
        if not (data / "ptp" / "practitioner.ptp").is_file():
            data = Path(tmp)
            build_into(Path(args.raw), data)
        total = 0
        for f in sorted((data / "ptp").glob("*.ptp")):
            total += f.stat().st_size
            print(f"{f.name:<20} {f.stat().st_size / 1e6:6.2f} MB")
        print(f"{'total':<20} {total / 1e6:6.2f} MB")
        walls, imports, opens, lookups, rss = [], [], [], [], []
        base_rss = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            out = subprocess.run(
                [sys.executable, "-c", CHILD, str(data), ",".join(CODES)],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            walls.append((time.perf_counter() - t0) * 1e3)
            got = json.loads(out)
            imports.append(got["import_ms"])
            opens.append(got["open_ms"])
            lookups.append(got["lookup_ms"])
            rss.append(got["maxrss_mb"])
            base = subprocess.run(
                [sys.executable, "-c", f"print({HWM})"], check=True, capture_output=True, text=True
            )
            base_rss.append(float(base.stdout))
        med = statistics.median
        print(
            f"{args.runs} cold processes, edits_for on {len(CODES)} codes ({got['edits']:,} edits):"
        )
        print(
            f"  whole process     median {med(walls):6.1f} ms  (min {min(walls):.1f}, max {max(walls):.1f})"
        )
        print(f"  import codetui.ptp median {med(imports):6.1f} ms")
        print(f"  open (header)     median {med(opens):6.1f} ms")
        print(
            f"  10 lookups        median {med(lookups):6.1f} ms  (min {min(lookups):.1f}, max {max(lookups):.1f})"
        )
        print(
            f"  peak RSS (VmHWM)  median {med(rss):6.1f} MB  (bare python {med(base_rss):.1f} MB)"
        )


if __name__ == "__main__":
    main()
