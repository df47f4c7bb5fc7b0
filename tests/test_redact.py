"""Redaction: each Safe Harbor identifier type goes, clinical content stays."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from codetui.redact import redact

ROOT = Path(__file__).resolve().parents[1]


def out(text: str) -> str:
    return redact(text).text


@pytest.mark.parametrize(
    "text, secret, kind",
    [
        ("Pt: Maria Okafor presents with cough.", "Okafor", "NAME"),
        ("Seen today with Dr. Tremblay-Nakamura.", "Tremblay", "NAME"),
        ("Electronically signed by: Jane Roe, MD", "Roe", "NAME"),
        ("Daughter Leticia called.", "Leticia", "NAME"),
        ("Kowalczyk reports chest pain.", "Kowalczyk", "NAME"),
        ("PATIENT NAME: DOE, JOHN", "DOE", "NAME"),
        ("DOB 03/14/1957.", "03/14", "DATE"),
        ("Admitted 3-14-57 for CHF.", "3-14", "DATE"),
        ("Surgery on March 14th.", "March 14", "DATE"),
        ("Follow-up 14 Mar 2026.", "14 Mar", "DATE"),
        ("Collected 2026-03-14.", "03-14", "DATE"),
        ("Seen on 3/14 for follow-up.", "3/14", "DATE"),
        ("A 92-year-old woman.", "92", "AGE"),
        ("Age: 101", "101", "AGE"),
        ("Call (555) 234-5678 ext 12.", "234-5678", "PHONE"),
        ("Fax: 555.876.5432", "876.5432", "FAX"),
        ("Email jo.doe@example.com today.", "jo.doe", "EMAIL"),
        ("SSN 123-45-6789.", "6789", "SSN"),
        ("SSN 123\u201345\u20136789.", "6789", "SSN"),
        ("MRN: A1234567", "A1234567", "MRN"),
        ("Member ID XJK99812345", "XJK99812345", "HEALTHPLAN"),
        ("Acct # 88812-004", "88812", "ACCOUNT"),
        ("Claim # 2026041500123", "2026041500123", "CLAIM"),
        ("Prior auth # PA77120934", "PA77120934", "AUTH"),
        ("Driver's license D1234-5678-9012", "D1234", "LICENSE"),
        ("License plate 7XYZ123 noted.", "7XYZ123", "VEHICLE"),
        ("VIN 1HGCM82633A004352", "1HGCM82633A004352", "VEHICLE"),
        ("Pacemaker serial # PJN4471932", "PJN4471932", "DEVICE"),
        ("Portal https://portal.example.org/p/88123 for results.", "portal.example", "URL"),
        ("Logged from 192.168.10.21.", "192.168.10.21", "IP"),
        ("Device at fe80::1ff:fe23:4567:890a online.", "fe80", "IP"),
        ("Photo file IMG_20260314.jpg attached.", "IMG_2026", "PHOTO"),
        ("Fingerprint ID FP-009912 on file.", "FP-009912", "BIOMETRIC"),
        ("Lives at 1234 Maple Grove Ave, Apt 5B.", "Maple Grove", "ADDRESS"),
        ("Springfield, IL 62704", "62704", "ZIP"),
        ("Springfield, IL 62704", "Springfield", "LOCATION"),
    ],
)
def test_identifier_removed_and_typed(text: str, secret: str, kind: str) -> None:
    result = redact(text)
    assert secret not in result.text
    assert kind in {s.type for s in result.spans}
    assert f"[{kind}]" in result.text


@pytest.mark.parametrize(
    "text",
    [
        "Dx E11.42, I10, S72.001A and Z79.4.",
        "Billed 99213 and G0439; HCPCS J9045.",
        "NDC 0002-3227-30 and 00002-3227-30 and 12345-678-90.",
        "Metformin 500 mg PO BID, lisinopril 10 mg daily.",
        "Hgb 13.2, A1c 7.2%, creatinine 1.1, K 4.1.",
        "BP 128/82, HR 72, T 98.6, SpO2 97% on RA.",
        "Pain 7/10, GCS 15, PHQ-9 score 12.",
        "History of Graves disease; Foley catheter in place.",
        "Parkinson's disease, Crohn disease, Hodgkin lymphoma, Bell's palsy.",
        "Smith fracture of the left radius; Babinski sign negative.",
        "Diagnosed in 2019.",
        "A 67-year-old man.",
        "Will follow up. Mark the chart. May need labs.",
    ],
)
def test_clinical_content_kept(text: str) -> None:
    assert out(text) == text


def test_spans_are_in_original_offsets() -> None:
    text = "Pt: Maria Okafor, DOB 03/14/1957"
    result = redact(text)
    assert [(text[s.start:s.end], s.type) for s in result.spans] == [
        ("Maria Okafor", "NAME"),
        ("03/14/1957", "DATE"),
    ]


def test_name_found_once_is_removed_everywhere() -> None:
    text = "Mr. Abernathy-Quist arrived. Later Abernathy-Quist asked for water."
    assert "Abernathy" not in out(text)


def test_eponym_kept_even_after_same_word_as_name() -> None:
    text = "Seen by Dr. Foley. Foley catheter removed."
    assert out(text) == "Seen by Dr. [NAME]. Foley catheter removed."


def test_redaction_is_idempotent() -> None:
    once = out("Pt: Maria Okafor, MRN 1234567, seen 3/14/2026.")
    assert out(once) == once


# Runs only this subcommand's module (the CLI frame imports every command module).
RUNNER = (
    "import argparse, sys\n"
    "from codetui.commands import redact as r\n"
    "p = argparse.ArgumentParser(); r.add_arguments(p)\n"
    "sys.exit(r.run(p.parse_args(sys.argv[1:])))\n"
)


def _cli(*args: str, stdin: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = env or {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-c", RUNNER, *args], input=stdin, capture_output=True, text=True, env=env, check=False
    )


def test_cli_json_and_control_chars_stripped(tmp_path: Path) -> None:
    note = "Pt: Maria Okafor\x1b[2J, MRN 1234567\n"
    res = _cli("-", "--json", stdin=note)
    assert res.returncode == 0
    data = orjson.loads(res.stdout)
    assert "Okafor" not in data["text"] and "\x1b" not in data["text"]
    assert {"start": 4, "end": 16, "type": "NAME"} in data["spans"]
    plain = _cli(stdin=note)
    assert "\x1b" not in plain.stdout and "[NAME]" in plain.stdout


def test_cli_writes_nothing_to_disk(tmp_path: Path) -> None:
    env_dirs = {"CODETUI_CACHE": tmp_path / "c", "CODETUI_HOME": tmp_path / "h"}
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), **{k: str(v) for k, v in env_dirs.items()}}
    assert _cli(stdin="Pt: Maria Okafor", env=env).returncode == 0
    assert not any(p.exists() for p in env_dirs.values())


@pytest.mark.parametrize(
    "text, secret, kind",
    [
        ("Acct #: 5540091822 on file.", "5540091822", "ACCOUNT"),
        ("MRN #: A1234567", "A1234567", "MRN"),
        ("Driver license IL D400-7321-8845.", "D400", "LICENSE"),
        ("Follow up 4/2 in clinic.", "4/2", "DATE"),
        ("RTC 4/16 with labs.", "4/16", "DATE"),
        ("Patient born 1921, lives alone.", "1921", "DATE"),  # over 89: the year is an age
    ],
)
def test_identifiers_found_in_review(text: str, secret: str, kind: str) -> None:
    result = redact(text)
    assert secret not in result.text and f"[{kind}]" in result.text


@pytest.mark.parametrize("text", [
    "Follow up 2-3 weeks.", "Seen 2-3 times this year.", "Born 1990, works as a teacher.",
    "Pain 3/10 at discharge.",
])
def test_spans_of_time_and_young_birth_years_kept(text: str) -> None:
    assert out(text) == text
