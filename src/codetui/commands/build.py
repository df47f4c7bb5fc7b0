"""``codetui build [RAW_DIR] [--out DIR]``."""

from __future__ import annotations

import argparse
from pathlib import Path

from codetui import paths


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("raw_dir", nargs="?", help="folder of official files (default ../shared/data/raw)")
    p.add_argument("--out", help="output folder (default: the shipped data/ folder)")


def run(args: argparse.Namespace) -> int:
    from codetui.build import build

    raw = Path(args.raw_dir) if args.raw_dir else paths.default_raw_dir()
    out = Path(args.out) if args.out else paths.shipped_data_dir()
    build(raw, out)
    return 0
