"""The user's own layer beside the shipped store: licensed CPT descriptors they imported.

Lives in the user data dir, never in the shipped store, so AMA text the user is licensed for
is only ever on their machine.
"""

from __future__ import annotations

from pathlib import Path

import orjson

CPT_FILE = "cpt.json"


def load_cpt_descriptors(user_dir: Path) -> dict[str, str]:
    """{code: descriptor} from ``user_dir/cpt.json``; {} when absent or unreadable."""
    path = user_dir / CPT_FILE
    try:
        data = orjson.loads(path.read_bytes())
    except FileNotFoundError:
        return {}
    except (OSError, orjson.JSONDecodeError):
        return {}
    descriptors = data.get("descriptors", {}) if isinstance(data, dict) else {}
    return {str(k): str(v) for k, v in descriptors.items()}
