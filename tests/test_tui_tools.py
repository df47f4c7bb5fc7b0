"""Pilot tests of the Check (F2), Ask (F3) and clinical note (F4) screens on the shipped store.

Skipped when data/codes.json has not been built. The clinical text is invented.
"""

from __future__ import annotations

import asyncio
import functools
import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from codetui import paths
from codetui.check import ClaimParseError
from codetui.tui.app import CodeTuiApp
from codetui.tui.screens.browser import BrowserScreen
from codetui.tui.screens.check import build_claim
from codetui.tui.widgets.page_view import PageView
from codetui.userdata import UserData

STORE = paths.shipped_store_path()
needs_store = pytest.mark.skipif(not STORE.is_file(), reason="shipped store data/codes.json not built")

NOTE = ("Pt: John Carrow, DOB 03/14/1957, MRN 4482913. Hx of type 2 diabetes with neuropathy, "
        "denies chest pain.")


def sync(fn: Any) -> Any:
    """Run an async test on a fresh event loop (no async pytest plugin is installed)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        asyncio.run(fn(*args, **kwargs))

    return wrapper


def make_app(store: Any, tmp_path: Path) -> CodeTuiApp:
    return CodeTuiApp(store, UserData.open(tmp_path))


async def settle(pilot: Any) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def type_in(pilot: Any, text: str) -> None:
    await pilot.press(*["space" if ch == " " else ch for ch in text])


def view_text(view: PageView) -> str:
    assert view._layout is not None
    return "\n".join(line.plain for line in view._layout.lines)


def browser(app: CodeTuiApp) -> BrowserScreen:
    s = app.screen_stack[0]
    assert isinstance(s, BrowserScreen)
    return s


async def cursor_to(pilot: Any, view: PageView, target: str) -> None:
    """Tab through the view's links until ``target`` is under the cursor, as a user would."""
    for _ in range(len(view.actions) + 1):
        act = view.current_action
        if act is not None and act.value == target:
            return
        await pilot.press("tab")
    raise AssertionError(f"no link to {target}: {[a.value for a in view.actions]}")


# ---- parsing the check input (no app) --------------------------------------------------------
def test_claim_line_takes_the_cli_flags_inline_and_fields() -> None:
    claim = build_claim("96413 96417x2 J9045x4 99214-25 --dx C50.911,Z51.11 --dos=2026-04-01 --setting opps")
    assert [ln.label() for ln in claim.lines] == ["96413", "96417x2", "J9045x4", "99214-25"]
    assert claim.dx == ("C50.911", "Z51.11")
    assert claim.dos == date(2026, 4, 1) and claim.setting == "opps"
    claim = build_claim("96413", dx="E11.42", dos="04/15/2026", setting="dme")
    assert claim.dx == ("E11.42",) and claim.dos == date(2026, 4, 15) and claim.setting == "dme"
    with pytest.raises(ClaimParseError, match="unknown option"):
        build_claim("96413 --dxx E11.9")
    with pytest.raises(ClaimParseError, match="needs a value"):
        build_claim("96413 --dos")
    with pytest.raises(ClaimParseError, match="DOS: not a date"):
        build_claim("96413", dos="2026-13-01")


