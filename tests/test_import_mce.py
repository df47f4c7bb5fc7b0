"""MCE definitions importer: diagnosis edit flags parsed out of the CMS manual text."""

from __future__ import annotations

from pathlib import Path

import pytest

from codetui.importers import mce
from codetui.importers.base import ImportError_, Rejects

FIXTURE_RAW = Path(__file__).parent / "fixtures" / "icd10cm" / "raw"
REAL_RAW = (Path(__file__).resolve().parents[2] / "shared" / "data" / "raw")


@pytest.fixture(scope="module")
def loaded():
    rejects = Rejects()
    (res,) = mce.load(FIXTURE_RAW, rejects)
    return res.tables["icd10cm"], rejects


def test_flags_by_edit_section(loaded):
    recs, _ = loaded
    assert recs["E11.42"]["mce"] == ["age conflict: perinatal/newborn only (age 0)"]
    assert recs["E11.9"]["mce"] == ["age conflict: adult only (age 15-124)"]
    assert recs["R29.700"]["mce"] == ["unacceptable principal dx"]
    assert recs["Z51.89"]["mce"] == ["unacceptable principal dx unless a secondary dx is coded"]


def test_manifestation_codes_marked(loaded):
    recs, _ = loaded
    assert recs["G63"] == {"mce": [mce.MANIFESTATION], "manifestation": True}
    assert "manifestation" not in recs["E11.9"]


def test_toc_procedures_and_change_lists_ignored(loaded):
    recs, _ = loaded
    assert "10D.00Z0" not in recs  # ICD-10-PCS procedure under a diagnosis edit's sublist
    assert "E11.40" not in recs  # listed only in chapter 2 (removed codes)


def test_retired_code_rejected_with_line(loaded):
    recs, rejects = loaded
    assert [str(r) for r in rejects.items] == [
        "Definitions of Medicare Code Edits_v_43_1.txt:14: H81.41 is not in the April 2026 ICD-10-CM"
    ]
    assert "H81.41" not in recs


def test_missing_file_is_an_import_error(tmp_path):
    with pytest.raises(ImportError_):
        mce.load(tmp_path, Rejects())


@pytest.mark.skipif(not (REAL_RAW / mce.FOLDER).is_dir(), reason="raw MCE definitions absent")
def test_real_mce():
    rejects = Rejects()
    (res,) = mce.load(REAL_RAW, rejects)
    recs = res.tables["icd10cm"]
    assert len(rejects) == 0
    manifest = {k for k, r in recs.items() if r.get("manifestation")}
    assert {"G63", "D63.0"} <= manifest and len(manifest) == 422
    assert "questionable admission (as principal dx)" in recs["E11.9"]["mce"]
    assert "age conflict: perinatal/newborn only (age 0)" in recs["A33"]["mce"]
