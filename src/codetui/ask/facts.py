"""Facts about one code, read from the store and phrased in the publisher's words.

Each builder returns ``Fact``s naming their source and release, so every sentence of an answer
can be traced to a file. CPT descriptors are never shipped (AMA text); a user's licensed import
is shown when present.
"""

from __future__ import annotations

from typing import Any

from codetui.ask.model import Fact
from codetui.check.words import MAI, mai_words
from codetui.decode import mpfs as mpfs_words

SETTING_NAMES = {"practitioner": "practitioner", "opps": "outpatient hospital", "dme": "DME supplier"}


def src(store: Any, block: dict[str, Any] | None, fallback: str = "") -> tuple[str, str]:
    sid = (block or {}).get("src") or fallback
    meta = store.source(sid) if sid else None
    if not meta:
        return sid, ""
    return meta.get("name") or sid, meta.get("release") or meta.get("effective") or ""


def fact(store: Any, label: str, value: str, block: dict[str, Any] | None, links: tuple[str, ...] = (),
         fallback: str = "") -> Fact:
    name, release = src(store, block, fallback)
    return Fact(label, value, name, links, release)


def descriptor(store: Any, rec: dict[str, Any]) -> list[Fact]:
    code = rec["code"]
    user = store.cpt_descriptors.get(code) if rec.get("system") == "CPT" else None
    if user:
        return [Fact("Descriptor", user, "your licensed CPT import (codetui import cpt)", (code,))]
    anweb = rec.get("anweb") or {}
    if anweb.get("long") or anweb.get("short"):
        return [fact(store, "Descriptor", anweb.get("long") or anweb["short"], anweb, (code,))]
    return []


def mpfs_facts(store: Any, rec: dict[str, Any], *, full: bool = True) -> list[Fact]:
    block = rec.get("mpfs")
    if not block:
        return []
    code = rec["code"]
    out = []
    if block.get("status"):
        m = mpfs_words.describe("status", block["status"])
        out.append(fact(store, "MPFS status", f"{m.code} ({m.label}): {m.text}", block, (code,)))
    if block.get("global"):
        m = mpfs_words.describe("global", block["global"])
        out.append(fact(store, "Global period", f"{m.code} ({m.label}): {m.text}", block, (code,)))
    if full:
        rvus = [(k, block.get(k)) for k in ("work", "total_nf", "total_f") if block.get(k) not in (None, "")]
        rvus = [(k, "NA (not priced)" if block.get({"total_nf": "nf_na", "total_f": "f_na"}.get(k, "")) else v)
                for k, v in rvus]
        names = {"work": "work", "total_nf": "total non-facility", "total_f": "total facility"}
        if rvus:
            out.append(fact(store, "RVUs", ", ".join(f"{names[k]} {v}" for k, v in rvus), block, (code,)))
        if block.get("pctc") not in (None, ""):
            m = mpfs_words.describe("pctc", str(block["pctc"]))
            out.append(fact(store, "PC/TC indicator", f"{m.code} ({m.label})", block, (code,)))
    return out


def mue_facts(store: Any, rec: dict[str, Any]) -> list[Fact]:
    out = []
    for setting, block in sorted((rec.get("mue") or {}).items()):
        if not isinstance(block, dict) or "value" not in block:
            continue
        label, _meaning = mai_words(str(block.get("mai", "")))
        why = f"; rationale: {block['rationale']}" if block.get("rationale") else ""
        out.append(fact(store, f"MUE ({SETTING_NAMES.get(setting, setting)})",
                        f"{block['value']} unit(s) per {'line' if str(block.get('mai')) == '1' else 'date of service'}; "
                        f"MAI {block.get('mai', '?')} ({label}){why}", block, (rec["code"],)))
    return out


