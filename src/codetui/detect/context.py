"""Clinical context around a mention: negated, uncertain, history, family history, current.

A NegEx-style scan: a trigger before a mention governs it within the same clause unless a
terminator ("but", "now") comes between; a few triggers follow the mention ("... ruled out").
Section headers ("Family history:") govern their lines until a blank line or the next header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CURRENT, NEGATED, UNCERTAIN, HISTORY, FAMILY = "current", "negated", "uncertain", "history", "family"

_PRE: list[tuple[str, re.Pattern[str]]] = [
    (FAMILY, re.compile(
        r"(?i)\b(?:family\s+(?:history|hx)(?:\s+of)?|fhx?|(?:mother|father|mom|dad|brother|sister|sibling|"
        r"parent|grandmother|grandfather|grandparent|aunt|uncle|son|daughter)(?:'s)?\s+"
        r"(?:has|had|have|with|died\s+of|passed\s+from|diagnosed\s+with|history\s+of|hx\s+of|h/o))\b")),
    (NEGATED, re.compile(
        # "no history of stroke", "denies any prior MI", "no family history of cancer": the
        # negation covers the history/family words that follow it (longest forms first)
        r"(?i)\b(?:(?:no|denies|denied|negative\s+for)\s+(?:any\s+|known\s+)?"
        r"(?:(?:personal|past|family|medical)\s+)*(?:history|hx|h/o)(?:\s+of)?|"
        r"(?:no|denies|denied)\s+(?:any\s+|known\s+)?(?:prior|previous|past|remote|old)|"
        r"no\s+evidence\s+of|no\s+signs?\s+of|no|not|denies|denied|deny|negative\s+for|neg\s+for|"
        r"free\s+of|absence\s+of|without\s+(?:evidence|signs?)\s+of|ruled\s+out)\b")),
    (UNCERTAIN, re.compile(
        r"(?i)(?:\brule\s+out\b|\br/o\b|\bpossible\b|\bpossibly\b|\bprobable\b|\bsuspected\b|"
        r"\bsuspect\b|\bsuspicious\s+for\b|\bquestionable\b|\bconcern\s+for\b|\bcannot\s+exclude\b|"
        r"\bevaluate\s+for\b|\bvs\.?(?=\s)|\bversus\b|\?)")),
    (HISTORY, re.compile(
        # "Hx PE 2023" and "hx: DVT" say history without "of"; "3-year-old" / "6 mo old" is an
        # age, not an old condition
        r"(?i)\b(?:(?:personal\s+)?(?:history|hx)\s+of|hx\b(?!\s*(?:of|and|&|/))|h/o|s/p|status\s+post|"
        r"previous|prior|remote|"
        r"(?<!year[\s-])(?<!years[\s-])(?<!month[\s-])(?<!months[\s-])(?<!week[\s-])(?<!weeks[\s-])"
        r"(?<!day[\s-])(?<!days[\s-])(?<!yr[\s-])(?<!mo[\s-])(?<!wk[\s-])old|healed|past)\b")),
]
# Used with ``match(text, pos)``: no "^" (it would only ever match at the start of the note).
# "COVID-19 test negative", "pneumonia resolved": a test word may sit between.
_POST_NEG = re.compile(
    r"(?i)[\s,]*(?:(?:test|testing|screen|swab|pcr|antigen|culture|result)s?\s+)?"
    r"(?:was\s+|is\s+|has\s+been\s+|been\s+|came\s+back\s+)?(?:ruled\s+out|excluded|negative|neg|unlikely|resolved)\b"
)
_TERMINATOR = re.compile(
    r"(?i)\b(?:but|however|although|though|except|aside\s+from|presents?|presenting|now|currently|"
    r"today|with\s+new|admitted\s+(?:for|with)|here\s+for)\b"
)
_HEADER = re.compile(
    r"(?im)^\s*(family\s+(?:medical\s+)?history|fhx?|family\s+hx|social\s+history|"
    r"past\s+surgical\s+history|psh|allergies|review\s+of\s+systems|ros)\s*:"
)
_HEADER_STATUS = {"family": FAMILY, "fh": FAMILY, "fhx": FAMILY}


@dataclass(frozen=True)
class Clause:
    start: int
    end: int
    status: str  # status imposed by a section header, or CURRENT


def clauses(text: str) -> list[Clause]:
    """Sentence-like pieces: split at '.', ';', '!', '?', ':' (followed by space) and newlines."""
    header_status: list[tuple[int, int, str]] = []
    for m in _HEADER.finditer(text):
        name = m.group(1).lower().split()[0]
        end = text.find("\n\n", m.end())
        end = len(text) if end < 0 else end
        nxt = _HEADER.search(text, m.end())
        if nxt and nxt.start() < end:
            end = nxt.start()
        status = _HEADER_STATUS.get(name, "skip")
        header_status.append((m.end(), end, status))
    out: list[Clause] = []
    pos = 0
    # a lone letter's dot is an abbreviation, not a sentence end ("C. diff", "E. coli")
    for m in re.finditer(r"(?<!\b[A-Za-z])\.(?=\s|$)|[;!?:](?=\s|$)|\n", text):
        if m.start() > pos:
            out.append(_clause(pos, m.start(), header_status))
        pos = m.end()
    if pos < len(text):
        out.append(_clause(pos, len(text), header_status))
    return out


def _clause(start: int, end: int, headers: list[tuple[int, int, str]]) -> Clause:
    for a, b, status in headers:
        if a <= start < b:
            return Clause(start, end, status)
    return Clause(start, end, CURRENT)


def status_at(text: str, clause: Clause, start: int, end: int) -> str:
    """The status of a mention at [start, end) inside ``clause``."""
    if _POST_NEG.match(text, end, clause.end):
        return NEGATED
    before = text[clause.start:start]
    best: tuple[tuple[int, int, bool], str] | None = None
    for status, rx in _PRE:
        for m in rx.finditer(before):
            if _TERMINATOR.search(before, m.end()):
                continue
            # the trigger nearest the mention wins; at the same end the longer one ("no family
            # history of" over "family history of"), then FAMILY over HISTORY
            key = (m.end(), -m.start(), status == FAMILY)
            if best is None or key > best[0]:
                best = (key, status)
    if best is not None:
        if clause.status == FAMILY and best[1] == HISTORY:
            return FAMILY
        return best[1]
    return clause.status
