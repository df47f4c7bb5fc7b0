"""The 7th character a note itself states: encounter (initial / subsequent / sequela), open or
closed fracture, and how a fracture is healing.

Why: an injury code without its 7th character is not billable, and the note usually says
which one ("initial encounter", "subsequent encounter", "follow-up of healing fracture").
Only words the note states are used; defaults are the guideline's (I.C.19.c): a fracture not
called open or displaced is closed, healing not described is routine. With no encounter word
at all nothing is chosen and the coder still gets the list.
"""

from __future__ import annotations

import re

_INITIAL = re.compile(r"(?i)\b(?:initial\s+(?:encounter|visit|evaluation|treatment|presentation)|"
                      r"active\s+treatment|new\s+injury)\b")
_SUBSEQUENT = re.compile(r"(?i)\b(?:subsequent\s+(?:encounter|visit|care)|routine\s+healing|"
                         r"(?:delayed|routine)\s+healing|healing\s+(?:fracture|fx|sprain|injury|wound)|"
                         r"nonunion|non-union|malunion|mal-union|cast\s+(?:check|change|removal))\b")
_SEQUELA = re.compile(r"(?i)\b(?:sequelae?|late\s+effects?)\b")
_OPEN = re.compile(r"(?i)\bopen\s+(?:fracture|fx)\b|\bcompound\s+fracture\b")
_OPEN_SEVERE = re.compile(r"(?i)\btype\s+III[ABC]?\b|\bgustilo\s+(?:type\s+)?III")
_HEALING = (("nonunion", re.compile(r"(?i)\bnon-?union\b")), ("malunion", re.compile(r"(?i)\bmal-?union\b")),
            ("delayed healing", re.compile(r"(?i)\bdelayed\s+healing\b")))


def choose(text: str, table: dict[str, str]) -> tuple[str, str] | None:
    """(character, why) for a 7th-character table, from the note's own words, or None."""
    if _SEQUELA.search(text):
        want, why = "sequela", "sequela"
    elif _SUBSEQUENT.search(text):
        want, why = "subsequent encounter", "subsequent encounter"
    elif _INITIAL.search(text):
        want, why = "initial encounter", "initial encounter"
    else:
        return None
    choices = {ch: d.lower() for ch, d in table.items() if d.lower().startswith(want)}
    if not choices:
        return None
    if len(choices) > 1:
        is_open = bool(_OPEN.search(text))
        choices = _narrow(choices, "open" if is_open else "closed") or choices
        if is_open:
            severe = bool(_OPEN_SEVERE.search(text))
            choices = {c: d for c, d in choices.items() if ("iiia" in d) == severe} or choices
        if want == "subsequent encounter":
            healing = next((h for h, rx in _HEALING if rx.search(text)), "routine healing")
            choices = _narrow(choices, healing) or choices
    ch = min(choices)
    return ch, why


def _narrow(choices: dict[str, str], word: str) -> dict[str, str]:
    return {c: d for c, d in choices.items() if word in d}


def full_code(code: str, ch: str) -> str:
    """'S52.501' + 'A' -> 'S52.501A'; 'T78.40' + 'A' -> 'T78.40XA' (placeholder X to 6 places)."""
    compact = code.replace(".", "").ljust(6, "X") + ch
    return compact[:3] + "." + compact[3:]
