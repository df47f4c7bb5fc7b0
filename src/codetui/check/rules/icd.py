"""ICD-10-CM diagnoses: header codes, missing 7th characters, Excludes1 pairs, manifestations.

Notes are inherited: an Excludes1 or Code first note on a category or block applies to every
code below it, so each diagnosis is judged with its ancestors' notes too.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from codetui.check.context import RuleContext
from codetui.check.findings import ERROR, WARNING, Finding
from codetui.check.icdrefs import first_match, general_first, refs_in

MANIFESTATION = "in diseases classified elsewhere"
_SHOW = 6


def chain(ctx: RuleContext, rec: dict[str, Any]) -> list[dict[str, Any]]:
    """The record and its ancestors (nearest first)."""
    return [rec, *reversed(ctx.store.ancestors(rec["code"]))]


def notes(ctx: RuleContext, rec: dict[str, Any], field: str) -> list[str]:
    return [n for r in chain(ctx, rec) for n in r.get(field, ())]


def seventh_table(ctx: RuleContext, rec: dict[str, Any]) -> dict[str, str]:
    """The 7th-character table that applies to ``rec`` (its own, inherited, or an ancestor's)."""
    for r in chain(ctx, rec):
        if r.get("seventh"):
            return dict(r["seventh"])
        if r.get("seventh_from"):
            owner = ctx.store.icd(r["seventh_from"])
            if owner and owner.get("seventh"):
                return dict(owner["seventh"])
    return {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    dx = list(ctx.claim.dx)
    src = ctx.source_by_id("icd10cm")
    recs = {c: ctx.store.icd(c) for c in dx}
    for pos, code in enumerate(dx):
        rec = recs[code]
        if rec is None:
            continue
        key = rec["code"]
        if not rec.get("billable"):
            yield from _not_billable(ctx, key, rec, src)
        if rec.get("manifestation") or MANIFESTATION in rec.get("title", "").lower():
            yield from _manifestation(ctx, key, rec, dx[:pos], dx[pos + 1:], src)
    known = [recs[c] for c in dx if recs[c] is not None]
    yield from _without_complications(known, src)
    excl = {r["code"]: refs_in(notes(ctx, r, "excludes1")) for r in known}
    for i, a in enumerate(known):
        for b in known[i + 1:]:
            if first_match(excl[a["code"]], [b["code"]]) or first_match(excl[b["code"]], [a["code"]]):
                yield Finding("icd.excludes1", WARNING,
                              f"{a['code']} and {b['code']} are an Excludes1 pair: the conditions are "
                              "not coded together (unless unrelated, per the guidelines).",
                              (a["code"], b["code"]), (), *src)


_UNCOMPLICATED = ("without complications", "uncomplicated")


def _without_complications(known: list[dict[str, Any]], src: tuple[str, str]) -> Iterator[Finding]:
    """'E11.9 ... without complications' beside E11.65 of the same category contradicts it.

    No Excludes1 note says so (the tabular relies on the title), yet it is among the commonest
    diabetes coding errors: the complication code replaces the uncomplicated one.
    """
    for rec in known:
        title = str(rec.get("title", "")).lower()
        if not any(w in title for w in _UNCOMPLICATED):
            continue
        cat = rec["code"][:3]
        others = [r["code"] for r in known if r is not rec and r["code"][:3] == cat and r.get("billable")]
        if others:
            yield Finding("icd.without-complications", WARNING,
                          f"{rec['code']} ({rec.get('title', '')}) says there is no complication, but "
                          f"{', '.join(others)} of the same category reports one: drop {rec['code']} "
                          "and keep the code(s) that name the complication.",
                          (rec["code"], *others), (), *src)


def _not_billable(ctx: RuleContext, key: str, rec: dict[str, Any], src: tuple[str, str]) -> Iterator[Finding]:
    table = seventh_table(ctx, rec)
    kids = ctx.store.children(key)
    if table and kids and all(len(k.replace(".", "")) == 7 for k in kids):
        items = sorted(table.items())
        chars = "; ".join(f"{c} {t}" for c, t in items[:5]) + (f"; ... ({len(items)} in all)" if len(items) > 5 else "")
        yield Finding("icd.seventh-missing", ERROR,
                      f"{key} needs a 7th character (pad with X to 6 characters first): {chars}.",
                      (key,), (), *src, {"seventh": table})
        return
    below = general_first(ctx.store, ctx.store.billable_descendants(key, limit=200))
    shown = ", ".join(below[:_SHOW]) + (" and more" if len(below) > _SHOW else "")
    level = "subcategory" if rec.get("kind") == "code" else rec.get("kind", "header")
    yield Finding("icd.header", ERROR,
                  f"{key} is a {level} (header) code, not billable; report a "
                  f"more specific code{': ' + shown if shown else ''}.",
                  (key, *below[:_SHOW]), (), *src, {"billable_below": len(below)})


def _manifestation(ctx: RuleContext, key: str, rec: dict[str, Any], before: list[str], after: list[str],
                   src: tuple[str, str]) -> Iterator[Finding]:
    refs = refs_in(notes(ctx, rec, "code_first"))
    before_keys = [(ctx.store.icd(c) or {}).get("code", c) for c in before]
    after_keys = [(ctx.store.icd(c) or {}).get("code", c) for c in after]
    if refs and first_match(refs, before_keys):
        return
    late = first_match(refs, after_keys) if refs else None
    if late:
        yield Finding("icd.manifestation-order", WARNING,
                      f"{key} is a manifestation code; its etiology {late} must be listed before it "
                      "(code first the underlying condition).", (key, late), (), *src)
    elif not before_keys:
        hint = ", ".join(str(r) for r in refs[:_SHOW])
        yield Finding("icd.manifestation-alone", WARNING,
                      f"{key} is a manifestation code ('{MANIFESTATION}') with no etiology code "
                      f"before it; code first the underlying condition{' (e.g. ' + hint + ')' if hint else ''}.",
                      (key,), (), *src)
