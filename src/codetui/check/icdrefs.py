"""Code references inside ICD-10-CM notes: ``"amyloidosis (E85.-)"``, ``"(E00-E07, E15-E16)"``.

Items qualified with "with ..." (``E08-E13 with .42``) name only the codes of those categories
that carry that subdivision (E08.42 ... E13.42); other "with" wordings are skipped, since reading
them as a plain range would flag pairs the note does not exclude.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

_PAREN = re.compile(r"\(([^()]*)\)")
_ONE = r"[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{0,4})?"
_ITEM = re.compile(rf"^({_ONE})[.-]*(?:-({_ONE})[.-]*)?$")
_WITH = re.compile(rf"^({_ONE})(?:-({_ONE}))?\s+WITH\s+(\.[0-9A-Z]{{1,4}})$")


@dataclass(frozen=True)
class Ref:
    """A code prefix (``E85``) or an inclusive range of prefixes (``E00``..``E07``)."""

    lo: str
    hi: str
    suffix: str = ""  # ".42" for "E08-E13 with .42"

    def matches(self, code: str) -> bool:
        if self.suffix and not code[3:].startswith(self.suffix):
            return False
        return code[: len(self.lo)] >= self.lo and code[: len(self.hi)] <= self.hi

    def __str__(self) -> str:
        base = self.lo if self.lo == self.hi else f"{self.lo}-{self.hi}"
        return f"{base} with {self.suffix}" if self.suffix else base


def refs_in(notes: Iterable[str]) -> list[Ref]:
    out: list[Ref] = []
    for note in notes:
        for group in _PAREN.findall(note):
            for item in group.split(","):
                item = item.strip().upper()
                w = _WITH.match(item)
                if w:
                    out.append(Ref(w.group(1), w.group(2) or w.group(1), w.group(3)))
                    continue
                if "WITH" in item:
                    continue
                m = _ITEM.match(item)
                if m:
                    lo = m.group(1).rstrip(".")
                    hi = (m.group(2) or m.group(1)).rstrip(".")
                    out.append(Ref(lo, hi))
    return out


def first_match(refs: list[Ref], codes: Iterable[str]) -> str | None:
    for code in codes:
        if any(r.matches(code) for r in refs):
            return code
    return None


_GENERAL = ("unspecified", "without complications", "not otherwise specified", ", nos")


def general_first(store: Any, codes: list[str]) -> list[str]:
    """Billable codes with the default ones first ("E11.9 ... without complications", "I50.9
    ..., unspecified"), then shorter codes, then code order.

    A header's children come in code order (E11.00, E11.01, ...), so "report a more specific
    code: E11.00 ..." hid the code a coder most often means; stable for the rest.
    """
    icd = store.icd

    def key(code: str) -> tuple[bool, int, str]:
        title = str((icd(code) or {}).get("title", "")).lower()
        return (not any(w in title for w in _GENERAL), len(code), code)

    return sorted(codes, key=key)
