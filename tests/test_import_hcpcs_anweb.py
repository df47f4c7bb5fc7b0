"""HCPCS Level II ANWEB importer: fixture in CMS's CSV layout, plus the real file when present."""

from __future__ import annotations

from pathlib import Path

import pytest

from codetui.importers import hcpcs_anweb
from codetui.importers.base import ImportError_, Rejects

FIXTURES = Path(__file__).parent / "fixtures" / "hcpcs"
RAW = (Path(__file__).resolve().parents[2] / "shared" / "data" / "raw")
FILE = "HCPC2025_OCT_ANWEB.csv"


@pytest.fixture(scope="module")
def loaded() -> tuple[dict, Rejects, object]:
    rejects = Rejects()
    (result,) = hcpcs_anweb.load(FIXTURES, rejects)
    return result.tables, rejects, result.source


def test_level2_code_block_has_cms_fields(loaded) -> None:
    tables, _, _ = loaded
    block = tables["hcpcs"]["J9045"]["anweb"]
    assert block["long"] == "Injection, carboplatin, 50 mg"
    assert block["short"] == "Carboplatin injection"
    assert block["price"] == ["51"]
    assert block["tos"] == ["1", "P"]
    assert block["betos"] == "O1D"
    assert block["cov"] == "D"
    assert block["added"] == "1990-01-01"
    assert block["action_eff"] == "2009-01-01"
    assert block["src"] == "hcpcs_anweb"
    assert "anest_bu" not in block  # CMS's "  0" on every Level II row carries no information


def test_terminated_code_keeps_its_end_date_and_crosswalk(loaded) -> None:
    block = loaded[0]["hcpcs"]["C9014"]["anweb"]
    assert block["term"] == "2018-12-31"
    assert block["xref"] == ["J0567"]


def test_lab_code_keeps_certification_list(loaded) -> None:
    assert loaded[0]["hcpcs"]["G0431"]["anweb"]["labcert"] == ["340"]


def test_modifier_rows_go_to_modifiers_table_with_cms_title(loaded) -> None:
    tables, _, _ = loaded
    xe = tables["modifiers"]["XE"]  # the file pads it as "   XE"
    assert xe["system"] == "HCPCS"
    assert xe["title"].startswith("Separate encounter")
    assert xe["anweb"]["added"] == "2015-01-01"
    assert "XE" not in tables["hcpcs"]


def test_cp1252_byte_is_decoded(loaded) -> None:
    assert loaded[0]["hcpcs"]["J9999"]["anweb"]["long"] == "Injection, invented drug \u2013 test fixture, 1 mg"


def test_bad_rows_are_rejected_with_file_line_and_reason(loaded) -> None:
    tables, rejects, source = loaded
    got = {(r.file, r.line): r.reason for r in rejects.items}
    assert set(got) == {(FILE, 10), (FILE, 11), (FILE, 12)}
    assert "columns" in got[(FILE, 10)]
    assert "ADD DT" in got[(FILE, 11)]
    assert "RECID" in got[(FILE, 12)]
    for code in ("J9998", "J9997", "J9996"):
        assert code not in tables["hcpcs"]
    assert source.rows == 8  # 2 modifiers + 6 codes


def test_source_meta(loaded) -> None:
    source = loaded[2]
    assert (source.id, source.publisher, source.effective) == ("hcpcs_anweb", "CMS", "2025-10-01")
    assert source.release == "HCPCS Level II October 2025 quarterly update"
    assert source.files == [FILE]


def test_missing_folder_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(ImportError_, match="HCPC"):
        hcpcs_anweb.load(tmp_path, Rejects())


@pytest.mark.skipif(not (RAW / hcpcs_anweb.FOLDER).is_dir(), reason="raw data folder absent")
def test_real_file() -> None:
    rejects = Rejects()
    (result,) = hcpcs_anweb.load(RAW, rejects)
    assert "carboplatin" in result.tables["hcpcs"]["J9045"]["anweb"]["long"].lower()
    assert "XE" in result.tables["modifiers"]
    assert len(result.tables["hcpcs"]) == 8463
    assert len(result.tables["modifiers"]) == 383
    assert len(rejects) == 0
