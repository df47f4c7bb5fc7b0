"""CMS Medicare Code Editor definitions (v43.1 text) -> ``icd10cm[..].mce`` flags.

The MCE lists are what a payer's claim editor applies to diagnoses: manifestation codes and
"unacceptable" codes may not be the principal diagnosis, some codes fit only certain ages.
The source is a manual, not a table, so we walk its numbered edit headings and pick up the
``CODE<TAB>description`` lines under the diagnosis edits; procedure (ICD-10-PCS) edits are
skipped. Manifestation codes also get ``manifestation: true`` for the claim checker.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from codetui.importers.base import ImportError_, ImportResult, Rejects, SourceMeta, read_text
from codetui.importers.gems import current_icd10, dot_icd10

FOLDER = "cms-mce-definitions-v43-1"
FILE_GLOB = "Definitions of Medicare Code Edits*.txt"
SRC = "mce"
END_MARK = "Chapter 2: Code list changes"  # after this come change lists, not current lists

EDIT_RE = re.compile(r"^(\d{1,2})\. (\S.*)$")
SUB_RE = re.compile(r"^([A-G])\. ")
CODE_RE = re.compile(r"^([A-Z][0-9][0-9A-Z]{1,5})\t+\S")
TOC_RE = re.compile(r"\t\d+\s*$")  # table-of-contents lines end with a page number

# edit number -> how its heading starts (the 20 MCE edits, in the manual's order)
EDIT_TITLES: dict[int, str] = {
    1: "Invalid diagnosis", 2: "External causes", 3: "Duplicate of PDX", 4: "Age conflict",
    5: "Sex conflict", 6: "Manifestation code", 7: "Non-specific principal",
    8: "Questionable admission", 9: "Unacceptable principal", 10: "Non-specific O.R.",
    11: "Non-covered procedure", 12: "Open biopsy", 13: "Bilateral procedure",
    14: "Invalid age", 15: "Invalid sex", 16: "Invalid discharge", 17: "Limited coverage",
    18: "Wrong procedure", 19: "Procedure inconsistent", 20: "Unspecified code",
}
MANIFESTATION = "manifestation code (not principal dx)"
# (edit number, subsection letter or "") -> flag text for the diagnosis codes listed there
FLAGS: dict[tuple[int, str], str] = {
    (4, "A"): "age conflict: perinatal/newborn only (age 0)",
    (4, "B"): "age conflict: pediatric only (age 0-17)",
    (4, "C"): "age conflict: maternity only (age 9-64)",
    (4, "D"): "age conflict: adult only (age 15-124)",
    (6, ""): MANIFESTATION,
    (8, "A"): "questionable admission (as principal dx)",
    (8, "3"): "outcome of delivery dx (questionable obstetric admission)",
    (9, ""): "unacceptable principal dx",
    (9, "*"): "unacceptable principal dx unless a secondary dx is coded",
    (20, ""): "unspecified code (a more specific laterality code exists)",
}


def scan(path: Path, rejects: Rejects) -> list[tuple[int, str, str]]:
    """(line, undotted code, flag) for every code line under a diagnosis edit."""
    out: list[tuple[int, str, str]] = []
    edit, sub = 0, ""
    for line_no, line in enumerate(read_text(path).split("\n"), start=1):
        text = line.rstrip()
        if TOC_RE.search(text):
            continue
        if text == END_MARK:
            break
        m = EDIT_RE.match(text)
        if m:
            number = int(m.group(1))
            # an edit heading only if it names that edit; numbered lists inside an edit
            # ("1. Cesarean section procedure codes") are subsections
            if m.group(2).startswith(EDIT_TITLES.get(number, "\0")):
                edit, sub = number, ""
                if edit == 9:
                    sub = "*"  # Z51.89 is listed before the main list heading
            else:
                sub = m.group(1)
            continue
        m = SUB_RE.match(text)
        if m:
            sub = m.group(1)
            continue
        if edit == 9 and text.startswith("Unacceptable principal diagnosis codes"):
            sub = ""
            continue
        m = CODE_RE.match(text)
        if not m:
            continue
        flag = FLAGS.get((edit, sub))
        if flag is not None:
            out.append((line_no, m.group(1), flag))
    if not out:
        rejects.add(path, 1, "no MCE diagnosis code lists found")
    return out


def load(raw_dir: Path, rejects: Rejects) -> list[ImportResult]:
    folder = raw_dir / FOLDER
    found = sorted(folder.glob(FILE_GLOB))
    if not found:
        raise ImportError_(f"{folder}: no MCE definitions text ({FILE_GLOB})")
    path = found[-1]
    current = current_icd10(raw_dir)
    records: dict[str, dict[str, Any]] = {}
    rows = 0
    for line, code, flag in scan(path, rejects):
        if current is not None and code not in current:
            rejects.add(path, line, f"{dot_icd10(code)} is not in the April 2026 ICD-10-CM")
            continue
        rec = records.setdefault(dot_icd10(code), {"mce": []})
        if flag not in rec["mce"]:
            rec["mce"].append(flag)
            rows += 1
        if flag == MANIFESTATION:
            rec["manifestation"] = True
    meta = SourceMeta(
        id=SRC,
        name="Definitions of Medicare Code Edits (MCE), diagnosis edits",
        publisher="CMS",
        release="MCE v43.1, April 2026",
        effective="2026-04-01",
        files=[path.name],
        rows=rows,
        folder=FOLDER,
    )
    return [ImportResult(meta, {"icd10cm": records})]
