"""Hospital OPPS Addendum B: status indicator and payment rate per CPT/HCPCS code.

The current year comes from a third-party extract (code, SI, rate; no APC) in two quarterly
runs: the newest fills ``opps`` and the January run is kept under ``opps.jan`` only where it
differs, so a user can see what changed this year. The older CMS workbook (with APC, weight
and copayment) fills ``opps_prev``. Short descriptors are never read: for CPT codes they are
AMA text, and Level II text comes from the HCPCS file. The SI definitions file becomes the
small ``opps_si`` table that ``codetui.decode.opps`` reads.
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
)

CODE_RE = re.compile(r"^[A-Z0-9]{5}$")
SI_RE = re.compile(r"^[A-Z][A-Z0-9]?$")
NEW_FOLDER = "cms-opps-addendum-b-2026-extract"
NEW_FILE = "opps_addendum_b_2026_si_rate.csv"
JAN_FILE = "opps_addendum_b_2026-01_si_rate.csv"
SI_FILE = "opps_status_indicators.csv"
OLD_FOLDER = "cms-opps-addendum-b-2023-01"
OLD_FILE = "2023_January_Web_Addendum_B.12212022.csv"


def _money(value: str) -> float | None:
    """A payment cell: '' and CMS's '.' placeholder mean no amount; '$1,234.50' is read."""
    v = value.replace("$", "").replace(",", "").strip()
    if v in ("", "."):
        return None
    return float(v)


def _code(raw: str) -> str:
    return raw.replace(" ", "").upper()


def read_si_rate(path: Path, src: str, rejects: Rejects) -> dict[str, dict[str, Any]]:
    """Code -> {src, si, rate, changed} from one extract run (HCPCSCode, StatusIndicator, ...)."""
    idx, rows = csv_table(path, ("HCPCSCODE", "STATUSINDICATOR"))
    out: dict[str, dict[str, Any]] = {}
    for line, row in rows:
        code, si = _code(cell(row, idx, "HCPCSCODE")), cell(row, idx, "STATUSINDICATOR").upper()
        rate_raw = cell(row, idx, "PAYMENTRATE")
        reason = _check(code, si, out)
        try:
            rate = _money(rate_raw)
        except ValueError:
            reason = reason or f"{code}: bad payment rate {rate_raw!r}"
        if reason:
            rejects.add(path, line, reason)
            continue
        changed = cell(row, idx, "CHANGED?").lower() == "true"
        out[code] = {"src": src, "si": si, "rate": rate, "changed": changed or None}
    return out


def _check(code: str, si: str, seen: dict[str, Any]) -> str:
    if not CODE_RE.match(code):
        return f"bad HCPCS code {code!r}"
    if not SI_RE.match(si):
        return f"{code}: bad status indicator {si!r}"
    if code in seen:
        return f"{code}: duplicate row; first kept"
    return ""


def read_workbook(path: Path, src: str, rejects: Rejects) -> dict[str, dict[str, Any]]:
    """Code -> {src, si, apc, weight, rate, copay, min_copay} from a CMS Addendum B CSV export."""
    idx, rows = csv_table(path, ("HCPCS CODE", "SI"), header_startswith="HCPCS")
    out: dict[str, dict[str, Any]] = {}
    for line, row in rows:
        code, si = _code(cell(row, idx, "HCPCS CODE")), cell(row, idx, "SI").upper()
        reason = _check(code, si, out)
        values: dict[str, Any] = {"src": src, "si": si, "apc": cell(row, idx, "APC")}
        for key, col in (("weight", "RELATIVE WEIGHT"), ("rate", "PAYMENT RATE"),
                         ("copay", "NATIONAL UNADJUSTED COPAYMENT"),
                         ("min_copay", "MINIMUM UNADJUSTED COPAYMENT")):
            raw = cell(row, idx, col)
            try:
                values[key] = _money(raw)
            except ValueError:
                reason = reason or f"{code}: bad {col.lower()} {raw!r}"
        if reason:
            rejects.add(path, line, reason)
            continue
        out[code] = values
    return out


def read_status_indicators(path: Path, rejects: Rejects) -> dict[str, dict[str, Any]]:
    """SI -> {code, paid, description, src} from the StatusIndicator,Paid,Description list."""
    idx, rows = csv_table(path, ("STATUSINDICATOR",))
    out: dict[str, dict[str, Any]] = {}
    for line, row in rows:
        si = cell(row, idx, "STATUSINDICATOR").upper()
        if not SI_RE.match(si):
            rejects.add(path, line, f"bad status indicator {si!r}")
            continue
        out[si] = {"code": si, "paid": cell(row, idx, "PAID"),
                   "description": cell(row, idx, "DESCRIPTION"), "src": "opps"}
    return out


def _meta(id_: str, release: str, effective: str, files: list[str], rows: int, folder: str) -> SourceMeta:
    return SourceMeta(id=id_, name="Hospital OPPS Addendum B (payment by HCPCS code)", publisher="CMS",
                      release=release, effective=effective, files=files, rows=rows, folder=folder)


def load(raw_dir: Path, rejects: Rejects) -> list[ImportResult]:
    new_dir, old_dir = raw_dir / NEW_FOLDER, raw_dir / OLD_FOLDER
    newest = read_si_rate(new_dir / NEW_FILE, "opps", rejects)
    jan = read_si_rate(new_dir / JAN_FILE, "opps", rejects) if (new_dir / JAN_FILE).exists() else {}
    sis = read_status_indicators(new_dir / SI_FILE, rejects)
    files = [NEW_FILE, SI_FILE] + ([JAN_FILE] if jan else [])
    current = ImportResult(_meta("opps", "CY2026 Addendum B, April 2026 run (third-party extract)",
                                 "2026-04-01", files, len(newest), NEW_FOLDER))
    for code, block in newest.items():
        current.put("hcpcs", code, "opps", block)
    for code, old in jan.items():
        now = newest.get(code, {})
        if (now.get("si"), now.get("rate")) != (old["si"], old["rate"]):
            # CMS row as it stood in January; a code missing from the April run keeps only this
            current.put("hcpcs", code, "opps", {**now, "src": "opps", "jan": {"si": old["si"], "rate": old["rate"]}})
    current.tables["opps_si"] = sis
    results = [current]
    if (old_dir / OLD_FILE).exists():
        prev = read_workbook(old_dir / OLD_FILE, "opps_prev", rejects)
        old = ImportResult(_meta("opps_prev", "January 2023 Addendum B (CY2023)", "2023-01-01",
                                 [OLD_FILE], len(prev), OLD_FOLDER))
        for code, block in prev.items():
            old.put("hcpcs", code, "opps_prev", block)
        results.append(old)
    return results
