"""MPFS (PPRRVU) indicator values in CMS's words, from the RVU25D record layout (Attachment A).

The store keeps raw values (``"global": "ZZZ"``); the browser and the claim checker turn them
into a short label and CMS's full sentence here, so the meaning is written down once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Meaning:
    """One indicator value: a short label for lists and CMS's sentence for the detail view."""

    code: str
    label: str
    text: str


def _table(rows: list[tuple[str, str, str]]) -> dict[str, Meaning]:
    return {code: Meaning(code, label, text) for code, label, text in rows}


STATUS = _table([
    ("A", "Active", ("Active code. Paid separately under the physician fee schedule, if covered; "
     "RVUs are shown. An A does not mean Medicare has made a national coverage determination.")),
    ("B", "Bundled", ("Bundled code. Payment for covered services is always bundled into payment "
     "for other services; RVUs, if shown, are not used for Medicare payment.")),
    ("C", "Contractor priced", ("Contractors price the code: the A/B MAC establishes RVUs and "
     "payment amounts, generally case by case after reviewing documentation.")),
    ("D", "Deleted", "Deleted code, deleted effective with the beginning of the applicable year."),
    ("E", "Excluded by regulation", ("Excluded from the physician fee schedule by regulation; no "
     "RVUs and no payment under the fee schedule (when covered, paid under reasonable charge).")),
    ("F", "Deleted, no grace period", "Deleted/discontinued code, not subject to a 90-day grace period."),
    ("G", "Not valid, grace period", ("Not valid for Medicare purposes; Medicare uses another code "
     "for reporting and payment (code subject to a 90-day grace period).")),
    ("H", "Deleted modifier", ("The TC or 26 component that existed for this code last year has "
     "been deleted; the deleted component is shown with status H.")),
    ("I", "Not valid for Medicare", ("Not valid for Medicare purposes; Medicare uses another code "
     "for reporting and payment (no 90-day grace period).")),
    ("J", "Anesthesia", ("Anesthesia service. No RVUs and no payment amounts under the fee "
     "schedule; identifies anesthesia services.")),
    ("M", "Measurement", "Measurement code, used for reporting purposes only."),
    ("N", "Non-covered", "Non-covered service; not covered by Medicare."),
    ("P", "Bundled/excluded", ("Bundled/excluded code; no RVUs and no separate payment under the "
     "fee schedule (bundled if incident to a physician service that day, otherwise paid under "
     "another provision).")),
    ("R", "Restricted coverage", ("Restricted coverage; special coverage instructions apply. If "
     "covered, the service is contractor priced.")),
    ("T", "Injection, paid alone only", ("Injection: RVUs and payment amounts exist, but paid only "
     "if no other physician fee schedule service is billed the same date by the same provider.")),
    ("X", "Statutory exclusion", ("Statutory exclusion: not a 'physician service' for fee schedule "
     "purposes (e.g. ambulance, clinical lab); no payment under the physician fee schedule.")),
])

GLOBAL = _table([
    ("000", "0-day global", ("Endoscopic or minor procedure; related pre- and postoperative work "
     "on the day of the procedure only is included. E/M on that day generally not payable.")),
    ("010", "10-day global", ("Minor procedure; preoperative work on the day of the procedure and "
     "postoperative work over 10 days are included. E/M that day and in the 10 days generally "
     "not payable.")),
    ("090", "90-day global", ("Major surgery with a 1-day preoperative period and a 90-day "
     "postoperative period included in the fee schedule amount.")),
    ("MMM", "Maternity", "Maternity code; the usual global period does not apply."),
    ("XXX", "No global period", "The global concept does not apply to the code."),
    ("YYY", "Contractor sets global", ("The contractor determines whether the global concept "
     "applies and sets the postoperative period, if appropriate, at the time of pricing.")),
    ("ZZZ", "Add-on to another service", ("Code related to another service and always included "
     "in the global period of the other service.")),
])

