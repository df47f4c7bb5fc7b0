"""Clinical abbreviations people type when they look for a code, and what they stand for.

Code titles spell things out ("Chronic obstructive pulmonary disease"), while coders and
clinicians type "copd". Search expands such a token into the words the titles use; the ICD
detector uses the same table to recognise abbreviations in free text. Plain data plus one
function, so any module can import it without pulling in the search index.
"""

from __future__ import annotations

# abbreviation (lower case) -> expansions, most likely first. Each expansion is written the
# way ICD-10-CM / HCPCS titles or inclusion terms say it, so all of its words can be found.
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "aaa": ("abdominal aortic aneurysm",),
    "adhd": ("attention-deficit hyperactivity disorder",),
    "afib": ("atrial fibrillation",),
    "af": ("atrial fibrillation",),
    "aki": ("acute kidney failure", "acute kidney injury"),
    "als": ("amyotrophic lateral sclerosis",),
    "ards": ("acute respiratory distress syndrome",),
    "bph": ("benign prostatic hyperplasia",),
    "bx": ("biopsy",),
    "cabg": ("coronary artery bypass",),
    "cad": ("coronary artery disease", "atherosclerotic heart disease"),
    "cbc": ("complete blood count",),
    "chf": ("congestive heart failure", "heart failure"),
    "ckd": ("chronic kidney disease",),
    "copd": ("chronic obstructive pulmonary disease",),
    "cpap": ("continuous positive airway pressure",),
    "cva": ("cerebral infarction", "stroke"),
    "dka": ("diabetic ketoacidosis", "diabetes mellitus with ketoacidosis"),
    "dm": ("diabetes mellitus",),
    "dm1": ("type 1 diabetes mellitus",),
    "dm2": ("type 2 diabetes mellitus",),
    "t1dm": ("type 1 diabetes mellitus",),
    "t2dm": ("type 2 diabetes mellitus",),
    "dme": ("durable medical equipment",),
    "dvt": ("deep vein thrombosis", "embolism and thrombosis of deep veins"),
    "ecg": ("electrocardiogram",),
    "ekg": ("electrocardiogram",),
    "egd": ("esophagogastroduodenoscopy",),
    "esrd": ("end stage renal disease",),
    "fx": ("fracture",),
    "gad": ("generalized anxiety disorder",),
    "gerd": ("gastro-esophageal reflux disease",),
    "gi": ("gastrointestinal",),
    "hf": ("heart failure",),
    "hld": ("hyperlipidemia",),
    "htn": ("hypertension", "essential hypertension"),
    "hx": ("history",),
    "ibs": ("irritable bowel syndrome",),
    "im": ("intramuscular",),
    "iv": ("intravenous",),
    "mdd": ("major depressive disorder",),
    "mi": ("myocardial infarction",),
    "mri": ("magnetic resonance",),
    "ms": ("multiple sclerosis",),
    "n/v": ("nausea with vomiting", "nausea vomiting"),
    "nv": ("nausea with vomiting",),
    "oa": ("osteoarthritis",),
    "ocd": ("obsessive-compulsive disorder",),
    "osa": ("obstructive sleep apnea",),
    "pad": ("peripheral arterial disease", "peripheral vascular disease"),
    "pe": ("pulmonary embolism",),
    "pna": ("pneumonia",),
    "ptsd": ("post-traumatic stress disorder",),
    "pvd": ("peripheral vascular disease",),
    "ra": ("rheumatoid arthritis",),
    "sle": ("systemic lupus erythematosus",),
    "sob": ("shortness of breath",),
    "subq": ("subcutaneous",),
    "tb": ("tuberculosis",),
    "tia": ("transient ischemic attack",),
    "uc": ("ulcerative colitis",),
    "uri": ("upper respiratory infection",),
    "uti": ("urinary tract infection",),
}

# Words that name the same procedure, for search only (not the ICD detector): codetui's CPT
# summaries say "knee replacement" where the CCS/RBCS classes say "arthroplasty".
SEARCH_SYNONYMS: dict[str, tuple[str, ...]] = {
    "arthroplasty": ("replacement",),
    "replacement": ("arthroplasty",),
}

# Abbreviations written with a slash; the search tokenizer keeps these whole.
SLASHED: frozenset[str] = frozenset(k for k in ABBREVIATIONS if "/" in k)


def expand(token: str) -> list[str]:
    """Expansions of an abbreviation ('COPD' -> ['chronic obstructive pulmonary disease']).

    Case-insensitive; a trailing period is ignored ('Fx.'). Unknown tokens give [].
    """
    key = token.strip().lower().rstrip(".")
    return list(ABBREVIATIONS.get(key, ()))


def synonyms(token: str) -> list[str]:
    """Search-only synonyms of a word ('arthroplasty' -> ['replacement']); [] for none."""
    return list(SEARCH_SYNONYMS.get(token.strip().lower(), ()))
