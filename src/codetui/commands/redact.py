"""``codetui redact [FILE|-] [--json]``: remove PHI (Safe Harbor identifiers) from a note.

The note is read, redacted in memory and printed; it is never logged, cached or written.
"""

from __future__ import annotations

import argparse
import sys


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", nargs="?", default="-", help="text file to redact ('-' or none: stdin)")
    p.add_argument("--json", action="store_true", help="redacted text plus each span (start, end, type)")


def read_input(name: str) -> str:
    """The note's text: a file (BOM, cp1252 and CRLF tolerated) or standard input."""
    if name == "-":
        return sys.stdin.read()
    from pathlib import Path

    raw = Path(name).read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def run(args: argparse.Namespace) -> int:
    from codetui.commands.common import fail, print_json
    from codetui.redact import redact
    from codetui.textclean import strip_controls

    try:
        text = read_input(args.file)
    except OSError as exc:
        return fail(f"{args.file}: {exc.strerror or exc}")
    result = redact(text)
    if args.json:
        print_json({"text": strip_controls(result.text), "spans": [s.as_dict() for s in result.spans]})
    else:
        sys.stdout.write(strip_controls(result.text))
        if not result.text.endswith("\n"):
            sys.stdout.write("\n")
    return 0
