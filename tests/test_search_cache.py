"""The on-disk search index: what a user notices is a fast `codetui search`, a cache dir that
does not grow with every store change, and a broken cache file that is simply rebuilt."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from search_fixture import tables, write_fixture_store

from codetui import searchindex
from codetui.search import Hit, SearchIndex
from codetui.store import CodeStore

SRC = Path(__file__).resolve().parent.parent / "src"


@pytest.fixture()
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cache = tmp_path / "cache"
    monkeypatch.setenv("CODETUI_CACHE", str(cache))
    monkeypatch.setenv("CODETUI_HOME", str(tmp_path / "home"))
    return cache


def _codes(index: SearchIndex, q: str) -> list[str]:
    return [h.code for h in index.search(q)]


def test_new_cache_deletes_stale_ones_of_the_same_store_only(tmp_path: Path, env: Path) -> None:
    path = write_fixture_store(tmp_path)
    env.mkdir()
    current = Path(searchindex.cache_file(path, tmp_path / "home", env))
    same_store_old = current.with_name(current.name[:16] + "0123456789abcdef.idx")  # older state
    other_store = env / "search-00000000-0123456789abcdef.idx"
    legacy = env / "search-a46c47033bcb-a24f84756119d690.idx"  # a name from an older layout
    unrelated = env / "store-0c9f408b4bad8f34.sqlite"
    for f in (same_store_old, other_store, legacy, unrelated):
        f.write_bytes(b"old")
    assert _codes(SearchIndex.for_path(path, tmp_path / "home"), "copd")[0] == "J44.9"
    assert sorted(p.name for p in env.glob("search-*.idx")) == sorted([current.name, other_store.name])
    assert unrelated.exists()


def test_truncated_or_foreign_cache_is_rebuilt(tmp_path: Path, env: Path) -> None:
    path = write_fixture_store(tmp_path)
    user = tmp_path / "home"
    SearchIndex.for_path(path, user)
    (cache,) = env.glob("search-*.idx")
    good = cache.read_bytes()
    for bad in (good[: len(good) // 2], b"", good[:8] + b"\xff" * 8 + good[16:]):
        cache.write_bytes(bad)
        assert searchindex.load_cached(cache) is None
        assert _codes(SearchIndex.for_path(path, user), "copd")[0] == "J44.9"
        assert cache.read_bytes() == good


def test_index_built_in_memory_equals_the_cached_one(tmp_path: Path, env: Path) -> None:
    path = write_fixture_store(tmp_path)
    user = tmp_path / "home"
    built = SearchIndex(searchindex.build_index(CodeStore.open(path, user_dir=user)))
    SearchIndex.for_path(path, user)
    cached = SearchIndex.for_path(path, user)  # second call: from the mapped file
    for q in ("copd", "type 2 diabetes neur", "E11.", "-59", "hypertenson", "chemotherapy"):
        assert built.search(q) == cached.search(q)


def test_hit_is_an_immutable_value() -> None:
    store = CodeStore.from_tables(tables())
    a, b = store.search("copd")[0], store.search("copd")[0]
    assert a == b and hash(a) == hash(b) and a is not b
    assert a != store.search("htn")[0]
    with pytest.raises(AttributeError):
        a.code = "X"  # type: ignore[misc]
    assert a.as_dict()["code"] == "J44.9" and list(a.as_dict()) == [
        "code", "table", "system", "title", "score", "terminated", "billable", "matched"
    ]
    assert repr(a).startswith("Hit(code='J44.9', table='icd10cm'")
    assert Hit(**a.as_dict()) == a


def test_warm_cli_search_loads_no_store_modules(tmp_path: Path, env: Path) -> None:
    """A warm `codetui search` reads only the index: no store parsing, JSON or builder imports."""
    path = write_fixture_store(tmp_path)
    code = (
        "import sys;from codetui.cli import main;"
        f"rc=main(['--store',{str(path)!r},'search','copd']);"
        "heavy=[m for m in ('orjson','tinydb','dataclasses','datetime','codetui.storage',"
        "'codetui.store','codetui.searchbuild','rapidfuzz') if m in sys.modules];"
        "print(rc, heavy)"
    )
    run_env = dict(os.environ, PYTHONPATH=str(SRC))
    first = subprocess.run([sys.executable, "-c", code], check=False, env=run_env, capture_output=True, text=True)
    assert first.stdout.strip().splitlines()[-1].startswith("0 ")  # built the cache
    warm = subprocess.run([sys.executable, "-c", code], check=False, env=run_env, capture_output=True, text=True)
    assert warm.stdout.strip().splitlines()[-1] == "0 []", warm.stderr
