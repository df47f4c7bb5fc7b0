"""Edit the personal note for one page (Ctrl+S saves, Escape cancels)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from codetui.textclean import strip_controls


class NoteScreen(ModalScreen[str | None]):
    """Returns the new text (empty deletes the note) or None when cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save note"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, code: str, text: str) -> None:
        super().__init__()
        self._code = code
        self._text = text

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box", classes="dialog"):
            yield Static(
                Content(f"Note for {strip_controls(self._code, keep_newlines=False)}"),
                classes="dialog-title",
            )
            yield TextArea(self._text, id="note-text", soft_wrap=True, show_line_numbers=False)
            yield Static(Content("Ctrl+S save · Escape cancel · empty note deletes it"), classes="dialog-hint")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)