PCTC = _table([
    ("0", "Physician service", ("Physician service; PC/TC split does not apply. Modifiers 26 and "
     "TC cannot be used.")),
    ("1", "Diagnostic test with PC/TC", ("Diagnostic test with professional and technical "
     "components. Modifiers 26 and TC can be used; no modifier means the global service.")),
    ("2", "Professional component only", ("Stand-alone professional component code (e.g. ECG "
     "interpretation and report). Modifiers 26 and TC cannot be used.")),
    ("3", "Technical component only", ("Stand-alone technical component code (or a test covered "
     "only as a diagnostic test). Modifiers 26 and TC cannot be used.")),
    ("4", "Global test only", ("Stand-alone global test code with separate PC-only and TC-only "
     "codes. Modifiers 26 and TC cannot be used.")),
    ("5", "Incident to", ("Incident-to service by auxiliary personnel under direct supervision; "
     "not payable by the A/B MAC for hospital inpatients or outpatients. Modifiers 26 and TC "
     "cannot be used.")),
    ("6", "Lab physician interpretation", ("Clinical lab code for which a laboratory physician's "
     "interpretation may be paid separately. Modifier TC cannot be used.")),
    ("7", "PT service, not payable in hospital", ("Physical therapy service not payable when an "
     "independently practicing PT/OT furnishes it to a hospital outpatient or inpatient.")),
    ("8", "Physician interpretation (abnormal smear)", ("Professional component of a clinical lab "
     "code, payable only for interpreting an abnormal smear for a hospital inpatient; no TC.")),
    ("9", "Not applicable", "Concept of a professional/technical component does not apply."),
])

MULT = _table([
    ("0", "No multiple-procedure reduction", ("No multiple procedure rules apply; pay the lower "
     "of the actual charge or the fee schedule amount.")),
    ("1", "Pre-1995 standard reduction", ("Standard pre-1995 multiple procedure rules (100%, 50%, "
     "25%, 25%, 25%, then by report).")),
    ("2", "Standard reduction (modifier 51)", ("Standard multiple procedure rules: rank by fee "
     "schedule amount, pay 100% for the highest and 50% for each other (then by report).")),
    ("3", "Endoscopy family rules", ("Special multiple endoscopy rules for endoscopies in the same "
     "family (same endoscopic base code); the base procedure is not paid separately.")),
    ("4", "Diagnostic imaging reduction", ("Multiple procedure reduction for diagnostic imaging "
     "in the same family: 50% reduction to the TC of subsequent procedures, 5% to the PC.")),
    ("5", "Therapy PE reduction", ("Subject to 50% reduction of the practice expense component "
     "for certain therapy services.")),
    ("6", "Cardiovascular TC reduction", ("25% reduction of the TC of the second and subsequent "
     "diagnostic cardiovascular services.")),
    ("7", "Ophthalmology TC reduction", ("20% reduction of the TC of the second and subsequent "
     "diagnostic ophthalmology services.")),
    ("9", "Not applicable", "Concept does not apply."),
])

BILAT = _table([
    ("0", "No bilateral adjustment", ("150% bilateral adjustment does not apply (anatomy, or a "
     "separate bilateral code exists); with modifier 50 or RT+LT pay at most 100% of one side.")),
    ("1", "150% bilateral adjustment", ("150% payment adjustment for bilateral procedures applies "
     "when billed with modifier 50, RT+LT, or 2 units.")),
    ("2", "Already bilateral", ("RVUs already assume a bilateral procedure; with modifier 50 or "
     "RT+LT pay at most 100% of the single-code amount.")),
    ("3", "Each side paid at 100%", ("Usual bilateral adjustment does not apply; each side is paid "
     "at up to 100% of the fee schedule amount (mostly radiology and diagnostic tests).")),
    ("9", "Not applicable", "Concept does not apply."),
])

ASST = _table([
    ("0", "Assistant with documentation", ("Payment restriction for assistants at surgery applies "
     "unless supporting documentation establishes medical necessity.")),
    ("1", "Assistant not paid", ("Statutory payment restriction: an assistant at surgery may not "
     "be paid.")),
    ("2", "Assistant may be paid", "No payment restriction: an assistant at surgery may be paid."),
    ("9", "Not applicable", "Concept does not apply."),
])

CO = _table([
    ("0", "Co-surgeons not permitted", "Co-surgeons not permitted for this procedure."),
    ("1", "Co-surgeons with documentation", ("Co-surgeons could be paid, with supporting "
     "documentation of the medical necessity of two surgeons.")),
    ("2", "Co-surgeons permitted", ("Co-surgeons permitted; no documentation required if the "
     "two-specialty requirement is met.")),
    ("9", "Not applicable", "Concept does not apply."),
])

