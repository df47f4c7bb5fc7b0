"""Lab NCD importer: NCD table, back references on CPT and ICD-10-CM records, change marks."""

from __future__ import annotations

from pathlib import Path

import pytest

from codetui.importers import lab_ncd
from codetui.importers.base import Rejects

FIXTURES = Path(__file__).parent / "fixtures" / "labncd"
RAW = (Path(__file__).resolve().parents[2] / "shared" / "data" / "raw")


@pytest.fixture(scope="module")
def loaded():
    rejects = Rejects()
    [res] = lab_ncd.load(FIXTURES, rejects)
    return res, rejects


def test_ncd_table_lists_its_procedure_codes(loaded):
    res, _ = loaded
    assert res.tables["ncd"]["190.20A"]["title"] == "Blood Glucose Testing"
    assert res.tables["ncd"]["190.20A"]["hcpcs"] == ["82948", "82962"]
    assert res.tables["ncd"]["190.20A"]["other"] == "non-covered"
    assert res.tables["hcpcs"]["82947"]["lab_ncd"] == [
        {"src": "lab_ncd", "ncd": "190.20B", "title": "Blood Glucose Testing"}
    ]


def test_icd_back_references_are_dotted_with_status(loaded):
    icd = loaded[0].tables["icd10cm"]
    assert [(e["ncd"], e["status"]) for e in icd["E11.9"]["lab_ncd"]] == [
        ("190.20A", "covered"), ("190.20B", "covered")
    ]
    assert icd["R73.9"]["lab_ncd"][0]["status"] == "denied"
    assert icd["Z00.00"]["lab_ncd"][0]["status"] == "non-covered"
    assert icd["L98.A111"]["lab_ncd"][0]["changed"] is True
    assert icd["D72.10"]["lab_ncd"][0]["term"] == "2021-06-30"


def test_bad_rows_rejected(loaded):
    res, rejects = loaded
    assert [(r.line, r.reason) for r in rejects.items] == [
        (9, "190.20B: bad ICD-10-CM code '11E9'"),
        (10, "190.20B E1165: bad resolution code '7'"),
    ]
    assert "E11.65" not in res.tables["icd10cm"]


@pytest.mark.skipif(not (RAW / lab_ncd.FOLDER).is_dir(), reason="raw data absent")
def test_real_file():
    rejects = Rejects()
    [res] = lab_ncd.load(RAW, rejects)
    assert len(rejects) == 0 and res.source.rows == 66278
    assert len(res.tables["ncd"]) == 26
    assert sum(len(d["hcpcs"]) for d in res.tables["ncd"].values()) == 60
    assert any(e["ncd"] == "190.20A" for e in res.tables["icd10cm"]["E11.9"]["lab_ncd"])
    assert res.tables["hcpcs"]["83036"]["lab_ncd"][0]["ncd"] == "190.21B"
