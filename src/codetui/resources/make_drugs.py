"""Regenerate ``drug_words.txt.gz``: one-word drug names, brands included (a developer tool).

Why: a brand the allow-list does not know ("Eucrisa", "Savella", "Caplyta") is capitalised and
name-shaped, so the redactor took it for a person. A hand list never keeps up; this one holds
~29k generic and brand names.

Source: the PyPI wheel ``drug-named-entity-recognition`` 2.0.9 (MIT licence, Copyright (c) 2023
Fast Data Science Ltd), whose dictionary is built from DrugBank open data (CC0), MeSH and
MedlinePlus (US National Library of Medicine, public domain), NHS medicine pages and Wikipedia
drug synonyms. Only single words are taken (names are facts, one per line); nothing of the
package is imported or shipped. Fetch it with ``pip download --no-deps drug-named-entity-recognition==2.0.9``
and pass the wheel: ``python make_drugs.py path/to/drug_named_entity_recognition-2.0.9-py3-none-any.whl``.
The dictionary inside is a pickle: run this only on that pinned wheel from the registry.
"""

from __future__ import annotations

import bz2
import gzip
import pickle
import re
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
MEMBER = "drug_named_entity_recognition/drug_ner_dictionary.pkl.bz2"
_ONE_WORD = re.compile(r"[a-z][a-z'\-]{2,}[a-z]")

HEADER = """\
# One-word drug names (generic and brand), lower case, one a line. Built by make_drugs.py from the
# dictionary of the PyPI package drug-named-entity-recognition 2.0.9 (MIT licence, Copyright (c)
# 2023 Fast Data Science Ltd; data from DrugBank open data (CC0), MeSH/MedlinePlus (NLM), NHS,
# Wikipedia). Census first names and surnames are left out: the name rules decide those.
"""


def main(argv: list[str]) -> int:
    with zipfile.ZipFile(argv[1]) as zf:
        data = pickle.loads(bz2.decompress(zf.read(MEMBER)))  # noqa: S301 - pinned registry wheel, dev tool
    census = {
        line.strip() for name in ("names_first.txt", "names_last.txt")
        for line in (HERE / name).read_text(encoding="utf-8").splitlines() if line.strip()
    }
    words = {w for w in data["drug_variant_to_canonical"] if _ONE_WORD.fullmatch(w) and w not in census}
    body = (HEADER + "\n".join(sorted(words)) + "\n").encode("utf-8")
    (HERE / "drug_words.txt.gz").write_bytes(gzip.compress(body, compresslevel=9, mtime=0))
    print(f"{len(words)} drug words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
