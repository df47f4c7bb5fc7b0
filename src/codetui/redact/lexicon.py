"""The word lists behind name detection, loaded once from ``codetui/resources``.

Why lists and not a model: the tool is offline and must explain itself. Census first names
and surnames say what *could* be a name; ``name_words.txt`` (names that are also English or
ICD title words: Rose, White, Bell) and the clinical allow-lists (eponyms, drugs) say when a
capitalised word needs context before it is treated as one. See resources/make_lists.py.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources


def _words(name: str) -> frozenset[str]:
    text = resources.files("codetui.resources").joinpath(name).read_text(encoding="utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


# Drug stems (USAN): a word ending so is a drug even when no list has it yet ("tirzepatide").
DRUG_STEMS = (
    "mab", "nib", "pril", "sartan", "olol", "statin", "azole", "cillin", "mycin", "floxacin", "tidine",
    "prazole", "gliptin", "gliflozin", "glutide", "tide", "parin", "xaban", "gatran", "navir", "previr",
    "buvir", "ciclovir", "vudine", "tegravir", "cycline", "dronate", "triptan", "azepam", "azolam", "afil",
    "olone", "asone", "terol", "tropium", "dipine", "setron", "oxetine", "tyline", "pramine", "peridol",
    "apine", "idone", "profen", "coxib", "caine", "curium", "platin", "rubicin", "taxel", "fungin",
    "conazole", "semide", "thiazide", "lukast", "zumab", "ximab", "cept", "kinra", "ergoline", "barbital",
)


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """Every English and clinical word (``known_words.txt.gz``, ~80k words, read once).

    The Philter-style allow-list: a capitalised word *outside* it that no census list knows
    is treated as a name. Built by resources/make_allow.py (SCOWL, ICD-10-CM, HCPCS, hand list).
    """
    raw = resources.files("codetui.resources").joinpath("known_words.txt.gz").read_bytes()
    lines = gzip.decompress(raw).decode("utf-8").split("\n")
    return frozenset(w for w in lines if w and not w.startswith("#"))


@lru_cache(maxsize=1)
def drug_words() -> frozenset[str]:
    """One-word generic and brand drug names (``drug_words.txt.gz``, ~29k, see make_drugs.py).

    Kept apart from ``known`` as well as inside it: "Glycomet 500 (metformin)" reads as a brand
    because the word in brackets is a drug, whatever the brand itself is.
    """
    raw = resources.files("codetui.resources").joinpath("drug_words.txt.gz").read_bytes()
    return frozenset(w for w in gzip.decompress(raw).decode("utf-8").split("\n") if w and not w.startswith("#"))


@dataclass(frozen=True)
class Lexicon:
    first: frozenset[str]
    last: frozenset[str]
    ambiguous: frozenset[str]
    allowed: frozenset[str]
    # English + clinical vocabulary; empty means "no allow-list fallback" (tests, old callers)
    known: frozenset[str] = field(default=frozenset())
    drugs: frozenset[str] = field(default=frozenset())

    @classmethod
    def load(cls) -> Lexicon:
        return cls(
            first=_words("names_first.txt"),
            last=_words("names_last.txt"),
            ambiguous=_words("name_words.txt"),
            allowed=_words("clinical_allow.txt") | _words("eponyms_icd.txt"),
            known=known_words(),
            drugs=drug_words(),
        )

    def is_name(self, word: str) -> bool:
        return word in self.first or word in self.last

    def is_known(self, word: str) -> bool:
        """An English or clinical word (plural, possessive and hyphenated forms included)."""
        if word in self.known or word in self.allowed:
            return True
        if "-" in word:
            return all(self.is_known(p) for p in word.split("-") if len(p) > 1)
        for suffix, repl in (("s", ""), ("es", ""), ("ies", "y"), ("'s", ""), ("s'", "")):
            if word.endswith(suffix) and len(word) - len(suffix) >= 3 and word[: -len(suffix)] + repl in self.known:
                return True
        return False

    def is_drug(self, word: str) -> bool:
        """A drug name from the list, or a word ending in a USAN stem of at least 3 more letters."""
        return word in self.drugs or any(word.endswith(stem) and len(word) >= len(stem) + 3 for stem in DRUG_STEMS)

    def is_plain_name(self, word: str) -> bool:
        """A census name that is not also an ordinary or clinical word: a name on its own."""
        return self.is_name(word) and word not in self.ambiguous and word not in self.allowed


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The shipped lists, read once per process (they are immutable)."""
    return Lexicon.load()
