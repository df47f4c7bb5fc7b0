"""TinyDB storages for the code store.

Stock ``JSONStorage`` re-reads and re-parses the whole file on every query; on a 30 MB store
that is ~0.5 s per query. ``ReadOnlyStorage`` parses once (orjson) and refuses writes, which is
how the app opens the shipped store. ``write_store`` writes a TinyDB-format file
deterministically and atomically (temp file, fsync, rename) so a failed build never leaves a
half-written store.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage


class StoreError(Exception):
    """The store file is missing or unreadable; the message names the file and the reason."""


def read_json(path: Path) -> dict[str, Any]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise StoreError(f"{path}: store not found (run `codetui build`)") from None
    except OSError as exc:
        raise StoreError(f"{path}: cannot read store: {exc.strerror}") from None
    try:
        parsed = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise StoreError(f"{path}: corrupt store (not valid JSON: {exc})") from None
    if not isinstance(parsed, dict):
        raise StoreError(f"{path}: corrupt store (top level is not a JSON object)")
    return parsed


class ReadOnlyStorage(Storage):
    """Parse the file once; every later ``read`` returns the same dict; writes are refused."""

    def __init__(self, path: str | Path, **_: Any) -> None:
        self._path = Path(path)
        self._data: dict[str, Any] | None = None

    def read(self) -> dict[str, Any] | None:
        if self._data is None:
            self._data = read_json(self._path)
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        raise PermissionError(f"{self._path}: the shipped store is read-only")

    def close(self) -> None:
        self._data = None


def dumps_tables(tables: dict[str, dict[str, dict[str, Any]]]) -> bytes:
    """TinyDB layout ``{table: {doc_id: doc}}`` with doc ids 1..n in key order.

    One document per line so that a git diff between two builds is readable.
    """
    out = [b"{"]
    for t_i, name in enumerate(sorted(tables)):
        docs = tables[name]
        out.append((b"," if t_i else b"") + b"\n" + orjson.dumps(name) + b":{")
        for d_i, key in enumerate(sorted(docs)):
            sep = b"," if d_i else b""
            out.append(sep + b"\n" + f'"{d_i + 1}":'.encode() + orjson.dumps(docs[key], option=orjson.OPT_SORT_KEYS))
        out.append(b"}")
    out.append(b"\n}\n")
    return b"".join(out)


def atomic_write(path: Path, data: bytes, *, mode: int = 0o644) -> None:
    """Write via a temp file in the same directory, fsync, then rename over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    try:
        dfd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass


def write_store(path: Path, tables: dict[str, dict[str, dict[str, Any]]]) -> None:
    atomic_write(path, dumps_tables(tables))
