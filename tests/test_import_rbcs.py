"""RBCS importer: newest effective row per code, open end dates omitted, bad rows rejected."""

from __future__ import annotations

from pathlib import Path

import pytest

from codetui.importers import rbcs
from codetui.importers.base import Rejects

FIXTURES = Path(__file__).parent / "fixtures" / "rbcs"
RAW = (Path(__file__).resolve().parents[2] / "shared" / "data" / "raw")


def test_newest_effective_row_wins_and_open_end_is_omitted():
    rejects = Rejects()
    [res] = rbcs.load(FIXTURES, rejects)
    hcpcs = res.tables["hcpcs"]
    assert hcpcs["49435"]["rbcs"]["family"] == "Peritoneal Dialysis"
    assert hcpcs["49435"]["rbcs"]["effective"] == "2017-01-01"
    assert hcpcs["49435"]["rbcs"]["ended"] == ""  # 9999-12-31 means still open
    assert hcpcs["0001M"]["rbcs"]["ended"] == "2018-12-31"
    assert hcpcs["96417"]["rbcs"]["subcategory"] == "Chemotherapy"
    assert [(r.line, r.reason[:12]) for r in rejects.items] == [(7, "bad HCPCS co"), (8, "99213: bad d")]
    assert res.source.rows == 5


@pytest.mark.skipif(not (RAW / rbcs.FOLDER).is_dir(), reason="raw data absent")
def test_real_file():
    rejects = Rejects()
    [res] = rbcs.load(RAW, rejects)
    assert len(rejects) == 0 and res.source.rows == 17033
    assert len(res.tables["hcpcs"]) == 15522
    assert res.tables["hcpcs"]["96417"]["rbcs"]["category"] == "Treatment"
