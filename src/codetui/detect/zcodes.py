"""History rules: a condition in the family or in the patient's past becomes a Z-code.

ICD-10-CM codes "family history of" in Z80-Z84 and "personal history of" in Z85-Z87 (plus a
few history codes elsewhere, e.g. I25.2 old myocardial infarction). The table maps the
condition's code prefix to the history code; the longest prefix wins and the result is only
used when the store has it.

A personal history the table does not know gives nothing: "Personal history of other
specified conditions" (Z87.898) is almost never what a coder wants, so it is not offered as a
catch-all. And a chronic condition (diabetes, hypertension, COPD, heart failure, CKD ...) is
not history at all when a note says "Hx of": the patient still has it, so it is coded as a
current condition (``is_chronic``).
"""

from __future__ import annotations

FAMILY: dict[str, str] = {
    "C15": "Z80.0", "C16": "Z80.0", "C17": "Z80.0", "C18": "Z80.0", "C19": "Z80.0", "C20": "Z80.0",
    "C21": "Z80.0", "C22": "Z80.0", "C23": "Z80.0", "C24": "Z80.0", "C25": "Z80.0", "C26": "Z80.0",
    "C32": "Z80.2", "C33": "Z80.1", "C34": "Z80.1", "C50": "Z80.3", "C53": "Z80.49", "C54": "Z80.49",
    "C56": "Z80.41", "C61": "Z80.42", "C62": "Z80.43", "C64": "Z80.51", "C67": "Z80.52",
    "C81": "Z80.7", "C82": "Z80.7", "C83": "Z80.7", "C85": "Z80.7", "C90": "Z80.7", "C91": "Z80.6",
    "C92": "Z80.6", "C95": "Z80.6", "C43": "Z80.8", "C": "Z80.9",
    "E08": "Z83.3", "E09": "Z83.3", "E10": "Z83.3", "E11": "Z83.3", "E13": "Z83.3",
    "E78": "Z83.42", "E66": "Z83.49", "E0": "Z83.49",
    "F10": "Z81.1", "F17": "Z81.2", "F1": "Z81.3", "F7": "Z81.0", "F": "Z81.8",
    "G40": "Z82.0", "G30": "Z82.0", "G": "Z82.0",
    "H54": "Z82.1", "H90": "Z82.2", "H91": "Z82.2",
    "I63": "Z82.3", "I64": "Z82.3", "I46": "Z82.41", "I2": "Z82.49", "I1": "Z82.49", "I": "Z82.49",
    "J44": "Z82.5", "J45": "Z82.5", "J": "Z83.6", "N18": "Z84.1", "N0": "Z84.1", "N1": "Z84.1",
    "M05": "Z82.61", "M06": "Z82.61", "M15": "Z82.62", "M16": "Z82.62", "M17": "Z82.62",
    "M80": "Z82.62", "M81": "Z82.62", "M": "Z82.69", "D5": "Z83.2", "D6": "Z83.2",
    "Q": "Z82.79", "K50": "Z83.79", "K51": "Z83.71", "K": "Z83.79", "B20": "Z83.0",
}

PERSONAL: dict[str, str] = {
    "C18": "Z85.038", "C19": "Z85.048", "C20": "Z85.048", "C16": "Z85.028", "C15": "Z85.01",
    "C25": "Z85.07", "C22": "Z85.05", "C34": "Z85.118", "C50": "Z85.3", "C53": "Z85.41",
    "C54": "Z85.42", "C56": "Z85.43", "C61": "Z85.46", "C62": "Z85.47", "C64": "Z85.528",
    "C67": "Z85.51", "C43": "Z85.820", "C44": "Z85.828", "C73": "Z85.850", "C71": "Z85.841",
    "C81": "Z85.71", "C82": "Z85.72", "C83": "Z85.72", "C85": "Z85.72", "C91": "Z85.6",
    "C92": "Z85.6", "C90": "Z85.79", "C": "Z85.9",
    "I21": "I25.2", "I22": "I25.2", "I63": "Z86.73", "G45": "Z86.73", "I26": "Z86.711",
    "I82.4": "Z86.718", "I82": "Z86.718", "I46": "Z86.74",
    "N39.0": "Z87.440", "N30": "Z87.440", "N20": "Z87.442", "J18": "Z87.01", "J1": "Z87.01",
    "F17": "Z87.891", "O24.4": "Z86.32", "E10.1": "Z86.39", "E11.1": "Z86.39",
    "A41.02": "Z86.14", "A49.02": "Z86.14", "B95.62": "Z86.14", "J15.212": "Z86.14",
    "I27.82": "Z86.711", "A41": "Z86.19", "U07": "Z86.16", "A15": "Z86.11", "K25": "Z87.11", "K26": "Z87.11",
    # healed fractures (the S-categories ending in 2 are the fracture ones), benign neoplasms
    **{f"S{n}2": "Z87.81" for n in range(10)},
    **{f"D{n}": "Z86.018" for n in range(10, 37)},
}

# Code prefixes of conditions that do not resolve: "history of" them means "has them".
CHRONIC: tuple[str, ...] = (
    "E08", "E09", "E10", "E11", "E13",  # diabetes
    "I10", "I11", "I12", "I13", "I15", "I16",  # hypertension and its combinations
    "J44", "J43", "J41", "J42",  # COPD, emphysema, chronic bronchitis
    "I50", "I42",  # heart failure, cardiomyopathy
    "N18", "E78", "E03", "I25.1", "I48", "G47.33", "G20", "G30", "M05", "M06", "K50", "K51",
    "B20", "E66", "G35",
    "I69",  # sequelae of cerebrovascular disease: "old CVA with residual ..." is current
)


def history_code(condition: str, family: bool) -> str | None:
    """The Z-code (or I25.2 ...) for a condition code in the family or the patient's past."""
    table = FAMILY if family else PERSONAL
    key = condition.upper()
    for n in range(len(key), 0, -1):
        hit = table.get(key[:n])
        if hit:
            return hit
    return "Z84.89" if family else None


# ... except their acute episodes: "history of DKA" or "of hypoglycemia" is history.
_ACUTE = tuple(f"{d}.{n}" for d in ("E08", "E09", "E10", "E11", "E13") for n in ("0", "1", "64"))


def is_chronic(condition: str) -> bool:
    """Whether "history of <condition>" still describes a condition the patient has."""
    code = condition.upper()
    return code.startswith(CHRONIC) and not code.startswith(_ACUTE)
