"""Small builders shared by the page modules."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from codetui.pages.model import Row, Section, Span
from codetui.textclean import strip_controls


def text_row(label: str, text: Any) -> Row:
    return Row(label, (Span(strip_controls(str(text), keep_newlines=False)),))


def link_row(label: str, spans: Iterable[Span]) -> Row:
    return Row(label, tuple(spans))


def source_label(store: Any, src: str | None) -> str:
    """'CMS · RVU26C, July 2026 (released 2026-06-30)' for a meta id; '' when unknown."""
    if not src:
        return ""
    meta = store.source(src)
    if not meta:
        return src
    return f"{meta.get('publisher', '')} · {meta.get('name', src)} · {meta.get('release', '')}".strip(" ·")


def section(
    key: str,
    title: str,
    rows: Iterable[Row],
    *,
    store: Any = None,
    src: str | None = None,
    collapsed: bool = False,
    total: int = 0,
) -> Section | None:
    """A section, or None when it has no rows (empty sections are not shown)."""
    rows_t = tuple(rows)
    if not rows_t:
        return None
    return Section(key, title, rows_t, source_label(store, src) if store else "", collapsed, total)


def fmt_money(value: Any) -> str:
    try:
        return f"${float(value):,.2f}"
    except (TypeError, ValueError):
        return str(value)


def fmt_num(value: Any) -> str:
    try:
        return f"{float(value):.2f}"
    except (TypeError, ValueError):
        return str(value)
