"""What ``ask`` returns: a short paragraph plus the facts it rests on, ready for any renderer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Fact:
    """One stored fact behind an answer. ``links`` are codes a browser can open."""

    label: str
    value: str
    source: str = ""
    links: tuple[str, ...] = ()
    release: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"label": self.label, "value": self.value, "source": self.source,
                "release": self.release, "links": list(self.links)}


@dataclass(frozen=True)
class Answer:
    """``answered`` is False when the question was not understood or the store lacks the data;
    then ``suggestions`` offer searches or questions that would work."""

    text: str
    facts: tuple[Fact, ...] = ()
    suggestions: tuple[str, ...] = ()
    answered: bool = True
    intent: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "answered": self.answered, "intent": self.intent,
                "facts": [f.as_dict() for f in self.facts], "suggestions": list(self.suggestions)}


@dataclass(frozen=True)
class Intent:
    """A parsed question: what is asked (``kind``) and about which codes/modifiers."""

    kind: str
    codes: tuple[str, ...] = ()
    modifiers: tuple[str, ...] = ()
    words: str = ""  # free text for searches
    question: str = field(default="", compare=False)
