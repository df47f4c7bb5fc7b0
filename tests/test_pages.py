"""Page models built from the shipped store: sections in reference order, links that resolve."""

from __future__ import annotations

from codetui.links import linkify
from codetui.pages.build import build_page
from codetui.pages.model import parse_target
from codetui.store import CodeStore


def section_keys(page) -> list[str]:
    return [s.key for s in page.sections]


def test_cpt_page_sections_in_reference_order(shipped_store: CodeStore) -> None:
    page = build_page(shipped_store, "code:96417")
    keys = section_keys(page)
    order = ["descriptor", "ccs", "mpfs", "rvu", "opps", "mue", "aoc", "ptp", "modifiers"]
    assert [k for k in keys if k in order] == order
    assert all(s.source for s in page.sections if s.key != "descriptor")  # every block names its release
    aoc = next(s for s in page.sections if s.key == "aoc")
    assert "code:96413" in aoc.rows[0].links


def test_every_link_on_pages_opens_a_page(shipped_store: CodeStore) -> None:
    for target in ("code:96417", "icd:E11", "icd:E11.42", "mod:59", "range:E08-E13", "code:J9045"):
        page = build_page(shipped_store, target)
        assert page is not None, target
        for link in set(page.links[:60]):
            assert build_page(shipped_store, link) is not None, (target, link)


def test_icd_notes_link_codes_and_ranges(shipped_store: CodeStore) -> None:
    page = build_page(shipped_store, "icd:E11")
    links = set(page.links)
    assert any(parse_target(x)[0] == "range" for x in links) or any(x.startswith("icd:O24") for x in links)
    assert "header" in " ".join(page.flags)
    billable = next(s for s in page.sections if s.key == "billable")
    assert "icd:E11.42" in {lk for r in billable.rows for lk in r.links}


def test_long_ptp_section_is_cut_and_expands(shipped_store: CodeStore) -> None:
    page = build_page(shipped_store, "code:99213")
    ptp = next(s for s in page.sections if s.key == "ptp")
    assert ptp.collapsed and ptp.total > len(ptp.rows) == 200
    full = build_page(shipped_store, "code:99213", expand=frozenset({"ptp"}))
    ptp_full = next(s for s in full.sections if s.key == "ptp")
    assert len(ptp_full.rows) == ptp.total and ptp_full.total == 0


def test_26_tc_offered_only_where_pctc_allows(shipped_store: CodeStore) -> None:
    def mods(code: str) -> set[str]:
        page = build_page(shipped_store, f"code:{code}")
        sec = next((s for s in page.sections if s.key == "modifiers"), None)
        return {lk.split(":")[1] for r in sec.rows for lk in r.links} if sec else set()

    assert {"26", "TC"} <= mods("71046")  # PC/TC 1
    assert not {"26", "TC"} & mods("96417")  # PC/TC 5


def test_linkify_ignores_non_codes(shipped_store: CodeStore) -> None:
    spans = linkify("see G0439 and 250.00 or 99999 then (E08-E13) and Z79.4", shipped_store)
    links = [s.link for s in spans if s.link]
    assert links == ["code:G0439", "range:E08-E13", "icd:Z79.4"]  # ICD-9 250.00, unknown 99999: text


def test_cpt_title_is_classification_not_descriptor(shipped_store: CodeStore) -> None:
    page = build_page(shipped_store, "27440")  # a code codetui has no summary for
    assert page.title.startswith("[") and "Arthroplasty knee" in page.title
    page = build_page(shipped_store, "96417")  # a common code: codetui's own summary, marked
    assert page.title.startswith("Chemotherapy") and page.title.endswith(" (our summary)")


def test_icd_page_lists_where_the_code_is_named(shipped_store: CodeStore) -> None:
    refs = dict(shipped_store.referenced_by("Z79.4"))
    assert refs.get("E11") == "use_additional"  # "Use additional code ... insulin (Z79.4)"
    page = build_page(shipped_store, "icd:E11.42")
    sec = next(s for s in page.sections if s.key == "referenced_by")
    assert sec.collapsed and "icd:G63" in {lk for r in sec.rows for lk in r.links}
    assert not any(src.startswith("ch") for src, _ in shipped_store.referenced_by("E11.42"))


def test_in_memory_store_answers_references_too() -> None:
    store = CodeStore.from_tables({"icd10cm": [
        {"code": "E11.9", "kind": "code", "title": "T2DM"},
        {"code": "Z79.4", "kind": "code", "title": "Insulin", "code_also": ["diabetes (E11.-)"]},
        {"code": "ch4", "kind": "chapter", "title": "Ch", "excludes2": ["all (E00-E89)"]},
    ]})
    assert store.referenced_by("E11.9") == [("Z79.4", "code_also")]


def test_modifier_26_page_lists_codes_with_a_26_row(shipped_store: CodeStore) -> None:
    page = build_page(shipped_store, "mod:26")
    sec = next(s for s in page.sections if s.key == "fee_rows")
    assert sec.total > 1000 and "code:71046" in {lk for r in sec.rows for lk in r.links} | set(
        f"code:{c}" for c in shipped_store.codes_with_modifier_row("26"))
    assert "71046" in shipped_store.codes_with_modifier_row("26")
