"""What a check reports: findings that each name the rule, the codes, and the data release.

A finding is evidence for a coder, so it always says *which* table said so (source name and
release) and carries the codes it is about so a browser can link them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ERROR = "error"  # the claim line will be denied or is wrong as typed
WARNING = "warning"  # needs a look: documentation, contractor policy, or likely denial
INFO = "info"  # context only (an edit that is satisfied or no longer in force)

SEVERITY_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}


@dataclass(frozen=True)
class Finding:
    """One rule outcome. ``rule`` is a stable id (``aoc.no-primary``) for scripts."""

    rule: str
    severity: str
    message: str
    codes: tuple[str, ...] = ()
    lines: tuple[int, ...] = ()
    source: str = ""  # data source name, e.g. "CMS NCCI Medically Unlikely Edits"
    release: str = ""  # e.g. "2026 Q2, effective 2026-04-01"
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def fails(self) -> bool:
        """Errors and warnings make the exit code 1; info notes do not."""
        return self.severity in (ERROR, WARNING)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "codes": list(self.codes),
            "lines": list(self.lines),
            "source": self.source,
            "release": self.release,
        }
        if self.data:
            out["data"] = self.data
        return out


@dataclass(frozen=True)
class CheckResult:
    """All findings for one claim, sorted by severity then claim line."""

    findings: tuple[Finding, ...]
    as_of: str  # ISO date the dated rules used
    as_of_given: bool  # False when no --dos was given and today's date was used

    @property
    def failed(self) -> bool:
        return any(f.fails for f in self.findings)

    def counts(self) -> dict[str, int]:
        out = {ERROR: 0, WARNING: 0, INFO: 0}
        for f in self.findings:
            out[f.severity] = out.get(f.severity, 0) + 1
        return out


def sort_findings(findings: list[Finding]) -> tuple[Finding, ...]:
    return tuple(
        sorted(findings, key=lambda f: (SEVERITY_ORDER.get(f.severity, 9), f.lines or (0,), f.rule, f.codes))
    )
