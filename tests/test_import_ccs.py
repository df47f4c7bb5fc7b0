"""CCS importer: quoted code ranges, rejects, and resolution onto codes by build.apply_ccs_ranges."""

from __future__ import annotations

from pathlib import Path

import pytest

from codetui.build import apply_ccs_ranges
from codetui.importers import ccs
from codetui.importers.base import Rejects

FIXTURES = Path(__file__).parent / "fixtures" / "ccs"
RAW = (Path(__file__).resolve().parents[2] / "shared" / "data" / "raw")


def _resolve(raw: Path, codes: list[str]) -> tuple[dict, Rejects]:
    rejects = Rejects()
    [res] = ccs.load(raw, rejects)
    tables = {"hcpcs": {c: {} for c in codes}, **res.tables}
    apply_ccs_ranges(tables)
    assert "ccs_ranges" not in tables  # transient: never shipped
    return tables["hcpcs"], rejects


def test_ranges_resolve_onto_codes():
    hcpcs, rejects = _resolve(FIXTURES, ["96417", "96414", "0708T", "J9045", "61001", "T2051"])
    assert hcpcs["96417"]["ccs"] == {"src": "ccs", "id": 224, "label": "Cancer chemotherapy"}
    assert "ccs" not in hcpcs["96414"]
    assert hcpcs["0708T"]["ccs"]["id"] == 224
    assert hcpcs["J9045"]["ccs"]["label"] == "Medications (Injections, infusions and other forms)"
    assert hcpcs["61001"]["ccs"]["id"] == 1 and hcpcs["T2051"]["ccs"]["id"] == 999
    assert [(r.line, r.reason) for r in rejects.items] == [
        (6, "bad code range '9999-99999'"),
        (7, "99213-99213: bad CCS category 'x'"),
    ]


@pytest.mark.skipif(not (RAW / ccs.FOLDER).is_dir(), reason="raw data absent")
def test_real_file_96417_is_chemotherapy():
    hcpcs, rejects = _resolve(RAW, ["96417", "99213"])
    assert len(rejects) == 0
    assert hcpcs["96417"]["ccs"]["id"] == 224
    assert hcpcs["96417"]["ccs"]["label"] == "Cancer chemotherapy"
