"""Code pages as a coder reads them: payment facts, modifiers offered, inherited ICD notes, width."""

from __future__ import annotations

import subprocess
import sys
import unicodedata

import pytest
from conftest import REPO

from codetui.pages.build import build_page
from codetui.pages.hcpcs_page import suggested_modifiers
from codetui.pages.text import LABEL_WIDTH, render_text


def _rows(page, key):
    sec = next(s for s in page.sections if s.key == key)
    return {r.label: r.text for r in sec.rows}, sec


# ---- modifiers offered, on invented records (no store needed) --------------------------------

def _rec(code="12345", system="CPT", category="Procedure", **mpfs):
    base = {"status": "A", "global": "XXX", "pctc": "0", "mult": "0", "bilat": "0", "asst": "9",
            "co": "9", "team": "9"}
    base.update(mpfs)
    return {"code": code, "system": system, "mpfs": base, "rbcs": {"category": category}}


def test_em_code_gets_visit_modifiers_not_surgical_ones() -> None:
    mods = suggested_modifiers(_rec("99213", category="E&M"))
    assert "25" in mods and "57" in mods
    assert not {"51", "78", "79", "54", "22"} & set(mods)


def test_major_surgery_gets_surgical_modifiers_not_25() -> None:
    mods = suggested_modifiers(_rec(**{"global": "090", "mult": "2", "bilat": "1", "asst": "2", "co": "1"}))
    assert {"51", "58", "78", "79", "54", "55", "50", "80", "62"} <= set(mods)
    assert "25" not in mods and "24" not in mods and "57" not in mods


def test_no_51_without_a_multiple_procedure_rule() -> None:
    assert "51" not in suggested_modifiers(_rec(**{"global": "000", "mult": "0"}))
    assert "51" in suggested_modifiers(_rec(**{"global": "000", "mult": "2"}))


def test_addon_never_offers_51_or_25() -> None:
    rec = _rec(**{"global": "ZZZ"})
    rec["aoc"] = [{"primary": "12340", "type": 1}]
    mods = suggested_modifiers(rec)
    assert "59" in mods and "51" not in mods and "25" not in mods


def test_drug_excluded_from_pfs_gets_only_waste_modifiers() -> None:
    rec = _rec("J1234", system="HCPCS", category="Treatment",
               status="E", pctc="9", mult="9", bilat="9")
    rec["anweb"] = {"price": ["51"]}
    assert suggested_modifiers(rec) == ["JW", "JZ"]


def test_pctc_1_offers_26_and_tc_pctc_0_does_not() -> None:
    assert suggested_modifiers(_rec(pctc="1"))[:2] == ["26", "TC"]
    assert "26" not in suggested_modifiers(_rec(pctc="0"))


# ---- the shipped store ---------------------------------------------------------------------

def test_na_setting_is_not_priced(shipped_store) -> None:
    rows, _ = _rows(build_page(shipped_store, "27447"), "rvu")  # non-facility NA in RVU26C
    assert rows["Rate, non-facility"].startswith("NA")
    assert rows["Rate, facility"].startswith("$")
    assert "NA" in rows["Total, non-facility"]
    rows, _ = _rows(build_page(shipped_store, "71046"), "rvu")  # facility NA on the global row
    assert rows["Rate, facility"].startswith("NA") and rows["Rate, non-facility"].startswith("$")


def test_mue_of_one_says_unit(shipped_store) -> None:
    rows, _ = _rows(build_page(shipped_store, "27447"), "mue")
    assert rows["Practitioner"].startswith("1 unit ")


def test_icd_code_shows_notes_of_its_category_and_chapter(shipped_store) -> None:
    page = build_page(shipped_store, "E11.42")
    _, sec = _rows(page, "excludes1")
    by_label = [(r.label, r.text) for r in sec.rows]
    assert ("from E11", "type 1 diabetes mellitus (E10.-)") in by_label
    assert any(lbl == "from Chapter 4" for lbl, _ in by_label)
    _, sec = _rows(page, "use_additional")
    assert any("insulin (Z79.4)" in r.text and r.label == "from E11" for r in sec.rows)


def test_chapter_page_does_not_inherit(shipped_store) -> None:
    page = build_page(shipped_store, "ch4")
    for sec in page.sections:
        assert not any(r.label.startswith("from ") for r in sec.rows)


def test_code_with_modifier_is_not_a_range(shipped_store) -> None:
    assert build_page(shipped_store, "71046-26") is None
    assert build_page(shipped_store, "H40-H42").system in ("ICD-10-CM", "Range")


@pytest.mark.parametrize("code", ["96417", "27447", "71046", "J9045", "E0601", "G2211", "S72.001A",
                                  "E11", "ch4", "59", "XE"])
def test_pages_fit_80_columns_and_labels_are_whole(shipped_store, code) -> None:
    page = build_page(shipped_store, code)
    for sec in page.sections:
        for row in sec.rows:
            assert len(row.label) < LABEL_WIDTH, row.label  # render_text would cut it
    for line in render_text(page, width=80, max_rows=10_000).splitlines():
        assert sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line) <= 80, line
        assert not any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in line), line


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    import os

    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    return subprocess.run([sys.executable, "-m", "codetui", *args], capture_output=True, text=True,
                          env=env, timeout=120)


def test_cli_lookup_code_dash_modifier_shows_the_code() -> None:
    res = _cli("lookup", "71046-26")
    assert res.returncode == 0
    assert res.stdout.startswith("71046  [CPT]")
    assert "modifier 26 has its own page" in res.stderr
    res = _cli("lookup", "71046-ZZ")
    assert res.returncode == 0 and "ZZ is not a CPT or HCPCS Level II modifier" in res.stderr


def test_ptp_section_puts_edits_in_force_first_and_marks_deleted(shipped_store) -> None:
    sec = next(s for s in build_page(shipped_store, "G0202").sections if s.key == "ptp")
    assert sec.title.endswith("0 in force, 19 deleted")  # G0202 ended 2017: all its edits too
    assert all("DELETED " in r.text for r in sec.rows)
    sec = next(s for s in build_page(shipped_store, "71046").sections if s.key == "ptp")
    assert "in force" in sec.title and "DELETED" not in sec.rows[0].text
    seen_deleted = False
    for r in sec.rows:  # once deleted rows start, no edit in force follows
        seen_deleted = seen_deleted or "DELETED " in r.text
        assert "DELETED " in r.text or not seen_deleted


def test_cli_info_shows_whole_releases_within_80_columns() -> None:
    res = _cli("info")
    assert res.returncode == 0
    assert "this copy has no effective dates" in " ".join(res.stdout.split())  # was cut at 44 chars
    assert max(len(line) for line in res.stdout.splitlines()) <= 80
