"""codetui's own modifier explanations (``codetui.modifier_text``) as ``modifiers`` records.

Not an official file: the text is ours, so it has its own source id. CPT modifiers get a
title in our words; Level II modifiers get only the explanation fields, and the build's merge
joins them with CMS's title and ``anweb`` block from ``hcpcs_anweb`` (which runs first).
"""

from __future__ import annotations

from pathlib import Path

from codetui.importers.base import ImportResult, Rejects, SourceMeta
from codetui.modifier_text import ALL, ModifierText

SOURCE_ID = "codetui_modifiers"


def source_meta() -> SourceMeta:
    return SourceMeta(
        id=SOURCE_ID,
        name="Modifier explanations (CPT and common HCPCS Level II)",
        publisher="codetui (own words)",
        release="2026 edition",
        effective="2026-01-01",
        files=["codetui/modifier_text.py"],
    )


def record(m: ModifierText) -> dict[str, object]:
    rec: dict[str, object] = {
        "system": m.system,
        "explanation": m.explanation,
        "use_when": m.use_when,
        "not_when": m.not_when,
        "related": list(m.related),
        "ptp_associated": m.ptp_associated,
    }
    if m.system == "CPT":  # Level II keeps CMS's title and src from the HCPCS file
        rec["title"] = m.title
        rec["src"] = SOURCE_ID
    return rec


def load(raw_dir: Path, rejects: Rejects) -> list[ImportResult]:
    """``raw_dir`` is unused: the text ships inside the package."""
    result = ImportResult(source_meta())
    table = result.tables.setdefault("modifiers", {})
    for m in ALL:
        table[m.code] = record(m)
    result.source.rows = len(table)
    return [result]
