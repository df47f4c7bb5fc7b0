"""What the Check, Ask and Note screens share, and how the app opens them.

Each tool is a full screen pushed over the browser and installed once, so leaving it (Escape,
or following a code) keeps what was typed and found; F2/F3/F4 bring it back. A code link in a
tool posts the page view's ``OpenTarget``; the tool screen hands it to the browser's ``visit``,
so the page lands in the browser's back/forward history like any other link.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input

from codetui.tui.messages import OpenTarget
from codetui.tui.widgets.page_view import PageView
from codetui.tui.widgets.status import StatusLine

if TYPE_CHECKING:
    from codetui.tui.app import CodeTuiApp

# name -> (module, class); imported on first use so the browser starts without them
TOOLS = {
    "check": ("codetui.tui.screens.check", "CheckScreen"),
    "ask": ("codetui.tui.screens.ask", "AskScreen"),
    "note": ("codetui.tui.screens.clinical_note", "ClinicalNoteScreen"),
}


class ToolInput(Input):
    """A one-line tool input; Down moves into the results below (as in the search box)."""

    BINDINGS = [Binding("down", "screen.to_view", "Results", show=False)]


class ToolScreen(Screen[None]):
    """A tool over the browser: an input area, a page view of results, a status line."""

    app: CodeTuiApp
    TOOL = ""  # key in TOOLS
    HINT = ""

    BINDINGS = [
        Binding("escape", "close", "Back to the browser (keeps what you typed)"),
        Binding("slash", "focus_input", "Edit the input", key_display="/"),
    ]

    def on_mount(self) -> None:
        self.hint()

    def on_screen_resume(self) -> None:
        """Back from the browser or help: ready to type (keys in the results are commands)."""
        self.call_after_refresh(self.action_focus_input)

    # ---- shared pieces -------------------------------------------------------------------
    @property
    def view(self) -> PageView:
        return self.query_one(PageView)

    def hint(self, text: str | None = None) -> None:
        self.query_one(StatusLine).hint = self.HINT if text is None else text

    def action_to_view(self) -> None:
        view = self.view
        view.focus()
        if view.cursor < 0 and view.actions:
            view.action_next_link()

    def action_focus_input(self) -> None:
        box = self.query(ToolInput).first()
        box.focus()
        box.select_all()

    def action_close(self) -> None:
        self.app.pop_screen()

    def store_or_hint(self) -> Any:
        """The store, or None with a hint while it is still loading."""
        if self.app.store is None:
            self.hint("Still loading the codes; try again in a moment")
        return self.app.store

    # ---- links ---------------------------------------------------------------------------
    def on_open_target(self, message: OpenTarget) -> None:
        message.stop()
        kind = message.target.partition(":")[0]
        if kind not in ("search", "ask", "check"):
            # so Back from the page it opens returns here, with what the user typed
            browser: Any = self.app.get_default_screen_instance()
            browser.history.visit(f"tool:{self.TOOL}")
        follow(self.app, message.target)


def follow(app: CodeTuiApp, target: str) -> None:
    """A code opens in the browser (recorded in its history); tool targets go to the tool."""
    kind, _, value = target.partition(":")
    if kind == "search":
        search_in_browser(app, value)
    elif kind in ("ask", "check"):
        open_tool(app, kind, value)
    else:
        _to_browser(app)
        app.open_target(target)


def _to_browser(app: CodeTuiApp) -> None:
    while len(app.screen_stack) > 1:
        app.pop_screen()


def search_in_browser(app: CodeTuiApp, query: str) -> None:
    """Put ``query`` in the browser's search box (which searches as it changes) and focus it."""
    _to_browser(app)
    browser: Any = app.get_default_screen_instance()
    box = browser.query_one("#search", Input)
    box.value = query
    browser.action_focus_search()


def open_tool(app: CodeTuiApp, name: str, text: str | None = None) -> None:
    """Show tool ``name`` over the browser (one instance per app); ``text`` fills and runs it."""
    import importlib

    key = f"tool-{name}"
    if not app.is_screen_installed(key):
        module, cls = TOOLS[name]
        app.install_screen(getattr(importlib.import_module(module), cls)(), key)
    screen = app.get_screen(key)
    if app.screen is not screen:
        _to_browser(app)
        app.push_screen(key)
    if text is not None:
        screen.prefill(text)  # type: ignore[attr-defined]


def tool_key_groups() -> list[tuple[str, list[Binding]]]:
    """Help-screen groups for the tool screens, from their own bindings."""
    from codetui.tui.screens.ask import AskScreen
    from codetui.tui.screens.clinical_note import ClinicalNoteScreen

    common = [
        Binding("enter", "", "Check / ask (in the input); follow a code (in the results)"),
        Binding("down", "", "From an input into the results"),
        *(b for b in ToolScreen.BINDINGS if isinstance(b, Binding)),
    ]
    return [
        ("Check, Ask and Note", common),
        ("Ask", [b for b in AskScreen.BINDINGS if isinstance(b, Binding)]),
        ("Clinical note", [b for b in ClinicalNoteScreen.BINDINGS if isinstance(b, Binding)]),
    ]
