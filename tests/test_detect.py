"""ICD-10-CM detection on a small invented store: explicit codes, traps, words, context."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from codetui.detect import Detector, Finding
from codetui.store import CodeStore

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "detect" / "store.json"
REAL_STORE = ROOT / "data" / "codes.json"


@pytest.fixture(scope="module")
def det() -> Detector:
    tables = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return Detector(CodeStore.from_tables(tables))


def explicit(found: list[Finding]) -> list[str]:
    return [f.code for f in found if f.kind == "explicit"]


def current(found: list[Finding], rank: int = 3) -> list[str]:
    return [f.code for f in found if f.status == "current" and f.rank <= rank]


def test_codes_with_and_without_dot(det: Detector) -> None:
    assert explicit(det.detect("Dx: E11.22 and E1165; also I10.")) == ["E11.22", "E11.65", "I10"]


def test_invalid_code_is_not_invented(det: Detector) -> None:
    assert explicit(det.detect("Coded E11.99 and Q99.99 by mistake.")) == []


def test_hcpcs_is_not_read_as_icd(det: Detector) -> None:
    assert "G04.39" not in explicit(det.detect("AWV today, billed G0439."))
    assert explicit(det.detect("Dx G04.39 confirmed on MRI.")) == ["G04.39"]


def test_room_numbers_and_icd9_are_not_codes(det: Detector) -> None:
    assert explicit(det.detect("Moved to room C34 after the scan.")) == []
    assert explicit(det.detect("Old record: ICD-9 250.00, V45.81.")) == []
    assert explicit(det.detect("Malignancy coded C34 on the problem list.")) == ["C34"]


def test_header_code_lists_billable_children(det: Detector) -> None:
    (f,) = det.detect("Problem list: E11")
    assert not f.billable and "E11.9" in f.children and "header" in f.note


def test_code_needing_seventh_character_says_so(det: Detector) -> None:
    (f,) = [x for x in det.detect("Fracture coded S72.001 today.") if x.kind == "explicit"]
    assert dict(f.seventh)["A"] == "initial encounter for closed fracture"
    assert "7th character" in f.note


def test_words_to_codes_with_abbreviations_and_evidence(det: Detector) -> None:
    text = "Assessment: DM2 with hyperglycemia. HTN, stable."
    found = det.detect(text)
    assert "E11.65" in current(found, rank=1)
    assert "I10" in current(found)
    e = next(f for f in found if f.code == "E11.65")
    assert text[e.start:e.end].startswith("DM2") and 0 < e.confidence <= 1


@pytest.mark.parametrize("text", [
    "Denies chest pain.", "No chest pain today.", "Negative for chest pain.",
    "Rule out chest pain of cardiac origin.",
])
def test_negated_or_uncertain_is_not_current(det: Detector, text: str) -> None:
    found = det.detect(text)
    assert "R07.9" not in current(found)
    assert any(f.code == "R07.9" and f.status in ("negated", "uncertain") for f in found)


def test_negation_stops_at_but(det: Detector) -> None:
    assert "J18.9" in current(det.detect("No fever but pneumonia on x-ray."))


def test_family_history_becomes_z80(det: Detector) -> None:
    found = det.detect("Family history of colon cancer.")
    assert "Z80.0" in current(found, rank=1)
    assert "C18.9" not in current(found)


def test_personal_history_becomes_z85_and_old_mi(det: Detector) -> None:
    assert "Z85.46" in current(det.detect("History of prostate cancer, s/p prostatectomy."), rank=1)
    found = det.detect("History of MI.")
    assert "I25.2" in current(found, rank=1) and "I21.9" not in current(found)


def test_cli_json_lists_findings_with_evidence(tmp_path: Path) -> None:
    runner = (
        "import argparse, sys\n"
        "from codetui.commands import detect as d\n"
        "p = argparse.ArgumentParser(); p.add_argument('--store'); d.add_arguments(p)\n"
        "sys.exit(d.run(p.parse_args(sys.argv[1:])))\n"
    )
    tables = json.loads(FIXTURE.read_text(encoding="utf-8"))
    db = {name: {str(i): doc for i, doc in enumerate(docs, 1)} for name, docs in tables.items()}
    db["meta"] = {"1": {"id": "_store", "schema": 1}}
    store = tmp_path / "codes.json"
    store.write_bytes(orjson.dumps(db))
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "CODETUI_CACHE": str(tmp_path / "cache")}
    res = subprocess.run(
        [sys.executable, "-c", runner, "--store", str(store), "-", "--json"],
        input="Dx E11.9\x1b[2J. Denies chest pain.", capture_output=True, text=True, env=env, check=False,
    )
    assert res.returncode == 0, res.stderr
    data = orjson.loads(res.stdout)
    first = data["findings"][0]
    assert first["code"] == "E11.9" and first["evidence"] == "E11.9" and first["kind"] == "explicit"
    assert any(f["code"] == "R07.9" and f["status"] == "negated" for f in data["findings"])
    plain = subprocess.run(
        [sys.executable, "-c", runner, "--store", str(store), "-"],
        input="Dx E11.9\x1b[2J", capture_output=True, text=True, env=env, check=False,
    )
    assert "E11.9" in plain.stdout and "\x1b" not in plain.stdout


@pytest.mark.skipif(not REAL_STORE.exists(), reason="data/codes.json not built")
def test_real_store_g0439_and_family_history() -> None:
    d = Detector(CodeStore.open(REAL_STORE))
    assert "G04.39" not in explicit(d.detect("Billed G0439 for the AWV."))
    assert "Z80.0" in current(d.detect("Family history of colon cancer."), rank=1)
    assert "I10" in current(d.detect("htn, well controlled"))


@pytest.mark.parametrize("text", [
    "No history of MI.", "Denies prior MI.", "No known history of MI.", "No personal history of MI.",
])
def test_negated_history_is_neither_history_nor_a_z_code(det: Detector, text: str) -> None:
    found = det.detect(text)
    assert any(f.code == "I21.9" and f.status == "negated" for f in found), found
    assert not any(f.status == "history" for f in found)
    assert "I25.2" not in current(found)


def test_no_family_history_is_negated_not_family(det: Detector) -> None:
    found = det.detect("No family history of colon cancer.")
    assert "Z80.0" not in current(found)
    assert not any(f.status == "family" for f in found)


def test_written_code_settles_the_words_for_it(det: Detector) -> None:
    found = det.detect("DM2 with hyperglycemia, pneumonia. Assessment: E11.65")
    assert [f.code for f in found if f.code.startswith("E11")] == ["E11.65"]  # no E11.9 etc.
    assert "J18.9" in current(found)  # the other mention still stands


def test_cli_text_fits_80_columns(tmp_path: Path) -> None:
    from codetui.commands import detect as d

    long_title = "Type 2 diabetes mellitus with a long invented title " * 3
    f = Finding("E11.65", long_title.strip(), "implied", "current", 0, 3, 0.5, 1)
    import io

    out = io.StringIO()
    d._write(out, f"{f.code:<9} {f.kind:<8} {f.status:<9} {f.confidence:.2f}  {f.title}", "", " " * 35)
    d._write(out, "billable children: " + " ".join(["E11.3211"] * 30), d.INDENT)
    lines = out.getvalue().splitlines()
    assert len(lines) > 3 and max(len(x) for x in lines) <= 80
    assert lines[1].startswith(" " * 35) and lines[-1].startswith(d.INDENT)
