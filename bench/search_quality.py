"""Search quality on labelled query sets: is an expected code in the top 5 (and first)?

    PYTHONPATH=src python bench/search_quality.py [--store data/codes.json] [-v] [--queries F ...]

Two sets by default: bench/queries.tsv (written with the search, tuned on) and
bench/queries_heldout.tsv (written later by another reader from what coders type, to catch
over-fitting). Each row: query, expected codes (any of, '|'-separated), optional system, kind.
Prints each miss (with what came first), the hit rate per kind and overall per set; target
>= 90 % in the top 5 on each set.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

TOP = 5


def load_queries(path: Path) -> list[tuple[str, set[str], str | None, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t") + ["", "", ""]
        rows.append((cells[0], set(cells[1].split("|")), cells[2] or None, cells[3] or "?"))
    return rows


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", default=str(REPO / "data" / "codes.json"))
    ap.add_argument(
        "--queries",
        nargs="+",
        default=[str(Path(__file__).with_name(n)) for n in ("queries.tsv", "queries_heldout.tsv", "queries_heldout2.tsv")],
    )
    ap.add_argument("-v", action="store_true", help="show the top 5 of every query")
    args = ap.parse_args()

    from codetui.store import CodeStore

    store = CodeStore.open(Path(args.store))
    ok_all = True
    for qfile in args.queries:
        print(f"== {Path(qfile).name}")
        ok_all &= report(store, load_queries(Path(qfile)), verbose=args.v)
    return 0 if ok_all else 1


def report(store: object, rows: list[tuple[str, set[str], str | None, str]], *, verbose: bool) -> bool:
    """Print misses and rates for one query set; True when the top-5 rate reaches 90 %."""
    by_kind: dict[str, list[bool]] = defaultdict(list)
    firsts: list[bool] = []
    for query, expected, system, kind in rows:
        hits = store.search(query, system=system, limit=50)  # type: ignore[attr-defined]
        found = [h.code for h in hits]
        rank = next((i + 1 for i, c in enumerate(found) if c in expected), None)
        ok = rank is not None and rank <= TOP
        by_kind[kind].append(ok)
        firsts.append(rank == 1)
        if not ok or verbose:
            mark = "ok  " if ok else "MISS"
            print(f"{mark} {query!r:45} expected {'|'.join(sorted(expected))} rank {rank}; top: {found[:TOP]}")
    total = [ok for oks in by_kind.values() for ok in oks]
    for kind, oks in sorted(by_kind.items()):
        print(f"  {kind:<15} {sum(oks)}/{len(oks)}")
    rate = sum(total) / len(total)
    print(f"top-1: {sum(firsts)}/{len(firsts)} = {sum(firsts) / len(firsts):.0%}")
    print(f"top-{TOP} hit rate: {sum(total)}/{len(total)} = {rate:.0%} (target >= 90%)")
    return rate >= 0.9

if __name__ == "__main__":
    sys.exit(main())
