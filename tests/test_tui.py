"""Pilot tests of the browser on a small in-memory store and hand-made pages.

CPT descriptors here are invented (AMA text never ships).
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import pytest

from codetui.pages.model import Page, Row, Section, Span
from codetui.store import CodeStore
from codetui.tui.app import CodeTuiApp
from codetui.tui.screens.browser import BrowserScreen
from codetui.tui.searching import Result
from codetui.tui.widgets.page_view import PageView
from codetui.tui.widgets.results import ResultList
from codetui.userdata import UserData


def sync(fn: Any) -> Any:
    """Run an async test on a fresh event loop (no async pytest plugin is installed)."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        asyncio.run(fn(*args, **kwargs))

    return wrapper


HOSTILE = "[/] [@click=app.quit]boom[/] [b]x"

TABLES: dict[str, list[dict[str, Any]]] = {
    "hcpcs": [
        {"code": "96413", "system": "CPT"},
        {"code": "96417", "system": "CPT"},
        {"code": "J9045", "system": "HCPCS", "anweb": {"long": "Injection, carboplatin, 50 mg"}},
    ],
    "icd10cm": [
        {"code": "E11.42", "kind": "code", "billable": True, "title": "Type 2 diabetes mellitus with diabetic polyneuropathy"},
        {"code": "E08.42", "kind": "code", "billable": True, "title": "Diabetes due to underlying condition with polyneuropathy"},
    ],
    "modifiers": [{"code": "59", "system": "CPT", "title": "Distinct procedural service (own words)"}],
    "meta": [{"id": "icd10cm", "name": "ICD-10-CM", "release": "FY2026"}],
}

PAGES = {
    "code:96417": Page(
        "code:96417", "96417", "CPT", "Invented: each additional sequential infusion",
        breadcrumb=(Span("CPT"), Span("96401-96549", link="range:96401-96549"), Span("96417")),
        flags=("add-on code",),
        sections=(
            Section("aoc", "Report with primary", (Row("Primary", (Span("96413", link="code:96413"), Span(" first hour"))),), source="CMS AOC 2026Q1"),
            Section("mods", "Modifiers", (Row("", (Span("59", link="mod:59"), Span(" distinct service"))),)),
            Section("ptp", "PTP edits", tuple(Row("", (Span(f"J{9000 + i}", link=f"code:J{9000 + i}"),)) for i in range(5)), collapsed=True, total=40),
        ),
    ),
    "code:96413": Page("code:96413", "96413", "CPT", "Invented: infusion, first hour"),
    "icd:E11.42": Page(
        "icd:E11.42", "E11.42", "ICD-10-CM", "Type 2 diabetes mellitus with diabetic polyneuropathy",
        sections=(
            Section("excludes1", "Excludes1", (Row("", (Span("diabetes due to underlying condition ("), Span("E08.-", link="icd:E08.42"), Span(")"))),)),
        ),
    ),
    "icd:E08.42": Page("icd:E08.42", "E08.42", "ICD-10-CM", "Diabetes due to underlying condition with polyneuropathy"),
    "mod:59": Page("mod:59", "59", "Modifier", "Distinct procedural service", sections=(Section("use", "Use when", (Row("", (Span("separate site"),)),)),)),
    "range:96401-96549": Page("range:96401-96549", "96401-96549", "Range", "Chemotherapy administration"),
    "code:J9045": Page("code:J9045", "J9045", "HCPCS", "Injection, carboplatin, 50 mg" + HOSTILE + "\x1b[2J"),
}


def build(store: Any, target: str, expanded: frozenset[str]) -> Page | None:
    return PAGES.get(target)


def fake_search(store: Any, query: str, system: str | None, limit: int) -> list[Result]:
    q = query.strip().upper()
    out = []
    for target, page in PAGES.items():
        if q and (q in page.code.upper() or q in page.title.upper()) and (system is None or page.system == system):
            out.append(Result(target, page.code, page.system, page.title, terminated=page.code == "96413"))
    return out[:limit]


