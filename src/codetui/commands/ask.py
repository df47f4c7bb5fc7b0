"""``codetui ask QUESTION... [--json]``: offline answers from the store.

Exit codes: 0 answered, 1 not answered (the reply says so and offers a search), 2 bad input.
"""

from __future__ import annotations

import argparse
import textwrap

from codetui.textclean import strip_controls

WIDTH = 80  # answers are read in a terminal; keep them inside the classic 80 columns


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("question", nargs="+", help='e.g. "is 96417 an add-on code"')
    p.add_argument("--json", action="store_true", help="machine-readable output")


def run(args: argparse.Namespace) -> int:
    from codetui.ask import answer
    from codetui.commands.common import fail, open_store, print_json

    question = " ".join(args.question).strip()
    if not question:
        return fail("ask: empty question")
    store = open_store(args)
    ans = answer(store, question)
    if args.json:
        print_json(ans.as_dict())
        return 0 if ans.answered else 1
    print(textwrap.fill(strip_controls(ans.text, keep_newlines=False), width=WIDTH))
    if ans.facts:
        print()
        for f in ans.facts:
            src = f" [{f.source}{', ' + f.release if f.release else ''}]" if f.source else ""
            line = strip_controls(f"- {f.label}: {f.value}{src}", keep_newlines=False)
            print(textwrap.fill(line, width=WIDTH, subsequent_indent="  "))
    if ans.suggestions:
        print()
        print(textwrap.fill("Try: " + " | ".join(ans.suggestions), width=WIDTH, subsequent_indent="  "))
    return 0 if ans.answered else 1
