"""Answers about two codes: "can I bill X without Y", "can X and Y be billed together".

They rest on the NCCI add-on code edits (X needs a primary) and the PTP edits (pairs that are
not paid together), read for both the practitioner and the outpatient hospital settings.
"""

from __future__ import annotations

from typing import Any

from codetui.ask import facts as F
from codetui.ask.answers import not_found
from codetui.ask.model import Answer, Fact, Intent
from codetui.check.words import PTP_MODIFIER
from codetui.storage import StoreError

PTP_SOURCE = "CMS NCCI procedure-to-procedure (PTP) edits"
SETTINGS = (("practitioner", "practitioner"), ("opps", "outpatient hospital"))


def ptp_facts(store: Any, a: str, b: str) -> list[tuple[str, Any, Fact]]:
    """[(setting, edit, fact)] for the pair in each setting that has PTP data."""
    out = []
    for setting, name in SETTINGS:
        try:
            edit = store.ptp_db.pair(a, b, setting)
        except (StoreError, OSError, ValueError) as exc:  # a broken companion must not break the answer
            out.append((setting, None, Fact(f"PTP ({name})", f"unreadable: {exc}", PTP_SOURCE)))
            continue
        if edit is None:
            release = store.ptp_db.release(setting)
            if release:
                out.append((setting, None, Fact(f"PTP ({name})", f"no edit pairs {a} and {b}", PTP_SOURCE,
                                                (a, b), release)))
            continue
        label, _meaning = PTP_MODIFIER.get(edit.modifier, (edit.modifier, ""))
        state = f"deleted {edit.deleted}" if edit.deleted else "active"
        value = (f"column 1 {edit.col1}, column 2 {edit.col2}; modifier indicator {edit.modifier} ({label}); "
                 f"{state}" + (f"; rationale: {edit.rationale}" if edit.rationale else ""))
        out.append((setting, edit, Fact(f"PTP ({name})", value, PTP_SOURCE, (edit.col1, edit.col2), edit.release)))
    return out


def _verdict(a: str, b: str, edit: Any) -> str:
    if edit is None:
        return f"no NCCI PTP edit pairs {a} and {b}, so NCCI does not stop them being billed together"
    if edit.deleted or edit.modifier == "9":
        return (f"the NCCI PTP edit for {edit.col1}/{edit.col2} no longer applies "
                f"({'deleted ' + edit.deleted if edit.deleted else 'modifier indicator 9'})")
    if edit.modifier == "0":
        return (f"no: {edit.col2} is column 2 to {edit.col1} with modifier indicator 0, so they are never "
                "paid together, whatever the modifier")
    return (f"only with an NCCI-associated modifier: {edit.col2} is column 2 to {edit.col1} with modifier "
            "indicator 1 (59 or XE/XS/XP/XU for a distinct service, 25 on a significant separate E/M), "
            "when documentation supports it")


def _records(store: Any, intent: Intent) -> tuple[list[dict[str, Any]], Answer | None]:
    recs = []
    for code in intent.codes[:2]:
        rec = store.hcpcs(code)
        if rec is None:
            return [], not_found(code, intent.kind)
        recs.append(rec)
    return recs, None


def together(store: Any, intent: Intent) -> Answer:
    recs, early = _records(store, intent)
    if early:
        return early
    a, b = recs[0]["code"], recs[1]["code"]
    found = ptp_facts(store, a, b)
    facts = [f for _, _, f in found]
    if not found:
        return Answer(f"No NCCI PTP edits are installed, so {a} and {b} cannot be checked as a pair.",
                      answered=False, intent=intent.kind, suggestions=(f"codetui check {a} {b}",))
    parts = []
    for setting, edit, _ in found:
        parts.append(f"{dict(SETTINGS)[setting].capitalize()}: {_verdict(a, b, edit)}.")
    for x, y in ((a, b), (b, a)):
        rec = recs[0] if x == a else recs[1]
        if any(e["primary"] == y and not e.get("del") for e in rec.get("aoc") or ()):
            parts.append(f"{x} is an add-on code and {y} is one of its primaries.")
            facts += F.aoc_facts(store, rec)
    return Answer(" ".join(parts), tuple(facts), intent=intent.kind,
                  suggestions=(f"codetui check {a} {b}",))


def without(store: Any, intent: Intent) -> Answer:
    recs, early = _records(store, intent)
    if early:
        return early
    rec, other = recs
    x, y = rec["code"], other["code"]
    live = [e for e in rec.get("aoc") or () if not e.get("del")]
    facts = F.aoc_facts(store, rec)
    if not live:
        text = (f"Yes, as far as NCCI add-on edits go: {x} is not an add-on code, so it does not need {y} "
                "on the claim.")
        return Answer(text, tuple(facts + F.mpfs_facts(store, rec, full=False)), intent=intent.kind)
    prims = sorted({e["primary"] for e in live} - {"CCCCC"})
    types = {int(e.get("type", 0)) for e in live}
    if y in prims:
        others = [p for p in prims if p != y]
        text = (f"No. {x} is an add-on code; it is paid only with an eligible primary code on the same "
                f"claim, and {y} is one of them")
        text += f" (others: {', '.join(others[:6])}{' ...' if len(others) > 6 else ''})." if others else " (the only one listed)."
    elif prims:
        text = (f"{x} is an add-on code, but {y} is not one of its listed primary codes; {x} needs one "
                f"of: {', '.join(prims[:8])}{' ...' if len(prims) > 8 else ''}.")
        if 3 in types:
            text += " Its edit is type 3, so your contractor may accept other primaries."
    else:
        text = f"{x} is an add-on code whose primary codes are defined by your Medicare contractor (AOC type 2)."
    return Answer(text, tuple(facts), intent=intent.kind, suggestions=(f"codetui check {x} {y}",))
