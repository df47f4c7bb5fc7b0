"""The browser's view of search: which systems the filter cycles through, and one call.

Why an adapter: ``store.search`` is the core's; the browser only needs "query + filter ->
rows to show", plus a plain fallback so the app still finds codes by number on a store built
before the search index existed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from codetui.pages.model import target_for
from codetui.textclean import clean_query

# (label shown in the filter bar, value for store.search's ``system``)
FILTERS: tuple[tuple[str, str | None], ...] = (
    ("All", None),
    ("CPT", "CPT"),
    ("HCPCS", "HCPCS"),
    ("ICD-10-CM", "ICD-10-CM"),
    ("Modifiers", "Modifier"),
)

BADGES = {"CPT": "CPT", "HCPCS": "HCPCS", "ICD-10-CM": "ICD", "Modifier": "MOD"}


class HitLike(Protocol):
    code: str
    table: str
    system: str
    title: str


@dataclass(frozen=True)
class Result:
    """One row of the results list."""

    target: str
    code: str
    system: str
    title: str
    terminated: bool = False
    billable: bool | None = None


def _fallback(store: Any, query: str, system: str | None, limit: int) -> list[Result]:
    found = store.lookup(query)
    if not found:
        return []
    table, rec = found
    sys_name = rec.get("system") or {"icd10cm": "ICD-10-CM", "modifiers": "Modifier"}.get(table, "")
    if table == "modifiers":
        sys_name = "Modifier"
    if system and sys_name != system:
        return []
    return [Result(target_for(table, rec["code"]), rec["code"], sys_name, store.record_title(table, rec))][:limit]


def search(store: Any, query: str, system: str | None = None, limit: int = 50) -> list[Result]:
    """Results for ``query`` (cleaned, capped) in ``system`` (None = all)."""
    query = clean_query(query)
    if not query:
        return []
    if not hasattr(store, "search"):
        return _fallback(store, query, system, limit)
    hits = store.search(query, system=system, limit=limit)
    return [
        Result(
            target=target_for(h.table, h.code),
            code=h.code,
            system=h.system,
            title=h.title,
            terminated=bool(getattr(h, "terminated", False)),
            billable=getattr(h, "billable", None),
        )
        for h in hits
    ]
