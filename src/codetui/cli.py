"""``codetui`` command line: no arguments opens the browser; subcommands script the core.

Exit codes: 0 ok, 1 not found / findings, 2 bad input (argparse or a command's own check).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

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


def make_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The full parser; with ``only``, just that subcommand's module is imported.

    Importing every command module costs ~20 ms, a fifth of a whole `codetui search`, so a
    run that names its command loads only that one (the others stay listed for errors).
    """
    parser = ArgumentParser(prog="codetui", description="Offline US medical billing code reference.")
    parser.add_argument("--store", help="path to a codes.json store (default: the shipped one)")
    sub = parser.add_subparsers(dest="command", parser_class=ArgumentParser)
    for name, module, help_ in COMMANDS:
        p = sub.add_parser(name, help=help_, description=help_)
        p.add_argument("--store", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        if only is not None and name != only:
            continue
        mod = importlib.import_module(f"codetui.commands.{module}")
        mod.add_arguments(p)
        p.set_defaults(_run=mod.run)
    return parser


def _named_command(argv: Sequence[str]) -> str | None:
    """The subcommand named in argv (skipping ``--store X``), or None."""
    names = {name for name, _, _ in COMMANDS}
    it = iter(argv)
    for arg in it:
        if arg == "--store":
            next(it, None)
        elif arg.startswith("-"):
            if arg in ("-h", "--help"):
                return None
        else:
            return arg if arg in names else None
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = _named_command(argv)
    args = make_parser(only=command).parse_args(argv)
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
