"""ICD-10-CM Tabular importer: fixture in the official XML layout, plus the real April 2026 file."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from codetui.importers import icd10cm_tabular
from codetui.importers.base import ImportError_, Rejects

FIXTURE_RAW = Path(__file__).parent / "fixtures" / "icd10cm" / "raw"
REAL_RAW = (Path(__file__).resolve().parents[2] / "shared" / "data" / "raw")
REAL_FOLDER = REAL_RAW / icd10cm_tabular.FOLDER


@pytest.fixture(scope="module")
def loaded() -> tuple[dict[str, dict], Rejects]:
    rejects = Rejects()
    (res,) = icd10cm_tabular.load(FIXTURE_RAW, rejects)
    return res.tables["icd10cm"], rejects


def test_hierarchy_chapter_block_category_code(loaded):
    recs, _ = loaded
    assert recs["ch4"]["kind"] == "chapter"
    assert recs["ch4"]["notes"] == ["All neoplasms are classified in Chapter 2."]
    assert recs["E08-E13"] == {**recs["E08-E13"], "kind": "block", "parent": "ch4", "chapter": "4"}
    e11 = recs["E11"]
    assert (e11["kind"], e11["billable"], e11["parent"], e11["block"]) == ("category", False, "E08-E13", "E08-E13")
    assert recs["E11.4"]["parent"] == "E11" and recs["E11.4"]["billable"] is False
    e1142 = recs["E11.42"]
    assert e1142["parent"] == "E11.4" and e1142["billable"] is True and e1142["chapter"] == "4"
    assert e1142["inclusion"] == ["Type 2 diabetes mellitus with diabetic neuralgia"]


def test_category_notes_kept(loaded):
    recs, _ = loaded
    e11 = recs["E11"]
    assert e11["includes"] == ["diabetes NOS"]
    assert e11["excludes1"] == ["gestational diabetes (O24.4-)"]
    assert e11["excludes2"] == ["hyperglycemia NOS (R73.9)"]


def test_seventh_character_expansion_with_placeholder_x(loaded):
    recs, _ = loaded
    s06 = recs["S06"]
    assert s06["seventh"] == {"A": "initial encounter", "D": "subsequent encounter", "S": "sequela"}
    assert "7th character" in s06["seventh_note"]
    # the code a 7th character extends is no longer billable; each full code is
    assert recs["S06.0X0"]["billable"] is False
    a = recs["S06.0X0A"]
    assert a["billable"] is True and a["parent"] == "S06.0X0" and a["seventh_from"] == "S06"
    assert a["title"] == "Concussion without loss of consciousness, initial encounter"
    # 5-character code padded with X to six before the 7th character
    assert {"S06.9XXA", "S06.9XXD", "S06.9XXS"} <= recs.keys()
    assert "S06.9A" not in recs


def test_s06_death_codes_take_only_initial_encounter(loaded):
    recs, _ = loaded
    assert "S06.0X7A" in recs
    assert "S06.0X7D" not in recs and "S06.0X7S" not in recs


def test_single_code_section_gets_distinct_block_key(loaded):
    recs, _ = loaded
    assert recs["T07-T07"]["kind"] == "block"
    assert recs["T07"]["kind"] == "category" and recs["T07"]["billable"] is True
    assert recs["T07"]["parent"] == "T07-T07"


def test_heading_section_nests_the_blocks_it_covers(loaded):
    recs, _ = loaded
    assert recs["S00-T88"]["parent"] == "ch19"
    assert recs["S00-S09"]["parent"] == "S00-T88"
    assert recs["S06"]["block"] == "S00-S09"


def test_manifestation_flag(loaded):
    recs, _ = loaded
    assert recs["G63"]["manifestation"] is True
    assert recs["G63"]["code_first"][1] == "amyloidosis (E85.-)"
    assert "manifestation" not in recs["E11.42"]


def test_malformed_elements_rejected_with_line(loaded):
    recs, rejects = loaded
    text = [str(r) for r in rejects.items]
    assert any(t.startswith("icd10c-tabular-April-1-2026.xml:34:") and "E12.43" in t for t in text)
    assert any(t.startswith("icd10c-tabular-April-1-2026.xml:38:") for t in text)
    assert any(":101:" in t and "S09" in t for t in text)
    assert "E12.43" not in recs
    assert recs["S09.8XXA"]["billable"] is True  # the good extension still applies
    assert len(rejects) == 3


def test_missing_folder_is_an_import_error(tmp_path):
    with pytest.raises(ImportError_):
        icd10cm_tabular.load(tmp_path, Rejects())


def test_expand_key():
    assert icd10cm_tabular.expand_key("S72.001", "A") == "S72.001A"
    assert icd10cm_tabular.expand_key("T36.0X1", "A") == "T36.0X1A"
    assert icd10cm_tabular.expand_key("M48.50", "A") == "M48.50XA"
    assert icd10cm_tabular.expand_key("T07", "S") == "T07.XXXS"


def _code_list_leaves() -> set[str]:
    raw = (REAL_FOLDER / "code-list-April-2026.txt").read_bytes().decode()
    items = sorted({x.strip() for x in raw.replace("\r", "\n").split("\n") if x.strip()})
    codes = [c for c in items if "-" not in c and not c.isdigit()]
    return {c for i, c in enumerate(codes) if not (i + 1 < len(codes) and codes[i + 1].startswith(c))}


@pytest.mark.skipif(not REAL_FOLDER.is_dir(), reason="raw ICD-10-CM tabular not present")
def test_real_tabular():
    rejects = Rejects()
    t0 = time.perf_counter()
    (res,) = icd10cm_tabular.load(REAL_RAW, rejects)
    assert time.perf_counter() - t0 < 20
    recs = res.tables["icd10cm"]
    assert len(rejects) == 0
    e1142 = recs["E11.42"]
    assert e1142["parent"] == "E11.4" and e1142["billable"] is True
    assert "Type 2 diabetes mellitus with diabetic neuralgia" in e1142["inclusion"]
    assert recs["E11"]["kind"] == "category" and recs["E11"]["billable"] is False
    assert recs["E11"]["excludes1"] and recs["E11"]["use_additional"]
    assert recs["T36.0X1A"]["billable"] and recs["S06.0X0A"]["billable"]
    assert recs["S72.001A"]["seventh_from"] == "S72"
    billable = {k.replace(".", "") for k, r in recs.items() if r["billable"]}
    # the package's stated 74,736 also counts 12 empty heading ranges and 5 one-code blocks
    assert len(billable) == 74_719
    assert billable == _code_list_leaves()
    assert res.source.id == "icd10cm" and res.source.effective == "2026-04-01"
