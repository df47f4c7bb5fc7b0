"""Every key, generated from the bindings themselves so the list cannot drift."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
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
        # One row per key with the description in its own column, so a long description wraps
        # under itself (not under the keys) at 80 columns.
        width = max((len(k) for _, k, _ in self._rows), default=8) + 4  # 2 indent, 2 gap
        with Vertical(id="help-box", classes="dialog"):
            yield Static(Content("Keys"), classes="dialog-title")
            with VerticalScroll(id="help-scroll"):
                group = None
                for g, keys, desc in self._rows:
                    if g != group:
                        yield Static(Content.styled(g, "bold"), classes="help-group")
                        group = g
                    with Horizontal(classes="help-row"):
                        key_cell = Static(Content.styled(keys, "bold $text-accent"), classes="help-keys")
                        key_cell.styles.width = width
                        yield key_cell
                        yield Static(Content(desc), classes="help-desc")
                if self._sources:
                    yield Static(Content.styled("Data in use", "bold"), classes="help-group")
                    for line in self._sources:
                        yield Static(Content(strip_controls(line, keep_newlines=False)), classes="help-source")
            yield Static(Content("Escape close"), classes="dialog-hint")

    @property
    def text(self) -> str:
        """Everything the help shows, as plain lines (for tests and screen readers' copy)."""
        lines = [f"{keys}  {desc}" for _, keys, desc in self._rows]
        return "\n".join(lines + self._sources)

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()

    def action_close(self) -> None:
        self.dismiss(None)
