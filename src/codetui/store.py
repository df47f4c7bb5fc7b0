"""The read-only code store and its lookups.

``CodeStore`` reads the shipped tables through a disposable SQLite copy (``sqlcache``: records
are decoded only when asked for) plus the user's layer (licensed CPT descriptors, imported PTP
quarters). It is given to the CLI, the TUI, the checker and the text
tools; tests build one in memory with ``CodeStore.from_tables``. Derived indexes (children,
reverse add-on map, search index) are built on first use, never on the start-up path.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from pathlib import Path
from typing import Any

from codetui import paths
from codetui.codes import compact, icd_key
from codetui.storage import StoreError
from codetui.tables import DictTable, SqlTable

Record = dict[str, Any]

_KEY_FIELD = {"terms": "id", "ncd": "id", "meta": "id", "ccs_ranges": "id"}


def _index_table(docs: dict[str, Record] | list[Record], key_field: str) -> dict[str, Record]:
    items = docs.values() if isinstance(docs, dict) else docs
    return {str(d[key_field]): d for d in items}


class CodeStore:
    """All lookups over one built store. Records are plain dicts (see docs/schema.md)."""

    def __init__(
        self,
        tables: dict[str, Any],
        *,
        path: Path | None = None,
        user_dir: Path | None = None,
    ) -> None:
        self.path = path
        self.user_dir = user_dir
        self._conn: Any = None  # the SQLite cache, when opened from a file
        self._tables = tables
        empty = DictTable({})
        self.hcpcs_table: Any = tables.get("hcpcs", empty)
        self.icd_table: Any = tables.get("icd10cm", empty)
        self.modifier_table: Any = tables.get("modifiers", empty)
        self.meta_table: Any = tables.get("meta", empty)

    # ---- construction -------------------------------------------------------------------
    @classmethod
    def open(
        cls, path: Path | None = None, user_dir: Path | None = None, cache_dir: Path | None = None
    ) -> CodeStore:
        """Open the shipped store read-only, through its SQLite cache (built on first open)."""
        import sqlite3

        from codetui.sqlcache import open_cache

        path = path or paths.shipped_store_path()
        if not path.exists():
            raise StoreError(f"{path}: store not found (run `codetui build`)")
        try:
            conn = open_cache(path, cache_dir or paths.cache_dir())
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: cannot prepare the store cache: {exc}") from None
        names = [r[0] for r in conn.execute("SELECT DISTINCT tbl FROM records")]
        if "meta" not in names:
            raise StoreError(f"{path}: corrupt store (no meta table)")
        tables: dict[str, Any] = {name: SqlTable(conn, name) for name in names}
        store = cls(tables, path=path, user_dir=user_dir if user_dir is not None else paths.user_dir())
        store._conn = conn
        return store

    @classmethod
    def from_tables(cls, tables: dict[str, Iterable[Record]], user_dir: Path | None = None) -> CodeStore:
        """An in-memory store for tests: ``{"hcpcs": [ {...}, ... ], ...}``."""
        built: dict[str, Any] = {
            name: DictTable(_index_table(list(docs), _KEY_FIELD.get(name, "code")))
            for name, docs in tables.items()
        }
        built.setdefault("meta", DictTable({}))
        return cls(built, user_dir=user_dir)

    # ---- tables ------------------------------------------------------------------------
    def table(self, name: str) -> Any:
        """A read-only Mapping key -> record (see codetui.tables)."""
        return self._tables.get(name, DictTable({}))

    def source(self, src_id: str) -> Record | None:
        return self.meta_table.get(src_id)

    def sources(self) -> list[Record]:
        return [m for k, m in sorted(self.meta_table.items()) if not k.startswith("_")]

    # ---- exact lookups -------------------------------------------------------------------
    def hcpcs(self, code: str) -> Record | None:
        return self.hcpcs_table.get(compact(code))

    def icd(self, code: str) -> Record | None:
        rec = self.icd_table.get(code.strip())  # chapter "ch4" / block "E08-E13" keys
        return rec if rec is not None else self.icd_table.get(icd_key(code))

    def modifier(self, code: str) -> Record | None:
        return self.modifier_table.get(compact(code).lstrip("-"))

    def lookup(self, code: str) -> tuple[str, Record] | None:
        """Any system: ('hcpcs'|'icd10cm'|'modifiers', record). Code-shaped text only."""
        text = code.strip()
        if not text:
            return None
        c = compact(text)
        if len(c) == 2 or text.startswith("-"):
            rec = self.modifier(c)
            if rec is not None:
                return "modifiers", rec
        if "." in text:
            rec = self.icd(text)
            if rec is not None:
                return "icd10cm", rec
        rec = self.hcpcs_table.get(c)
        if rec is not None:
            return "hcpcs", rec
        rec = self.icd(text)
        if rec is not None:
            return "icd10cm", rec
        return None

    # ---- user layer ----------------------------------------------------------------------
    @cached_property
    def cpt_descriptors(self) -> dict[str, str]:
        """Licensed CPT descriptors the user imported (``codetui import cpt``); {} if none."""
        from codetui.userlayer import load_cpt_descriptors

        return load_cpt_descriptors(self.user_dir) if self.user_dir else {}

    def title(self, code: str) -> str:
        """A one-line title for any code, for lists and links."""
        found = self.lookup(code)
        if found is None:
            return ""
        table, rec = found
        return self.record_title(table, rec)

    def record_title(self, table: str, rec: Record) -> str:
        if table == "hcpcs":
            user = self.cpt_descriptors.get(rec["code"])
            if user:
                return user
            anweb = rec.get("anweb")
            if anweb:
                return anweb.get("long") or anweb.get("short", "")
            summary = rec.get("own", {}).get("summary")
            if summary:
                return summary + SUMMARY_MARK
            return classification_title(rec)
        return rec.get("title", "")

    # ---- derived indexes (lazy) ----------------------------------------------------------
    def children(self, icd_code: str) -> list[str]:
        rec = self.icd(icd_code)
        return self.icd_table.children_of(rec["code"]) if rec else []

    def billable_descendants(self, icd_code: str, limit: int = 10_000) -> list[str]:
        out: list[str] = []
        stack = list(reversed(self.children(icd_code)))
        while stack and len(out) < limit:
            key = stack.pop()
            rec = self.icd_table[key]
            if rec.get("billable"):
                out.append(key)
            stack.extend(reversed(self.icd_table.children_of(key)))
        return out

    def ancestors(self, icd_code: str) -> list[Record]:
        """Chapter → block → category → ... → parent, for breadcrumbs."""
        rec = self.icd(icd_code)
        chain: list[Record] = []
        while rec is not None and rec.get("parent"):
            rec = self.icd_table.get(rec["parent"])
            if rec is not None:
                chain.append(rec)
        return list(reversed(chain))

    @cached_property
    def addons_by_primary(self) -> dict[str, list[tuple[str, Record]]]:
        """Primary code -> [(add-on code, AOC edit)], the reverse of each record's ``aoc``."""
        rev: dict[str, list[tuple[str, Record]]] = {}
        for code, rec in self.hcpcs_table.with_field("aoc"):
            for edit in rec.get("aoc", ()):
                rev.setdefault(edit["primary"], []).append((code, edit))
        for v in rev.values():
            v.sort(key=lambda p: p[0])
        return rev

    def addon_primaries(self, code: str) -> list[Record]:
        """AOC edits naming the primary codes this add-on may be reported with."""
        rec = self.hcpcs(code)
        return list(rec.get("aoc", [])) if rec else []

    def addons_of(self, primary: str) -> list[tuple[str, Record]]:
        return self.addons_by_primary.get(compact(primary), [])

    def referenced_by(self, icd_code: str) -> list[tuple[str, str]]:
        """(record key, note field) of ICD records whose notes name this code, an ancestor of
        it ("E11.4-") or a range holding it ("E08-E13") — the reverse of the note links."""
        from codetui.refs import refs_to

        rec = self.icd(icd_code)
        if rec is None:
            return []
        code = rec["code"]
        if self._conn is not None:
            prefixes = {code[:n] for n in range(3, len(code) + 1)}
            marks = ",".join("?" * len(prefixes))
            rows = self._conn.execute(
                f"SELECT start, end, source, field FROM note_refs WHERE start IN ({marks})"
                " OR (start < end AND start <= ? AND end >= ?)",
                (*prefixes, code[:3], code[:3]),
            ).fetchall()
        else:
            rows = self._dict_note_refs
        return [(src, field) for src, field in refs_to(code, rows) if src != code]

    @cached_property
    def _dict_note_refs(self) -> list[tuple[str, str, str, str]]:
        from codetui.refs import note_refs

        return [r for key, rec in self.icd_table.items() for r in note_refs(key, rec)]

    def codes_with_modifier_row(self, modifier: str) -> list[str]:
        """Codes with their own fee-schedule row for this modifier (26, TC, 53)."""
        mod = compact(modifier)
        if self._conn is not None:
            rows = self._conn.execute("SELECT code FROM modifier_rows WHERE modifier=? ORDER BY code", (mod,))
            return [r[0] for r in rows.fetchall()]
        return sorted(k for k, r in self.hcpcs_table.items() if mod in r.get("mpfs", {}).get("mods", {}))

    def codes_in_range(self, start: str, end: str) -> list[str]:
        """Codes between two codes of the same system, inclusive, e.g. H40-H42, 96413-96417.

        ICD ranges are by category: 'H40-H42' includes H42.9 and 'C00-C96' all of C96.x.
        Block keys ("E08-E13") and chapters are not codes and are left out.
        """
        a, b = compact(start).rstrip("-"), compact(end).rstrip("-")
        if a[:1].isdigit() or (len(a) == 5 and a[1:].isdigit()):
            return self.hcpcs_table.keys_between(a, b)
        lo, hi = icd_key(a), icd_key(b)
        return [k for k in self.icd_table.keys_between(lo, hi + "\uffff") if "-" not in k]

    # ---- PTP (companion files, lazy) -----------------------------------------------------
    @cached_property
    def ptp_db(self) -> Any:
        from codetui.ptp import PtpDatabase

        data_dir = self.path.parent if self.path else None
        return PtpDatabase.open(data_dir, self.user_dir)

    def ptp(self, code: str, setting: str = "practitioner") -> list[Any]:
        """NCCI PTP edits naming ``code`` in either column, for 'practitioner' or 'opps'."""
        return self.ptp_db.edits_for(compact(code), setting)

    # ---- search (derived index, disk-cached; see codetui.search) -------------------------
    @cached_property
    def search_index(self) -> Any:
        from codetui.search import SearchIndex

        return SearchIndex.for_store(self)

    def search(self, query: str, system: str | None = None, limit: int = 50) -> list[Any]:
        """Ranked ``codetui.search.Hit`` list for a code or words query."""
        return self.search_index.search(query, system=system, limit=limit)


# Ends a CPT title that is codetui's own plain-words summary (the ``own`` block), so in a list
# nobody takes it for the AMA descriptor; search strips it before indexing the words.
SUMMARY_MARK = " (our summary)"


def classification_title(rec: Record) -> str:
    """For a CPT code without a licensed descriptor: its public RBCS/CCS classification,
    bracketed so it never reads as (or passes for) the AMA descriptor."""
    rb = rec.get("rbcs", {})
    family = rb.get("family", "")
    if not family or family.startswith("No RBCS"):
        family = rb.get("subcategory", "")
    ccs = rec.get("ccs", {}).get("label", "")
    parts = [p for p in (family, f"CCS: {ccs}" if ccs else "") if p]
    return f"[{' · '.join(parts)}]" if parts else ""
