"""Clinical note (F4): paste a note, Ctrl+R shows it redacted beside the ICD-10-CM codes in it.

Privacy: the note lives only in the text area and in the worker's locals. It is never logged,
cached, written, put in history or recently viewed, nor used as a worker description (Textual
builds a worker's description from its arguments, so the worker takes none). Evidence that
overlaps an identifier shows the placeholder, not the words. Ctrl+L clears everything.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Label, Static, TextArea

from codetui.textclean import strip_controls
from codetui.tui.screens.tool_pages import note_page
from codetui.tui.screens.tools import ToolScreen
from codetui.tui.widgets.page_view import PageView
from codetui.tui.widgets.status import StatusLine

RANK_SHOWN = 3  # candidates per stretch of text, as `codetui detect` shows without --all


class ClinicalNoteScreen(ToolScreen):
    """Text area on top; redacted text (left) and detected codes (right) below."""

    TOOL = "note"
    HINT = "^R redact + find codes · Tab to results · ^L clear · Esc browser"
    BINDINGS = [
        Binding("ctrl+r", "scan", "Redact the note and find its ICD-10-CM codes"),
        Binding("ctrl+l", "clear", "Clear the note and the results"),
        Binding("tab", "next_pane", "From the note to the codes (then the redacted text)", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._detector: Any = None  # built on first use: the phrase index takes ~1.4 s to load
        self._seq = 0

    def compose(self) -> ComposeResult:
        with Horizontal(classes="tool-top"):
            yield Label("Clinical note → ICD-10-CM  ", classes="tool-label")
            yield Label("paste or type; nothing is saved", classes="tool-muted")
        yield TextArea("", id="note-input", soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
        with Horizontal(id="note-out"):
            with VerticalScroll(id="note-redacted-box"):
                yield Static(Content("Redacted text appears here (Ctrl+R)."), id="note-redacted")
            yield PageView(id="note-codes")
        yield StatusLine()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#note-redacted-box").border_title = "Redacted"
        self.query_one("#note-codes").border_title = "Codes"
        self.query_one("#note-input").focus()

    def action_focus_input(self) -> None:
        self.query_one("#note-input").focus()

    def action_next_pane(self) -> None:
        """Tab from the note lands on the first code (what the hint promises), not on the
        redacted text box that sits before the codes in the layout."""
        if self.focused is self.query_one("#note-input") and self.view.actions:
            self.action_to_view()
        else:
            self.focus_next()

    def prefill(self, text: str) -> None:
        self.query_one("#note-input", TextArea).text = text
        self.action_scan()

    def action_clear(self) -> None:
        self._seq += 1  # a scan still running is dropped
        self.query_one("#note-input", TextArea).clear()
        self.query_one("#note-redacted", Static).update(Content("Redacted text appears here (Ctrl+R)."))
        self.view.page = None
        self.view._relayout()
        self.hint()
        self.query_one("#note-input").focus()

    def action_scan(self) -> None:
        store = self.store_or_hint()
        if store is None:
            return
        text = self.query_one("#note-input", TextArea).text
        if not text.strip():
            self.hint("Paste or type a note first · Esc browser")
            return
        self._seq += 1
        seq = self._seq
        first = self._detector is None
        self.hint("Working… (loading the phrase index, first time only)" if first else "Working…")

        def scan() -> None:  # no arguments: a worker's description is built from them
            from codetui.detect import Detector
            from codetui.redact import redact

            try:
                red = redact(text)
                if self._detector is None:
                    self._detector = Detector(store)
                found = [f for f in self._detector.detect(text) if f.rank <= RANK_SHOWN]
                page = note_page(store, text, found, red.spans)
            except Exception as exc:  # noqa: BLE001 - never show the note in a traceback
                self.app.call_from_thread(self._failed, seq, type(exc).__name__)
                return
            self.app.call_from_thread(self._show, seq, red.text, page, len(red.spans))

        self.run_worker(scan, thread=True, exclusive=True, group="note", description="note scan",
                        exit_on_error=False)

    def _failed(self, seq: int, kind: str) -> None:
        if seq == self._seq:
            self.hint(f"Scan failed ({kind}); the note was not saved anywhere")

    def _show(self, seq: int, redacted: str, page: Any, n_phi: int) -> None:
        if seq != self._seq:
            return
        self.query_one("#note-redacted", Static).update(Content(strip_controls(redacted)))
        self.view.show(page)
        codes = page.title
        self.hint(f"{n_phi} identifier(s) redacted · {codes} · Tab to codes, Enter opens · ^L clear")
