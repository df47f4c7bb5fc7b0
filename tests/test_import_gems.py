"""GEMs importer: ICD-10 -> ICD-9 on icd10cm records and the ICD-9 -> ICD-10 ``icd9`` table."""

from __future__ import annotations

from pathlib import Path

import pytest

from codetui.importers import gems
from codetui.importers.base import ImportError_, Rejects

FIXTURE_RAW = Path(__file__).parent / "fixtures" / "icd10cm" / "raw"
REAL_RAW = (Path(__file__).resolve().parents[2] / "shared" / "data" / "raw")


@pytest.fixture(scope="module")
def loaded():
    rejects = Rejects()
    (res,) = gems.load(FIXTURE_RAW, rejects)
    return res.tables["icd10cm"], res.tables["icd9"], rejects


def test_icd10_to_icd9_dotted(loaded):
    icd10cm, _, _ = loaded
    assert icd10cm["E11.42"]["gems"] == [
        {"code": "250.60", "flags": "10111"},
        {"code": "357.2", "flags": "10112"},
    ]
    assert icd10cm["S72.001A"]["gems"] == [{"code": "820.8", "flags": "10000"}]
    assert icd10cm["W11.XXXA"]["gems"][0]["code"] == "E881.0"  # E codes: dot after 4


def test_nodx_keeps_flags_without_code(loaded):
    icd10cm, icd9, _ = loaded
    assert icd10cm["R29.700"]["gems"] == [{"flags": "11000"}]
    assert icd9["799.9"]["icd10"] == [{"flags": "11000"}]


def test_icd9_table(loaded):
    _, icd9, _ = loaded
    assert icd9["001.0"]["icd10"] == [{"code": "A00.0", "flags": "00000"}]
    assert icd9["250.60"]["icd10"] == [{"code": "E11.40", "flags": "10000"}]
    assert icd9["V01.0"]["icd10"][0]["code"] == "Z20.09"  # V codes: dot after 3
    assert icd9["E800.0"]["icd10"][0]["code"] == "V81.2XXA"


def test_rejects_name_file_line_and_reason(loaded):
    icd10cm, icd9, rejects = loaded
    text = [str(r) for r in rejects.items]
    assert any(t.startswith("2018_I10gem.txt:6:") and "H81.41 is not in the April 2026" in t for t in text)
    assert any(t.startswith("2018_I10gem.txt:7:") and "3 fields" in t for t in text)
    assert any(t.startswith("2018_I10gem.txt:8:") and "bad target" in t for t in text)
    assert any(t.startswith("2018_I9gem.txt:6:") and "no-map" in t for t in text)
    assert len(rejects) == 4
    assert "H81.41" not in icd10cm and "E11.9" not in icd10cm and "799.8" not in icd9


def test_dot_rules():
    assert gems.dot_icd9("25060") == "250.60"
    assert gems.dot_icd9("E8000") == "E800.0"
    assert gems.dot_icd9("E849") == "E849"
    assert gems.dot_icd9("V010") == "V01.0"
    assert gems.dot_icd9("042") == "042"
    assert gems.dot_icd10("A0100") == "A01.00"


def test_missing_file_is_an_import_error(tmp_path):
    with pytest.raises(ImportError_):
        gems.load(tmp_path, Rejects())


@pytest.mark.skipif(not (REAL_RAW / gems.FOLDER).is_dir(), reason="raw GEMs absent")
def test_real_gems():
    rejects = Rejects()
    (res,) = gems.load(REAL_RAW, rejects)
    icd10cm, icd9 = res.tables["icd10cm"], res.tables["icd9"]
    assert {"code": "250.60", "flags": "10111"} in icd10cm["E11.42"]["gems"]
    assert icd9["250.60"]["icd10"][0]["code"] == "E11.40"
    assert "E800.0" in icd9 and "V01.0" in icd9
    # only ICD-10 codes retired after 2018 are dropped
    assert all("not in the April 2026" in r.reason for r in rejects.items)
    assert len(icd10cm) > 70_000 and len(icd9) > 14_000
