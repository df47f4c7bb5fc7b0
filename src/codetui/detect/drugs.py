"""Poisoning, adverse effect and underdosing of a named drug -> its T36-T50 code.

Why: the Table of Drugs and Chemicals (store table ``terms``, source ``drug``) gives each
drug six codes by intent (accidental, intentional self-harm, assault, undetermined, adverse
effect, underdosing); no title says "sertraline", so word matching never reaches them. A
drug name alone is no finding ("on lisinopril 10 mg"): the clause must also say what
happened (overdose / poisoning, adverse effect / side effect / "-induced", underdosing).
Guideline I.C.19.e.5: an overdose or wrong use is poisoning, with accidental intent when the
note states none; a correctly taken drug's reaction is an adverse effect; taking less than
prescribed is underdosing. The 7th character comes later from the note's encounter words.

A few everyday drug and brand names the Table lacks are sent to the Table entry of their
class (``CLASS_OF``), kept here because it only serves this rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

POISONING, ADVERSE, UNDERDOSING = "poisoning", "adverse effect", "underdosing"

_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (UNDERDOSING, re.compile(r"(?i)\b(?:underdos\w*|missed\s+(?:\w+\s+)?doses?|ran\s+out\s+of|"
                             r"(?:non-?complian\w*|not\s+taking|stopped\s+taking)\s+(?:with\s+)?(?:his|her|their)?)")),
    (POISONING, re.compile(r"(?i)\b(?:overdos\w*|od|poison\w*|ingest\w*|intoxicat\w*|took\s+too\s+many|"
                           r"too\s+much)\b")),
    (ADVERSE, re.compile(r"(?i)\b(?:adverse\s+(?:drug\s+)?(?:effect|reaction|event)s?|side[\s-]+effects?|"
                         r"(?:allergic\s+)?reaction\s+to|induced|related|intolerance\s+to)\b")),
)
_INTENT: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("Poisoning Intentional self-harm", re.compile(
        r"(?i)\b(?:intentional\w*|suicid\w*|self[\s-]*harm\w*|deliberate\w*|on\s+purpose)\b")),
    ("Poisoning Assault", re.compile(r"(?i)\b(?:assault\w*|poisoned\s+by\s+(?:her|his|a|an)\b)")),
    ("Poisoning Undetermined", re.compile(r"(?i)\b(?:undetermined|unknown\s+intent|intent\s+unclear)\b")),
)
_COLUMN = {ADVERSE: "Adverse effect", UNDERDOSING: "Underdosing"}

CLASS_OF: dict[str, str] = {
    **{d: "antidepressant, selective serotonin reuptake inhibitor"
       for d in ("sertraline", "zoloft", "paroxetine", "paxil", "escitalopram", "lexapro", "prozac", "celexa")},
    **{d: "antidepressant, selective serotonin norepinephrine reuptake inhibitor"
       for d in ("duloxetine", "cymbalta", "desvenlafaxine", "effexor")},
    **{d: "anticoagulant" for d in ("apixaban", "eliquis", "rivaroxaban", "xarelto", "dabigatran",
                                    "pradaxa", "edoxaban", "enoxaparin", "lovenox")},
    "coumadin": "warfarin", "tylenol": "acetaminophen", "advil": "ibuprofen", "motrin": "ibuprofen",
    "aleve": "naproxen", "xanax": "alprazolam", "ativan": "lorazepam", "norco": "hydrocodone",
    "vicodin": "hydrocodone", "percocet": "oxycodone", "lasix": "furosemide", "opioids": "opioid",
    "opiates": "opiate", "benzos": "benzodiazepine", "benzodiazepines": "benzodiazepine",
}
_PAREN = re.compile(r"\s*\([^)]*\)")
_WORDS = re.compile(r"(?i)[a-z0-9]+")


@dataclass(frozen=True)
class DrugEvent:
    code: str  # 6 characters, 7th still to add (T39.1X1)
    drug: str
    kind: str  # POISONING | ADVERSE | UNDERDOSING
    start: int
    end: int


def drug_names(store: Any) -> dict[str, dict[str, str]]:
    """Main Table of Drugs entries by lower-case name ("Opioid NEC" -> "opioid")."""
    out: dict[str, dict[str, str]] = {}
    for term in store.table("terms").values():
        codes = term.get("codes")
        if not codes or term.get("source") != "drug":
            continue
        # sub-entries ("Antidepressant, selective serotonin reuptake inhibitor") keep their
        # comma: a note never matches them, only ``CLASS_OF`` targets do
        name = term["term"]
        if "(" in name:
            name = _PAREN.sub("", name)
        name = name.strip().lower()
        if name.endswith(" nec"):
            name = name[:-4].rstrip()
        if name and name not in out:
            out[name] = codes  # read only: the store's own dict, not copied (one-shot CLI speed)
    return out


def has_cue(text: str) -> bool:
    """Cheap test run first: most notes name no drug event, and skip building the table."""
    return any(rx.search(text) for _, rx in _CUES)


def find_events(text: str, start: int, end: int, names: dict[str, dict[str, str]]) -> Iterator[DrugEvent]:
    """Drug events in one clause text[start:end]: a cue word and a drug the Table knows."""
    piece = text[start:end]
    kind = next((k for k, rx in _CUES if rx.search(piece)), None)
    if kind is None:
        return
    column = _COLUMN.get(kind)
    if column is None:
        column = next((c for c, rx in _INTENT if rx.search(piece)), "Poisoning Accidental (unintentional)")
    seen: set[str] = set()
    for m in re.finditer(r"(?i)\b[a-z][a-z0-9]{2,}\b", piece):
        # the longest Table name starting at this word ("valproic acid" before "valproic");
        # "zorbacillin-induced": the hyphen ends the name
        following = list(islice(_WORDS.finditer(piece, m.start()), 3))
        for n in (3, 2, 1):
            if len(following) < n:
                continue
            cand = " ".join(w.group(0).lower() for w in following[:n])
            cand = CLASS_OF.get(cand, cand)
            codes = names.get(cand) or names.get(cand.removesuffix("s"))
            if codes and column in codes and cand not in seen:
                seen.add(cand)
                yield DrugEvent(codes[column], cand, kind, start + m.start(), start + following[n - 1].end())
                break


# Long-term (current) drug use, Z79.- (guideline I.C.21.c.3): "on insulin", "takes apixaban".
# Keyed by the drug's adverse-effect code in the Table, longest prefix first.
_LONG_TERM: tuple[tuple[str, str], ...] = (
    ("T45.51", "Z79.01"), ("T45.52", "Z79.02"), ("T39.01", "Z79.82"), ("T38.0", "Z79.52"),
    ("T40.2", "Z79.891"), ("T40.4", "Z79.891"), ("T39.3", "Z79.1"),
)
_ON = re.compile(r"(?i)\b(?:on|takes|taking|long[\s-]*term|maintained\s+on|continues?)\s+(?:daily\s+|chronic\s+)?$")


def find_long_term(text: str, start: int, end: int,
                   names: Callable[[], dict[str, dict[str, str]]]) -> Iterator[tuple[str, int, int]]:
    """(Z79 code, start, end) for each "on <drug>" whose class has a long-term-use code.
    ``names`` is only called once a word follows an "on"-cue (building the table costs ms)."""
    for m in re.finditer(r"(?i)\b[a-z][a-z0-9-]{2,}\b", text[start:end]):
        a, b = start + m.start(), start + m.end()
        if not _ON.search(text[max(start, a - 30):a]):
            continue
        name = CLASS_OF.get(m.group(0).lower(), m.group(0).lower())
        codes = names().get(name)
        if not codes:
            continue
        adverse = codes.get("Adverse effect", "")
        if adverse.startswith("T38.3"):
            yield ("Z79.4" if name == "insulin" else "Z79.84"), a, b
            continue
        for prefix, z in _LONG_TERM:
            if adverse.startswith(prefix):
                yield z, a, b
                break
