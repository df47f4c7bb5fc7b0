"""The checker on the shipped store, held out: claims written by a second reader the way a
coder would key them (E/M with procedures, infusions, imaging with 26/TC, surgery with
50/RT/LT/62/80, DME units, drugs with JW/JZ, diagnoses with headers, 7th characters,
Excludes1 and manifestations), each with the findings a coder expects. Every expectation was
checked against the data with ``codetui lookup``. Skipped until data/codes.json exists.
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


def run(store, line: str, **kw):
    kw.setdefault("dos", DOS)
    return check_claim(store, parse_claim(line.split(), **kw), today=date(2026, 4, 15))


# (claim lines, keyword arguments, rules that must be reported, text one of them must contain,
#  or None when the claim must be clean: no errors and no warnings)
CASES = [
    # E/M on a minor-procedure day: 99214 is column 2 to 20610 (indicator 1); the fix is 25
    ("99214 20610", {"dx": ["M17.11"]}, ["ptp.needs-modifier"], "25 to 99214"),
    ("99214-25 20610", {"dx": ["M17.11"]}, None, ""),
    # 59 is not how an E/M gets past an edit: a separate E/M takes 25
    ("99213-59 20610", {}, ["modifier.59-on-em"], "25"),
    ("99214-XS 11042", {}, ["modifier.59-on-em"], "25"),
    # chemotherapy infusion with sequential and push add-ons and the drug: nothing to fix
    ("96413 96415 96417x2 J9045x10", {"dx": ["C50.911"]}, None, ""),
    ("96365 96413", {}, ["ptp.needs-modifier"], "96365 is column 2 to column 1 code 96413"),
    ("96413x2", {}, ["mue.exceeded"], "MUE of 1"),
    ("96375", {}, ["aoc.no-primary"], "96374"),
    # drug waste: JW/JZ belong on the drug line; both on one drug contradict each other
    ("96413-JW J9045x10", {}, ["modifier.waste-not-drug"], "J9045"),
    ("J9045-JZx10 J9045-JWx2", {}, ["modifier.jw-and-jz"], "JZ"),
    ("J9045x8 J9045-JWx2", {}, None, ""),
    ("J9045x30", {}, ["mue.exceeded"], "MUE of 22"),
    # imaging professional/technical components
    ("71046-26", {}, None, ""),
    ("93000-26", {}, ["modifier.pctc"], "indicator 4"),
    ("99213-TC", {}, ["modifier.pctc"], "indicator 0"),
    ("71046-26 71046-TC", {}, ["modifier.pc-and-tc"], "global"),
    # surgery: bilateral, sides, co-surgeon, assistant, 51 on an add-on
    ("27447-50", {"dx": ["M17.0"]}, None, ""),
    ("27447-RT 27447-LT", {"dx": ["M17.11", "M17.12"]}, ["mue.exceeded"], "modifier 50"),
    ("27447-62", {}, ["modifier.co"], "documentation"),
    ("27447-80", {}, None, ""),
    ("99213-50", {}, ["modifier.bilat"], "indicator 0"),
    ("11042 11045-51", {}, ["modifier.51-on-addon"], "add-on"),
    # DME units
    ("E0135x2", {"setting": "dme"}, ["mue.exceeded"], "DME supplier MUE of 1"),
    ("E0601", {"setting": "dme"}, None, ""),
    # dates and unknowns
    ("G2211 99213", {"dos": "2020-06-01"}, ["date.not-yet-active"], "2021-01-01"),
    ("99417 99214", {}, ["aoc.no-primary"], "99215"),
    ("99213-ZZ", {}, ["modifier.unknown"], "ZZ"),
    # diagnoses
    ("99213", {"dx": ["E11"]}, ["icd.header"], "E11.9"),
    ("99213", {"dx": ["S72.001"]}, ["icd.seventh-missing"], "initial encounter"),
    ("99213", {"dx": ["T36.0X1"]}, ["icd.seventh-missing"], "sequela"),
    ("99213", {"dx": ["E11.9", "E10.9"]}, ["icd.excludes1"], "E10.9"),
    ("99213", {"dx": ["E11.9", "E11.65"]}, ["icd.without-complications"], "E11.65"),
    ("99213", {"dx": ["E11.65", "E11.9"]}, ["icd.without-complications"], "E11.9"),
    ("99213", {"dx": ["E11.65", "E11.42", "Z79.4"]}, None, ""),
    ("99213", {"dx": ["G63", "E85.4"]}, ["icd.manifestation-order"], "E85.4"),
    ("99213", {"dx": ["E85.4", "G63"]}, None, ""),
    ("99213", {"dx": ["G63", "E11.42"]}, ["icd.excludes1"], "E11.42"),
]


@pytest.mark.parametrize(("line", "kw", "expect", "needle"), CASES,
                         ids=[f"{c[0]} {c[1]}" for c in CASES])
def test_heldout_claim(store, line: str, kw: dict, expect: list[str] | None, needle: str) -> None:
    res = run(store, line, **kw)
    got = [f.rule for f in res.findings]
    if expect is None:
        assert not res.failed, [f.message for f in res.findings]
        return
    for rule in expect:
        assert rule in got, [f.message for f in res.findings]
    assert any(needle in f.message for f in res.findings if f.rule in expect), \
        [f.message for f in res.findings if f.rule in expect]
