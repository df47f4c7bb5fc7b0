"""Code shapes: normalising what users type and telling code systems apart by form."""

from __future__ import annotations

import re

ICD_RE = re.compile(r"^[A-TV-Z][0-9][0-9A-Z](?:\.?[0-9A-Z]{1,4})?$")
HCPCS_RE = re.compile(r"^(?:[0-9]{4}[0-9FTUM]|[A-V][0-9]{4})$")
MODIFIER_RE = re.compile(r"^[0-9A-Z]{2}$")


def compact(text: str) -> str:
    """Upper-case, spaces and dots removed: 'e11.42 ' -> 'E1142'."""
    return re.sub(r"[\s.]", "", text).upper()


def icd_key(text: str) -> str:
    """'e1142' / 'E11.42' -> 'E11.42'; 'E11' stays 'E11'. Not validated."""
    c = compact(text)
    return c if len(c) <= 3 else f"{c[:3]}.{c[3:]}"


def looks_icd(text: str) -> bool:
    return bool(ICD_RE.match(text.strip().upper()))


def looks_hcpcs(text: str) -> bool:
    return bool(HCPCS_RE.match(compact(text)))
