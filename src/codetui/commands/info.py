"""``codetui info [--json]``: which sources, releases and counts the store was built from."""

from __future__ import annotations

import argparse

from codetui.commands.common import open_store, print_json


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="machine-readable output")


def run(args: argparse.Namespace) -> int:
    store = open_store(args)
    sources = store.sources()
    counts = {name: len(store.table(name)) for name in ("hcpcs", "icd10cm", "modifiers", "terms", "icd9")}
    user = store.cpt_descriptors
    if args.json:
        print_json({"store": str(store.path), "counts": counts, "sources": sources,
                    "user_cpt_descriptors": len(user)})
        return 0
    print(f"Store: {store.path}")
    print("Records: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))
    print(f"Your CPT descriptors: {len(user):,}" if user else
          "Your CPT descriptors: none (load a licensed file with `codetui import cpt FILE`)")
    print()
    print(f"{'source':<22} {'release':<44} {'rows':>9} {'rej':>5}")
    for s in sources:
        rel = s.get("release", "")
        rel = rel if len(rel) <= 44 else rel[:43] + "…"
        print(f"{s['id']:<22} {rel:<44} {s.get('rows', 0):>9,} {s.get('rejected', 0):>5,}")
        print(f"  {s.get('publisher', '')}: {s.get('name', '')}"[:80])
    return 0
