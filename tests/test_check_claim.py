"""Parsing claim lines as coders type them, and the bad-input errors they get."""

from __future__ import annotations

from datetime import date

import pytest

from codetui.check.claim import ClaimParseError, parse_claim, parse_line, tokenize


def test_units_and_modifiers_in_either_order() -> None:
    assert parse_line("96417x2", 1).units == 2
    assert parse_line("96417*3", 1).units == 3
    line = parse_line("64483-50-59x2", 4)
    assert (line.code, line.units, line.modifiers, line.number) == ("64483", 2, ("50", "59"), 4)
    assert parse_line("j9045X4-jw", 1).modifiers == ("JW",)
    assert parse_line("99214-25", 1).label() == "99214-25"


@pytest.mark.parametrize(
    ("token", "reason"),
    [
        ("9641", "not a CPT/HCPCS code"),
        ("96417x0", "units must be"),
        ("96417x2x3", "units given twice"),
        ("96417-5", "cannot read"),
        ("99214-25-25", "given twice"),
        ("ABCDE", "not a CPT/HCPCS code"),
    ],
)
def test_bad_tokens_name_the_token_and_reason(token: str, reason: str) -> None:
    with pytest.raises(ClaimParseError) as err:
        parse_line(token, 1)
    assert err.value.token == token
    assert reason in err.value.reason


def test_claim_options_and_dotted_dx_tokens() -> None:
    claim = parse_claim(["96413", "96417x2", "E11.9"], dx=["C50.911,z5111"], dos="04/15/2026", setting="hospital")
    assert [ln.code for ln in claim.lines] == ["96413", "96417"]
    assert claim.dx == ("C50.911", "Z51.11", "E11.9")
    assert claim.dos == date(2026, 4, 15)
    assert claim.setting == "opps"


@pytest.mark.parametrize(
    ("kwargs", "token"),
    [({"dos": "2026-02-30"}, "2026-02-30"), ({"setting": "inpatient"}, "inpatient"), ({"dx": ["E11.9,11"]}, "11")],
)
def test_bad_options(kwargs: dict, token: str) -> None:
    with pytest.raises(ClaimParseError) as err:
        parse_claim(["99213"], **kwargs)
    assert err.value.token == token


def test_empty_claim_is_bad_input() -> None:
    with pytest.raises(ClaimParseError):
        parse_claim([])


def test_file_text_tokens_with_comments_and_keys() -> None:
    text = "# chemo day\n96413, 96417x2\r\nJ9045x4  # carboplatin\ndx: C50.911, Z51.11\ndos=2026-04-01\n"
    claim = parse_claim(tokenize(text))
    assert [ln.label() for ln in claim.lines] == ["96413", "96417x2", "J9045x4"]
    assert claim.dx == ("C50.911", "Z51.11")
    assert claim.dos == date(2026, 4, 1)
