"""Words as the matcher sees them: lower case, lightly stemmed, synonyms folded.

Titles and notes must meet in the middle: "diabetic" and "diabetes" both become "diabet",
"renal" becomes "kidney", "cancer" becomes "malignant neoplasm". The same functions run over
ICD titles (when the phrase index is built) and over the note, so both sides agree.
"""

from __future__ import annotations

import re

WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?", re.IGNORECASE)

# Ignored in titles and notes: they carry no meaning for matching.
STOP = frozenset(
    ["of", "the", "and", "or", "in", "with", "a", "an", "by", "for", "as", "on", "at", "to", "due", "from", "is", "are", "was", "has", "have", "had", "pt", "patient", "unspecified", "nos", "classified", "elsewhere", "specified", "stated", "which", "not"]
)
# Title words a note may leave out ("anxiety" -> "Anxiety disorder, unspecified").
OPTIONAL = frozenset(
    ["disorder", "disease", "syndrome", "condition", "unilateral", "primary", "complication", "mention", "organism", "site", "essential", "chronic",
     # "Type 2 diabetes mellitus with ...": notes say "type 2 diabetes"; "Fracture of
     # unspecified part of neck of right femur": notes say "fracture of the neck of femur"
     "mellitus", "part",
     # "Nicotine dependence, cigarettes, uncomplicated", "... unstable angina pectoris"
     "uncomplicated", "pectoris",
     # "alcoholic pancreatitis" is "Alcohol induced acute pancreatitis"; a fracture not called
     # displaced or nondisplaced is coded displaced (guideline I.C.19.c.1), so "displaced" is
     # optional while "nondisplaced" stays required
     "induced", "displaced",
     # "Encounter for routine child health examination": notes name the visit, not the encounter
     "encounter"]
)

# Multi-word synonyms in notes -> title vocabulary (abbreviations live in codetui.abbrev).
# (pattern, replacement words, whether the note's own words there are dropped)
SYNONYMS: tuple[tuple[re.Pattern[str], str, bool], ...] = tuple(
    (re.compile(rf"\b{a}\b", re.IGNORECASE), b.lstrip("!"), b.startswith("!"))
    for a, b in [
        (r"heart attack", "myocardial infarction"),
        (r"(?:adeno)?carcinoma|cancer|malignancy|malignant tumou?r", "malignant neoplasm"),
        (r"a-?fib|a\. ?fib", "atrial fibrillation"),
        (r"high blood pressure", "hypertension"),
        (r"high cholesterol", "hypercholesterolemia"),
        (r"flu", "influenza"),
        (r"kidney stones?", "calculus of kidney"),
        (r"stroke", "cerebral infarction"),
        (r"(?:chf|hf|heart failure) with reduced (?:ef|ejection fraction)|hfref", "systolic heart failure"),
        (r"(?:chf|hf|heart failure) with preserved (?:ef|ejection fraction)|hfpef", "diastolic heart failure"),
        (r"obese", "obesity"),
        (r"smoker|smokes|cigarettes?", "nicotine dependence cigarettes"),
        (r"chest pain", "chest pain unspecified"),
        (r"low back pain|lbp", "low back pain"),
        # the Index sends "Neuropathy, peripheral" to Polyneuropathy (G62.9; E11.42 with diabetes);
        # "!" marks a synonym that replaces the note's own words (no "neuropathy" left for E11.40)
        (r"peripheral neuropathy", "!polyneuropathy"),
        (r"rlq", "right lower quadrant"), (r"ruq", "right upper quadrant"),
        (r"llq", "left lower quadrant"), (r"luq", "left upper quadrant"),
        (r"luts", "lower urinary tract symptoms"),
        (r"tia|transient ischemic attack", "transient cerebral ischemic attack"),
        # "distal radius" is the "lower end of radius" in fracture titles
        (r"distal(?=\s+(?:radius|ulna|femur|tibia|fibula|humerus))", "lower end"),
        (r"proximal(?=\s+(?:radius|ulna|femur|tibia|fibula|humerus))", "upper end"),
        # sequelae of stroke (I69): "residual hemiparesis" is hemiplegia following the infarct
        (r"residual|sequelae?|late effects?", "following"),
        (r"hemipar\w*|hemipleg\w*", "hemiplegia hemiparesis"),
        # lead terms the Alphabetic Index sends elsewhere (the Index is not in our data), in
        # the words of the titles and inclusion terms they lead to
        (r"strep(?:tococcal)?\s+throat", "streptococcal pharyngitis"),
        (r"strep", "streptococcal"),
        (r"rsv", "respiratory syncytial virus"),
        (r"c\.?\s?diff(?:icile)?", "clostridium difficile"),
        (r"c\.?\s?diff(?:icile)?\s+(?:colitis|infection|diarrh\w*)", "enterocolitis"),
        (r"mrsa", "methicillin resistant staphylococcus aureus"),
        (r"mssa", "methicillin susceptible staphylococcus aureus"),
        (r"bppv", "benign paroxysmal vertigo"),
        (r"stg\.?", "stage"),
        (r"gall\s?stones?", "calculus gallbladder"),
        (r"stones?", "calculus"),
        (r"angioedema", "angioneurotic edema"),
        (r"hep(?:atitis)?\s*c", "viral hepatitis c"), (r"hep(?:atitis)?\s*b", "viral hepatitis b"),
        (r"(?:dog|cat|animal|human|rat|horse)\s+bites?", "open bite"),
        (r"well[\s-]*(?:child|baby|infant)(?:\s+(?:visit|check|exam\w*|care))?",
         "routine child health examination"),
        (r"(?:on|receiving|started\s+on|dependent\s+on)\s+(?:chronic\s+)?(?:hemo|peritoneal\s+)?dialysis|"
         r"on\s+(?:hd|pd|capd)|(?:hemo)?dialysis[\s-]+dependent", "dependence kidney dialysis"),
        (r"pre-?eclampsia", "!pre eclampsia"),
        # side-specific nerve and joint titles say "upper limb" / "lower limb"
        (r"(?:wrists?|hands?|forearms?|elbows?|arms?|shoulders?|fingers?|thumbs?|carpal)",
         "upper limb"),
        (r"(?:ankles?|foot|feet|knees?|thighs?|hips?|toes?|calf|calves)", "lower limb"),
        (r"(?:sigmoid|descending|ascending|transverse)?\s*colon(?:ic)?", "large intestine"),
    ]
)

