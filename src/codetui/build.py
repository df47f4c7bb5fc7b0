"""``codetui build``: run every importer over the raw folder and write ``data/codes.json``.

Data flows one way: official files -> importers (partial records) -> merge -> one store file
(plus companion files). The same inputs always give byte-identical output.
"""

from __future__ import annotations

import bisect
import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from codetui.importers.base import ImportError_, ImportResult, Rejects, SourceMeta, Tables
from codetui.storage import atomic_write, write_store

SCHEMA_VERSION = 1

# Importer modules under codetui.importers, in build order. Each has
# ``load(raw_dir: Path, rejects: Rejects) -> list[ImportResult]``.
IMPORTERS: tuple[str, ...] = (
    "icd10cm_tabular",
    "icd10cm_index",
    "gems",
    "mce",
    "hcpcs_anweb",
    "cpt_modifiers",
    "cpt_summaries",
    "pfs_rvu",
    "opps",
    "rbcs",
    "ccs",
    "lab_ncd",
    "ncci_aoc",
    "ncci_mue",
    "ncci_ptp",
)


def merge_into(dst: dict[str, Any], src: dict[str, Any]) -> None:
    """Dicts merge recursively, lists concatenate, anything else: the later value wins."""
    for key, value in src.items():
        old = dst.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            merge_into(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            old.extend(value)
        else:
            dst[key] = value


def prune(value: Any) -> Any:
    """Drop empty strings, None, empty lists and dicts (recursively); keep False and 0."""
    if isinstance(value, dict):
        out = {k: prune(v) for k, v in value.items()}
        return {k: v for k, v in out.items() if v not in ("", None, [], {})}
    if isinstance(value, list):
        out_l = [prune(v) for v in value]
        return [v for v in out_l if v not in ("", None, [], {})]
    return value


def apply_ccs_ranges(tables: Tables) -> None:
    """Resolve AHRQ CCS code ranges onto every CPT/HCPCS record that falls inside one."""
    ranges = tables.pop("ccs_ranges", {})
    if not ranges:
        return
    rows = sorted((r["start"], r["end"], r) for r in ranges.values())
    starts = [r[0] for r in rows]
    for code, rec in tables.get("hcpcs", {}).items():
        hi = bisect.bisect_right(starts, code)
        # AHRQ ranges do not overlap; looking back a few rows is enough for odd nesting
        for start, end, r in reversed(rows[max(0, hi - 5) : hi]):
            if start <= code <= end and len(start) == len(code):
                rec["ccs"] = {"src": r["src"], "id": r["ccs"], "label": r["label"]}
                break


def finish_records(tables: Tables) -> None:
    for code, rec in tables.get("hcpcs", {}).items():
        rec["code"] = code
        rec["system"] = "HCPCS" if code[:1].isalpha() else "CPT"
    for name in ("icd10cm", "modifiers", "icd9"):
        for code, rec in tables.get(name, {}).items():
            rec["code"] = code
    for name in ("terms", "ncd"):
        for key, rec in tables.get(name, {}).items():
            rec["id"] = key


def run_importers(
    raw_dir: Path, log: TextIO, names: tuple[str, ...] = IMPORTERS
) -> tuple[list[ImportResult], Rejects]:
    rejects = Rejects()
    results: list[ImportResult] = []
    for name in names:
        module = importlib.import_module(f"codetui.importers.{name}")
        load: Callable[[Path, Rejects], list[ImportResult]] = module.load
        before = len(rejects)
        try:
            got = load(raw_dir, rejects)
        except ImportError_ as exc:
            raise SystemExit(f"codetui build: {exc}") from None
        for res in got:
            res.source.rejected = res.source.rejected or rejects.count_for(res.source.files)
            print(
                f"  {res.source.id:<18} {res.source.rows:>9,} rows  {res.source.rejected:>6,} rejected"
                f"  {res.source.release}",
                file=log,
            )
        for rej in rejects.items[before : before + 20]:
            print(f"    rejected {rej}", file=log)
        if len(rejects) - before > 20:
            print(f"    ... and {len(rejects) - before - 20:,} more rejected rows", file=log)
        results.extend(got)
    return results, rejects


def build(raw_dir: Path, out_dir: Path, log: TextIO = sys.stderr) -> Path:
    """Build the store from ``raw_dir`` into ``out_dir/codes.json``; returns its path."""
    if not raw_dir.is_dir():
        raise SystemExit(f"codetui build: raw data folder not found: {raw_dir}")
    print(f"Building from {raw_dir}", file=log)
    results, _ = run_importers(raw_dir, log)
    tables: Tables = {}
    metas: list[SourceMeta] = []
    for res in results:
        metas.append(res.source)
        for table, docs in res.tables.items():
            dst = tables.setdefault(table, {})
            for key, partial in docs.items():
                merge_into(dst.setdefault(key, {}), partial)
        for rel, data in sorted(res.companions.items()):
            atomic_write(out_dir / rel, data)
    apply_ccs_ranges(tables)
    finish_records(tables)
    meta = {m.id: m.as_doc() for m in metas}
    meta["_store"] = {"id": "_store", "schema": SCHEMA_VERSION, "sources": sorted(m.id for m in metas)}
    tables["meta"] = meta
    clean = {name: {k: prune(v) for k, v in docs.items()} for name, docs in tables.items()}
    path = out_dir / "codes.json"
    write_store(path, clean)
    counts = ", ".join(f"{n} {len(d):,}" for n, d in sorted(clean.items()))
    print(f"Wrote {path} ({path.stat().st_size / 1e6:.1f} MB): {counts}", file=log)
    return path
