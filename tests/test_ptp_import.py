"""CMS quarterly PTP text files -> user companion; flattened shipped copy -> build companion."""

from __future__ import annotations

import lzma
import zipfile
from pathlib import Path

import pytest

from codetui.importers import ncci_ptp
from codetui.importers.base import ImportError_, Rejects
from codetui.ptp import PtpDatabase
from codetui.ptp_import import detect_setting, import_ptp_files, release_from_name

FIX = Path(__file__).parent / "fixtures" / "ncci"
PRA = FIX / "ccipra-v302r0-f1.txt"
OPH = FIX / "ccioph-v303r0-f1.txt"


def test_release_and_setting_come_from_cms_file_names():
    assert release_from_name("ccipra-v302r0-f1.txt") == (
        "NCCI PTP v30.2 r0, 2024 Q3 (effective 2024-07-01)",
        "2024-07-01",
    )
    assert release_from_name("ccioph_v321r1_f4.TXT")[1] == "2026-04-01"
    assert release_from_name("edits.txt") == ("", "")
    assert detect_setting("ccipra-v302r0-f1.txt") == "practitioner"
    assert detect_setting("CCIOPH-v302r0-f2.txt") == "opps"
    assert detect_setting("edits.txt") is None


def test_import_writes_a_companion_the_database_reads(tmp_path: Path):
    summary = import_ptp_files([PRA, OPH], tmp_path)
    assert "Imported 7 practitioner PTP edits" in summary and "v30.2 r0" in summary
    assert "Imported 4 opps PTP edits" in summary
    db = PtpDatabase.open(None, tmp_path)
    assert db.release("practitioner").startswith("NCCI PTP v30.2 r0, 2024 Q3")
    assert db.release("opps").startswith("NCCI PTP v30.3 r0, 2024 Q4")
    edits = db.edits_for("99213", "practitioner")
    assert [(e.col1, e.effective, e.deleted, e.modifier) for e in edits] == [
        ("96413", "2020-01-01", "", "1"),
        ("96413", "2010-01-01", "2019-12-31", "1"),
    ]
    old, new = db.pair("29877", "29881"), db.edits_for("29881")
    assert (old.modifier, old.deleted, old.effective) == ("0", "", "2002-01-01")
    assert {e.modifier for e in new} == {"0", "9"}  # pre-1996 row kept with its 1996 effective date


def test_bad_rows_are_named_by_file_and_line(tmp_path: Path):
    summary = import_ptp_files([PRA], tmp_path)
    assert "4 rows rejected" in summary
    for line, reason in (
        (13, "modifier indicator '3'"),
        (14, "bad date"),
        (15, "7 tab-separated"),
        (16, "bad code pair"),
    ):
        assert f"ccipra-v302r0-f1.txt:{line}: " in summary and reason in summary
    assert "only f1 given" in summary


def test_zip_download_and_forced_setting(tmp_path: Path):
    z = tmp_path / "ptp.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.write(FIX / "ptp-edits-unnamed.txt", "ptp-edits-unnamed.txt")
    with pytest.raises(ImportError_, match="pass --setting"):
        import_ptp_files([z], tmp_path / "u")
    summary = import_ptp_files([z], tmp_path / "u", setting="hospital")
    assert "Imported 1 opps PTP edits" in summary
    assert PtpDatabase.open(None, tmp_path / "u").pair("64483", "10060", "opps").modifier == "0"


def test_not_a_ptp_file_is_refused(tmp_path: Path):
    bogus = tmp_path / "ccipra-v302r0-f1.txt"
    bogus.write_text("hello\nworld\n")
    with pytest.raises(ImportError_, match="no 'Column 1' header"):
        import_ptp_files([bogus], tmp_path)
    with pytest.raises(ImportError_, match="not found"):
        import_ptp_files([tmp_path / "missing.txt"], tmp_path)


def test_cli_import_ptp(tmp_path: Path, monkeypatch, capsys):
    """``codetui import ptp`` (the subcommand module, without building the whole CLI)."""
    from codetui.cli import ArgumentParser
    from codetui.commands import import_

    def main(argv: list[str]) -> int:
        parser = ArgumentParser(prog="codetui")
        import_.add_arguments(parser)
        return import_.run(parser.parse_args(argv[1:]))

    monkeypatch.setenv("CODETUI_HOME", str(tmp_path))
    assert main(["import", "ptp", str(PRA)]) == 0
    assert "Imported 7 practitioner PTP edits" in capsys.readouterr().out
    assert (tmp_path / "ptp" / "practitioner.ptp").is_file()
    assert main(["import", "ptp", str(FIX / "ptp-edits-unnamed.txt")]) == 2
    assert "--setting" in capsys.readouterr().err


def _flat_raw(tmp_path: Path) -> Path:
    folder = tmp_path / ncci_ptp.FOLDER
    folder.mkdir(parents=True)
    for setting, (name, _) in ncci_ptp.FILES.items():
        src = FIX / f"ptp_flat_{setting}.csv"
        (folder / name).write_bytes(lzma.compress(src.read_bytes()))
    return tmp_path


def test_build_importer_writes_companions_not_records(tmp_path: Path):
    rejects = Rejects()
    results = ncci_ptp.load(_flat_raw(tmp_path), rejects)
    assert [r.source.id for r in results] == ["ncci_ptp_practitioner", "ncci_ptp_opps"]
    assert all(not r.tables for r in results)
    prac = results[0]
    assert prac.source.rows == 6 and set(prac.companions) == {"ptp/practitioner.ptp"}
    assert {(r.line, r.reason.split(" ")[1]) for r in rejects.items} == {
        (8, "code"),
        (9, "modifier"),
        (10, "date"),
    }
    data = tmp_path / "data"
    for r in results:
        for rel, blob in r.companions.items():
            (data / rel).parent.mkdir(parents=True, exist_ok=True)
            (data / rel).write_bytes(blob)
    db = PtpDatabase.open(data, None)
    assert (
        db.pair("64483", "10060").modifier == "0"
        and db.pair("29877", "29881", "opps").modifier == "0"
    )
    assert "2024 Q3" in db.release("opps")


def test_wrong_flattened_header_is_refused(tmp_path: Path):
    raw = _flat_raw(tmp_path)
    name = ncci_ptp.FILES["practitioner"][0]
    (raw / ncci_ptp.FOLDER / name).write_bytes(lzma.compress(b"a,b,c\n1,2,3\n"))
    with pytest.raises(ImportError_, match="unexpected header"):
        ncci_ptp.load(raw, Rejects())
