"""``codetui search QUERY [--system S] [--limit N] [--json]``: the TUI's search, scriptable.

Loads only the cached search index (never the 40 MB store when the cache is warm), so a
search is one short process.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

SHORT_SYSTEM = {"CPT": "CPT", "HCPCS": "HCPCS", "ICD-10-CM": "ICD", "Modifier": "MOD"}


def _system(text: str) -> str:
    from codetui.search import parse_system

    try:
        return parse_system(text) or ""
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _limit(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 1 <= n <= 500:
        raise argparse.ArgumentTypeError("must be between 1 and 500")
    return n


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", nargs="+", help="a code or prefix (e11.9, 9641, -59) or words")
    p.add_argument("--system", type=_system, help="cpt, hcpcs, icd or modifier")
    p.add_argument("--limit", type=_limit, default=20, help="most hits to show, 1..500 (default 20)")
    p.add_argument("--json", action="store_true", help="print a JSON list of hits")


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 1)] + "\u2026"


def format_hit(hit: Any, width: int = 80) -> str:
    """One line: code, system, title (or what matched), terminated codes marked."""
    text = hit.title
    if hit.matched:
        text = f"{text}  [{hit.matched}]" if text else f"[{hit.matched}]"
    if not text:
        text = "(no descriptor: import your licensed CPT file)" if hit.system == "CPT" else ""
    if hit.terminated:
        text = f"[terminated] {text}"
    head = f"{hit.code:<9} {SHORT_SYSTEM.get(hit.system, hit.system):<5} "
    return head + _fit(text, width - len(head))


def _terminal_width() -> int:
    """As shutil.get_terminal_size().columns (COLUMNS first), without importing shutil."""
    import os

    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


def run(args: argparse.Namespace) -> int:
    from codetui import paths
    from codetui.search import SearchIndex

    query = " ".join(args.query)
    store_path = args.store if getattr(args, "store", None) else paths.shipped_store_path()
    try:
        index = SearchIndex.for_path(store_path, paths.user_dir())
    except Exception as exc:  # storage (orjson, tinydb) is imported only when the cache misses
        from codetui.storage import StoreError

        if not isinstance(exc, StoreError):
            raise
        print(f"codetui: {exc}", file=sys.stderr)
        return 2
    hits = index.search(query, system=args.system or None, limit=args.limit)
    if args.json:
        import orjson

        opts = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS
        sys.stdout.write(orjson.dumps([h.as_dict() for h in hits], option=opts).decode() + "\n")
    if not hits:
        print(f"codetui: no matches for {query!r}", file=sys.stderr)
        return 1
    if args.json:
        return 0
    width = _terminal_width()
    sys.stdout.write("".join(format_hit(h, width) + "\n" for h in hits))
    return 0
