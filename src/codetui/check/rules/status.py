"""MPFS status: codes the physician fee schedule does not pay separately, in CMS's words.

Only practitioner claims are paid under the MPFS, so the rule runs for that setting only.
Severity follows what happens to the line: deleted/invalid codes are errors; bundled and
non-covered codes are warnings; codes paid under another schedule (drugs E, labs X,
anesthesia J, contractor-priced C, measurement M) are notes that say where payment comes from.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from codetui.check.context import RuleContext
from codetui.check.findings import ERROR, INFO, WARNING, Finding
from codetui.decode import hcpcs as hcpcs_words
from codetui.decode import mpfs as mpfs_words

SEVERITY = {
    **dict.fromkeys("DFGHI", ERROR),
    **dict.fromkeys("BPNRT", WARNING),
    **dict.fromkeys("CEJMX", INFO),
}


def _paid_by(rec: dict[str, Any]) -> str:
    """' Paid under: Drugs.' from the HCPCS pricing indicator, when the file gives one."""
    prices = [p for p in (rec.get("anweb") or {}).get("price", ()) if p not in ("", "00")]
    words = [hcpcs_words.pricing(p) for p in prices]
    words = [w for w in words if w]
    return f" HCPCS pricing indicator: {'; '.join(words)}." if words else ""


def check(ctx: RuleContext) -> Iterator[Finding]:
    if ctx.claim.setting != "practitioner":
        return
    codes = ctx.claim.codes()
    for code in codes:
        rec = ctx.hcpcs(code)
        block = (rec or {}).get("mpfs")
        if not rec or not block or not block.get("status") or block["status"] == "A":
            continue
        status = block["status"]
        if status == "T" and len(codes) == 1:
            continue  # an injection billed alone is paid
        meaning = mpfs_words.describe("status", status)
        severity = SEVERITY.get(status, WARNING)
        lead = "not separately payable under the physician fee schedule" if status not in "CRT" else \
            "payable with conditions"
        yield Finding(
            "mpfs.status", severity,
            f"{code} has MPFS status {status} ({meaning.label}): {lead}. {meaning.text}{_paid_by(rec)}",
            (code,), tuple(line.number for line in ctx.claim.lines_for(code)), *ctx.source(block),
            {"status": status, "label": meaning.label},
        )
