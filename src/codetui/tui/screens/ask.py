"""Ask (F3): an offline question about codes, answered from the store with its facts.

The answer paragraph comes first, then each fact with its source and release, every code a
link. When the store cannot answer, the screen says so and offers the question as a browser
search: Enter again on the same question, Ctrl+F, or the "Search the browser" link.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, Label

from codetui.textclean import strip_controls
from codetui.tui.screens.tool_pages import answer_page, ask_usage_page
from codetui.tui.screens.tools import ToolInput, ToolScreen, search_in_browser
from codetui.tui.widgets.page_view import PageView
from codetui.tui.widgets.status import StatusLine


class AskScreen(ToolScreen):
    """Question on top, the answer page below."""

    TOOL = "ask"
    HINT = "Enter ask · ↓ answer · ^F search the browser · Esc browser"
    BINDINGS = [Binding("ctrl+f", "search", "Search the browser for the question")]

    def __init__(self) -> None:
        super().__init__()
        self._unanswered: str | None = None  # the last question the store could not answer

    def compose(self) -> ComposeResult:
        with Horizontal(classes="tool-top"):
            yield Label("Ask ", classes="tool-label")
            yield ToolInput(placeholder="e.g. is 96417 an add-on code", id="ask-input")
        yield PageView(id="ask-view")
        yield StatusLine()

    def on_mount(self) -> None:
        super().on_mount()
        self.call_after_refresh(self.view.show, ask_usage_page())
        self.query_one("#ask-input").focus()

    @property
    def question(self) -> str:
        return strip_controls(self.query_one("#ask-input", Input).value, keep_newlines=False).strip()

    def prefill(self, text: str) -> None:
        self.query_one("#ask-input", Input).value = text
        self.run_ask()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.question and self.question == self._unanswered:
            self.action_search()  # Enter twice on a question it can't answer: search for it
        else:
            self.run_ask()

    def action_search(self) -> None:
        if self.question:
            search_in_browser(self.app, self.question)
        else:
            self.hint("Type a question first")

    def run_ask(self) -> None:
        question = self.question
        if not question:
            self.hint("Type a question, e.g. is 96417 an add-on code")
            return
        store = self.store_or_hint()
        if store is None:
            return
        self.hint("Working…")

        def work() -> None:
            from codetui.ask import answer

            try:
                ans = answer(store, question)
            except Exception as exc:  # noqa: BLE001 - one odd question must not end the session
                self.app.call_from_thread(self.hint, f"Ask failed: {exc}")
                return
            self.app.call_from_thread(self._show, store, question, ans)

        self.run_worker(work, thread=True, exclusive=True, group="ask", description="ask", exit_on_error=False)

    def _show(self, store: Any, question: str, ans: Any) -> None:
        self.view.show(answer_page(store, question, ans))
        if ans.answered:
            self._unanswered = None
            self.hint("↓ facts, Enter opens a code · Esc browser")
        else:
            self._unanswered = question
            self.hint("Can't answer from the code store · Enter again or ^F searches the browser")
