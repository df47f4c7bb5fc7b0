"""What a coder expects from words in a note: combination codes, default codes, history rules,
abbreviations, and the cached phrase index (fast start, no note text on disk)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from codetui.detect import Detector, Finding
from codetui.detect import phrases as phrases_mod
from codetui.detect.text import default_type_2
from codetui.store import CodeStore

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "detect" / "coding_store.json"
REAL_STORE = ROOT / "data" / "codes.json"


@pytest.fixture(scope="module")
def det() -> Detector:
    return Detector(CodeStore.from_tables(json.loads(FIXTURE.read_text(encoding="utf-8"))))


def top(found: list[Finding], rank: int = 3, status: str = "current") -> list[str]:
    return [f.code for f in found if f.status == status and f.rank <= rank]


def listed(found: list[Finding]) -> list[str]:
    return [f.code for f in found if f.rank <= 3]


# ---- the "with" convention: a combination code over its pieces --------------------------------
def test_diabetes_with_neuropathy_is_the_combination_code(det: Detector) -> None:
    found = det.detect("Hx of type 2 diabetes with neuropathy, on gabapentin.")
    assert top(found, rank=1) == ["E11.40"]
    assert not {"E11", "G62.9", "E11.9", "Z87.898"} & set(listed(found))


def test_untyped_diabetes_is_type_2(det: Detector) -> None:
    assert "E11.22" in top(det.detect("Diabetes with chronic kidney disease."), rank=1)


@pytest.mark.parametrize("text,typed", [
    ("Diabetes with CKD", False), ("dm, diet controlled", False), ("Type 2 diabetes", True),
    ("type II diabetes", True), ("gestational diabetes", True), ("diabetes insipidus", True),
    ("prediabetes", True), ("diabetes mellitus type 1", True), ("Type 1 DM", True),
])
def test_only_untyped_diabetes_gets_type_2(text: str, typed: bool) -> None:
    assert (default_type_2(text, 0, len(text)) == []) is typed


def test_hypertension_with_ckd_gives_i12_and_keeps_the_stage(det: Detector) -> None:
    found = det.detect("Hypertension with chronic kidney disease stage 4.")
    assert {"I12.9", "N18.4"} <= set(top(found, rank=1))
    assert "I10" not in listed(found)  # the combination replaces the hypertension code ...
    found = det.detect("HTN and CHF.")
    assert {"I11.0", "I50.9"} <= set(top(found, rank=1))  # ... but not the heart failure


# ---- default codes and noise -------------------------------------------------------------------
def test_bare_pneumonia_is_unspecified_organism_unless_the_organism_is_named(det: Detector) -> None:
    assert top(det.detect("Pneumonia, started azithromycin."), rank=1) == ["J18.9"]
    assert top(det.detect("Pneumonia due to Pseudomonas."), rank=1) == ["J15.1"]


def test_htn_is_i10_without_pulmonary_hypertension(det: Detector) -> None:
    found = det.detect("HTN, on lisinopril.")
    assert top(found, rank=1) == ["I10"] and "I27.23" not in listed(found)


def test_neck_of_femur_is_not_the_neck(det: Detector) -> None:
    found = det.detect("Closed fracture of the neck of right femur.")
    assert top(found, rank=1) == ["S72.001"]
    assert "S12.9" not in listed(found) and "S72.91" not in listed(found)
    assert "7th character" in next(f for f in found if f.code == "S72.001").note


def test_abbreviation_words_stay_together(det: Detector) -> None:
    found = det.detect("CHF and CKD, stable.")
    assert "N19" not in listed(found)  # not "kidney failure" from CKD + the failure of CHF
    assert {"I50.9", "N18.9"} <= set(top(found, rank=1))


def test_chf_is_not_a_pregnancy_code(det: Detector) -> None:
    assert not [c for c in listed(det.detect("CHF exacerbation.")) if c.startswith("O")]


# ---- history ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,code", [
    ("Hx of COPD, stable.", "J44.9"), ("h/o htn.", "I10"), ("History of CHF.", "I50.9"),
    ("History of CKD stage 4.", "N18.4"),
])
def test_history_of_a_chronic_condition_is_current(det: Detector, text: str, code: str) -> None:
    found = det.detect(text)
    assert code in top(found, rank=1)
    assert "Z87.898" not in listed(found)


def test_history_of_resolved_conditions_gives_the_history_code(det: Detector) -> None:
    found = det.detect("History of stroke.")
    assert "Z86.73" in top(found, rank=1) and "I63.9" not in top(found)
    found = det.detect("History of MI.")
    assert "I25.2" in top(found, rank=1) and "I21.9" not in top(found)


def test_unmapped_history_gives_no_catch_all_z_code(det: Detector) -> None:
    found = det.detect("History of appendicitis as a child.")
    assert "Z87.898" not in listed(found)
    assert "K37" not in top(found)  # still history, not a current condition


def test_history_of_dka_is_history_not_current_diabetes(det: Detector) -> None:
    found = det.detect("History of type 2 diabetes with ketoacidosis.")
    assert not [c for c in top(found) if c.startswith("E11.1")]


# ---- the cached phrase index ---------------------------------------------------------------------
def _file_store(tmp_path: Path) -> Path:
    tables = json.loads(FIXTURE.read_text(encoding="utf-8"))
    db = {name: {str(i): doc for i, doc in enumerate(docs, 1)} for name, docs in tables.items()}
    db["meta"] = {"1": {"id": "_store", "schema": 1}}
    path = tmp_path / "codes.json"
    path.write_bytes(orjson.dumps(db))
    return path


def test_cached_index_gives_the_same_findings_and_holds_no_note_text(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("CODETUI_CACHE", str(cache))
    (cache).mkdir()
    path = _file_store(tmp_path)
    st = path.stat()
    v = phrases_mod.INDEX_VERSION
    (cache / "detect-phrases-v5-1-2.json").write_text("[]")  # an old layout: removed
    (cache / f"detect-phrases-v{v}-0badc0de-{st.st_size}-{int(st.st_mtime)}.sqlite").write_text("")  # old rules
    other = cache / f"detect-phrases-v{v}-0badc0de-1-2.sqlite"  # another store's index: kept
    other.write_text("")
    store = CodeStore.open(path, cache_dir=cache)
    note = "Hx of type 2 diabetes with neuropathy, Zebulon Quaxley. HTN and CHF. Pneumonia."
    built = Detector(store).detect(note)
    files = sorted(cache.glob("detect-phrases-*"))
    assert len(files) == 2 and other in files and all(f.suffix == ".sqlite" for f in files)

    memory = Detector(CodeStore.from_tables(json.loads(FIXTURE.read_text(encoding="utf-8"))))
    assert memory.detect(note) == built

    def no_rebuild(store: object) -> list[phrases_mod.Phrase]:
        raise AssertionError("the cached index was rebuilt")

    monkeypatch.setattr(phrases_mod, "phrases_from", no_rebuild)
    assert Detector(store).detect(note) == built
    for f in cache.iterdir():
        assert b"Zebulon" not in f.read_bytes() and b"Quaxley" not in f.read_bytes()


def test_broken_cached_index_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("CODETUI_CACHE", str(cache))
    store = CodeStore.open(_file_store(tmp_path), cache_dir=cache)
    Detector(store).detect("warm")
    (index,) = cache.glob("detect-phrases-*")
    index.write_bytes(b"not a database")
    assert "I10" in top(Detector(store).detect("HTN."), rank=1)
    assert index.read_bytes().startswith(b"SQLite format 3")


# ---- the shipped store ---------------------------------------------------------------------------
@pytest.mark.skipif(not REAL_STORE.exists(), reason="data/codes.json not built")
@pytest.mark.parametrize("text,code", [
    ("Hx of type 2 diabetes with neuropathy and htn.", "E11.40"),
    ("Pneumonia.", "J18.9"), ("UTI.", "N39.0"), ("CHF.", "I50.9"), ("COPD.", "J44.9"),
    ("Hyperlipidemia.", "E78.5"), ("Low back pain.", "M54.50"), ("Headache.", "R51.9"),
    ("Closed fracture of the neck of right femur.", "S72.001"),
    ("Hypertension with chronic kidney disease stage 3.", "I12.9"),
    ("History of DVT.", "Z86.718"), ("History of breast cancer.", "Z85.3"),
    ("CHF with reduced EF.", "I50.20"),
    ("Hx of COPD and CHF, presents with productive cough.", "R05.9"),  # not COPD's "chronic" cough
])
def test_real_store_first_choice(text: str, code: str) -> None:
    found = _real().detect(text)
    assert code in top(found, rank=1), [(f.code, f.rank, f.status) for f in found]
    assert not {"Z87.898", "I27.23", "S12.9"} & set(listed(found))


@pytest.mark.skipif(not REAL_STORE.exists(), reason="data/codes.json not built")
def test_real_store_depression_is_unspecified() -> None:
    assert {"F32.A", "F32.9"} & set(top(_real().detect("Depression, on sertraline."), rank=1))


@pytest.mark.skipif(not REAL_STORE.exists(), reason="data/codes.json not built")
def test_real_store_plain_diabetes_is_not_in_remission() -> None:
    found = _real().detect("Type 2 diabetes, on metformin.")
    assert [c for c in top(found, rank=1) if c.startswith("E")] == ["E11.9"] and "E11.A" not in listed(found)
    assert "Z79.84" in top(found, rank=1)  # E11's "use additional code": oral hypoglycemic


_REAL: list[Detector] = []


def _real() -> Detector:
    if not _REAL:
        _REAL.append(Detector(CodeStore.open(REAL_STORE)))
    return _REAL[0]


@pytest.mark.skipif(not REAL_STORE.exists(), reason="data/codes.json not built")
def test_cli_reads_the_cached_index(tmp_path: Path) -> None:
    """A second process uses the SQLite index (built by the first) and prints the same."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "CODETUI_CACHE": str(tmp_path)}
    args = [sys.executable, "-m", "codetui", "detect", "--store", str(REAL_STORE), "-", "--json"]
    note = "Hx of type 2 diabetes with neuropathy.\n"
    first = subprocess.run(args, input=note, capture_output=True, text=True, env=env, check=True)
    assert list(tmp_path.glob("detect-phrases-*.sqlite"))
    second = subprocess.run(args, input=note, capture_output=True, text=True, env=env, check=True)
    assert first.stdout == second.stdout and '"E11.40"' in second.stdout
