"""Find code and range references inside free text (ICD notes, HCPCS cross-references).

Notes say things like "code first underlying disease (E08-E13)", "use additional code (Z79.4)",
"Excludes1: gestational diabetes (O24.4-)". Each reference becomes a link target when the store
knows it, so every code or range named on a page can be followed.
"""

from __future__ import annotations

import re
from typing import Protocol

from codetui.pages.model import Span

# ICD-10-CM: letter, digit, alnum, optional .xxxx and a trailing '-' (any code beneath);
# ranges "E08-E13", "C00-C96", "S72.0-S72.2"; HCPCS/CPT five-character codes.
_ICD = r"[A-TV-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?"
_REF = re.compile(
    rf"(?<![\w.])(?P<range>{_ICD}-{_ICD})(?![\w])"
    rf"|(?<![\w.])(?P<icd>{_ICD})(?P<dash>\.?-)?(?![\w])"
    r"|(?<![\w.])(?P<hcpcs>[A-V][0-9]{4}|[0-9]{4}[0-9FTU])(?![\w.])"
)


class Resolver(Protocol):
    def icd(self, code: str) -> dict | None: ...
    def hcpcs(self, code: str) -> dict | None: ...


def reference_target(match: re.Match[str], store: Resolver) -> str | None:
    if match.group("range"):
        a, b = match.group("range").split("-")
        if store.icd(a) is not None or store.icd(a[:3]) is not None:
            return f"range:{a}-{b}"
        return None
    if match.group("icd"):
        code = match.group("icd")
        rec = store.icd(code)
        return f"icd:{rec['code']}" if rec is not None else None
    code = match.group("hcpcs")
    if code and store.hcpcs(code) is not None:
        return f"code:{code}"
    return None


def linkify(text: str, store: Resolver) -> tuple[Span, ...]:
    """Split text into spans; references the store knows become links."""
    spans: list[Span] = []
    pos = 0
    for m in _REF.finditer(text):
        target = reference_target(m, store)
        if target is None:
            continue
        if m.start() > pos:
            spans.append(Span(text[pos : m.start()]))
        spans.append(Span(m.group(0), target))
        pos = m.end()
    if pos < len(text):
        spans.append(Span(text[pos:]))
    return tuple(spans) or (Span(""),)


def references(text: str, store: Resolver) -> list[str]:
    """Every link target found in ``text`` (in order, duplicates kept once)."""
    seen: dict[str, None] = {}
    for span in linkify(text, store):
        if span.link:
            seen.setdefault(span.link, None)
    return list(seen)
