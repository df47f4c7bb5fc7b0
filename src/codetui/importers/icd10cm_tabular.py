"""ICD-10-CM Tabular List (CDC/NCHS XML) -> ``icd10cm`` table.

The XML nests chapter > section > diag > diag...; 7th-character codes are not listed but
defined by ``sevenChrDef`` tables that apply to every code below them. A claim needs the full
7-character code, so each one is expanded into its own billable record (placeholder X filling
codes shorter than six characters, as the Tabular's "7th characters and placeholder X" rule
says), and the code it extends stops being billable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from codetui.importers.base import ImportError_, ImportResult, Rejects, SourceMeta
from codetui.importers.xmllines import Node, parse_xml

FOLDER = "cdc-icd10cm-tabular-2026-04"
XML_GLOB = "icd10c*tabular*.xml"
TABLE = "icd10cm"
SRC = "icd10cm"

# XML note container -> store field (each holds <note> children)
NOTE_FIELDS: dict[str, str] = {
    "inclusionTerm": "inclusion",
    "includes": "includes",
    "excludes1": "excludes1",
    "excludes2": "excludes2",
    "codeFirst": "code_first",
    "useAdditionalCode": "use_additional",
    "codeAlso": "code_also",
    "notes": "notes",
}

# letter + two alphanumerics: "E11", "C7A", and the 2026 genetic-disorder category "QA0"
CODE_RE = re.compile(r"^[A-Z][0-9A-Z]{2}(\.[0-9A-Z]{1,4})?$")
SECTION_RE = re.compile(r"^([A-Z][0-9A-Z]{2})(?:-([A-Z][0-9A-Z]{2}))?$")
MANIFESTATION_TITLE = "in diseases classified elsewhere"

# Exceptions the Tabular states only in prose. S06 <notes>: "7th characters D and S do not
# apply to codes in category S06 with 6th character 7 ... or 8 ...".
# (table owner, 6th characters) -> 7th characters that do not apply
SEVENTH_EXCLUDED: dict[tuple[str, str], str] = {("S06", "7"): "DS", ("S06", "8"): "DS"}


@dataclass(frozen=True)
class Seventh:
    """A 7th-character table and the key of the code that defines it."""

    owner: str
    chars: dict[str, str]


@dataclass
class _Context:
    """What a diag inherits from above: chapter, block, 7th-character table, code-first."""

    chapter: str
    block: str
    seventh: Seventh | None = None
    code_first: bool = False


@dataclass
class _Walk:
    """State of one pass over the file: where rejects go and the records made so far."""

    file: str
    rejects: Rejects
    records: dict[str, dict[str, Any]] = field(default_factory=dict)

    def add(self, key: str, rec: dict[str, Any], line: int) -> bool:
        if key in self.records:
            self.rejects.add(self.file, line, f"duplicate ICD-10-CM key {key!r}")
            return False
        rec["src"] = SRC
        self.records[key] = rec
        return True


def notes_of(node: Node) -> dict[str, list[str]]:
    """The instructional-note lists of a chapter/section/diag, cleaned, empty ones dropped."""
    out: dict[str, list[str]] = {}
    for child in node.children:
        name = NOTE_FIELDS.get(child.tag)
        if name is None:
            continue
        texts = [t for t in (n.text() for n in child.findall("note")) if t]
        if texts:
            out.setdefault(name, []).extend(texts)
    vis = node.find("visualImpairment")
    if vis is not None:
        out.setdefault("notes", []).extend(visual_impairment_lines(vis))
    return out


def visual_impairment_lines(vis: Node) -> list[str]:
    """The H54 WHO visual-impairment table flattened to one readable line per category."""
    lines: list[str] = []
    for cat in vis.findall("visCategory"):
        value = cat.child_text("value")
        if not value:
            continue
        maxes = [r.find("visMax") for r in cat.findall("visRange")]
        mins = [r.find("visMin") for r in cat.findall("visRange")]
        hi = ", ".join(m.child_text("value") for m in maxes if m is not None and m.child_text("value"))
        lo = ", ".join(m.child_text("value") for m in mins if m is not None and m.child_text("value"))
        if lo:
            lines.append(f"Visual impairment category {value}: best corrected acuity less than"
                         f" {hi}; equal to or better than {lo}")
        else:  # categories 5 and 9 give a single description, not a range
            lines.append(f"Visual impairment category {value}: {hi}")
    return lines


def seventh_of(node: Node, key: str, walk: _Walk) -> tuple[dict[str, str], dict[str, list[str]]]:
    """7th-character meanings of a ``sevenChrDef`` and the inclusion notes under some chars."""
    chars: dict[str, str] = {}
    incl: dict[str, list[str]] = {}
    table = node.find("sevenChrDef")
    if table is None:
        return chars, incl
    last = ""
    for item in table.children:
        if item.tag == "extension":
            char = item.attrib.get("char", "").strip().upper()
            meaning = item.text()
            if not re.fullmatch(r"[0-9A-Z]", char) or not meaning:
                walk.rejects.add(walk.file, item.line, f"{key}: bad 7th-character extension {char!r}")
                continue
            chars[char] = meaning
            last = char
        elif item.tag == "note" and last and item.text():
            # the Tabular indents these under the extension above them
            incl.setdefault(last, []).append(item.text())
    return chars, incl


def expand_key(code: str, char: str) -> str:
    """``S72.001`` + ``A`` -> ``S72.001A``; ``M48.50`` + ``A`` -> ``M48.50XA`` (X placeholders)."""
    bare = code.replace(".", "").ljust(6, "X")
    return f"{bare[:3]}.{bare[3:]}{char}"


def section_range(sec_id: str) -> tuple[str, str] | None:
    m = SECTION_RE.match(sec_id)
    if not m:
        return None
    return m.group(1), m.group(2) or m.group(1)


def block_key(sec_id: str) -> str:
    """Single-category sections ("B20") would clash with the category's key: use "B20-B20"."""
    return sec_id if "-" in sec_id else f"{sec_id}-{sec_id}"


