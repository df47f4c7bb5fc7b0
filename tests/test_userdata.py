"""The user's bookmarks, recently viewed pages and notes survive restarts, races and bad files."""

from __future__ import annotations

import multiprocessing
import stat
from pathlib import Path

from codetui.userdata import RECENT_LIMIT, UserData


def test_bookmark_survives_reopening(tmp_path: Path) -> None:
    UserData.open(tmp_path).toggle_bookmark("code:96417", "96417", "Chemo add-on")
    again = UserData.open(tmp_path)
    assert again.is_bookmarked("code:96417")
    assert [b.code for b in again.bookmarks()] == ["96417"]


def test_toggling_twice_removes_the_bookmark(tmp_path: Path) -> None:
    ud = UserData.open(tmp_path)
    assert ud.toggle_bookmark("mod:59", "59", "Distinct service") is True
    assert ud.toggle_bookmark("mod:59", "59", "Distinct service") is False
    assert ud.bookmarks() == []


def test_file_is_private(tmp_path: Path) -> None:
    ud = UserData.open(tmp_path)
    ud.set_note("icd:E11.42", "check A1c")
    assert stat.S_IMODE(ud.path.stat().st_mode) == 0o600


def test_recent_is_newest_first_once_each_and_capped(tmp_path: Path) -> None:
    ud = UserData.open(tmp_path)
    for i in range(RECENT_LIMIT + 5):
        ud.add_recent(f"code:{i}", str(i), "")
    ud.add_recent("code:10", "10", "")
    recent = ud.recent()
    assert len(recent) == RECENT_LIMIT
    assert recent[0].code == "10"
    assert [r.code for r in recent].count("10") == 1
    assert "0" not in [r.code for r in recent]


def test_note_keeps_markup_text_but_drops_control_characters(tmp_path: Path) -> None:
    ud = UserData.open(tmp_path)
    ud.set_note("code:96413", "[/] [@click=app.quit]x[/]\x1b[31m red\x07")
    assert ud.note("code:96413") == "[/] [@click=app.quit]x[/][31m red"
    ud.set_note("code:96413", "   ")
    assert ud.note("code:96413") == ""


def test_corrupt_file_is_moved_aside_and_app_keeps_working(tmp_path: Path) -> None:
    (tmp_path / "user.json").write_text("{not json")
    ud = UserData.open(tmp_path)
    assert ud.bookmarks() == []
    assert ud.warning is not None
    aside = list(tmp_path.glob("user.json.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_text() == "{not json"
    assert str(aside[0]) in ud.warning
    ud.toggle_bookmark("code:1", "1", "")
    assert UserData.open(tmp_path).is_bookmarked("code:1")


def _add_many(args: tuple[str, int]) -> None:
    folder, start = args
    ud = UserData.open(Path(folder))
    for i in range(start, start + 15):
        ud.toggle_bookmark(f"code:{i}", str(i), "")


def test_two_processes_do_not_lose_each_others_bookmarks(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_add_many, args=((str(tmp_path), s),)) for s in (0, 100)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(30)
    assert all(p.exitcode == 0 for p in procs)
    assert len(UserData.open(tmp_path).bookmarks()) == 30
