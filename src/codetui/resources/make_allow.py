"""Regenerate ``known_words.txt.gz``: the Philter-style allow-list (a developer tool, not run at start-up).

Why: a capitalised word that is neither an English word nor a clinical word ("Kateryna",
"Shevchenko", "Iyer") is most likely a name even when no census list knows it. To say that,
the redactor needs the opposite list — every word a note may legitimately contain.

Sources (all public domain or permissively licensed, none copyrighted by the AMA):
- Debian ``wamerican`` (/usr/share/dict/words): SCOWL, Copyright 2000-2011 Kevin Atkinson,
  "Permission to use, copy, modify, distribute and sell these word lists ... for any purpose
  is hereby granted without fee, provided that the above copyright notice appears in all
  copies" (full notice: /usr/share/doc/wamerican/copyright; repeated in known_words.txt.gz).
  Only lower-case entries are taken: capitalised ones are mostly people and places.
- CDC ICD-10-CM tabular XML (titles, inclusion terms, notes) and the FY2023 Table of Drugs and
  Chemicals, Neoplasm Table and External Cause Index (US federal works).
- CMS HCPCS Level II long and short descriptors (US federal work): drug, supply, device words.
- ``drug_words.txt.gz`` (make_drugs.py): ~29k one-word generic and brand drug names from the
  MIT-licensed PyPI package drug-named-entity-recognition (DrugBank open data CC0, NLM MeSH).
- ``codetui.abbrev`` (our own table) and ``clinical_hand.txt`` (our own list: common drug
  brands, devices, lab and vitals words, languages, note jargon).

Usage: python make_allow.py [TABULAR_XML] [INDEX_TABLES_DIR] [HCPCS_CSV] [WORDS_FILE]
(defaults: the raw folders under /work/shared/data/raw and /usr/share/dict/words).
"""

from __future__ import annotations

import csv
import gzip
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
RAW = Path("/work/shared/data/raw")
_WORD = re.compile(r"[A-Za-z][A-Za-z']*[A-Za-z]|[A-Za-z]")

HEADER = """\
# Known words: English (SCOWL/wamerican), ICD-10-CM, HCPCS Level II, codetui abbreviations and
# clinical_hand.txt. Built by make_allow.py; one lower-case word a line. A capitalised word
# NOT in this file (and not a census name) is treated as a person's name by the redactor.
# English words from SCOWL: Copyright 2000-2011 by Kevin Atkinson. Permission to use, copy,
# modify, distribute and sell these word lists, the associated scripts, the output created
# from the scripts, and its documentation for any purpose is hereby granted without fee,
# provided that the above copyright notice appears in all copies and that both that copyright
# notice and this permission notice appear in supporting documentation. Kevin Atkinson makes
# no representations about the suitability of this array for any purpose. It is provided
# "as is" without express or implied warranty.
"""


def _words_in(text: str) -> set[str]:
    out: set[str] = set()
    for tok in _WORD.findall(text):
        tok = tok.lower().removesuffix("'s").strip("'")
        if len(tok) >= 2 and "'" not in tok:
            out.add(tok)
    return out


def _xml_text(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8", errors="replace")
    # element text only: tag names and attributes are not words of a note
    return _words_in(" ".join(re.findall(r">([^<]+)<", text)))


def _hcpcs(path: Path) -> set[str]:
    out: set[str] = set()
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        for row in csv.DictReader(fh):
            out |= _words_in(f"{row.get('LONG DESCRIPTION', '')} {row.get('SHORT DESCRIPTION', '')}")
    return out


def _english(path: Path) -> set[str]:
    return {
        w for w in (line.strip() for line in path.read_text(encoding="utf-8", errors="replace").splitlines())
        if w and w.islower() and w.isalpha() and len(w) >= 2
    }


_DEMONYM_ENDINGS = frozenset(["n", "an", "ian", "ese", "i", "ish", "ean", "ic", "ans", "ians"])


def _demonyms(path: Path, places: set[str], census: set[str]) -> set[str]:
    """"Nigerian", "Kenyan", "Iranian", "Japanese" from the dictionary's capitalised words: only
    those built on a place in the hand list, so surnames ending in -an/-ian stay unknown."""
    out: set[str] = set()
    for w in (line.strip() for line in path.read_text(encoding="utf-8", errors="replace").splitlines()):
        if not (w[:1].isupper() and w.isalpha()):
            continue
        low = w.lower()
        if low in census or not low.endswith(("n", "an", "ian", "ese", "i", "ish", "ean", "ic")):
            continue
        for p in places:
            if len(p) >= 5 and any(low.startswith(stem) and low[len(stem):] in _DEMONYM_ENDINGS for stem in (p, p[:-1])):
                out.add(low)
                break
    return out


def _census_names() -> set[str]:
    return {
        line.strip() for name in ("names_first.txt", "names_last.txt")
        for line in (HERE / name).read_text(encoding="utf-8").splitlines() if line.strip()
    }


def _hand() -> set[str]:
    text = (HERE / "clinical_hand.txt").read_text(encoding="utf-8")
    out: set[str] = set()
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            out |= _words_in(line)
    return out


def _drugs() -> set[str]:
    raw = gzip.decompress((HERE / "drug_words.txt.gz").read_bytes()).decode("utf-8")
    return {w for w in raw.split("\n") if w and not w.startswith("#")}


def _abbrev() -> set[str]:
    sys.path.insert(0, str(HERE.parents[1]))
    from codetui.abbrev import ABBREVIATIONS

    out: set[str] = set()
    for key, expansions in ABBREVIATIONS.items():
        out |= _words_in(key)
        for e in expansions:
            out |= _words_in(e)
    return out


def main(argv: list[str]) -> int:
    tabular = Path(argv[1]) if len(argv) > 1 else RAW / "cdc-icd10cm-tabular-2026-04/icd10c-tabular-April-1-2026.xml"
    tables = Path(argv[2]) if len(argv) > 2 else RAW / "cdc-icd10cm-index-tables-2023"
    hcpcs = Path(argv[3]) if len(argv) > 3 else RAW / "cms-hcpcs-anweb-2025-10/HCPC2025_OCT_ANWEB.csv"
    words = Path(argv[4]) if len(argv) > 4 else Path("/usr/share/dict/words")
    parts = {
        "english": _english(words),
        "icd": _xml_text(tabular),
        "tables": set().union(*(_xml_text(p) for p in sorted(tables.glob("*.xml")))),
        "hcpcs": _hcpcs(hcpcs),
        "abbrev": _abbrev(),
        "hand": _hand(),
        "drugs": _drugs(),
    }
    parts["demonyms"] = _demonyms(words, parts["hand"], _census_names())
    known = set().union(*parts.values())
    body = (HEADER + "\n".join(sorted(known)) + "\n").encode("utf-8")
    # gzip (mtime 0, so a rebuild from the same sources is byte-identical): 760 KB -> 230 KB
    (HERE / "known_words.txt.gz").write_bytes(gzip.compress(body, compresslevel=9, mtime=0))
    print(", ".join(f"{k} {len(v)}" for k, v in parts.items()) + f"; total {len(known)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
