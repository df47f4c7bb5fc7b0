"""codetui's own plain-words CPT summaries: checked against the store, searchable, labelled as ours.

The summaries ship in place of AMA descriptors, so every code must be what the store says it
is (a current CPT code; "(add-on)" exactly where CMS lists an add-on), the text must not be
AMA or CMS short-descriptor wording, and a user's licensed descriptor still wins.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import orjson
import pytest

from codetui.importers import cpt_summaries
from codetui.importers.base import Rejects
from codetui.pages.build import build_page
from codetui.store import SUMMARY_MARK, CodeStore

HOOK = Path("/work/shared/hooks/before-stop")
# CMS short-descriptor shorthand ("o/p", "addl", "init", "w/o", "dcmprn") never reads like our prose
_CMS_SHORTHAND = re.compile(r"\b(?:o/p|addl|init|w/o|w/|infus|dcmprn|mnpj|absc|tbrs|hmtma|esp|ea)\b", re.I)


def _summaries() -> dict[str, str]:
    text = resources.files("codetui.resources").joinpath(cpt_summaries.RESOURCE).read_text(encoding="utf-8")
    rejects = Rejects()
    out = cpt_summaries.read_summaries(text, rejects)
    assert not rejects.items, [str(r) for r in rejects.items]
    return out


def test_resource_is_clean_and_large_enough() -> None:
    summaries = _summaries()
    assert len(summaries) >= 200
    for code, text in summaries.items():
        assert cpt_summaries.CPT_RE.match(code), code
        assert 10 <= len(text) <= 90, (code, text)
        assert not _CMS_SHORTHAND.search(text), (code, text)
        assert SUMMARY_MARK.strip() not in text, code


def test_bad_lines_are_rejected_with_their_line_number() -> None:
    rejects = Rejects()
    got = cpt_summaries.read_summaries("# note\n99213\tA visit\nJ9045\tNot CPT\n99213\tAgain\n99214\n", rejects)
    assert got == {"99213": "A visit"}
    assert [(r.line, r.reason.split()[0]) for r in rejects.items] == [(3, "not"), (4, "99213"), (5, "expected")]


def test_no_ama_phrases_from_the_licence_guard() -> None:
    if not HOOK.is_file():
        pytest.skip("licence guard hook not present")
    phrases = re.findall(r'"([^"]+)"', HOOK.read_text().split("ama=(", 1)[1].split(")", 1)[0])
    assert len(phrases) >= 10
    text = resources.files("codetui.resources").joinpath(cpt_summaries.RESOURCE).read_text(encoding="utf-8").lower()
    assert not [p for p in phrases if p.lower() in text]


def test_importer_gives_own_blocks_and_a_source() -> None:
    (res,) = cpt_summaries.load(Path("/nonexistent"), Rejects())
    assert res.source.id == "codetui_cpt_summaries" and res.source.publisher == "codetui (own words)"
    assert "not CPT descriptors" in res.source.name
    own = res.tables["hcpcs"]["27447"]["own"]
    assert own == {"summary": _summaries()["27447"], "src": "codetui_cpt_summaries"}
    assert res.source.rows == len(_summaries())


def test_every_summary_matches_what_the_store_says(shipped_store: CodeStore) -> None:
    """Each code is a current CPT code; '(add-on)' exactly where CMS lists it as an add-on."""
    problems = []
    for code, text in _summaries().items():
        rec = shipped_store.hcpcs(code)
        if rec is None or rec.get("system") != "CPT" or "mpfs" not in rec:
            problems.append(f"{code}: not a current CPT code in the store")
            continue
        if rec.get("own", {}).get("summary") != text:
            problems.append(f"{code}: store was built from another summary file")
        if ("(add-on)" in text) != bool(rec.get("aoc")):
            problems.append(f"{code}: add-on marking disagrees with the NCCI AOC file")
        if ("(add-on)" in text) != (rec["mpfs"].get("global") == "ZZZ") and code not in {"96160", "96161", "99459"}:
            problems.append(f"{code}: add-on marking disagrees with global days {rec['mpfs'].get('global')}")
    assert not problems


@pytest.mark.parametrize(
    ("query", "expected", "top"),
    [
        ("knee replacement", {"27447"}, 5),
        ("knee arthroplasty", {"27447"}, 5),  # search synonym: arthroplasty ~ replacement
        ("office visit established", {"99211", "99212", "99213", "99214", "99215"}, 1),
        ("colonoscopy", {"45378"}, 5),
        ("chest x-ray", {"71045", "71046", "71047", "71048"}, 1),
        ("critical care", {"99291"}, 1),
        ("hemoglobin a1c", {"83036"}, 3),
        ("gallbladder removal", {"47562"}, 3),
    ],
)
def test_summaries_are_searchable(shipped_store: CodeStore, query: str, expected: set[str], top: int) -> None:
    codes = [h.code for h in shipped_store.search(query, limit=top)]
    assert expected & set(codes), codes


def test_result_title_is_marked_as_ours(shipped_store: CodeStore) -> None:
    hit = next(h for h in shipped_store.search("knee replacement", limit=5) if h.code == "27447")
    assert hit.title.endswith(SUMMARY_MARK)


def _store(tmp_path: Path, descriptors: dict[str, str] | None = None) -> CodeStore:
    if descriptors is not None:
        (tmp_path / "cpt.json").write_bytes(orjson.dumps({"descriptors": descriptors}))
    rec = {"code": "27447", "system": "CPT", "rbcs": {"family": "Arthroplasty - Knee"},
           "own": {"summary": "Knee swapped for a metal one", "src": "codetui_cpt_summaries"}}
    meta = {"id": "codetui_cpt_summaries", "name": "Summaries", "publisher": "codetui (own words)",
            "release": "2026 edition"}
    return CodeStore.from_tables({"hcpcs": [rec], "meta": [meta]}, user_dir=tmp_path)


def test_page_labels_the_summary_as_ours(tmp_path: Path) -> None:
    store = _store(tmp_path)
    page = build_page(store, "code:27447")
    assert page.title == "Knee swapped for a metal one" + SUMMARY_MARK
    desc = next(s for s in page.sections if s.key == "descriptor")
    lines = [(r.label, r.text) for r in desc.rows]
    assert lines[0] == ("Summary", "Knee swapped for a metal one")
    assert lines[1] == ("", "(codetui's own words; not the CPT descriptor)")
    assert any("codetui import cpt" in text for _, text in lines)
    assert "codetui (own words)" in desc.source


def test_licensed_descriptor_wins_over_the_summary(tmp_path: Path) -> None:
    store = _store(tmp_path, {"27447": "Invented licensed descriptor text"})
    assert store.title("27447") == "Invented licensed descriptor text"
    page = build_page(store, "code:27447")
    desc = next(s for s in page.sections if s.key == "descriptor")
    texts = [r.text for r in desc.rows]
    assert "Invented licensed descriptor text" in texts
    assert not any("Knee swapped" in t for t in texts)
