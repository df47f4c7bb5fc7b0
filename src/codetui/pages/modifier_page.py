"""The modifier page: our plain-words explanation, CMS's Level II text, related modifiers."""

from __future__ import annotations

from typing import Any

from codetui.pages.common import link_row, section, text_row
from codetui.pages.model import Page, Span

MOD_ROWS = 200


def _fee_rows(store: Any, mod: str, expand: frozenset[str]) -> Any:
    """Codes with their own fee-schedule row for this modifier (26, TC, 53): links."""
    codes = store.codes_with_modifier_row(mod)
    limit = len(codes) if "fee_rows" in expand else MOD_ROWS
    rows = [link_row("", (Span(c, f"code:{c}"), Span(f"  {store.title(c)[:60]}"))) for c in codes[:limit]]
    return section("fee_rows", f"Codes with their own fee-schedule row for -{mod}", rows, store=store,
                   src="pfs_rvu", collapsed=True, total=len(codes) if len(codes) > limit else 0)


def build_modifier_page(store: Any, rec: dict[str, Any], expand: frozenset[str] = frozenset()) -> Page:
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
        _fee_rows(store, rec["code"], expand),
    ]
    return Page(
        target=f"mod:{rec['code']}",
        code=rec["code"],
        system="Modifier",
        title=rec.get("title", ""),
        breadcrumb=(Span(f"{rec.get('system', '')} modifier"),),
        sections=tuple(s for s in sections if s is not None),
    )
