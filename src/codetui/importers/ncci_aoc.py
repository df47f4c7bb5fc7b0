"""NCCI add-on code (AOC) edits -> ``aoc`` list on each add-on code's ``hcpcs`` record.

The CSV is CMS's Medicare AOC workbook exported as is (PROVENANCE.md): dates are Julian
``YYYYDDD`` and type-2 edits name the placeholder primary ``CCCCC`` ("contractor defined").
The reverse map (primary -> add-ons) is derived by the store on first use, not stored.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from codetui.importers.base import (
    ImportResult,
    Rejects,
    SourceMeta,
    cell,
    csv_table,
    julian_to_iso,
)

FOLDER = "cms-ncci-aoc-2026q2"
FILE = "AOC_V2026Q2-MCR.csv"
CODE_RE = re.compile(r"^[0-9A-Z]{5}$")
CONTRACTOR_DEFINED = "CCCCC"
REQUIRED = ("AOC_EDIT_TYPE", "ADD-ON_CODE", "PRIMARY_CODE", "AOC_EDIT_EFFDT")


def _note(text: str) -> str:
    """Notes arrive wrapped in extra quotes (``"Based on ..."``); drop them."""
    return text.strip().strip('"').strip()


def read_aoc(path: Path, rejects: Rejects) -> tuple[dict[str, list[dict[str, Any]]], int]:
    """Add-on code -> its AOC edits (sorted), and the number of accepted rows."""
    idx, rows = csv_table(path, tuple(REQUIRED), header_startswith="AOC_Edit_Type")
    by_addon: dict[str, set[tuple[Any, ...]]] = {}
    accepted = 0
    for line, row in rows:
        if not any(c.strip() for c in row):
            continue
        addon = cell(row, idx, "Add-On_Code").upper()
        primary = cell(row, idx, "Primary_Code").upper()
        kind = cell(row, idx, "AOC_Edit_Type")
        if kind not in ("1", "2", "3"):
            rejects.add(path, line, f"bad AOC edit type {kind!r} (expected 1, 2 or 3)")
            continue
        if not CODE_RE.match(addon) or not CODE_RE.match(primary):
            rejects.add(path, line, f"bad add-on/primary code {addon!r}/{primary!r}")
            continue
        if kind == "2" and primary != CONTRACTOR_DEFINED:
            rejects.add(
                path, line, f"type 2 edit names primary {primary!r}, expected {CONTRACTOR_DEFINED}"
            )
            continue
        try:
            dates = tuple(
                julian_to_iso(cell(row, idx, name))
                for name in ("AOC_Edit_EffDT", "AOC_Edit_DelDT", "Primary_Code_DelDT", "AOC_DelDT")
            )
        except ValueError as exc:
            rejects.add(path, line, str(exc))
            continue
        if not dates[0]:
            rejects.add(path, line, "missing AOC_Edit_EffDT")
            continue
        accepted += 1
        note = _note(cell(row, idx, "Special_Instruction_Notes"))
        by_addon.setdefault(addon, set()).add((primary, int(kind), *dates, note))
    out: dict[str, list[dict[str, Any]]] = {}
    for addon, edits in by_addon.items():
        out[addon] = [
            {
                "primary": p,
                "type": t,
                "eff": eff,
                "del": dele,
                "primary_del": pdel,
                "addon_del": adel,
                "note": note,
                "src": "ncci_aoc",
            }
            for p, t, eff, dele, pdel, adel, note in sorted(edits)
        ]
    return out, accepted


def load(raw_dir: Path, rejects: Rejects) -> list[ImportResult]:
    by_addon, accepted = read_aoc(raw_dir / FOLDER / FILE, rejects)
    meta = SourceMeta(
        id="ncci_aoc",
        name="Medicare NCCI add-on code (AOC) edits",
        publisher="CMS",
        release="2026 Q2 (April 1, 2026)",
        effective="2026-04-01",
        files=[FILE],
        rows=accepted,
        folder=FOLDER,
    )
    result = ImportResult(meta)
    for addon, edits in sorted(by_addon.items()):
        result.put("hcpcs", addon, "aoc", edits)
    return [result]
