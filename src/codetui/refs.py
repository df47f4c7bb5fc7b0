"""Reverse references: which records name a code in their notes, which codes carry a modifier row.

A coder on E11.42 wants to know where else it is mentioned ("Excludes1 at G62.9", "use additional
code at Z79.4"); on modifier 26, which codes have their own -26 fee-schedule row. The forward
references are in the records; this module extracts them once (at SQLite-cache build, or lazily
for in-memory stores) so the reverse lookup is an index query, not a scan.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

NOTE_FIELDS = ("excludes1", "excludes2", "code_first", "use_additional", "code_also", "includes", "notes")

_ICD = r"[A-TV-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?"
_REF = re.compile(rf"(?<![\w.])({_ICD})(?:-({_ICD}))?(?:\.?-)?(?![\w])")


def _cat(code: str) -> str:
    return code[:3]


def note_refs(key: str, rec: dict[str, Any]) -> Iterator[tuple[str, str, str, str]]:
    """(start, end, source key, field) for every code or range named in an ICD record's notes.

    A single code is (code, code); a range is (first category, last category), so a lookup for
    E11.42 finds both "E11.4-" style mentions of its ancestors and "E08-E13" ranges that hold it.
    """
    seen: set[tuple[str, str, str]] = set()
    for field in NOTE_FIELDS:
        for text in rec.get(field, ()):
            for m in _REF.finditer(text):
                a, b = m.group(1), m.group(2)
                start, end = (_cat(a), _cat(b)) if b else (a, a)
                if (start, end, field) not in seen and not key.startswith(a):
                    seen.add((start, end, field))
                    yield start, end, key, field


def modifier_rows(key: str, rec: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(modifier, code) for each modifier-specific MPFS row (26, TC, 53) of a CPT/HCPCS record."""
    for mod in rec.get("mpfs", {}).get("mods", {}):
        yield mod, key


def matches(code: str, start: str, end: str) -> bool:
    """Whether a reference (start, end) names ``code`` or one of its ancestors/ranges."""
    if start == end:
        return code.startswith(start)
    return start <= _cat(code) <= end


def narrow(start: str, end: str) -> bool:
    """A range worth reporting as a mention: within one letter and at most 10 categories wide.

    Chapter-wide notes ("Excludes2: endocrine diseases (E00-E89)") name every code in them and
    would drown the few real mentions.
    """
    if start == end:
        return True
    if start[0] != end[0] or not (start[1:3].isdigit() and end[1:3].isdigit()):
        return False
    return int(end[1:3]) - int(start[1:3]) <= 10


def refs_to(code: str, rows: Iterable[tuple[str, str, str, str]]) -> list[tuple[str, str]]:
    """(source key, field) of references naming ``code`` (directly, via an ancestor or a narrow
    range), leaving out chapter-level notes."""
    out = {(src, field) for start, end, src, field in rows
           if not src.startswith("ch") and narrow(start, end) and matches(code, start, end)}
    return sorted(out)
