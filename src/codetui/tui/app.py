"""The ``codetui`` browser app and ``run_app`` (what ``codetui`` with no subcommand runs).

The app receives its store (tests pass a small in-memory one) and its page builder and search
function (defaults: ``codetui.pages.build.build_page`` and ``store.search``), so nothing here
reaches for global state.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.text import Text
from textual.app import App
from textual.binding import Binding

from codetui.pages.model import Page
from codetui.tui.commands import CodeProvider
from codetui.tui.searching import Result, search
from codetui.userdata import UserData

PageBuilder = Callable[[Any, str, frozenset[str]], "Page | None"]
Searcher = Callable[[Any, str, "str | None", int], list[Result]]


def default_page_builder(store: Any, target: str, expanded: frozenset[str]) -> Page | None:
    """``build_page`` from the core, with the sections the user expanded returned whole."""
    from codetui.pages.build import build_page

    return build_page(store, target, expand=expanded)


class CodeTuiApp(App[int]):
    """Search, code pages, history, bookmarks and notes over one ``CodeStore``."""

    CSS_PATH = ["app.tcss", "tools.tcss"]
    TITLE = "codetui"
    COMMANDS = App.COMMANDS | {CodeProvider}
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark,f1", "help", "All keys", key_display="?"),
        Binding("ctrl+p", "command_palette", "Command palette (finds codes too)", show=False),
        Binding("f2", "tool('check')", "Check claim lines"),
        Binding("f3", "tool('ask')", "Ask a question about codes"),
        Binding("f4", "tool('note')", "Clinical note: redact, find codes"),
    ]

    def __init__(
        self,
        store: Any,
        userdata: UserData,
        *,
        page_builder: PageBuilder | None = None,
        searcher: Searcher | None = None,
    ) -> None:
        """``store`` is a ``CodeStore``, or a no-argument callable that opens one.

        A callable is run in a thread after the first paint: parsing the shipped store takes
        longer than the start-up budget, and the search box is usable while it loads.
        """
        super().__init__()
        self._loader: Callable[[], Any] | None = None
        if callable(store) and not hasattr(store, "lookup"):
            self._loader, self.store = store, None
        else:
            self.store = store
        self.userdata = userdata
        self._page_builder = page_builder or default_page_builder
        self.searcher: Searcher = searcher or search

    def get_default_screen(self) -> Any:
        from codetui.tui.screens.browser import BrowserScreen

        return BrowserScreen()

    def on_mount(self) -> None:
        if self._loader is not None:
            self.run_worker(self._load_store, thread=True, group="load", exit_on_error=False)
        else:
            self.warm_search()

    def _load_store(self) -> None:
        from codetui.storage import StoreError

        assert self._loader is not None
        try:
            store = self._loader()
        except StoreError as exc:
            self.call_from_thread(self.exit, None, 2, Text(f"codetui: {exc}"))
            return
        self.call_from_thread(self._store_ready, store)

    def _store_ready(self, store: Any) -> None:
        from codetui.tui.screens.browser import BrowserScreen

        self.store = store
        screen = self.get_default_screen_instance()
        if isinstance(screen, BrowserScreen):
            screen.store_ready()
        self.warm_search()

    def warm_search(self) -> None:
        """Build the search index and page indexes off the UI thread so the first use is quick."""
        store = self.store
        builder = self._page_builder

        def warm() -> None:
            if hasattr(store, "search"):
                store.search("a", limit=1)
            builder(store, "code:96417", frozenset())  # loads the lazy per-code indexes

        self.run_worker(warm, thread=True, group="warm", exit_on_error=False)

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

    def action_tool(self, name: str) -> None:
        """F2/F3/F4: the Check, Ask or clinical note screen (kept while the app runs)."""
        from codetui.tui.screens.tools import open_tool

        open_tool(self, name)

    def get_system_commands(self, screen: Any) -> Any:
        from textual.app import SystemCommand

        for command in super().get_system_commands(screen):
            if command.title == "Keys":  # Textual's side panel: cramped at 80 columns, and not ours
                yield SystemCommand("Keys", "Every key, and the data releases in use (? or F1)", self.action_help)
            else:
                yield command
        yield SystemCommand("Check claim lines", "Claim-line checker (F2)", lambda: self.action_tool("check"))
        yield SystemCommand("Ask a question", "Offline answers about codes (F3)", lambda: self.action_tool("ask"))
        yield SystemCommand("Clinical note", "Redact a note and find its ICD-10-CM codes (F4)",
                            lambda: self.action_tool("note"))

    def action_help(self) -> None:
        from codetui.tui.screens.browser import BrowserScreen
        from codetui.tui.screens.help import HelpScreen, key_rows
        from codetui.tui.screens.tools import tool_key_groups
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
            *tool_key_groups(),
        ]
        from codetui.tui.widgets.status import source_lines

        sources = source_lines(self.store.sources()) if self.store is not None else []
        self.push_screen(HelpScreen(key_rows(groups, self.get_key_display_name), sources))

    def get_key_display_name(self, key: str) -> str:
        """'ctrl+f' -> 'Ctrl+F', 'question_mark' -> '?', 'B' stays 'B' (it means Shift+b)."""
        names = {"question_mark": "?", "slash": "/", "space": "Space", "pagedown": "PgDn", "pageup": "PgUp"}
        if key in names:
            return names[key]
        parts = key.split("+")
        if len(parts) > 1:
            return "+".join([p.capitalize() for p in parts[:-1]] + [parts[-1].upper() if len(parts[-1]) == 1 else parts[-1].capitalize()])
        return key if len(key) == 1 else key.capitalize()

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
    from codetui import paths
    from codetui.storage import StoreError
    from codetui.store import CodeStore

    path = Path(args.store) if getattr(args, "store", None) else paths.shipped_store_path()
    if not path.is_file():  # fail before taking over the terminal
        print(f"codetui: {StoreError(f'{path}: store not found (run `codetui build`)')}", file=sys.stderr)
        return 2
    app = CodeTuiApp(lambda: CodeStore.open(path), UserData.open())
    app.run()
    return int(app.return_code or 0)
