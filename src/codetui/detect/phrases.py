"""The words -> codes index: every ICD-10-CM title and inclusion term as a bag of stems.

A phrase matches a stretch of a note when all its *required* stems occur there; *optional*
stems (disorder, unspecified ...) only add to the score. Each phrase is filed under its
rarest required stem, so a note looks up only the phrases that could possibly match.
Building takes about a second over the full store, so the index is cached as JSON under
``paths.cache_dir()`` keyed by the store file's size and mtime; it holds code titles only,
never note text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from codetui import paths
from codetui.detect.text import OPTIONAL_STEMS, marked_words

INDEX_VERSION = 5
_PARENS = re.compile(r"\([^)]*\)")
_DUE_TO = re.compile(r"\bdue to\b([^,;]*)", re.IGNORECASE)
_SKIP_KINDS = {"chapter", "block"}


@dataclass(frozen=True)
class Phrase:
    code: str
    required: frozenset[str]
    optional: frozenset[str]
    source: str  # "title" | "inclusion" | "neoplasm"
    bonus: float = 0.0  # from the code's record: billable, "other ...", manifestation


def _phrase(code: str, text: str, source: str, bonus: float = 0.0) -> Phrase | None:
    text = _PARENS.sub(" ", text)
    optional: set[str] = set()
    due = _DUE_TO.search(text)
    if due:  # "obesity due to excess calories": the cause is detail a note may omit
        optional.update(s for s, _, _ in marked_words(due.group(1)))
        text = text[: due.start()] + text[due.end():]
    stems = {s for s, _, _ in marked_words(text)}
    optional |= {s for s in stems if s in OPTIONAL_STEMS or s.startswith("no_")}
    required = stems - optional
    if not required:
        return None
    return Phrase(code, frozenset(required), frozenset(optional - required), source, bonus)


def _bonus(rec: dict[str, Any]) -> float:
    """Score adjustments known from the record alone (so matching needs no store lookups)."""
    title = rec.get("title", "").lower()
    b = 0.2 if rec.get("billable") else 0.0
    if "with unspecified" in title or title.startswith("other"):
        b -= 0.3
    if "classified elsewhere" in title:
        b -= 0.6  # manifestation codes are never listed first
    return b


def _neoplasm_phrase(term: dict[str, Any]) -> Phrase | None:
    """'Neoplasm, colon' + Malignant Primary column -> 'malignant neoplasm colon' -> C18.9."""
    parts = [p.strip() for p in term.get("term", "").split(",")]
    code = (term.get("codes") or {}).get("Malignant Primary", "")
    if len(parts) < 2 or len(parts) > 3 or not code or code.endswith("-"):
        return None
    return _phrase(code, "malignant neoplasm " + " ".join(parts[1:]), "neoplasm", 0.2)


def phrases_from(store: Any) -> list[Phrase]:
    out: list[Phrase] = []
    for code, rec in store.icd_table.items():
        if rec.get("kind") in _SKIP_KINDS:
            continue
        if rec.get("seventh_from") and len(code.replace(".", "")) == 7:
            continue  # 7th-character expansions: matched through their 6-character parent
        bonus = _bonus(rec)
        for text, source in [(rec.get("title", ""), "title")] + [
            (t, "inclusion") for t in [*rec.get("inclusion", ()), *rec.get("includes", ())]
        ]:
            p = _phrase(code, text, source, bonus)
            if p is not None:
                out.append(p)
    for term in store.table("terms").values():
        if term.get("source") == "neoplasm":
            p = _neoplasm_phrase(term)
            if p is not None and store.icd(p.code) is not None:
                out.append(p)
    return out


class PhraseIndex:
    """Phrases filed by their rarest required stem."""

    def __init__(self, phrases: Iterable[Phrase]) -> None:
        self.phrases = list(phrases)
        freq = Counter(s for p in self.phrases for s in p.required)
        self.by_key: dict[str, list[Phrase]] = {}
        for p in self.phrases:
            key = min(p.required, key=lambda s: (freq[s], s))
            self.by_key.setdefault(key, []).append(p)

    def candidates(self, stems: set[str]) -> list[Phrase]:
        out: list[Phrase] = []
        for s in stems:
            for p in self.by_key.get(s, ()):
                if p.required <= stems:
                    out.append(p)
        return out

    # ---- construction with an on-disk cache -----------------------------------------------
    @classmethod
    def for_store(cls, store: Any) -> PhraseIndex:
        cache = _cache_file(store)
        if cache is not None and cache.exists():
            try:
                rows = orjson.loads(cache.read_bytes())
                return cls(Phrase(c, frozenset(r), frozenset(o), s, b) for c, r, o, s, b in rows)
            except (orjson.JSONDecodeError, ValueError, TypeError):
                pass
        phrases = phrases_from(store)
        if cache is not None:
            rows = [[p.code, sorted(p.required), sorted(p.optional), p.source, p.bonus] for p in phrases]
            try:
                cache.parent.mkdir(parents=True, exist_ok=True)
                tmp = cache.with_suffix(".tmp")
                tmp.write_bytes(orjson.dumps(rows))
                tmp.replace(cache)
            except OSError:
                pass  # a read-only cache dir only costs speed
        return cls(phrases)


def _cache_file(store: Any) -> Path | None:
    path = getattr(store, "path", None)
    if path is None:
        return None
    try:
        st = Path(path).stat()
    except OSError:
        return None
    return paths.cache_dir() / f"detect-phrases-v{INDEX_VERSION}-{st.st_size}-{int(st.st_mtime)}.json"
