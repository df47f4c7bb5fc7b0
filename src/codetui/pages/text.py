"""Plain-text rendering of a page for ``codetui lookup`` (readable at 80 columns)."""

from __future__ import annotations

import re
import textwrap
from dataclasses import asdict
from typing import Any

from codetui.pages.model import Page
from codetui.textclean import strip_controls

LABEL_WIDTH = 22


def render_text(page: Page, width: int = 80, max_rows: int = 40) -> str:
    """Sections with labelled, wrapped rows; long sections are cut with a count of the rest."""
    out: list[str] = []
    head = f"{page.code}  [{page.system}]"
    out.append(head)
    if page.title:
        out.extend(textwrap.wrap(strip_controls(page.title, keep_newlines=False), width))
    if page.breadcrumb:
        out.append(" > ".join(s.text for s in page.breadcrumb))
    if page.flags:
        out.append("(" + "; ".join(page.flags) + ")")
    body_w = max(20, width - LABEL_WIDTH - 2)
    for sec in page.sections:
        out.append("")
        count = sec.total or len(sec.rows)
        has_count = re.search(r"\(\d|: \d", sec.title) is not None
        title = sec.title + (f" ({count:,})" if sec.collapsed and not has_count else "")
        out.append(title.upper() if len(title) < width else title)
        if sec.source:
            out.append("  " + textwrap.shorten(f"source: {sec.source}", width - 2, placeholder="…"))
        rows = sec.rows[:max_rows]
        for row in rows:
            text = strip_controls(row.text, keep_newlines=False).strip()
            label = strip_controls(row.label, keep_newlines=False)[: LABEL_WIDTH - 1]
            lines = textwrap.wrap(text, body_w if label else width - 4) or [""]
            out.append(f"  {label:<{LABEL_WIDTH}}{lines[0]}" if label else f"  - {lines[0]}")
            indent = " " * (LABEL_WIDTH + 2) if label else "    "
            out.extend(indent + ln for ln in lines[1:])
        hidden = (sec.total or len(sec.rows)) - len(rows)
        if hidden > 0:
            out.append(f"  … and {hidden:,} more")
    return "\n".join(out) + "\n"


def page_to_json(page: Page) -> dict[str, Any]:
    return asdict(page)
