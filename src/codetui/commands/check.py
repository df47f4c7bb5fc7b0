"""``codetui check CLAIM-LINE... [--dx A,B] [--dos DATE] [--setting S] [--file F] [--json]``.

Exit codes: 0 clean (notes allowed), 1 findings (errors or warnings), 2 bad input.
Heavy imports wait until ``run`` so ``codetui --help`` stays fast.
"""

from __future__ import annotations

import argparse
import sys


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("lines", nargs="*", metavar="LINE",
                   help="claim lines: CODE[-MOD...][xUNITS], e.g. 96417x2 99214-25 (or - for stdin)")
    p.add_argument("--dx", action="append", default=[], metavar="CODES",
                   help="ICD-10-CM diagnosis codes, comma-separated, in claim order")
    p.add_argument("--dos", help="date of service (YYYY-MM-DD or MM/DD/YYYY; default today)")
    p.add_argument("--setting", default="practitioner",
                   help="practitioner (default), opps (outpatient hospital) or dme")
    p.add_argument("--file", "-f", metavar="FILE", help="read claim lines from FILE ('-' for stdin)")
    p.add_argument("--json", action="store_true", help="machine-readable output")


def _tokens(args: argparse.Namespace) -> tuple[list[str], dict[str, str]]:
    """Claim tokens from the command line and FILE/stdin, plus where each file token came from
    (``"claim.txt:3"``), so a bad token in a file is reported with its line."""
    from codetui.check.claim import tokenize

    tokens = [t for t in args.lines if t != "-"]
    origin: dict[str, str] = {}
    source = args.file or ("-" if "-" in args.lines or (not args.lines and not sys.stdin.isatty()) else None)
    if source is None:
        return tokens, origin
    if source == "-":
        text, name = sys.stdin.read(), "<stdin>"
    else:
        from pathlib import Path

        text, name = Path(source).read_bytes().decode("utf-8-sig", errors="replace"), source
    for number, line in enumerate(text.splitlines(), 1):
        for tok in tokenize(line):
            origin.setdefault(tok, f"{name}:{number}")
            tokens.append(tok)
    return tokens, origin


def run(args: argparse.Namespace) -> int:
    from codetui.check import ClaimParseError, check_claim, parse_claim, render
    from codetui.commands.common import fail, open_store, print_json

    origin: dict[str, str] = {}
    try:
        tokens, origin = _tokens(args)
        claim = parse_claim(tokens, dx=args.dx, dos=args.dos, setting=args.setting)
    except ClaimParseError as exc:
        line = f"{origin[exc.token]}: " if exc.token in origin else ""
        where = f"{exc.token!r}: " if exc.token else ""
        return fail(f"check: {line}{where}{exc.reason}")
    except OSError as exc:
        return fail(f"check: {args.file}: {exc.strerror or exc}")
    store = open_store(args)
    result = check_claim(store, claim)
    if args.json:
        print_json(render.as_dict(claim, result))
    else:
        print(render.as_text(claim, result))
    return 1 if result.failed else 0