def make_app(tmp_path: Path, **kw: Any) -> CodeTuiApp:
    store = CodeStore.from_tables(TABLES)
    kw.setdefault("searcher", fake_search)
    return CodeTuiApp(store, UserData.open(tmp_path), page_builder=build, **kw)


def screen(app: CodeTuiApp) -> BrowserScreen:
    s = app.screen_stack[0]
    assert isinstance(s, BrowserScreen)
    return s


def page_text(app: CodeTuiApp) -> str:
    view = app.screen_stack[0].query_one(PageView)
    assert view._layout is not None
    return "\n".join(line.plain for line in view._layout.lines)


async def type_and_wait(pilot: Any, text: str) -> None:
    await pilot.press(*text)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@sync
async def test_search_open_follow_addon_link_back_forward(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.focused is app.screen.query_one("#search")
        await type_and_wait(pilot, "96417")
        assert screen(app).query_one(ResultList).highlighted_target == "code:96417"
        await pilot.press("enter")
        assert screen(app).page is not None and screen(app).page.code == "96417"
        assert isinstance(app.focused, PageView)
        await pilot.press("tab")  # first link after the breadcrumb: the primary code
        assert app.focused.current_action.value == "code:96413"
        await pilot.press("enter")
        await pilot.pause()
        assert screen(app).page.code == "96413"
        await pilot.press("backspace")
        assert screen(app).page.code == "96417"
        assert screen(app).query_one(PageView).current_action.value == "code:96413"  # cursor kept
        await pilot.press("alt+right")
        assert screen(app).page.code == "96413"
        await pilot.press("alt+left", "alt+left")
        assert screen(app).mode == "results"  # back past the first page returns to search
        assert list(screen(app).history) == ["code:96417", "code:96413"]


@sync
async def test_new_visit_drops_forward_entries(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        s = screen(app)
        s.visit("code:96417")
        s.visit("code:96413")
        await pilot.press("backspace")
        s.visit("mod:59")
        assert list(s.history) == ["code:96417", "mod:59"]
        await pilot.press("alt+right")
        assert s.page.code == "59"


@sync
async def test_icd_excludes_link_and_back(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_and_wait(pilot, "E11.42")
        await pilot.press("enter")
        assert "Excludes1" in page_text(app)
        await pilot.press("down", "down")  # section header, then the E08.- link
        assert app.focused.current_action.value == "icd:E08.42"
        await pilot.press("enter")
        assert screen(app).page.code == "E08.42"
        await pilot.press("backspace")
        assert screen(app).page.code == "E11.42"


@sync
async def test_modifier_page_and_back_to_the_code_you_came_from(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen(app).visit("code:96417")
        await pilot.press("tab", "tab")
        assert app.focused.current_action.value == "mod:59"
        await pilot.press("enter")
        assert screen(app).page.system == "Modifier"
        assert "back to 96417" in screen(app).query_one("#status").hint
        await pilot.press("backspace")
        assert screen(app).page.code == "96417"


@sync
async def test_mouse_click_follows_a_link(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen(app).visit("code:96417")
        await pilot.pause()
        view = screen(app).query_one(PageView)
        lay = view._layout
        act = next(i for i, a in enumerate(lay.actions) if a.value == "code:96413")
        y = lay.action_line[act]
        x = next(start for start, _, a in lay.places[y] if a == act)
        await pilot.click(PageView, offset=(x + 1 + view.styles.padding.left, y))
        await pilot.pause()
        assert screen(app).page.code == "96413"


@sync
async def test_collapsed_section_unfolds_and_show_all_asks_for_the_rest(tmp_path: Path) -> None:
    asked: list[frozenset[str]] = []

    def recording_build(store: Any, target: str, expanded: frozenset[str]) -> Page | None:
        asked.append(expanded)
        return PAGES.get(target)

    app = make_app(tmp_path)
    app._page_builder = recording_build
    async with app.run_test(size=(80, 40)) as pilot:
        screen(app).visit("code:96417")
        assert "PTP edits (40)" in page_text(app) and "J9000" not in page_text(app)
        view = screen(app).query_one(PageView)
        view.cursor = next(i for i, a in enumerate(view.actions) if a.kind == "toggle" and a.value == "ptp")
        await pilot.press("enter")
        assert "J9004" in page_text(app) and "show all 40" in page_text(app)
        view.cursor = next(i for i, a in enumerate(view.actions) if a.kind == "more")
        await pilot.press("enter")
        await pilot.pause()
        assert asked[-1] == frozenset({"ptp"})


@sync
async def test_system_filter_switches_by_key(tmp_path: Path) -> None:
    seen: list[str | None] = []

    def spy(store: Any, query: str, system: str | None, limit: int) -> list[Result]:
        seen.append(system)
        return fake_search(store, query, system, limit)

    app = make_app(tmp_path, searcher=spy)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_and_wait(pilot, "4")
        await pilot.press("ctrl+t", "ctrl+t", "ctrl+t")  # All -> CPT -> HCPCS -> ICD-10-CM
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert seen[-1] == "ICD-10-CM"
        lst = screen(app).query_one(ResultList)
        assert {lst.get_option_at_index(i).id.partition("|")[2] for i in range(lst.option_count)} == {"icd:E11.42", "icd:E08.42"}


@sync
async def test_stale_search_results_are_dropped(tmp_path: Path) -> None:
    release = threading.Event()

    def slow_first(store: Any, query: str, system: str | None, limit: int) -> list[Result]:
        if query == "9":
            release.wait(5)
            return [Result("code:J9045", "STALE", "HCPCS", "stale")]
        return fake_search(store, query, system, limit)

    app = make_app(tmp_path, searcher=slow_first)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("9")
        await pilot.pause(0.05)
        await pilot.press("6", "4", "1", "7")
        await pilot.pause(0.2)
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen(app).query_one(ResultList).highlighted_target == "code:96417"
        assert screen(app).query_one(ResultList).option_count == 1


@sync
async def test_slash_returns_to_search_from_a_page(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen(app).visit("mod:59")
        await pilot.press("slash")
        assert app.focused is screen(app).query_one("#search")
        screen(app).visit("mod:59")
        await pilot.press("ctrl+f")
        assert app.focused is screen(app).query_one("#search")
        await pilot.press(*"E11")
        await app.workers.wait_for_complete()
        await pilot.press("down")
        assert isinstance(app.focused, ResultList)


@sync
async def test_bookmark_survives_a_restart(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen(app).visit("icd:E11.42")
        await pilot.press("b")
        assert "★ bookmarked" in page_text(app)
    again = make_app(tmp_path)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = screen(again).query_one(ResultList)
        prompts = [str(home.get_option_at_index(i).prompt) for i in range(home.option_count)]
        assert prompts[0] == "Bookmarks" and "E11.42" in prompts[1]
        await pilot.press("B")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert screen(again).page.code == "E11.42"
        assert "★ bookmarked" in page_text(again)


@sync
async def test_hostile_markup_in_a_note_renders_verbatim(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen(app).visit("code:96413")
        await pilot.press("n")
        await pilot.pause()
        area = app.screen.query_one("#note-text")
        area.text = HOSTILE + "\x1b]52;c;AAAA\x07"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.is_running
        text = page_text(app)
        assert HOSTILE in text and "\x1b" not in text and "\x07" not in text
        await pilot.click(PageView, offset=(12, 2))  # where the [@click…] text is drawn
        await pilot.pause()
        assert app.is_running and screen(app).page.code == "96413"


@sync
async def test_hostile_store_text_is_shown_not_run(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_and_wait(pilot, "J9045")
        lst = screen(app).query_one(ResultList)
        assert "[@click=app.quit]" in str(lst.get_option_at_index(0).prompt)
        await pilot.press("enter")
        shown = " ".join(page_text(app).split())  # undo wrapping
        assert HOSTILE in shown and "\x1b" not in shown
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("escape")
        assert app.is_running


@sync
async def test_copy_puts_the_code_on_the_clipboard(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen(app).visit("icd:E11.42")
        await pilot.press("c")
        assert app.clipboard == "E11.42"


@sync
async def test_help_lists_every_key(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        text = app.screen.text
        for needle in ("Back", "Forward", "Bookmark this page", "Edit note", "Copy code", "Quit", "System filter"):
            assert needle in text


@sync
async def test_command_palette_finds_codes(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"E11.42")
        await pilot.pause(0.5)
        await pilot.press("down", "enter")
        await pilot.pause(0.2)
        assert screen(app).page is not None and screen(app).page.code == "E11.42"


@sync
async def test_unknown_target_keeps_the_current_page(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen(app).visit("mod:59")
        assert screen(app).visit("code:00000") is False
        await pilot.pause()
        assert screen(app).page.code == "59" and list(screen(app).history) == ["mod:59"]


@sync
async def test_corrupt_user_file_is_reported_and_browsing_works(tmp_path: Path) -> None:
    (tmp_path / "user.json").write_text("[[[")
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert any("moved aside" in str(n.message) for n in app._notifications)
        screen(app).visit("mod:59")
        await pilot.press("b")
        assert UserData.open(tmp_path).is_bookmarked("mod:59")


def test_crash_output_has_no_locals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    app = make_app(tmp_path)

    async def run() -> None:
        async with app.run_test(size=(80, 24)):
            secret_local = "-".join(["SECRET", "NOTE", "TEXT"])  # a value only a locals dump shows
            try:
                raise RuntimeError("boom " + str(len(secret_local)))
            except RuntimeError:
                app._fatal_error()

    asyncio.run(run())
    err = capsys.readouterr().err
    assert "RuntimeError" in err and "SECRET-NOTE-TEXT" not in err


def test_run_app_without_a_store_exits_2_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import argparse

    from codetui.tui.app import run_app

    missing = tmp_path / "missing.json"
    assert run_app(argparse.Namespace(store=str(missing))) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(missing) in err


@sync
async def test_corrupt_store_ends_the_app_with_code_2(tmp_path: Path) -> None:
    bad = tmp_path / "codes.json"
    bad.write_text("{oops")
    app = CodeTuiApp(lambda: CodeStore.open(bad), UserData.open(tmp_path), page_builder=build)
    async with app.run_test(size=(80, 24)):
        for _ in range(250):  # the load worker ends the app; wait for that
            if app.return_code is not None:
                break
            await asyncio.sleep(0.02)
    assert app.return_code == 2


@sync
async def test_typing_while_the_store_loads_is_kept(tmp_path: Path) -> None:
    gate = threading.Event()

    def slow_open() -> CodeStore:
        gate.wait(5)
        return CodeStore.from_tables(TABLES)

    app = CodeTuiApp(slow_open, UserData.open(tmp_path), page_builder=build, searcher=fake_search)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.focused is app.screen.query_one("#search")
        await pilot.press(*"96417", "enter")
        assert "Loading" in screen(app).query_one("#status").hint
        gate.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen(app).page is not None and screen(app).page.code == "96417"
        assert "ICD-10-CM FY2026" in screen(app).query_one("#status").release


@sync
async def test_the_link_under_the_cursor_is_drawn_reversed(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen(app).visit("code:96417")
        await pilot.press("tab")
        view = screen(app).query_one(PageView)
        y = view._layout.action_line[view.cursor] - round(view.scroll_y)
        styled = {seg.text: seg.style for seg in view.render_line(y) if seg.text.strip()}
        assert styled["96413"].reverse and not styled[" first hour"].reverse


@sync
async def test_terminated_codes_are_marked_in_results(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_and_wait(pilot, "96413")
        prompt = str(screen(app).query_one(ResultList).get_option_at_index(0).prompt)
        assert "96413" in prompt and "[terminated]" in prompt
