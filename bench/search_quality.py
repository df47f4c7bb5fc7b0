"""Search quality on the labelled set bench/queries.tsv: is an expected code in the top 5?

    PYTHONPATH=src python bench/search_quality.py [--store data/codes.json] [-v]

Each row: query, expected codes (any of, '|'-separated), optional system, kind. Prints each miss
(with what came first) and the hit rate per kind and overall; target >= 90 % in the top 5.
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
    ap.add_argument("--queries", default=str(Path(__file__).with_name("queries.tsv")))
    ap.add_argument("-v", action="store_true", help="show the top 5 of every query")
    args = ap.parse_args()

    from codetui.store import CodeStore

    store = CodeStore.open(Path(args.store))
    rows = load_queries(Path(args.queries))
    by_kind: dict[str, list[bool]] = defaultdict(list)
    for query, expected, system, kind in rows:
        hits = store.search(query, system=system, limit=50)
        found = [h.code for h in hits]
        rank = next((i + 1 for i, c in enumerate(found) if c in expected), None)
        ok = rank is not None and rank <= TOP
        by_kind[kind].append(ok)
        if not ok or args.v:
            mark = "ok  " if ok else "MISS"
            print(f"{mark} {query!r:45} expected {'|'.join(sorted(expected))} rank {rank}; top: {found[:TOP]}")
    total = [ok for oks in by_kind.values() for ok in oks]
    for kind, oks in sorted(by_kind.items()):
        print(f"  {kind:<15} {sum(oks)}/{len(oks)}")
    rate = sum(total) / len(total)
    print(f"top-{TOP} hit rate: {sum(total)}/{len(total)} = {rate:.0%} (target >= 90%)")
    return 0 if rate >= 0.9 else 1


if __name__ == "__main__":
    sys.exit(main())
