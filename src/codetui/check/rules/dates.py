"""Codes not active on the date of service: added later, terminated, or an add-on deleted.

HCPCS Level II carries add and termination dates (the termination date is the last valid day);
the NCCI AOC file carries the add-on code's own deletion date. CPT codes carry no dates in the
CMS files, so a CPT code's activity is judged by its MPFS status (see ``status``).
"""

from __future__ import annotations

from collections.abc import Iterator

from codetui.check.context import RuleContext, to_date
from codetui.check.findings import ERROR, Finding


def check(ctx: RuleContext) -> Iterator[Finding]:
    when = ctx.as_of.isoformat()
    for code in ctx.claim.codes():
        rec = ctx.hcpcs(code)
        if rec is None:
            continue
        lines = tuple(line.number for line in ctx.claim.lines_for(code))
        anweb = rec.get("anweb") or {}
        added, term = to_date(anweb.get("added")), to_date(anweb.get("term"))
        if added and added > ctx.as_of:
            yield Finding(
                "date.not-yet-active", ERROR,
                f"{code} was added on {added.isoformat()}, after the date of service {when}.",
                (code,), lines, *ctx.source(anweb), {"added": added.isoformat()},
            )
        if term and term < ctx.as_of:
            yield Finding(
                "date.terminated", ERROR,
                f"{code} was terminated: last valid day {term.isoformat()}, before the date of "
                f"service {when}.",
                (code,), lines, *ctx.source(anweb), {"term": term.isoformat()},
            )
        deleted = sorted({e["addon_del"] for e in rec.get("aoc", ()) if e.get("addon_del")})
        if deleted and all(ctx.expired(d) for d in deleted) and not term:
            yield Finding(
                "date.addon-deleted", ERROR,
                f"{code} is an add-on code that NCCI lists as deleted on {deleted[-1]}, before the "
                f"date of service {when}.",
                (code,), lines, *ctx.source(rec["aoc"][0]), {"deleted": deleted[-1]},
            )
