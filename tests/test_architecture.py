"""The core stays Textual-free, so the CLI and the TUI are two faces over one library."""

from __future__ import annotations

import ast
from pathlib import Path

import codetui

PACKAGE = Path(codetui.__file__).resolve().parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_core_modules_import_no_textual_or_tui() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] == "tui" or rel.name == "cli.py":
            continue
        bad = {m for m in imported_modules(path) if m.split(".")[0] in ("textual", "rich") or m.startswith("codetui.tui")}
        if bad:
            offenders.append(f"{rel}: {sorted(bad)}")
    assert not offenders, offenders


def test_styles_live_in_tcss_files() -> None:
    tcss = list((PACKAGE / "tui").rglob("*.tcss"))
    assert tcss
    for path in (PACKAGE / "tui").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if "DEFAULT_CSS" in text or "CSS = " in text:
            assert "widgets" in path.parts, f"{path.name}: app styles belong in .tcss files"
