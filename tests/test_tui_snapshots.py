"""What the browser shows, as SVG snapshots at 80x24, on the real shipped store.

Skipped when data/codes.json has not been built. Update after an intended change with
``pytest tests/test_tui_snapshots.py --snapshot-update`` and review the SVGs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from codetui import paths
from codetui.store import CodeStore
from codetui.tui.app import CodeTuiApp
from codetui.userdata import UserData

STORE = paths.shipped_store_path()
SIZE = (80, 24)

pytestmark = pytest.mark.skipif(not STORE.is_file(), reason="shipped store data/codes.json not built")


def make_app(tmp_path: Path) -> CodeTuiApp:
    return CodeTuiApp(CodeStore.open(STORE, user_dir=tmp_path), UserData.open(tmp_path))


def typing(*keys: str) -> Any:
    async def run_before(pilot: Any) -> None:
        await pilot.pause()
        pilot.app.screen_stack[0].query_one("#search").cursor_blink = False
        for key in keys:
            await pilot.press(key)
            await pilot.app.workers.wait_for_complete()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    return run_before


def test_search_screen(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=SIZE, run_before=typing(*"diabetic neuropathy"))


def test_code_page_96417(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=SIZE, run_before=typing(*"96417", "enter"))


def test_icd_page_e11_42(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=SIZE, run_before=typing(*"E11.42", "enter"))


def test_modifier_page_59(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=SIZE, run_before=typing(*"96417", "enter", "slash", *"59", "enter"))


def test_help(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=SIZE, run_before=typing("f1"))
