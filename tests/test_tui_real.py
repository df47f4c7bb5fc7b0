"""The browser on the real shipped store, driven as a user would: the issue's named journeys."""

from __future__ import annotations

import asyncio
import functools
from pathlib import Path
from typing import Any

from codetui.store import CodeStore
from codetui.tui.app import CodeTuiApp
from codetui.tui.screens.browser import BrowserScreen
from codetui.tui.widgets.page_view import PageView
from codetui.userdata import UserData


def sync(fn: Any) -> Any:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        asyncio.run(fn(*args, **kwargs))

    return wrapper


def browser(app: CodeTuiApp) -> BrowserScreen:
    s = app.screen_stack[0]
    assert isinstance(s, BrowserScreen)
    return s


async def settle(pilot: Any) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_code(pilot: Any, code: str) -> None:
    await settle(pilot)
    await pilot.press(*code)
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert browser(pilot.app).page is not None and browser(pilot.app).page.code == code


async def tab_to(pilot: Any, predicate: Any, limit: int = 80) -> str:
    """Tab through the page's links until one satisfies ``predicate``; return it."""
    view = pilot.app.screen_stack[0].query_one(PageView)
    for _ in range(limit):
        await pilot.press("tab")
        action = view.current_action
        if action is not None and predicate(action.value):
            return str(action.value)
    raise AssertionError("no such link reachable by Tab")


@sync
async def test_96417_addon_link_back_forward(shipped_store: CodeStore, tmp_path: Path) -> None:
    app = CodeTuiApp(shipped_store, UserData.open(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_code(pilot, "96417")
        assert await tab_to(pilot, lambda v: v == "code:96413") == "code:96413"
        await pilot.press("enter")
        await settle(pilot)
        assert browser(app).page.code == "96413"
        await pilot.press("backspace")
        await settle(pilot)
        assert browser(app).page.code == "96417"
        await pilot.press("alt+right")
        await settle(pilot)
        assert browser(app).page.code == "96413"


@sync
async def test_e11_42_note_link_and_back(shipped_store: CodeStore, tmp_path: Path) -> None:
    app = CodeTuiApp(shipped_store, UserData.open(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_code(pilot, "E11.42")
        target = await tab_to(pilot, lambda v: v.startswith(("icd:E", "icd:O", "range:")) and "E11" not in v
                              and v != "icd:ch4")
        await pilot.press("enter")
        await settle(pilot)
        assert browser(app).page.target == target
        await pilot.press("backspace")
        await settle(pilot)
        assert browser(app).page.code == "E11.42"


@sync
async def test_page_scrolling_keys_never_crash(shipped_store: CodeStore, tmp_path: Path) -> None:
    app = CodeTuiApp(shipped_store, UserData.open(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_code(pilot, "96413")
        for key in ("space", "pagedown", "pagedown", "pageup", "end", "home", "down", "up", "shift+tab"):
            await pilot.press(key)
            await pilot.pause()
        assert app.is_running and browser(app).page.code == "96413"


@sync
async def test_modifier_59_from_a_code_page(shipped_store: CodeStore, tmp_path: Path) -> None:
    app = CodeTuiApp(shipped_store, UserData.open(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_code(pilot, "27447")
        await tab_to(pilot, lambda v: v == "mod:59")
        await pilot.press("enter")
        await settle(pilot)
        page = browser(app).page
        assert page.code == "59" and page.system == "Modifier"
        assert any("XS" in link for link in page.links)
        await pilot.press("backspace")
        await settle(pilot)
        assert browser(app).page.code == "27447"
