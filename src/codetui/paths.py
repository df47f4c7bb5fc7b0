"""Where things live: the shipped store, the raw data folder, the user's data directory."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent.parent


def shipped_data_dir() -> Path:
    """``$CODETUI_DATA`` or the repo's ``data/`` (src layout, editable install)."""
    env = os.environ.get("CODETUI_DATA")
    return Path(env) if env else REPO_DIR / "data"


def shipped_store_path() -> Path:
    return shipped_data_dir() / "codes.json"


def default_raw_dir() -> Path:
    """The staged official files: ``../shared/data/raw`` beside the checkout."""
    return REPO_DIR.parent / "shared" / "data" / "raw"


def user_dir() -> Path:
    """The user's own data (bookmarks, notes, imports): ``$CODETUI_HOME`` or the platform dir."""
    env = os.environ.get("CODETUI_HOME")
    return Path(env) if env else Path(platformdirs.user_data_dir("codetui", appauthor=False))


def cache_dir() -> Path:
    env = os.environ.get("CODETUI_CACHE")
    return Path(env) if env else Path(platformdirs.user_cache_dir("codetui", appauthor=False))
