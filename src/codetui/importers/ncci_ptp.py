"""NCCI PTP edits (2024 Q3, flattened) -> compact companions ``ptp/practitioner.ptp``, ``ptp/opps.ptp``.

The pairs never enter ``codes.json``: millions of rows would slow every start-up. The staged
files are the northstar flattening of CMS's quarter (PROVENANCE.md): columns ``column_1,
column_2, deletion_date, modifier_indicator, ptp_edit_rationale``, no effective dates.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from codetui.importers.base import ImportError_, ImportResult, Rejects, SourceMeta, read_text
from codetui.ptp import Row, write_companion
from codetui.ptp_import import RowMaker

FOLDER = "cms-ncci-ptp-2024q3-flattened"
RELEASE = "NCCI PTP v30.2, 2024 Q3 (effective 2024-07-01; this copy has no effective dates)"
EFFECTIVE = "2024-07-01"
FILES = {
    "practitioner": ("ncci_ptp_practitioner_2024q3.csv.xz", "practitioner (ccipra)"),
    "opps": ("ncci_ptp_outpatient_hospital_2024q3.csv.xz", "outpatient hospital (ccioph)"),
}
COLUMNS = ["column_1", "column_2", "deletion_date", "modifier_indicator", "ptp_edit_rationale"]


def read_rows(path: Path, rejects: Rejects) -> Iterator[Row]:
    """Valid rows of one flattened file, streamed; bad rows go to ``rejects`` with file:line."""
    lines = io.StringIO(read_text(path))
    header = [h.strip().lower() for h in next(csv.reader([lines.readline()]))]
    if header != COLUMNS:
        raise ImportError_(f"{path.name}: unexpected header {header!r} (expected {COLUMNS})")
    make_row = RowMaker(rejects)
    for n, line in enumerate(lines, 2):
        line = line.rstrip("\n")
        if not line:
            continue
        cells = next(csv.reader([line])) if '"' in line else line.split(",")
        if len(cells) != 5:
            rejects.add(path, n, f"expected 5 columns, found {len(cells)}")
            continue
        c1, c2, dele, mod, rationale = cells
        row = make_row(path.name, n, c1, c2, mod, "", dele, rationale)
        if row is not None:
            yield row


def _counting(rows: Iterator[Row], seen: list[int]) -> Iterator[Row]:
    """Pass rows through while counting them (the writer consumes the stream once)."""
    for row in rows:
        seen[0] += 1
        yield row


def load(raw_dir: Path, rejects: Rejects) -> list[ImportResult]:
    folder = raw_dir / FOLDER
    results: list[ImportResult] = []
    for setting, (name, label) in FILES.items():
        seen = [0]
        data = write_companion(
            _counting(read_rows(folder / name, rejects), seen),
            setting=setting,
            release=RELEASE,
            effective=EFFECTIVE,
        )
        meta = SourceMeta(
            id=f"ncci_ptp_{setting}",
            name=f"Medicare NCCI procedure-to-procedure (PTP) edits, {label}",
            publisher="CMS",
            release=RELEASE,
            effective=EFFECTIVE,
            files=[name],
            rows=seen[0],
            folder=FOLDER,
        )
        results.append(ImportResult(meta, companions={f"ptp/{setting}.ptp": data}))
    return results
