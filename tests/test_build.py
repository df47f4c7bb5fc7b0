"""``codetui build``: deterministic, atomic, and the shipped store is what the importers build."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from conftest import RAW_DIR, SHIPPED_STORE

from codetui import build as build_mod
from codetui.importers.base import ImportResult, Rejects, SourceMeta


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.skipif(not RAW_DIR.is_dir(), reason="official raw files not staged on this machine")
def test_build_from_raw_reproduces_shipped_store(tmp_path: Path) -> None:
    log = io.StringIO()
    out = build_mod.build(RAW_DIR, tmp_path, log=log)
    assert sha(out) == sha(SHIPPED_STORE), "data/codes.json is not what `codetui build` produces"
    for companion in ("practitioner.ptp", "opps.ptp"):
        assert sha(tmp_path / "ptp" / companion) == sha(SHIPPED_STORE.parent / "ptp" / companion)
    text = log.getvalue()
    assert "icd10cm" in text and "rejected" in text


def _fake_importer(rows: dict[str, dict], fail: bool = False):
    def load(raw_dir: Path, rejects: Rejects) -> list[ImportResult]:
        if fail:
            raise RuntimeError("importer crashed half-way")
        res = ImportResult(SourceMeta("fake", "Fake source", "Test", "r1", rows=len(rows)))
        for code, block in rows.items():
            res.put("hcpcs", code, "mpfs", block)
        return [res]

    return load


def test_build_is_deterministic_and_merges(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import types

    mod = types.SimpleNamespace(load=_fake_importer({"99214": {"status": "A", "src": "fake"},
                                                     "99213": {"status": "A", "work": 0.0, "note": ""}}))
    monkeypatch.setattr(build_mod.importlib, "import_module", lambda name: mod)
    monkeypatch.setattr(build_mod, "IMPORTERS", ("fake",))
    raw = tmp_path / "raw"
    raw.mkdir()
    a = build_mod.build(raw, tmp_path / "a", log=io.StringIO())
    b = build_mod.build(raw, tmp_path / "b", log=io.StringIO())
    assert a.read_bytes() == b.read_bytes()
    text = a.read_text()
    assert '"note"' not in text  # empty values pruned
    assert '"work":0.0' in text  # zero kept
    assert text.index('"99213"') < text.index('"99214"')  # sorted by key


def test_failed_build_leaves_previous_store_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import types

    out = tmp_path / "out"
    out.mkdir()
    (out / "codes.json").write_text("previous store", encoding="utf-8")
    mod = types.SimpleNamespace(load=_fake_importer({}, fail=True))
    monkeypatch.setattr(build_mod.importlib, "import_module", lambda name: mod)
    monkeypatch.setattr(build_mod, "IMPORTERS", ("fake",))
    (tmp_path / "raw").mkdir()
    with pytest.raises(RuntimeError):
        build_mod.build(tmp_path / "raw", out, log=io.StringIO())
    assert (out / "codes.json").read_text(encoding="utf-8") == "previous store"
    assert [p.name for p in out.iterdir()] == ["codes.json"]  # no temp files left


def test_build_missing_raw_dir_one_line(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="raw data folder not found"):
        build_mod.build(tmp_path / "nope", tmp_path, log=io.StringIO())
