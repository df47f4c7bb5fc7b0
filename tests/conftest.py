"""Test-wide isolation: the user's data and cache dirs point into a per-session temp folder,
so tests never read or write the real ~/.local/share/codetui, and the shipped store's SQLite
cache is built once per session."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

_SESSION_DIR = Path(tempfile.mkdtemp(prefix="codetui-tests-"))
os.environ.setdefault("CODETUI_CACHE", str(_SESSION_DIR / "cache"))
os.environ.setdefault("CODETUI_HOME", str(_SESSION_DIR / "home"))

REPO = Path(__file__).resolve().parent.parent
SHIPPED_STORE = REPO / "data" / "codes.json"
RAW_DIR = REPO.parent / "shared" / "data" / "raw"


@pytest.fixture(scope="session")
def shipped_store():
    """The real shipped store (data/codes.json), opened once per test session."""
    from codetui.store import CodeStore

    return CodeStore.open(SHIPPED_STORE, user_dir=_SESSION_DIR / "home")
