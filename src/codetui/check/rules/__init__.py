"""Claim rules, one module per rule family; each has ``check(ctx) -> Iterable[Finding]``.

The order here is the order findings are computed (display order is by severity and line).
"""

from __future__ import annotations

RULE_MODULES: tuple[str, ...] = (
    "known",  # codes the store does not know
    "dates",  # codes not active on the date of service
    "status",  # MPFS status not separately payable
    "addon",  # add-on codes without an eligible primary
    "mue",  # units above the MUE
    "ptp",  # NCCI PTP pairs on the same claim
    "modifiers",  # modifier vs code indicators
    "icd",  # ICD-10-CM diagnoses
)
