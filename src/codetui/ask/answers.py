"""Answers about one code: what it is, its MUE, add-on status, global days, dates, RVUs.

Every handler takes ``(store, intent)`` and returns an ``Answer``; the code is resolved against
the store first, and a code the store does not know gets an honest "not found" with a search.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from codetui.ask import facts as F
from codetui.ask.model import Answer, Fact, Intent
from codetui.check.icdrefs import general_first
from codetui.decode import mpfs as mpfs_words

CPT_NOTE = ("CPT descriptors are AMA copyright and are not shipped; import your licensed file with "
            "`codetui import cpt FILE` to see them here.")


def not_found(code: str, kind: str) -> Answer:
    return Answer(f"{code} is not in the code store (CMS HCPCS/MPFS/NCCI files and the ICD-10-CM "
                  "tabular list). Check the code, or search by words.", (),
                  (f"search {code}",), answered=False, intent=kind)


def resolve(store: Any, code: str) -> tuple[str, dict[str, Any]] | None:
    return store.lookup(code)


def _what(store: Any, rec: dict[str, Any]) -> str:
    """'CPT code 99213' / 'HCPCS Level II code J9045 (Injection, carboplatin, 50 mg)'."""
    system = "CPT" if rec.get("system") == "CPT" else "HCPCS Level II"
    title = store.record_title("hcpcs", rec)
    if title.startswith("[") and title.endswith("]"):  # a classification, not a descriptor
        return f"{system} code {rec['code']} {title}"
    return f"{system} code {rec['code']}" + (f" ({title})" if title else "")


def code_info(store: Any, intent: Intent) -> Answer:
    found = resolve(store, intent.codes[0])
    if found is None:
        return not_found(intent.codes[0], intent.kind)
    table, rec = found
    if table == "icd10cm":
        return icd_info(store, rec, intent.kind)
    facts = [*F.descriptor(store, rec), *F.mpfs_facts(store, rec), *F.opps_facts(store, rec),
             *F.aoc_facts(store, rec), *F.mue_facts(store, rec), *F.category_facts(store, rec)]
    parts = [f"{_what(store, rec)}."]
    if rec.get("system") == "CPT" and not store.cpt_descriptors.get(rec["code"]):
        parts.append(CPT_NOTE)
    status = (rec.get("mpfs") or {}).get("status")
    if status:
        m = mpfs_words.describe("status", status)
        parts.append(f"MPFS status {status} ({m.label}).")
    if rec.get("aoc"):
        parts.append("It is an add-on code.")
    return Answer(" ".join(parts), tuple(facts), intent=intent.kind)


def icd_info(store: Any, rec: dict[str, Any], kind: str) -> Answer:
    code = rec["code"]
    text = f"ICD-10-CM {code}: {rec.get('title', '')}."
    facts = F.icd_facts(store, rec)
    if not rec.get("billable"):
        below = general_first(store, store.billable_descendants(code, limit=500))
        text += f" Not billable: it is a {F.level_name(rec)}"
        if below:
            text += f" with {len(below)} billable code(s) below it, e.g. {', '.join(below[:5])}."
            facts.append(F.fact(store, "Billable codes below", ", ".join(below[:20]), rec, tuple(below[:20]),
                                "icd10cm"))
        else:
            text += "."
    else:
        text += " Billable."
    return Answer(text, tuple(facts), intent=kind)


def _hcpcs_or_fail(store: Any, intent: Intent) -> tuple[dict[str, Any] | None, Answer | None]:
    found = resolve(store, intent.codes[0])
    if found is None:
        return None, not_found(intent.codes[0], intent.kind)
    table, rec = found
    if table != "hcpcs":
        return None, icd_info(store, rec, intent.kind)
    return rec, None


def mue(store: Any, intent: Intent) -> Answer:
    rec, early = _hcpcs_or_fail(store, intent)
    if rec is None:
        return early  # type: ignore[return-value]
    facts = F.mue_facts(store, rec)
    if not facts:
        return Answer(f"{rec['code']} has no MUE in the NCCI MUE tables (no unit limit is published "
                      "for it).", intent=intent.kind, answered=True)
    prac = (rec.get("mue") or {}).get("practitioner") or next(iter(rec["mue"].values()))
    label, meaning = F.mai_words(str(prac.get("mai", "")))
    text = (f"The MUE for {rec['code']} is {prac['value']} unit(s) (practitioner), MAI {prac.get('mai')}: "
            f"{label}, {meaning}")
    return Answer(text, tuple(facts), intent=intent.kind)


def addon(store: Any, intent: Intent) -> Answer:
    rec, early = _hcpcs_or_fail(store, intent)
    if rec is None:
        return early  # type: ignore[return-value]
    facts = F.aoc_facts(store, rec)
    glob = (rec.get("mpfs") or {}).get("global")
    if facts:
        prims = sorted({e["primary"] for e in rec["aoc"] if not e.get("del")} - {"CCCCC"})
        text = f"Yes. {rec['code']} is an add-on code (NCCI AOC edits)"
        text += (f"; report it with a primary code such as {', '.join(prims[:6])}." if prims
                 else "; its primary codes are defined by your Medicare contractor.")
        return Answer(text, tuple(facts + F.mpfs_facts(store, rec, full=False)), intent=intent.kind)
    if rec.get("aoc"):
        return Answer(f"{rec['code']} was an add-on code, but its NCCI add-on edits are deleted.",
                      tuple(F.mpfs_facts(store, rec, full=False)), intent=intent.kind)
    if glob == "ZZZ":
        return Answer(f"{rec['code']} has global period ZZZ (add-on to another service) in the MPFS, but "
                      "no NCCI add-on code edit lists it.", tuple(F.mpfs_facts(store, rec, full=False)),
                      intent=intent.kind)
    return Answer(f"No. {rec['code']} is not an add-on code: no NCCI add-on edit lists it and its MPFS "
                  "global period is not ZZZ.", tuple(F.mpfs_facts(store, rec, full=False)), intent=intent.kind)


def addons_of(store: Any, intent: Intent) -> Answer:
    rec, early = _hcpcs_or_fail(store, intent)
    if rec is None:
        return early  # type: ignore[return-value]
    pairs = [(c, e) for c, e in store.addons_of(rec["code"]) if not e.get("del")]
    if not pairs:
        return Answer(f"No NCCI add-on code edit names {rec['code']} as a primary code.", intent=intent.kind)
    codes = sorted({c for c, _ in pairs})
    fact = F.fact(store, "Add-on codes for this primary", ", ".join(codes[:40]), pairs[0][1], tuple(codes[:40]))
    return Answer(f"{len(codes)} add-on code(s) list {rec['code']} as a primary: {', '.join(codes[:10])}"
                  f"{' ...' if len(codes) > 10 else ''}.", (fact,), intent=intent.kind)


def global_days(store: Any, intent: Intent) -> Answer:
    rec, early = _hcpcs_or_fail(store, intent)
    if rec is None:
        return early  # type: ignore[return-value]
    glob = (rec.get("mpfs") or {}).get("global")
    if not glob:
        return Answer(f"{rec['code']} has no global period in the MPFS RVU file.", answered=False,
                      intent=intent.kind, suggestions=(f"what is {rec['code']}",))
    m = mpfs_words.describe("global", glob)
    days = {"000": "0 days", "010": "10 days", "090": "90 days"}.get(glob, m.label)
    block = rec["mpfs"]
    facts = [F.fact(store, "Global period", f"{glob} ({m.label}): {m.text}", block, (rec["code"],))]
    for k, label in (("pre", "pre-operative share"), ("intra", "intra-operative share"), ("post", "post-operative share")):
        if block.get(k) not in (None, ""):
            facts.append(F.fact(store, label.capitalize(), percent(block[k]), block, (rec["code"],)))
    return Answer(f"Global days for {rec['code']}: {days} (MPFS global {glob}, {m.label}).", tuple(facts),
                  intent=intent.kind)


def percent(value: Any) -> str:
    """0.1 -> '10%': the RVU file stores the global-package shares as fractions."""
    try:
        return f"{float(value) * 100:g}%"
    except (TypeError, ValueError):
        return str(value)


def rvu(store: Any, intent: Intent) -> Answer:
    rec, early = _hcpcs_or_fail(store, intent)
    if rec is None:
        return early  # type: ignore[return-value]
    facts = F.mpfs_facts(store, rec) + F.opps_facts(store, rec)
    if not facts:
        return Answer(f"{rec['code']} is not in the MPFS RVU file or OPPS Addendum B.", answered=False,
                      intent=intent.kind, suggestions=(f"what is {rec['code']}",))
    block = rec.get("mpfs") or {}
    text = f"{rec['code']}:"
    if block.get("status"):
        text += f" MPFS status {block['status']} ({mpfs_words.describe('status', block['status']).label})"
    if block.get("total_nf") not in (None, "") or block.get("total_f") not in (None, ""):
        nf = "not priced (NA)" if block.get("nf_na") else f"{block.get('total_nf', 0)}"
        fac = "not priced (NA)" if block.get("f_na") else f"{block.get('total_f', 0)}"
        text += f"; total RVUs non-facility {nf}, facility {fac}"
    op = rec.get("opps") or {}
    if op.get("si"):
        text += f"; OPPS status indicator {op['si']}"
        if op.get("rate"):
            text += f", national rate ${float(op['rate']):,.2f}"
    return Answer(text + ".", tuple(facts), intent=intent.kind)


def dates(store: Any, intent: Intent) -> Answer:
    rec, early = _hcpcs_or_fail(store, intent)
    if rec is None:
        return early  # type: ignore[return-value]
    anweb = rec.get("anweb") or {}
    rbcs = rec.get("rbcs") or {}
    facts: list[Fact] = []
    parts: list[str] = []
    for key, label, block in (("added", "Added", anweb), ("action_eff", "Last action effective", anweb),
                              ("term", "Terminated (last valid day)", anweb),
                              ("added", "Added (RBCS)", rbcs if not anweb else {}),
                              ("ended", "Ended (RBCS)", rbcs if not anweb else {})):
        if block.get(key):
            facts.append(F.fact(store, label, str(block[key]), block, (rec["code"],)))
            parts.append(f"{label.lower()} {block[key]}")
    for e in rec.get("aoc") or ():
        if e.get("eff"):
            facts.append(F.fact(store, "Add-on edit effective", f"{e['eff']} (primary {e['primary']})", e,
                                (rec["code"], e["primary"])))
            break
    if not parts:
        return Answer(f"The CMS files carry no add or termination date for {rec['code']}"
                      f"{' (CPT codes have none in the HCPCS file)' if rec.get('system') == 'CPT' else ''}.",
                      tuple(facts), answered=bool(facts), intent=intent.kind)
    return Answer(f"{rec['code']}: {'; '.join(parts)}.", tuple(facts), intent=intent.kind)


def active(store: Any, intent: Intent) -> Answer:
    """'is G0202 active?': the HCPCS termination date, else the current MPFS status (CPT codes
    carry no dates in the CMS files); for ICD-10-CM, presence and billability in the tabular."""
    found = resolve(store, intent.codes[0])
    if found is None:
        return not_found(intent.codes[0], intent.kind)
    table, rec = found
    if table != "hcpcs":
        ans = icd_info(store, rec, intent.kind)
        head = (f"Yes. {rec['code']} is a valid, billable code in the current ICD-10-CM tabular."
                if rec.get("billable") else
                f"{rec['code']} is in the current ICD-10-CM tabular but is not billable on its own.")
        return Answer(f"{head} {ans.text}", ans.facts, intent=intent.kind)
    code = rec["code"]
    anweb = rec.get("anweb") or {}
    mp = rec.get("mpfs") or {}
    facts = [*F.descriptor(store, rec), *F.mpfs_facts(store, rec, full=False)]
    term = anweb.get("term")
    if term:
        facts.insert(0, F.fact(store, "Terminated (last valid day)", term, anweb, (code,)))
        if term < date.today().isoformat():
            return Answer(f"No. {code} was terminated in the HCPCS Level II file: its last valid day "
                          f"was {term}.", tuple(facts), intent=intent.kind)
        return Answer(f"Yes, for now: {code} is active, but the HCPCS Level II file ends it; its last "
                      f"valid day is {term}.", tuple(facts), intent=intent.kind)
    ended = (rec.get("rbcs") or {}).get("ended")
    status = mp.get("status", "")
    words = mpfs_words.describe("status", status) if status else None
    if status in ("D", "F", "G", "H", "I"):
        return Answer(f"{code} is listed in the fee schedule with status {status} ({words.label}): "  # type: ignore[union-attr]
                      f"{words.text}", tuple(facts), intent=intent.kind)  # type: ignore[union-attr]
    if anweb:
        text = (f"Yes. {code} is active in the HCPCS Level II file (no termination date; added "
                f"{anweb.get('added', '?')}).")
    elif mp:
        text = (f"{code} is in the current fee schedule file, so it is a current code "
                f"(CPT codes carry no add/termination dates in the CMS files).")
    else:
        why = f" RBCS lists it as ended on {ended}." if ended else ""
        return Answer(f"Probably not: {code} is in neither the current HCPCS Level II file nor the "
                      f"current fee schedule, so it is likely deleted or not used by Medicare.{why}",
                      tuple(facts), intent=intent.kind)
    if words:
        text += f" MPFS status {status} ({words.label})."
    return Answer(text, tuple(facts), intent=intent.kind)


def billable(store: Any, intent: Intent) -> Answer:
    found = resolve(store, intent.codes[0])
    if found is None:
        return not_found(intent.codes[0], intent.kind)
    table, rec = found
    if table == "icd10cm":
        return icd_info(store, rec, intent.kind)
    return code_info(store, intent)


def seventh(store: Any, intent: Intent) -> Answer:
    found = resolve(store, intent.codes[0])
    if found is None or found[0] != "icd10cm":
        return not_found(intent.codes[0], intent.kind) if found is None else code_info(store, intent)
    rec = found[1]
    owner = rec if rec.get("seventh") else store.icd(rec.get("seventh_from", "")) if rec.get("seventh_from") else None
    if owner is None:
        for anc in reversed(store.ancestors(rec["code"])):
            if anc.get("seventh"):
                owner = anc
                break
    if not owner or not owner.get("seventh"):
        return Answer(f"{rec['code']} has no 7th-character table.", tuple(F.icd_facts(store, rec)),
                      intent=intent.kind)
    chars = owner["seventh"]
    facts = [F.fact(store, f"7th character {c}", t, owner, (owner["code"],), "icd10cm") for c, t in sorted(chars.items())]
    return Answer(f"{rec['code']} takes a 7th character (table from {owner['code']}): "
                  + "; ".join(f"{c} = {t}" for c, t in sorted(chars.items())) + ".", tuple(facts),
                  intent=intent.kind)


HANDLERS: dict[str, Callable[[Any, Intent], Answer]] = {
    "code": code_info, "active": active, "mue": mue, "addon": addon, "addons_of": addons_of, "global": global_days,
    "rvu": rvu, "dates": dates, "billable": billable, "seventh": seventh, "excludes": billable,
}