TEAM = _table([
    ("0", "Team surgery not permitted", "Team surgeons not permitted for this procedure."),
    ("1", "Team with documentation", ("Team surgeons could be paid, with supporting documentation "
     "of the medical necessity of a team; pay by report.")),
    ("2", "Team surgery permitted", "Team surgeons permitted; pay by report."),
    ("9", "Not applicable", "Concept does not apply."),
])

SUPER = _table([
    ("01", "General supervision", "Procedure must be performed under the general supervision of a physician."),
    ("02", "Direct supervision", "Procedure must be performed under the direct supervision of a physician."),
    ("03", "Personal supervision", ("Procedure must be performed under the personal supervision "
     "of a physician (a certified RRA or RPA may perform it under direct supervision).")),
    ("04", "Psychologist or general", ("Supervision policy does not apply when furnished by a "
     "qualified independent or clinical psychologist; otherwise general supervision.")),
    ("05", "Audiologist or general", ("Supervision policy does not apply when furnished by a "
     "qualified audiologist; otherwise general supervision.")),
    ("06", "Physician or ABPTS PT", ("Must be performed by a physician or by a physical therapist "
     "certified by ABPTS as an electrophysiological clinical specialist.")),
    ("21", "Certified technician, general", ("May be performed by a certified technician under "
     "general supervision; otherwise direct supervision of a physician.")),
    ("22", "Technician with real-time contact", ("May be performed by a technician with on-line "
     "real-time contact with a physician.")),
    ("66", "Physician or certified PT", ("May be performed by a physician or by a PT with ABPTS "
     "certification and certification in this specific procedure.")),
    ("6A", "Level 66, PT may supervise", ("Level 66 standards apply; an ABPTS-certified PT may "
     "supervise another PT, but only the certified PT may bill.")),
    ("77", "Certified PT, PT under direct, or technician", ("By an ABPTS-certified PT, by an "
     "uncertified PT under direct physician supervision, or by a certified technician under "
     "general supervision.")),
    ("7A", "Level 77, PT may supervise", ("Level 77 standards apply; an ABPTS-certified PT may "
     "supervise another PT, but only the certified PT may bill.")),
    ("09", "Not applicable", "Concept does not apply."),
])

FAMILY = _table([
    ("01", "Ultrasound (chest/abdomen/pelvis, non-obstetrical)", "Imaging family 01 (not populated since 2011)."),
    ("02", "CT and CTA (chest/thorax/abdomen/pelvis)", "Imaging family 02 (not populated since 2011)."),
    ("03", "CT and CTA (head/brain/orbit/maxillofacial/neck)", "Imaging family 03 (not populated since 2011)."),
    ("04", "MRI and MRA (chest/abdomen/pelvis)", "Imaging family 04 (not populated since 2011)."),
    ("05", "MRI and MRA (head/brain/neck)", "Imaging family 05 (not populated since 2011)."),
    ("06", "MRI and MRA (spine)", "Imaging family 06 (not populated since 2011)."),
    ("07", "CT (spine)", "Imaging family 07 (not populated since 2011)."),
    ("08", "MRI and MRA (lower extremities)", "Imaging family 08 (not populated since 2011)."),
    ("09", "CT and CTA (lower extremities)", "Imaging family 09 (not populated since 2011)."),
    ("10", "MR and MRI (upper extremities and joints)", "Imaging family 10 (not populated since 2011)."),
    ("11", "CT and CTA (upper extremities)", "Imaging family 11 (not populated since 2011)."),
    ("88", "Diagnostic imaging reduction", ("Subject to the reduction of the TC of diagnostic "
     "imaging (from 2011) and of the PC of diagnostic imaging (from 2012).")),
    ("99", "Not applicable", "Concept does not apply."),
])

NA = _table([
    ("NA", "Not priced in this setting", ("Rarely or never performed in this setting; no RVUs "
     "were developed for it.")),
])

TABLES: dict[str, dict[str, Meaning]] = {
    "status": STATUS, "global": GLOBAL, "pctc": PCTC, "mult": MULT, "bilat": BILAT,
    "asst": ASST, "co": CO, "team": TEAM, "super": SUPER, "family": FAMILY,
    "nf_na": NA, "f_na": NA,
}


