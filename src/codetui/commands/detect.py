"""``codetui detect [FILE|-] [--json]``: ICD-10-CM codes in clinical text, with evidence.

Explicit codes (validated) and conditions in words (ranked candidates), each with its context
status. The note is read and scanned in memory only; nothing of it is logged or cached.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from typing import TextIO

from codetui.commands.redact import read_input
from codetui.textclean import strip_controls

WIDTH = 80
INDENT = " " * 10


def _write(out: TextIO, text: str, indent: str, hang: str = "") -> None:
    """One finding line, wrapped inside 80 columns; continuation lines sit under the text."""
    text = strip_controls(text, keep_newlines=False)
    lines = textwrap.wrap(text, width=WIDTH, initial_indent=indent, subsequent_indent=hang or indent,
                          break_on_hyphens=False) or [indent]
    out.write("\n".join(lines) + "\n")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", nargs="?", default="-", help="text file to scan ('-' or none: stdin)")
    p.add_argument("--json", action="store_true", help="every finding with span, status and confidence")
    p.add_argument("--all", action="store_true", help="also list lower-ranked candidates (rank > 3)")


def run(args: argparse.Namespace) -> int:
    from codetui.commands.common import fail, open_store, print_json
    from codetui.detect import Detector
    try:
        text = read_input(args.file)
    except OSError as exc:
        return fail(f"{args.file}: {exc.strerror or exc}")
    store = open_store(args)
    found = Detector(store).detect(text)
    if not args.all:
        found = [f for f in found if f.rank <= 3]
    if args.json:
        rows = []
        for f in found:
            d = f.as_dict(text)
            d["evidence"] = strip_controls(d["evidence"], keep_newlines=False)
            rows.append(d)
        print_json({"findings": rows})
        return 0
    out = sys.stdout
    for f in found:
        evidence = strip_controls(text[f.start:f.end], keep_newlines=False)
        head = f"{f.code:<9} {f.kind:<8} {f.status:<9} {f.confidence:.2f}  {f.title}"
        _write(out, head, "", " " * 35)
        note = f"  ({f.note})" if f.note else ""
        _write(out, f'evidence: "{evidence}" @{f.start}-{f.end}{note}', INDENT)
        if f.seventh:
            _write(out, "7th character: " + "; ".join(f"{k} {v}" for k, v in f.seventh), INDENT)
        if f.children:
            _write(out, "billable children: " + " ".join(f.children), INDENT)
    if not found:
        out.write("no ICD-10-CM codes found\n")
    return 0 if found else 1
