"""The one screen that decides navigation: search box, results or a page, status line.

Widgets only post ``OpenTarget`` / ``ShowAll``; everything that changes what is shown goes
through ``visit`` (which records history) or ``_show`` (back/forward, which do not).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Input
from textual.worker import get_current_worker

from codetui.history import History
from codetui.pages.model import Page
from codetui.textclean import strip_controls
from codetui.tui.messages import OpenTarget, ShowAll
from codetui.tui.searching import FILTERS, Result
from codetui.tui.widgets.page_view import PageView
from codetui.tui.widgets.results import ResultList
from codetui.tui.widgets.search_bar import FilterBar, SearchInput
from codetui.tui.widgets.status import StatusLine, release_line
from codetui.userdata import Entry

if TYPE_CHECKING:
    from codetui.tui.app import CodeTuiApp

SEARCH_LIMIT = 50
PAGE_CACHE = 64


class BrowserScreen(Screen[None]):
    """Search on top; results or a code page below; the release in use at the bottom."""

    app: CodeTuiApp
    AUTO_FOCUS = "#search"

    BINDINGS = [
        Binding("slash,ctrl+f", "focus_search", "Search", key_display="/"),
        Binding("ctrl+t", "cycle_filter", "System filter"),
        Binding("backspace,alt+left", "back", "Back", key_display="⌫"),
        Binding("alt+right", "forward", "Forward"),
        Binding("b", "toggle_bookmark", "Bookmark this page"),
        Binding("B", "bookmarks", "Bookmarks list"),
        Binding("r", "recent", "Recently viewed"),
        Binding("h", "history", "History (this session)"),
        Binding("n", "note", "Edit note"),
        Binding("c", "copy", "Copy code"),
        Binding("escape", "escape", "Back to results", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.history: History[str] = History()
        self.page: Page | None = None
        self.filter_index = 0
        self._search_seq = 0
        self._shown_seq = -1
        self._cursor_memo: dict[str, int] = {}
        self._folds: dict[str, frozenset[str]] = {}  # sections the user folded/unfolded, per page
        self._expanded: dict[str, set[str]] = {}
        self._pages: dict[tuple[str, frozenset[str]], Page | None] = {}
        self._pending_submit: str | None = None
        self._started = False

    # ---- layout --------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Horizontal(id="top"):
            yield SearchInput(placeholder="Search codes or words  (/ from anywhere)", id="search")
            yield FilterBar(id="filter")
        with ContentSwitcher(initial="results", id="body"):
            yield ResultList(id="results")
            yield PageView(id="page")
        yield StatusLine(id="status")

    def on_mount(self) -> None:
        # Nested children (inside the ContentSwitcher) may mount after this screen does.
        self.call_after_refresh(self._start)

    def _start(self) -> None:
        self._started = True
        if self.page is None and not self.query_one(SearchInput).value:
            self._show_home()
        if self.app.focused is None:
            self.query_one(SearchInput).focus()
        if self.app.userdata.warning:
            self.app.say(self.app.userdata.warning, severity="warning", timeout=12)
        if self.app.store is not None:
            self.store_ready()
        else:
            self._hint("Loading codes…  (you can type already)")

    def store_ready(self) -> None:
        """The store is open: show its release, run what was typed while it loaded."""
        if not self._started:  # _start will call this once the widgets are mounted
            return
        self.query_one(StatusLine).release = release_line(self.app.store.sources())
        self._hint()
        box = self.query_one(SearchInput)
        if box.value.strip():
            self._search_seq += 1
            self.run_search(box.value, FILTERS[self.filter_index][1], self._search_seq)
        if self._pending_submit is not None:
            query, self._pending_submit = self._pending_submit, None
            self._submit(query)

    def on_screen_resume(self) -> None:
        """Back from a tool, help or a picker: Back may now lead elsewhere, so say where."""
        if self._started:
            self._hint()

    @property
    def mode(self) -> str:
        return self.query_one(ContentSwitcher).current or "results"

    def _hint(self, text: str | None = None) -> None:
        if text is None:
            if self.mode == "page" and self.page is not None:
                prev = self.history.index - 1
                back = list(self.history)[prev] if prev >= 0 else None
                text = (f"⌫ back to {back.partition(':')[2]}" if back else "b mark · n note") + " · ? keys"
            else:  # with a query in the box, "?" types: name the key that always works
                keys = "F1" if self.query_one(SearchInput).value else "?"
                text = f"Enter open · ^T filter · {keys} keys"
        self.query_one(StatusLine).hint = text

    # ---- search --------------------------------------------------------------------------
    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._to_results()
        self._search_seq += 1
        if not event.value.strip():
            self._show_home()
            return
        if self.app.store is None:
            return
        self.run_search(event.value, FILTERS[self.filter_index][1], self._search_seq)

    @work(exclusive=True, group="search", thread=True)
    def run_search(self, query: str, system: str | None, seq: int) -> None:
        store = self.app.store
        if hasattr(type(store), "search_index") and "search_index" not in vars(store):
            # the first search of a new store builds (or maps) the index: say why it waits
            self.app.call_from_thread(self._hint, "Preparing the search index (first run: a few seconds)…")
        try:
            results = self.app.searcher(self.app.store, query, system, SEARCH_LIMIT)
        except Exception as exc:  # a search bug must not take the browser down
            self.app.call_from_thread(self.app.say, f"Search failed: {exc}", severity="error")
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._apply_results, seq, results)

    def _apply_results(self, seq: int, results: list[Result]) -> None:
        if seq != self._search_seq:  # a newer keystroke is on its way: drop stale results
            return
        self._shown_seq = seq
        lst = self.query_one(ResultList)
        lst.fill(results)
        if not results:
            self._hint("No matches. ^T changes the system filter.")
        else:
            self._hint()

    def _show_home(self) -> None:
        """Empty query: bookmarks then recently viewed."""
        ud = self.app.userdata
        try:
            marks = [_entry_result(e) for e in ud.bookmarks()]
            recent = [_entry_result(e) for e in ud.recent(20)]
        except OSError as exc:
            self.app.say(f"Cannot read your bookmarks: {exc}", severity="warning")
            marks, recent = [], []
        self._shown_seq = self._search_seq
        self.query_one(ResultList).fill_groups([("Bookmarks", marks), ("Recently viewed", recent)])

    def on_search_input_to_results(self, _: SearchInput.ToResults) -> None:
        self._to_results()
        lst = self.query_one(ResultList)
        if lst.option_count:
            lst.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit(event.value)

    def _submit(self, query: str) -> None:
        if self.app.store is None:
            self._pending_submit = query
            return
        target = self._submit_target(query)
        if target:
            self.visit(target)
        elif query.strip():
            self.app.say(f"Nothing found for {strip_controls(query, keep_newlines=False)!r}")

    def _submit_target(self, query: str) -> str | None:
        lst = self.query_one(ResultList)
        if self._shown_seq == self._search_seq and lst.highlighted_target:
            return lst.highlighted_target
        found = self.app.store.lookup(query) if query.strip() else None
        if found:
            from codetui.pages.model import target_for

            return target_for(found[0], found[1]["code"])
        results = self.app.searcher(self.app.store, query, FILTERS[self.filter_index][1], 1)
        return results[0].target if results else None

    def _to_results(self) -> None:
        if self.mode != "results":
            self._remember_cursor()
            self.query_one(ContentSwitcher).current = "results"
            self._hint()

    # ---- navigation ----------------------------------------------------------------------
    def on_open_target(self, message: OpenTarget) -> None:
        message.stop()
        self.visit(message.target)

    def visit(self, target: str) -> bool:
        """Open ``target`` and record it in history (a new visit drops forward entries)."""
        if self.app.store is None or not self._show(target):
            return False
        self.history.visit(target)
        self._hint()
        if self.page is not None:
            self._save_recent(target, self.page.code, self.page.title, self.page.system)
        return True

    @work(thread=True, group="recent", exit_on_error=False)
    def _save_recent(self, target: str, code: str, title: str, system: str) -> None:
        """Off the UI thread: a locked, fsynced write must not delay the page."""
        try:
            self.app.userdata.add_recent(target, code, title, system)
        except OSError as exc:
            self.app.call_from_thread(self.app.say, f"Cannot save recently viewed: {exc}", severity="warning")

    def _build(self, target: str) -> Page | None:
        expanded = frozenset(self._expanded.get(target, ()))
        key = (target, expanded)
        if key not in self._pages:
            if len(self._pages) >= PAGE_CACHE:
                self._pages.pop(next(iter(self._pages)))
            self._pages[key] = self.app.build_page(target, expanded)
        return self._pages[key]

    def _show(self, target: str) -> bool:
        """Display a page without touching history (a "tool:NAME" entry reopens that tool)."""
        if target.startswith("tool:"):
            from codetui.tui.screens.tools import open_tool

            self._remember_cursor()
            open_tool(self.app, target.partition(":")[2])
            return True
        try:
            page = self._build(target)
        except Exception as exc:  # one broken page must not end the session
            self.app.say(f"Cannot show {target}: {exc}", severity="error")
            return False
        if page is None:
            self.app.say(f"No page for {target.partition(':')[2] or target}", severity="warning")
            return False
        self._remember_cursor()
        self.page = page
        view = self.query_one(PageView)
        ud = self.app.userdata
        try:
            note, marked = ud.note(target), ud.is_bookmarked(target)
        except OSError:
            note, marked = "", False
        self.query_one(ContentSwitcher).current = "page"
        view.show(page, note=note, bookmarked=marked, cursor=self._cursor_memo.get(target, -1),
                  collapsed=self._folds.get(target))
        view.focus()
        self._hint()
        return True

    def _remember_cursor(self) -> None:
        if self.page is not None and self.mode == "page":
            view = self.query_one(PageView)
            self._cursor_memo[self.page.target] = view.cursor
            self._folds[self.page.target] = view.collapsed

    def on_show_all(self, message: ShowAll) -> None:
        message.stop()
        if self.page is None:
            return
        target = self.page.target
        self._expanded.setdefault(target, set()).add(message.section_key)
        # the page is rebuilt with the rows; _show keeps the reader's folds (so the section
        # stays open) and puts the cursor back where "show all" was: the first new row
        if not self._show(target):
            return
        view = self.query_one(PageView)
        if view.cursor >= 0:  # the new rows start here: show them, not the ones already read
            top = max(view.cursor_line - 2, 0)  # after the refresh that applies the new size
            view.call_after_refresh(view.scroll_to, y=top, animate=False, immediate=True)
        sec = next((s for s in self.page.sections if s.key == message.section_key), None)
        if sec is not None and sec.total > len(sec.rows):  # the builder could not give more
            self.app.say(
                f"Showing {len(sec.rows)} of {sec.total}; `codetui lookup {self.page.code}` lists all",
                timeout=4,
            )

    def action_back(self) -> None:
        if self.mode != "page":
            if self.history.current:
                self._show(self.history.current)
            return
        target = self.history.back()
        if target is None:
            self._remember_cursor()
            self._to_results()
            self.query_one(SearchInput).focus()
        else:
            self._show(target)

    def action_forward(self) -> None:
        if self.mode != "page" and self.history.current:
            self._show(self.history.current)
            return
        target = self.history.forward()
        if target is not None:
            self._show(target)

    def action_escape(self) -> None:
        if self.mode == "page":
            self.action_focus_search()

    def action_focus_search(self) -> None:
        self._to_results()
        box = self.query_one(SearchInput)
        box.focus()
        box.select_all()

    def action_cycle_filter(self) -> None:
        self.filter_index = (self.filter_index + 1) % len(FILTERS)
        self.query_one(FilterBar).index = self.filter_index
        box = self.query_one(SearchInput)
        self._search_seq += 1
        if box.value.strip() and self.app.store is not None:
            self._to_results()
            self.run_search(box.value, FILTERS[self.filter_index][1], self._search_seq)
        self.app.say(f"Searching {FILTERS[self.filter_index][0]}", timeout=1.5)

    def on_filter_bar_cycle(self, _: FilterBar.Cycle) -> None:
        self.action_cycle_filter()

    # ---- the user's data -----------------------------------------------------------------
    def _current(self) -> Page | None:
        return self.page if self.mode == "page" else None

    def action_toggle_bookmark(self) -> None:
        page = self._current()
        if page is None:
            self.app.say("Open a page to bookmark it")
            return
        try:
            on = self.app.userdata.toggle_bookmark(page.target, page.code, page.title, page.system)
        except OSError as exc:
            self.app.say(f"Cannot save bookmark: {exc}", severity="error")
            return
        self.query_one(PageView).update_extras(bookmarked=on)
        self.app.say(f"{'Bookmarked' if on else 'Removed bookmark'} {page.code}", timeout=2)

    def action_note(self) -> None:
        page = self._current()
        if page is None:
            self.app.say("Open a page to write a note on it")
            return
        from codetui.tui.screens.note import NoteScreen

        def saved(text: str | None) -> None:
            if text is None:
                return
            try:
                self.app.userdata.set_note(page.target, text)
                note = self.app.userdata.note(page.target)
            except OSError as exc:
                self.app.say(f"Cannot save note: {exc}", severity="error")
                return
            if self.page is page:
                self.query_one(PageView).update_extras(note=note)
            self.app.say("Note saved" if note else "Note deleted", timeout=2)

        self.app.push_screen(NoteScreen(page.code, self.app.userdata.note(page.target)), saved)

    def action_copy(self) -> None:
        page = self._current()
        code = page.code if page else None
        if code is None:
            target = self.query_one(ResultList).highlighted_target
            code = target.partition(":")[2] if target else None
        if not code:
            self.app.say("Nothing to copy")
            return
        code = strip_controls(code, keep_newlines=False)
        self.app.copy_to_clipboard(code)
        self.app.say(f"Copied {code}", timeout=2)

    def _pick(self, title: str, results: list[Result], empty: str, on_pick: Any, highlight: int = 0) -> None:
        from codetui.tui.screens.picker import PickerScreen

        self.app.push_screen(PickerScreen(title, results, empty, highlight), on_pick)

    def _open_picked(self, picked: tuple[int, str] | None) -> None:
        if picked:
            self.visit(picked[1])

    def action_bookmarks(self) -> None:
        marks = [_entry_result(e) for e in self.app.userdata.bookmarks()]
        self._pick("Bookmarks", marks, "No bookmarks yet: b on a page adds one.", self._open_picked)

    def action_recent(self) -> None:
        recent = [_entry_result(e) for e in self.app.userdata.recent()]
        self._pick("Recently viewed", recent, "Nothing viewed yet.", self._open_picked)

    def action_history(self) -> None:
        entries = []
        for target in self.history:
            page = self._pages.get((target, frozenset(self._expanded.get(target, ()))))
            entries.append(
                Result(
                    target,
                    page.code if page else target.partition(":")[2],
                    page.system if page else _system_of(target),
                    page.title if page else "",
                )
            )

        def go(picked: tuple[int, str] | None) -> None:
            if picked and self.history.go(picked[0]) is not None:
                self._show(picked[1])

        self._pick("History (this session)", entries, "No pages visited yet.", go, max(self.history.index, 0))


def _system_of(target: str) -> str:
    kind = target.partition(":")[0]
    return {"icd": "ICD-10-CM", "mod": "Modifier", "range": "Range", "code": "Code", "tool": "Tool"}.get(kind, "")


def _entry_result(e: Entry) -> Result:
    return Result(e.target, e.code, e.system or _system_of(e.target), e.title)
