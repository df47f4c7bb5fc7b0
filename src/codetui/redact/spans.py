"""A found identifier (``Span``) and the rule that turns overlapping finds into one clean set.

Detectors run independently and may overlap (a phone inside a URL, a name inside an address);
``resolve`` keeps a non-overlapping set so each character is replaced at most once and the
reported spans can be trusted to describe the output exactly.
"""

from __future__ import annotations

from dataclasses import dataclass

# Higher wins when two finds overlap with the same length class (see ``resolve``).
PRIORITY: dict[str, int] = {
    "URL": 90, "EMAIL": 90, "IP": 85, "SSN": 80, "MRN": 75, "HEALTHPLAN": 75,
    "ACCOUNT": 75, "CLAIM": 75, "AUTH": 75, "LICENSE": 75, "VEHICLE": 75, "DEVICE": 75,
    "BIOMETRIC": 75, "PHOTO": 75, "ID": 70, "PHONE": 65, "FAX": 65, "ADDRESS": 60,
    "DATE": 55, "AGE": 50, "ZIP": 45, "LOCATION": 40, "NAME": 30,
}


@dataclass(frozen=True, order=True)
class Span:
    """Half-open ``[start, end)`` character range of the *original* text and its type."""

    start: int
    end: int
    type: str

    @property
    def placeholder(self) -> str:
        return f"[{self.type}]"

    def as_dict(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "type": self.type}


def resolve(spans: list[Span]) -> list[Span]:
    """Non-overlapping spans, sorted. Overlaps: the longer find wins, then the higher priority.

    Adjacent spans of the same type are merged so "[NAME] [NAME]" reads as one name only when
    they truly touch (no gap); spans separated by a space stay separate.
    """
    ranked = sorted(spans, key=lambda s: (-(s.end - s.start), -PRIORITY.get(s.type, 0), s.start))
    taken: list[Span] = []
    for s in ranked:
        if s.end <= s.start:
            continue
        if any(s.start < t.end and t.start < s.end for t in taken):
            continue
        taken.append(s)
    taken.sort()
    merged: list[Span] = []
    for s in taken:
        if merged and merged[-1].end == s.start and merged[-1].type == s.type:
            merged[-1] = Span(merged[-1].start, s.end, s.type)
        else:
            merged.append(s)
    return merged


def apply(text: str, spans: list[Span]) -> str:
    """Replace each (resolved, sorted) span with its placeholder."""
    out: list[str] = []
    pos = 0
    for s in spans:
        out.append(text[pos:s.start])
        out.append(s.placeholder)
        pos = s.end
    out.append(text[pos:])
    return "".join(out)
