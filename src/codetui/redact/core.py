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


class Redactor:
    """Holds the (immutable) word lists; ``redact`` is pure and safe to call from threads."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.names = NameFinder(lexicon or default_lexicon())

    def find(self, text: str) -> list[Span]:
        found = list(patterns.find_all(text))
        found.extend(self.names.find(text))
        guards = [(m.start(), m.end()) for m in _PLACEHOLDER.finditer(text)]
        if guards:
            found = [s for s in found if not any(s.start < e and b < s.end for b, e in guards)]
        return resolve(found)

    def redact(self, text: str) -> Redaction:
        spans = self.find(text)
        return Redaction(apply(text, spans), tuple(spans))


def redact(text: str, redactor: Redactor | None = None) -> Redaction:
    return (redactor or Redactor()).redact(text)
