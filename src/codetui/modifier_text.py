"""codetui's own plain-words explanations of the modifiers coders meet most (2026 edition).

Why this exists: AMA owns the CPT modifier descriptors, so CPT modifiers get a short name and
explanation written here from scratch; Level II modifiers keep CMS's title (from the HCPCS
file) and get the same kind of explanation. ``ptp_associated`` follows the NCCI Policy Manual
(Chapter I, section E, revision 2026-01-01): anatomic E1-E4 FA F1-F9 TA T1-T9 LT RT LC LD RC
LM RI, global surgery 24 25 57 58 78 79, and 27 59 91 XE XS XP XU; 22, 76 and 77 are not.

This is guidance for reading claims and edits, not payer policy: every explanation points the
reader to the payer's own rules where they differ.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ModifierText:
    code: str
    system: str  # "CPT" | "HCPCS"
    title: str  # own short name; CPT only (Level II keeps CMS's title)
    explanation: str
    use_when: str
    not_when: str
    related: tuple[str, ...] = field(default_factory=tuple)
    ptp_associated: bool = False


def _cpt(code: str, title: str, explanation: str, use_when: str, not_when: str,
         related: str = "", ptp: bool = False) -> ModifierText:
    return ModifierText(code, "CPT", title, explanation, use_when, not_when, tuple(related.split()), ptp)


def _l2(code: str, explanation: str, use_when: str, not_when: str, related: str = "",
        ptp: bool = False) -> ModifierText:
    return ModifierText(code, "HCPCS", "", explanation, use_when, not_when, tuple(related.split()), ptp)


CPT: tuple[ModifierText, ...] = (
    _cpt("22", "Substantially more work than usual",
         "The procedure took much more work than the typical case the code was valued for "
         "(time, technical difficulty, severity, blood loss) and the provider asks to be paid more.",
         "The record shows what made this case harder and by how much, e.g. dense adhesions "
         "adding an hour. Attach the operative note; the payer reviews it by hand.",
         "The extra effort was modest, or another code already describes the larger service. "
         "It is not a PTP-associated modifier: it never bypasses an NCCI pair edit.",
         "52 62"),
    _cpt("23", "Anesthesia where none is usually needed",
         "A procedure normally done with no or only local anesthesia needed general anesthesia "
         "because of unusual circumstances, such as a patient who cannot cooperate.",
         "The anesthesia provider reports the case and the record explains why general "
         "anesthesia was needed.",
         "The procedure is routinely done under general anesthesia.",
         "47"),
    _cpt("24", "Unrelated visit during a postoperative period",
         "An E/M visit by the surgeon (or same group and specialty) during a procedure's global "
         "period, for a problem that has nothing to do with that procedure, so it is not part of "
         "the surgical package.",
         "The visit treats a new or unrelated problem; the diagnosis on the claim shows it.",
         "Routine post-op follow-up, or (for Medicare) treating a complication that does not "
         "need a return to the operating room: both are included in the global payment.",
         "25 57 79", ptp=True),
    _cpt("25", "Separate E/M visit on a procedure day",
         "On the day of a procedure or other service, the same provider also performed an E/M "
         "service that went clearly beyond the usual pre- and post-procedure assessment. It goes "
         "on the E/M code.",
         "The visit addresses a separate problem, or the work clearly exceeds deciding on and "
         "preparing for a minor (000/010 day) or XXX procedure, and its documentation stands on "
         "its own. The diagnosis may be the same as the procedure's.",
         "The E/M is only the decision to do a minor procedure or its usual evaluation; the "
         "decision for a major (090 day) surgery (use 57); or the code is not an E/M (use 59 or "
         "an X modifier).",
         "57 24 59", ptp=True),
    _cpt("26", "Professional component only",
         "Only the physician's part of a service that splits into professional and technical "
         "parts: supervision, interpretation and the report. Whoever owns the equipment bills "
         "the technical part (TC).",
         "The fee schedule PC/TC indicator allows the split (e.g. 1 or 6) and the physician "
         "read a study done on a hospital's or another entity's equipment.",
         "The code is already professional-only or cannot be split; or the same provider did "
         "both parts (bill the global code without a modifier).",
         "TC"),
    _cpt("27", "Another hospital outpatient E/M encounter the same day",
         "Hospital (facility) claims only: the patient had more than one E/M encounter in "
         "different hospital outpatient settings on the same date, e.g. the emergency department "
         "and a clinic.",
         "The hospital reports a second, separate outpatient E/M encounter on the same date.",
         "Professional (physician) claims; or both visits were one encounter in the same clinic.",
         "25 XE", ptp=True),
    _cpt("32", "Service required by a third party",
         "The service was done because an insurer, peer review organisation, government agency "
         "or court required it, e.g. a payer-mandated second opinion.",
         "A third party, not the patient or the treating provider, required the service.",
         "The patient or family asked for it. Many payers, Medicare included, do not pay "
         "differently for it; check the payer.",
         ""),
    _cpt("33", "Preventive service with no patient cost sharing",
         "Tells a commercial payer that this service was given as an evidence-based preventive "
         "service (e.g. a USPSTF A or B recommendation or an ACIP vaccine), so the patient should "
         "owe no deductible or copay under the Affordable Care Act rules.",
         "The code is not preventive by itself but was used for prevention in this case.",
         "The code is already a preventive or screening code; or the service was diagnostic. "
         "Medicare uses its own rules (e.g. modifier PT for screening colonoscopy turned "
         "diagnostic).",
         ""),
    _cpt("47", "Surgeon gave the anesthesia",
         "The surgeon personally provided regional or general anesthesia for the procedure. It "
         "goes on the surgical code, not an anesthesia code.",
         "The payer pays surgeons for this (Medicare does not pay separately).",
         "Local infiltration, digital blocks or moderate sedation, which are part of the "
         "procedure; anesthesia codes 00100-01999.",
         "23"),
    _cpt("50", "Same procedure on both sides",
         "The same procedure was done on both sides of the body in one session. Medicare pays "
         "150% of the one-side amount when the bilateral indicator is 1; report it on one line "
         "with one unit.",
         "The code describes one side and its fee schedule bilateral indicator is 1.",
         "The code's wording already says bilateral, or covers either side; different procedures "
         "on each side (use RT and LT). Some payers want two lines with RT and LT instead.",
         "LT RT 51"),
    _cpt("51", "More than one procedure in the session",
         "The same provider did several procedures at one session; the secondary ones are paid "
         "at a reduced rate under the multiple procedure rules.",
         "The payer asks for it on the secondary procedures. Medicare ranks and reduces them "
         "from the fee schedule itself, so it is usually informational there.",
         "Add-on codes and codes exempt from multiple procedure rules; E/M services.",
         "50 59"),
    _cpt("52", "Service reduced at the provider's choice",
         "Part of the service was left out or cut short at the provider's discretion; the payer "
         "reduces payment accordingly.",
         "Less was done than the code describes and no smaller code fits, e.g. a bilateral-only "
         "test done on one side.",
         "The procedure was stopped because of a threat to the patient (use 53; hospitals and "
         "ASCs use 73/74); or a time-based code where less time means a lower code.",
         "53 22"),
    _cpt("53", "Procedure stopped for the patient's safety",
         "The physician started the procedure (after anesthesia induction or incision, or "
         "insertion of a scope) and stopped because continuing would put the patient at risk.",
         "Professional claims where the procedure was begun and then halted for a documented "
         "clinical reason.",
         "Elective cancellation before the procedure started; hospital outpatient and ASC facility "
         "claims (they use 73/74); E/M codes.",
         "52"),
    _cpt("54", "Surgery only, another provider does the aftercare",
         "The surgeon did the operation but not the pre- or post-operative care of the global "
         "package. Payment is the intra-operative share only.",
         "Care was formally transferred to another provider for the post-operative period.",
         "The same surgeon also gives the post-op care; codes with no global period.",
         "55 56"),
    _cpt("55", "Post-operative care only",
         "A provider who did not do the surgery took over the post-operative care in the global "
         "period. Payment is the post-operative share.",
         "There is a documented transfer of care and the provider saw the patient after it.",
         "The provider also did the surgery; visits for unrelated problems (bill them as E/M).",
         "54 56"),
    _cpt("56", "Pre-operative care only",
         "A provider other than the surgeon gave only the pre-operative care that belongs to a "
         "global surgery package.",
         "The payer recognises a split of the pre-operative share.",
         "A separate consultation or visit that is not part of the global package.",
         "54 55"),
    _cpt("57", "Visit where major surgery was decided",
         "The E/M visit on the day before or the day of a major surgery (90-day global) resulted in "
         "the decision to operate, so it is paid apart from the surgical package.",
         "The visit led to the decision for a procedure with a 090 global period.",
         "Minor procedures (000/010 global): use 25 if the visit is significant and separate; "
         "routine pre-op visits after the decision is already made.",
         "25 24", ptp=True),
    _cpt("58", "Planned or more extensive follow-up procedure",
         "During a procedure's global period the same provider did a second procedure that was "
         "planned (staged), more extensive than the first, or therapy after a diagnostic surgical "
         "procedure. A new global period starts.",
         "The second procedure was planned, escalates the first, or follows a diagnostic "
         "procedure's findings.",
         "An unplanned return to the operating room for a complication (78); an unrelated "
         "procedure (79).",
         "78 79", ptp=True),
    _cpt("59", "Distinct service (when no better modifier fits)",
         "A procedure that is usually bundled with another one done the same day was separate "
         "this time: a different session, organ or site, incision, lesion or injury. It unlocks "
         "NCCI pair edits whose modifier indicator is 1.",
         "The record shows a separate encounter or anatomic site and no more specific modifier "
         "(XE, XS, XP, XU, LT/RT, digit modifiers) describes it.",
         "E/M codes (use 25); just because the two codes or diagnoses differ; contiguous "
         "structures of the same organ or region; pair edits with indicator 0.",
         "XE XS XP XU 25 91", ptp=True),
    _cpt("62", "Co-surgeons, each doing a distinct part",
         "Two surgeons, usually of different specialties, each did a distinct part of one "
         "procedure as primary surgeons. Each reports the same code with 62 and the payment is "
         "split (Medicare: 62.5% each).",
         "The fee schedule co-surgery indicator allows it and each surgeon's note describes "
         "their own part.",
         "One surgeon assisted the other (80, 82, AS); a surgical team (66); co-surgery "
         "indicator 0.",
         "66 80"),
    _cpt("63", "Surgery on an infant under 4 kg",
         "The procedure was done on a neonate or infant weighing under 4 kg, which makes it "
         "substantially harder.",
         "The patient weighed less than 4 kg on the day of the procedure and the code is in a "
         "range where the modifier is allowed.",
         "E/M, anesthesia, radiology, pathology/lab and most medicine codes; codes already "
         "defined for small infants.",
         "22"),
    _cpt("66", "Team of surgeons for a very complex case",
         "An unusually complex procedure needed several physicians, often of different "
         "specialties, working at once with other skilled staff and special equipment. Paid by "
         "report.",
         "The team-surgery indicator allows it and documentation shows each member's role.",
         "Two surgeons each doing a part (62); an assistant (80).",
         "62"),
    _cpt("76", "Same procedure repeated by the same provider",
         "The same provider repeated a procedure or service later the same day, e.g. a second "
         "chest x-ray after a line placement.",
         "It is truly a repeat, not more units of one service, and the record shows why it was "
         "repeated.",
         "To get past an NCCI pair edit: 76 is not PTP-associated. Codes whose units count "
         "repeats; lab tests (use 91).",
         "77 91"),
    _cpt("77", "Same procedure repeated by another provider",
         "A different provider repeated a procedure or service someone else did the same day.",
         "A second provider repeated the service and the record shows why.",
         "To get past an NCCI pair edit: 77 is not PTP-associated. Lab tests (use 91).",
         "76 91"),
    _cpt("78", "Unplanned return to the operating room",
         "During the global period the same provider took the patient back to the operating or "
         "procedure room for a related problem, usually a complication. No new global period; "
         "Medicare pays the intra-operative share.",
         "The return was unplanned, related to the first procedure, and needed an OR or "
         "procedure room.",
         "Planned or staged procedures (58); unrelated procedures (79); complications treated at "
         "the bedside or in the office (included in the global package).",
         "58 79", ptp=True),
    _cpt("79", "Unrelated procedure during a postoperative period",
         "A new procedure during an earlier procedure's global period that is unrelated to it. "
         "A new global period starts for the new procedure.",
         "The diagnosis and record show the new procedure has nothing to do with the first.",
         "The procedure treats a complication (78) or is staged or planned (58).",
         "24 58 78", ptp=True),
    _cpt("80", "Assistant at surgery",
         "A physician assisted the primary surgeon. Medicare pays a reduced share (about 16%) "
         "when the assistant-at-surgery indicator allows it.",
         "The fee schedule allows an assistant for the code and the assistant is a physician.",
         "A non-physician assistant (AS); teaching hospitals with a qualified resident available "
         "(see 82); codes whose indicator bars assistants.",
         "81 82 AS 62"),
    _cpt("81", "Minimal assistance at surgery",
         "A physician assisted for only a small part of the operation, though an assistant is "
         "not usually needed for the whole procedure.",
         "The payer recognises minimal assistance and the record shows it.",
         "Full assistance (80); non-physician assistants (AS).",
         "80 82 AS"),
    _cpt("82", "Assistant when no qualified resident was available",
         "In a teaching hospital, a physician assisted because no qualified resident surgeon was "
         "available.",
         "Teaching settings where the record states no qualified resident was available.",
         "Non-teaching settings (80); non-physician assistants (AS).",
         "80 81 AS"),
    _cpt("90", "Lab test done by an outside lab, billed by the ordering provider",
         "The provider sent the specimen to an outside laboratory but bills the test itself, "
         "where the payer allows that arrangement.",
         "The payer lets the ordering provider bill reference-lab tests.",
         "Medicare generally expects the lab that did the test to bill it; the provider's own "
         "lab did the test.",
         "91"),
    _cpt("91", "Same lab test repeated for a new result",
         "The same lab test was run again the same day because treatment needed the later "
         "result, e.g. serial troponins or glucoses.",
         "Each run gives a new clinical result that the care plan depends on.",
         "Repeats because of a specimen or equipment problem, to confirm a result, or when the "
         "code already describes a series of tests.",
         "76 59", ptp=True),
    _cpt("92", "Lab test on a portable single-use platform",
         "A lab test done with a kit or transportable instrument that uses a single-use, "
         "disposable analytic chamber, for the codes that allow it.",
         "The test was run on such a kit or device and the code is one that takes the modifier.",
         "Tests run on the lab's standard analysers.",
         "QW"),
    _cpt("93", "Audio-only telehealth",
         "The service was delivered live by two-way audio only, such as a phone call, and the "
         "code is one allowed by audio alone.",
         "The patient could not or would not use video and the payer allows audio-only for the "
         "service (Medicare: mainly behavioural and mental health).",
         "Video was used (95); recorded or store-and-forward communication (GQ).",
         "95 GT GQ"),
    _cpt("95", "Live audio-video telehealth",
         "The service was delivered through real-time, interactive audio and video, and the "
         "code is on the payer's telehealth list.",
         "Real-time video visit for an eligible code; Medicare also needs the telehealth place "
         "of service (02 or 10).",
         "Audio-only (93); asynchronous (GQ); codes not on the telehealth list.",
         "93 GT GQ"),
    _cpt("96", "Therapy to build skills never developed",
         "The therapy helps the patient learn, keep or improve skills never developed, e.g. a "
         "child learning to walk or speak.",
         "The payer tracks habilitative and rehabilitative benefits separately.",
         "Restoring function that was lost (97).",
         "97 GP GO GN"),
    _cpt("97", "Therapy to regain lost skills",
         "The therapy helps the patient regain skills or function lost to illness or injury.",
         "The payer tracks habilitative and rehabilitative benefits separately.",
         "Building skills never developed (96).",
         "96 GP GO GN"),
    _cpt("99", "Several modifiers apply",
         "Signals that more modifiers apply to the line than the claim form's modifier fields "
         "can hold.",
         "The payer asks for it when more than the available modifier slots are needed.",
         "Only a few modifiers apply; payers (including Medicare) that ignore it.",
         ""),
)


def _digits(codes: tuple[str, ...], body: str, whole: str) -> list[ModifierText]:
    """Finger or toe modifiers: one explanation, each code its own digit."""
    return [
        _l2(code,
            f"Names the exact {body} a procedure was done on, so procedures on different {body}s "
            f"the same day are seen as different anatomic sites.",
            f"Procedures on a specific {body}, e.g. two {body}s treated at one visit, each line "
            f"with its own modifier.",
            f"The code's wording covers the whole {whole} or several {body}s; the same {body} "
            f"treated twice (the pair edit still applies).",
            "XS 59", ptp=True)
        for code in codes
    ]


FINGERS = ("FA", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9")
TOES = ("TA", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9")


LEVEL2: tuple[ModifierText, ...] = (
    _l2("XE", "The service is distinct because it happened at a separate encounter on the same "
        "date, e.g. a morning and an afternoon visit. A more specific choice than 59.",
        "Two services that an NCCI pair edit bundles were done at separate encounters on one "
        "date and the record shows both.",
        "Both services were at the same encounter.",
        "59 XS XP XU 27", ptp=True),
    _l2("XS", "The service is distinct because it was done on a separate organ or structure. "
        "A more specific choice than 59.",
        "Different organs, different anatomic regions, or non-contiguous lesions in different "
        "regions of the same organ.",
        "Contiguous structures in the same organ or region (e.g. nail, nail bed and nearby "
        "skin); a side or digit modifier already tells the story.",
        "59 XE XP XU LT RT", ptp=True),
    _l2("XP", "The service is distinct because a different practitioner did it. A more specific "
        "choice than 59.",
        "Two practitioners, treated as one provider by the edit (e.g. same group and specialty), "
        "each did one of the paired services.",
        "The same practitioner did both services.",
        "59 XE XS XU", ptp=True),
    _l2("XU", "The service is distinct because it does not overlap the usual parts of the main "
        "service. A more specific choice than 59.",
        "The extra service is not a component of the main one and XE, XS and XP do not fit.",
        "The service is a normal part of the main procedure.",
        "59 XE XS XP", ptp=True),
    _l2("LT", "Marks a procedure done on the left side of the body. On paired organs and limbs "
        "it lets the payer see that two services were on different sides.",
        "Procedures on paired structures (eyes, ears, limbs, kidneys, breasts), alone or with "
        "RT on another line.",
        "Codes whose wording is already bilateral; midline structures; on the same line as 50 "
        "for Medicare.",
        "RT 50 XS 59", ptp=True),
    _l2("RT", "Marks a procedure done on the right side of the body. On paired organs and limbs "
        "it lets the payer see that two services were on different sides.",
        "Procedures on paired structures (eyes, ears, limbs, kidneys, breasts), alone or with "
        "LT on another line.",
        "Codes whose wording is already bilateral; midline structures; on the same line as 50 "
        "for Medicare.",
        "LT 50 XS 59", ptp=True),
    *[_l2(c, "Names which eyelid a procedure was done on, so procedures on different eyelids "
          "are seen as different anatomic sites.",
          "Eyelid procedures, e.g. lesions removed from two different lids.",
          "The code's wording covers both lids or the whole eye region.",
          " ".join(x for x in ("E1", "E2", "E3", "E4") if x != c), ptp=True)
      for c in ("E1", "E2", "E3", "E4")],
    *_digits(FINGERS, "finger", "hand"),
    *_digits(TOES, "toe", "foot"),
    *[_l2(c, "Names which coronary artery a percutaneous coronary intervention (stent, "
          "angioplasty, atherectomy) treated, so work on different major vessels can be paid "
          "separately.",
          "PCI codes and their add-on codes, one modifier for the vessel each line treated.",
          "Diagnostic catheterisation; a second intervention in the same vessel family.",
          " ".join(x for x in ("LC", "LD", "RC", "LM", "RI") if x != c), ptp=True)
      for c in ("LC", "LD", "RC", "LM", "RI")],
    _l2("GT", "The service was delivered by live audio-video telehealth. Medicare replaced it "
        "with the telehealth place of service and modifier 95, but critical access hospitals "
        "billing under Method II still use it.",
        "The payer still asks for GT on telehealth claims.",
        "Medicare professional claims outside Method II CAHs (use 95 and POS 02/10).",
        "95 93 GQ"),
    _l2("GQ", "The service was delivered asynchronously (store and forward), e.g. images sent "
        "for later review. Medicare accepts it only in federal telemedicine demonstrations in "
        "Alaska and Hawaii.",
        "Store-and-forward services the payer covers.",
        "Live audio-video (95/GT) or audio-only (93) services.",
        "GT 95"),
    _l2("GA", "A signed Advance Beneficiary Notice is on file: the provider expected Medicare to "
        "deny the service as not reasonable and necessary and told the patient, who may then be "
        "billed.",
        "A valid ABN was signed before the service.",
        "No ABN was obtained (GZ); statutorily excluded services (GY).",
        "GZ GY GX KX"),
    _l2("GY", "The item or service is excluded by law or is not a Medicare benefit, e.g. a "
        "routine physical or hearing aids. It asks for a fast denial so a secondary payer can "
        "pay; the patient is liable.",
        "The service is never covered by Medicare by statute.",
        "Services that are covered but may fail medical necessity (GA/GZ).",
        "GA GZ GX"),
    _l2("GX", "A voluntary notice of liability was given: the patient was told in advance that "
        "Medicare does not cover the service at all (e.g. a statutory exclusion), although no "
        "ABN was required.",
        "A voluntary ABN was signed for a non-covered service; Medicare pairs it with GY.",
        "Services expected to fail medical necessity, where the ABN is mandatory (GA).",
        "GY GA"),
    _l2("GZ", "The provider expects a denial as not reasonable and necessary and has no signed "
        "ABN, so the provider, not the patient, is liable.",
        "A likely medical-necessity denial and no ABN on file.",
        "A valid ABN exists (GA); statutory exclusions (GY).",
        "GA GY"),
    _l2("JW", "Reports the amount of a drug from a single-dose container that was discarded and "
        "not given to any patient, so the waste can be paid.",
        "Single-dose vial or package drugs with leftover amount discarded; the discarded units "
        "go on their own line with JW.",
        "Multi-dose containers; nothing was discarded (JZ).",
        "JZ"),
    _l2("JZ", "States that none of a single-dose container drug was discarded. Medicare requires "
        "JW or JZ on separately paid single-dose container drugs.",
        "The whole single-dose amount was given to the patient.",
        "Some of the drug was discarded (JW); multi-dose containers.",
        "JW"),
    _l2("KX", "States that the requirements of the medical policy have been met and documented, "
        "e.g. therapy past the annual threshold that is still medically necessary, or DMEPOS "
        "coverage criteria.",
        "The payer's policy names KX and the record meets every criterion.",
        "Any criterion is unmet or undocumented.",
        "GA"),
    _l2("Q0", "The service is investigational and was provided in an approved clinical research "
        "study.",
        "The service is part of a qualifying clinical trial and is not routine care.",
        "Routine care given to a trial participant.",
        ""),
    _l2("AS", "A physician assistant, nurse practitioner or clinical nurse specialist assisted "
        "at surgery. Medicare pays a reduced share of the assistant-at-surgery amount.",
        "The fee schedule allows an assistant for the code and a PA, NP or CNS assisted.",
        "A physician assisted (80, 81, 82).",
        "80 81 82"),
    _l2("TC", "Only the technical part of a service that splits into professional and technical "
        "components: the equipment, supplies and staff. Whoever owns the equipment bills it.",
        "The PC/TC indicator allows the split and someone else interprets the study (26).",
        "The same provider did both parts (bill the global code); codes that cannot be split.",
        "26"),
    _l2("GC", "Part of the service was performed by a resident under the direction of a "
        "teaching physician.",
        "Teaching settings where a resident took part and the teaching physician was present "
        "as the rules require.",
        "No resident took part.",
        ""),
    _l2("QW", "The lab test is waived under CLIA, so a lab with only a certificate of waiver "
        "may bill it.",
        "The test is on the CLIA-waived list for the payer's date of service.",
        "Tests that are not waived.",
        "92 90"),
    _l2("GP", "The service was given under an outpatient physical therapy plan of care.",
        "Physical therapy services (always-therapy codes and sometimes-therapy codes done as PT).",
        "Occupational (GO) or speech-language (GN) therapy.",
        "GO GN KX 97"),
    _l2("GO", "The service was given under an outpatient occupational therapy plan of care.",
        "Occupational therapy services.",
        "Physical (GP) or speech-language (GN) therapy.",
        "GP GN KX 97"),
    _l2("GN", "The service was given under an outpatient speech-language pathology plan of care.",
        "Speech-language pathology services.",
        "Physical (GP) or occupational (GO) therapy.",
        "GP GO KX 97"),
)

ALL: tuple[ModifierText, ...] = CPT + LEVEL2
