"""NCCI MUE tables: AMA banner, cp1252, MAI text cell, rejects, decode words, real files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from codetui.decode import ncci
from codetui.importers import ncci_mue
from codetui.importers.base import Rejects

FIXTURES = Path(__file__).parent / "fixtures" / "ncci" / "raw"
RAW = (Path(__file__).resolve().parents[2] / "shared" / "data" / "raw")
POLICY = RAW / "cms-ncci-policy-manual-2026-modifiers" / "NCCI_modifiers_policy.txt"


@pytest.fixture(scope="module")
def loaded():
    rejects = Rejects()
    results = ncci_mue.load(FIXTURES, rejects)
    return {r.source.id: r for r in results}, rejects


def test_one_source_per_setting_with_value_and_mai_digit(loaded):
    res, _ = loaded
    assert sorted(res) == ["ncci_mue_dme", "ncci_mue_opps", "ncci_mue_practitioner"]
    prac = res["ncci_mue_practitioner"].tables["hcpcs"]
    assert prac["96417"]["mue"]["practitioner"] == {
        "value": 3,
        "mai": "3",
        "rationale": "Clinical: Data",
        "src": "ncci_mue_practitioner",
    }
    assert prac["20610"]["mue"]["practitioner"]["mai"] == "1"
    assert res["ncci_mue_opps"].tables["hcpcs"]["36415"]["mue"]["opps"]["value"] == 2
    assert res["ncci_mue_dme"].tables["hcpcs"]["A4206"]["mue"]["dme"]["value"] == 0


def test_banner_is_skipped_and_rows_counted(loaded):
    res, _ = loaded
    prac = res["ncci_mue_practitioner"]
    assert prac.source.rows == 5
    assert all(len(code) == 5 for code in prac.tables["hcpcs"])
    assert prac.source.release.startswith("2026 Q2")


def test_bad_rows_are_rejected_with_file_and_line(loaded):
    _, rejects = loaded
    got = {r.line: r.reason for r in rejects.items if r.file.startswith("MCR_MUE_Practitioner")}
    # banner spans lines 1-5, header 6-7, data from line 8
    assert sorted(got) == [12, 13, 14]
    assert "MUE value" in got[12] and "adjudication" in got[13] and "duplicate" in got[14]


def test_mai_and_ptp_indicators_in_words():
    assert ncci.mai("1").startswith("Line edit")
    assert "policy" in ncci.mai(2) and "clinical" in ncci.mai("3")
    assert ncci.MAI_LABEL["3"] == "Date of Service Edit: Clinical"
    assert "never" in ncci.ptp_modifier("0").lower()
    assert "modifier" in ncci.ptp_modifier(1)
    assert "deleted" in ncci.ptp_modifier("9")
    assert ncci.mai("4") == "" and ncci.ptp_modifier("2") == ""
    assert ncci.is_ptp_associated("-59") and ncci.is_ptp_associated("xs")
    assert not ncci.is_ptp_associated("22") and "76" in ncci.NOT_PTP_ASSOCIATED


@pytest.mark.skipif(not POLICY.is_file(), reason="raw data absent")
def test_ptp_associated_modifiers_match_the_policy_manual():
    text = POLICY.read_text(encoding="utf-8")
    listed: set[str] = set()
    for label in ("Anatomic modifiers", "Global surgery modifiers", "Other modifiers"):
        line = re.search(rf"{label}\s*:\s*(.+)", text).group(1)  # type: ignore[union-attr]
        for item in (x.strip() for x in line.split(",")):
            m = re.fullmatch(r"([A-Z])(\d)-\1(\d)", item)
            listed |= (
                {f"{m.group(1)}{i}" for i in range(int(m.group(2)), int(m.group(3)) + 1)}
                if m
                else {item}
            )
    assert listed == ncci.PTP_ASSOCIATED


@pytest.mark.skipif(not (RAW / ncci_mue.FOLDER).is_dir(), reason="raw data absent")
def test_real_files_96417_practitioner_mue_is_3():
    rejects = Rejects()
    res = {r.source.id: r for r in ncci_mue.load(RAW, rejects)}
    assert len(rejects) == 0
    assert {k: r.source.rows for k, r in res.items()} == {
        "ncci_mue_practitioner": 15095,
        "ncci_mue_opps": 15045,
        "ncci_mue_dme": 3083,
    }
    entry = res["ncci_mue_practitioner"].tables["hcpcs"]["96417"]["mue"]["practitioner"]
    assert entry["value"] == 3 and entry["mai"] == "3"