# "Diabetes" with no type is coded as type 2 (ICD-10-CM guideline I.C.4.a.2); these words
# before or after it name another kind of diabetes, or the type is already given.
_DIABETES = re.compile(r"(?i)\b(?:diabetes|diabetic|dm|diabetis|diabeties|diabetus)\b")
_DIABETES_TYPED = re.compile(
    r"(?i)(?:\btype\s*(?:[12i]|ii|one|two)\W*$|\b(?:pre-?|gestational|steroid[\s-]*induced|"
    r"drug[\s-]*induced|secondary|juvenile|brittle|insulin[\s-]*dependent|iddm|t[12]dm|dm[12])\W*$)"
)
_DIABETES_AFTER = re.compile(r"(?i)^\W*(?:insipidus|type\s*(?:[12i]|ii|one|two)\b|[12]\b|i{1,2}\b|"
                             r"mellitus\s+type|mellitus,?\s*type|due\s+to|in\s+pregnancy)")


def default_type_2(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """Tokens "type" "2" at each untyped "diabetes" in [start, end), so E11 titles can match."""
    out: list[tuple[str, int, int]] = []
    for m in _DIABETES.finditer(text, start, end):
        before = text[max(start, m.start() - 25):m.start()]
        if _DIABETES_TYPED.search(before) or _DIABETES_AFTER.match(text[m.end():end]):
            continue
        out.extend((s, m.start(), m.end()) for s in ("type", "2"))
    return out

_STEM_MAP = {"renal": "kidney", "nephro": "kidney", "pulmonary": "lung", "hepatic": "liver",
             "cardiac": "heart", "ischaemic": "ischemic", "tumour": "tumor", "haemorrhage": "hemorrhage",
             "oesophagus": "esophagus", "anaemia": "anemia", "foot": "foot", "feet": "foot",
             "teeth": "tooth", "women": "woman", "children": "child",
             # organ adjectives -> the organ word the titles use (as stemmed)
             "ovarian": "ovary", "pancreatic": "pancrea", "gastric": "stomach", "uterine": "uterus",
             "colonic": "colon", "rectal": "rectum", "leg": "limb", "legs": "limb",
             # frequent misspellings in typed notes
             "diabetis": "diabet", "diabeties": "diabet", "diabetus": "diabet",
             "hypertention": "hypertension", "hypertenion": "hypertension", "hypertenstion": "hypertension",
             "astma": "asthma", "asthama": "asthma", "athsma": "asthma", "pnuemonia": "pneumonia",
             "neumonia": "pneumonia", "pneumona": "pneumonia", "hypothroidism": "hypothyroidism",
             "hyperlipedemia": "hyperlipidemia", "siezure": "seizure", "siezures": "seizure",
             "migrane": "migraine", "cellulitus": "cellulitis", "osteoperosis": "osteoporosis",
             "alzheimers": "alzheimer", "parkinsons": "parkinson", "artritis": "arthritis",
             "athritis": "arthritis",
             "ureteral": "ureter", "sided": "side", "pregnant": "pregnancy",
             "alcoholic": "alcohol"}

# Abbreviations the detector reads beyond ``codetui.abbrev`` (kept here: that table is shared
# with search). Each expansion is in title words so the abbreviation check in the matcher
# accepts the titles it stands for ("DVT of left popliteal vein" -> I82.432, whose title
# never says "deep").
LOCAL_ABBREV: dict[str, tuple[str, ...]] = {
    "dvt": ("embolism and thrombosis of vein",),
    "nstemi": ("non-ST elevation myocardial infarction",),
    "stemi": ("ST elevation myocardial infarction",),
    "ptsd": ("post-traumatic stress disorder",),
    "aom": ("acute otitis media",),
    "gdm": ("gestational diabetes mellitus",),
    "sob": ("shortness of breath",),
    "doe": ("dyspnea on exertion",),
    "od": ("overdose",),
    "pmh": ("history",),
    "hx": ("history",),
}


def stem(word: str) -> str:
    w = word.lower()
    if w in _STEM_MAP:
        return _STEM_MAP[w]
    w = w.removesuffix("'s")
    if len(w) > 4:
        if w.endswith("ies"):
            w = w[:-3] + "y"
        elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
            w = w[:-1]
        if w.endswith("ical"):
            w = w[:-4]
        elif w.endswith("ic") and len(w) > 5:
            w = w[:-2]
        if w.endswith("e") and len(w) > 5:
            w = w[:-1]
    return _STEM_MAP.get(w, w)


def words(text: str) -> list[str]:
    """Stems of a title or phrase, stop words dropped (no positions: for the index)."""
    return [stem(w) for w in (m.group(0).lower() for m in WORD.finditer(text)) if w not in STOP]


OPTIONAL_STEMS = frozenset(stem(w) for w in OPTIONAL)

_NEG_WORDS = {"without": 3, "not": 1, "no": 1}  # "DKA, no coma" is "without coma"


def marked_words(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    """(stem, start, end) of each word; words governed by "without"/"not" become "no_<stem>".

    "Migraine without aura, not intractable" must not match "Migraine with aura, intractable":
    the marked stems only match the same marking in a title. The marking stops at "with",
    "and", "or", "in" and punctuation ("without complications in remission": in remission).
    """
    out: list[tuple[str, int, int]] = []
    left = 0
    negated = False  # whether the last word kept was marked "no_"
    prev_end = start
    for m in WORD.finditer(text, start, len(text) if end is None else end):
        w = m.group(0).lower()
        if w == "o" and text[m.start() - 2:m.start()].lower() == "w/":
            continue  # the "o" of "w/o", read below as "without"
        if w == "w" and text.startswith("/", m.end()):
            w = "without" if text[m.end() + 1:m.end() + 2].lower() == "o" and not text[m.end() + 2:m.end() + 3].isalpha() else "with"
        if re.search(r"[,;.:()]", text[prev_end:m.start()]) or w in ("with", "and", "in"):
            left = 0
        elif w == "or":
            # "without perforation or abscess", "no fever or chills": both words are negated
            left = _NEG_WORDS["without"] if negated else 0
        prev_end = m.end()
        if w in _NEG_WORDS:
            left = _NEG_WORDS[w]
            continue
        if w in STOP:
            continue
        s = stem(w)
        negated = bool(left)
        if left:
            left -= 1
            s = "no_" + s
        out.append((s, m.start(), m.end()))
    return out
