"""Regenerate the word lists the redactor ships (a developer tool, not run at start-up).

Sources, all public domain or our own:
- 1990 US Census name frequency files (``dist.all.last``, ``dist.female.first``,
  ``dist.male.first``), as shipped in the MIT-licensed PyPI package ``names`` 0.3.0.
- An English word list (Debian ``wamerican``, /usr/share/dict/words) — only used to decide
  which names are also ordinary words; no dictionary text ships.
- The CDC ICD-10-CM tabular XML — capitalised words inside titles are eponyms (Crohn, Graves).

Usage: python make_lists.py NAMES_PKG_DIR TABULAR_XML [WORDS_FILE]
Writes names_first.txt, names_last.txt, name_words.txt and eponyms_icd.txt beside this file.
Why an intersection file: a capitalised token that is a census name but also an English or
clinical word ("Rose", "White", "Mark", "Bell") is only a name with context.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SURNAMES_KEPT = 20_000


def _census(path: Path, limit: int | None = None) -> list[str]:
    out: list[str] = []
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if parts and parts[0].isalpha():
            out.append(parts[0].lower())
        if limit and len(out) >= limit:
            break
    return out


def _icd_words(xml: Path) -> tuple[set[str], set[str]]:
    """(all lower-cased title words, eponyms = words capitalised after the first word)."""
    words: set[str] = set()
    eponyms: set[str] = set()
    text = xml.read_text(encoding="utf-8", errors="replace")
    for m in re.finditer(r"<(?:desc|note)>([^<]*)</(?:desc|note)>", text):
        tokens = re.findall(r"[A-Za-z][a-z]+(?:-[A-Z][a-z]+)*", m.group(1))
        for i, tok in enumerate(tokens):
            words.add(tok.lower())
            if i > 0 and tok[0].isupper():
                for part in tok.split("-"):
                    eponyms.add(part.lower())
    return words, eponyms


def main(argv: list[str]) -> int:
    pkg, xml = Path(argv[1]), Path(argv[2])
    dict_words = Path(argv[3]) if len(argv) > 3 else Path("/usr/share/dict/words")
    first = sorted(set(_census(pkg / "dist.female.first") + _census(pkg / "dist.male.first")))
    last = _census(pkg / "dist.all.last", SURNAMES_KEPT)
    english = {
        w.strip().lower()
        for w in dict_words.read_text(encoding="utf-8", errors="replace").splitlines()
        if w.strip() and w.strip()[0].islower() and "'" not in w
    }
    icd_words, eponyms = _icd_words(xml)
    ambiguous = sorted((set(first) | set(last)) & (english | icd_words))
    (HERE / "names_first.txt").write_text("\n".join(first) + "\n", encoding="utf-8")
    (HERE / "names_last.txt").write_text("\n".join(sorted(last)) + "\n", encoding="utf-8")
    (HERE / "name_words.txt").write_text("\n".join(ambiguous) + "\n", encoding="utf-8")
    (HERE / "eponyms_icd.txt").write_text("\n".join(sorted(eponyms)) + "\n", encoding="utf-8")
    print(f"first {len(first)}, last {len(last)}, ambiguous {len(ambiguous)}, eponyms {len(eponyms)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
