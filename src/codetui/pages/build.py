"""``build_page(store, target)``: one entry point from a link target to a page."""

from __future__ import annotations

from typing import Any

from codetui.pages.hcpcs_page import build_hcpcs_page
from codetui.pages.icd_page import build_icd_page
from codetui.pages.model import Page, parse_target
from codetui.pages.modifier_page import build_modifier_page
from codetui.pages.range_page import build_range_page


def build_page(store: Any, target: str, expand: frozenset[str] = frozenset()) -> Page | None:
    """The page for a target ("code:96417", "icd:E11.42", "mod:59", "range:H40-H42") or a bare code.

    Long sections (PTP pairs, children, range lists) are cut to a first screenful; section keys
    in ``expand`` come back whole.
    """
    kind, value = parse_target(target.strip())
    if kind == "code":
        rec = store.hcpcs(value)
        return build_hcpcs_page(store, rec, expand) if rec else None
    if kind == "icd":
        rec = store.icd(value)
        return build_icd_page(store, rec, expand) if rec else None
    if kind == "mod":
        rec = store.modifier(value)
        return build_modifier_page(store, rec, expand) if rec else None
    if kind == "range":
        return build_range_page(store, value, expand)
    found = store.lookup(value)
    if found is None:
        start, _, end = value.partition("-")
        if len(start) >= 3 and len(end) >= 3:  # "96417-26" is a code and a modifier, not a range
            return build_range_page(store, value.upper(), expand)
        return None
    table, rec = found
    if table == "hcpcs":
        return build_hcpcs_page(store, rec, expand)
    if table == "icd10cm":
        return build_icd_page(store, rec, expand)
    return build_modifier_page(store, rec, expand)
