"""CMS General Equivalence Mappings (2018 diagnosis GEMs) -> ``icd10cm[..].gems`` and ``icd9``.

Old claims, registries and payer policies still cite ICD-9-CM codes; GEMs let a user step
between the two systems. Both files are whitespace-separated ``source target flags`` with
undotted codes; we store codes dotted the way people write them. Flags stay the raw 5-digit
string (approximate, no map, combination, scenario, choice list) and are decoded at display
time. A "NoDx" target is a documented no-map: the entry keeps its flags but gets no code.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from codetui.importers.base import ImportError_, ImportResult, Rejects, SourceMeta, read_text

FOLDER = "cms-icd10cm-gems-2018"
I10_FILE = "2018_I10gem.txt"  # ICD-10-CM -> ICD-9-CM
I9_FILE = "2018_I9gem.txt"  # ICD-9-CM -> ICD-10-CM
SRC = "gems"
NO_DX = "NODX"
# The current code list (from the tabular folder) tells which 2018 ICD-10 codes still exist.
CODE_LIST = Path("cdc-icd10cm-tabular-2026-04") / "code-list-April-2026.txt"

ICD9_RE = re.compile(r"^(\d{3,5}|V\d{2,4}|E\d{3,4})$")
ICD10_RE = re.compile(r"^[A-Z][0-9A-Z]{2,6}$")
FLAGS_RE = re.compile(r"^[01]{3}\d{2}$")


def dot_icd9(code: str) -> str:
    """ICD-9-CM with its dot: 25060 -> 250.60, V010 -> V01.0, E8000 -> E800.0, 250 -> 250."""
    head = 4 if code.startswith("E") else 3
    return code if len(code) <= head else f"{code[:head]}.{code[head:]}"


def dot_icd10(code: str) -> str:
    """ICD-10-CM with its dot: A0100 -> A01.00, S72001A -> S72.001A, I10 -> I10."""
    return code if len(code) <= 3 else f"{code[:3]}.{code[3:]}"


def gem_rows(path: Path, rejects: Rejects, source_re: re.Pattern[str], target_re: re.Pattern[str]
             ) -> list[tuple[int, str, str, str]]:
    """(line, source, target or "", flags) for each well-formed row; others rejected."""
    rows: list[tuple[int, str, str, str]] = []
    for line_no, line in enumerate(read_text(path).split("\n"), start=1):
        if not line.strip():
            continue
        cells = line.split()
        if len(cells) != 3:
            rejects.add(path, line_no, f"expected 3 fields (source target flags), got {len(cells)}")
            continue
        source, target, flags = (c.upper() for c in cells)
        if not source_re.match(source):
            rejects.add(path, line_no, f"bad source code {cells[0]!r}")
            continue
        if not FLAGS_RE.match(flags):
            rejects.add(path, line_no, f"{cells[0]}: bad flags {cells[2]!r}")
            continue
        no_map = flags[1] == "1"
        if target == NO_DX:
            if not no_map:
                rejects.add(path, line_no, f"{cells[0]}: NoDx target without the no-map flag")
                continue
            target = ""
        elif not target_re.match(target):
            rejects.add(path, line_no, f"{cells[0]}: bad target code {cells[1]!r}")
            continue
        rows.append((line_no, source, target, flags))
    return rows


def current_icd10(raw_dir: Path) -> set[str] | None:
    """Undotted codes in the April 2026 list, or None if that list is not staged."""
    path = raw_dir / CODE_LIST
    if not path.exists():
        return None
    return {c.strip().upper() for c in read_text(path).split("\n") if c.strip()}


def load(raw_dir: Path, rejects: Rejects) -> list[ImportResult]:
    """Both GEM directions; ICD-10 codes retired since 2018 are rejected (no record to hold them)."""
    folder = raw_dir / FOLDER
    for name in (I10_FILE, I9_FILE):
        if not (folder / name).exists():
            raise ImportError_(f"{folder / name}: file not found")
    current = current_icd10(raw_dir)
    icd10cm: dict[str, dict[str, Any]] = {}
    for line, src, tgt, flags in gem_rows(folder / I10_FILE, rejects, ICD10_RE, ICD9_RE):
        if current is not None and src not in current:
            rejects.add(folder / I10_FILE, line, f"{dot_icd10(src)} is not in the April 2026 ICD-10-CM")
            continue
        entry = {"code": dot_icd9(tgt), "flags": flags} if tgt else {"flags": flags}
        icd10cm.setdefault(dot_icd10(src), {"gems": []})["gems"].append(entry)
    icd9: dict[str, dict[str, Any]] = {}
    for _line, src, tgt, flags in gem_rows(folder / I9_FILE, rejects, ICD9_RE, ICD10_RE):
        entry = {"code": dot_icd10(tgt), "flags": flags} if tgt else {"flags": flags}
        icd9.setdefault(dot_icd9(src), {"icd10": [], "src": SRC})["icd10"].append(entry)
    meta = SourceMeta(
        id=SRC,
        name="ICD-10-CM / ICD-9-CM General Equivalence Mappings (diagnoses)",
        publisher="CMS",
        release="2018 GEMs",
        effective="2017-10-01",
        files=[I10_FILE, I9_FILE],
        rows=sum(len(r["gems"]) for r in icd10cm.values()) + sum(len(r["icd10"]) for r in icd9.values()),
        folder=FOLDER,
    )
    return [ImportResult(meta, {"icd10cm": icd10cm, "icd9": icd9})]
