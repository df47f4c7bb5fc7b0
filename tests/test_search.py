"""Search behaviour a user notices: codes first, words with typos/abbreviations, filters, cache."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from search_fixture import tables, write_cpt_descriptors, write_fixture_store

from codetui import abbrev, searchindex
from codetui.search import SYSTEMS, Hit, SearchIndex, parse_system
from codetui.store import CodeStore


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> CodeStore:
    return CodeStore.from_tables(tables(), user_dir=tmp_path_factory.mktemp("nouser"))


def codes(hits: list[Hit]) -> list[str]:
    return [h.code for h in hits]


# ---- code-shaped queries ---------------------------------------------------------------------


@pytest.mark.parametrize("query", ["E11.9", "e119", "E119", " e11.9 "])
def test_exact_code_first_with_or_without_dot(store: CodeStore, query: str) -> None:
    assert codes(store.search(query))[0] == "E11.9"


def test_code_prefix_lists_codes_in_code_order(store: CodeStore) -> None:
    assert codes(store.search("E11."))[:5] == ["E11", "E11.4", "E11.40", "E11.42", "E11.9"]
    assert codes(store.search("9641")) == ["96413", "96417"]
    assert codes(store.search("j904"))[:2] == ["J9040", "J9045"]


def test_modifiers_found_by_code(store: CodeStore) -> None:
    assert codes(store.search("-59")) == ["59"]  # a dash means the modifier, not CPT 59400
    assert codes(store.search("59"))[:2] == ["59", "59400"]
    hit = store.search("xe")[0]
    assert (hit.code, hit.table, hit.system) == ("XE", "modifiers", "Modifier")


def test_same_compact_code_in_two_systems(store: CodeStore) -> None:
    assert set(codes(store.search("A0100"))[:1]) == {"A0100"}


# ---- word queries ----------------------------------------------------------------------------


def test_words_are_order_free_and_all_matter(store: CodeStore) -> None:
    a = codes(store.search("type 2 diabetes neuropathy"))
    b = codes(store.search("neuropathy diabetes type 2"))
    assert a[0] == b[0] == "E11.40"
    assert a.index("E11.40") < a.index("E11.9")  # the word "neuropathy" must count


def test_typos_are_tolerated(store: CodeStore) -> None:
    assert "E11.9" in codes(store.search("diabtes mellitus type 2 without complicatons")[:1])
    assert "I10" in codes(store.search("hypertenson")[:2])  # 1 edit in a 11-letter word
    assert "J44.9" in codes(store.search("chronic obstrcutive pulmonary")[:2])  # transposition


def test_short_words_are_not_fuzzy(store: CodeStore) -> None:
    assert store.search("legs") == []  # no title says "legs"; "left"/"less" are not typos of it


def test_abbreviations_expand(store: CodeStore) -> None:
    hit = store.search("copd")[0]
    assert hit.code == "J44.9"
    assert "chronic obstructive pulmonary disease" in hit.matched
    assert codes(store.search("uti"))[0] == "N39.0"
    assert codes(store.search("htn"))[0] == "I10"


def test_inclusion_terms_match_and_are_shown(store: CodeStore) -> None:
    hit = store.search("high blood pressure")[0]
    assert hit.code == "I10" and hit.matched == "High blood pressure"
    chf = store.search("congestive heart failure")[0]
    assert chf.code == "I50.9" and "Congestive heart failure NOS" in chf.matched


def test_index_terms_map_to_their_codes(store: CodeStore) -> None:
    hits = store.search("acetaminophen poisoning")
    assert codes(hits)[:2] == ["T39.1X1A", "T39.1X1"]  # billable initial encounter first
    assert "Acetaminophen" in hits[0].matched


def test_billable_and_short_titles_win_ties(store: CodeStore) -> None:
    found = codes(store.search("type 2 diabetes mellitus"))
    assert found.index("E11.9") < found.index("E11")  # E11 is a category, not billable
    assert codes(store.search("hypertension"))[0] == "I10"  # "(primary)" does not count
    assert codes(store.search("femur fracture"))[0] == "S72.91XA"  # initial encounter, unspecified part first


def test_terminated_codes_marked_and_ranked_after_active(store: CodeStore) -> None:
    hits = store.search("irrigation supply")
    assert codes(hits) == ["A4398", "A4397"]
    assert hits[1].terminated and not hits[0].terminated
    assert hits[0].billable is None


def test_search_as_you_type_prefix(store: CodeStore) -> None:
    assert codes(store.search("carbopl"))[0] == "J9045"
    assert codes(store.search("type 2 diabetes neur"))[0] == "E11.40"


def test_cpt_has_no_shipped_title_but_is_found_by_label(store: CodeStore) -> None:
    hits = store.search("chemotherapy")
    assert set(codes(hits)) == {"96413", "96417"}
    assert hits[0].title.startswith("[") and "Cancer chemotherapy" in hits[0].title  # classification, never AMA text


def test_user_cpt_descriptors_are_titles_and_searchable(tmp_path: Path) -> None:
    write_cpt_descriptors(tmp_path, {"96413": "Invented infusion descriptor for tests"})
    store = CodeStore.from_tables(tables(), user_dir=tmp_path)
    hit = store.search("invented infusion")[0]
    assert (hit.code, hit.title, hit.matched) == ("96413", "Invented infusion descriptor for tests", "")


def test_system_filter_and_limit(store: CodeStore) -> None:
    assert {h.system for h in store.search("e", system="HCPCS", limit=50)} == {"HCPCS"}
    assert codes(store.search("59", system="CPT")) == ["59400"]
    assert len(store.search("diabetes", limit=2)) == 2
    assert store.search("diabetes", system="Modifier") == []
    assert parse_system("ICD-10-cm") == "ICD-10-CM" and parse_system("MOD") == "Modifier"
    with pytest.raises(ValueError):
        parse_system("snomed")
    assert set(SYSTEMS) == {"CPT", "HCPCS", "ICD-10-CM", "Modifier"}


def test_icd_billable_flag(store: CodeStore) -> None:
    by_code = {h.code: h for h in store.search("type 2 diabetes")}
    assert by_code["E11.9"].billable is True and by_code["E11"].billable is False


def test_query_is_cleaned_and_capped(store: CodeStore) -> None:
    assert codes(store.search("\x00co\u200bpd\u202e\x07"))[0] == "J44.9"
    assert isinstance(store.search("diabetes " * 5000), list)
    assert store.search("   ") == [] and store.search("") == []


@settings(max_examples=200, deadline=None)
@given(q=st.text(max_size=40), limit=st.integers(1, 20))
def test_any_query_gives_at_most_limit_hits(store: CodeStore, q: str, limit: int) -> None:
    hits = store.search(q, limit=limit)
    assert len(hits) <= limit and len({(h.table, h.code) for h in hits}) == len(hits)


def test_abbrev_api() -> None:
    assert abbrev.expand("COPD") == ["chronic obstructive pulmonary disease"]
    assert abbrev.expand("n/v")[0].startswith("nausea")
    assert abbrev.expand("zzz") == []


# ---- disk cache --------------------------------------------------------------------------------


def test_cache_is_written_reused_and_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CODETUI_CACHE", str(tmp_path / "cache"))
    path = write_fixture_store(tmp_path)
    user = tmp_path / "user"
    assert codes(CodeStore.open(path, user_dir=user).search("copd"))[0] == "J44.9"
    caches = list((tmp_path / "cache").glob("search-*.idx"))
    assert len(caches) == 1

    def no_build(*_a: object, **_k: object) -> None:
        raise AssertionError("rebuilt although the cache was warm")

    monkeypatch.setattr("codetui.search.build_index", no_build)
    assert codes(SearchIndex.for_path(path, user).search("copd"))[0] == "J44.9"
    monkeypatch.undo()
    monkeypatch.setenv("CODETUI_CACHE", str(tmp_path / "cache"))

    # a corrupt cache is ignored and replaced
    caches[0].write_bytes(b"\x00garbage")
    assert codes(SearchIndex.for_path(path, user).search("copd"))[0] == "J44.9"
    assert caches[0].read_bytes() != b"\x00garbage"

    # a changed store (size/mtime) gets a new cache, the old one is dropped
    text = path.read_text().replace("Portal hypertension", "Portal venous hypertension")
    path.write_text(text)
    os.utime(path, ns=(1, 1))
    assert "venous" in SearchIndex.for_path(path, user).search("portal")[0].title
    assert len(list((tmp_path / "cache").glob("search-*.idx"))) == 1


def test_cache_expires_when_a_code_terminates(tmp_path: Path) -> None:
    store = CodeStore.from_tables(tables(), user_dir=tmp_path)
    data = searchindex.build_index(store, today="2021-01-01")
    assert data.next_change == "2021-12-31"
    f = tmp_path / "c.idx"
    searchindex.save_cache(f, data)
    assert searchindex.load_cached(f, today="2021-06-01") is not None
    assert searchindex.load_cached(f, today="2022-01-01") is None


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("diabetes neuropathy", "E11.40"),  # guideline I.C.4.a.2: undocumented type is E11
        ("heart failure congestive", "I50.9"),  # "(congestive)" is a nonessential modifier
        ("pulmonary embolism", "I26.99"),  # its category is Pulmonary embolism; I27 is not
        ("urinary tract infections", "N39.0"),  # a plural is the same word
        ("fracture right femur initial encounter", "S72.91XA"),  # placeholder-X parent missing
        ("oxygen concentrator", "E1390"),  # the title is about the query words
        ("arthroplasty knee", "27447"),  # Category III codes after Category I
        ("modifier 59", "59"),
        ("lt modifier", "LT"),
        ("mod -xe", "XE"),
    ],
)
def test_the_code_a_coder_means_comes_first(store: CodeStore, query: str, first: str) -> None:
    assert codes(store.search(query))[0] == first


def test_without_a_type_diabetes_still_lists_the_others(store: CodeStore) -> None:
    found = codes(store.search("diabetes neuropathy"))
    assert {"E10.40", "E13.40"} <= set(found)
