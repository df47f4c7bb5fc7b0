"""Words for the coded values in the CMS HCPCS Level II file (the ``anweb`` block).

The store keeps CMS's raw codes (``"price": ["51"]``, ``"tos": ["1", "P"]``) so a record
stays small and exact; these tables turn them into CMS's own words when a record is shown.

Where the meanings come from:
- Action, coverage, pricing indicator, multiple pricing indicator, lab certification, ASC
  group and type of service: the CMS "HCPCS Contractor Record" layout
  (``HCPC<year>_recordlayout.txt``) shipped in every quarterly Alpha-Numeric HCPCS file zip.
  Wording follows that layout, lightly normalised (sentence case, "RVUs").
- BETOS: the CMS Berenson-Eggers Type of Service classification (legacy BETOS, the version
  the HCPCS file's ``BETOS`` column still carries; RBCS replaced it for new analysis).
  ``O1L`` (lymphedema compression items) was added with the 2024 files.

Unknown values decode to ``""`` so callers can fall back to showing the raw code.
"""

from __future__ import annotations

ACTION: dict[str, str] = {
    "A": "Add procedure or modifier code",
    "B": "Change in both administrative data field and long description of procedure or modifier code",
    "C": "Change in long description of procedure or modifier code",
    "D": "Discontinue procedure or modifier code",
    "F": "Change in administrative data field of procedure or modifier code",
    "N": "No maintenance for this code",
    "P": "Payment change (MOG, pricing indicator codes, anesthesia base units, ambulatory surgical centers)",
    "R": "Re-activate discontinued/deleted procedure or modifier code",
    "S": "Change in short description of procedure code",
    "T": "Miscellaneous change (BETOS, type of service)",
}

COVERAGE: dict[str, str] = {
    "C": "Carrier judgment",
    "D": "Special coverage instructions apply",
    "I": "Not payable by Medicare",
    "M": "Non-covered by Medicare",
    "S": "Non-covered by Medicare statute",
}

# (group heading, meaning); the heading says which fee schedule the indicator belongs to.
_PFS = "Physician fee schedule"
_CLFS = "Clinical lab fee schedule"
_DME = "DMEPOS fee schedule"
_OTHER = "Other"
PRICING: dict[str, tuple[str, str]] = {
    "00": ("", "Service not separately priced by Part B (e.g., services not covered, bundled, used by Part A only)"),
    "11": (_PFS, "Price established using national RVUs"),
    "12": (_PFS, "Price established using national anesthesia base units"),
    "13": (_PFS, "Price established by carriers (e.g., not otherwise classified, individual determination, carrier discretion)"),
    "21": (_CLFS, "Price subject to national limitation amount"),
    "22": (_CLFS, "Price established by carriers (e.g., gap-fills, carrier established panels)"),
    "31": (_DME, "Frequently serviced DME (price subject to floors and ceilings)"),
    "32": (_DME, "Inexpensive and routinely purchased DME (price subject to floors and ceilings)"),
    "33": (_DME, "Oxygen and oxygen equipment (price subject to floors and ceilings)"),
    "34": (_DME, "DME supplies (price subject to floors and ceilings)"),
    "35": (_DME, "Surgical dressings (price subject to floors and ceilings)"),
    "36": (_DME, "Capped rental DME (price subject to floors and ceilings)"),
    "37": (_DME, "Ostomy, tracheostomy and urological supplies (price subject to floors and ceilings)"),
    "38": (_DME, "Orthotics, prosthetics, prosthetic devices and vision services (price subject to floors and ceilings)"),
    "39": (_DME, "Parenteral and enteral nutrition"),
    "40": (_DME, "Lymphedema compression treatment items"),
    "45": (_DME, "Customized DME items"),
    "46": (_DME, "Carrier priced (e.g., not otherwise classified, individual determination, carrier discretion, gap-filled amounts)"),
    "51": (_OTHER, "Drugs"),
    "52": (_OTHER, "Reasonable charge"),
    "53": (_OTHER, "Statute"),
    "54": (_OTHER, "Vaccinations"),
    "55": (_OTHER, "Splints and casts"),
    "56": (_OTHER, "IOLs inserted in a physician's office"),
    "57": (_OTHER, "Other carrier priced"),
    "99": (_OTHER, "Value not established"),
}

