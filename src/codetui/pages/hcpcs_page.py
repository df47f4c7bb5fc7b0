"""The CPT / HCPCS code page: the sections of a professional code reference, in order."""

from __future__ import annotations

from datetime import date
from typing import Any

from codetui.decode import hcpcs as dh
from codetui.decode import mpfs as dm
from codetui.links import linkify
from codetui.pages.common import fmt_money, fmt_num, link_row, section, text_row
from codetui.pages.model import Page, Row, Section, Span

PTP_ROWS = 200  # a code can have thousands of PTP pairs: show this many, say how many in all

_MPFS_FIELDS = (
    ("status", "Status"),
    ("global", "Global days"),
    ("pctc", "PC/TC"),
    ("mult", "Multiple procedures"),
    ("bilat", "Bilateral surgery"),
    ("asst", "Assistant at surgery"),
    ("co", "Co-surgeons"),
    ("team", "Team surgery"),
    ("super", "Physician supervision"),
    ("family", "Imaging family"),
)
_RVU_FIELDS = (
    ("work", "Work RVU"),
    ("pe_nf", "PE RVU, non-facility"),
    ("pe_f", "PE RVU, facility"),
    ("mp", "Malpractice RVU"),
    ("total_nf", "Total, non-facility"),
    ("total_f", "Total, facility"),
)
_NA_WORDS = {"nf": "rarely or never done in a non-facility setting",
             "f": "rarely or never done in a facility setting"}
_MUE_SETTINGS = (("practitioner", "Practitioner"), ("opps", "Outpatient hospital"), ("dme", "DME supplier"))
_AOC_TYPE = {
    1: "type 1: report only with one of the listed primary codes",
    2: "type 2: no primary list; the contractor decides which primaries are eligible",
    3: "type 3: listed primaries, and the contractor may allow others",
}
_PTP_MOD = {
    "0": "never reported together; no modifier bypasses the edit",
    "1": "allowed together with an NCCI PTP-associated modifier when clinically appropriate",
    "9": "edit not applicable (deleted)",
}
# Modifiers offered on a code page, by the kind of service (see ``suggested_modifiers``).
_DISTINCT = ("59", "XE", "XS", "XP", "XU")
_REPEAT = ("76", "77")
_EM_MODS = ("25", "24", "57")  # go on the E/M line, never on the procedure
_SURGERY_MODS = ("22", "51", "52", "53", "58", *_DISTINCT, *_REPEAT, "78", "79")
_SPLIT_CARE = ("54", "55", "56")  # only where a global period holds pre/post-operative care
_OTHER_MODS = ("22", "51", "52", "53", *_DISTINCT, *_REPEAT)
_ADDON_MODS = ("52", *_DISTINCT, *_REPEAT)
_DRUG_MODS = ("JW", "JZ")  # drug waste reporting (HCPCS pricing indicator 51 = drugs)
_DME_MODS = ("NU", "UE", "RR", "KX")  # HCPCS pricing indicators 31-46 are DME


def _meaning_row(label: str, field: str, value: Any) -> Row:
    m = dm.describe(field, value)
    return text_row(label, f"{m.code} — {m.label}. {m.text}" if m.text != m.label else f"{m.code} — {m.label}")


def _descriptor(store: Any, rec: dict[str, Any]) -> Section | None:
    code = rec["code"]
    rows: list[Row] = []
    user = store.cpt_descriptors.get(code)
    anweb = rec.get("anweb", {})
    if user:
        rows.append(text_row("Descriptor", user))
        rows.append(text_row("", "(from your licensed CPT file, imported with `codetui import cpt`)"))
    elif anweb:
        rows.append(text_row("Long", anweb.get("long", "")))
        if anweb.get("short"):
            rows.append(text_row("Short", anweb["short"]))
    elif rec["system"] == "CPT":
        own = rec.get("own", {})
        if own.get("summary"):
            rows.append(text_row("Summary", own["summary"]))
            rows.append(text_row("", "(codetui's own words; not the CPT descriptor)"))
        rows.append(text_row("Descriptor", "CPT descriptors are AMA copyright and are not shipped."))
        rows.append(text_row("", "Load your licensed file: codetui import cpt FILE"))
        return section("descriptor", "Descriptor", rows, store=store, src=own.get("src"))
    return section("descriptor", "Descriptor", rows, store=store, src=anweb.get("src"))


