"""What every rule gets: the store, the claim, the as-of date and source labels.

Dates in the store arrive as ISO (``2026-04-01``), compact (``20260401``) or CMS Julian
(``2026091``); ``to_date`` reads all three so rules compare real dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from codetui.check.claim import Claim


def to_date(value: Any) -> date | None:
    """Best-effort store date -> date; None for blank or unreadable."""
    if value is None:
        return None
    text = str(value).strip()
    try:
        if len(text) == 10 and text[4] == "-":
            return date.fromisoformat(text)
        if len(text) == 8 and text.isdigit():
            return date(int(text[:4]), int(text[4:6]), int(text[6:]))
        if len(text) == 7 and text.isdigit():
            return date(int(text[:4]), 1, 1) + timedelta(days=int(text[4:]) - 1)
    except ValueError:
        return None
    return None


@dataclass(frozen=True)
class RuleContext:
    store: Any  # codetui.store.CodeStore (kept loose so rules stay importable in isolation)
    claim: Claim
    as_of: date

    def source(self, block: dict[str, Any] | None, fallback: str = "") -> tuple[str, str]:
        """(source name, release) for a record block's ``src`` id."""
        src = (block or {}).get("src") or fallback
        meta = self.store.source(src) if src else None
        if not meta:
            return (src, "")
        return (meta.get("name") or src, meta.get("release") or meta.get("effective") or "")

    def source_by_id(self, src_id: str) -> tuple[str, str]:
        return self.source({"src": src_id})

    def hcpcs(self, code: str) -> dict[str, Any] | None:
        return self.store.hcpcs(code)

    def expired(self, value: Any) -> bool:
        """True when a deletion/termination date lies before the as-of date."""
        d = to_date(value)
        return d is not None and d < self.as_of
