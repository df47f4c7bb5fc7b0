"""PTP edits from the real 2024 Q3 flattened file (skipped when the raw folder is absent).

The pairs named here are the ones the claim checker's tests rely on.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from codetui.importers import ncci_ptp
from codetui.importers.base import Rejects
from codetui.ptp import PtpDatabase, write_companion

RAW = (Path(__file__).resolve().parents[2] / "shared" / "data" / "raw")
PRAC = RAW / ncci_ptp.FOLDER / ncci_ptp.FILES["practitioner"][0]

pytestmark = pytest.mark.skipif(not PRAC.is_file(), reason="raw data absent")


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> PtpDatabase:
    data = tmp_path_factory.mktemp("data")
    rejects = Rejects()
    blob = write_companion(
        ncci_ptp.read_rows(PRAC, rejects),
        setting="practitioner",
        release=ncci_ptp.RELEASE,
        effective=ncci_ptp.EFFECTIVE,
    )
    assert len(rejects) == 0
    (data / "ptp").mkdir()
    (data / "ptp" / "practitioner.ptp").write_bytes(blob)
    assert len(blob) < 6_000_000  # git-friendly: the whole practitioner quarter in a few MB
    return PtpDatabase.open(data, None)


def test_every_row_survives(db: PtpDatabase):
    f = db.file("practitioner")
    assert f is not None and f.edit_count == 2_546_017 and len(f.codes) == 13_047


def test_96413_has_edits_in_both_columns(db: PtpDatabase):
    edits = db.edits_for("96413", "practitioner")
    assert len(edits) > 100
    assert any(e.col1 == "96413" for e in edits) and any(e.col2 == "96413" for e in edits)


def test_named_pairs_for_the_claim_checker(db: PtpDatabase):
    never = db.pair("29877", "29881")  # knee arthroscopy: meniscectomy bundles debridement
    assert (never.col1, never.col2, never.modifier, never.deleted) == ("29881", "29877", "0", "")
    assert db.pair("10060", "64483").modifier == "0"
    allowed = db.pair("96360", "96413")  # chemo infusion with hydration
    assert (allowed.col1, allowed.col2, allowed.modifier, allowed.deleted) == (
        "96413",
        "96360",
        "1",
        "",
    )
    history = [e for e in db.edits_for("96413") if e.col2 == "99213"]
    assert sorted(e.deleted for e in history) == ["", "2019-12-31"]
    deleted = db.pair("97140", "97530")
    assert deleted.deleted == "2019-12-31" and not deleted.active