def _classification(store: Any, rec: dict[str, Any]) -> list[Section | None]:
    out: list[Section | None] = []
    ccs = rec.get("ccs")
    if ccs:
        out.append(section("ccs", "CCS category", [text_row("CCS", f"{ccs['id']} — {ccs['label']}")],
                           store=store, src=ccs.get("src")))
    rb = rec.get("rbcs")
    if rb:
        rows = [text_row(lbl, rb[k]) for k, lbl in (("category", "Category"), ("subcategory", "Subcategory"),
                                                   ("family", "Family")) if rb.get(k)]
        major = {"M": "Major procedure", "O": "Other procedure", "N": "Non-procedure"}.get(rb.get("major", ""))
        if major:
            rows.append(text_row("Procedure", major))
        out.append(section("rbcs", "RBCS (restructured BETOS)", rows, store=store, src=rb.get("src")))
    return out


def _status(store: Any, rec: dict[str, Any]) -> Section | None:
    anweb = rec.get("anweb", {})
    rows: list[Row] = []
    for key, label in (("added", "Added"), ("action_eff", "Action effective"), ("term", "Terminated")):
        if anweb.get(key):
            rows.append(text_row(label, anweb[key]))
    if anweb.get("action"):
        rows.append(text_row("Action", f"{anweb['action']} — {dh.action(anweb['action'])}"))
    rb = rec.get("rbcs", {})
    if not anweb:
        if rb.get("added"):
            rows.append(text_row("Added", f"{rb['added']} (per RBCS)"))
        if rb.get("ended"):
            rows.append(text_row("Ended", f"{rb['ended']} (per RBCS)"))
    return section("status", "Status and dates", rows, store=store, src=anweb.get("src") or rb.get("src"))


def _mpfs(store: Any, rec: dict[str, Any]) -> list[Section | None]:
    mp = rec.get("mpfs")
    if not mp:
        return []
    rows = [_meaning_row(label, key, mp[key]) for key, label in _MPFS_FIELDS if key in mp]
    if mp.get("not_medicare"):
        rows.append(text_row("Note", "Not used for Medicare payment"))
    na = {"nf": bool(mp.get("nf_na")), "f": bool(mp.get("f_na"))}
    rvu = []
    for key, label in _RVU_FIELDS:
        setting = key.rsplit("_", 1)[-1] if key.endswith(("_nf", "_f")) else ""
        text = fmt_num(mp.get(key, 0))
        if setting and na[setting]:
            text += f"  (NA: {_NA_WORDS[setting]})"
        rvu.append(text_row(label, text))
    if mp.get("conv"):
        rvu.append(text_row("Conversion factor", f"{mp['conv']}"))
        for key, setting, label in (("total_nf", "nf", "Rate, non-facility"), ("total_f", "f", "Rate, facility")):
            if na[setting]:
                rvu.append(text_row(label, f"NA — not priced: {_NA_WORDS[setting]}"))
            elif mp.get(key):
                rvu.append(text_row(label, f"{fmt_money(mp[key] * mp['conv'])} national (RVUs x CF, "
                                           "before geographic adjustment)"))
    for mod, m in sorted(mp.get("mods", {}).items()):
        rvu.append(link_row(f"With -{mod}", (Span(mod, f"mod:{mod}"),
                                             Span(f"  total non-facility {fmt_num(m.get('total_nf', 0))},"
                                                  f" facility {fmt_num(m.get('total_f', 0))}"))))
    return [
        section("mpfs", "Medicare physician fee schedule indicators", rows, store=store, src=mp.get("src")),
        section("rvu", "Relative value units", rvu, store=store, src=mp.get("src")),
    ]


