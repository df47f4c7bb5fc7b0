"""Each rule family on a small in-memory store (real code numbers, invented data)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "check"))
from fixture_store import fixture_store

from codetui.check import check_claim, parse_claim
from codetui.store import CodeStore

TODAY = date(2026, 5, 1)


@pytest.fixture()
def store(tmp_path: Path) -> CodeStore:
    return fixture_store(tmp_path)


def run(store: CodeStore, *tokens: str, **kw: object):
    return check_claim(store, parse_claim(tokens, **kw), today=TODAY)  # type: ignore[arg-type]


def rules(result) -> list[str]:
    return [f.rule for f in result.findings]


def test_addon_alone_names_its_primary(store: CodeStore) -> None:
    res = run(store, "96417")
    f = next(f for f in res.findings if f.rule == "aoc.no-primary")
    assert "96413" in f.message and f.severity == "error" and res.failed
    assert f.source == "NCCI add-on code edits" and f.release == "2026Q2"


def test_addon_with_primary_is_clean(store: CodeStore) -> None:
    res = run(store, "96413", "96417x2")
    assert res.findings == () and not res.failed


def test_addon_type_2_and_3_warn(store: CodeStore) -> None:
    res = run(store, "0054T", "22552")
    sev = {f.rule: f.severity for f in res.findings}
    assert sev["aoc.contractor-primary"] == "warning"
    assert sev["aoc.no-listed-primary"] == "warning"
    assert "Also reportable" in next(f.message for f in res.findings if f.rule == "aoc.no-listed-primary")


def test_mue_date_of_service_edit_sums_lines(store: CodeStore) -> None:
    res = run(store, "96413", "96417x2", "96417x2")
    f = next(f for f in res.findings if f.rule == "mue.exceeded")
    assert f.data["units"] == 4 and f.data["mue"] == 3 and "Date of Service" in f.message
    assert f.lines == (2, 3)


def test_mue_line_edit_checks_each_line(store: CodeStore) -> None:
    assert "mue.exceeded" not in rules(run(store, "20610x2", "20610x2-59"))
    assert "mue.exceeded" in rules(run(store, "20610x3"))


def test_mue_uses_the_setting(store: CodeStore) -> None:
    assert "mue.exceeded" not in rules(run(store, "96413", "96417x5", setting="dme"))
    assert "mue.exceeded" in rules(run(store, "96413", "96417x5", setting="opps"))


def test_ptp_indicator_0_is_never_together(store: CodeStore) -> None:
    res = run(store, "27447", "20610-59")
    f = next(f for f in res.findings if f.rule == "ptp.never-together")
    assert f.data["column1"] == "27447" and f.data["column2"] == "20610"
    assert "Misuse" in f.message and f.release == "2024Q3 (test)"


def test_ptp_indicator_1_with_and_without_modifier(store: CodeStore) -> None:
    assert "ptp.needs-modifier" in rules(run(store, "99214", "20610"))
    res = run(store, "99214", "20610-59")
    assert rules(res) == ["ptp.bypassed"] and not res.failed
    # 25 on the E/M counts for an E/M pair
    assert rules(run(store, "99214-25", "20610")) == ["ptp.bypassed"]
    # 76 is not NCCI-associated (anatomic LT would be)
    assert "ptp.needs-modifier" in rules(run(store, "99214", "20610-76"))


def test_ptp_indicator_9_and_deleted_edits_do_not_fail(store: CodeStore) -> None:
    res = run(store, "71046", "93000")
    assert rules(res) == ["ptp.not-applicable"] and not res.failed
    res = run(store, "22551", "99214", dos="2026-01-05")
    assert rules(res) == ["ptp.deleted"]
    res = run(store, "22551", "99214", dos="2020-06-01")
    assert rules(res) == ["ptp.never-together"]


def test_dates_added_and_terminated(store: CodeStore) -> None:
    assert "date.terminated" in rules(run(store, "G9999", dos="2024-01-01"))
    assert "date.terminated" not in rules(run(store, "G9999", dos="2019-12-31"))
    assert "date.not-yet-active" in rules(run(store, "G2211", dos="2020-06-30"))


def test_mpfs_status_in_words(store: CodeStore) -> None:
    f = next(f for f in run(store, "99091").findings if f.rule == "mpfs.status")
    assert "Bundled" in f.message and f.source == "MPFS RVU file"
    assert "mpfs.status" not in rules(run(store, "99091", setting="opps"))


def test_modifier_rules(store: CodeStore) -> None:
    r = rules(run(store, "93000-26", "71046-26", "27447-62", "27447-80", "96413", "96417-51", "99214-QQ"))
    assert "modifier.pctc" in r  # 93000 is global-test-only
    assert r.count("modifier.pctc") == 1  # 71046 splits into 26/TC
    assert "modifier.co" in r and "modifier.asst" in r
    assert "modifier.51-on-addon" in r and "modifier.unknown" in r
    assert "modifier.bilat" in rules(run(store, "22551-50"))
    assert "modifier.bilat" not in rules(run(store, "27447-50"))


def test_icd_header_and_seventh_character(store: CodeStore) -> None:
    res = run(store, "99214", dx=["E11,S72.001"])
    by = {f.rule: f for f in res.findings}
    assert "E11.9" in by["icd.header"].message
    assert "A initial encounter" in by["icd.seventh-missing"].message
    assert "icd.seventh-missing" not in rules(run(store, "99214", dx=["S72.001A"]))
    assert "icd.header" in rules(run(store, "99214", dx=["S72.00"]))


def test_icd_excludes1_and_manifestation(store: CodeStore) -> None:
    assert "icd.excludes1" in rules(run(store, "99214", dx=["E11.9,E10.9"]))
    # the 'with .42' qualifier is not read as a plain range
    assert "icd.excludes1" not in rules(run(store, "99214", dx=["G63,E11.9"]))
    assert "icd.manifestation-alone" in rules(run(store, "99214", dx=["G63"]))
    assert "icd.manifestation-order" in rules(run(store, "99214", dx=["G63,E85.4"]))
    assert not [r for r in rules(run(store, "99214", dx=["E85.4,G63"])) if r.startswith("icd.")]


def test_unknown_codes_are_findings(store: CodeStore) -> None:
    r = rules(run(store, "99999", dx=["Z99.999"]))
    assert "code.unknown" in r and "icd.unknown" in r
