"""The user's own layer beside the shipped store: licensed CPT descriptors they imported.

Lives in the user data dir, never in the shipped store, so AMA text the user is licensed for
is only ever on their machine.
"""

from __future__ import annotations

from pathlib import Path

CPT_FILE = "cpt.json"


def load_cpt_descriptors(user_dir: Path) -> dict[str, str]:
    """{code: descriptor} from ``user_dir/cpt.json``; {} when absent or unreadable."""
    import orjson  # imported here: `codetui search` needs only CPT_FILE (orjson costs ~5 ms)

    path = user_dir / CPT_FILE
    try:
        data = orjson.loads(path.read_bytes())
    except FileNotFoundError:
        return {}
    except (OSError, orjson.JSONDecodeError):
        return {}
    descriptors = data.get("descriptors", {}) if isinstance(data, dict) else {}
    return {str(k): str(v) for k, v in descriptors.items()}


def cpt_path(user_dir: Path) -> Path:
    return user_dir / CPT_FILE


def save_cpt_descriptors(user_dir: Path, source: str, descriptors: dict[str, str], imported: str) -> Path:
    """Replace the CPT layer with ``descriptors``; private file (0600), written atomically.

    A replace, not a merge: the user's file is their whole licensed set, and a stale code from
    an older file would otherwise linger with text the user no longer has.
    """
    import orjson

    from codetui.storage import atomic_write

    path = cpt_path(user_dir)
    doc = {"source": source, "imported": imported, "descriptors": dict(sorted(descriptors.items()))}
    atomic_write(path, orjson.dumps(doc, option=orjson.OPT_INDENT_2), mode=0o600)
    return path


def clear_cpt_descriptors(user_dir: Path) -> bool:
    """Remove the CPT layer; False when there was none."""
    try:
        cpt_path(user_dir).unlink()
    except FileNotFoundError:
        return False
    return True
