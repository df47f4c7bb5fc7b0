"""An adult BMI written as a number ("BMI 42.3") -> its Z68 code.

Why a rule and not a phrase: the Z68 titles are ranges ("Body mass index [BMI] 40.0-44.9,
adult"), which no word match can reach from a number. Guideline I.C.21.c.3: a BMI code is
reported only beside a related condition (obesity, underweight ...), so the finding says so.
Pediatric BMI is a percentile (Z68.5-), never taken from a bare number here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_BMI = re.compile(r"(?i)\b(?:bmi|body\s+mass\s+index)\s*(?:of|is|was|=|:)?\s*(\d{2}(?:\.\d+)?)(?!\s*(?:%|percentile|th\b))")
_PEDIATRIC = re.compile(r"(?i)\bpercentile\b|\bpediatric\b|\bchild\b")

NOTE = "report only with a related condition (obesity, underweight ...)"


def _z68(value: float) -> str | None:
    if value < 20:
        return "Z68.1"
    if value < 25:
        return f"Z68.2{int(value) - 20}"
    if value < 40:
        return f"Z68.{int(value)}"
    for upper, code in ((45, "Z68.41"), (50, "Z68.42"), (60, "Z68.43"), (70, "Z68.44")):
        if value < upper:
            return code
    return "Z68.45"


def find_bmi(text: str) -> Iterator[tuple[str, int, int]]:
    """(Z68 code, start, end) for each adult BMI value in the note."""
    for m in _BMI.finditer(text):
        if _PEDIATRIC.search(text, max(0, m.start() - 40), min(len(text), m.end() + 40)):
            continue
        value = float(m.group(1))
        if 10 <= value <= 150:
            code = _z68(value)
            if code:
                yield code, m.start(), m.end()
