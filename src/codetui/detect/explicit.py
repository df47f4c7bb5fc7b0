"""ICD-10-CM codes written in the note, with or without the dot, validated against the store.

Traps: a HCPCS Level II code is letter + 4 digits, the same shape as an undotted ICD code
(G0439 is the annual wellness visit, not G04.39); "room C34" is a room; "ICD-9 250.00" never
reaches here (no leading letter) but "ICD-9 V45.81" would, so ICD-9 context is skipped too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

_CODE = re.compile(
    r"(?<![\w.\-/])([A-Za-z][0-9][0-9A-Za-z](?:\.[0-9A-Za-z]{1,4}|[0-9A-Z]{1,4})?)(?![\w]|\.\w|-\d)"
)
_PLACE = re.compile(
    r"(?i)\b(?:room|rm|bed|unit|suite|ste|apt|gate|ward|floor|fl|bay|pod|locker|lot|exam|seat|"
    r"box|bldg|building|hall|station|level|zone|wing|section|row|grid|cubicle|slot|vitamin|vit|"
    r"site|spot|form|model|version|ver|part|step)\s*[#:.]?\s*(?:no\.?\s*)?$"
)
_ICD9 = re.compile(r"(?i)\bicd[\s\-]?9(?:[\s\-]?cm)?\b(?:[\s:,#]|codes?|[EV]?\d+(?:\.\d+)?)*$")
_HCPCS_CONTEXT = re.compile(r"(?i)\b(?:hcpcs|cpt|g-?code|billed|bill|charge[ds]?|procedure|units?|modifier|awv|j-?code)\b")
_ICD_CONTEXT = re.compile(r"(?i)\b(?:icd-?10(?:-cm)?|dx|diagnos[ie]s|assessment)\b")


@dataclass(frozen=True)
class CodeMention:
    code: str  # the store key, with the dot
    start: int
    end: int


def find_codes(text: str, store: Any) -> Iterator[CodeMention]:
    for m in _CODE.finditer(text):
        raw = m.group(1)
        if "." not in raw and not raw.isupper():
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[max(line_start, m.start() - 30):m.start()]
        if _PLACE.search(before) or _ICD9.search(text[max(line_start, m.start() - 40):m.start()]):
            continue
        compact = raw.upper().replace(".", "")
        if "." not in raw and len(compact) == 5 and compact[1:].isdigit():
            window = text[max(line_start, m.start() - 40):m.start()]
            hcpcs = store.hcpcs(compact) is not None if hasattr(store, "hcpcs") else False
            icd_said = _ICD_CONTEXT.search(window) and not _HCPCS_CONTEXT.search(window)
            if (hcpcs or _HCPCS_CONTEXT.search(window)) and not icd_said:
                continue
        rec = store.icd(raw.upper())
        if rec is None or rec.get("kind") not in ("category", "code"):
            continue
        yield CodeMention(rec["code"], m.start(1), m.end(1))
