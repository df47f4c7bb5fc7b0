"""``codetui search``: readable lines at 80 columns, stable JSON, one-line errors and exit codes."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from search_fixture import write_fixture_store

from codetui.cli import main


@pytest.fixture()
def store_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CODETUI_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("CODETUI_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("COLUMNS", "80")
    return write_fixture_store(tmp_path)


def run(store: Path, *argv: str) -> int:
    return main(["--store", str(store), "search", *argv])


def test_human_output_fits_80_columns(store_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(store_file, "femur", "fracture") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(len(line) <= 80 for line in lines)
    assert lines[0].split()[:2] == ["S72.91XA", "ICD"]
    assert any(line.endswith("\u2026") for line in lines)  # long titles truncated with an ellipsis


def test_terminated_marked_and_cpt_without_descriptor(store_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(store_file, "irrigation supply") == 0
    out = capsys.readouterr().out
    assert "A4397     HCPCS [terminated] Irrigation" in out
    assert run(store_file, "chemotherapy", "--system", "CPT") == 0
    assert "96413     CPT   [CCS: Cancer chemotherapy]" in capsys.readouterr().out


def test_json_is_a_stable_list_of_hit_dicts(store_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(store_file, "copd", "--json", "--limit", "1") == 0
    data = orjson.loads(capsys.readouterr().out)
    assert [sorted(d) for d in data] == [
        ["billable", "code", "matched", "score", "system", "table", "terminated", "title"]
    ]
    assert data[0]["code"] == "J44.9" and data[0]["billable"] is True


def test_no_results_exit_1_one_line(store_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(store_file, "zzqx") == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no matches" in err


@pytest.mark.parametrize("value", ["icd", "ICD10CM", "icd-10-cm", "Mod", "modifier", "cpt", "HCPCS"])
def test_system_aliases(store_file: Path, value: str) -> None:
    assert run(store_file, "e", "--system", value) in (0, 1)


@pytest.mark.parametrize("argv", [["x", "--system", "snomed"], ["x", "--limit", "0"], ["x", "--limit", "501"]])
def test_bad_options_exit_2_one_line(store_file: Path, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        run(store_file, *argv)
    assert exc.value.code == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_system_filter_applies(store_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(store_file, "59", "--system", "mod", "--json") == 0
    assert [d["code"] for d in orjson.loads(capsys.readouterr().out)] == ["59"]


def test_missing_store_is_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CODETUI_CACHE", str(tmp_path / "cache"))
    assert run(tmp_path / "nope.json", "copd") == 2
    assert capsys.readouterr().err.count("\n") == 1