MULTIPLE_PRICING: dict[str, str] = {
    "9": "Not applicable: not priced separately by Part B (pricing indicator 00) or value not established (pricing indicator 99)",
    "A": "Not applicable: priced under one methodology",
    "B": "Professional component priced using RVUs; technical component and global service priced by Part B carriers",
    "C": "Physician interpretation of a clinical lab service priced under the physician fee schedule using RVUs; the lab service itself paid under the clinical lab fee schedule",
    "D": "Physician service priced under the physician fee schedule using RVUs; clinical psychologist service under the clinical psychologist fee schedule (not applicable since 1998-01-01)",
    "E": "Physician service priced under the physician fee schedule using RVUs; clinical psychologist and clinical social worker services under their own fee schedules (not applicable since 1998-01-01)",
    "F": "Physician service priced by carriers under the physician fee schedule; clinical psychologist and clinical social worker services under their own fee schedules (not applicable since 1998-01-01)",
    "G": "Clinical lab service priced at reasonable charge when billed with blood products, otherwise under the clinical lab fee schedule",
}

# CLIA specialty (x00) and subspecialty certification categories. A lab certified for a
# specialty (e.g. 100) may perform the tests of its subspecialties (110, 120, ...).
LAB_CERT: dict[str, str] = {
    "010": "Histocompatibility testing",
    "100": "Microbiology",
    "110": "Bacteriology",
    "115": "Mycobacteriology",
    "120": "Mycology",
    "130": "Parasitology",
    "140": "Virology",
    "150": "Other microbiology",
    "200": "Diagnostic immunology",
    "210": "Syphilis serology",
    "220": "General immunology",
    "300": "Chemistry",
    "310": "Routine chemistry",
    "320": "Urinalysis",
    "330": "Endocrinology",
    "340": "Toxicology",
    "350": "Other chemistry",
    "400": "Hematology",
    "500": "Immunohematology",
    "510": "ABO group and Rh type",
    "520": "Antibody detection (transfusion)",
    "530": "Antibody detection (non-transfusion)",
    "540": "Antibody identification",
    "550": "Compatibility testing",
    "560": "Other immunohematology",
    "600": "Pathology",
    "610": "Histopathology",
    "620": "Oral pathology",
    "630": "Cytology",
    "800": "Radiobioassay",
    "900": "Clinical cytogenetics",
}

# CMS (carrier) type of service. Dated notes are CMS's own.
TOS: dict[str, str] = {
    "0": "Whole blood",
    "1": "Medical care",
    "2": "Surgery",
    "3": "Consultation",
    "4": "Diagnostic radiology",
    "5": "Diagnostic laboratory",
    "6": "Therapeutic radiology",
    "7": "Anesthesia",
    "8": "Assistant at surgery",
    "9": "Other medical items or services",
    "A": "Used durable medical equipment (DME)",
    "B": "High risk screening mammography (obsolete since 1998)",
    "C": "Low risk screening mammography (obsolete since 1998)",
    "D": "Ambulance",
    "E": "Enteral/parenteral nutrients/supplies",
    "F": "Ambulatory surgical center (facility usage for surgical services)",
    "G": "Immunosuppressive drugs",
    "H": "Hospice services (discontinued 1995)",
    "I": "Purchase of DME, installment basis (discontinued 1995)",
    "J": "Diabetic shoes",
    "K": "Hearing items and services",
    "L": "ESRD supplies",
    "M": "Monthly capitation payment for dialysis",
    "N": "Kidney donor",
    "P": "Lump sum purchase of DME, prosthetics, orthotics",
    "Q": "Vision items or services",
    "R": "Rental of DME",
    "S": "Surgical dressings or other medical supplies",
    "T": "Outpatient mental health treatment limitation",
    "U": "Occupational therapy",
    "V": "Pneumococcal/flu vaccine",
    "W": "Physical therapy",
    "Y": "Second opinion on elective surgery (obsolete since 1997)",
    "Z": "Third opinion on elective surgery (obsolete since 1997)",
}

