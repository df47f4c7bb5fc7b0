"""The ``codetui`` browser app and ``run_app`` (what ``codetui`` with no subcommand runs).

The app receives its store (tests pass a small in-memory one) and its page builder and search
function (defaults: ``codetui.pages.build.build_page`` and ``store.search``), so nothing here
reaches for global state.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Callable

from textual.app import App
from textual.binding import Binding

from codetui.pages.model import Page
from codetui.tui.commands import CodeProvider
from codetui.tui.searching import Result, search
from codetui.userdata import UserData

PageBuilder = Callable[[Any, str, frozenset[str]], "Page | None"]
Searcher = Callable[[Any, str, "str | None", int], list[Result]]


def default_page_builder(store: Any, target: str, expanded: frozenset[str]) -> Page | None:
    """``build_page`` from the core; asks for whole sections the user expanded if supported."""
    from codetui.pages.build import build_page

    if expanded:
        try:
            return build_page(store, target, expand=expanded)  # type: ignore[call-arg]
        except TypeError:
            pass
    return build_page(store, target)


class CodeTuiApp(App[int]):
    """Search, code pages, history, bookmarks and notes over one ``CodeStore``."""

    CSS_PATH = "app.tcss"
    TITLE = "codetui"
    COMMANDS = App.COMMANDS | {CodeProvider}
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark,f1", "help", "All keys", key_display="?"),
        Binding("ctrl+p", "command_palette", "Command palette (finds codes too)", show=False),
    ]

    def __init__(
        self,
        store: Any,
        userdata: UserData,
        *,
        page_builder: PageBuilder | None = None,
        searcher: Searcher | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.userdata = userdata
        self._page_builder = page_builder or default_page_builder
        self.searcher: Searcher = searcher or search

    def get_default_screen(self) -> Any:
        from codetui.tui.screens.browser import BrowserScreen

        return BrowserScreen()

    def on_mount(self) -> None:
        self.warm_search()

    def warm_search(self) -> None:
        """Build the search index off the UI thread so the first keystroke is quick."""
        if hasattr(self.store, "search"):
            self.run_worker(lambda: self.store.search("a", limit=1), thread=True, group="warm", exit_on_error=False)

    # ---- services for screens ------------------------------------------------------------
    def build_page(self, target: str, expanded: frozenset[str] = frozenset()) -> Page | None:
        return self._page_builder(self.store, target, expanded)

    def say(self, message: str, *, severity: str = "information", timeout: float | None = None) -> None:
        """A toast; always plain text (store/user text is never markup)."""
        self.notify(message, severity=severity, timeout=timeout, markup=False)  # type: ignore[arg-type]

    def open_target(self, target: str) -> None:
        from codetui.tui.screens.browser import BrowserScreen

        screen = self.get_default_screen_instance()
        if isinstance(screen, BrowserScreen):
            screen.visit(target)

    def get_default_screen_instance(self) -> Any:
        return self.screen_stack[0] if self.screen_stack else None

    def action_help(self) -> None:
        from codetui.tui.screens.browser import BrowserScreen
        from codetui.tui.screens.help import HelpScreen, key_rows
        from codetui.tui.widgets.page_view import PageView
        from codetui.tui.widgets.results import ResultList

        if self.screen.__class__.__name__ == "HelpScreen":
            return
        groups = [
            ("Anywhere", self.BINDINGS),
            ("Browsing", BrowserScreen.BINDINGS),
            ("On a page", PageView.BINDINGS),
            ("In the results", [Binding("enter", "", "Open the highlighted code"), *ResultList.BINDINGS]),
            ("Editing a note", [Binding("ctrl+s", "", "Save"), Binding("escape", "", "Cancel")]),
        ]
        self.push_screen(HelpScreen(key_rows(groups, self.get_key_display_name)))

    def get_key_display_name(self, key: str) -> str:
        names = {"question_mark": "?", "slash": "/", "backspace": "Backspace"}
        if key in names:
            return names[key]
        return "+".join(p.capitalize() if len(p) > 1 else p for p in key.split("+"))

    # ---- crash output --------------------------------------------------------------------
    def _fatal_error(self) -> None:
        """Like Textual's, but never dumps local variables (they hold store and user text)."""
        import rich
        from rich.segment import Segments
        from rich.traceback import Traceback

        self.bell()
        traceback = Traceback(show_locals=False, width=None, suppress=[rich])
        self._exit_renderables.append(Segments(self.console.render(traceback, self.console.options)))
        self._close_messages_no_wait()


def run_app(args: argparse.Namespace) -> int:
    """Open the shipped (or ``--store``) store and run the browser; 2 if the store is unusable."""
    from codetui.storage import StoreError
    from codetui.store import CodeStore

    path = Path(args.store) if getattr(args, "store", None) else None
    try:
        store = CodeStore.open(path)
    except StoreError as exc:
        print(f"codetui: {exc}", file=sys.stderr)
        return 2
    app = CodeTuiApp(store, UserData.open())
    app.run()
    return int(app.return_code or 0)
