"""The user's own data: bookmarks, recently viewed codes and a personal note per code.

Why this shape: the file (``user.json`` in the user data dir, a TinyDB database) is the one
thing in codetui a person cannot rebuild, so every change is a locked read-modify-write
(``fcntl.flock`` on a side lock file, so two open copies of the app never lose each other's
bookmarks) and an atomic, 0600 write (temp file + rename: a crash never leaves half a file,
and notes stay private). A file that cannot be read is moved aside, not overwritten, and the
app keeps working with a fresh one; ``warning`` names the moved file so the UI can say so.
No Textual here: the TUI and tests use it the same way.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
from tinydb import Query, TinyDB
from tinydb.storages import Storage

from codetui import paths
from codetui.storage import atomic_write
from codetui.textclean import clean_field, strip_controls

USER_FILE = "user.json"
RECENT_LIMIT = 100
NOTE_MAX = 10_000
TABLES = ("bookmarks", "recent", "notes")


class CorruptUserFile(Exception):
    """The user file exists but is not a TinyDB JSON document."""


@dataclass(frozen=True)
class Entry:
    """A bookmark or a recently viewed page."""

    target: str
    code: str
    title: str
    at: str  # local time, ISO seconds
    system: str = ""  # "CPT", "ICD-10-CM", ... for the badge in lists


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S")


class _AtomicStorage(Storage):
    """TinyDB storage: orjson read; atomic 0600 write; refuses to treat garbage as empty."""

    def __init__(self, path: Path, **_: Any) -> None:
        self._path = path

    def read(self) -> dict[str, Any] | None:
        try:
            raw = self._path.read_bytes()
        except FileNotFoundError:
            return None
        if not raw.strip():
            return None
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            raise CorruptUserFile(f"not valid JSON: {exc}") from None
        if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
            raise CorruptUserFile("not a TinyDB document (expected tables of documents)")
        return data

    def write(self, data: dict[str, Any]) -> None:
        atomic_write(self._path, orjson.dumps(data, option=orjson.OPT_SORT_KEYS), mode=0o600)

    def close(self) -> None:
        pass


class UserData:
    """Bookmarks, recently viewed and notes in one TinyDB file (see module docstring)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.warning: str | None = None

    @classmethod
    def open(cls, user_dir: Path | None = None) -> UserData:
        return cls((user_dir if user_dir is not None else paths.user_dir()) / USER_FILE)

    # ---- plumbing ------------------------------------------------------------------------
    @contextmanager
    def _db(self) -> Iterator[TinyDB]:
        """An exclusive lock and a fresh TinyDB over the file, for one read-modify-write."""
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        lock_path = self.path.with_name(self.path.name + ".lock")
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                _AtomicStorage(self.path).read()
            except CorruptUserFile as exc:
                self._move_aside(str(exc))
            db = TinyDB(self.path, storage=_AtomicStorage)
            try:
                yield db
            finally:
                db.close()
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def _move_aside(self, reason: str) -> None:
        aside = self.path.with_name(f"{self.path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
        n = 1
        while aside.exists():
            aside = aside.with_name(f"{aside.name.split('~')[0]}~{n}")
            n += 1
        os.replace(self.path, aside)
        self.warning = f"{self.path}: unreadable ({reason}); moved aside to {aside}, starting afresh"

    @staticmethod
    def _entry(doc: dict[str, Any]) -> Entry:
        return Entry(
            target=str(doc.get("target", "")),
            code=clean_field(str(doc.get("code", ""))),
            title=clean_field(str(doc.get("title", ""))),
            at=str(doc.get("at", "")),
            system=clean_field(str(doc.get("system", ""))),
        )

    # ---- bookmarks -----------------------------------------------------------------------
    def bookmarks(self) -> list[Entry]:
        """Newest first."""
        with self._db() as db:
            docs = sorted(db.table("bookmarks").all(), key=lambda d: d.doc_id, reverse=True)
        return [self._entry(d) for d in docs]

    def is_bookmarked(self, target: str) -> bool:
        with self._db() as db:
            return db.table("bookmarks").contains(Query().target == target)

    def toggle_bookmark(self, target: str, code: str, title: str, system: str = "") -> bool:
        """Add or remove a bookmark; returns True when the page is now bookmarked."""
        with self._db() as db:
            table = db.table("bookmarks")
            if table.remove(Query().target == target):
                return False
            table.insert({"target": target, "code": code, "title": title, "system": system, "at": _now()})
            return True

    # ---- recently viewed -----------------------------------------------------------------
    def recent(self, limit: int = RECENT_LIMIT) -> list[Entry]:
        """Newest first, each page once."""
        with self._db() as db:
            docs = sorted(db.table("recent").all(), key=lambda d: d.doc_id, reverse=True)
        return [self._entry(d) for d in docs[:limit]]

    def add_recent(self, target: str, code: str, title: str, system: str = "") -> None:
        with self._db() as db:
            table = db.table("recent")
            table.remove(Query().target == target)
            table.insert({"target": target, "code": code, "title": title, "system": system, "at": _now()})
            ids = sorted(d.doc_id for d in table.all())
            if len(ids) > RECENT_LIMIT:
                table.remove(doc_ids=ids[: len(ids) - RECENT_LIMIT])

    # ---- notes ---------------------------------------------------------------------------
    def note(self, target: str) -> str:
        with self._db() as db:
            doc = db.table("notes").get(Query().target == target)
        return strip_controls(str(doc.get("text", ""))) if isinstance(doc, dict) else ""

    def set_note(self, target: str, text: str) -> None:
        """Save a note (control characters removed); an empty note deletes it."""
        text = strip_controls(text).strip()[:NOTE_MAX]
        with self._db() as db:
            table = db.table("notes")
            if not text:
                table.remove(Query().target == target)
            else:
                table.upsert({"target": target, "text": text, "at": _now()}, Query().target == target)
