"""``codetui info [--json]``: which sources, releases and counts the store was built from."""

from __future__ import annotations

import argparse
import textwrap

from codetui.commands.common import open_store, print_json
from codetui.textclean import strip_controls


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
    for s in sources:
        rejected = f", {s.get('rejected', 0):,} rejected" if s.get("rejected") else ""
        print(f"{s['id']}  ({s.get('rows', 0):,} rows{rejected})")
        for text in (f"{s.get('publisher', '')}: {s.get('name', '')}", f"release: {s.get('release', '')}"):
            print(textwrap.fill(strip_controls(text, keep_newlines=False), width=80,
                                initial_indent="  ", subsequent_indent="    "))
    return 0
