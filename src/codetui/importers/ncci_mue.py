"""NCCI medically unlikely edits (MUE) -> ``mue`` block on ``hcpcs`` records, one key per setting.

Each CSV opens with a multi-line quoted AMA banner; the header's first cell is ``"HCPCS/\\nCPT
Code"``; files are cp1252 (PROVENANCE.md). The adjudication indicator cell carries digit and
label together (``3 Date of Service Edit: Clinical``); only the digit is stored and
``codetui.decode.ncci.MAI`` puts it back into words.
"""

from __future__ import annotations

import re
from pathlib import Path

from codetui.importers.base import ImportError_, ImportResult, Rejects, SourceMeta, csv_rows
from codetui.textclean import clean_field

FOLDER = "cms-ncci-mue-2026q2"
RELEASE = "2026 Q2 (effective April 1, 2026)"
FILES = {
    "practitioner": ("MCR_MUE_PractitionerServices_Eff_04-01-2026.csv", "practitioner services"),
    "opps": (
        "MCR_MUE_OutpatientHospitalServices_Eff_04-01-2026.csv",
        "outpatient hospital services",
    ),
    "dme": ("MCR_MUE_DMESupplierServices_Eff_04-01-2026.csv", "DME supplier services"),
}
CODE_RE = re.compile(r"^[0-9A-Z]{5}$")
MAI_RE = re.compile(r"^([123])\b")


def _find(header: list[str], word: str) -> int | None:
    for i, h in enumerate(header):
        if word in " ".join(h.split()).upper():
            return i
    return None


def read_mue(path: Path, setting: str, rejects: Rejects) -> dict[str, dict[str, object]]:
    """Code -> MUE entry for one setting's file; bad rows rejected with file:line."""
    rows = csv_rows(path, header_startswith="HCPCS")
    try:
        _, header = next(rows)
    except StopIteration:
        raise ImportError_(f"{path.name}: no 'HCPCS/CPT Code' header row") from None
    cols = [_find(header, w) for w in ("HCPCS", "MUE VALUES", "ADJUDICATION", "RATIONALE")]
    if any(c is None for c in cols):
        raise ImportError_(
            f"{path.name}: header lacks the code / MUE value / indicator / rationale columns"
        )
    ci, vi, mi, ri = (int(c) for c in cols)  # type: ignore[arg-type]
    out: dict[str, dict[str, object]] = {}
    for line, row in rows:
        if not any(c.strip() for c in row):
            continue
        if len(row) <= max(ci, vi, mi, ri):
            rejects.add(path, line, f"expected 4 columns, found {len(row)}")
            continue
        code = clean_field(row[ci]).upper()
        value = clean_field(row[vi])
        mai = MAI_RE.match(clean_field(row[mi]))
        if not CODE_RE.match(code):
            rejects.add(path, line, f"bad code {code!r}")
            continue
        if not value.isdigit():
            rejects.add(path, line, f"bad MUE value {value!r} (expected a whole number)")
            continue
        if mai is None:
            rejects.add(path, line, f"bad MUE adjudication indicator {clean_field(row[mi])!r}")
            continue
        if code in out:
            rejects.add(path, line, f"duplicate code {code} (first row kept)")
            continue
        out[code] = {
            "value": int(value),
            "mai": mai.group(1),
            "rationale": clean_field(row[ri]),
            "src": f"ncci_mue_{setting}",
        }
    return out


def load(raw_dir: Path, rejects: Rejects) -> list[ImportResult]:
    results: list[ImportResult] = []
    for setting, (name, label) in FILES.items():
        entries = read_mue(raw_dir / FOLDER / name, setting, rejects)
        meta = SourceMeta(
            id=f"ncci_mue_{setting}",
            name=f"Medicare NCCI medically unlikely edits (MUE), {label}",
            publisher="CMS",
            release=RELEASE,
            effective="2026-04-01",
            files=[name],
            rows=len(entries),
            folder=FOLDER,
        )
        res = ImportResult(meta)
        for code, entry in sorted(entries.items()):
            res.put("hcpcs", code, "mue", {setting: entry})
        results.append(res)
    return results