def load_chapter(ch: Node, walk: _Walk) -> None:
    num = ch.child_text("name")
    if not num.isdigit():
        walk.rejects.add(walk.file, ch.line, f"chapter without a number ({num!r})")
        return
    ch_key = f"ch{int(num)}"
    rec: dict[str, Any] = {"kind": "chapter", "title": ch.child_text("desc"), "billable": False,
                           "chapter": str(int(num)), **notes_of(ch)}
    if not walk.add(ch_key, rec, ch.line):
        return
    # sections without diags are headings over the ranges that follow (C00-C96 > C00-C75)
    headings: list[tuple[str, str, str]] = []
    for sec in ch.findall("section"):
        sec_id = sec.attrib.get("id", "").strip()
        rng = section_range(sec_id)
        if rng is None:
            walk.rejects.add(walk.file, sec.line, f"section with bad id {sec_id!r}")
            continue
        key = block_key(sec_id)
        parent = ch_key
        for h_first, h_last, h_key in reversed(headings):
            if h_first <= rng[0] and rng[1] <= h_last:
                parent = h_key
                break
        diags = list(sec.findall("diag"))
        rec = {"kind": "block", "title": sec.child_text("desc"), "billable": False,
               "parent": parent, "chapter": str(int(num)), **notes_of(sec)}
        if parent != ch_key:
            rec["block"] = parent
        if not walk.add(key, rec, sec.line):
            continue
        if not diags:
            headings.append((rng[0], rng[1], key))
        ctx = _Context(chapter=str(int(num)), block=key)
        for diag in diags:
            load_diag(diag, key, ctx, walk)


def load_diag(node: Node, parent: str, ctx: _Context, walk: _Walk) -> None:
    """One diag and its subtree; a malformed diag is rejected with everything under it."""
    code = node.child_text("name").upper()
    title = node.child_text("desc")
    parent_code = "" if "-" in parent else parent
    if not CODE_RE.match(code):
        walk.rejects.add(walk.file, node.line, f"diag with bad code {code!r} under {parent}")
        return
    if not title:
        walk.rejects.add(walk.file, node.line, f"{code}: diag without a description")
        return
    if parent_code and not (code.startswith(parent_code) and len(code) > len(parent_code)):
        walk.rejects.add(walk.file, node.line, f"{code}: does not extend its parent {parent_code}")
        return
    if not parent_code and len(code) != 3:
        walk.rejects.add(walk.file, node.line, f"{code}: subcode directly under block {parent}")
        return
    notes = notes_of(node)
    rec: dict[str, Any] = {"kind": "category" if len(code) == 3 else "code", "title": title,
                           "parent": parent, "chapter": ctx.chapter, "block": ctx.block, **notes}
    chars, incl = seventh_of(node, code, walk)
    seventh = ctx.seventh
    if chars:
        seventh = Seventh(code, chars)
        rec["seventh"] = chars
        if incl:
            rec["seventh_incl"] = incl
        note = " ".join(n.text() for sn in node.findall("sevenChrNote") for n in sn.findall("note"))
        if note.strip():
            rec["seventh_note"] = note.strip()
    elif seventh is not None:
        rec["seventh_from"] = seventh.owner
    code_first = ctx.code_first or bool(notes.get("code_first"))
    manifestation = code_first and MANIFESTATION_TITLE in title.lower()
    if manifestation:
        rec["manifestation"] = True
    children = list(node.findall("diag"))
    rec["billable"] = not children and seventh is None
    if not walk.add(code, rec, node.line):
        return
    child_ctx = _Context(ctx.chapter, ctx.block, seventh, code_first)
    for child in children:
        load_diag(child, code, child_ctx, walk)
    if not children and seventh is not None:
        bare = code.replace(".", "")
        skip = SEVENTH_EXCLUDED.get((seventh.owner, bare[5:6]), "") if len(bare) == 6 else ""
        for char, meaning in seventh.chars.items():
            if char in skip:
                continue
            ext: dict[str, Any] = {"kind": "code", "title": f"{title}, {meaning}", "billable": True,
                                   "parent": code, "chapter": ctx.chapter, "block": ctx.block,
                                   "seventh_from": seventh.owner}
            if manifestation:
                ext["manifestation"] = True
            walk.add(expand_key(code, char), ext, node.line)


def find_xml(raw_dir: Path) -> Path:
    folder = raw_dir / FOLDER
    found = sorted(folder.glob(XML_GLOB))
    if not found:
        raise ImportError_(f"{folder}: no ICD-10-CM tabular XML ({XML_GLOB})")
    return found[-1]


def load(raw_dir: Path, rejects: Rejects) -> list[ImportResult]:
    """Read the Tabular XML under ``raw_dir`` into ``icd10cm`` records."""
    path = find_xml(raw_dir)
    root = parse_xml(path)
    if root.tag != "ICD10CM.tabular":
        raise ImportError_(f"{path}: root element is {root.tag!r}, not ICD10CM.tabular")
    walk = _Walk(path.name, rejects)
    for ch in root.findall("chapter"):
        load_chapter(ch, walk)
    meta = SourceMeta(
        id=SRC,
        name="ICD-10-CM Tabular List of Diseases and Injuries",
        publisher="CDC/NCHS",
        release="FY2026 April 1, 2026 update",
        effective="2026-04-01",
        files=[path.name],
        rows=len(walk.records),
        folder=FOLDER,
    )
    return [ImportResult(meta, {TABLE: walk.records})]
