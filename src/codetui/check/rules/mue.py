"""Units above the Medically Unlikely Edit for the claim's setting.

MAI 1 is a line edit (each line on its own); MAI 2 and 3 are date-of-service edits (all lines
of the code on the claim's date are added up), so the rule sums units only for those.
"""

from __future__ import annotations

from collections.abc import Iterator

from codetui.check.context import RuleContext
from codetui.check.findings import ERROR, Finding
from codetui.check.words import mai_words


def check(ctx: RuleContext) -> Iterator[Finding]:
    setting = ctx.claim.setting
    for code in ctx.claim.codes():
        block = ((ctx.hcpcs(code) or {}).get("mue") or {}).get(setting)
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
                        f"{code}: {line.units} units on line {line.number} exceed the {setting} MUE of "
                        f"{limit} (MAI 1, {label}: {meaning})",
                        (code,), (line.number,), *src, {**base, "units": line.units},
                    )
            continue
        total = sum(line.units for line in lines)
        if total > limit:
            where = f"line {lines[0].number}" if len(lines) == 1 else f"{len(lines)} lines"
            yield Finding(
                "mue.exceeded", ERROR,
                f"{code}: {total} units ({where}) exceed the {setting} MUE of {limit} "
                f"(MAI {mai}, {label}: {meaning})",
                (code,), tuple(line.number for line in lines), *src, {**base, "units": total},
            )