def _opps(store: Any, rec: dict[str, Any]) -> Section | None:
    op = rec.get("opps")
    if not op:
        return None
    from codetui.decode.opps import describe_si

    si = describe_si(op.get("si", ""), store.table("opps_si")) if op.get("si") else None
    rows = []
    if si:
        paid = f" (paid: {si.paid})" if si.paid else ""
        rows.append(text_row("Status indicator", f"{si.code} — {si.description}{paid}"))
    if op.get("rate"):
        rows.append(text_row("Payment rate", fmt_money(op["rate"])))
    prev = rec.get("opps_prev", {})
    if prev.get("apc"):
        rows.append(text_row("APC (CY2023)", f"{prev['apc']}"))
    return section("opps", "Hospital outpatient (OPPS)", rows, store=store, src=op.get("src"))


def _mue(store: Any, rec: dict[str, Any]) -> Section | None:
    mue = rec.get("mue", {})
    rows = []
    src = None
    mai_words = {"1": "line edit (per claim line)", "2": "date of service edit: policy",
                 "3": "date of service edit: clinical"}
    for key, label in _MUE_SETTINGS:
        m = mue.get(key)
        if not m:
            continue
        src = src or m.get("src")
        mai = m.get("mai", "")
        value = m.get("value")
        units = "unit" if value == 1 else "units"
        text = f"{value} {units} — MAI {mai}: {mai_words.get(mai, 'unknown')}"
        if value == 0:
            text += "; 0 means the code is not reportable in this setting"
        if m.get("rationale"):
            text += f"; rationale: {m['rationale']}"
        rows.append(text_row(label, text))
    return section("mue", "Medically unlikely edits (MUE)", rows, store=store, src=src)


def _addon(store: Any, rec: dict[str, Any]) -> list[Section | None]:
    out: list[Section | None] = []
    edits = rec.get("aoc", [])
    rows = []
    for e in edits:
        prim = e["primary"]
        dates = f"effective {e.get('eff', '?')}" + (f", deleted {e['del']}" if e.get("del") else "")
        if prim == "CCCCC":
            spans: tuple[Span, ...] = (Span("contractor-defined primary codes"),)
        else:
            spans = (Span(prim, f"code:{prim}"),)
        note = f"; {e['note']}" if e.get("note") else ""
        rows.append(link_row("", spans + (Span(f"  {_AOC_TYPE.get(e.get('type'), '')}; {dates}{note}"),)))
    if rows:
        out.append(section("aoc", "Add-on code: report with one of these primary codes", rows,
                           store=store, src=edits[0].get("src")))
    addons = store.addons_of(rec["code"])
    rows = []
    for code, edit in addons:
        title = store.title(code)
        deleted = f"  (edit deleted {edit['del']})" if edit.get("del") else ""
        rows.append(link_row("", (Span(code, f"code:{code}"), Span(f"  {title[:60]}{deleted}"))))
    if rows:
        out.append(section("primary_for", "Primary code for these add-on codes", rows,
                           store=store, src=addons[0][1].get("src")))
    return out


def _ptp(store: Any, rec: dict[str, Any], limit: int, setting: str = "practitioner") -> Section | None:
    try:
        edits = store.ptp(rec["code"], setting)
    except Exception as exc:  # a missing/corrupt companion must not break the page
        return section("ptp", "NCCI PTP edits", [text_row("", f"PTP data unavailable: {exc}")])
    if not edits:
        return None
    today = date.today().isoformat()
    live = [e for e in edits if not e.deleted or e.deleted > today]
    gone = [e for e in edits if e.deleted and e.deleted <= today]
    rows = []
    for i, e in enumerate((live + gone)[:limit]):  # edits in force first: deleted ones are history
        deleted = i >= len(live)
        other = e.col2 if e.col1 == rec["code"] else e.col1
        role = "column 1" if e.col1 == rec["code"] else "column 2"
        when = f"DELETED {e.deleted}: " if deleted else ""
        until = f" (until {e.deleted})" if e.deleted and not deleted else ""
        rows.append(link_row("", (Span(other, f"code:{other}"),
                                  Span(f"  {when}this code is {role}; modifier {e.modifier}: "
                                       f"{_PTP_MOD.get(e.modifier, '')}{until}"
                                       + (f"; {e.rationale}" if e.rationale else "")))))
    title = f"NCCI PTP edits ({setting}): {len(live):,} in force" + (f", {len(gone):,} deleted" if gone else "")
    sec = section("ptp", title, rows, collapsed=True, total=len(edits) if len(edits) > limit else 0)
    if sec is None:
        return None
    release = store.ptp_db.release(setting) if hasattr(store.ptp_db, "release") else ""
    return Section(sec.key, sec.title, sec.rows, f"CMS · NCCI PTP · {release}", True, sec.total)


