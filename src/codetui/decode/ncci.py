"""Words for NCCI coded values: add-on code edit types, MUE adjudication indicators, PTP
modifier indicators, and the NCCI PTP-associated modifiers.

The store keeps CMS's raw values (``"type": 1``, ``"mai": "3"``, modifier ``"1"``); these
tables say what they mean when a record or finding is shown. Sources:
- AOC edit types: CMS "Medicare NCCI Add-on Code Edits" page and the AOC file's notes
  (Type 1 / 2 / 3, formerly I / II / III).
- MAI: the MUE tables' own column text ("3 Date of Service Edit: Clinical") and the CMS MUE
  page's explanation of line vs date-of-service edits.
- PTP modifier indicator and PTP-associated modifiers: NCCI Policy Manual for Medicare
  Services, Chapter I, section E (revision 1/1/2026), the ``cms-ncci-policy-manual-2026-modifiers``
  raw folder. A test checks the modifier list against that text.

Unknown values decode to ``""`` so callers can show the raw value instead.
"""

from __future__ import annotations

AOC_TYPE: dict[int, str] = {
    1: "Only the listed primary codes: the add-on is paid only with one of them",
    2: "No primary code list: each Medicare contractor defines the eligible primary codes",
    3: "Some primary codes listed: the contractor may also allow other primary codes",
}

MAI: dict[str, str] = {
    "1": "Line edit: units on each claim line are checked against the MUE on their own",
    "2": "Date of service edit, policy: all units for the code on one date are added up; "
    "the limit is absolute, based on policy",
    "3": "Date of service edit, clinical: all units for the code on one date are added up; "
    "units above it may be paid on appeal with documented medical necessity",
}
MAI_LABEL: dict[str, str] = {
    "1": "Line Edit",
    "2": "Date of Service Edit: Policy",
    "3": "Date of Service Edit: Clinical",
}

PTP_MODIFIER: dict[str, str] = {
    "0": "Never allowed together: no modifier bypasses this edit",
    "1": "Allowed with an NCCI PTP-associated modifier when the clinical circumstances justify it",
    "9": "Not applicable: the edit was deleted (its deletion date equals its effective date)",
}
PTP_MODIFIER_LABEL: dict[str, str] = {"0": "not allowed", "1": "allowed", "9": "not applicable"}

# NCCI Policy Manual ch. I §E, in the manual's groups and order.
_ANATOMIC = (
    "E1 E2 E3 E4 FA F1 F2 F3 F4 F5 F6 F7 F8 F9 TA T1 T2 T3 T4 T5 T6 T7 T8 T9 LT RT LC LD RC LM RI"
)
PTP_ASSOCIATED_GROUPS: dict[str, tuple[str, ...]] = {
    "anatomic": tuple(_ANATOMIC.split()),
    "global surgery": ("24", "25", "57", "58", "78", "79"),
    "other": ("27", "59", "91", "XE", "XS", "XP", "XU"),
}
PTP_ASSOCIATED: frozenset[str] = frozenset(
    m for group in PTP_ASSOCIATED_GROUPS.values() for m in group
)
# The manual names these explicitly as NOT bypassing a PTP edit.
NOT_PTP_ASSOCIATED: frozenset[str] = frozenset({"22", "76", "77"})

MUE_SETTING: dict[str, str] = {
    "practitioner": "Practitioner services",
    "opps": "Outpatient hospital services",
    "dme": "DME supplier services",
}
PTP_SETTING: dict[str, str] = {
    "practitioner": "Practitioner (physicians and other professionals)",
    "opps": "Outpatient hospital (and other facility claims under OPPS)",
}


def aoc_type(value: int | str) -> str:
    try:
        return AOC_TYPE.get(int(value), "")
    except (TypeError, ValueError):
        return ""


def mai(value: str | int) -> str:
    return MAI.get(str(value), "")


def ptp_modifier(value: str | int) -> str:
    return PTP_MODIFIER.get(str(value), "")


def is_ptp_associated(modifier: str) -> bool:
    return modifier.strip().upper().lstrip("-") in PTP_ASSOCIATED
