"""The modifier page: our plain-words explanation, CMS's Level II text, related modifiers."""

from __future__ import annotations

from typing import Any

from codetui.pages.common import link_row, section, text_row
from codetui.pages.model import Page, Span


def build_modifier_page(store: Any, rec: dict[str, Any]) -> Page:
    rows = [text_row(label, rec[key]) for key, label in
            (("explanation", "What it says"), ("use_when", "Use when"), ("not_when", "Not when")) if rec.get(key)]
    if "ptp_associated" in rec:
        rows.append(text_row("NCCI", "PTP-associated: may bypass an NCCI PTP edit with indicator 1"
                             if rec["ptp_associated"] else "not a PTP-associated modifier"))
    related = [link_row("", (Span(m, f"mod:{m}"), Span(f"  {store.modifier(m).get('title', '')}")))
               for m in rec.get("related", []) if store.modifier(m)]
    anweb = rec.get("anweb", {})
    cms = [text_row(k.title(), anweb[k]) for k in ("long", "added", "term") if anweb.get(k)]
    sections = [
        section("explanation", "Explanation (codetui's own words)", rows, store=store, src="codetui_modifiers"),
        section("related", "Related modifiers", related, store=store, src="codetui_modifiers"),
        section("cms", "HCPCS Level II modifier (CMS)", cms, store=store, src=anweb.get("src")),
    ]
    return Page(
        target=f"mod:{rec['code']}",
        code=rec["code"],
        system="Modifier",
        title=rec.get("title", ""),
        breadcrumb=(Span(f"{rec.get('system', '')} modifier"),),
        sections=tuple(s for s in sections if s is not None),
    )