def suggested_modifiers(rec: dict[str, Any]) -> list[str]:
    """Modifiers worth a look for this code, from its MPFS indicators and kind of service.

    Why per kind: 25/24/57 belong on the E/M line, 51/78/79 and the surgical split-care
    modifiers on procedures, 51 only where a multiple-procedure rule exists, and nothing
    fee-schedule specific on codes the PFS does not pay (drugs, labs, DME get their own).
    """
    mp = rec.get("mpfs", {})
    status, glob, pctc = mp.get("status", ""), mp.get("global", ""), mp.get("pctc", "")
    category = rec.get("rbcs", {}).get("category", "")
    mods: list[str] = [m for m in ("26", "TC") if dm.allows_26_tc(pctc, m)]
    if mp.get("bilat") in ("1", "3"):
        mods += ["50", "RT", "LT"]
    surgical = glob in ("000", "010", "090", "YYY") or (glob == "ZZZ" and category == "Procedure")
    if surgical:
        if mp.get("asst") in ("0", "2"):
            mods += ["80", "82", "AS"]
        if mp.get("co") in ("1", "2"):
            mods.append("62")
        if mp.get("team") in ("1", "2"):
            mods.append("66")
    addon = bool(rec.get("aoc")) or glob == "ZZZ"
    em = category == "E&M" or (rec.get("system") == "CPT" and "99202" <= rec["code"] <= "99499")
    if mp and dm.separately_payable(status):
        if addon and em:
            pass  # an E/M add-on (G2211) rides on the visit line: the visit carries any modifier
        elif addon:
            mods += _ADDON_MODS
        elif em:
            mods += _EM_MODS
        elif glob in ("000", "010", "090"):
            mods += [m for m in _SURGERY_MODS if m != "51" or mp.get("mult") in ("1", "2", "3")]
            if glob in ("010", "090"):
                mods += _SPLIT_CARE
        else:
            mods += [m for m in _OTHER_MODS if m != "51" or mp.get("mult") in ("1", "2", "3")]
    prices = set(rec.get("anweb", {}).get("price", []))
    if "51" in prices:
        mods += _DRUG_MODS
    if any(p.isdigit() and 31 <= int(p) <= 46 for p in prices):
        mods += _DME_MODS
    return list(dict.fromkeys(mods))


def _modifiers(store: Any, rec: dict[str, Any]) -> Section | None:
    rows = []
    for m in suggested_modifiers(rec):
        mrec = store.modifier(m)
        if mrec is None:
            continue
        rows.append(link_row("", (Span(m, f"mod:{m}"), Span(f"  {mrec.get('title', '')}"))))
    return section("modifiers", "Modifiers that may apply", rows, store=store, src="codetui_modifiers")


