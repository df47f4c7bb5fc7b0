"""NCCI values in words, for the checker and ``ask``.

A private fallback: ``codetui.decode.ncci`` is the shared home for these once it exists; the
text follows the NCCI policy manual (chapter I, section E) and the MUE file headers.
"""

from __future__ import annotations

MAI: dict[str, tuple[str, str]] = {
    "1": ("Line Edit", ("a claim line edit: each line is checked on its own; units above the MUE "
          "on one line are denied, and medically necessary extra units may go on another line "
          "with an appropriate modifier (e.g. 76, 77, 91, anatomic).")),
    "2": ("Date of Service Edit: Policy", ("a date-of-service edit based on policy: units of all "
          "lines for the code on the same date are added up; units above the MUE are denied and "
          "CMS treats the limit as absolute (no payment above it, even on appeal).")),
    "3": ("Date of Service Edit: Clinical", ("a date-of-service edit based on clinical data: units "
          "of all lines for the code on the same date are added up; units above the MUE are "
          "denied, but may be paid on appeal with documentation of medical necessity.")),
}

PTP_MODIFIER: dict[str, tuple[str, str]] = {
    "0": ("not allowed", ("the codes are never paid together: no modifier bypasses this edit; the "
          "column 2 code is denied.")),
    "1": ("allowed", ("the column 2 code may be paid with the column 1 code when an NCCI-associated "
          "modifier (e.g. 59, XE, XS, XP, XU, 25/57 for E/M, anatomic modifiers) is used and the "
          "documentation supports it.")),
    "9": ("not applicable", ("the edit no longer applies (it was deleted, usually retroactively); "
          "the pair may be reported together.")),
}

# NCCI policy manual ch. I §E: modifiers that may bypass a PTP edit with indicator 1
PTP_ASSOCIATED: frozenset[str] = frozenset(
    ["E1", "E2", "E3", "E4", "FA", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "TA", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "LT", "RT", "LC", "LD", "RC", "LM", "RI", "24", "25", "57", "58", "78", "79", "27", "59", "91", "XE", "XS", "XP", "XU"]
)
# distinct-service modifiers: not for E/M services (those take 25 or 57)
DISTINCT: frozenset[str] = frozenset({"59", "XE", "XS", "XP", "XU"})
# these bypass only when the E/M code is one of the pair
EM_ONLY: frozenset[str] = frozenset({"24", "25", "57"})


def is_em(code: str) -> bool:
    """Evaluation and management codes (99202-99499), the codes 25/57 attach to."""
    return code.isdigit() and 99202 <= int(code) <= 99499


def mai_words(mai: str) -> tuple[str, str]:
    return MAI.get(str(mai), (f"MAI {mai}", "an adjudication indicator not described in the MUE file."))
