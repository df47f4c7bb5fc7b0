"""MPFS status: codes the physician fee schedule does not pay separately (B, P, N, X, E, I ...).

Only practitioner claims are paid under the MPFS, so the rule runs for that setting only.
"""

from __future__ import annotations

from typing import Iterator

from codetui.check.context import RuleContext
from codetui.check.findings import ERROR, INFO, WARNING, Finding
from codetui.decode import mpfs as mpfs_words

# statuses that mean the claim line will not be paid as typed
_DENIED = frozenset("BDEFGHIJMNPX")
# payable, but with a condition worth telling the coder
_CONDITIONAL = {"C": INFO, "R": WARNING, "T": WARNING}


def check(ctx: RuleContext) -> Iterator[Finding]:
    if ctx.claim.setting != "practitioner":
        return
    for code in ctx.claim.codes():
        rec = ctx.hcpcs(code)
        block = (rec or {}).get("mpfs")
        if not block or not block.get("status"):
            continue
        status = block["status"]
        meaning = mpfs_words.describe("status", status)
        lines = tuple(line.number for line in ctx.claim.lines_for(code))
        if status == "T" and len(ctx.claim.codes()) == 1:
            continue  # an injection billed alone is paid
        if status in _DENIED:
            severity = ERROR if status in "DFGHIN" else WARNING
            yield Finding(
                "mpfs.status", severity,
                f"{code} has MPFS status {status} ({meaning.label}): not separately payable under the "
                f"physician fee schedule. {meaning.text}",
                (code,), lines, *ctx.source(block), {"status": status, "label": meaning.label},
            )
        elif status in _CONDITIONAL:
            yield Finding(
                "mpfs.status", _CONDITIONAL[status],
                f"{code} has MPFS status {status} ({meaning.label}). {meaning.text}",
                (code,), lines, *ctx.source(block), {"status": status, "label": meaning.label},
            )
