"""The shipped store: the seed example end to end, lookups in any spelling, read-only opening."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import RAW_DIR, REPO, SHIPPED_STORE

from codetui.storage import StoreError
from codetui.store import CodeStore


def run_cli(*args: str, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    import os

    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO / "src")
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "codetui", *args], capture_output=True, text=True,
                          env=env, timeout=120)


def test_seed_96417_record(shipped_store: CodeStore) -> None:
    rec = shipped_store.hcpcs("96417")
    assert rec is not None and rec["system"] == "CPT"
    assert rec["mpfs"]["status"] == "A"
    assert rec["mpfs"]["global"] == "ZZZ"
    assert rec["mpfs"]["pctc"] == "5"
    assert rec["mue"]["practitioner"]["value"] == 3
    assert {"primary": "96413", "type": 1} .items() <= next(
        e for e in rec["aoc"] if e["primary"] == "96413").items()
    assert rec["ccs"]["id"] == 224 and rec["ccs"]["label"] == "Cancer chemotherapy"


def test_seed_e1142_any_spelling(shipped_store: CodeStore) -> None:
    for spelling in ("E11.42", "e1142", " E11.42 ", "e11.42"):
        rec = shipped_store.icd(spelling)
        assert rec is not None and rec["code"] == "E11.42"
    rec = shipped_store.icd("E11.42")
    assert rec["parent"] == "E11.4"
    assert "Type 2 diabetes mellitus with diabetic neuralgia" in rec["inclusion"]
    assert rec["billable"] is True
    assert shipped_store.icd("E11")["billable"] is False


def test_hierarchy_and_ranges(shipped_store: CodeStore) -> None:
    assert "E11.42" in shipped_store.children("E11.4")
    chain = [r["code"] for r in shipped_store.ancestors("E11.42")]
    assert chain == ["ch4", "E08-E13", "E11", "E11.4"]
    h = shipped_store.codes_in_range("H40", "H42")
    assert h[0] == "H40" and any(c.startswith("H42") for c in h) and not any(c.startswith("H43") for c in h)
    assert "96415" in shipped_store.codes_in_range("96413", "96417")


def test_addon_relations_both_ways(shipped_store: CodeStore) -> None:
    assert "96413" in [e["primary"] for e in shipped_store.addon_primaries("96417")]
    assert "96417" in [code for code, _ in shipped_store.addons_of("96413")]


@pytest.mark.skipif(not (RAW_DIR / "cms-pfs-rvu-2026c").is_dir(), reason="raw RVU file not staged")
def test_no_ama_descriptor_text_in_store() -> None:
    """No CPT short descriptor from the CMS RVU file (AMA text) is stored for a CPT code, and
    none of our own summaries repeats one.

    The phrases are read from the licensed source at test time, so this repository never holds
    them. Public labels that happen to coincide with a descriptor (AHRQ CCS "Appendectomy", RBCS
    families, NCD titles) and CMS's own HCPCS Level II text are not AMA text and may ship.
    """
    import csv

    import orjson

    def strings(value: object):
        if isinstance(value, str):
            yield value.strip().lower()
        elif isinstance(value, dict):
            for v in value.values():
                yield from strings(v)
        elif isinstance(value, list):
            for v in value:
                yield from strings(v)

    rvu = RAW_DIR / "cms-pfs-rvu-2026c" / "PPRRVU2026_Jul_nonQPP.csv"
    ama: dict[str, str] = {}
    with rvu.open(encoding="utf-8", errors="replace", newline="") as fh:
        for row in csv.reader(fh):
            if len(row) > 2 and len(row[0]) == 5 and row[0][:4].isdigit() and row[2].strip():
                ama.setdefault(row[0], row[2].strip().lower())
    assert len(ama) > 9000
    phrases = {p for p in ama.values() if len(p) >= 12}
    hcpcs = orjson.loads(SHIPPED_STORE.read_bytes())["hcpcs"].values()
    leaked = []
    for rec in hcpcs:
        if rec.get("system") != "CPT":
            continue
        own = {k: v for k, v in rec.items() if k not in ("ccs", "rbcs", "lab_ncd")}
        leaked += [(rec["code"], s) for s in strings(own) if s in phrases]
        summary = rec.get("own", {}).get("summary", "").lower()
        own_ama = ama.get(rec["code"], "")
        if summary and len(own_ama.split()) >= 4 and own_ama in summary:  # longer than a test's name
            leaked.append((rec["code"], summary))
    assert not leaked, leaked[:5]


def test_store_open_is_read_only(shipped_store: CodeStore) -> None:
    from tinydb import TinyDB

    from codetui.storage import ReadOnlyStorage

    db = TinyDB(SHIPPED_STORE, storage=ReadOnlyStorage)
    with pytest.raises(PermissionError):
        db.table("hcpcs").insert({"code": "X"})


def test_corrupt_store_gives_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "codes.json"
    bad.write_text('{"meta": {"1": ', encoding="utf-8")
    with pytest.raises(StoreError, match="corrupt store"):
        CodeStore.open(bad, cache_dir=tmp_path / "cache")
    res = run_cli("--store", str(bad), "lookup", "96417", env_extra={"CODETUI_CACHE": str(tmp_path / "c")})
    assert res.returncode == 2
    assert res.stderr.strip().count("\n") == 0 and "corrupt store" in res.stderr
    assert bad.read_text(encoding="utf-8") == '{"meta": {"1": '  # nothing lost


def test_cache_rebuilt_when_store_changes(tmp_path: Path) -> None:
    from codetui.storage import write_store

    path = tmp_path / "codes.json"
    meta = {"x": {"id": "x", "release": "r1"}}
    write_store(path, {"meta": meta, "hcpcs": {"99999": {"code": "99999", "system": "CPT"}}})
    assert CodeStore.open(path, cache_dir=tmp_path / "c").hcpcs("99999") is not None
    write_store(path, {"meta": meta, "hcpcs": {"88888": {"code": "88888", "system": "CPT"}}})
    store = CodeStore.open(path, cache_dir=tmp_path / "c")
    assert store.hcpcs("99999") is None and store.hcpcs("88888") is not None


def test_cli_lookup_seed_example() -> None:
    res = run_cli("lookup", "96417")
    assert res.returncode == 0, res.stderr
    out = res.stdout
    flat = " ".join(out.split())
    assert "ZZZ" in out and "related to another service" in flat.lower()
    assert "PC/TC" in out and "5 —" in out
    assert "96413" in out and "type 1" in out
    assert "224 — Cancer chemotherapy" in out
    assert "Practitioner 3 units" in flat
    assert max(len(line) for line in out.splitlines()) <= 80


def test_cli_lookup_json_and_not_found() -> None:
    res = run_cli("lookup", "E1142", "--json")
    assert res.returncode == 0
    data = json.loads(res.stdout)
    assert data["record"]["parent"] == "E11.4"
    res = run_cli("lookup", "QQ999")
    assert res.returncode == 1 and "not found" in res.stderr


def test_cli_bad_arguments_exit_2() -> None:
    res = run_cli("lookup")
    assert res.returncode == 2 and res.stderr.count("\n") == 1
    res = run_cli("nonsense-command")
    assert res.returncode == 2


def test_cli_info_lists_every_source_release() -> None:
    res = run_cli("info")
    assert res.returncode == 0
    for src in ("icd10cm", "hcpcs_anweb", "pfs_rvu", "ncci_aoc", "ccs", "gems"):
        assert src in res.stdout
    assert "RVU26C" in res.stdout


def test_store_option_works_before_or_after_the_command(tmp_path: Path) -> None:
    for args in (("--store", str(tmp_path / "none.json"), "lookup", "96417"),
                 ("lookup", "96417", "--store", str(tmp_path / "none.json"))):
        res = run_cli(*args)
        assert res.returncode == 2 and "none.json: store not found" in res.stderr


def test_unwritable_cache_dir_still_opens(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache dir should be", encoding="utf-8")
    store = CodeStore.open(SHIPPED_STORE, cache_dir=blocker / "cache")
    assert store.hcpcs("96417") is not None and store.children("E11.4")


def test_corrupt_cache_file_is_rebuilt(tmp_path: Path) -> None:
    from codetui.sqlcache import cache_path_for
    from codetui.storage import write_store

    path = tmp_path / "codes.json"
    write_store(path, {"meta": {"x": {"id": "x"}}, "hcpcs": {"99999": {"code": "99999", "system": "CPT"}}})
    cache = tmp_path / "c"
    CodeStore.open(path, cache_dir=cache)
    cache_path_for(path, cache).write_bytes(b"garbage, not sqlite")
    assert CodeStore.open(path, cache_dir=cache).hcpcs("99999") is not None


def test_unknown_code_suggests_its_neighbours() -> None:
    res = run_cli("lookup", "96418")
    assert res.returncode == 1 and "not found" in res.stderr and "96417" in res.stderr
    res = run_cli("lookup", "S72.001Z")
    assert res.returncode == 1 and "S72.001A" in res.stderr
