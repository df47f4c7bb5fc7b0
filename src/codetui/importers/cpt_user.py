"""Read a user's licensed CPT descriptor file into ``{code: descriptor}``.

codetui never ships AMA CPT text; a user with a licence can load their own copy. Two shapes
are accepted because those are what licensees actually have:

- the CMS PPRRVU CSV (banner lines, then a header row ``HCPCS,MOD,DESCRIPTION,...``): rows with
  an empty MOD and a CPT-shaped code are taken; Level II rows and modifier rows are skipped;
- a plain list, one code and descriptor per line, separated by a tab, a comma (CSV quoting
  allowed) or spaces (the fixed-width "code  descriptor" text files).

Every bad row is reported with its line and reason; nothing here writes anything.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from codetui.importers.base import ImportError_, Reject, decode_bytes
from codetui.textclean import clean_field

CPT_RE = re.compile(r"^[0-9]{4}[0-9FTU]$")
LEVEL2_RE = re.compile(r"^[A-Z][0-9]{4}$")
_CSV_LINE = re.compile(r'^\s*"?[^,\s"]{1,12}"?\s*,')
_SPACED = re.compile(r"^(\S+)\s+(.+)$")
HEADER_SCAN = 40  # PPRRVU puts its header after ~9 banner lines


@dataclass(frozen=True)
class CptFile:
    """What a user's file yielded: descriptors, the layout seen, rejects and skip counts."""

    descriptors: dict[str, str]
    layout: str
    rejects: tuple[Reject, ...]
    skipped_level2: int = 0  # HCPCS Level II codes (their CMS text already ships)
    skipped_modifier_rows: int = 0  # PPRRVU rows for a code+modifier (26, TC, 53)


class _Collector:
    def __init__(self, name: str) -> None:
        self.name = name
        self.descriptors: dict[str, str] = {}
        self.first_line: dict[str, int] = {}
        self.rejects: list[Reject] = []
        self.level2 = 0
        self.modifier_rows = 0

    def reject(self, line: int, reason: str) -> None:
        self.rejects.append(Reject(self.name, line, reason))

    def add(self, line: int, raw_code: str, raw_text: str) -> None:
        code = clean_field(raw_code).strip('"').upper()
        text = clean_field(raw_text)
        if LEVEL2_RE.match(code):
            self.level2 += 1
            return
        if not CPT_RE.match(code):
            self.reject(line, f"not a CPT code: {code[:20]!r}")
            return
        if not text:
            self.reject(line, f"{code}: empty descriptor")
            return
        if code in self.descriptors:
            self.reject(line, f"{code}: duplicate of line {self.first_line[code]} (first kept)")
            return
        self.descriptors[code] = text
        self.first_line[code] = line

    def result(self, layout: str) -> CptFile:
        return CptFile(self.descriptors, layout, tuple(self.rejects), self.level2, self.modifier_rows)


def read_cpt_file(path: Path) -> CptFile:
    """Parse ``path``; ``ImportError_`` (naming the file) when it cannot be read at all."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImportError_(f"{path}: file not found") from None
    except IsADirectoryError:
        raise ImportError_(f"{path}: is a directory, not a file") from None
    except OSError as exc:
        raise ImportError_(f"{path}: cannot read: {exc.strerror}") from None
    if data.startswith(b"PK\x03\x04"):
        raise ImportError_(f"{path}: looks like an Excel workbook or zip; export the sheet as CSV first")
    text = decode_bytes(data)
    header = _pprrvu_header(text)
    if header is not None:
        return _read_pprrvu(path.name, text, *header)
    return _read_plain(path.name, text)


def _pprrvu_header(text: str) -> tuple[int, int, int] | None:
    """(header line, HCPCS column, DESCRIPTION column) if this is the PPRRVU layout."""
    lines = text.split("\n", HEADER_SCAN)[:HEADER_SCAN]
    for n, line in enumerate(lines, start=1):
        cells = [c.strip().upper() for c in next(csv.reader([line]), [])]
        if cells and cells[0] == "HCPCS" and "DESCRIPTION" in cells and "MOD" in cells:
            return n, cells.index("DESCRIPTION"), cells.index("MOD")
    return None


def _read_pprrvu(name: str, text: str, header_line: int, desc_col: int, mod_col: int) -> CptFile:
    out = _Collector(name)
    reader = csv.reader(io.StringIO(text, newline=""))
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            out.reject(line, f"unreadable CSV row: {exc}")
            continue
        if line <= header_line or not any(c.strip() for c in row):
            continue
        if len(row) <= desc_col:
            out.reject(line, f"expected at least {desc_col + 1} columns, found {len(row)}")
            continue
        if clean_field(row[mod_col]):
            out.modifier_rows += 1
            continue
        out.add(line, row[0], row[desc_col])
    return out.result("PPRRVU CSV")


def _split_plain(line: str) -> tuple[str, str] | None:
    if "\t" in line:
        code, _, rest = line.partition("\t")
        return code, rest.replace("\t", " ")
    if _CSV_LINE.match(line):
        cells = next(csv.reader([line]), [])
        return (cells[0], ", ".join(c for c in cells[1:] if c.strip())) if cells else None
    m = _SPACED.match(line.strip())
    return (m.group(1), m.group(2)) if m else (line.strip(), "")


def _read_plain(name: str, text: str) -> CptFile:
    out = _Collector(name)
    first_data = True
    for n, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = _split_plain(raw)
        if parts is None:
            out.reject(n, "cannot split into code and descriptor")
            continue
        code = clean_field(parts[0]).strip('"').upper()
        if first_data and not CPT_RE.match(code) and not LEVEL2_RE.match(code):
            first_data = False  # a column header line such as "code<TAB>descriptor"
            continue
        first_data = False
        out.add(n, parts[0], parts[1])
    return out.result("code and descriptor list")