BETOS: dict[str, str] = {
    "M1A": "Office visits - new",
    "M1B": "Office visits - established",
    "M2A": "Hospital visit - initial",
    "M2B": "Hospital visit - subsequent",
    "M2C": "Hospital visit - critical care",
    "M3": "Emergency room visit",
    "M4A": "Home visit",
    "M4B": "Nursing home visit",
    "M5A": "Specialist - pathology",
    "M5B": "Specialist - psychiatry",
    "M5C": "Specialist - ophthalmology",
    "M5D": "Specialist - other",
    "M6": "Consultations",
    "P0": "Anesthesia",
    "P1A": "Major procedure - breast",
    "P1B": "Major procedure - colectomy",
    "P1C": "Major procedure - cholecystectomy",
    "P1D": "Major procedure - TURP",
    "P1E": "Major procedure - hysterectomy",
    "P1F": "Major procedure - explor/decompr/excis disc",
    "P1G": "Major procedure - other",
    "P2A": "Major procedure, cardiovascular - CABG",
    "P2B": "Major procedure, cardiovascular - aneurysm repair",
    "P2C": "Major procedure, cardiovascular - thromboendarterectomy",
    "P2D": "Major procedure, cardiovascular - coronary angioplasty (PTCA)",
    "P2E": "Major procedure, cardiovascular - pacemaker insertion",
    "P2F": "Major procedure, cardiovascular - other",
    "P3A": "Major procedure, orthopedic - hip fracture repair",
    "P3B": "Major procedure, orthopedic - hip replacement",
    "P3C": "Major procedure, orthopedic - knee replacement",
    "P3D": "Major procedure, orthopedic - other",
    "P4A": "Eye procedure - corneal transplant",
    "P4B": "Eye procedure - cataract removal/lens insertion",
    "P4C": "Eye procedure - retinal detachment",
    "P4D": "Eye procedure - treatment of retinal lesions",
    "P4E": "Eye procedure - other",
    "P5A": "Ambulatory procedures - skin",
    "P5B": "Ambulatory procedures - musculoskeletal",
    "P5C": "Ambulatory procedures - inguinal hernia repair",
    "P5D": "Ambulatory procedures - lithotripsy",
    "P5E": "Ambulatory procedures - other",
    "P6A": "Minor procedures - skin",
    "P6B": "Minor procedures - musculoskeletal",
    "P6C": "Minor procedures - other (Medicare fee schedule)",
    "P6D": "Minor procedures - other (non-Medicare fee schedule)",
    "P7A": "Oncology - radiation therapy",
    "P7B": "Oncology - other",
    "P8A": "Endoscopy - arthroscopy",
    "P8B": "Endoscopy - upper gastrointestinal",
    "P8C": "Endoscopy - sigmoidoscopy",
    "P8D": "Endoscopy - colonoscopy",
    "P8E": "Endoscopy - cystoscopy",
    "P8F": "Endoscopy - bronchoscopy",
    "P8G": "Endoscopy - laparoscopic cholecystectomy",
    "P8H": "Endoscopy - laryngoscopy",
    "P8I": "Endoscopy - other",
    "P9A": "Dialysis services (Medicare fee schedule)",
    "P9B": "Dialysis services (non-Medicare fee schedule)",
    "I1A": "Standard imaging - chest",
    "I1B": "Standard imaging - musculoskeletal",
    "I1C": "Standard imaging - breast",
    "I1D": "Standard imaging - contrast gastrointestinal",
    "I1E": "Standard imaging - nuclear medicine",
    "I1F": "Standard imaging - other",
    "I2A": "Advanced imaging - CAT/CT/CTA: brain/head/neck",
    "I2B": "Advanced imaging - CAT/CT/CTA: other",
    "I2C": "Advanced imaging - MRI/MRA: brain/head/neck",
    "I2D": "Advanced imaging - MRI/MRA: other",
    "I3A": "Echography/ultrasonography - eye",
    "I3B": "Echography/ultrasonography - abdomen/pelvis",
    "I3C": "Echography/ultrasonography - heart",
    "I3D": "Echography/ultrasonography - carotid arteries",
    "I3E": "Echography/ultrasonography - prostate, transrectal",
    "I3F": "Echography/ultrasonography - other",
    "I4A": "Imaging/procedure - heart including cardiac catheterization",
    "I4B": "Imaging/procedure - other",
    "T1A": "Lab tests - routine venipuncture (non-Medicare fee schedule)",
    "T1B": "Lab tests - automated general profiles",
    "T1C": "Lab tests - urinalysis",
    "T1D": "Lab tests - blood counts",
    "T1E": "Lab tests - glucose",
    "T1F": "Lab tests - bacterial cultures",
    "T1G": "Lab tests - other (Medicare fee schedule)",
    "T1H": "Lab tests - other (non-Medicare fee schedule)",
    "T2A": "Other tests - electrocardiograms",
    "T2B": "Other tests - cardiovascular stress tests",
    "T2C": "Other tests - EKG monitoring",
    "T2D": "Other tests - other",
    "D1A": "Medical/surgical supplies",
    "D1B": "Hospital beds",
    "D1C": "Oxygen and supplies",
    "D1D": "Wheelchairs",
    "D1E": "Other DME",
    "D1F": "Prosthetic/orthotic devices",
    "D1G": "Drugs administered through DME",
    "O1A": "Ambulance",
    "O1B": "Chiropractic",
    "O1C": "Enteral and parenteral",
    "O1D": "Chemotherapy",
    "O1E": "Other drugs",
    "O1F": "Hearing and speech services",
    "O1G": "Immunizations/vaccinations",
    "O1L": "Lymphedema compression treatment items",
    "Y1": "Other - Medicare fee schedule",
    "Y2": "Other - non-Medicare fee schedule",
    "Z1": "Local codes",
    "Z2": "Undefined codes",
}

