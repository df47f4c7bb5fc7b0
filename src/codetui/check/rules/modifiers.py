"""Modifiers against what the code's MPFS indicators allow.

26/TC vs the PC/TC indicator, 50 vs the bilateral indicator, 62/66/80/81/82/AS vs the
co-surgeon/team/assistant indicators, 51 on add-on codes, and modifiers the store does not know.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from codetui.check.claim import ClaimLine
from codetui.check.context import RuleContext
from codetui.check.findings import ERROR, WARNING, Finding
from codetui.check.words import DISTINCT, is_em
from codetui.decode import mpfs as words

_SURGERY = words.SURGERY_MODIFIERS


def is_addon(rec: dict[str, Any]) -> bool:
    return bool(rec.get("aoc")) or (rec.get("mpfs") or {}).get("global") == "ZZZ"


def check(ctx: RuleContext) -> Iterator[Finding]:
    for line in ctx.claim.lines:
        rec = ctx.hcpcs(line.code)
        for mod in line.modifiers:
            if ctx.store.modifier(mod) is None:
                yield Finding("modifier.unknown", ERROR,
                              f"Line {line.number}: modifier {mod} is not a CPT or HCPCS Level II "
                              "modifier in the store.", (line.code, mod), (line.number,))
                continue
            if rec is not None:
                yield from _against_code(ctx, line, mod, rec)
    yield from _split_global(ctx)
    yield from _waste(ctx)


def is_drug(rec: dict[str, Any]) -> bool:
    """A drug billed per unit: HCPCS pricing indicator 51 (Drugs), or a J code."""
    prices = (rec.get("anweb") or {}).get("price") or ()
    return "51" in prices or str(rec.get("code", "")).startswith("J")


def _waste(ctx: RuleContext) -> Iterator[Finding]:
    """JW/JZ (single-dose drug discarded / none discarded) belong on drug lines, never both."""
    for code in ctx.claim.codes():
        lines = ctx.claim.lines_for(code)
        jw = [ln.number for ln in lines if "JW" in ln.modifiers]
        jz = [ln.number for ln in lines if "JZ" in ln.modifiers]
        if not jw and not jz:
            continue
        rec = ctx.hcpcs(code)
        if rec is None:
            continue
        if not is_drug(rec):
            mods = "/".join(m for m, ln in (("JW", jw), ("JZ", jz)) if ln)
            drugs = [c for c in ctx.claim.codes() if is_drug(ctx.hcpcs(c) or {})]
            where = f" ({', '.join(drugs)} here)" if drugs else ""
            yield Finding("modifier.waste-not-drug", WARNING,
                          f"{mods} on {code}: JW and JZ report whether a single-dose drug was "
                          f"discarded, so they go on the drug's own line{where}, not on {code}.",
                          (code, *drugs), tuple(jw + jz))
        elif jw and jz:
            yield Finding("modifier.jw-and-jz", ERROR,
                          f"{code} has JW (line {jw[0]}) and JZ (line {jz[0]}): JZ says none of the drug "
                          "was discarded, JW reports a discarded amount; use JW on the wasted units' "
                          "line and no JZ.", (code, "JW", "JZ"), tuple(jw + jz))


def _split_global(ctx: RuleContext) -> Iterator[Finding]:
    """26 on one line and TC on another for the same code: together they are the global service."""
    for code in ctx.claim.codes():
        lines = ctx.claim.lines_for(code)
        pc = [ln.number for ln in lines if "26" in ln.modifiers]
        tc = [ln.number for ln in lines if "TC" in ln.modifiers]
        if pc and tc:
            rec = ctx.hcpcs(code) or {}
            mpfs = rec.get("mpfs") or {}
            yield Finding("modifier.pc-and-tc", WARNING,
                          f"{code} is billed with 26 (line {pc[0]}) and TC (line {tc[0]}) on one claim: "
                          "when one provider furnishes both components, report the global service "
                          "(the code with neither modifier) on one line.",
                          (code,), tuple(pc + tc), *(ctx.source(mpfs) if mpfs else ("", "")))


def _against_code(ctx: RuleContext, line: ClaimLine, mod: str, rec: dict[str, Any]) -> Iterator[Finding]:
    mpfs = rec.get("mpfs") or {}
    src = ctx.source(mpfs) if mpfs else ("", "")
    code, where = line.code, (line.number,)
    if mod in DISTINCT and is_em(code):
        yield Finding("modifier.59-on-em", WARNING,
                      f"Line {line.number}: modifier {mod} on the E/M code {code}: 59 and XE/XS/XP/XU "
                      "are not used on E/M services; a significant, separately identifiable E/M on a "
                      "procedure day takes 25 (57 for the decision for major surgery).",
                      (code, mod, "25"), where, *src)
    if mod == "51" and is_addon(rec):
        yield Finding("modifier.51-on-addon", ERROR,
                      f"Line {line.number}: {code} is an add-on code; add-on codes are exempt from "
                      "the multiple procedure rule, so modifier 51 does not belong on them.",
                      (code, mod), where, *src)
    if mod in ("26", "TC") and mpfs.get("pctc"):
        pctc = str(mpfs["pctc"])
        if not words.allows_26_tc(pctc, mod):
            meaning = words.describe("pctc", pctc)
            yield Finding("modifier.pctc", ERROR,
                          f"Line {line.number}: modifier {mod} cannot be used with {code}: PC/TC "
                          f"indicator {pctc} ({meaning.label}).", (code, mod), where, *src,
                          {"pctc": pctc, "label": meaning.label})
    if mod in _SURGERY and mpfs.get(_SURGERY[mod][0]) not in (None, ""):
        field, rule_of, name = _SURGERY[mod]
        value = str(mpfs[field])
        rule = rule_of(value)
        data = {field: value}
        if rule.permitted is None:
            yield Finding(f"modifier.{field}", ERROR,
                          f"Line {line.number}: modifier {mod} on {code}: {name} indicator {value} — "
                          f"the concept does not apply to this code.", (code, mod), where, *src, data)
        elif rule.permitted is False:
            yield Finding(f"modifier.{field}", ERROR,
                          f"Line {line.number}: modifier {mod} on {code}: {name} indicator {value} — "
                          f"{rule.text}", (code, mod), where, *src, data)
        elif rule.documentation:
            yield Finding(f"modifier.{field}", WARNING,
                          f"Line {line.number}: modifier {mod} on {code}: {name} indicator {value} — "
                          f"{rule.text}", (code, mod), where, *src, data)
