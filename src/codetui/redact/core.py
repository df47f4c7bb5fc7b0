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


# After a street or a town: ", Indiranagar", ", Kingston upon Thames", " 560038", " KT2 6HE".
_PLACE_AFTER = re.compile(
    r",?[ \t]+((?:[A-Z][^\W\d_A-Z][\w'\u2019\-]*)(?:[ \t]+(?:(?:upon|on|am|an|sur|de|la|le|del|en)[ \t]+)?[A-Z][^\W\d_A-Z][\w'\u2019\-]*){0,2})"
)
_POSTCODE_AFTER = re.compile(
    rf",?[ \t]+(?:(?:[A-Z]{{2}})[ \t]+)?({patterns.UK_POSTCODE}|{patterns.CA_POSTCODE}|[0-9]{{4}}[ \t]?[A-Z]{{2}}|[0-9]{{3}}[ \t]?[0-9]{{3}}|[0-9]{{4,5}})(?![\w\-])"
)
_STATE_WORD = re.compile(rf"(?:{patterns.STATES}|{patterns.STATE_NAMES})$")


def _places(text: str, found: list[Span], lexicon: Lexicon) -> list[Span]:
    """Towns and postcodes that only their neighbours reveal, and later mentions of a found town.

    "14 Bruntsfield Place, Edinburgh EH10 4HN", "#14 3rd Cross, Indiranagar, Bengaluru 560038":
    after a street (or a town found so) come up to two more places, then maybe a postcode.
    "Transfer from Ottawa ... Ottawa ON": a town once found is a town everywhere in the note.
    """
    out: list[Span] = []
    for m in patterns.FROM_PLACE.finditer(text):
        words = [w.lower() for w in re.findall(r"[^\W\d_]+", m.group(1))]
        if not all(lexicon.is_known(w) and not lexicon.is_name(w) for w in words):
            out.append(Span(m.start(1), m.end(1), "LOCATION"))
    for a in [s for s in found if s.type in ("ADDRESS", "LOCATION")] + out[:]:
        end = a.end
        for _ in range(3):
            z = _POSTCODE_AFTER.match(text, end)
            if z:
                out.append(Span(z.start(1), z.end(1), "ZIP"))
                break
            if a.type != "ADDRESS" and end == a.end:
                break  # a town is followed by a postcode, not by another town
            pm = _PLACE_AFTER.match(text, end)
            if not pm or _STATE_WORD.match(pm.group(1)) or pm.group(1).lower() in ("apt", "unit", "suite"):
                break
            out.append(Span(pm.start(1), pm.end(1), "LOCATION"))
            end = pm.end(1)
    towns = {text[s.start:s.end] for s in list(found) + out if s.type == "LOCATION" and len(text[s.start:s.end]) >= 4}
    for town in towns:
        for m in re.finditer(rf"(?<![\w\-]){re.escape(town)}(?![\w\-])", text):
            out.append(Span(m.start(), m.end(), "LOCATION"))
    return out


class Redactor:
    """Holds the (immutable) word lists; ``redact`` is pure and safe to call from threads."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or default_lexicon()
        self.names = NameFinder(self.lexicon)

    def find(self, text: str) -> list[Span]:
        found = list(patterns.find_all(text))
        found.extend(_places(text, found, self.lexicon))
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
