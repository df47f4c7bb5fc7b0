"""Add-on codes (NCCI AOC edits) reported without an eligible primary code on the claim.

Type 1: CMS lists the only eligible primaries -> error when none is on the claim.
Type 2: primaries are contractor-defined ("CCCCC") -> warning: check your MAC's list.
Type 3: CMS lists some primaries, contractors may allow others (notes) -> warning.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from codetui.check.context import RuleContext, to_date
from codetui.check.findings import ERROR, WARNING, Finding

CONTRACTOR = "CCCCC"
_SHOW = 8  # primaries named in the message; the JSON carries them all


def active_edits(ctx: RuleContext, edits: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Edits in force on the as-of date whose primary code is not itself deleted."""
    out = []
    for e in edits:
        eff = to_date(e.get("eff"))
        if eff and eff > ctx.as_of:
            continue
        if ctx.expired(e.get("del")) or ctx.expired(e.get("primary_del")):
            continue
        out.append(e)
    return out


def _names(codes: list[str]) -> str:
    shown = ", ".join(codes[:_SHOW])
    return shown + (f" and {len(codes) - _SHOW} more" if len(codes) > _SHOW else "")


def check(ctx: RuleContext) -> Iterator[Finding]:
    on_claim = set(ctx.claim.codes())
    for code in ctx.claim.codes():
        rec = ctx.hcpcs(code)
        all_edits = (rec or {}).get("aoc") or []
        edits = active_edits(ctx, all_edits)
        if not edits:
            continue
        by_type: dict[str, list[str]] = {"1": [], "2": [], "3": []}
        notes = sorted({e["note"] for e in edits if e.get("note") and e.get("primary") != CONTRACTOR})
        for e in edits:
            by_type.setdefault(str(e.get("type")), []).append(e["primary"])
        listed = sorted(set(by_type["1"]) | set(by_type["3"]))
        if on_claim & set(listed):
            continue
        lines = tuple(line.number for line in ctx.claim.lines_for(code))
        src = ctx.source(edits[0])
        data = {"types": sorted(t for t, v in by_type.items() if v), "primaries": listed}
        codes = (code, *listed[:_SHOW])
        if by_type["1"]:
            yield Finding(
                "aoc.no-primary", ERROR,
                f"{code} is an add-on code (AOC type 1) with no eligible primary on the claim; "
                f"report it with one of: {_names(listed)}.",
                codes, lines, *src, data,
            )
        elif by_type["3"]:
            extra = f" Notes: {'; '.join(notes)}" if notes else ""
            yield Finding(
                "aoc.no-listed-primary", WARNING,
                f"{code} is an add-on code (AOC type 3): none of its listed primaries is on the "
                f"claim ({_names(listed)}); your contractor may accept others.{extra}",
                codes, lines, *src, data,
            )
        else:
            yield Finding(
                "aoc.contractor-primary", WARNING,
                f"{code} is an add-on code (AOC type 2): its primary codes are defined by your "
                "Medicare contractor (MAC), not CMS; check that a primary on their list is on "
                "the claim.",
                (code,), lines, *src, data,
            )
