"""CMS HCPCS Level II Alpha-Numeric file (``HCPC<year>_<MON>_ANWEB``, CSV export of the xlsx).

One row per code with the long description already joined. ``RECID`` 3 rows are procedure and
supply codes (table ``hcpcs``, block ``anweb``); ``RECID`` 7 rows are Level II modifiers
(table ``modifiers``). Coded values are stored raw and decoded by ``codetui.decode.hcpcs``.
CPT codes are not in this file, so everything here is CMS text that may ship.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from codetui.importers.base import (
    ImportError_,
    ImportResult,
    Rejects,
    SourceMeta,
    cell,
    csv_table,
    yyyymmdd_to_iso,
)

FOLDER = "cms-hcpcs-anweb-2025-10"
FILE_GLOB = "HCPC*_ANWEB.csv"
SOURCE_ID = "hcpcs_anweb"

LEVEL2_RE = re.compile(r"^[A-Z][0-9]{4}$")
MODIFIER_RE = re.compile(r"^[A-Z0-9]{2}$")
REQUIRED = ("HCPC", "RECID", "LONG DESCRIPTION", "SHORT DESCRIPTION", "ACTION CD")

# Columns that come as numbered groups (PRICE1..PRICE4) and are stored as one list.
LISTS = {"price": ("PRICE", 4), "cim": ("CIM", 3), "mcm": ("MCM", 3), "labcert": ("LABCERT", 8),
         "xref": ("XREF", 5), "tos": ("TOS", 5)}
SCALARS = {"action": "ACTION CD", "betos": "BETOS", "cov": "COV", "mult_pi": "MULT_PI",
           "asc_grp": "ASC_GRP", "opps": "OPPS", "opps_pi": "OPPS_PI", "statute": "STATUTE",
           "procnote": "PROCNOTE"}
DATES = {"added": "ADD DT", "action_eff": "ACT EFF DT", "term": "TERM DT", "asc_dt": "ASC_DT",
         "opps_dt": "OPPS_DT"}


def source_meta() -> SourceMeta:
    return SourceMeta(
        id=SOURCE_ID,
        name="HCPCS Level II Alpha-Numeric file (codes and modifiers)",
        publisher="CMS",
        release="HCPCS Level II October 2025 quarterly update",
        effective="2025-10-01",
        folder=FOLDER,
    )


def find_file(raw_dir: Path) -> Path:
    folder = raw_dir / FOLDER
    found = sorted(folder.glob(FILE_GLOB)) if folder.is_dir() else []
    if not found:
        raise ImportError_(f"{folder}/{FILE_GLOB}: file not found")
    return found[-1]


def parse_row(row: list[str], idx: dict[str, int]) -> tuple[str, str, dict[str, Any]]:
    """(record id "3"|"7", code, anweb block) for one data row; ValueError names the problem."""
    if len(row) != len(idx):
        raise ValueError(f"expected {len(idx)} columns, found {len(row)}")
    code = cell(row, idx, "HCPC").upper()
    recid = cell(row, idx, "RECID")
    if recid == "3":
        if not LEVEL2_RE.match(code):
            raise ValueError(f"not a HCPCS Level II code: {code!r}")
    elif recid == "7":
        if not MODIFIER_RE.match(code):
            raise ValueError(f"not a modifier code: {code!r}")
    else:
        raise ValueError(f"unknown RECID {recid!r} (expected 3 or 7)")
    long_ = cell(row, idx, "LONG DESCRIPTION")
    if not long_:
        raise ValueError(f"{code}: empty long description")
    block: dict[str, Any] = {"src": SOURCE_ID, "long": long_, "short": cell(row, idx, "SHORT DESCRIPTION")}
    for key, col in DATES.items():
        try:
            block[key] = yyyymmdd_to_iso(cell(row, idx, col))
        except ValueError:
            raise ValueError(f"{code}: bad {col} {cell(row, idx, col)!r}") from None
    for key, col in SCALARS.items():
        block[key] = cell(row, idx, col)
    for key, (prefix, n) in LISTS.items():
        block[key] = [v for v in (cell(row, idx, f"{prefix}{i}") for i in range(1, n + 1)) if v]
    anest = cell(row, idx, "ANEST_BU")
    if anest and anest != "0":  # every Level II row carries "0": no base units, nothing to show
        if not anest.isdigit():
            raise ValueError(f"{code}: bad ANEST_BU {anest!r}")
        block["anest_bu"] = int(anest)
    return recid, code, block


def load(raw_dir: Path, rejects: Rejects) -> list[ImportResult]:
    return [load_file(find_file(raw_dir), rejects)]


def load_file(path: Path, rejects: Rejects) -> ImportResult:
    """Read one ANWEB CSV; bad rows go to ``rejects`` with file:line and the reason."""
    result = ImportResult(source_meta())
    result.source.files.append(path.name)
    idx, rows = csv_table(path, tuple(REQUIRED), header_startswith="HCPC")
    seen: dict[str, int] = {}
    for line, row in rows:
        if not any(c.strip() for c in row):
            continue
        try:
            recid, code, block = parse_row(row, idx)
        except ValueError as exc:
            rejects.add(path, line, str(exc))
            continue
        key = f"{recid}:{code}"
        if key in seen:
            rejects.add(path, line, f"{code}: duplicate of line {seen[key]}")
            continue
        seen[key] = line
        if recid == "3":
            result.put("hcpcs", code, "anweb", block)
        else:
            rec = result.tables.setdefault("modifiers", {}).setdefault(code, {})
            rec.update({"system": "HCPCS", "title": block["long"], "src": SOURCE_ID, "anweb": block})
        result.source.rows += 1
    return result
