"""ICD-10-CM index tables importer (Neoplasm, Drugs, External Cause) on fixtures and real data."""

from __future__ import annotations

from pathlib import Path

import pytest

from codetui.importers import icd10cm_index
from codetui.importers.base import ImportError_, Rejects

FIXTURE_RAW = Path(__file__).parent / "fixtures" / "icd10cm" / "raw"
REAL_RAW = (Path(__file__).resolve().parents[2] / "shared" / "data" / "raw")


def _by_term(table: dict[str, dict]) -> dict[str, dict]:
    return {d["term"]: d for d in table.values()}


@pytest.fixture(scope="module")
def loaded():
    rejects = Rejects()
    (res,) = icd10cm_index.load(FIXTURE_RAW, rejects)
    return res.tables["terms"], rejects


def test_neoplasm_paths_and_columns(loaded):
    table, _ = loaded
    terms = _by_term(table)
    row = terms["Neoplasm, breast, upper-outer quadrant"]
    assert row["source"] == "neoplasm"
    # "-" cells mean no code; undotted codes are dotted; trailing "-" kept as printed
    assert row["codes"] == {"Malignant Primary": "C50.4-", "Malignant Secondary": "C79.81"}
    assert terms["Neoplasm, breast (connective tissue) (soft parts)"]["codes"]["Ca in situ"] == "D05.-"
    assert terms["Neoplasm, neoplastic"]["codes"]["Malignant Primary"] == "C80.1"


def test_drug_table_and_see_reference(loaded):
    table, _ = loaded
    terms = _by_term(table)
    assert terms["Acetaminophen"]["codes"]["Adverse effect"] == "T39.1X5"
    acid = terms["Acid (corrosive) NEC"]
    assert "Adverse effect" not in acid["codes"]  # "--" is no code
    assert terms["Acid NEC, boric"] == {**terms["Acid NEC, boric"], "codes": {}, "see": "Boric acid"}


def test_external_cause_codes(loaded):
    table, _ = loaded
    terms = _by_term(table)
    assert terms["Fall, falling, from, ladder"]["codes"] == {"code": "W11"}
    assert terms["Fall, falling (accidental)"]["codes"] == {"code": "W19"}
    assert terms["Fall, falling, lightning"]["codes"] == {"subcat": "T75.0"}
    # "from" has no code and no cross-reference: not a document of its own
    assert "Fall, falling, from" not in terms


def test_keys_are_sorted_zero_padded_sequence(loaded):
    table, _ = loaded
    keys = list(table)
    assert keys == sorted(keys) and all(len(k) == len(keys[0]) for k in keys)
    order = [(d["source"], d["term"].casefold()) for d in table.values()]
    assert order == sorted(order)


def test_bad_rows_rejected_with_line(loaded):
    table, rejects = loaded
    text = sorted(str(r) for r in rejects.items)
    assert text[0].startswith("icd10cm_eindex_2023.xml:21:")
    assert text[1].startswith("icd10cm_neoplasm_2023.xml:30:") and "not-a-code" in text[1]
    assert len(rejects) == 2
    assert "Neoplasm, breast, bogus row" not in _by_term(table)


def test_missing_file_is_an_import_error(tmp_path):
    with pytest.raises(ImportError_):
        icd10cm_index.load(tmp_path, Rejects())


@pytest.mark.skipif(not (REAL_RAW / icd10cm_index.FOLDER).is_dir(), reason="raw index tables absent")
def test_real_index_tables():
    rejects = Rejects()
    (res,) = icd10cm_index.load(REAL_RAW, rejects)
    terms = _by_term(res.tables["terms"])
    assert len(rejects) == 0
    assert terms["Neoplasm, breast, upper-outer quadrant"]["codes"]["Malignant Primary"] == "C50.4-"
    assert terms["Acetaminophen"]["codes"]["Poisoning Accidental (unintentional)"] == "T39.1X1"
    assert terms["Fall, falling, from, off, out of, ladder"]["codes"] == {"code": "W11"}
    assert len(terms) > 15_000
