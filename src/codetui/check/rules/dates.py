"""Codes not active on the date of service: added later, terminated, or an add-on deleted.

HCPCS Level II carries add and termination dates (the termination date is the last valid day);
the NCCI AOC file carries the add-on code's own deletion date. CPT codes carry no dates in the
CMS files, so a CPT code's activity is judged by its MPFS status (see ``status``).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from codetui.check.context import RuleContext, to_date
from codetui.check.findings import ERROR, INFO, Finding

ICD10_START = date(2015, 10, 1)  # ICD-10-CM replaced ICD-9-CM for dates of service from this day


def check(ctx: RuleContext) -> Iterator[Finding]:
    when = ctx.as_of.isoformat()
    yield from _outside_data(ctx)
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
        ended = to_date((rec.get("rbcs") or {}).get("ended"))
        if not anweb and not rec.get("mpfs") and ended and ended < ctx.as_of:
            # CPT codes carry no dates in the CMS files; RBCS records when a code stopped
            yield Finding(
                "date.terminated", ERROR,
                f"{code} is no longer a current code: RBCS lists it as ended on {ended.isoformat()}, "
                f"before the date of service {when}, and the current fee schedule does not list it.",
                (code,), lines, *ctx.source(rec["rbcs"]), {"term": ended.isoformat()},
            )
        deleted = sorted({e["addon_del"] for e in rec.get("aoc", ()) if e.get("addon_del")})
        if deleted and all(ctx.expired(d) for d in deleted) and not term:
            yield Finding(
                "date.addon-deleted", ERROR,
                f"{code} is an add-on code that NCCI lists as deleted on {deleted[-1]}, before the "
                f"date of service {when}.",
                (code,), lines, *ctx.source(rec["aoc"][0]), {"deleted": deleted[-1]},
            )


def _outside_data(ctx: RuleContext) -> Iterator[Finding]:
    """A date of service older than the releases in the store is judged by today's rules: say so.

    Diagnoses before ICD-10-CM existed are an error outright (they would be ICD-9-CM).
    """
    if ctx.claim.dx and ctx.as_of < ICD10_START:
        yield Finding(
            "date.before-icd10", ERROR,
            f"The date of service {ctx.as_of.isoformat()} is before {ICD10_START.isoformat()}, when "
            "ICD-10-CM diagnosis codes took effect; claims before then used ICD-9-CM.",
            tuple(ctx.claim.dx), (), *ctx.source_by_id("icd10cm"),
        )
    meta = ctx.store.source("pfs_rvu") or {}
    effective = to_date(meta.get("effective"))
    if effective and ctx.as_of.year < effective.year:
        yield Finding(
            "date.older-than-data", INFO,
            f"The date of service {ctx.as_of.isoformat()} is in an earlier year than the fee schedule "
            f"in the store ({meta.get('release', effective.year)}): findings use the releases in the "
            "store (see codetui info), whose rules may differ from those in force on that date.",
            (), (), *ctx.source_by_id("pfs_rvu"),
        )