def _hcpcs_details(store: Any, rec: dict[str, Any]) -> Section | None:
    a = rec.get("anweb")
    if not a:
        return None
    rows: list[Row] = []
    if a.get("betos"):
        rows.append(text_row("BETOS", f"{a['betos']} — {dh.betos(a['betos'])}"))
    for t in a.get("tos", []):
        rows.append(text_row("Type of service", f"{t} — {dh.tos(t)}"))
    if a.get("cov"):
        rows.append(text_row("Coverage", f"{a['cov']} — {dh.coverage(a['cov'])}"))
    for p in a.get("price", []):
        rows.append(text_row("Pricing", f"{p} — {dh.pricing(p)}"))
    if a.get("mult_pi"):
        rows.append(text_row("Multiple pricing", f"{a['mult_pi']} — {dh.multiple_pricing(a['mult_pi'])}"))
    for lc in a.get("labcert", []):
        rows.append(text_row("Lab certification", f"{lc} — {dh.lab_cert(lc)}"))
    for x in a.get("xref", []):
        rows.append(link_row("Cross-reference", linkify(x, store)))
    if a.get("asc_grp"):
        rows.append(text_row("ASC", dh.asc_group(a["asc_grp"])))
    for key, label in (("statute", "Statute"), ("procnote", "Processing note")):
        if a.get(key):
            rows.append(text_row(label, a[key]))
    for c in a.get("cim", []) + a.get("mcm", []):
        rows.append(text_row("Manual reference", c))
    return section("hcpcs", "HCPCS Level II details", rows, store=store, src=a.get("src"))


def _lab_ncd(store: Any, rec: dict[str, Any]) -> Section | None:
    rows = [text_row(n["ncd"], n.get("title", "")) for n in rec.get("lab_ncd", [])]
    src = rec["lab_ncd"][0].get("src") if rec.get("lab_ncd") else None
    return section("lab_ncd", "Lab national coverage determinations", rows, store=store, src=src)


def _history(store: Any, rec: dict[str, Any]) -> Section | None:
    rows: list[Row] = []
    now, prev = rec.get("mpfs", {}), rec.get("mpfs_prev", {})
    if prev and not now:
        rows.append(text_row("MPFS", "in the previous RVU release, not in the current one"))
    elif now and not prev:
        rows.append(text_row("MPFS", "new in the current RVU release"))
    for key, label in _MPFS_FIELDS + _RVU_FIELDS:
        if prev and now and prev.get(key, 0) != now.get(key, 0):
            rows.append(text_row(label, f"{prev.get(key, 0)} → {now.get(key, 0)}"))
    jan = rec.get("opps", {}).get("jan")
    if jan:
        rows.append(text_row("OPPS since Jan 2026", f"SI {jan.get('si', '—')} → {rec['opps'].get('si', '—')}"))
    op_prev = rec.get("opps_prev")
    if op_prev and op_prev.get("si") != rec.get("opps", {}).get("si"):
        rows.append(text_row("OPPS since 2023", f"SI {op_prev.get('si', '—')} → {rec.get('opps', {}).get('si', '—')}"))
    return section("history", "History (changes between releases)", rows, store=store,
                   src=prev.get("src") if prev else None)


def terminated(rec: dict[str, Any], today: date | None = None) -> str:
    term = rec.get("anweb", {}).get("term") or rec.get("rbcs", {}).get("ended", "")
    if term and term <= (today or date.today()).isoformat():
        return term
    return ""


def build_hcpcs_page(store: Any, rec: dict[str, Any], expand: frozenset[str] = frozenset()) -> Page:
    code = rec["code"]
    flags = []
    if rec.get("aoc"):
        flags.append("add-on code")
    if terminated(rec):
        flags.append(f"terminated {terminated(rec)}")
    mp = rec.get("mpfs", {})
    if mp.get("status"):
        flags.append(f"MPFS status {mp['status']} ({dm.describe('status', mp['status']).label})")
    sections = [
        _descriptor(store, rec),
        *_classification(store, rec),
        _status(store, rec),
        *_mpfs(store, rec),
        _opps(store, rec),
        _mue(store, rec),
        *_addon(store, rec),
        _ptp(store, rec, 1_000_000 if "ptp" in expand else PTP_ROWS),
        _modifiers(store, rec),
        _hcpcs_details(store, rec),
        _lab_ncd(store, rec),
        _history(store, rec),
    ]
    return Page(
        target=f"code:{code}",
        code=code,
        system=rec["system"],
        title=store.record_title("hcpcs", rec),
        sections=tuple(s for s in sections if s is not None),
        flags=tuple(flags),
    )
