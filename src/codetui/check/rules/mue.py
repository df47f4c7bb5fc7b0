"""Units above the Medically Unlikely Edit for the claim's setting.

MAI 1 is a line edit (each line on its own); MAI 2 and 3 are date-of-service edits (all lines
of the code on the claim's date are added up), so the rule sums units only for those.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from codetui.check.claim import ClaimLine
from codetui.check.context import RuleContext
from codetui.check.findings import ERROR, Finding
from codetui.check.words import mai_words

SETTING_WORDS = {"practitioner": "practitioner", "opps": "outpatient hospital", "dme": "DME supplier"}


def _bilateral_hint(rec: dict[str, Any], lines: list[ClaimLine], limit: int) -> str:
    """A 150%/100%-each-side bilateral code billed as 2 units: say how it should go on the claim."""
    bilat = str((rec.get("mpfs") or {}).get("bilat", ""))
    if bilat in ("1", "3") and limit == 1 and not any("50" in ln.modifiers for ln in lines):
        return (" For a procedure done on both sides, report one line with modifier 50 and 1 unit "
                f"(bilateral surgery indicator {bilat}).")
    return ""


def check(ctx: RuleContext) -> Iterator[Finding]:
    setting = ctx.claim.setting
    where_words = SETTING_WORDS.get(setting, setting)
    for code in ctx.claim.codes():
        rec = ctx.hcpcs(code) or {}
        block = (rec.get("mue") or {}).get(setting)
        if not block or "value" not in block:
            continue
        limit = int(block["value"])
        mai = str(block.get("mai", ""))
        label, meaning = mai_words(mai)
        lines = ctx.claim.lines_for(code)
        src = ctx.source(block)
        base = {"mue": limit, "mai": mai, "setting": setting, "rationale": block.get("rationale", "")}
        if mai == "1":
            for line in lines:
                if line.units > limit:
                    yield Finding(
                        "mue.exceeded", ERROR,
                        f"{code}: {line.units} units on line {line.number} exceed the {where_words} MUE "
                        f"of {limit} (MAI 1, {label}: {meaning}){_bilateral_hint(rec, [line], limit)}",
                        (code,), (line.number,), *src, {**base, "units": line.units},
                    )
            continue
        total = sum(line.units for line in lines)
        if total > limit:
            where = f"line {lines[0].number}" if len(lines) == 1 else f"{len(lines)} lines"
            yield Finding(
                "mue.exceeded", ERROR,
                f"{code}: {total} units ({where}) exceed the {where_words} MUE of {limit} "
                f"(MAI {mai}, {label}: {meaning}){_bilateral_hint(rec, lines, limit)}",
                (code,), tuple(line.number for line in lines), *src, {**base, "units": total},
            )
