"""Every key, generated from the bindings themselves so the list cannot drift."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from codetui.textclean import strip_controls


def key_rows(app_keys: Iterable[tuple[str, Iterable[BindingType]]], display: callable) -> list[tuple[str, str, str]]:  # type: ignore[valid-type]
    """(group, keys, description) for every binding that has a description."""
    rows: list[tuple[str, str, str]] = []
    for group, bindings in app_keys:
        for b in bindings:
            if not isinstance(b, Binding) or not b.description:
                continue
            keys = " or ".join(display(k.strip()) for k in b.key.split(","))
            rows.append((group, keys, b.description))
    return rows


class HelpScreen(ModalScreen[None]):
    """A scrollable table of keys; any of Escape, q, ? closes it."""

    BINDINGS = [Binding("escape,q,question_mark,f1", "close", "Close help")]

    def __init__(self, rows: list[tuple[str, str, str]], sources: list[str] = ()) -> None:  # type: ignore[assignment]
        super().__init__()
        self._rows = rows
        self._sources = list(sources)

    def compose(self) -> ComposeResult:
        width = max((len(k) for _, k, _ in self._rows), default=8) + 2
        parts: list[str | tuple[str, str]] = []
        group = None
        for g, keys, desc in self._rows:
            if g != group:
                parts.append(("\n" if group is not None else "") + g + "\n")
                parts[-1] = (str(parts[-1]), "bold")
                group = g
            parts.append((f"  {keys:<{width}}", "bold $text-accent"))
            parts.append(desc + "\n")
        if self._sources:
            parts.append(("\nData in use\n", "bold"))
            parts.extend(f"  {strip_controls(line, keep_newlines=False)}\n" for line in self._sources)
        with Vertical(id="help-box", classes="dialog"):
            yield Static(Content("Keys"), classes="dialog-title")
            with VerticalScroll(id="help-scroll"):
                yield Static(Content.assemble(*parts).rstrip(), id="help-text")
            yield Static(Content("Escape close"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()

    def action_close(self) -> None:
        self.dismiss(None)
