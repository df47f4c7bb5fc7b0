"""A list to pick a page from: bookmarks, recently viewed, this session's history."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from codetui.tui.messages import OpenTarget
from codetui.tui.searching import Result
from codetui.tui.widgets.results import ResultList


class PickerScreen(ModalScreen[tuple[int, str] | None]):
    """Returns (position in the list, target) of the chosen entry, or None."""

    BINDINGS = [Binding("escape", "cancel", "Close")]

    def __init__(self, title: str, entries: list[Result], empty: str, highlight: int = 0) -> None:
        super().__init__()
        self._title = title
        self._entries = entries
        self._empty = empty
        self._highlight = highlight

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self._title), classes="dialog-title")
            if self._entries:
                yield ResultList(id="picker-list")
            else:
                yield Static(Content(self._empty), classes="dialog-empty")
            yield Static(Content("Enter open · Escape close"), classes="dialog-hint")

    def on_mount(self) -> None:
        if self._entries:
            lst = self.query_one(ResultList)
            lst.fill_groups([("", [r]) for r in self._entries])
            lst.highlighted = min(self._highlight, len(self._entries) - 1)
            lst.focus()

    def on_open_target(self, message: OpenTarget) -> None:
        message.stop()
        lst = self.query_one(ResultList)
        self.dismiss((lst.highlighted or 0, message.target))

    def action_cancel(self) -> None:
        self.dismiss(None)
