"""The PTP companion: round trip in both directions, newest quarter wins, corrupt files named."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from codetui.ptp import PtpDatabase, PtpEdit, PtpError, PtpFile, Row, write_companion

ROWS = [
    Row(
        "29881",
        "29877",
        "9",
        "1996-01-01",
        "2002-01-01",
        "Misuse of Column Two code with Column One code",
    ),
    Row("29881", "29877", "0", "2002-01-01", "", "Misuse of Column Two code with Column One code"),
    Row("96413", "96360", "1", "2009-01-01", "", "CPT Manual or CMS manual coding instruction"),
    Row(
        "96413",
        "99213",
        "1",
        "2010-01-01",
        "2019-12-31",
        "Misuse of Column Two code with Column One code",
    ),
    Row("96413", "99213", "1", "2020-01-01", "", "Misuse of Column Two code with Column One code"),
    Row("J9045", "96413", "0", "", "", "Mutually exclusive procedures"),
    Row(
        "96413", "96360", "1", "2009-01-01", "", "CPT Manual or CMS manual coding instruction"
    ),  # duplicate
]


def _write(dir_: Path, setting: str, release: str, effective: str, rows=ROWS) -> Path:
    path = dir_ / "ptp" / f"{setting}.ptp"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(write_companion(rows, setting=setting, release=release, effective=effective))
    return path


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    _write(tmp_path / "data", "practitioner", "2024 Q3", "2024-07-01")
    return tmp_path / "data"


def test_edits_read_back_in_both_directions(shipped: Path):
    db = PtpDatabase.open(shipped, None)
    as_either = db.edits_for("96413", "practitioner")
    assert [(e.col1, e.col2, e.deleted) for e in as_either] == [
        ("96413", "96360", ""),
        ("96413", "99213", ""),
        ("96413", "99213", "2019-12-31"),
        ("J9045", "96413", ""),
    ]  # column-1 edits first, active before deleted, duplicate row dropped
    assert as_either[1] == PtpEdit(
        "96413",
        "99213",
        "1",
        "2020-01-01",
        "",
        "Misuse of Column Two code with Column One code",
        "practitioner",
        "2024 Q3",
    )
    from_col2 = db.edits_for("99213", "practitioner")
    assert {(e.col1, e.col2, e.effective) for e in from_col2} == {
        ("96413", "99213", "2010-01-01"),
        ("96413", "99213", "2020-01-01"),
    }
    assert db.edits_for("00000", "practitioner") == [] and db.edits_for("96413", "opps") == []


def test_pair_either_order_prefers_the_active_edit(shipped: Path):
    db = PtpDatabase.open(shipped, None)
    for a, b in (("29881", "29877"), ("29877", "29881")):
        edit = db.pair(a, b)
        assert edit is not None and (edit.col1, edit.col2, edit.modifier, edit.deleted) == (
            "29881",
            "29877",
            "0",
            "",
        )
    assert db.pair("96360", "99213") is None
    assert db.pair("96413", "J9045").modifier == "0"
    assert db.release("practitioner") == "2024 Q3" and db.release("opps") == ""


def test_bytes_do_not_depend_on_row_order():
    shuffled = ROWS[:]
    random.Random(7).shuffle(shuffled)
    args = {"setting": "practitioner", "release": "r", "effective": "2024-07-01"}
    assert write_companion(ROWS, **args) == write_companion(shuffled, **args)


def test_newer_user_quarter_replaces_shipped_older_one_does_not(tmp_path: Path, shipped: Path):
    user = tmp_path / "user"
    _write(
        user,
        "practitioner",
        "2026 Q3",
        "2026-07-01",
        rows=[Row("96413", "96360", "0", "", "", "x")],
    )
    _write(user, "opps", "2023 Q1", "2023-01-01", rows=[Row("11111", "22222", "1", "", "", "y")])
    db = PtpDatabase.open(shipped, user)
    assert db.release("practitioner") == "2026 Q3"
    assert [e.modifier for e in db.edits_for("96413")] == ["0"]
    assert db.release("opps") == "2023 Q1"  # nothing shipped for opps here, so the user's is used
    older = tmp_path / "old"
    _write(
        older,
        "practitioner",
        "2020 Q1",
        "2020-01-01",
        rows=[Row("96413", "96360", "9", "", "", "z")],
    )
    assert PtpDatabase.open(shipped, older).release("practitioner") == "2024 Q3"


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b"NOTAPTP!" + b[8:],
        lambda b: b[: len(b) - 5],
        lambda b: b[:12] + bytes([b[12] ^ 0xFF]) + b[13:],
    ],
    ids=["magic", "truncated", "header"],
)
def test_corrupt_companion_is_a_one_line_error_naming_the_file(shipped: Path, damage):
    path = shipped / "ptp" / "practitioner.ptp"
    path.write_bytes(damage(path.read_bytes()))
    with pytest.raises(PtpError) as err:
        PtpDatabase.open(shipped, None).edits_for("96413")
    msg = str(err.value)
    assert str(path) in msg and "corrupt" in msg and "\n" not in msg


def test_corrupt_block_is_reported_at_lookup(shipped: Path):
    path = shipped / "ptp" / "practitioner.ptp"
    f = PtpFile(path)
    i = f.code_id("96413")
    data = bytearray(path.read_bytes())
    pos = f._data_start + f._offsets[i] + 3
    data[pos] ^= 0x55
    path.write_bytes(bytes(data))
    with pytest.raises(PtpError, match="block for 96413"):
        PtpFile(path).edits_for("96413")
    assert PtpFile(path).edits_for("29881")  # other codes still read


def test_unknown_setting_is_refused(shipped: Path):
    with pytest.raises(ValueError, match="setting"):
        PtpDatabase.open(shipped, None).edits_for("96413", "dme")
