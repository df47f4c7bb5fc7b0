"""``codetui import cpt FILE | --clear`` and ``codetui import ptp FILE...``.

Imports go to the user's data dir (``$CODETUI_HOME`` or the platform dir), never into the
shipped store: licensed CPT text stays on the licensee's machine, and a rebuild of the store
never loses what the user loaded.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from datetime import UTC, datetime
from pathlib import Path

from codetui import paths


def add_arguments(p: argparse.ArgumentParser) -> None:
    has_ptp = importlib.util.find_spec("codetui.ptp_import") is not None
    sub = p.add_subparsers(dest="what", metavar="{cpt,ptp}" if has_ptp else "{cpt}", parser_class=type(p))
    sub.required = True
    add_cpt_arguments(sub.add_parser(
        "cpt", help="load your licensed CPT descriptors (PPRRVU CSV or code/descriptor list)",
        description="Load your licensed CPT descriptor file into your user data dir.",
    ))
    if has_ptp:  # the NCCI helper's module; absent until it lands
        add_ptp_arguments(sub.add_parser(
            "ptp", help="load NCCI PTP edit quarter files",
            description="Load NCCI PTP edit files into your user data dir.",
        ))


def run(args: argparse.Namespace) -> int:
    if args.what == "cpt":
        return run_cpt(args)
    if args.what == "ptp":
        return run_ptp(args)
    return 2


# ---- cpt ---------------------------------------------------------------------------------
def add_cpt_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", nargs="?", metavar="FILE", help="PPRRVU CSV, or one 'code<TAB>descriptor' per line")
    p.add_argument("--clear", action="store_true", help="remove your imported CPT descriptors")


def run_cpt(args: argparse.Namespace) -> int:
    from codetui.importers.base import ImportError_
    from codetui.importers.cpt_user import read_cpt_file
    from codetui.userlayer import clear_cpt_descriptors, cpt_path, save_cpt_descriptors

    user_dir = paths.user_dir()
    if args.clear:
        if args.file:
            return _fail("import cpt: give either FILE or --clear, not both")
        if clear_cpt_descriptors(user_dir):
            print(f"Removed imported CPT descriptors ({cpt_path(user_dir)})")
        else:
            print(f"No imported CPT descriptors to remove ({cpt_path(user_dir)})")
        return 0
    if not args.file:
        return _fail("import cpt: FILE is required (or --clear)")
    try:
        got = read_cpt_file(Path(args.file))
    except ImportError_ as exc:
        return _fail(str(exc))
    if not got.descriptors:
        return _fail(f"{args.file}: no CPT descriptors found ({len(got.rejects)} rows rejected; "
                     "expected a PPRRVU CSV or 'code<TAB>descriptor' lines)")
    for rej in got.rejects:
        print(f"{args.file}:{rej.line}: {rej.reason}", file=sys.stderr)
    skipped = []
    if got.skipped_level2:
        skipped.append(f"{got.skipped_level2:,} HCPCS Level II rows skipped (their CMS text ships with codetui)")
    if got.skipped_modifier_rows:
        skipped.append(f"{got.skipped_modifier_rows:,} code+modifier rows skipped")
    if got.rejects:
        skipped.append(f"{len(got.rejects):,} rows rejected")
    if skipped:
        print(f"codetui: {args.file}: " + "; ".join(skipped), file=sys.stderr)
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    try:
        path = save_cpt_descriptors(user_dir, Path(args.file).name, got.descriptors, stamp)
    except OSError as exc:
        return _fail(f"{cpt_path(user_dir)}: cannot write: {exc.strerror}")
    print(f"Imported {len(got.descriptors)} CPT descriptors from {args.file} into {path}")
    return 0


# ---- ptp (the work is codetui.ptp_import, owned by the NCCI importer) -----------------------
def add_ptp_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", help="NCCI PTP edit files (.txt or .zip, one quarter)")
    p.add_argument("--setting", help="practitioner or opps (default: from the file names)")


def run_ptp(args: argparse.Namespace) -> int:
    from codetui.importers.base import ImportError_
    from codetui.ptp_import import import_ptp_files  # type: ignore[import-not-found]

    try:
        summary = import_ptp_files([Path(f) for f in args.files], paths.user_dir(), args.setting)
    except (ImportError_, ValueError) as exc:
        return _fail(str(exc))
    if summary:
        print(summary)
    return 0


def _fail(message: str) -> int:
    print(f"codetui: {message}", file=sys.stderr)
    return 2
