"""``redact(text)``: every Safe Harbor identifier replaced by a typed placeholder.

The result keeps the spans in *original* offsets so callers (``--json``, the TUI Note screen)
can show what was removed without keeping the removed text. Nothing here logs, caches or
writes the input: the text lives only in the caller's memory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from codetui.redact import patterns
from codetui.redact.lexicon import Lexicon, default_lexicon
from codetui.redact.names import NameFinder
from codetui.redact.spans import Span, apply, resolve

# Placeholders already in the text ("[NAME]") are left as they are, so redaction is idempotent.
_PLACEHOLDER = re.compile(r"\[[A-Z]+\]")


@dataclass(frozen=True)
class Redaction:
    text: str
    spans: tuple[Span, ...]

    def as_dict(self) -> dict[str, object]:
        return {"text": self.text, "spans": [s.as_dict() for s in self.spans]}


def _outside(text: str, name: Span, addresses: list[Span]) -> list[Span]:
    """The parts of a name find outside every address: "Berliner Straße 14a" is a street even
    when the name rules took "Berliner Straße" for a person (a longer name must not win)."""
    parts = [name]
    for a in addresses:
        nxt: list[Span] = []
        for p in parts:
            if p.end <= a.start or a.end <= p.start:
                nxt.append(p)
                continue
            if p.start < a.start:
                nxt.append(Span(p.start, a.start, p.type))
            if a.end < p.end:
                nxt.append(Span(a.end, p.end, p.type))
        parts = nxt
    out = []
    for p in parts:  # a cut leaves the space or comma next to the street: trim it
        piece = text[p.start:p.end]
        lead = len(piece) - len(piece.lstrip(" \t,"))
        trail = len(piece) - len(piece.rstrip(" \t,"))
        if any(ch.isalpha() for ch in piece):
            out.append(Span(p.start + lead, p.end - trail, p.type))
    return out


class Redactor:
    """Holds the (immutable) word lists; ``redact`` is pure and safe to call from threads."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.names = NameFinder(lexicon or default_lexicon())

    def find(self, text: str) -> list[Span]:
        found = list(patterns.find_all(text))
        addresses = [s for s in found if s.type == "ADDRESS"]
        for name in self.names.find(text):
            found.extend(_outside(text, name, addresses))
        guards = [(m.start(), m.end()) for m in _PLACEHOLDER.finditer(text)]
        if guards:
            found = [s for s in found if not any(s.start < e and b < s.end for b, e in guards)]
        return resolve(found)

    def redact(self, text: str) -> Redaction:
        spans = self.find(text)
        return Redaction(apply(text, spans), tuple(spans))


def redact(text: str, redactor: Redactor | None = None) -> Redaction:
    return (redactor or Redactor()).redact(text)
