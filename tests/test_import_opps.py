"""OPPS Addendum B importer and SI decoding: current run, January history, 2023 workbook."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from codetui.decode.opps import describe_si, paid_under_opps
from codetui.importers import opps
from codetui.importers.base import Rejects

FIXTURES = Path(__file__).parent / "fixtures" / "opps"
RAW = (Path(__file__).resolve().parents[2] / "shared" / "data" / "raw")


@pytest.fixture(scope="module")
def loaded():
    rejects = Rejects()
    return opps.load(FIXTURES, rejects), rejects


def test_current_run_gives_si_and_rate(loaded):
    (current, _), _ = loaded
    hcpcs = current.tables["hcpcs"]
    assert hcpcs["96417"]["opps"]["si"] == "S" and hcpcs["96417"]["opps"]["rate"] == 73.56
    assert hcpcs["A4341"]["opps"]["si"] == "N" and hcpcs["A4341"]["opps"]["rate"] is None
    assert "G0465" in hcpcs  # trailing NBSP stripped from the code
    assert current.source.rows == 5


def test_january_run_kept_only_where_it_differs(loaded):
    hcpcs = loaded[0][0].tables["hcpcs"]
    assert hcpcs["0941T"]["opps"]["jan"] == {"si": "E1", "rate": None}
    assert hcpcs["96417"]["opps"]["jan"]["rate"] == 70.10
    assert "jan" not in hcpcs["71046"]["opps"]
    assert hcpcs["C9145"]["opps"] == {"src": "opps", "jan": {"si": "G", "rate": 1.957}}


def test_bad_rows_rejected_with_line(loaded):
    _, rejects = loaded
    got = sorted((r.file, r.line) for r in rejects.items)
    assert got == [("opps_addendum_b_2026_si_rate.csv", 7), ("opps_addendum_b_2026_si_rate.csv", 8)]


def test_previous_workbook_has_apc_weight_copay(loaded):
    (_, prev), _ = loaded
    hcpcs = prev.tables["hcpcs"]
    assert hcpcs["96417"]["opps_prev"] == {
        "src": "opps_prev", "si": "S", "apc": "5692", "weight": 0.7883, "rate": 67.47,
        "copay": None, "min_copay": 13.5,
    }
    assert hcpcs["71046"]["opps_prev"]["rate"] == 1234.5
    assert hcpcs["J1429"]["opps_prev"]["apc"] == "9356"


def test_no_short_descriptors_stored(loaded):
    dumped = json.dumps([r.tables for r in loaded[0]])
    assert "Invented" not in dumped and "golodirsen" not in dumped


def test_status_indicator_table_decodes(loaded):
    table = loaded[0][0].tables["opps_si"]
    assert describe_si("J1", table).description == "Hospital Part B services paid through a comprehensive APC"
    assert paid_under_opps("N", table) is False and paid_under_opps("S", table) is True
    assert paid_under_opps("Q1", table) is None
    assert "not in the status-indicator list" in describe_si("S1", table).description
    assert describe_si("C", table).description == "Inpatient Procedures, not paid under OPPS"


@pytest.mark.skipif(not (RAW / opps.NEW_FOLDER).is_dir(), reason="raw data absent")
def test_real_files():
    rejects = Rejects()
    current, prev = opps.load(RAW, rejects)
    assert len(rejects) == 0
    assert current.source.rows == 19059 and prev.source.rows == 17559
    assert current.tables["hcpcs"]["96417"]["opps"]["si"] == "S"
    assert len(current.tables["opps_si"]) == 31
    assert prev.tables["hcpcs"]["96417"]["opps_prev"]["apc"] == "5692"
