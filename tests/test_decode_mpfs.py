"""MPFS indicator decoding and the payment rules the claim checker relies on."""

from __future__ import annotations

from codetui.decode import mpfs


def test_status_global_and_pctc_read_as_cms_words():
    assert mpfs.describe("status", "A").label == "Active"
    assert mpfs.describe("global", "ZZZ").text == (
        "Code related to another service and always included in the global period of the other service."
    )
    assert mpfs.describe("pctc", "5").label == "Incident to"
    assert "26 and TC can be used" in mpfs.describe("pctc", "1").text
    assert mpfs.describe("super", "6A").label.startswith("Level 66")
    assert mpfs.describe("f_na", True).code == "NA"


def test_every_documented_value_has_a_meaning():
    expected = {
        "status": "ABCDEFGHIJMNPRTX",
        "pctc": "0123456789",
        "mult": "012345679",
        "bilat": "01239",
        "asst": "0129",
        "co": "0129",
        "team": "0129",
    }
    for field, values in expected.items():
        for v in values:
            assert not mpfs.describe(field, v).label.startswith("Unknown"), (field, v)
    for g in ("000", "010", "090", "MMM", "XXX", "YYY", "ZZZ"):
        assert not mpfs.describe("global", g).label.startswith("Unknown")
    for s in ("01", "02", "03", "04", "05", "06", "21", "22", "66", "6A", "77", "7A", "09"):
        assert not mpfs.describe("super", s).label.startswith("Unknown")


def test_unknown_values_say_so():
    assert mpfs.describe("status", "Q").label == "Unknown (Q)"
    assert mpfs.describe("family", "42").label == "Imaging family 42"


def test_separately_payable():
    assert mpfs.separately_payable("A") and mpfs.separately_payable("T")
    assert not mpfs.separately_payable("B") and not mpfs.separately_payable("E")
    assert not mpfs.separately_payable("")


def test_component_modifiers():
    assert mpfs.allows_26_tc("1")
    assert not mpfs.allows_26_tc("5")
    assert mpfs.allows_26_tc("6", "26") and not mpfs.allows_26_tc("6", "TC")
    assert not mpfs.allows_26_tc("0", "26")


def test_surgery_modifier_rules():
    assert mpfs.bilateral_rule("1").permitted and mpfs.bilateral_rule("1").payment == "150%"
    assert mpfs.bilateral_rule("0").permitted is False
    assert mpfs.bilateral_rule("9").permitted is None
    assert mpfs.assistant_rule("1").permitted is False
    assert mpfs.assistant_rule("0").documentation
    assert "80" in mpfs.assistant_rule("2").modifiers
    assert mpfs.co_surgery_rule("1").documentation and mpfs.co_surgery_rule("0").permitted is False
    assert mpfs.team_rule("2").permitted and mpfs.team_rule("2").modifiers == ("66",)
