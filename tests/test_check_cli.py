"""``codetui check`` and ``codetui ask`` as commands: exit codes, messages, JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "check"))
from fixture_store import PTP_ROWS, TABLES

from codetui.commands import ask as ask_cmd
from codetui.commands import check as check_cmd
from codetui.ptp import write_companion
from codetui.storage import write_store


@pytest.fixture()
def store_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CODETUI_HOME", str(tmp_path / "home"))
    tables = {name: {str(d.get("id", d.get("code"))): d for d in docs} for name, docs in TABLES.items()}
    path = tmp_path / "data" / "codes.json"
    write_store(path, tables)
    (path.parent / "ptp").mkdir()
    (path.parent / "ptp" / "practitioner.ptp").write_bytes(
        write_companion(PTP_ROWS, setting="practitioner", release="2024Q3 (test)"))
    return path


def invoke(module, store_path: Path, argv: list[str]) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--store")
    module.add_arguments(p)
    return module.run(p.parse_args(["--store", str(store_path), *argv]))


def test_exit_codes(store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert invoke(check_cmd, store_path, ["96413", "96417x2", "--dos", "2026-04-15"]) == 0
    assert "Clean" in capsys.readouterr().out
    assert invoke(check_cmd, store_path, ["96417x4", "--dos", "2026-04-15"]) == 1
    out = capsys.readouterr().out
    assert "aoc.no-primary" in out and "mue.exceeded" in out and "NCCI MUE, 2026Q2" in out
    assert invoke(check_cmd, store_path, ["96417x", "--dos", "2026-04-15"]) == 2
    assert "'96417x'" in capsys.readouterr().err


def test_json_output(store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc = invoke(check_cmd, store_path, ["27447", "20610-59", "--dx", "E11", "--json", "--dos", "2026-04-15"])
    doc = json.loads(capsys.readouterr().out)
    assert rc == 1 and not doc["clean"]
    assert {f["rule"] for f in doc["findings"]} == {"ptp.never-together", "icd.header"}
    assert doc["claim"]["lines"][1] == {"line": 2, "code": "20610", "units": 1, "modifiers": ["59"]}


def test_file_input(store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    claim = tmp_path / "claim.txt"
    claim.write_text("96413\n96417 x2\n", encoding="utf-8")
    assert invoke(check_cmd, store_path, ["--file", str(claim)]) == 2  # "x2" alone is not a line
    assert "'x2'" in capsys.readouterr().err
    claim.write_text("96413\n96417x2\ndx: C50.911\n", encoding="utf-8")
    assert invoke(check_cmd, store_path, ["--file", str(claim), "--json"]) == 1  # C50.911 unknown here
    assert json.loads(capsys.readouterr().out)["findings"][0]["rule"] == "icd.unknown"


def test_ask_command(store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert invoke(ask_cmd, store_path, ["is", "96417", "an", "add-on", "code"]) == 0
    out = " ".join(capsys.readouterr().out.split())  # undo line wrapping
    assert out.startswith("Yes") and "NCCI add-on code edits, 2026Q2" in out
    assert invoke(ask_cmd, store_path, ["what is 12345", "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["answered"] is False


def test_bad_token_in_a_file_names_file_and_line(store_path: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    claim = tmp_path / "claim.txt"
    claim.write_text("96413  # first line\n\n96417x0\n", encoding="utf-8")
    assert invoke(check_cmd, store_path, ["--file", str(claim)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{claim}:3: '96417x0': units must be" in err


def test_text_output_fits_80_columns(store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert invoke(check_cmd, store_path, ["27447", "20610-59", "96417x4", "--dx", "E11",
                                          "--dos", "2026-04-15"]) == 1
    out = capsys.readouterr().out
    assert "ptp.never-together" in out and "mue.exceeded" in out
    assert max(len(line) for line in out.splitlines()) <= 80
