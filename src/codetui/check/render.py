"""Check results as text for people and as JSON-ready dicts for scripts."""

from __future__ import annotations

import textwrap
from typing import Any

from codetui.check.claim import Claim
from codetui.check.findings import CheckResult

_TAG = {"error": "ERROR", "warning": "WARN ", "info": "info "}


def claim_dict(claim: Claim) -> dict[str, Any]:
    return {
        "lines": [
            {"line": ln.number, "code": ln.code, "units": ln.units, "modifiers": list(ln.modifiers)}
            for ln in claim.lines
        ],
        "dx": list(claim.dx),
        "dos": claim.dos.isoformat() if claim.dos else None,
        "setting": claim.setting,
    }


def as_dict(claim: Claim, result: CheckResult) -> dict[str, Any]:
    return {
        "claim": claim_dict(claim),
        "as_of": result.as_of,
        "as_of_given": result.as_of_given,
        "clean": not result.failed,
        "counts": result.counts(),
        "findings": [f.as_dict() for f in result.findings],
    }


def as_text(claim: Claim, result: CheckResult, width: int = 80) -> str:
    """Findings for a terminal: every line within ``width`` columns, continuation lines indented."""
    lines_txt = " ".join(ln.label() for ln in claim.lines) or "(no lines)"
    dx = f"  dx {', '.join(claim.dx)}" if claim.dx else ""
    when = result.as_of if result.as_of_given else f"{result.as_of} (today; no --dos given)"
    out = textwrap.wrap(f"Claim: {lines_txt}{dx}", width=width, subsequent_indent="       ")
    out += textwrap.wrap(f"Setting: {claim.setting}   Date of service: {when}", width=width,
                         subsequent_indent="  ")
    out.append("")
    indent = " " * 6
    for f in result.findings:
        head = f"{_TAG.get(f.severity, f.severity)} {f.rule}: "
        out.extend(textwrap.wrap(head + f.message, width=width, subsequent_indent=indent,
                                 break_on_hyphens=False))
        if f.source:
            out.extend(textwrap.wrap(f"[{f.source}{', ' + f.release if f.release else ''}]", width=width,
                                     initial_indent=indent, subsequent_indent=indent + " ",
                                     break_on_hyphens=False))
    c = result.counts()
    if not result.findings:
        out.append("Clean: no findings.")
    else:
        if out[-1] != "":
            out.append("")
        verdict = "Findings" if result.failed else "Clean (notes only)"
        out.append(f"{verdict}: {c['error']} error(s), {c['warning']} warning(s), {c['info']} note(s).")
    return "\n".join(out)
