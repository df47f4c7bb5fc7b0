"""Modifier explanations: coverage of the common modifiers, NCCI flags, merge with CMS data."""

from __future__ import annotations

from pathlib import Path

import pytest

from codetui.build import merge_into
from codetui.importers import cpt_modifiers, hcpcs_anweb
from codetui.importers.base import Rejects
from codetui.modifier_text import ALL


def codes(text: str) -> list[str]:
    return text.split()


CPT_LISTED = codes("22 23 24 25 26 27 32 33 47 50 51 52 53 54 55 56 57 58 59 62 63 66 76 77 78 79 "
                   "80 81 82 90 91 92 93 95 96 97 99")
LEVEL2_LISTED = codes("XE XS XP XU LT RT E1 E2 E3 E4 FA F1 F2 F3 F4 F5 F6 F7 F8 F9 TA T1 T2 T3 T4 T5 "
                      "T6 T7 T8 T9 LC LD RC LM RI GT GQ GA GY GZ JW JZ KX Q0 AS TC")
# NCCI Policy Manual ch. I sec. E (rev. 2026-01-01): the PTP-associated modifiers.
NCCI_PTP = set(codes("E1 E2 E3 E4 FA F1 F2 F3 F4 F5 F6 F7 F8 F9 TA T1 T2 T3 T4 T5 T6 T7 T8 T9 "
                     "LT RT LC LD RC LM RI 24 25 57 58 78 79 27 59 91 XE XS XP XU"))
FIXTURES = Path(__file__).parent / "fixtures" / "hcpcs"


def table() -> dict[str, dict]:
    (result,) = cpt_modifiers.load(Path("/nonexistent"), Rejects())
    return result.tables["modifiers"]


def test_every_listed_modifier_has_plain_words() -> None:
    mods = table()
    for code in CPT_LISTED + LEVEL2_LISTED:
        rec = mods[code]
        for field in ("explanation", "use_when", "not_when"):
            assert len(rec[field]) > 20, (code, field)
    for code in CPT_LISTED:
        assert mods[code]["system"] == "CPT" and mods[code]["title"], code
        assert mods[code]["src"] == "codetui_modifiers"


def test_level2_entries_leave_title_to_cms() -> None:
    mods = table()
    for code in LEVEL2_LISTED:
        assert mods[code]["system"] == "HCPCS"
        assert "title" not in mods[code] and "src" not in mods[code]


def test_ptp_associated_follows_the_ncci_manual() -> None:
    mods = table()
    assert {c for c, r in mods.items() if r["ptp_associated"]} == NCCI_PTP
    for code in ("22", "76", "77"):
        assert mods[code]["ptp_associated"] is False


def test_59_points_to_the_x_modifiers_and_related_codes_exist() -> None:
    mods = table()
    assert {"XE", "XS", "XP", "XU"} <= set(mods["59"]["related"])
    for code, rec in mods.items():
        assert code not in rec["related"], code
        assert set(rec["related"]) <= set(mods), (code, set(rec["related"]) - set(mods))


def test_codes_are_unique_and_modifier_shaped() -> None:
    codes = [m.code for m in ALL]
    assert len(codes) == len(set(codes))
    assert all(len(c) == 2 and c.isalnum() and c == c.upper() for c in codes)


def test_build_merge_gives_level2_modifier_cms_title_and_our_explanation() -> None:
    merged: dict[str, dict] = {}
    for module in (hcpcs_anweb, cpt_modifiers):  # build order
        (res,) = module.load(FIXTURES, Rejects())
        for key, partial in res.tables["modifiers"].items():
            merge_into(merged.setdefault(key, {}), partial)
    xe = merged["XE"]
    assert xe["title"].startswith("Separate encounter")  # CMS's words
    assert xe["src"] == "hcpcs_anweb" and xe["anweb"]["src"] == "hcpcs_anweb"
    assert "separate encounter" in xe["explanation"]
    assert xe["ptp_associated"] is True
    assert merged["59"]["src"] == "codetui_modifiers"


RAW = (Path(__file__).resolve().parents[2] / "shared" / "data" / "raw")



@pytest.mark.skipif(not (RAW / hcpcs_anweb.FOLDER).is_dir(), reason="raw data folder absent")
def test_every_level2_explanation_has_a_cms_record_to_merge_with() -> None:
    (res,) = hcpcs_anweb.load(RAW, Rejects())
    cms = res.tables["modifiers"]
    assert "XE" in cms
    assert [c for c in LEVEL2_LISTED if c not in cms] == []
    assert [m.code for m in ALL if m.system == "HCPCS" and m.code not in cms] == []
