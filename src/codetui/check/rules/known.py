"""Codes the store does not know: a typo, a deleted code, or a code newer than the data."""

from __future__ import annotations

from collections.abc import Iterator

from codetui.check.context import RuleContext
from codetui.check.findings import ERROR, Finding


def check(ctx: RuleContext) -> Iterator[Finding]:
    for code in ctx.claim.codes():
        if ctx.hcpcs(code) is None:
            lines = tuple(line.number for line in ctx.claim.lines_for(code))
            yield Finding(
                "code.unknown", ERROR,
                f"{code} is not in the code store (no CMS file lists it): a typo, a code deleted "
                "before these releases, or one newer than the data.",
                (code,), lines,
            )
    for dx in ctx.claim.dx:
        if ctx.store.icd(dx) is None:
            yield Finding(
                "icd.unknown", ERROR,
                f"{dx} is not an ICD-10-CM code in the tabular list.",
                (dx,), (), *ctx.source_by_id("icd10cm"),
            )
