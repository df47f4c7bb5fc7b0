"""Word handling shared by the search index (building) and the search (querying).

Both sides must cut text into the same tokens, or an indexed word can never be found again;
that is why tokenizing, stop words and stemming live in one small module.
"""

from __future__ import annotations

import re
from functools import lru_cache

from codetui.abbrev import SLASHED

# Words too common or too small to narrow anything down. Not indexed, dropped from queries.
STOPWORDS: frozenset[str] = frozenset(
    ["a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "its", "of", "on", "or", "the", "to", "with", "w"]
)

_SPLIT = re.compile(r"[^a-z0-9]+")
_POSSESSIVE = re.compile(r"['\u2019]s\b")
_SLASHED_RE = re.compile(r"(?<![a-z0-9])(" + "|".join(re.escape(s) for s in sorted(SLASHED)) + r")(?![a-z0-9])") if SLASHED else None


def tokenize(text: str, *, keep_slashed: bool = False) -> list[str]:
    """Lower-case words and numbers, stop words dropped: "Crohn's disease, NOS" -> [crohn, disease, nos].

    ``keep_slashed`` keeps abbreviations such as "n/v" whole (queries only).
    """
    low = _POSSESSIVE.sub("", text.lower())
    if keep_slashed and _SLASHED_RE is not None and "/" in low:
        out: list[str] = []
        pos = 0
        for m in _SLASHED_RE.finditer(low):
            out.extend(t for t in _SPLIT.split(low[pos : m.start()]) if t and t not in STOPWORDS)
            out.append(m.group(1))
            pos = m.end()
        out.extend(t for t in _SPLIT.split(low[pos:]) if t and t not in STOPWORDS)
        return out
    return [t for t in _SPLIT.split(low) if t and t not in STOPWORDS]


# (suffix, replacement) tried in order after a plural "s" is removed; the stem keeps >= 4 letters.
_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("ation", ""),
    ("ities", ""),
    ("ity", ""),
    ("ive", ""),
    ("ion", ""),
    ("ing", ""),
    ("ed", ""),
    ("ic", ""),
    ("al", ""),
    ("y", ""),
    ("e", ""),
)


@lru_cache(maxsize=1 << 16)  # pure; explaining a hit stems the same title words again and again
def stem(word: str) -> str:
    """A light stem so that inflections meet: diabetes/diabetic, fracture/fractured/fractures,
    neuropathy/neuropathic, hypertension/hypertensive. Numbers and short words stay as they are.
    """
    if len(word) < 5 or not word.isalpha():
        return word
    w = word
    if w.endswith("ies"):
        w = w[:-3] + "y"
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for suffix, repl in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) + len(repl) >= 4:
            return w[: len(w) - len(suffix)] + repl
    return w
