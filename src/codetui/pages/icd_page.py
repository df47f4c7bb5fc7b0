"""The ICD-10-CM page: hierarchy, notes with every code/range linked, 7th characters, GEMs."""

from __future__ import annotations

from typing import Any

from codetui.links import linkify
from codetui.pages.common import link_row, section, text_row
from codetui.pages.model import Page, Row, Section, Span

CHILD_ROWS = 300

_NOTES = (
    ("inclusion", "Inclusion terms"),
    ("includes", "Includes"),
    ("excludes1", "Excludes1 (never coded together with this code)"),
    ("excludes2", "Excludes2 (not included here; may be coded together)"),
    ("code_first", "Code first"),
    ("use_additional", "Use additional code"),
    ("code_also", "Code also"),
    ("notes", "Notes"),
)


def display_code(rec: dict[str, Any]) -> str:
    """How a record is named on screen: 'Chapter 4', a one-category block 'B20' (its key is
    'B20-B20' only to keep it apart from the category), else its key."""
    if rec.get("kind") == "chapter":
        return f"Chapter {rec.get('chapter', '')}"
    start, dash, end = rec["code"].partition("-")
    return start if dash and start == end else rec["code"]


def _crumb(rec: dict[str, Any]) -> Span:
    return Span(display_code(rec), f"icd:{rec['code']}")


# Notes that bind every code below the level that carries them (ICD-10-CM conventions:
# an Excludes1 at E11 applies to E11.42). Inclusion terms and free notes stay local.
INHERITED = ("excludes1", "excludes2", "code_first", "use_additional", "code_also")


def _note_sections(store: Any, rec: dict[str, Any]) -> list[Section | None]:
    out: list[Section | None] = []
    ancestors = list(reversed(store.ancestors(rec["code"]))) if rec.get("kind") != "chapter" else []
    for key, title in _NOTES:
        inherited = key in INHERITED and any(anc.get(key) for anc in ancestors)
        own_label = display_code(rec) if inherited else ""  # label own rows when others are labelled
        rows = [link_row(own_label, linkify(t, store)) for t in rec.get(key, [])]
        if key in INHERITED:
            for anc in ancestors:  # nearest first
                label = f"from {_crumb(anc).text}"
                rows += [link_row(label, linkify(t, store)) for t in anc.get(key, [])]
        out.append(section(key, title, rows, store=store, src=rec.get("src")))
    return out


def _seventh(store: Any, rec: dict[str, Any]) -> Section | None:
    holder = rec if rec.get("seventh") else store.icd(rec.get("seventh_from", "")) or {}
    table = holder.get("seventh", {})
    if not table:
        return None
    rows: list[Row] = []
    if holder.get("seventh_note"):
        rows.append(link_row("", linkify(holder["seventh_note"], store)))
    for ch, meaning in sorted(table.items()):
        rows.append(text_row(ch, meaning))
    title = "7th characters" + (f" (defined at {holder['code']})" if holder is not rec else "")
    return section("seventh", title, rows, store=store, src=holder.get("src"))


def _children(store: Any, rec: dict[str, Any], expand: frozenset[str]) -> list[Section | None]:
    kids = store.children(rec["code"])
    limit = len(kids) if "children" in expand else CHILD_ROWS
    rows = [link_row("", (Span(k, f"icd:{k}"), Span(f"  {store.icd_table[k].get('title', '')}")))
            for k in kids[:limit]]
    out = [section("children", f"Children ({len(kids)})", rows, store=store, src=rec.get("src"),
                   total=len(kids) if len(kids) > limit else 0)]
    if not rec.get("billable") and rec.get("kind") in ("category", "code"):
        billable = store.billable_descendants(rec["code"])
        blimit = len(billable) if "billable" in expand else CHILD_ROWS
        if billable and billable != kids:
            brows = [link_row("", (Span(k, f"icd:{k}"), Span(f"  {store.icd_table[k].get('title', '')}")))
                     for k in billable[:blimit]]
            out.append(section("billable", f"Billable codes under {rec['code']}", brows,
                               store=store, src=rec.get("src"),
                               total=len(billable) if len(billable) > blimit else 0))
    return out


def _gems(store: Any, rec: dict[str, Any]) -> Section | None:
    rows = []
    for g in rec.get("gems", []):
        flags = g.get("flags", "")
        words = []
        if flags[:1] == "1":
            words.append("approximate")
        if flags[1:2] == "1":
            words.append("no map")
        if flags[2:3] == "1":
            words.append("combination")
        rows.append(text_row("ICD-9-CM", f"{g.get('code', 'NoDx')}  {', '.join(words) or 'identical'}"))
    return section("gems", "GEMs: ICD-9-CM equivalents", rows, store=store, src="gems")


def _edits(store: Any, rec: dict[str, Any]) -> Section | None:
    rows = [text_row("MCE", f) for f in rec.get("mce", [])]
    if rec.get("manifestation"):
        rows.insert(0, text_row("Manifestation", "code the underlying condition first; not a principal diagnosis"))
    for n in rec.get("lab_ncd", []):
        ncd = store.table("ncd").get(n["ncd"], {})
        rows.append(text_row(f"Lab NCD {n['ncd']}", f"{n.get('status', '')} — {ncd.get('title', '')}"))
    return section("edits", "Edits and coverage", rows, store=store, src="mce" if rec.get("mce") else "lab_ncd")


_FIELD_WORDS = {
    "excludes1": "Excludes1", "excludes2": "Excludes2", "code_first": "Code first",
    "use_additional": "Use additional", "code_also": "Code also", "includes": "Includes", "notes": "Note",
}
REF_ROWS = 100


def _referenced_by(store: Any, rec: dict[str, Any], expand: frozenset[str]) -> Section | None:
    """Where other codes' notes name this code (or a range/ancestor holding it)."""
    if rec.get("kind") not in ("category", "code"):
        return None
    refs = store.referenced_by(rec["code"])
    limit = len(refs) if "referenced_by" in expand else REF_ROWS
    rows = []
    for src, field in refs[:limit]:
        other = store.icd_table.get(src, {})
        rows.append(link_row(_FIELD_WORDS.get(field, field), (Span(src, f"icd:{src}"),
                                                             Span(f"  {other.get('title', '')[:60]}"))))
    return section("referenced_by", "Named in the notes of", rows, store=store, src=rec.get("src"),
                   collapsed=True, total=len(refs) if len(refs) > limit else 0)


def build_icd_page(store: Any, rec: dict[str, Any], expand: frozenset[str] = frozenset()) -> Page:
    flags = []
    kind = rec.get("kind", "code")
    if kind in ("category", "code"):
        flags.append("billable" if rec.get("billable") else "header — not billable; pick a code below")
    if rec.get("seventh_from") and not rec.get("billable"):
        flags.append("needs a 7th character")
    crumbs = tuple(_crumb(a) for a in store.ancestors(rec["code"]))
    notes = _note_sections(store, rec)
    sections = [
        *notes[:1],
        *_children(store, rec, expand),
        *notes[1:],
        _seventh(store, rec),
        _edits(store, rec),
        _gems(store, rec),
        _referenced_by(store, rec, expand),
    ]
    code = display_code(rec)
    return Page(
        target=f"icd:{rec['code']}",
        code=code,
        system="ICD-10-CM",
        title=rec.get("title", ""),
        breadcrumb=crumbs,
        sections=tuple(s for s in sections if s is not None),
        flags=tuple(flags),
    )
