"""Cleaning of untrusted text (imported files, user queries) before it is stored or shown.

Control characters (C0 except tab/newline, DEL, C1) and Unicode format characters (bidi
overrides, zero-width joiners, BOM) are removed so that nothing from data or users can drive
the terminal or hide text.
"""

from __future__ import annotations

import re
import unicodedata

QUERY_MAX = 256

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def strip_controls(text: str, *, keep_newlines: bool = True) -> str:
    """Remove C0/C1 controls, DEL and Unicode format (Cf) characters; map NBSP to space."""
    text = text.replace("\xa0", " ").replace("\r\n", "\n").replace("\r", "\n")
    if not keep_newlines:
        text = text.replace("\n", " ").replace("\t", " ")
    text = _CONTROL.sub("", text)
    if any(unicodedata.category(ch) == "Cf" for ch in text):
        text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return text


def clean_field(text: str | None) -> str:
    """One imported cell: controls stripped, whitespace collapsed, ends trimmed."""
    if not text:
        return ""
    return " ".join(strip_controls(text, keep_newlines=False).split())


def clean_query(text: str) -> str:
    """A user query: cleaned like a field and capped at QUERY_MAX characters."""
    return clean_field(text)[:QUERY_MAX]
