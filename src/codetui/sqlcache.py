"""A derived SQLite copy of the shipped TinyDB store, so opening it costs milliseconds.

Parsing the 58 MB ``codes.json`` takes over a second; the app must be interactive in well
under half that. The first open (or any open after the store changed) converts the store into
an indexed SQLite file in the user's cache dir (temp file + rename, so two processes racing
just both produce the same file); later opens only check the store's size and mtime.
The JSON store stays the one shipped, reviewable artifact; this cache is disposable.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

import orjson
from tinydb import TinyDB

from codetui.refs import modifier_rows, note_refs
from codetui.storage import ReadOnlyStorage

CACHE_VERSION = "2"
_INDEXED_FLAGS = ("aoc",)
_KEY_FIELD = {"terms": "id", "ncd": "id", "meta": "id"}


def _fingerprint(store_path: Path) -> str:
    st = store_path.stat()
    return f"{CACHE_VERSION}:{store_path.resolve()}:{st.st_size}:{st.st_mtime_ns}"


def cache_path_for(store_path: Path, cache_dir: Path) -> Path:
    digest = hashlib.sha256(str(store_path.resolve()).encode()).hexdigest()[:16]
    return cache_dir / f"store-{digest}.sqlite"


def _valid(conn: sqlite3.Connection, fingerprint: str) -> bool:
    try:
        row = conn.execute("SELECT v FROM info WHERE k='fingerprint'").fetchone()
    except sqlite3.DatabaseError:
        return False
    return bool(row) and row[0] == fingerprint


def _fill(conn: sqlite3.Connection, store_path: Path, fingerprint: str) -> None:
    """Copy the TinyDB store into ``conn``: records plus the reverse-reference indexes."""
    raw = TinyDB(store_path, storage=ReadOnlyStorage).storage.read() or {}
    conn.executescript(
        """
        PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
        CREATE TABLE info(k TEXT PRIMARY KEY, v TEXT);
        CREATE TABLE records(tbl TEXT, key TEXT, parent TEXT, flags TEXT, doc BLOB,
                             PRIMARY KEY (tbl, key)) WITHOUT ROWID;
        CREATE TABLE note_refs(start TEXT, end TEXT, source TEXT, field TEXT);
        CREATE TABLE modifier_rows(modifier TEXT, code TEXT);
        """
    )
    rows: list[tuple[str, str, Any, Any, bytes]] = []
    for name, docs in raw.items():
        if not isinstance(docs, dict):
            continue
        key_field = _KEY_FIELD.get(name, "code")
        for doc in docs.values():
            key = str(doc.get(key_field, ""))
            flags = "," + ",".join(f for f in _INDEXED_FLAGS if f in doc) + ","
            rows.append((name, key, doc.get("parent"), flags if flags != ",," else None,
                         orjson.dumps(doc)))
    conn.executemany("INSERT OR REPLACE INTO records VALUES (?,?,?,?,?)", rows)
    icd = raw.get("icd10cm", {})
    conn.executemany("INSERT INTO note_refs VALUES (?,?,?,?)",
                     (r for doc in icd.values() for r in note_refs(doc.get("code", ""), doc)))
    conn.execute("CREATE INDEX refs_by_start ON note_refs(start)")
    hc = raw.get("hcpcs", {})
    conn.executemany("INSERT INTO modifier_rows VALUES (?,?)",
                     (r for doc in hc.values() for r in modifier_rows(doc.get("code", ""), doc)))
    conn.execute("CREATE INDEX modrows ON modifier_rows(modifier)")
    conn.execute("CREATE INDEX by_parent ON records(tbl, parent) WHERE parent IS NOT NULL")
    conn.execute("INSERT INTO info VALUES ('fingerprint', ?)", (fingerprint,))
    conn.commit()


def _write_cache(store_path: Path, target: Path, fingerprint: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".store-", suffix=".sqlite.tmp", dir=target.parent)
    os.close(fd)
    try:
        conn = sqlite3.connect(tmp)
        _fill(conn, store_path, fingerprint)
        conn.close()
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def open_cache(store_path: Path, cache_dir: Path) -> sqlite3.Connection:
    """A read-only connection to an up-to-date cache of ``store_path`` (built if needed)."""
    fingerprint = _fingerprint(store_path)
    target = cache_path_for(store_path, cache_dir)
    if target.exists():
        conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True, check_same_thread=False)
        if _valid(conn, fingerprint):
            return conn
        conn.close()
    try:
        _write_cache(store_path, target, fingerprint)
    except OSError:
        # cache dir not writable (read-only home, full disk): work from memory this time
        conn = sqlite3.connect(":memory:", check_same_thread=False)
        _fill(conn, store_path, fingerprint)
        return conn
    return sqlite3.connect(f"file:{target}?mode=ro", uri=True, check_same_thread=False)
