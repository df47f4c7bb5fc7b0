"""MPFS national RVU file (PPRRVU): payment indicators and RVUs per CPT/HCPCS code.

The CMS CSV has 9 banner lines and a header whose column names are stacked over the last
five of them (``STATUS`` on one line, ``CODE`` on the next), so columns are found by name
after joining each column's header cells top to bottom. The DESCRIPTION column holds AMA
CPT text and is never read. Rows for modifiers 26/TC/53 go under ``mods`` of the code's
block, because a checker needs the component values next to the global ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from codetui.importers.base import ImportError_, ImportResult, Rejects, SourceMeta, csv_rows
from codetui.textclean import clean_field

CODE_RE = re.compile(r"^[A-Z0-9]{4}[A-Z0-9]$")

# Stacked, normalised header name -> store key. DESCRIPTION is deliberately absent.
COLUMNS: dict[str, str] = {
    "HCPCS": "hcpcs",
    "MOD": "mod",
    "STATUS CODE": "status",
    "NOT USED FOR MEDICARE PAYMENT": "not_medicare",
    "WORK RVU": "work",
    "NON-FAC PE RVU": "pe_nf",
    "NON-FAC NA INDICATOR": "nf_na",
    "FACILITY PE RVU": "pe_f",
    "FACILITY NA INDICATOR": "f_na",
    "MP RVU": "mp",
    "NON-FACILITY TOTAL": "total_nf",
    "FACILITY TOTAL": "total_f",
    "PCTC IND": "pctc",
    "GLOB DAYS": "global",
    "PRE OP": "pre",
    "INTRA OP": "intra",
    "POST OP": "post",
    "MULT PROC": "mult",
    "BILAT SURG": "bilat",
    "ASST SURG": "asst",
    "CO-SURG": "co",
    "TEAM SURG": "team",
    "PRIC IND": "pric_ind",
    "ENDO BASE": "endo_base",
    "CONV FACTOR": "conv",
    "PHYSICIAN SUPERVISION OF DIAGNOSTIC PROCEDURES": "super",
    "CALCULATION FLAG": "cf",
    "DIAGNOSTIC IMAGING FAMILY INDICATOR": "family",
}
REQUIRED = ("hcpcs", "mod", "status", "work", "pe_nf", "pe_f", "mp", "pctc", "global")
# Numeric keys; a 0.00 RVU/percentage is left out of the store (absent means 0).
FLOATS = ("work", "pe_nf", "pe_f", "mp", "total_nf", "total_f", "pre", "intra", "post", "conv")
TEXT = ("status", "pctc", "global", "mult", "bilat", "asst", "co", "team", "super", "family",
        "endo_base", "pric_ind", "cf")


@dataclass(frozen=True)
class Release:
    """One PPRRVU release: where it lives and which store block it fills."""

    meta_id: str
    block: str
    folder: str
    pattern: str
    release: str
    effective: str


RELEASES = (
    Release("pfs_rvu", "mpfs", "cms-pfs-rvu-2026c", "PPRRVU2026_*.csv",
            "RVU26C, July 2026 (released 2026-06-30)", "2026-07-01"),
    Release("pfs_rvu_prev", "mpfs_prev", "cms-pfs-rvu-2025d", "PPRRVU2025_*.csv",
            "RVU25D, October 2025 (released 2025-09-11)", "2025-10-01"),
)


def _norm(name: str) -> str:
    text = " ".join(clean_field(name.replace("\n", " ")).upper().split())
    return text.replace("- ", "-")


def column_map(rows: list[list[str]], header_at: int) -> dict[str, int]:
    """Store key -> column, joining each column's header cells from the stacked header block.

    The block is the run of rows just above the header whose first three cells are blank
    (banner lines carry their text in the third cell, which stops the walk).
    """
    start = header_at
    while start > 0 and not any(c.strip() for c in rows[start - 1][:3]):
        start -= 1
    block = rows[start : header_at + 1]
    width = max(len(r) for r in block)
    found: dict[str, int] = {}
    for col in range(width):
        name = _norm(" ".join(r[col] for r in block if col < len(r) and r[col].strip()))
        key = COLUMNS.get(name)
        if key and key not in found:
            found[key] = col
    return found


def _float(value: str) -> float | None:
    return float(value) if value else None


def parse_file(path: Path, src: str, rejects: Rejects) -> tuple[dict[str, dict[str, Any]], int]:
    """Code -> mpfs block for one PPRRVU CSV, and the number of accepted rows."""
    numbered = list(csv_rows(path))
    rows = [r for _, r in numbered]
    header_at = next((i for i, r in enumerate(rows) if r and _norm(r[0]) == "HCPCS"), None)
    if header_at is None:
        raise ImportError_(f"{path}: no header row starting with HCPCS")
    cols = column_map(rows, header_at)
    missing = [k for k in REQUIRED if k not in cols]
    if missing:
        raise ImportError_(f"{path}: header lacks columns for {', '.join(missing)}")
    need = max(cols.values()) + 1
    blocks: dict[str, dict[str, Any]] = {}
    accepted = 0
    for line, row in numbered[header_at + 1 :]:
        if not any(c.strip() for c in row):
            continue
        reason, code, mod, values = _parse_row(row, cols, need, src)
        if reason:
            rejects.add(path, line, reason)
            continue
        block = blocks.setdefault(code, {"src": src})
        if not mod:
            if "status" in block:
                rejects.add(path, line, f"duplicate row for {code}; first kept")
                continue
            block.update(values)
        else:
            mods = block.setdefault("mods", {})
            if mod in mods:
                rejects.add(path, line, f"duplicate row for {code}-{mod}; first kept")
                continue
            mods[mod] = values
        accepted += 1
    return blocks, accepted


def _parse_row(
    row: list[str], cols: dict[str, int], need: int, src: str
) -> tuple[str, str, str, dict[str, Any]]:
    """(reject reason or '', code, modifier, values) for one data row."""
    if len(row) < need:
        return f"{len(row)} columns, expected at least {need}", "", "", {}

    def get(key: str) -> str:
        i = cols.get(key)
        return clean_field(row[i]) if i is not None else ""

    code, mod = get("hcpcs").upper(), get("mod").upper()
    if not CODE_RE.match(code):
        return f"bad HCPCS code {code!r}", "", "", {}
    if mod and not re.fullmatch(r"[A-Z0-9]{2}", mod):
        return f"bad modifier {mod!r} for {code}", "", "", {}
    values: dict[str, Any] = {k: get(k) for k in TEXT}
    if not values["status"]:
        return f"{code}: blank status code", "", "", {}
    for key in FLOATS:
        raw = get(key)
        try:
            number = _float(raw)
        except ValueError:
            return f"{code}: bad {key} value {raw!r}", "", "", {}
        if number or key == "conv":
            values[key] = number
    values["not_medicare"] = True if get("not_medicare") else None
    values["nf_na"] = get("nf_na") == "NA" or None
    values["f_na"] = get("f_na") == "NA" or None
    return "", code, mod, {k: v for k, v in values.items() if v not in ("", None)}


def load_release(raw_dir: Path, rel: Release, rejects: Rejects) -> ImportResult:
    folder = raw_dir / rel.folder
    files = sorted(folder.glob(rel.pattern))
    if not files:
        raise ImportError_(f"{folder / rel.pattern}: file not found")
    path = files[-1]
    blocks, accepted = parse_file(path, rel.meta_id, rejects)
    meta = SourceMeta(
        id=rel.meta_id,
        name="Medicare Physician Fee Schedule national RVU file (PPRRVU)",
        publisher="CMS",
        release=rel.release,
        effective=rel.effective,
        files=[path.name],
        rows=accepted,
        folder=rel.folder,
    )
    result = ImportResult(meta)
    for code, block in blocks.items():
        result.put("hcpcs", code, rel.block, block)
    return result


def load(raw_dir: Path, rejects: Rejects) -> list[ImportResult]:
    """Newest release into ``mpfs``, the previous one into ``mpfs_prev``."""
    return [load_release(raw_dir, rel, rejects) for rel in RELEASES]
