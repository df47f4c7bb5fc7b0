"""Decode tables for the ANWEB coded values: CMS's words for what the store keeps raw."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from codetui.decode import hcpcs as d

RAW_FILE = (Path(__file__).resolve().parents[2] / "shared" / "data" / "raw" / "cms-hcpcs-anweb-2025-10/HCPC2025_OCT_ANWEB.csv")


def test_known_values() -> None:
    assert d.tos("1") == "Medical care"
    assert d.tos("P") == "Lump sum purchase of DME, prosthetics, orthotics"
    assert d.betos("O1D") == "Chemotherapy"
    assert d.pricing("11") == "Price established using national RVUs"
    assert d.pricing_group("36") == "DMEPOS fee schedule"
    assert d.pricing("51") == "Drugs"
    assert d.coverage("D") == "Special coverage instructions apply"
    assert d.coverage("M") == "Non-covered by Medicare"
    assert d.action("D") == "Discontinue procedure or modifier code"
    assert d.lab_cert("340") == "Toxicology"
    assert d.multiple_pricing("A").startswith("Not applicable")
    assert d.asc_group("YY").startswith("Approved")
    assert d.asc_group("") == "Not approved for ASC"


def test_unknown_values_decode_to_empty_so_callers_show_the_raw_code() -> None:
    assert d.tos("%") == ""
    assert d.pricing("98") == ""
    assert d.coverage("Q") == ""
    assert d.betos("Q9Z") == ""


def test_unlisted_betos_code_falls_back_to_its_family() -> None:
    assert d.betos("P9Z").startswith("Procedures")


@pytest.mark.skipif(not RAW_FILE.exists(), reason="raw data folder absent")
def test_every_coded_value_in_the_real_file_decodes() -> None:
    with RAW_FILE.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    checks = {
        "ACTION CD": d.action, "COV": d.coverage, "BETOS": d.betos, "MULT_PI": d.multiple_pricing,
        "ASC_GRP": d.asc_group,
        **{f"PRICE{i}": d.pricing for i in range(1, 5)},
        **{f"TOS{i}": d.tos for i in range(1, 6)},
        **{f"LABCERT{i}": d.lab_cert for i in range(1, 9)},
    }
    missing = {
        (col, row[col]) for row in rows for col, fn in checks.items()
        if row[col].strip() and not fn(row[col])
    }
    assert missing == set()
