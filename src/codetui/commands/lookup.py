"""``codetui lookup CODE [--json]``: everything known about one code, as a page."""

from __future__ import annotations

import argparse
import re
import shutil
import sys

from codetui.commands.common import fail, open_store, print_json
from codetui.textclean import clean_query

_CODE_MOD = re.compile(r"^[0-9A-Z]{5}-[0-9A-Z]{2}$")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("code", help="a CPT/HCPCS code, ICD-10-CM code (dot optional), modifier or range")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--all", action="store_true", help="show every row of long sections (PTP)")


def run(args: argparse.Namespace) -> int:
    from codetui.pages.build import build_page
    from codetui.pages.text import page_to_json, render_text

    code = clean_query(args.code)
    if not code:
        return fail("lookup: empty code")
    store = open_store(args)
    page = build_page(store, code)
    if page is None and _CODE_MOD.match(code.upper()):
        # coders write "71046-26": show the code, and say where the modifier lives
        base, mod = code.upper().split("-")
        page = build_page(store, base)
        if page is not None:
            where = (f"has its own page: codetui lookup {mod}" if store.modifier(mod)
                     else "is not a CPT or HCPCS Level II modifier in the store")
            print(f"codetui: showing {base}; modifier {mod} {where}", file=sys.stderr)
    if page is None:
        suggestions = _suggest(store, code)
        hint = f"; nearest: {', '.join(suggestions)}" if suggestions else ""
        print(f"codetui: {code}: not found{hint}", file=sys.stderr)
        if args.json:
            print_json({"query": code, "found": False, "suggestions": suggestions})
        return 1
    if args.json:
        found = store.lookup(page.code)
        print_json({"query": code, "found": True, "record": found[1] if found else None,
                    "page": page_to_json(page)})
        return 0
    width = min(shutil.get_terminal_size((80, 24)).columns, 120)
    sys.stdout.write(render_text(page, width=width, max_rows=10_000 if args.all else 40))
    return 0


def _suggest(store: object, code: str) -> list[str]:
    """Nearest codes: for a code-shaped query, codes sharing its longest known prefix
    (96418 -> 9641x, E11.99 -> E11.9x); otherwise a word search."""
    from codetui.codes import compact, looks_hcpcs, looks_icd

    try:
        text = compact(code)
        if looks_hcpcs(text) or looks_icd(code):
            system = "ICD-10-CM" if "." in code else None
            for cut in range(len(text) - 1, 2, -1):
                hits = store.search(text[:cut], system=system, limit=5)  # type: ignore[attr-defined]
                near = [h.code for h in hits if compact(h.code).startswith(text[:cut])]
                if near:
                    return near
            return []
        return [h.code for h in store.search(code, limit=5)]  # type: ignore[attr-defined]
    except Exception:
        return []
