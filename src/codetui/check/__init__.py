"""The claim-line checker: parse claim lines, run the rule families, report findings.

``check_claim(store, claim)`` is the one entry point the CLI and the TUI share. Rules live in
``codetui.check.rules`` (one module per rule family) and are imported lazily so that
``codetui check`` starts fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from datetime import date
from typing import Any

from codetui.check.claim import Claim, ClaimLine, ClaimParseError, parse_claim, tokenize
from codetui.check.context import RuleContext
from codetui.check.findings import ERROR, INFO, WARNING, CheckResult, Finding, sort_findings
from codetui.check.rules import RULE_MODULES

__all__ = [
    "ERROR",
    "INFO",
    "WARNING",
    "CheckResult",
    "Claim",
    "ClaimLine",
    "ClaimParseError",
    "Finding",
    "check_claim",
    "parse_claim",
    "tokenize",
]


def check_claim(store: Any, claim: Claim, *, today: date | None = None,
                rules: Sequence[str] = RULE_MODULES) -> CheckResult:
    """Run every rule family over ``claim``; dated rules use the DOS, else ``today``."""
    as_of = claim.dos or today or date.today()
    ctx = RuleContext(store, claim, as_of)
    found: list[Finding] = []
    for name in rules:
        module = importlib.import_module(f"codetui.check.rules.{name}")
        found.extend(module.check(ctx))
    return CheckResult(sort_findings(found), as_of.isoformat(), claim.dos is not None)
