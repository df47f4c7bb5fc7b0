"""codetui's own plain-language summaries of common CPT codes, as ``hcpcs`` ``own`` blocks.

AMA CPT descriptors never ship, so without a licensed file a CPT code showed only its
bracketed RBCS/CCS classification and "knee replacement" could not find 27447. These summaries
are written in our own words (``resources/cpt_summaries.tsv``), so they may ship; they say what
a service is for a reader, not what the descriptor says. Not an official file: the text ships
inside the package, so ``raw_dir`` is unused.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from codetui.importers.base import ImportResult, Rejects, SourceMeta
from codetui.textclean import clean_field

SOURCE_ID = "codetui_cpt_summaries"
RESOURCE = "cpt_summaries.tsv"
CPT_RE = re.compile(r"^[0-9]{4}[0-9FTU]$")


def source_meta() -> SourceMeta:
    return SourceMeta(
        id=SOURCE_ID,
        name="Plain-language summaries of common CPT codes (our words, not CPT descriptors)",
        publisher="codetui (own words)",
        release="2026 edition",
        effective="2026-01-01",
        files=[f"codetui/resources/{RESOURCE}"],
    )


def read_summaries(text: str, rejects: Rejects, file: str = RESOURCE) -> dict[str, str]:
    """``{code: summary}`` from the TSV text; a bad or repeated line is rejected, not fatal."""
    out: dict[str, str] = {}
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        code, sep, summary = line.partition("\t")
        code, summary = clean_field(code).upper(), clean_field(summary)
        if not sep or not summary:
            rejects.add(file, line_no, "expected code<TAB>summary")
        elif not CPT_RE.match(code):
            rejects.add(file, line_no, f"not a CPT code: {code!r}")
        elif code in out:
            rejects.add(file, line_no, f"{code} repeated")
        else:
            out[code] = summary
    return out


def load(raw_dir: Path, rejects: Rejects) -> list[ImportResult]:
    """``raw_dir`` is unused: the summaries ship inside the package."""
    text = resources.files("codetui.resources").joinpath(RESOURCE).read_text(encoding="utf-8")
    result = ImportResult(source_meta())
    for code, summary in read_summaries(text, rejects).items():
        result.put("hcpcs", code, "own", {"summary": summary, "src": SOURCE_ID})
    result.source.rows = len(result.tables.get("hcpcs", {}))
    return [result]