# BETOS first letter: the broad family, for grouping and for codes missing from BETOS above.
BETOS_FAMILY: dict[str, str] = {
    "M": "Evaluation and management",
    "P": "Procedures",
    "I": "Imaging",
    "T": "Tests",
    "D": "Durable medical equipment",
    "O": "Other",
    "Y": "Exceptions/unclassified",
    "Z": "Exceptions/unclassified",
}

ASC_GROUP: dict[str, str] = {
    "YY": "Approved to be performed in an ambulatory surgical center (ASC)",
}


def action(code: str) -> str:
    """HCPCS action code ("N") -> what changed in this quarter's file."""
    return ACTION.get(code.strip().upper(), "")


def coverage(code: str) -> str:
    """Medicare coverage code ("D") -> "Special coverage instructions apply"."""
    return COVERAGE.get(code.strip().upper(), "")


def pricing(code: str) -> str:
    """Pricing indicator ("11") -> "Price established using national RVUs"."""
    found = PRICING.get(code.strip().zfill(2))
    return found[1] if found else ""


def pricing_group(code: str) -> str:
    """Which fee schedule a pricing indicator belongs to ("31" -> "DMEPOS fee schedule")."""
    found = PRICING.get(code.strip().zfill(2))
    return found[0] if found else ""


def multiple_pricing(code: str) -> str:
    return MULTIPLE_PRICING.get(code.strip().upper(), "")


def lab_cert(code: str) -> str:
    """CLIA certification category ("340" -> "Toxicology")."""
    return LAB_CERT.get(code.strip().zfill(3), "")


def tos(code: str) -> str:
    """CMS type of service ("1" -> "Medical care")."""
    return TOS.get(code.strip().upper(), "")


def betos(code: str) -> str:
    """BETOS code ("O1D" -> "Chemotherapy"); an unknown code in a known family gets the family."""
    c = code.strip().upper()
    return BETOS.get(c) or (f"{BETOS_FAMILY[c[0]]} (BETOS {c})" if c[:1] in BETOS_FAMILY else "")


def asc_group(code: str) -> str:
    """ASC payment group; blank means not on the ASC approved list, "YY" means approved."""
    c = code.strip().upper()
    if not c:
        return "Not approved for ASC"
    if c in ASC_GROUP:
        return ASC_GROUP[c]
    if c.isdigit():
        return f"ASC payment group {c} (numbered groups were retired in 2008)"
    return ""
