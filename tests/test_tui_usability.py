"""Pilot tests for things a coder noticed using the browser at 80x24 (one test per fix).

CPT descriptors here are invented (AMA text never ships).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_tui import make_app, screen, sync, type_and_wait
from test_tui_tools import STORE, browser, cursor_to, settle

from codetui.tui.app import CodeTuiApp
from codetui.tui.widgets.page_view import PageView
from codetui.userdata import UserData

from codetui.tui.screens.help import HelpScreen
from codetui.tui.widgets.search_bar import SearchInput


@sync
async def test_question_mark_in_the_empty_search_box_opens_the_keys(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.focused, SearchInput)
        assert "? keys" in screen(app).query_one("#status").hint
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert screen(app).query_one(SearchInput).value == ""
        await pilot.press("escape")
        await type_and_wait(pilot, "what?")  # inside a query it is just a character
        assert screen(app).query_one(SearchInput).value == "what?"
        assert not isinstance(app.screen, HelpScreen)
        screen(app).query_one(SearchInput).value = ""
        await type_and_wait(pilot, "9641")
        assert "F1 keys" in screen(app).query_one("#status").hint


@sync
async def test_palette_keys_command_opens_our_key_list(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = [c for c in app.get_system_commands(app.screen) if c.title == "Keys"]
        assert len(keys) == 1
        keys[0].callback()
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert not app.screen_stack[0].query("HelpPanel")


@sync
async def test_help_descriptions_wrap_under_themselves_at_80_columns(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        descs = list(app.screen.query(".help-desc"))
        long = next(d for d in descs if "scrolls between" in str(d.render()))
        keys = [k.region for k in app.screen.query(".help-keys")]
        assert long.region.height >= 2  # it wraps at this width...
        assert long.region.x >= max(k.x + k.width for k in keys)  # ...in its own column, right of every key
        assert "Backspace or Alt+Left" in app.screen.text


def test_code_lists_wrap_under_the_text_not_under_the_code() -> None:
    from codetui.pages.model import Page, Row, Section, Span
    from codetui.tui.layout import layout_page

    rows = (
        Row("", (Span("RT", link="mod:RT"), Span("  Right side (used to identify procedures performed on the right side of the body)"))),
        Row("", (Span("E11.9", link="icd:E11.9"), Span("  Type 2 diabetes mellitus without complications"))),
    )
    page = Page("code:27447", "27447", "CPT", "Invented knee thing", sections=(Section("modifiers", "Modifiers", rows),))
    lay = layout_page(page, 60)
    text = [line.plain for line in lay.lines]
    first = next(i for i, t in enumerate(text) if "RT" in t)
    col = text[first].index("Right")
    assert text[first + 1].startswith(" " * col) and text[first + 1][col] != " "  # hanging indent
    assert text[first + 2].index("Type 2") == col  # codes of different widths line up
    assert [a.value for a in lay.actions if a.kind == "link"] == ["mod:RT", "icd:E11.9"]


@pytest.mark.skipif(not STORE.is_file(), reason="shipped store data/codes.json not built")
@sync
async def test_status_says_where_back_goes_after_leaving_a_tool(shipped_store: Any, tmp_path: Path) -> None:
    app = CodeTuiApp(shipped_store, UserData.open(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        browser(app).visit("code:J9045")
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press(*"27447 20610", "enter")
        await settle(pilot)
        await pilot.press("down")
        await cursor_to(pilot, app.screen.query_one(PageView), "code:20610")
        await pilot.press("enter")
        await pilot.pause()
        assert "back to check" in browser(app).query_one("#status").hint
        await pilot.press("backspace")  # to the check, as it was
        await pilot.pause()
        await pilot.press("escape")  # and out of it: the browser still shows 20610
        await pilot.pause()
        assert browser(app).page.code == "20610"
        hint = browser(app).query_one("#status").hint
        assert "back to J9045" in hint  # not the stale "back to check"
        await pilot.press("backspace")
        assert browser(app).page.code == "J9045"


@pytest.mark.skipif(not STORE.is_file(), reason="shipped store data/codes.json not built")
@sync
async def test_page_down_keeps_two_lines_of_the_previous_screen(shipped_store: Any, tmp_path: Path) -> None:
    app = CodeTuiApp(shipped_store, UserData.open(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        browser(app).visit("code:27447")
        await pilot.pause()
        view = browser(app).query_one(PageView)
        height = view.scrollable_content_region.height
        lines = [line.plain for line in view._layout.lines]
        last_seen = lines[height - 2 : height]
        await pilot.press("pagedown")
        await pilot.pause()
        assert round(view.scroll_y) == height - 2
        assert lines[round(view.scroll_y) : round(view.scroll_y) + 2] == last_seen
        await pilot.press("space", "pageup")
        await pilot.pause()
        assert round(view.scroll_y) == height - 2


@pytest.mark.skipif(not STORE.is_file(), reason="shipped store data/codes.json not built")
@sync
async def test_clinical_note_tab_goes_to_the_first_code_as_the_hint_says(shipped_store: Any, tmp_path: Path) -> None:
    from test_tui_tools import scan_note

    app = CodeTuiApp(shipped_store, UserData.open(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        view = await scan_note(pilot, "Invented: type 2 diabetes with neuropathy and CHF.")
        assert "Tab to codes" in app.screen.query_one("StatusLine").hint
        await pilot.press("tab")
        assert app.focused is view
        assert view.current_action is not None and view.current_action.kind == "link"
        assert view.current_action.value.startswith("icd:")
        await pilot.press("shift+tab")  # links backwards, then on to the redacted text
        await pilot.press("shift+tab")
        assert app.focused is not view


@sync
async def test_show_all_keeps_the_section_open_and_lands_on_the_first_new_row(tmp_path: Path) -> None:
    from codetui.pages.model import Page, Row, Section, Span
    from test_tui import PAGES

    def build(store: Any, target: str, expanded: frozenset[str]) -> Page | None:
        page = PAGES.get(target)
        if page is None or target != "code:96417":
            return page
        n = 40 if "ptp" in expanded else 5
        rows = tuple(Row("", (Span(f"J{9000 + i}", link=f"code:J{9000 + i}"), Span("  invented pair"))) for i in range(n))
        ptp = Section("ptp", "PTP edits", rows, collapsed=True, total=0 if n == 40 else 40)
        return Page(page.target, page.code, page.system, page.title, page.breadcrumb,
                    (*page.sections[:2], ptp), page.flags)

    app = make_app(tmp_path)
    app._page_builder = build
    async with app.run_test(size=(80, 24)) as pilot:
        screen(app).visit("code:96417")
        view = screen(app).query_one(PageView)
        view.cursor = next(i for i, a in enumerate(view.actions) if a.kind == "toggle" and a.value == "ptp")
        await pilot.press("enter")  # unfold: 5 rows and "show all 40"
        view.cursor = next(i for i, a in enumerate(view.actions) if a.kind == "more")
        await pilot.press("enter")
        await pilot.pause()
        text = "\n".join(line.plain for line in view._layout.lines)
        assert "J9039" in text and "show all" not in text  # open, not folded back to "(40)"
        assert view.current_action.value == "code:J9005"  # the first row that was hidden
        assert round(view.scroll_y) <= view.cursor_line < round(view.scroll_y) + 5  # near the top
        # folds are remembered per page: away and Back, the section is still open
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("backspace")
        await pilot.pause()
        assert "J9039" in "\n".join(line.plain for line in view._layout.lines)
        assert view.current_action.value == "code:J9005"