# ---- check -----------------------------------------------------------------------------------
@needs_store
@sync
async def test_check_addon_finding_links_to_its_primary_and_back_works(shipped_store: Any, tmp_path: Path) -> None:
    app = make_app(shipped_store, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        browser(app).visit("code:J9045")  # a page the browser shows before the check
        await pilot.press("f2")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "CheckScreen"
        assert app.focused is app.screen.query_one("#claim")
        await type_in(pilot, "96417")
        await pilot.press("enter")
        await settle(pilot)
        view = app.screen.query_one(PageView)
        text = view_text(view)
        assert "aoc.no-primary" in text and "ERROR" in text
        assert "96413" in text and "Medicare NCCI add-on code (AOC) edits" in text
        await pilot.press("down")  # into the findings
        assert app.focused is view
        await cursor_to(pilot, view, "code:96413")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is browser(app)
        assert browser(app).page is not None and browser(app).page.code == "96413"
        assert list(browser(app).history) == ["code:J9045", "tool:check", "code:96413"]
        await pilot.press("backspace")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "CheckScreen"  # Back returns to the check...
        assert "aoc.no-primary" in view_text(app.screen.query_one(PageView))  # ...as it was
        await pilot.press("escape")  # close the tool: the browser again
        await pilot.pause()
        assert app.screen is browser(app)
        await pilot.press("alt+right")
        assert browser(app).page.code == "96413"
        await pilot.press("backspace")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("backspace")  # past the tool entry: where the browser was before
        assert browser(app).page.code == "J9045"


@needs_store
@sync
async def test_check_bad_token_is_one_inline_line(shipped_store: Any, tmp_path: Path) -> None:
    app = make_app(shipped_store, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        await type_in(pilot, "96413 9641Z")
        await pilot.press("enter")
        await settle(pilot)
        err = app.screen.query_one("#check-error")
        assert err.display
        shown = str(err.render())
        assert shown == "'9641Z': not a CPT/HCPCS code (5 characters, e.g. 99213, J9045, 0708T)"
        assert "aoc" not in view_text(app.screen.query_one(PageView))  # no stale findings
        app.screen.query_one("#claim").value = "96413 96417"
        await pilot.press("enter")
        await settle(pilot)
        assert not err.display


# ---- ask -------------------------------------------------------------------------------------
@needs_store
@sync
async def test_ask_addon_answer_names_the_primary_with_links(shipped_store: Any, tmp_path: Path) -> None:
    app = make_app(shipped_store, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        await type_in(pilot, "is 96417 an add-on code")
        await pilot.press("enter")
        await settle(pilot)
        view = app.screen.query_one(PageView)
        text = view_text(view)
        answer = text.split("▾ Answer", 1)[1].split("▾", 1)[0]
        assert "96413" in answer and "add-on" in answer
        assert "Medicare NCCI add-on code (AOC) edits" in text  # a fact with its source
        await pilot.press("down")
        await cursor_to(pilot, view, "code:96413")
        await pilot.press("enter")
        await pilot.pause()
        assert browser(app).page is not None and browser(app).page.code == "96413"


@needs_store
@sync
async def test_ask_nonsense_says_so_and_enter_again_searches(shipped_store: Any, tmp_path: Path) -> None:
    app = make_app(shipped_store, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        await type_in(pilot, "florp blarg wibble")
        await pilot.press("enter")
        await settle(pilot)
        view = app.screen.query_one(PageView)
        assert "Can't answer" in view_text(view)
        assert "search:florp blarg wibble" in [a.value for a in view.actions]
        assert "Enter again" in app.screen.query_one("StatusLine").hint
        await pilot.press("enter")  # the same question again: run it as a search
        await settle(pilot)
        assert app.screen is browser(app)
        box = browser(app).query_one("#search")
        assert box.value == "florp blarg wibble" and app.focused is box


# ---- clinical note ---------------------------------------------------------------------------
async def scan_note(pilot: Any, text: str) -> PageView:
    await pilot.press("f4")
    await pilot.pause()
    area = pilot.app.screen.query_one("#note-input")
    assert pilot.app.focused is area
    area.insert(text)  # as a paste would
    await pilot.press("ctrl+r")
    await settle(pilot)
    return pilot.app.screen.query_one(PageView)


def files_containing(root: Path, needle: bytes) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and needle in p.read_bytes()]


@needs_store
@sync
async def test_note_redacts_and_lists_codes_without_saving_the_note(shipped_store: Any, tmp_path: Path) -> None:
    app = make_app(shipped_store, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await scan_note(pilot, NOTE)
        redacted = str(app.screen.query_one("#note-redacted").render())
        assert "[NAME]" in redacted and "Carrow" not in redacted
        assert "4482913" not in redacted and "03/14/1957" not in redacted
        text = view_text(view)
        assert "Carrow" not in text
        links = [a.value for a in view.actions if a.kind == "link"]
        assert any(t.startswith("icd:E11") for t in links)  # type 2 diabetes
        # 'Hx of' a chronic condition is current (E11.40), 'denies' is negated
        assert "▾ Current" in text and "▾ Negated (not coded)" in text
        await pilot.press("tab")  # into the codes
        await cursor_to(pilot, view, "icd:E11.40")
        await pilot.press("enter")
        await pilot.pause()
        assert browser(app).page is not None and browser(app).page.code == "E11.40"
    for root in (tmp_path, Path(os.environ["CODETUI_CACHE"])):
        if root.is_dir():
            assert files_containing(root, b"Carrow") == []


@needs_store
@sync
async def test_note_specific_diabetes_code_opens_its_page(shipped_store: Any, tmp_path: Path) -> None:
    app = make_app(shipped_store, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await scan_note(pilot, "Pt: John Carrow. Hx of T2DM with peripheral neuropathy, denies chest pain.")
        links = [a.value for a in view.actions if a.kind == "link"]
        e11_4 = [t for t in links if t.startswith("icd:E11.4")]
        assert e11_4, links
        await pilot.press("tab")
        await cursor_to(pilot, view, e11_4[0])
        await pilot.press("enter")
        await pilot.pause()
        assert browser(app).page.target == e11_4[0]
        await pilot.press("f4")  # back to the note: text and results kept, focus ready to type
        await pilot.pause()
        assert "Carrow" in app.screen.query_one("#note-input").text
        assert app.focused is app.screen.query_one("#note-input")
        await pilot.press("ctrl+l")
        assert app.screen.query_one("#note-input").text == ""


@needs_store
@sync
async def test_note_brief_wording_gives_e11_4x(shipped_store: Any, tmp_path: Path) -> None:
    app = make_app(shipped_store, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await scan_note(pilot, NOTE)
        assert any(a.value.startswith("icd:E11.4") for a in view.actions)


# ---- keys, palette, help ---------------------------------------------------------------------
@needs_store
@sync
async def test_tool_keys_work_from_anywhere_and_are_in_help(shipped_store: Any, tmp_path: Path) -> None:
    app = make_app(shipped_store, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        browser(app).visit("code:96417")  # the page view has focus
        for key, name in (("f2", "CheckScreen"), ("f3", "AskScreen"), ("f4", "ClinicalNoteScreen"), ("f2", "CheckScreen")):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen.__class__.__name__ == name
            assert len(app.screen_stack) == 2  # tools replace each other over the browser
        await pilot.press("escape")
        assert app.screen is browser(app)
        await pilot.press("f1")
        await pilot.pause()
        help_text = app.screen.text
        for words in ("Check claim lines", "Ask a question", "Clinical note", "Redact the note"):
            assert words in help_text
        await pilot.press("escape")
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert {"Check claim lines", "Ask a question", "Clinical note"} <= set(titles)


# ---- snapshot --------------------------------------------------------------------------------
@needs_store
def test_check_screen_snapshot(snap_compare: Any, shipped_store: Any, tmp_path: Path) -> None:
    async def run_before(pilot: Any) -> None:
        await pilot.press("f2")
        await pilot.pause()
        box = pilot.app.screen.query_one("#claim")
        box.cursor_blink = False
        box.value = "96413 96417x2 J9045x4 99214-25 --dos 2026-04-01"
        pilot.app.screen.query_one("#check-dx").value = "C50.911"
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(make_app(shipped_store, tmp_path), terminal_size=(100, 30), run_before=run_before)
