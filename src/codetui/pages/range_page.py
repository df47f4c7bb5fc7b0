"""A range page: a note's range such as H40-H42 or C00-C96 listed as codes (links)."""

from __future__ import annotations

from typing import Any

from codetui.pages.common import link_row, section, text_row
from codetui.pages.model import Page, Span

RANGE_ROWS = 500


def build_range_page(store: Any, value: str, expand: frozenset[str] = frozenset()) -> Page | None:
    start, _, end = value.partition("-")
    if not start or not end:
        return None
    codes = store.codes_in_range(start, end)
    is_icd = not start[:1].isdigit() and store.icd(start[:3]) is not None
    block = store.icd(value) if is_icd else None
    limit = len(codes) if "codes" in expand else RANGE_ROWS
    rows = []
    for c in codes[:limit]:
        table = "icd10cm" if is_icd else "hcpcs"
        rec = store.icd_table[c] if is_icd else store.hcpcs_table[c]
        target = f"icd:{c}" if is_icd else f"code:{c}"
        rows.append(link_row("", (Span(c, target), Span(f"  {store.record_title(table, rec)[:70]}"))))
    if not rows:
        rows = [text_row("", "No codes in this range in the store.")]
    sec = section("codes", f"Codes {start}–{end} ({len(codes):,})", rows, store=store,
                  src="icd10cm" if is_icd else None, total=len(codes) if len(codes) > limit else 0)
    crumbs = (Span(block["code"], f"icd:{block['code']}"),) if block else ()
    return Page(
        target=f"range:{value}",
        code=value,
        system="Range",
        title=block.get("title", "") if block else f"Codes from {start} to {end}",
        breadcrumb=crumbs,
        sections=(sec,) if sec else (),
    )
