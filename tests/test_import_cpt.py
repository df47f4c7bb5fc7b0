"""``codetui import cpt``: a user's licensed CPT descriptors go to their own data dir only.

Every descriptor in the fixtures is invented text: AMA CPT descriptors never enter the repo.
"""

from __future__ import annotations

import importlib.util
import os
import stat
from pathlib import Path

import orjson
import pytest

from codetui import cli
from codetui.importers.cpt_user import read_cpt_file
from codetui.store import CodeStore

FIX = Path(__file__).parent / "fixtures" / "cpt"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    user = tmp_path / "home"
    monkeypatch.setenv("CODETUI_HOME", str(user))
    monkeypatch.setenv("CODETUI_DATA", str(tmp_path / "shipped"))
    # Only the subcommands whose modules exist: this test is about `import`, not its siblings.
    present = tuple(c for c in cli.COMMANDS if importlib.util.find_spec(f"codetui.commands.{c[1]}"))
    monkeypatch.setattr(cli, "COMMANDS", present)
    return user


def test_import_then_title_uses_the_users_descriptor(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = home.parent / "mine.txt"
    src.write_text("99213\tInvented words a test wrote for 99213\n", encoding="utf-8")
    assert cli.main(["import", "cpt", str(src)]) == 0
    out = capsys.readouterr().out.strip()
    assert out == f"Imported 1 CPT descriptors from {src} into {home / 'cpt.json'}"
    doc = orjson.loads((home / "cpt.json").read_bytes())
    assert doc["source"] == "mine.txt" and doc["imported"][:2] == "20"
    assert stat.S_IMODE(os.stat(home / "cpt.json").st_mode) == 0o600
    store = CodeStore.from_tables({"hcpcs": [{"code": "99213", "system": "CPT"}]}, user_dir=home)
    assert store.title("99213") == "Invented words a test wrote for 99213"
    assert not (home.parent / "shipped").exists()  # the shipped store is never touched


def test_pprrvu_layout_takes_cpt_rows_without_modifier(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["import", "cpt", str(FIX / "PPRRVU_fixture.csv")]) == 0
    captured = capsys.readouterr()
    assert "Imported 4 CPT descriptors" in captured.out
    err = captured.err.splitlines()
    assert f"{FIX / 'PPRRVU_fixture.csv'}:14: not a CPT code: '9921'" in err
    assert f"{FIX / 'PPRRVU_fixture.csv'}:15: 99214: empty descriptor" in err
    assert "2 rows rejected" in err[-1] and "1 HCPCS Level II" in err[-1]
    desc = orjson.loads((home / "cpt.json").read_bytes())["descriptors"]
    assert desc["99213"] == "Invented office chat \u2013 level three"  # cp1252 0x96
    assert desc["0708T"] == "Invented tracking code, with comma"
    assert set(desc) == {"0001F", "71046", "99213", "0708T"}  # no J9045, no 26/TC rows


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("cpt_tab.txt", {"99213": "Invented office visit words for a test", "99214": "Invented longer visit words"}),
        ("cpt_comma.csv", {"99213": "Invented visit, with a comma", "0001F": "Invented measure words"}),
        ("cpt_spaced.txt", {"99213": "Invented fixed width visit words", "36415": "Invented blood draw words"}),
    ],
)
def test_plain_layouts(name: str, expected: dict[str, str]) -> None:
    assert read_cpt_file(FIX / name).descriptors == expected


def test_plain_list_reports_bad_rows_and_keeps_first_duplicate() -> None:
    got = read_cpt_file(FIX / "cpt_tab.txt")  # UTF-8 BOM, CRLF, header line
    assert [(r.line, r.reason) for r in got.rejects] == [
        (4, "not a CPT code: 'XYZ'"),
        (5, "99213: duplicate of line 2 (first kept)"),
    ]
    assert got.skipped_level2 == 1


def test_file_with_no_valid_rows_exits_2_with_one_line(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["import", "cpt", str(FIX / "no_rows.txt")]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1 and str(FIX / "no_rows.txt") in lines[0]
    assert not (home / "cpt.json").exists()


def test_missing_file_exits_2_with_one_line(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = home.parent / "nope.csv"
    assert cli.main(["import", "cpt", str(missing)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [f"codetui: {missing}: file not found"]


def test_clear_removes_the_layer(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["import", "cpt", str(FIX / "cpt_comma.csv")]) == 0
    assert (home / "cpt.json").exists()
    assert cli.main(["import", "cpt", "--clear"]) == 0
    assert not (home / "cpt.json").exists()
    assert cli.main(["import", "cpt", "--clear"]) == 0  # nothing to remove is not an error
    assert "No imported CPT descriptors" in capsys.readouterr().out
    store = CodeStore.from_tables({"hcpcs": [{"code": "99213", "system": "CPT"}]}, user_dir=home)
    assert store.title("99213") == ""


def test_reimport_replaces_rather_than_merges(home: Path) -> None:
    assert cli.main(["import", "cpt", str(FIX / "cpt_spaced.txt")]) == 0
    assert cli.main(["import", "cpt", str(FIX / "cpt_comma.csv")]) == 0
    desc = orjson.loads((home / "cpt.json").read_bytes())["descriptors"]
    assert "36415" not in desc


def test_excel_workbook_is_refused_with_a_hint(tmp_path: Path) -> None:
    book = tmp_path / "cpt.xlsx"
    book.write_bytes(b"PK\x03\x04rest-of-zip")
    with pytest.raises(Exception, match="export the sheet as CSV"):
        read_cpt_file(book)


PPRRVU = (Path(__file__).resolve().parents[2] / "shared" / "data" / "raw" / "cms-pfs-rvu-2026c/PPRRVU2026_Jul_nonQPP.csv")


@pytest.mark.skipif(not PPRRVU.exists(), reason="raw data folder absent")
def test_real_pprrvu_file_is_recognised() -> None:
    got = read_cpt_file(PPRRVU)  # read only; its CPT text is never written anywhere by tests
    assert got.layout == "PPRRVU CSV"
    assert len(got.descriptors) > 10_000
    assert all(code[0].isdigit() for code in got.descriptors)
    assert got.skipped_level2 > 5_000 and got.skipped_modifier_rows > 2_000
