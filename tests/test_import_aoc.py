"""NCCI add-on code edits: Julian dates, contractor-defined primaries, notes, rejects, real file."""

from __future__ import annotations

from pathlib import Path

import pytest

from codetui.decode import ncci
from codetui.importers import ncci_aoc
from codetui.importers.base import Rejects

FIXTURES = Path(__file__).parent / "fixtures" / "ncci" / "raw"
RAW = (Path(__file__).resolve().parents[2] / "shared" / "data" / "raw")


@pytest.fixture(scope="module")
def loaded():
    rejects = Rejects()
    (res,) = ncci_aoc.load(FIXTURES, rejects)
    return res, rejects


def test_addon_lists_its_primaries_with_iso_dates(loaded):
    res, _ = loaded
    aoc = res.tables["hcpcs"]["96417"]["aoc"]
    assert [(e["primary"], e["type"]) for e in aoc] == [
        ("96409", 3),
        ("96413", 1),
    ]  # sorted, duplicate dropped
    assert aoc[0]["eff"] == "2013-04-01" and aoc[0]["del"] == "2019-12-31"
    assert aoc[1] == {
        "primary": "96413",
        "type": 1,
        "eff": "2013-04-01",
        "del": "",
        "primary_del": "",
        "addon_del": "",
        "note": "",
        "src": "ncci_aoc",
    }


def test_deleted_addon_keeps_its_deletion_dates(loaded):
    res, _ = loaded
    (edit,) = res.tables["hcpcs"]["0663T"]["aoc"]
    assert (
        edit["addon_del"] == "2025-12-31"
        and edit["del"] == "2025-12-31"
        and edit["eff"] == "2021-07-01"
    )


def test_type2_uses_contractor_placeholder_and_notes_lose_extra_quotes(loaded):
    res, _ = loaded
    (edit,) = res.tables["hcpcs"]["0054T"]["aoc"]
    assert edit["primary"] == "CCCCC" and edit["type"] == 2
    note = res.tables["hcpcs"]["69990"]["aoc"][0]["note"]
    assert note.startswith("Based on Internet-Only Manual") and '"' not in note


def test_bad_rows_are_rejected_with_file_and_line(loaded):
    res, rejects = loaded
    got = {(r.file, r.line): r.reason for r in rejects.items}
    assert set(got) == {("AOC_V2026Q2-MCR.csv", n) for n in (8, 9, 10, 11)}
    assert "edit type" in got[("AOC_V2026Q2-MCR.csv", 8)]
    assert "Julian day" in got[("AOC_V2026Q2-MCR.csv", 9)]
    assert "CCCCC" in got[("AOC_V2026Q2-MCR.csv", 10)]
    assert "code" in got[("AOC_V2026Q2-MCR.csv", 11)]
    assert res.source.rows == 6 and res.source.id == "ncci_aoc"
    assert "96375" not in res.tables["hcpcs"]


def test_edit_types_in_words():
    assert "only" in ncci.aoc_type(1).lower()
    assert "contractor" in ncci.aoc_type("2").lower()
    assert "may also allow" in ncci.aoc_type(3)
    assert ncci.aoc_type(7) == "" and ncci.aoc_type("x") == ""


@pytest.mark.skipif(not (RAW / ncci_aoc.FOLDER).is_dir(), reason="raw data absent")
def test_real_file_96417_is_an_addon_to_96413():
    rejects = Rejects()
    (res,) = ncci_aoc.load(RAW, rejects)
    assert len(rejects) == 0 and res.source.rows == 9000
    hcpcs = res.tables["hcpcs"]
    assert {"primary": "96413", "type": 1} in [
        {"primary": e["primary"], "type": e["type"]} for e in hcpcs["96417"]["aoc"]
    ]
    assert len(hcpcs) == 830
    placeholders = [
        e["type"] for rec in hcpcs.values() for e in rec["aoc"] if e["primary"] == "CCCCC"
    ]
    assert (
        placeholders.count(2) == 47 and placeholders.count(3) == 8
    )  # type 3 may also say "contractor"
