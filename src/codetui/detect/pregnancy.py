"""Weeks of gestation in a pregnancy note -> Z3A code, plus the words pregnancy titles need.

Why a rule: Z3A titles are numbers ("32 weeks gestation of pregnancy") that a note writes as
"at 32 weeks", "32w4d" or "GA 32 wks"; and the O-code titles name the trimester ("Severe
pre-eclampsia, third trimester") and "pregnancy" ("Gestational diabetes mellitus in
pregnancy"), which a note implies by the weeks. Guideline I.C.15.a.3 / I.C.15.b.2: trimester
counts from the first day of the last period (first < 14 weeks, second 14 to < 28, third
28 and later); Z3A is coded beside the O-codes. Weeks only count in a pregnancy context
(a "cough for 2 weeks" is no gestational age).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_WEEKS = re.compile(
    r"(?i)\b(?:(?:ga|ega|gestational\s+age)\s*(?:of\s+)?)?(\d{1,2})(?:\s*\+\s*\d|\s*w\s*\d\s*d)?\s*"
    r"(?:weeks?|wks?|w(?=\s*\d\s*d\b)|w\b)(?:\s*\d\s*d(?:ays?)?\b)?"
)
_CONTEXT = re.compile(
    r"(?i)\b(?:pregnan\w*|gestation\w*|g\d+\s*p\d+\w*|trimester|iup|ega|ga|gravid\w*|"
    r"pre-?eclampsia|eclampsia|hyperemesis|prenatal|antepartum|obstetric\w*|ob|intrauterine)\b"
)
_NOT_GA = re.compile(r"(?i)\b(?:for|x|since|past|last|ago|over|after|every|per|in)\s*$")
_REACH = 60  # characters either side in which a pregnancy word must appear


def _z3a(weeks: int) -> str:
    if weeks < 8:
        return "Z3A.01"
    if weeks > 42:
        return "Z3A.49"
    return f"Z3A.{weeks:02d}"


def trimester(weeks: int) -> str:
    return "first" if weeks < 14 else "second" if weeks < 28 else "third"


def find_weeks(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, int]]:
    """(weeks, start, end) of each gestational age stated in text[start:end]."""
    end = len(text) if end is None else end
    for m in _WEEKS.finditer(text, start, end):
        weeks = int(m.group(1))
        if not 1 <= weeks <= 45 or _NOT_GA.search(text[max(0, m.start() - 8):m.start()]):
            continue
        if _CONTEXT.search(text, max(0, m.start() - _REACH), min(len(text), m.end() + _REACH)):
            yield weeks, m.start(), m.end()


def find_gestation(text: str) -> Iterator[tuple[str, int, int]]:
    """(Z3A code, start, end) for each gestational age in the note."""
    for weeks, a, b in find_weeks(text):
        yield _z3a(weeks), a, b


def pregnancy_tokens(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """Tokens "pregnancy" and the trimester at each gestational age, for the O-code titles."""
    from codetui.detect.text import words

    out: list[tuple[str, int, int]] = []
    for weeks, a, b in find_weeks(text, start, end):
        out.extend((w, a, b) for w in words(f"pregnancy {trimester(weeks)} trimester"))
    return out
