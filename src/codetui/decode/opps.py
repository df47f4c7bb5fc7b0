"""OPPS status indicators (SI) in words, read from the store's ``opps_si`` table.

The table is built from the extract's ``opps_status_indicators.csv`` (SI, Paid, Description),
so the words come from the data release rather than from this module. ``Paid`` is that file's
summary (Always / Sometimes / Never / Unknown), not CMS text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class StatusIndicator:
    code: str
    paid: str  # "Always" | "Sometimes" | "Never" | "Unknown" | "" (not in the list)
    description: str


def describe_si(si: str, table: Mapping[str, Mapping[str, Any]]) -> StatusIndicator:
    """The SI's paid summary and description; an SI missing from the list says so."""
    doc = table.get(si.strip().upper())
    if not doc:
        return StatusIndicator(si, "", f"Status indicator {si!r} is not in the status-indicator list.")
    return StatusIndicator(si, str(doc.get("paid", "")), str(doc.get("description", "")))


def paid_under_opps(si: str, table: Mapping[str, Mapping[str, Any]]) -> bool | None:
    """True if always paid, False if never paid, None when it depends or is unknown."""
    return {"Always": True, "Never": False}.get(describe_si(si, table).paid)