def describe(field: str, value: str | bool) -> Meaning:
    """Decode one ``mpfs`` key's raw value; unknown values say so rather than guess."""
    if field in ("nf_na", "f_na") and value is True:
        value = "NA"
    raw = str(value)
    found = TABLES.get(field, {}).get(raw)
    if found:
        return found
    if field == "family" and raw.isdigit():
        return Meaning(raw, f"Imaging family {raw}", f"Diagnostic imaging family {raw}.")
    return Meaning(raw, f"Unknown ({raw})", f"Value {raw!r} is not defined in the RVU file documentation.")


# ---- rules the claim checker asks about ----------------------------------------------------

PAYABLE_STATUS = frozenset("ACRT")


def separately_payable(status: str) -> bool:
    """Whether a code with this status can be paid on its own under the PFS.

    A is paid; C and R are contractor priced (R only when covered); T only when nothing else
    PFS-payable is billed that day. B, P (bundled), E, X, N, I, J, M and deleted codes are not.
    """
    return status in PAYABLE_STATUS


def allows_26_tc(pctc: str, modifier: str | None = None) -> bool:
    """Whether modifiers 26/TC may be appended: both for PC/TC 1; only 26 for 6 and 8.

    Without ``modifier`` the question is "can this code be split into 26 and TC" (PC/TC 1).
    """
    if modifier is None:
        return pctc == "1"
    allowed = {"1": {"26", "TC"}, "6": {"26"}, "8": {"26"}}.get(pctc, set())
    return modifier.upper() in allowed


@dataclass(frozen=True)
class ModifierRule:
    """What a surgery indicator means for its modifier(s).

    ``permitted``: True/False, or None where the concept does not apply (indicator 9).
    ``documentation``: payment needs supporting documentation of medical necessity.
    """

    indicator: str
    modifiers: tuple[str, ...]
    permitted: bool | None
    documentation: bool
    payment: str
    text: str


def _rule(table: dict[str, Meaning], mods: tuple[str, ...], value: str,
          permitted: dict[str, bool | None], docs: set[str], payment: dict[str, str]) -> ModifierRule:
    meaning = describe_from(table, value)
    return ModifierRule(value, mods, permitted.get(value), value in docs, payment.get(value, ""), meaning.text)


def describe_from(table: dict[str, Meaning], value: str) -> Meaning:
    return table.get(value) or Meaning(value, f"Unknown ({value})", f"Value {value!r} is not documented.")


def bilateral_rule(bilat: str) -> ModifierRule:
    """Modifier 50 / RT+LT: 1 = 150%, 3 = 100% each side; 0 and 2 = no bilateral add-on."""
    return _rule(BILAT, ("50", "RT", "LT"), bilat,
                 {"0": False, "1": True, "2": False, "3": True},
                 set(),
                 {"0": "100% of one side", "1": "150%", "2": "100% of one side", "3": "100% each side"})


def assistant_rule(asst: str) -> ModifierRule:
    """Modifiers 80/81/82/AS: 2 = may be paid, 0 = with documentation, 1 = never."""
    return _rule(ASST, ("80", "81", "82", "AS"), asst, {"0": True, "1": False, "2": True}, {"0"}, {})


def co_surgery_rule(co: str) -> ModifierRule:
    """Modifier 62: 2 = permitted, 1 = with documentation, 0 = not permitted."""
    return _rule(CO, ("62",), co, {"0": False, "1": True, "2": True}, {"1"}, {})


def team_rule(team: str) -> ModifierRule:
    """Modifier 66: 2 = permitted (by report), 1 = with documentation, 0 = not permitted."""
    return _rule(TEAM, ("66",), team, {"0": False, "1": True, "2": True}, {"1"},
                 {"1": "by report", "2": "by report"})


# Surgery modifiers and the MPFS indicator that governs each: modifier -> (mpfs key, rule, name).
# The claim checker and `ask` both judge a modifier on a code from this one table.
SURGERY_MODIFIERS: dict[str, tuple[str, Callable[[str], ModifierRule], str]] = {
    "50": ("bilat", bilateral_rule, "bilateral surgery"),
    "62": ("co", co_surgery_rule, "co-surgery"),
    "66": ("team", team_rule, "team surgery"),
    "80": ("asst", assistant_rule, "assistant at surgery"),
    "81": ("asst", assistant_rule, "assistant at surgery"),
    "82": ("asst", assistant_rule, "assistant at surgery"),
    "AS": ("asst", assistant_rule, "assistant at surgery"),
}