def aoc_facts(store: Any, rec: dict[str, Any]) -> list[Fact]:
    edits = [e for e in rec.get("aoc") or () if not e.get("del")]
    if not edits:
        return []
    by_type: dict[int, list[str]] = {}
    for e in edits:
        by_type.setdefault(int(e.get("type", 0)), []).append(e["primary"])
    out = []
    names = {1: "type 1 (CMS lists the primaries)", 2: "type 2 (primaries defined by the contractor)",
             3: "type 3 (CMS lists some primaries; contractor may add others)"}
    for t, prims in sorted(by_type.items()):
        prims = sorted(set(prims) - {"CCCCC"})
        shown = ", ".join(prims[:12]) + (f" and {len(prims) - 12} more" if len(prims) > 12 else "")
        value = f"{names.get(t, f'type {t}')}" + (f"; primaries: {shown}" if prims else "")
        out.append(fact(store, "Add-on code edit", value, edits[0], (rec["code"], *prims[:12])))
    return out


def category_facts(store: Any, rec: dict[str, Any]) -> list[Fact]:
    out = []
    if rec.get("ccs"):
        c = rec["ccs"]
        out.append(fact(store, "CCS category", f"{c.get('id')} {c.get('label', '')}".strip(), c, (rec["code"],)))
    if rec.get("rbcs"):
        r = rec["rbcs"]
        parts = [r.get(k) for k in ("category", "subcategory", "family") if r.get(k)]
        out.append(fact(store, "RBCS category", " / ".join(parts), r, (rec["code"],)))
    return out


def opps_facts(store: Any, rec: dict[str, Any]) -> list[Fact]:
    block = rec.get("opps")
    if not block or not block.get("si"):
        return []
    value = f"status indicator {block['si']}"
    try:
        from codetui.decode.opps import describe_si

        d = describe_si(block["si"], store.table("opps_si"))
        if d.description:
            value += f" ({d.description})"
    except ImportError:  # decode.opps not there yet
        pass
    if block.get("rate"):
        value += f"; national payment rate ${float(block['rate']):,.2f}"
    return [fact(store, "OPPS (hospital outpatient)", value, block, (rec["code"],))]


def icd_facts(store: Any, rec: dict[str, Any]) -> list[Fact]:
    code = rec["code"]
    out = [fact(store, "ICD-10-CM", f"{code} {rec.get('title', '')}".strip(), rec, (code,), "icd10cm")]
    billable = "billable (valid for claims)" if rec.get("billable") else \
        f"not billable: a {level_name(rec)}; a more specific code is required"
    out.append(fact(store, "Billable", billable, rec, (code,), "icd10cm"))
    # notes on a category, block or chapter bind every code below it, so they are answered too
    chain = [rec, *reversed(store.ancestors(code))] if rec.get("kind") != "chapter" else [rec]
    for field, label in (("excludes1", "Excludes1"), ("code_first", "Code first"),
                         ("use_additional", "Use additional code"), ("excludes2", "Excludes2")):
        for holder in chain:
            if holder.get(field):
                where = "" if holder is rec else f" (from {_level(holder)})"
                notes = join_notes(holder[field][:8]) + (" ..." if len(holder[field]) > 8 else "")
                out.append(fact(store, label + where, notes, holder, (holder["code"],), "icd10cm"))
    return out


def level_name(rec: dict[str, Any]) -> str:
    """'category (3 characters)' / 'subcategory' for a non-billable code; kind 'code' read as
    'a code code' in sentences, and coders call a non-billable 4-6 character code a subcategory."""
    kind = rec.get("kind", "")
    if kind == "code":
        return "subcategory (header)"
    return f"{kind or 'header'} (header)" if kind != "chapter" else "chapter"


def join_notes(notes: list[str]) -> str:
    """'code to identify control using:' introduces the items after it: no ';' after a colon."""
    out = ""
    for n in notes:
        out += n if not out else (" " if out.endswith(":") else "; ") + n
    return out


def _level(rec: dict[str, Any]) -> str:
    return f"chapter {rec['chapter']}" if rec.get("kind") == "chapter" else rec["code"]


__all__ = ["MAI", "aoc_facts", "category_facts", "descriptor", "fact", "icd_facts", "mpfs_facts",
           "mue_facts", "opps_facts", "src"]
