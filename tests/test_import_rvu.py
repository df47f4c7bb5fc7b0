"""PPRRVU importer: banner lines, stacked headers, modifier rows, rejects, and the real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from codetui.importers import pfs_rvu
from codetui.importers.base import ImportResult, Rejects, csv_rows

FIXTURES = Path(__file__).parent / "fixtures" / "rvu"
RAW = (Path(__file__).resolve().parents[2] / "shared" / "data" / "raw")


def _load(raw: Path) -> tuple[list[ImportResult], Rejects]:
    rejects = Rejects()
    return pfs_rvu.load(raw, rejects), rejects


@pytest.fixture(scope="module")
def fixture_load() -> tuple[list[ImportResult], Rejects]:
    return _load(FIXTURES)


def test_newest_release_fills_mpfs_with_raw_indicators(fixture_load):
    results, _ = fixture_load
    newest = results[0]
    assert newest.source.id == "pfs_rvu"
    assert newest.source.effective == "2026-07-01"
    mpfs = newest.tables["hcpcs"]["96417"]["mpfs"]
    assert (mpfs["status"], mpfs["global"], mpfs["pctc"]) == ("A", "ZZZ", "5")
    assert mpfs["work"] == 0.21 and mpfs["total_f"] == 1.99 and mpfs["conv"] == 33.4009
    assert mpfs["f_na"] is True and "nf_na" not in mpfs
    assert mpfs["pric_ind"] == "9" and mpfs["src"] == "pfs_rvu"


def test_modifier_rows_nest_under_mods(fixture_load):
    hcpcs = fixture_load[0][0].tables["hcpcs"]
    mpfs = hcpcs["71046"]["mpfs"]
    assert set(mpfs["mods"]) == {"26", "TC"}
    assert mpfs["mods"]["TC"]["pe_nf"] == 0.68 and "work" not in mpfs["mods"]["TC"]
    assert mpfs["mods"]["26"]["work"] == 0.21
    assert set(hcpcs["45378"]["mpfs"]["mods"]) == {"53"}
    assert hcpcs["45378"]["mpfs"]["endo_base"] == "45378"
    assert hcpcs["45378"]["mpfs"]["intra"] == 0.8


def test_bad_rows_are_rejected_with_file_and_line(fixture_load):
    results, rejects = fixture_load
    got = {(r.file, r.line) for r in rejects.items}
    name = "PPRRVU2026_Jul_nonQPP.csv"
    assert got == {(name, 16), (name, 19), (name, 20)}
    reasons = " ".join(r.reason for r in rejects.items)
    assert "bad HCPCS code '9641'" in reasons and "'x.yz'" in reasons
    assert "45380" not in results[0].tables["hcpcs"] and "27447" not in results[0].tables["hcpcs"]
    assert results[0].source.rows == 9


def test_previous_release_reads_multiline_header_and_cp1252(fixture_load):
    prev = fixture_load[0][1]
    assert prev.source.id == "pfs_rvu_prev"
    hcpcs = prev.tables["hcpcs"]
    assert hcpcs["71046"]["mpfs_prev"]["work"] == 0.22
    assert hcpcs["71046"]["mpfs_prev"]["pctc"] == "1"  # from the quoted "PCTC\nIND" cell
    assert hcpcs["96417"]["mpfs_prev"]["conv"] == 32.3465
    assert "pric_ind" not in hcpcs["96417"]["mpfs_prev"]
    assert prev.source.rows == 4


def test_description_column_is_never_stored(fixture_load):
    dumped = json.dumps([r.tables for r in fixture_load[0]])
    assert "Invented" not in dumped and "Carboplatin" not in dumped


def test_missing_column_names_the_file(tmp_path):
    folder = tmp_path / "cms-pfs-rvu-2026c"
    folder.mkdir()
    (folder / "PPRRVU2026_Jul_nonQPP.csv").write_text("HCPCS,MOD,DESCRIPTION\n99213,,x\n")
    with pytest.raises(pfs_rvu.ImportError_, match="PPRRVU2026_Jul_nonQPP.csv.*status"):
        pfs_rvu.load(tmp_path, Rejects())


@pytest.mark.skipif(not (RAW / "cms-pfs-rvu-2026c").is_dir(), reason="raw data absent")
def test_real_files():
    results, rejects = _load(RAW)
    newest, prev = results
    assert newest.source.rows == 19356 and prev.source.rows == 19090 and len(rejects) == 0
    hcpcs = newest.tables["hcpcs"]
    assert len(hcpcs) == 17096
    mpfs = hcpcs["96417"]["mpfs"]
    assert (mpfs["status"], mpfs["global"], mpfs["pctc"]) == ("A", "ZZZ", "5")
    assert set(hcpcs["71046"]["mpfs"]["mods"]) == {"26", "TC"}
    assert hcpcs["J9045"]["mpfs"]["status"] == "E"
    assert prev.tables["hcpcs"]["96417"]["mpfs_prev"]["conv"] == 32.3465
    # the AMA short descriptor of 99213 (read from the file itself) appears nowhere
    path = RAW / "cms-pfs-rvu-2026c" / "PPRRVU2026_Jul_nonQPP.csv"
    desc = next(r[2] for _, r in csv_rows(path) if r and r[0] == "99213" and not r[1])
    assert len(desc) > 5
    assert desc not in json.dumps([r.tables for r in results])
