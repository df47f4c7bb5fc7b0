"""Helpers shared by subcommands: opening the store with a one-line error, JSON output."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import orjson

from codetui.storage import StoreError


def open_store(args: argparse.Namespace) -> Any:
    from codetui.store import CodeStore

    try:
        return CodeStore.open(Path(args.store) if getattr(args, "store", None) else None)
    except StoreError as exc:
        print(f"codetui: {exc}", file=sys.stderr)
        raise SystemExit(2) from None


def print_json(value: Any) -> None:
    sys.stdout.write(orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS).decode())
    sys.stdout.write("\n")


def fail(message: str, code: int = 2) -> int:
    print(f"codetui: {message}", file=sys.stderr)
    return code
