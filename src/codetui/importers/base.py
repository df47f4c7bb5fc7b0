"""Shared pieces for importers: source metadata, rejected-row log, robust file reading.

Official files arrive with BOMs, cp1252 bytes, stray 0xA0, CRLF/CR endings, banner lines and
Julian dates; these helpers absorb that so each importer reads like the file layout it follows.
"""

from __future__ import annotations

import csv
import io
import lzma
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from codetui.textclean import clean_field

# A partial record: block name -> value. Tables: table name -> key -> partial record.
Partial = dict[str, Any]
Tables = dict[str, dict[str, Partial]]


@dataclass
class SourceMeta:
    """One official source as it appears in the store's ``meta`` table."""

    id: str  # stable short id, e.g. "pfs_rvu"; records point to it in their "src" keys
    name: str  # e.g. "Medicare Physician Fee Schedule national RVU file (PPRRVU)"
    publisher: str  # e.g. "CMS"
    release: str  # e.g. "RVU26C, July 2026 (released 2026-06-30)"
    effective: str = ""  # ISO date or short text
    files: list[str] = field(default_factory=list)
    rows: int = 0  # accepted data rows
    rejected: int = 0
    folder: str = ""  # raw folder name it was read from

    def as_doc(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "publisher": self.publisher,
            "release": self.release,
            "effective": self.effective,
            "files": sorted(self.files),
            "rows": self.rows,
            "rejected": self.rejected,
            "folder": self.folder,
        }


@dataclass
class Reject:
    file: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}"


class Rejects:
    """Collects rejected rows (file:line and reason) so a build can report and count them."""

    def __init__(self) -> None:
        self.items: list[Reject] = []

    def add(self, file: str | Path, line: int, reason: str) -> None:
        self.items.append(Reject(Path(file).name, line, reason))

    def count_for(self, file_names: list[str]) -> int:
        names = {Path(n).name for n in file_names}
        return sum(1 for r in self.items if r.file in names)

    def __len__(self) -> int:
        return len(self.items)


@dataclass
class ImportResult:
    """What one importer contributes: its source metadata and partial records per table."""

    source: SourceMeta
    tables: Tables = field(default_factory=dict)
    companions: dict[str, bytes] = field(default_factory=dict)  # file name under data/ -> bytes

    def put(self, table: str, key: str, block: str, value: Any) -> None:
        """Set ``tables[table][key][block] = value`` (creating levels as needed)."""
        self.tables.setdefault(table, {}).setdefault(key, {})[block] = value


class ImportError_(Exception):
    """A file that cannot be imported at all (missing, wrong layout). Message names the file."""


def decode_bytes(data: bytes) -> str:
    """UTF-8 (with or without BOM), falling back to cp1252 for bytes that are not UTF-8."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path) -> str:
    """Whole file as text; ``.xz`` files are decompressed transparently."""
    if not path.exists():
        raise ImportError_(f"{path}: file not found")
    raw = lzma.decompress(path.read_bytes()) if path.suffix == ".xz" else path.read_bytes()
    return decode_bytes(raw)


def csv_rows(path: Path, *, header_startswith: str | None = None) -> Iterator[tuple[int, list[str]]]:
    """Yield (line_number, cells) for each CSV record after the header.

    ``header_startswith`` skips banner lines until a row whose first cell starts with it
    (case-insensitive). The header row is always the first item yielded, so the caller can
    map columns by name with ``header_index``.
    Line numbers are 1-based physical line numbers of the record's first line, so a reject
    can be found in the file even when quoted headers span lines.
    """
    text = read_text(path)
    reader = csv.reader(io.StringIO(text, newline=""))
    seen_header = header_startswith is None
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        if not seen_header:
            if row and row[0].strip().lower().startswith(header_startswith.lower()):  # type: ignore[union-attr]
                seen_header = True
                yield line, row
            continue
        yield line, row


def csv_table(
    path: Path, required: tuple[str, ...], *, header_startswith: str | None = None
) -> tuple[dict[str, int], Iterator[tuple[int, list[str]]]]:
    """The header's column index and the non-blank data rows of a CSV table.

    One place for what every CSV importer needs first: a file with no header row, or a
    header without a ``required`` column, is refused with one line naming the file and what
    is missing (the file's layout changed; importing it row by row would reject every row).
    """
    rows = csv_rows(path, header_startswith=header_startswith)
    first = next(rows, None)
    if first is None:
        where = f" starting with {header_startswith!r}" if header_startswith else ""
        raise ImportError_(f"{path}: no header row{where}")
    idx = header_index(first[1])
    missing = [c for c in required if c.upper() not in idx]
    if missing:
        raise ImportError_(f"{path}: header lacks column(s) {', '.join(missing)}")
    return idx, ((line, row) for line, row in rows if any(c.strip() for c in row))


def header_index(header: list[str]) -> dict[str, int]:
    """Column name -> position, with names normalised (spaces collapsed, upper-case)."""
    return {" ".join(h.replace("\n", " ").split()).upper(): i for i, h in enumerate(header)}


def cell(row: list[str], idx: dict[str, int], name: str) -> str:
    """A cleaned cell by (normalised) column name; missing columns read as empty."""
    i = idx.get(name.upper())
    if i is None or i >= len(row):
        return ""
    return clean_field(row[i])


def julian_to_iso(value: str) -> str:
    """CMS Julian ``YYYYDDD`` (e.g. 2013091) to ISO date; '' for blank; ValueError if bad."""
    value = value.strip()
    if not value or value in {"*", "0"}:
        return ""
    if len(value) != 7 or not value.isdigit():
        raise ValueError(f"bad Julian date {value!r}")
    year, day = int(value[:4]), int(value[4:])
    if not 1 <= day <= 366:
        raise ValueError(f"bad Julian day in {value!r}")
    return (date(year, 1, 1) + timedelta(days=day - 1)).isoformat()


def yyyymmdd_to_iso(value: str) -> str:
    """``20251001`` or ``10/01/2025`` or ``2025-10-01`` to ISO; '' for blank; ValueError if bad."""
    v = value.strip()
    if not v:
        return ""
    if len(v) == 8 and v.isdigit():
        return date(int(v[:4]), int(v[4:6]), int(v[6:])).isoformat()
    if "/" in v:
        m, d, y = v.split("/")
        return date(int(y), int(m), int(d)).isoformat()
    return date.fromisoformat(v[:10]).isoformat()


def code_system(code: str) -> str:
    """CPT vs HCPCS Level II by shape: Level II starts with a letter; CPT is 5 digits or 4+F/T/U."""
    return "HCPCS" if code[:1].isalpha() else "CPT"
