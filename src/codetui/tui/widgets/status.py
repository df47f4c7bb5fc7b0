"""The status line: what you can do here on the left, the data release in use on the right."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from codetui.textclean import strip_controls


class StatusLine(Widget):
    """One line; both parts are plain text (never markup).

    The release parts are dropped from the end when the line is too narrow, so at 80 columns
    it still shows the most important releases whole rather than a cut-off sentence.
    """

    DEFAULT_CSS = """
    StatusLine { height: 1; dock: bottom; background: $panel; color: $text-muted; padding: 0 1; }
    """

    hint: reactive[str] = reactive("")
    release: reactive[tuple[str, ...]] = reactive(())

    def render(self) -> Content:
        width = max(self.size.width - 2, 10)
        hint = strip_controls(self.hint, keep_newlines=False)[:width]
        parts = [strip_controls(p, keep_newlines=False) for p in self.release]
        room = width - len(hint) - 2
        shown = ""
        for i in range(len(parts), 0, -1):
            text = " · ".join(parts[:i]) + (" …" if i < len(parts) else "")
            if len(text) <= room:
                shown = text
                break
        return Content.assemble(hint, " " * (width - len(hint) - len(shown)), (shown, "italic"))


# meta id -> (label, how to shorten its release); the first ones matter most to a coder
_SHORT = (
    ("icd10cm", "ICD-10-CM", "first"),
    ("hcpcs_anweb", "HCPCS", "effective"),
    ("pfs_rvu", "MPFS", "first"),
    ("ncci_aoc", "NCCI", "paren"),
    ("ncci_ptp_practitioner", "PTP", "first2"),
    ("opps", "OPPS", "effective"),
)


def _short_release(meta: dict[str, object], how: str) -> str:
    release = str(meta.get("release") or "")
    if how == "effective" and meta.get("effective"):
        return str(meta["effective"])[:7]
    if how == "paren":
        return release.split(" (")[0]
    words = release.replace(",", " ").split()
    if how == "first2" and len(words) > 2:
        return words[2] if words[0] == "NCCI" else words[0]
    return words[0] if words else ""


def release_line(sources: list[dict[str, object]]) -> tuple[str, ...]:
    """Short 'ICD-10-CM FY2026', 'HCPCS 2025-10', … parts from the store's meta documents."""
    by_id = {str(m.get("id")): m for m in sources}
    parts = [f"{label} {_short_release(by_id[i], how)}".strip() for i, label, how in _SHORT if i in by_id]
    if not parts:  # a store without the usual sources (tests, partial builds): name + release
        for meta in sources:
            text = f"{meta.get('name') or meta.get('id') or ''} {meta.get('release') or ''}".strip()
            if text and text not in parts:
                parts.append(text)
    return tuple(parts) or ("no data sources recorded",)


def source_lines(sources: list[dict[str, object]]) -> list[str]:
    """Every source in full, for the help screen."""
    return [f"{m.get('name') or m.get('id')}: {m.get('release') or '?'}" for m in sources]
