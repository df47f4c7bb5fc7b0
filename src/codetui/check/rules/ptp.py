"""NCCI procedure-to-procedure (PTP) pairs among the codes on one claim.

Pairs are read with ``PtpFile.edits_between``, which decodes only the edits between the two
codes: busy codes (27447, 64483) have thousands of edits, and decoding them all cost ~100 ms
on a 20-line claim. PTP edits exist for practitioner and
outpatient hospital claims only; DME claims skip this rule.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from codetui.check.context import RuleContext, to_date
from codetui.check.findings import ERROR, INFO, WARNING, Finding
from codetui.check.words import EM_ONLY, PTP_ASSOCIATED, PTP_MODIFIER, is_em

SOURCE = "CMS NCCI procedure-to-procedure (PTP) edits"
SETTINGS = ("practitioner", "opps")


def associated(ctx: RuleContext, code: str, pair: tuple[str, str]) -> list[str]:
    """NCCI-associated modifiers on ``code``'s lines that can bypass an edit for ``pair``."""
    out = []
    for m in sorted(ctx.claim.modifiers_for(code)):
        if m not in PTP_ASSOCIATED and not (ctx.store.modifier(m) or {}).get("ptp_associated"):
            continue
        if m in EM_ONLY and not (is_em(code) and any(is_em(c) for c in pair)):
            continue
        out.append(m)
    return out


def in_force(ctx: RuleContext, edits: list[Any]) -> tuple[Any | None, Any | None]:
    """(edit in force on the as-of date, latest deleted edit) for one pair's rows."""
    live = [e for e in edits if not ctx.expired(e.deleted) and not _future(ctx, e.effective)]
    gone = sorted((e for e in edits if ctx.expired(e.deleted)), key=lambda e: e.deleted)
    best = max(live, key=lambda e: (e.modifier != "9", e.modifier == "0"), default=None)
    return best, (gone[-1] if gone else None)


def _future(ctx: RuleContext, value: str) -> bool:
    d = to_date(value)
    return d is not None and d > ctx.as_of


def check(ctx: RuleContext) -> Iterator[Finding]:
    setting = ctx.claim.setting
    codes = ctx.claim.codes()
    if setting not in SETTINGS or len(codes) < 2:
        return
    db = ctx.store.ptp_db
    if db.file(setting) is None:
        yield Finding("ptp.unavailable", WARNING,
                      f"No NCCI PTP edits are installed for the {setting} setting; pairs were not "
                      "checked (see `codetui import ptp`).", source=SOURCE)
        return
    f = db.file(setting)
    between = getattr(f, "edits_between", None)
    for i, code in enumerate(codes):
        if between is None:  # older PtpFile: decode all of the code's edits once
            by_partner: dict[str, list[Any]] = {}
            for e in f.edits_for(code):
                by_partner.setdefault(e.col2 if e.col1 == code else e.col1, []).append(e)
        for partner in codes[i + 1:]:
            edits = between(code, partner) if between else by_partner.get(partner, [])
            if edits:
                yield from _judge(ctx, edits)


def _judge(ctx: RuleContext, edits: list[Any]) -> Iterator[Finding]:
    edit, gone = in_force(ctx, edits)
    shown = edit or gone
    c1, c2 = shown.col1, shown.col2
    lines = tuple(line.number for line in ctx.claim.lines if line.code in (c1, c2))
    release = shown.release
    data: dict[str, Any] = {"column1": c1, "column2": c2, "rationale": shown.rationale,
                            "setting": shown.setting}
    pair_text = f"{c2} is column 2 to column 1 code {c1}"
    why = f" Rationale: {shown.rationale}." if shown.rationale else ""
    if edit is None:
        yield Finding("ptp.deleted", INFO,
                      f"{pair_text}, but that edit was deleted on {gone.deleted} (before the date of "
                      f"service); it no longer applies.", (c1, c2), lines, SOURCE, release,
                      {**data, "modifier_indicator": gone.modifier, "deleted": gone.deleted})
        return
    ind = edit.modifier
    data.update(modifier_indicator=ind, deleted=edit.deleted)
    label, meaning = PTP_MODIFIER.get(ind, (ind, ""))
    if ind == "9":
        yield Finding("ptp.not-applicable", INFO,
                      f"{pair_text} with modifier indicator 9 ({label}): {meaning}",
                      (c1, c2), lines, SOURCE, release, data)
    elif ind == "0":
        yield Finding("ptp.never-together", ERROR,
                      f"{pair_text}, modifier indicator 0 ({label}): {meaning}{why}",
                      (c1, c2), lines, SOURCE, release, data)
    else:
        # claims processing accepts the modifier on either code; NCCI expects it on column 2
        mods = associated(ctx, c2, (c1, c2)) + [f"{m} (on column 1 code {c1})" for m in associated(ctx, c1, (c1, c2))]
        data["modifiers_present"] = mods
        if mods:
            yield Finding("ptp.bypassed", INFO,
                          f"{pair_text}, modifier indicator 1 ({label}); NCCI-associated modifier "
                          f"present: {', '.join(mods)}. Paid only if the documentation supports a "
                          f"separate service.{why}", (c1, c2), lines, SOURCE, release, data)
        else:
            if is_em(c2):  # an E/M bundled into a procedure: 59/X{EPSU} are not for E/M
                fix = (f"If the E/M was significant and separately identifiable, append 25 to {c2} "
                       f"(57 if it was the decision for major surgery).")
            else:
                fix = "If it was a distinct service, append one (59 or XE/XS/XP/XU)."
            yield Finding("ptp.needs-modifier", ERROR,
                          f"{pair_text}, modifier indicator 1 ({label}): no NCCI-associated modifier "
                          f"is on the claim, so {c2} will be denied. {fix}{why}",
                          (c1, c2), lines, SOURCE, release, data)
