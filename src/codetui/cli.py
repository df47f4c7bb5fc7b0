"""``codetui`` command line: no arguments opens the browser; subcommands script the core.

Exit codes: 0 ok, 1 not found / findings, 2 bad input (argparse or a command's own check).
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
from typing import Sequence

# (subcommand, module under codetui.commands, one-line help)
COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("lookup", "lookup", "show everything known about one code"),
    ("search", "search", "fuzzy search codes by code or words"),
    ("info", "info", "sources, releases and counts of the store"),
    ("build", "build", "rebuild data/codes.json from the official files"),
    ("import", "import_", "load your own files (licensed CPT descriptors, PTP quarters)"),
    ("check", "check", "check claim lines against NCCI, MUE, MPFS and ICD-10-CM rules"),
    ("ask", "ask", "answer coding questions offline from the store"),
    ("redact", "redact", "remove PHI (HIPAA Safe Harbor identifiers) from clinical text"),
    ("detect", "detect", "find ICD-10-CM codes (written or described) in clinical text"),
)


class ArgumentParser(argparse.ArgumentParser):
    """One-line errors (no usage dump) so scripts and people see just the reason."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message}\n")


def make_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(prog="codetui", description="Offline US medical billing code reference.")
    parser.add_argument("--store", help="path to a codes.json store (default: the shipped one)")
    sub = parser.add_subparsers(dest="command", parser_class=ArgumentParser)
    for name, module, help_ in COMMANDS:
        if importlib.util.find_spec(f"codetui.commands.{module}") is None:
            continue  # a command still being built in this checkout
        mod = importlib.import_module(f"codetui.commands.{module}")
        p = sub.add_parser(name, help=help_, description=help_)
        mod.add_arguments(p)
        p.set_defaults(_run=mod.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    if args.command is None:
        from codetui.tui.app import run_app

        return run_app(args)
    try:
        return int(args._run(args) or 0)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
