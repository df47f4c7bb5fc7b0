"""CMS lab NCDs (190.12-190.34): which CPT/HCPCS codes each NCD governs and its ICD-10 list.

Each NCD block lists its procedure codes in the first rows and, separately, one row per
ICD-10-CM code with a resolution code (1 covered, 2 denied, 3 does not support medical
necessity). The two lists are not row-aligned, so they are read as two lists. A ``*`` before
a code or resolution marks a January 2026 change; ``@@@@@@@`` is CMS's "all other codes" row.
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

FOLDER = "cms-lab-ncd-icd10-2026-01"
FILE = "lab_ncd_icd10_2026.csv"
STATUS = {"1": "covered", "2": "denied", "3": "non-covered"}
ICD_RE = re.compile(r"^[A-Z][0-9][0-9A-Z]{1,5}$")
HCPCS_RE = re.compile(r"^[A-Z0-9]{5}$")
NCD_RE = re.compile(r"^\d{3}\.\d{1,2}[A-Z]?$")
OTHERS = "@@@@@@@"


def dotted(code: str) -> str:
    """ICD-10-CM key as the store spells it: 'E119' -> 'E11.9'."""
    return code if len(code) <= 3 else f"{code[:3]}.{code[3:]}"


def _iso(value: str) -> str:
    return date.fromisoformat(value).isoformat() if value else ""


def read_ncds(path: Path, rejects: Rejects) -> tuple[dict[str, dict[str, Any]], dict[str, list[dict[str, Any]]], int]:
    """(NCD id -> {title, hcpcs, other}, ICD key -> [{ncd, status, changed, term}], accepted rows)."""
    idx, rows = csv_table(path, ("NCD_NUMBER", "ICD10_CODE"))
    ncds: dict[str, dict[str, Any]] = {}
    icd: dict[str, list[dict[str, Any]]] = {}
    accepted = 0
    for line, row in rows:
        ncd_id = cell(row, idx, "NCD_NUMBER").upper()
        if not NCD_RE.match(ncd_id):
            rejects.add(path, line, f"bad NCD number {ncd_id!r}")
            continue
        ncd = ncds.setdefault(ncd_id, {"title": "", "hcpcs": [], "src": "lab_ncd"})
        ncd["title"] = ncd["title"] or cell(row, idx, "NCD_DESCRIPTION")
        proc = cell(row, idx, "CPT_HCPCS_CODE").upper()
        if proc:
            if HCPCS_RE.match(proc):
                if proc not in ncd["hcpcs"]:
                    ncd["hcpcs"].append(proc)
            else:
                rejects.add(path, line, f"{ncd_id}: bad CPT/HCPCS code {proc!r}")
        reason, entry, code = _icd_entry(row, idx, ncd_id)
        if reason:
            rejects.add(path, line, reason)
            continue
        accepted += 1
        if code == OTHERS:
            ncd["other"] = entry["status"]
        elif code:
            icd.setdefault(dotted(code), []).append(entry)
    return ncds, icd, accepted


def _icd_entry(row: list[str], idx: dict[str, int], ncd_id: str) -> tuple[str, dict[str, Any], str]:
    """(reject reason or '', {ncd, status, changed, term}, bare ICD code or '' for no ICD cell)."""
    raw_code = cell(row, idx, "ICD10_CODE").upper()
    raw_res = cell(row, idx, "RESOLUTION_CODE")
    if not raw_code and not raw_res:
        return "", {}, ""
    code = raw_code.lstrip("*").replace(".", "")
    status = STATUS.get(raw_res.lstrip("*"))
    if code != OTHERS and not ICD_RE.match(code):
        return f"{ncd_id}: bad ICD-10-CM code {raw_code!r}", {}, ""
    if status is None:
        return f"{ncd_id} {raw_code}: bad resolution code {raw_res!r}", {}, ""
    try:
        term = _iso(cell(row, idx, "ICD10_TERM_DATE"))
    except ValueError:
        return f"{ncd_id} {raw_code}: bad termination date", {}, ""
    changed = raw_code.startswith("*") or raw_res.startswith("*")
    return "", {"ncd": ncd_id, "status": status, "changed": changed or None, "term": term}, code


def load(raw_dir: Path, rejects: Rejects) -> list[ImportResult]:
    path = raw_dir / FOLDER / FILE
    ncds, icd, accepted = read_ncds(path, rejects)
    meta = SourceMeta(
        id="lab_ncd", name="Medicare lab NCD ICD-10-CM code lists (NCD 190.12-190.34)", publisher="CMS",
        release="January 2026 quarterly update", effective="2026-01-01", files=[FILE], rows=accepted,
        folder=FOLDER,
    )
    result = ImportResult(meta)
    for ncd_id, doc in ncds.items():
        result.tables.setdefault("ncd", {})[ncd_id] = doc
        for code in doc["hcpcs"]:
            result.tables.setdefault("hcpcs", {}).setdefault(code, {}).setdefault("lab_ncd", []).append(
                {"src": "lab_ncd", "ncd": ncd_id, "title": doc["title"]}
            )
    for key, entries in icd.items():
        result.put("icd10cm", key, "lab_ncd", entries)
    return [result]
