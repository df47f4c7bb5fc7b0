"""The status line: what you can do here on the left, the data release in use on the right."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from codetui.textclean import strip_controls


class StatusLine(Widget):
    """One line; both parts are plain text (never markup)."""

    DEFAULT_CSS = """
    StatusLine { height: 1; dock: bottom; background: $panel; color: $text-muted; padding: 0 1; }
    """

    hint: reactive[str] = reactive("")
    release: reactive[str] = reactive("")

    def render(self) -> Content:
        width = max(self.size.width - 2, 10)
        hint = strip_controls(self.hint, keep_newlines=False)
        release = strip_controls(self.release, keep_newlines=False)
        room = width - len(hint) - 2
        if room < 12:
            return Content(hint[:width])
        if len(release) > room:
            release = release[: room - 1] + "…"
        return Content.assemble(hint, " " * (width - len(hint) - len(release)), (release, "italic"))


def release_line(sources: list[dict[str, object]]) -> str:
    """'Data: ICD-10-CM 2026, HCPCS 2026 Jan, …' from the store's meta documents."""
    parts: list[str] = []
    for meta in sources:
        name = str(meta.get("name") or meta.get("id") or "")
        release = str(meta.get("release") or "")
        text = f"{name} {release}".strip()
        if text and text not in parts:
            parts.append(text)
    return "Data: " + ", ".join(parts) if parts else "Data: (no sources recorded)"
