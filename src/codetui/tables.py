"""Read-only tables behind ``CodeStore``: plain dicts (tests) or the SQLite cache (the app).

Both answer the same questions — get by key, iterate, keys in a range, children of a parent —
so the store's lookups don't care where records live.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping
from typing import Any

import orjson

Record = dict[str, Any]


class DictTable(Mapping[str, Record]):
    """An in-memory table (tests, fixtures)."""

    def __init__(self, docs: dict[str, Record]) -> None:
        self._docs = docs
        self._children: dict[str, list[str]] | None = None

    def __getitem__(self, key: str) -> Record:
        return self._docs[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._docs)

    def __len__(self) -> int:
        return len(self._docs)

    def keys_between(self, lo: str, hi: str) -> list[str]:
        return sorted(k for k in self._docs if lo <= k <= hi)

    def children_of(self, parent: str) -> list[str]:
        if self._children is None:
            kids: dict[str, list[str]] = {}
            for key, rec in self._docs.items():
                if rec.get("parent"):
                    kids.setdefault(rec["parent"], []).append(key)
            self._children = {k: sorted(v) for k, v in kids.items()}
        return self._children.get(parent, [])

    def with_field(self, field: str) -> list[tuple[str, Record]]:
        return sorted((k, r) for k, r in self._docs.items() if field in r)


class SqlTable(Mapping[str, Record]):
    """One table of the SQLite cache; records decoded on first access and kept."""

    def __init__(self, conn: sqlite3.Connection, name: str) -> None:
        self._conn = conn
        self._name = name
        self._decoded: dict[str, Record | None] = {}
        self._len: int | None = None

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        if key in self._decoded:
            rec = self._decoded[key]
        else:
            row = self._conn.execute(
                "SELECT doc FROM records WHERE tbl=? AND key=?", (self._name, key)
            ).fetchone()
            rec = orjson.loads(row[0]) if row else None
            self._decoded[key] = rec
        return default if rec is None else rec

    def __getitem__(self, key: str) -> Record:
        rec = self.get(key)
        if rec is None:
            raise KeyError(key)
        return rec  # type: ignore[no-any-return]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __iter__(self) -> Iterator[str]:
        rows = self._conn.execute("SELECT key FROM records WHERE tbl=? ORDER BY key", (self._name,))
        return (r[0] for r in rows.fetchall())

    def __len__(self) -> int:
        if self._len is None:
            self._len = self._conn.execute(
                "SELECT count(*) FROM records WHERE tbl=?", (self._name,)
            ).fetchone()[0]
        return self._len

    def items(self) -> Iterator[tuple[str, Record]]:  # type: ignore[override]
        """Full scan (decodes every record): for index builds, not for the hot path."""
        rows = self._conn.execute("SELECT key, doc FROM records WHERE tbl=? ORDER BY key", (self._name,))
        return ((k, orjson.loads(d)) for k, d in rows.fetchall())

    def values(self) -> Iterator[Record]:  # type: ignore[override]
        return (rec for _, rec in self.items())

    def keys_between(self, lo: str, hi: str) -> list[str]:
        rows = self._conn.execute(
            "SELECT key FROM records WHERE tbl=? AND key BETWEEN ? AND ? ORDER BY key",
            (self._name, lo, hi),
        )
        return [r[0] for r in rows.fetchall()]

    def children_of(self, parent: str) -> list[str]:
        rows = self._conn.execute(
            "SELECT key FROM records WHERE tbl=? AND parent=? ORDER BY key", (self._name, parent)
        )
        return [r[0] for r in rows.fetchall()]

    def with_field(self, field: str) -> list[tuple[str, Record]]:
        """Records that carry ``field`` (only 'aoc' is indexed: add-on codes)."""
        rows = self._conn.execute(
            "SELECT key, doc FROM records WHERE tbl=? AND flags LIKE ? ORDER BY key",
            (self._name, f"%,{field},%"),
        )
        return [(k, orjson.loads(d)) for k, d in rows.fetchall()]
