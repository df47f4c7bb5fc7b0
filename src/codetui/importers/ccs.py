"""AHRQ HCUP CCS for Services and Procedures: code ranges -> CCS category.

Ranges are stored as a transient ``ccs_ranges`` table; ``build.apply_ccs_ranges`` resolves
them onto every CPT/HCPCS record at build time (string comparison on 5-character codes), so
a code added after this release simply has no CCS.
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
)

FOLDER = "ahrq-ccs-services-procedures-v2022-1"
PATTERN = "CCS_services_procedures_*.csv"
RANGE_RE = re.compile(r"^([A-Z0-9]{5})-([A-Z0-9]{5})$")


def read_ranges(path: Path, rejects: Rejects) -> dict[str, dict[str, Any]]:
    """"START-END" -> {start, end, ccs, label, src}; the AHRQ title row, if present, is skipped."""
    idx, rows = csv_table(path, ("CODE RANGE", "CCS"), header_startswith="Code Range")
    out: dict[str, dict[str, Any]] = {}
    for line, row in rows:
        raw = cell(row, idx, "CODE RANGE").strip("'\" ").upper()
        m = RANGE_RE.match(raw.replace(" ", ""))
        ccs = cell(row, idx, "CCS")
        if not m:
            rejects.add(path, line, f"bad code range {raw!r}")
            continue
        if not ccs.isdigit():
            rejects.add(path, line, f"{raw}: bad CCS category {ccs!r}")
            continue
        start, end = m.groups()
        if start > end:
            rejects.add(path, line, f"{raw}: range start after end")
            continue
        key = f"{start}-{end}"
        if key in out:
            rejects.add(path, line, f"{key}: duplicate range; first kept")
            continue
        out[key] = {"start": start, "end": end, "ccs": int(ccs), "label": cell(row, idx, "CCS LABEL"), "src": "ccs"}
    return out


def load(raw_dir: Path, rejects: Rejects) -> list[ImportResult]:
    folder = raw_dir / FOLDER
    files = sorted(folder.glob(PATTERN))
    if not files:
        raise ImportError_(f"{folder / PATTERN}: file not found")
    path = files[-1]
    ranges = read_ranges(path, rejects)
    meta = SourceMeta(
        id="ccs", name="Clinical Classifications Software (CCS) for Services and Procedures",
        publisher="AHRQ HCUP", release="v2022.1", effective="2022", files=[path.name],
        rows=len(ranges), folder=FOLDER,
    )
    return [ImportResult(meta, tables={"ccs_ranges": ranges})]
