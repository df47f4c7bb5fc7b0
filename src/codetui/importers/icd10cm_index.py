"""ICD-10-CM index tables (Neoplasm table, Table of Drugs and Chemicals, External Cause index)
-> ``terms`` table.

Coders look these up by words ("Neoplasm, breast, upper-outer quadrant", "Fall, from,
ladder"), so each nested term becomes one searchable document holding its full comma-joined
path and the codes found in its row. Codes are kept as printed, including a trailing "-" that
means "a character must still be added"; the tables are FY2023, so the UI checks each code
against the current Tabular before offering it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from codetui.importers.base import ImportError_, ImportResult, Rejects, SourceMeta
from codetui.importers.xmllines import Node, parse_xml

FOLDER = "cdc-icd10cm-index-tables-2023"
TABLE = "terms"
SRC = "icd10cm_index"

# source id -> (file name, label of the whole-table heading column)
FILES: dict[str, str] = {
    "neoplasm": "icd10cm_neoplasm_2023.xml",
    "drug": "icd10cm_drug_2023.xml",
    "eindex": "icd10cm_eindex_2023.xml",
}
NO_CODE = {"-", "--", "—"}
CODE_RE = re.compile(r"^[A-Z][0-9A-Z]{2}(\.[0-9A-Z]{0,4})?-?$")
# E-index elements holding a code, and the key they are stored under
EINDEX_CODES = {"code": "code", "subcat": "subcat", "seecat": "seecat"}


@dataclass
class _Collect:
    """Term documents of one file, plus where its rejects go."""

    source: str
    file: str
    rejects: Rejects
    columns: dict[str, str] = field(default_factory=dict)  # cell @col -> column label
    docs: list[dict[str, Any]] = field(default_factory=list)


def normalize_code(raw: str) -> str:
    """Dotted ICD-10-CM form: "C7989" -> "C79.89"; "C79.8-" and "D05.-" kept as printed."""
    code = raw.strip().upper()
    if "." not in code and len(code.rstrip("-")) > 3:
        code = f"{code[:3]}.{code[3:]}"
    return code


def term_codes(node: Node, col: _Collect, path: str) -> dict[str, str]:
    """Code columns of one index row; bad codes are rejected, "no code" cells skipped."""
    codes: dict[str, str] = {}
    for child in node.children:
        if child.tag == "cell":
            key = col.columns.get(child.attrib.get("col", ""), f"col {child.attrib.get('col', '?')}")
        elif col.source == "eindex" and child.tag in EINDEX_CODES:
            key = EINDEX_CODES[child.tag]
        else:
            continue
        value = child.text()
        if not value or value in NO_CODE:
            continue
        code = normalize_code(value)
        if not CODE_RE.match(code):
            col.rejects.add(col.file, child.line, f"{path}: bad code {value!r} in {key!r}")
            continue
        codes[key] = code
    return codes


def walk_term(node: Node, prefix: str, col: _Collect) -> None:
    """One mainTerm/term row and its sub-terms; the path joins titles with ", "."""
    title_node = node.find("title")
    # own row shows its nonessential modifiers (<nemod>); sub-term paths leave them out, so
    # a path reads "Neoplasm, breast, upper-outer quadrant" as coders say it
    title = title_node.all_text() if title_node is not None else ""
    bare = title_node.text() if title_node is not None else ""
    if not title:
        col.rejects.add(col.file, node.line, f"index term without a title under {prefix or 'letter'!r}")
        return
    manif = node.child_text("manif")
    if manif:
        title = f"{title} ({manif})"
    path = f"{prefix}, {title}" if prefix else title
    doc: dict[str, Any] = {"term": path, "source": col.source, "codes": term_codes(node, col, path)}
    see, see_also = node.child_text("see"), node.child_text("seeAlso")
    if see:
        doc["see"] = see
    if see_also:
        doc["see_also"] = see_also
    if doc["codes"] or see or see_also:
        doc["src"] = SRC
        col.docs.append(doc)
    # the Neoplasm table's one main term "Neoplasm, neoplastic" reads as "Neoplasm" in paths
    if col.source == "neoplasm" and not prefix:
        child_prefix = "Neoplasm"
    else:
        child_prefix = f"{prefix}, {bare or title}" if prefix else bare or title
    for sub in node.findall("term"):
        walk_term(sub, child_prefix, col)


def load_file(path: Path, source: str, rejects: Rejects) -> list[dict[str, Any]]:
    root = parse_xml(path)
    if root.tag != "ICD10CM.index":
        raise ImportError_(f"{path}: root element is {root.tag!r}, not ICD10CM.index")
    col = _Collect(source, path.name, rejects)
    heading = root.find("indexHeading")
    if heading is not None:
        col.columns = {h.attrib.get("col", ""): h.text() for h in heading.findall("head")}
    for letter in root.findall("letter"):
        for main in letter.findall("mainTerm"):
            walk_term(main, "", col)
    return col.docs


def load(raw_dir: Path, rejects: Rejects) -> list[ImportResult]:
    """All three index tables into one ``terms`` table keyed by a zero-padded sequence."""
    folder = raw_dir / FOLDER
    docs: list[dict[str, Any]] = []
    for source, name in FILES.items():
        docs.extend(load_file(folder / name, source, rejects))
    docs.sort(key=lambda d: (d["source"], d["term"].casefold(), d["term"]))
    width = len(str(len(docs)))
    table = {str(i).zfill(width): d for i, d in enumerate(docs, start=1)}
    meta = SourceMeta(
        id=SRC,
        name="ICD-10-CM Neoplasm Table, Table of Drugs and Chemicals, External Cause Index",
        publisher="CDC/NCHS",
        release="FY2023",
        effective="2022-10-01",
        files=list(FILES.values()),
        rows=len(docs),
        folder=FOLDER,
    )
    return [ImportResult(meta, {TABLE: table})]
