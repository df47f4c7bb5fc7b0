"""Offline answers to coders' questions, from the code store only (no network, no model).

``answer(store, question) -> Answer``: the question is parsed into an ``Intent`` by keyword
patterns (``codetui.ask.parse``), then one handler reads the store and returns a short
paragraph plus the ``Fact``s it rests on (each with source, release and linkable codes).
"""

from __future__ import annotations

from typing import Any

from codetui.ask.model import Answer, Fact, Intent
from codetui.ask.parse import parse_question

__all__ = ["Answer", "Fact", "Intent", "answer", "parse_question"]


def answer(store: Any, question: str) -> Answer:
    from codetui.ask import answers, modcode, other, pairs

    intent = parse_question(question)
    handlers = {**answers.HANDLERS, "together": pairs.together, "without": pairs.without,
                "modifier": other.modifier, "pctc": modcode.pctc, "search": other.search, "unknown": other.unknown}
    return handlers.get(intent.kind, other.unknown)(store, intent)
