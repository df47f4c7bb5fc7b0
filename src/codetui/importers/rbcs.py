"""CMS Restructured BETOS (RBCS): category, subcategory and family per CPT/HCPCS code.

A code has one row per HCPCS date range and per RBCS effective year (older rows often say
"No RBCS Family"); the row with the newest RBCS effective date describes the code today.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from codetui.importers.base import (
    ImportResult,
    Rejects,
    SourceMeta,
    cell,
    csv_table,
)

FOLDER = "cms-rbcs-northstar-2024-06"
FILE = "rbcs_hcpcs.csv"
CODE_RE = re.compile(r"^[A-Z0-9]{5}$")
OPEN_END = "9999-12-31"


def _iso(value: str) -> str:
    return date.fromisoformat(value).isoformat() if value else ""


def read_rbcs(path: Path, rejects: Rejects) -> tuple[dict[str, dict[str, Any]], int]:
    """Code -> rbcs block (newest effective row wins) and the number of accepted rows."""
    idx, rows = csv_table(path, ("HCPCS_CODE", "RBCS_CATEGORY"))
    best: dict[str, tuple[tuple[str, str, str], dict[str, Any]]] = {}
    accepted = 0
    for line, row in rows:
        code = cell(row, idx, "HCPCS_CODE").upper()
        if not CODE_RE.match(code):
            rejects.add(path, line, f"bad HCPCS code {code!r}")
            continue
        try:
            added, ended, effective = (_iso(cell(row, idx, c)) for c in
                                       ("HCPCS_DATE_ADDED", "HCPCS_DATE_ENDED", "RBCS_DATE_EFFECTIVE"))
        except ValueError as exc:
            rejects.add(path, line, f"{code}: bad date ({exc})")
            continue
        block = {
            "src": "rbcs",
            "major": cell(row, idx, "RBCS_PROCEDURE"),
            "category": cell(row, idx, "RBCS_CATEGORY"),
            "subcategory": cell(row, idx, "RBCS_SUBCATEGORY"),
            "family": cell(row, idx, "RBCS_FAMILY"),
            "added": added,
            "ended": "" if ended == OPEN_END else ended,
            "effective": effective,
        }
        accepted += 1
        rank = (effective, ended or OPEN_END, added)
        if code not in best or rank > best[code][0]:
            best[code] = (rank, block)
    return {code: block for code, (_, block) in best.items()}, accepted


def load(raw_dir: Path, rejects: Rejects) -> list[ImportResult]:
    path = raw_dir / FOLDER / FILE
    blocks, accepted = read_rbcs(path, rejects)
    meta = SourceMeta(
        id="rbcs", name="Restructured BETOS Classification System (RBCS)", publisher="CMS",
        release="RBCS as pinned in northstar, June 2024 (codes added through 2022-10-01)",
        effective="2024-06", files=[FILE], rows=accepted, folder=FOLDER,
    )
    result = ImportResult(meta)
    for code, block in blocks.items():
        result.put("hcpcs", code, "rbcs", block)
    return [result]
