"""The checker on the shipped store: the rules on real codes and real CMS edits.

Skipped until ``codetui build`` has written data/codes.json (and data/ptp/).
"""

from __future__ import annotations

from datetime import date

import pytest

from codetui import paths
from codetui.check import check_claim, parse_claim

STORE = paths.shipped_store_path()
pytestmark = pytest.mark.skipif(not STORE.exists(), reason="shipped store not built")
DOS = "2026-04-15"


@pytest.fixture(scope="module")
def store():
    from codetui.store import CodeStore

    return CodeStore.open(STORE)


def check(store, *tokens: str, **kw):
    kw.setdefault("dos", DOS)
    return check_claim(store, parse_claim(tokens, **kw), today=date(2026, 4, 15))


def rules(res) -> list[str]:
    return [f.rule for f in res.findings]


def test_addon_alone(store) -> None:
    res = check(store, "96417")
    f = next(f for f in res.findings if f.rule == "aoc.no-primary")
    assert "96413" in f.message and f.release


def test_addon_with_primary_is_clean(store) -> None:
    res = check(store, "96413", "96417")
    assert not res.failed, [f.message for f in res.findings]


def test_mue_exceeded(store) -> None:
    res = check(store, "96413", "96417x4")
    f = next(f for f in res.findings if f.rule == "mue.exceeded")
    assert f.data["mue"] == 3 and f.data["mai"] == "3" and "Clinical" in f.message


def test_ptp_indicator_0(store) -> None:
    res = check(store, "10060", "64483-59")
    f = next(f for f in res.findings if f.rule == "ptp.never-together")
    assert (f.data["column1"], f.data["column2"]) == ("10060", "64483")


def test_ptp_indicator_1_with_and_without_modifier(store) -> None:
    assert "ptp.needs-modifier" in rules(check(store, "27447", "20610"))
    assert "ptp.bypassed" in rules(check(store, "27447", "20610-59"))
    assert "ptp.needs-modifier" not in rules(check(store, "27447", "20610-XS"))
    # 25 on the E/M bypasses an E/M + procedure edit
    assert "ptp.bypassed" in rules(check(store, "20610", "99214-25"))
    assert "ptp.needs-modifier" in rules(check(store, "20610", "99214"))


def test_icd_header_and_seventh(store) -> None:
    by = {f.rule: f for f in check(store, "99213", dx=["E11,S72.001"]).findings}
    assert "E11" in by["icd.header"].codes
    assert "icd.seventh-missing" in by and "initial encounter" in by["icd.seventh-missing"].message
    assert not [r for r in rules(check(store, "99213", dx=["E11.9,S72.001A"])) if r.startswith("icd.")]


def test_icd_manifestation_and_excludes1(store) -> None:
    assert "icd.manifestation-alone" in rules(check(store, "99213", dx=["G63"]))
    assert "icd.excludes1" in rules(check(store, "99213", dx=["E10.9,E11.9"]))


def test_modifier_indicators(store) -> None:
    r = rules(check(store, "99213-26", "96413", "96417-51", "99213-9Z"))
    assert {"modifier.pctc", "modifier.51-on-addon", "modifier.unknown"} <= set(r)


def test_whole_claim_runs_quickly(store) -> None:
    import time

    lines = ["99214-25", "96413", "96417x2", "96415", "96375", "J9045x4", "J9171x8", "36415", "85025",
             "80053", "G2211", "20610-59", "27447", "64483-50", "93000-26", "71046", "96367", "J2405x2",
             "J1100x10", "J7050"]
    check(store, *lines, dx=["C50.911,Z51.11"])  # warm lazy indexes
    t0 = time.perf_counter()
    check(store, *lines, dx=["C50.911,Z51.11"])
    assert time.perf_counter() - t0 < 0.5


def test_old_date_of_service_is_flagged(store) -> None:
    res = check(store, "96413", dx=["E11.9"], dos="1999-01-01")
    assert "date.before-icd10" in rules(res) and res.failed
    assert "date.older-than-data" in rules(check(store, "96413", dos="2024-05-01"))
    assert "date.older-than-data" not in rules(check(store, "96413", dos="2026-08-01"))
    assert "date.before-icd10" not in rules(check(store, "96413", dx=["E11.9"], dos="2015-10-01"))


def test_deleted_cpt_code_is_an_error(store) -> None:
    res = check(store, "99201", dos="2026-04-01")  # office visit deleted 2020-12-31 (RBCS)
    f = next(f for f in res.findings if f.rule == "date.terminated")
    assert "2020-12-31" in f.message and res.failed
    assert "date.terminated" not in rules(check(store, "99201", dos="2019-04-01"))


def test_bilateral_as_two_units_points_to_modifier_50(store) -> None:
    f = next(f for f in check(store, "27447x2").findings if f.rule == "mue.exceeded")
    assert "modifier 50" in f.message
    assert "mue.exceeded" not in rules(check(store, "27447-50"))


def test_pc_and_tc_lines_for_one_code_warn(store) -> None:
    res = check(store, "71046-26", "71046-TC")
    assert rules(res) == ["modifier.pc-and-tc"] and res.failed
    assert "modifier.pc-and-tc" not in rules(check(store, "71046-26"))


def test_mue_names_the_setting_in_words(store) -> None:
    f = next(f for f in check(store, "96417x4", "96413", setting="opps").findings
             if f.rule == "mue.exceeded")
    assert "outpatient hospital MUE" in f.message


def test_excludes1_with_subdivision_names_the_combination_code(store) -> None:
    # G63 Excludes1: "diabetes mellitus (E08-E13 with .42)": E11.42 is the combination code
    assert "icd.excludes1" in rules(check(store, "99213", dx=["E11.42,G63"]))
    assert "icd.excludes1" not in rules(check(store, "99213", dx=["E11.9,G63"]))
