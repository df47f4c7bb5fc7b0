"""``ask`` on the shipped store: a table of questions coders type and the fact each answer
must rest on. Skipped until ``codetui build`` has written data/codes.json."""

from __future__ import annotations

import pytest

from codetui import paths

STORE = paths.shipped_store_path()
pytestmark = pytest.mark.skipif(not STORE.exists(), reason="shipped store not built")


@pytest.fixture(scope="module")
def store():
    from codetui.store import CodeStore

    return CodeStore.open(STORE)


# (question, fact label that must be present, text that fact's value must contain)
TABLE = [
    ("What is CPT code 99213?", "MPFS status", "Active"),
    ("what is 99213", "RVUs", "work"),
    ("what does modifier 59 mean", "NCCI PTP-associated", "yes"),
    ("what does modifier XS mean", "Modifier", "Separate structure"),
    ("modifier 25", "NCCI PTP-associated", "yes"),
    ("what is modifier 26", "NCCI PTP-associated", "no"),
    ("is 96417 an add-on code", "Add-on code edit", "96413"),
    ("primary codes for 96415", "Add-on code edit", "96413"),
    ("is 99213 an add-on code", "Global period", "XXX"),
    ("which add-ons go with 96413", "Add-on codes for this primary", "96417"),
    ("what is the MUE for 96417", "MUE (practitioner)", "3 unit(s)"),
    ("what is the MUE for J9045", "MUE (outpatient hospital)", "unit(s)"),
    ("can I bill 96417 without 96413", "Add-on code edit", "type 1"),
    ("can 99214 and 96413 be billed together", "PTP (practitioner)", "modifier indicator 1"),
    ("can 10060 and 64483 be billed together", "PTP (practitioner)", "modifier indicator 0"),
    ("can 27447 and 20610 be billed together", "PTP (practitioner)", "column 1 27447, column 2 20610"),
    ("global days for 27447", "Global period", "090"),
    ("global period for 99213", "Global period", "XXX"),
    ("RVUs for 99214", "RVUs", "total non-facility"),
    ("is 36415 payable", "MPFS status", "Statutory exclusion"),
    ("when was G2211 added", "Added", "2021-01-01"),
    ("what is J9045", "Descriptor", "carboplatin"),
    ("is E11 billable", "Billable", "not billable"),
    ("is E11.9 billable", "Billable", "billable (valid"),
    ("what is E11.42", "ICD-10-CM", "polyneuropathy"),
    ("what is G63", "Code first", "amyloidosis"),
    ("7th character for S72.001", "7th character A", "initial encounter"),
    ("codes for type 2 diabetes with neuropathy", "E11.40", "neuropathy"),
    ("codes for pressure ulcer of sacral region stage 2", "L89.152", "stage 2"),
    ("what is 0708T", "MPFS status", "Contractor"),
    # notes on E11 and chapter 4 bind E11.9 too
    ("excludes1 for E11.9", "Excludes1 (from E11)", "type 1 diabetes mellitus (E10.-)"),
    ("excludes1 for E11.9", "Excludes1 (from chapter 4)", "newborn"),
    ("global period 27447", "Pre-operative share", "10%"),
    ("opps rate 96413", "OPPS (hospital outpatient)", "national payment rate $"),
    ("rvus for 27447", "RVUs", "total non-facility NA"),
]


@pytest.mark.parametrize(("question", "label", "needle"), TABLE, ids=[q for q, _, _ in TABLE])
def test_answer_rests_on_fact(store, question: str, label: str, needle: str) -> None:
    from codetui.ask import answer

    ans = answer(store, question)
    assert ans.answered and ans.text
    facts = [f for f in ans.facts if f.label == label]
    assert facts, f"no {label!r} fact in {[f.label for f in ans.facts]}"
    assert any(needle.lower() in f.value.lower() for f in facts), [f.value for f in facts]
    assert all(f.source for f in ans.facts)
    assert all(f.links for f in ans.facts)


def test_cpt_answer_says_descriptor_needs_import(store) -> None:
    from codetui.ask import answer

    assert "codetui import cpt" in answer(store, "What is CPT code 99213?").text


def test_questions_it_cannot_answer(store) -> None:
    from codetui.ask import answer

    for q in ("what is 12345", "hello", "modifier 9Z"):
        ans = answer(store, q)
        assert not ans.answered and ans.suggestions, q


def test_cli_answers_fit_80_columns() -> None:
    import os
    import subprocess
    import sys

    from conftest import REPO

    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    for q in ("what's the mue on 96417?", "is G2211 active", "excludes1 for E11.9"):
        res = subprocess.run([sys.executable, "-m", "codetui", "ask", q], capture_output=True, text=True,
                             env=env, timeout=120)
        assert res.returncode == 0, res.stderr
        assert max(len(line) for line in res.stdout.splitlines()) <= 80, q


@pytest.mark.parametrize(("question", "start"), [
    ("is G0202 active", "No. G0202 was terminated"),
    ("is G2211 active", "Yes. G2211 is active"),
    ("is 99201 still valid?", "Probably not"),
    ("is E11.9 active", "Yes. E11.9 is a valid, billable code"),
])
def test_is_code_active(store, question: str, start: str) -> None:
    from codetui.ask import answer

    ans = answer(store, question)
    assert ans.intent == "active" and ans.text.startswith(start), ans.text
