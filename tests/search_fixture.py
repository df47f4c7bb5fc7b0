"""A small store in the docs/schema.md shapes for the search tests (CPT descriptors invented)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from codetui.storage import write_store


def icd(code: str, title: str, billable: bool = True, kind: str = "code", **extra: Any) -> dict[str, Any]:
    return {"code": code, "kind": kind, "title": title, "billable": billable, **extra}


ICD = [
    icd("E11", "Type 2 diabetes mellitus", False, "category"),
    icd("E11.9", "Type 2 diabetes mellitus without complications"),
    icd("E11.4", "Type 2 diabetes mellitus with neurological complications", False),
    icd("E11.40", "Type 2 diabetes mellitus with diabetic neuropathy, unspecified"),
    icd("E11.42", "Type 2 diabetes mellitus with diabetic polyneuropathy"),
    icd("E10.9", "Type 1 diabetes mellitus without complications"),
    icd("J44.9", "Chronic obstructive pulmonary disease, unspecified", inclusion=["Chronic obstructive lung disease NOS"]),
    icd("J44.1", "Chronic obstructive pulmonary disease with (acute) exacerbation"),
    icd("I10", "Essential (primary) hypertension", inclusion=["High blood pressure"]),
    icd("K76.6", "Portal hypertension"),
    icd("I50.9", "Heart failure, unspecified", inclusion=["Congestive heart failure NOS"]),
    icd("I50.89", "Other heart failure"),
    icd("N39.0", "Urinary tract infection, site not specified"),
    icd("T39.1X1", "Poisoning by 4-Aminophenol derivatives, accidental (unintentional)", False, seventh_from="T39"),
    icd(
        "T39.1X1A",
        "Poisoning by 4-Aminophenol derivatives, accidental (unintentional), initial encounter",
        seventh_from="T39",
    ),
    icd("S72.001A", "Fracture of unspecified part of neck of right femur, initial encounter", seventh_from="S72"),
    icd("S72.001S", "Fracture of unspecified part of neck of right femur, sequela", seventh_from="S72"),
    icd("S72.001", "Fracture of unspecified part of neck of right femur", False),
    icd("E11-E13", "Diabetes block", False, "block"),
    # ranking cases from bench/queries_heldout.tsv
    icd("E10.40", "Type 1 diabetes mellitus with diabetic neuropathy, unspecified"),
    icd("E13.40", "Other specified diabetes mellitus with diabetic neuropathy, unspecified"),
    icd("I50.20", "Unspecified systolic (congestive) heart failure"),
    icd("I26", "Pulmonary embolism", False, "category"),
    icd("I26.99", "Other pulmonary embolism without acute cor pulmonale"),
    icd("I27", "Other pulmonary heart diseases", False, "category"),
    icd("I27.82", "Chronic pulmonary embolism"),
    icd("Z87.440", "Personal history of urinary (tract) infections"),
    icd("S72.91XA", "Unspecified fracture of right femur, initial encounter for closed fracture", seventh_from="S72"),
    icd("M84.351", "Stress fracture, right femur", False),
    icd("M84.351A", "Stress fracture, right femur, initial encounter for fracture", seventh_from="M84.3"),
]

HCPCS = [
    {"code": "J9045", "system": "HCPCS", "anweb": {"long": "Injection, carboplatin, 50 mg", "short": "Carboplatin injection"}},
    {"code": "J9040", "system": "HCPCS", "anweb": {"long": "Injection, bleomycin sulfate, 15 units"}},
    {
        "code": "A4397",
        "system": "HCPCS",
        "anweb": {"long": "Irrigation supply; sleeve, each", "term": "2021-12-31"},
    },
    {"code": "A4398", "system": "HCPCS", "anweb": {"long": "Ostomy irrigation supply; bag, each"}},
    {"code": "A0100", "system": "HCPCS", "anweb": {"long": "Nonemergency transportation; taxi"}},
    {"code": "96413", "system": "CPT", "ccs": {"id": 224, "label": "Cancer chemotherapy"}},
    {"code": "96417", "system": "CPT", "ccs": {"id": 224, "label": "Cancer chemotherapy"}},
    {"code": "59400", "system": "CPT", "ccs": {"id": 140, "label": "Other procedures to assist delivery"}},
    {"code": "0396T", "system": "CPT", "ccs": {"id": 152, "label": "Arthroplasty knee"}},
    {"code": "27447", "system": "CPT", "ccs": {"id": 152, "label": "Arthroplasty knee"}},
    {"code": "E1390", "system": "HCPCS", "anweb": {"long": "Oxygen concentrator, single delivery port, capable of delivering 85 percent or greater oxygen concentration at the prescribed flow rate"}},
    {"code": "E1392", "system": "HCPCS", "anweb": {"long": "Portable oxygen concentrator, rental"}},
]

MODIFIERS = [
    {"code": "59", "system": "CPT", "title": "Distinct procedural service (our words)"},
    {"code": "XE", "system": "HCPCS", "title": "Separate encounter"},
    {"code": "LT", "system": "HCPCS", "title": "Left side"},
]

TERMS = [
    {
        "id": "00001",
        "term": "Acetaminophen",
        "source": "drug",
        "codes": {"Poisoning Accidental (unintentional)": "T39.1X1"},
    },
]


def tables() -> dict[str, list[dict[str, Any]]]:
    return {"icd10cm": ICD, "hcpcs": HCPCS, "modifiers": MODIFIERS, "terms": TERMS}


def write_fixture_store(folder: Path) -> Path:
    """The fixture as a TinyDB file (as ``codetui build`` writes it); returns its path."""
    keyed = {
        name: {str(d.get("id") or d["code"]): d for d in docs} for name, docs in tables().items()
    }
    keyed["meta"] = {"_store": {"id": "_store", "schema": 1, "sources": []}}
    path = folder / "codes.json"
    write_store(path, keyed)
    return path


def write_cpt_descriptors(user_dir: Path, descriptors: dict[str, str]) -> None:
    user_dir.mkdir(parents=True, exist_ok=True)
    (user_dir / "cpt.json").write_bytes(orjson.dumps({"descriptors": descriptors}))
