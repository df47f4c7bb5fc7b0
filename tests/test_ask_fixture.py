"""``ask`` on a small in-memory store: question parsing and the facts each answer rests on."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "check"))
from fixture_store import fixture_store

from codetui.ask import answer, parse_question
from codetui.store import CodeStore


@pytest.fixture()
def store(tmp_path: Path) -> CodeStore:
    return fixture_store(tmp_path)


@pytest.mark.parametrize(
    ("question", "kind", "codes", "mods"),
    [
        ("What is CPT code 99213?", "code", ("99213",), ()),
        ("what does modifier 59 mean", "modifier", (), ("59",)),
        ("is 96417 an add-on code", "addon", ("96417",), ()),
        ("what is the MUE for 96417", "mue", ("96417",), ()),
        ("can I bill 96417 without 96413", "without", ("96417", "96413"), ()),
        ("can 99214 and 96413 be billed together", "together", ("99214", "96413"), ()),
        ("global days for 27447", "global", ("27447",), ()),
        ("codes for type 2 diabetes with neuropathy", "search", (), ()),
        ("when was G2211 added", "dates", ("G2211",), ()),
        ("is E11 billable?", "billable", ("E11",), ()),
        ("7th character for s72.001", "seventh", ("S72.001",), ()),
        ("which add-ons go with 96413", "addons_of", ("96413",), ()),
    ],
)
def test_parse(question: str, kind: str, codes: tuple, mods: tuple) -> None:
    intent = parse_question(question)
    assert (intent.kind, intent.codes, intent.modifiers) == (kind, codes, mods)


def values(ans) -> str:
    return " | ".join(f"{f.label}: {f.value}" for f in ans.facts)


def test_cpt_code_gives_cms_facts_not_descriptor(store: CodeStore) -> None:
    ans = answer(store, "What is CPT code 96417?")
    assert "codetui import cpt" in ans.text
    assert "Add-on code edit" in values(ans) and "MUE (practitioner)" in values(ans)
    assert all(f.source for f in ans.facts)


def test_user_cpt_descriptor_is_shown(store: CodeStore) -> None:
    store.__dict__["cpt_descriptors"] = {"99214": "Invented licensed descriptor"}
    ans = answer(store, "what is 99214")
    assert ans.facts[0].value == "Invented licensed descriptor" and "import cpt" not in ans.text


def test_addon_and_without(store: CodeStore) -> None:
    assert answer(store, "is 96417 an add-on code").text.startswith("Yes")
    assert answer(store, "is 99214 an add-on code").text.startswith("No")
    ans = answer(store, "can I bill 96417 without 96413")
    assert ans.text.startswith("No") and "96413" in ans.facts[0].links


def test_together_reads_ptp(store: CodeStore) -> None:
    ans = answer(store, "can 27447 and 20610 be billed together")
    assert "never" in ans.text and "modifier indicator 0" in values(ans)
    assert ans.facts[0].release == "2024Q3 (test)"
    ans = answer(store, "can 99214 and 20610 be billed together")
    assert "NCCI-associated modifier" in ans.text


def test_mue_global_dates_modifier(store: CodeStore) -> None:
    assert "3 unit(s)" in answer(store, "what is the MUE for 96417").text
    assert "90 days" in answer(store, "global days for 27447").text
    assert "2021-01-01" in answer(store, "when was G2211 added").text
    ans = answer(store, "what does modifier 59 mean")
    assert "PTP-associated" in ans.text and ans.facts[0].links == ("59",)


def test_icd_answers(store: CodeStore) -> None:
    ans = answer(store, "is E11 billable")
    assert "Not billable" in ans.text and "E11.9" in ans.text
    assert "A = initial encounter" in answer(store, "7th character for S72.001").text
    ans = answer(store, "codes for type 2 diabetes with neuropathy")
    assert ans.facts and ans.facts[0].label == "E11.40"


def test_unanswerable_says_so(store: CodeStore) -> None:
    for q in ("what is 12345", "tell me a joke about billing", "modifier QQ"):
        ans = answer(store, q)
        assert not ans.answered and ans.suggestions, q
