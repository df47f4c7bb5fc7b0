"""Person names without a model: context cues, census word lists and a clinical allow-list.

Order of trust, as in Philter-style de-identification:
1. a title or label before the words ("Dr.", "Mr.", "Pt:", "signed by", "daughter"), or a
   credential after them (", MD") — the words are a name whatever they are;
2. a first name followed by a capitalised word ("Maria Okafor"), a census name that is not an
   ordinary or clinical word ("Okafor" alone);
3. every later capitalised occurrence of a word already found as a name (coreference).
A capitalised word followed by a clinical head noun ("Graves disease", "Foley catheter") is an
eponym and is kept unless a title stands before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from codetui.redact.lexicon import DRUG_STEMS as _DRUG_STEMS
from codetui.redact.lexicon import Lexicon
from codetui.redact.spans import Span

# Letters of any script ("Nguyễn", "Petrović", "Ní Bhriain"): an ASCII-only token would cut a
# name at its first accented letter and leave the rest in the output.
_L = r"[^\W\d_]"
_TOKEN = re.compile(rf"{_L}(?:(?:{_L}|['\u2019\-])*{_L})?\.?")
_TITLES = {"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "doctor", "sr", "fr", "rev"}
_LABEL_RE = re.compile(
    r"(?i)(?:\b(?:patient(?:'s)?(?:\s+name)?|pt|name|signed|signature|attending(?:\s+physician)?|pcp|"
    r"referring(?:\s+(?:physician|provider))?|provider|physician|surgeon|"
    r"resident|fellow|scribe|nurse|rn|np|contact|emergency\s+contact|guardian|caregiver|"
    r"spouse|wife|husband|daughter|son|mother|father|sister|brother|partner|grandson|"
    r"granddaughter|niece|nephew|aunt|uncle|friend|neighbor|witness|interpreter|translator|"
    r"member|subscriber|insured|guarantor|beneficiary|enrollee|legal\s+name|"
    r"goes\s+by|aka|a\.k\.a|nicknamed?|known\s+as|prefers\s+to\s+be\s+called|"
    r"name\s+(?:per|on|from|as\s+per)\s+[\w.]+(?=\s*:)|nombre|nome|nom|apellidos?|"
    r"baby\s+(?:boy|girl)|"
    r"dictated|transcribed|cosigned|co-signed|authenticated|reviewed)\b\s*(?:by|with|is|named)?\s*[:,\-]?\s*[(\"\u201c]?"
    r"|\b(?:seen|signed|dictated|referred|accompanied|examined|evaluated|reviewed|"
    r"called|notified|cosigned|transcribed)\s+(?:\w+\s+)?by\s+"
    r"|\b(?:discussed|spoke|spoken|met|talked)\s+with\s+)$"
)
# Letter headers: "Re: Kateryna Shevchenko", "Attn: ...", "cc: ...". A weak cue: "Re: Denial of
# claim" and "CC: Chest pain" are not names, so the words after it must look like one (a census
# name or a word no dictionary knows).
_WEAK_CUE_RE = re.compile(r"(?i)(?:^|(?<=[\s(]))(?:re|attn|attention|to|from|cc|bcc|regarding)[ \t]*:[ \t]*$")
# Greetings and sign-offs: "Hi Joy,", "Dear Mr. ...", "thanks, ngoc". Weak too: "Hello Billing
# Office" is not a person, so the word must be a name on a list or a word no list knows.
_GREETING_RE = re.compile(r"(?i)(?:^|(?<=[\s(\"]))(?:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening))[ \t]+$")
_SIGNOFF_RE = re.compile(
    r"(?i)(?:^|(?<=[\s(]))(?:thanks|thank\s+you|thx|regards|best\s+regards|kind\s+regards|sincerely|cheers|"
    r"warmly|respectfully|love)[ \t]*[,!.]?[ \t]*\n?[ \t]*(?:-+[ \t]*)?$"
)
# Words after a capitalised word that make it a person at the start of a sentence ("Okonkwo
# tolerated", "Mwangi, the roommate,", "Petrosyan family declined", "Nakamura's daughter").
_PERSON_AFTER = re.compile(
    r"(?:['\u2019]s\b|[ \t]+(?:tolerated|refused|declined|reports?|reported|states?|stated|denies|denied|agrees?|"
    r"agreed|presents?|presented|complains?|complained|ambulated|ambulates|endorses|endorsed|verbalized|verbalizes|"
    r"understands|wishes|wants|prefers|lives|arrived|called|family|is\s+an?\s|was\s+an?\s)\b"
    r"|,[ \t]+(?:the\s+|his\s+|her\s+|their\s+|pt'?s\s+|patient'?s\s+)?(?:roommate|wife|husband|son|daughter|"
    r"mother|father|sister|brother|partner|friend|neighbou?r|caregiver|spouse|aunt|uncle|niece|nephew|cousin|"
    r"guardian|nurse|pharmacist|physician|doctor|therapist|case\s+manager|social\s+worker|chaplain|interpreter)\b)"
)
# Words around an unknown capitalised word that make it a drug, not a person: "now on Savella",
# "trial of Eucrisa", "Caplyta started", "Nuplazid not covered", "Lidoderm patches".
_DRUG_BEFORE = re.compile(
    r"(?i)\b(?:on|started|starting|restarted|resumed?|continued?|stopped|discontinued|held|hold|tried|failed|"
    r"switched\s+(?:to|from)|taking|takes|took|prescribed|premed(?:icated)?(?:\s+with)?|avoid|allergic\s+to|"
    r"allergy\s+to|intolerant\s+(?:of|to)|trial\s+of|refill\s+(?:of|for)|dose\s+of|increased?|decreased?|"
    r"titrated?|gave|given|administered|received|apply|applied)[ \t]+$"
)
_DRUG_AFTER = re.compile(
    r"[ \t]+(?:was[ \t]+|is[ \t]+|were[ \t]+)?(?:started(?![ \t]+(?:on|to)\b)|stopped|discontinued|considered|approved|"
    r"denied|not[ \t]+covered|titrated|tapered|taper|dosing|vs\.?|versus|patch(?:es)?|gel|cream|ointment|"
    r"applied|injections?|pens?|refills?)\b"
)
# "Glycomet 500 (metformin)": a word before a dose and a bracketed drug is the brand of that drug.
_GENERIC_AFTER = re.compile(r"[ \t]+(?:\d[\d.,/]*[ \t]*(?:mg|mcg|g|ml|mL)?[ \t]*)?\([ \t]*([a-z][a-z\-]{3,})")
# Scripts without letter case (Han, Kana, Hangul, Arabic...): "Seo-yeon Park (박서연)".
_UNCASED_AFTER = re.compile(r"[ \t]*\([ \t]*((?:[^\W\d_](?<![A-Za-z\u00c0-\u024f]))+(?:[ \t]+(?:[^\W\d_](?<![A-Za-z\u00c0-\u024f]))+){0,3})[ \t]*\)")
# After a sentence-initial "Bill", "Rose", "Hope": a preposition or article says it is the word.
_WORD_USE_AFTER = re.compile(r"[ \t]+(?:to|for|of|as|at|in|on|the|a|an|from|by|up|down|is\s+(?:the|a|an|not))\b")
# Text before a word that makes it the first of a sentence, a line, a list item or a field.
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]|(?:^|\s)(?:[-*\u2022>]|\d{1,2}[.)]))[\s\"'(\[\u201c]*$")
_INITIAL_BEFORE = re.compile(r"(?:^|\s)[A-Z]\.\s*$")
# "J.K.", "A. Oyelaran-Smith": an initial with its dot belongs to the name next to it.
_INITIAL = re.compile(r"[A-Z]\.")
# Between two words of one name: spaces, or a nickname's quotes ('Bartholomew "Bart" D'Amico').
# Two or more spaces usually separate form fields ("Name: Jo Roe  Member ID: ..."), not words.
_NAME_GAP = re.compile(r"[ \t]|[ \t]?[\"\u201c\u201d][ \t]?")
# Lower-case particles inside a surname.
# A dose or a drug form right after the word: "Qulipta 60 mg", "Xigduo XR" are drugs, not people.
_DOSE_AFTER = re.compile(
    r"[ \t]+(?:\d[\d.,/]*[ \t]*(?:mg|mcg|µg|g|ml|mL|units?|u|iu|IU|meq|mEq|%|puffs?|tabs?|caps?|drops?|gtts?|"
    r"mg/kg|mcg/kg|mg/m2|mg/ml|mg/mL|mcg/hr|mg/hr|sprays?)\b|"
    r"(?:XR|ER|SR|XL|CR|LA|DR|ODT|HFA|CD|XT|SA|IR|DS|Pen|FlexPen|KwikPen|FlexTouch|SoloStar|Inhaler|Respimat|"
    r"Ellipta|Diskus|Autoinjector|Injection|Tablets?|Capsules?|patch|cream|ointment|gel|solution|suspension|"
    r"spray|nasal|drops|tabs?|inj|injection|infusion|IV|PO|SQ|SC|IM)\b)"
)
_PARTICLES = frozenset(["de", "la", "del", "della", "van", "von", "der", "den", "da", "di", "du", "le", "dos", "das", "y", "ten", "ter", "bin", "ibn"])
# Words that start a practice's or clinic's name: a name run stops there.
_FACILITY = frozenset(
    ["pediatric", "pediatrics", "paediatric", "family", "clinic", "clinics", "medical", "health",
     "center", "centre", "associates", "practice", "group", "urgent", "care", "dental", "eye",
     "memorial", "community", "primary", "specialty", "hospital", "institute", "foundation",
     "internal", "medicine", "women's", "children's", "surgical", "surgery", "orthopedic",
     "cardiology", "dermatology", "imaging", "laboratory", "lab", "pharmacy", "rehab",
     "rehabilitation", "wellness", "hospice", "healthcare"]
)
_CREDENTIALS = re.compile(
    r",?[ \t]*(?:MD|M\.D\.|DO|D\.O\.|RN|NP|PA|PA-C|PhD|DDS|DMD|LPN|CNA|MSW|LCSW|CRNA|PharmD|APRN|FNP|DPM|OD)\b"
)
_HEAD_NOUNS = frozenset(
    ["disease", "syndrome", "sign", "signs", "test", "maneuver", "manoeuvre", "catheter", "fracture", "score", "scale", "criteria", "classification", "palsy", "reflex", "phenomenon", "tube", "drain", "stockings", "stocking", "bag", "procedure", "operation", "repair", "lift", "mesh", "suture", "sutures", "vest", "pump", "boot", "brace", "collar", "splint", "walker", "mattress", "dressing", "bandage", "wrap", "sensor", "monitor", "stent", "valve", "filter", "sheath", "clip", "clips", "device", "graft", "plate", "screw", "nail", "closure", "nomogram", "anastomosis", "lymphoma", "sarcoma", "tumor", "tumour", "cyst", "node", "nodes", "nodule", "ulcer", "triad", "law", "disorder", "ataxia", "dystrophy", "anomaly", "stage", "staging", "grade", "index", "equation", "formula", "position", "respirations", "respiration", "breathing", "murmur", "spots", "spot", "lamp", "solution", "method", "technique", "protocol", "cells", "cell", "bodies", "body", "body's", "contracture", "deformity", "esophagus", "diverticulum", "encephalopathy", "dementia", "chorea", "sarcoidosis", "thyroiditis", "node's"]
)
_STOP = frozenset(
    ["the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "with", "by", "from", "no", "not", "pt", "patient", "history", "hx", "plan", "assessment", "impression", "exam", "chief", "complaint", "subjective", "objective", "vitals", "labs", "meds", "medications", "allergies", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "hospital", "clinic", "center", "medical", "health", "emergency", "department", "unit", "floor", "room", "icu", "er", "ed", "street", "avenue", "road", "north", "south", "east", "west", "county", "city", "state", "mrn", "dob", "dos", "ssn", "id", "acct", "fin", "npi", "dx", "ddx", "cc", "hpi", "ros", "pmh", "psh", "fh", "sh", "hospitalist", "intensivist", "cardiology", "nephrology", "neurology", "oncology", "surgery", "pulmonology", "gastroenterology", "psychiatry", "pharmacy", "nursing", "staff", "team", "service", "family", "provider", "attending", "resident", "ortho", "orthopedics", "urology", "radiology", "pathology", "anesthesia", "social", "work", "case", "manager", "member", "subscriber", "guarantor", "insured", "translator", "interpreter", "md", "do", "rn", "np", "pa", "phd", "dds", "lpn", "cna", "msw", "lcsw", "crna", "pharmd", "aprn", "fnp", "dpm", "od"]
)


def _tokens(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _TOKEN.finditer(text):
        word = m.group(0)
        end = m.end()
        if word.endswith(".") and not (len(word) == 2 or word[:-1].lower() in _TITLES):
            word, end = word[:-1], end - 1
        out.append((m.start(), end, word))
    return out


def _base(word: str) -> str:
    w = word.rstrip(".").lower().replace("\u2019", "'")
    return w[:-2] if w.endswith("'s") else w.rstrip("'")


def _is_cap(word: str) -> bool:
    """Capitalised, or in a script without case (a Han or Hangul name after a label is a name)."""
    c = word[0]
    return c.isupper() or (c.isalpha() and c.lower() == c.upper())


def _caps_line(text: str, pos: int) -> bool:
    """The line around ``pos`` is written in capitals (a form or a shouting note)."""
    a, b = text.rfind("\n", 0, pos) + 1, text.find("\n", pos)
    letters = [c for c in text[a:b if b >= 0 else len(text)] if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.6 * len(letters)


def _name_shaped(word: str) -> bool:
    """Shaped like a name: "Okafor", "McAllister", "O'Brien", "DeShawn", "Kovalenko-Shevchuk".

    Not all capitals (acronyms: BIBA, NSTEMI) and not "HbA", "PleurX", "MoCA": inside a name a
    capital letter comes after a lower-case letter or an apostrophe/hyphen and before a lower-case one.
    """
    if len(word) < 2 or not word[0].isupper() or word.isupper():
        return False
    for k in range(1, len(word)):
        if word[k].isupper():
            if k + 1 >= len(word) or not word[k + 1].islower():
                return False
            if not (word[k - 1].islower() or word[k - 1] in "'\u2019-"):
                return False
    return True


def _span_of(start: int, end: int, word: str) -> Span:
    """The name itself: a trailing possessive ('s) is not part of the identifier."""
    w = word.replace("\u2019", "'")
    if w.endswith("'s"):
        end -= 2
    elif w.endswith("'"):
        end -= 1
    return Span(start, end, "NAME")


class NameFinder:
    """Finds person names in one text with the given lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon

    def _nameish(self, word: str) -> bool:
        b = _base(word)
        return _is_cap(word) and b not in _STOP and b not in _TITLES and not b.isdigit()

    def _unknown(self, b: str) -> bool:
        """Philter's test: a word no English, clinical or census list knows is likely a name.

        Off when the lexicon has no vocabulary (``known`` empty). Census names are left to the
        census rules, which know when "Rose" or "Mark" needs context.
        """
        lex = self.lex
        return bool(lex.known) and b not in _STOP and b not in _TITLES and b not in _HEAD_NOUNS \
            and b not in _FACILITY and not lex.is_known(b) and not lex.is_name(b) \
            and not any(b.endswith(stem) and len(b) >= len(stem) + 3 for stem in _DRUG_STEMS)

    def _fallback(self, toks: list[tuple[int, int, str]], i: int, text: str) -> bool:
        """Word i is a capitalised, name-shaped word outside the allow-list, not part of a code."""
        s, e, w = toks[i]
        if not _name_shaped(w) or not self._unknown(_base(w)) or _DOSE_AFTER.match(text, e):
            return False
        before = text[s - 1] if s else " "
        after = text[e:e + 2]
        # "J0897", "HbA1c", "x@y", "Assess/Plan", "site.com": part of a code, address or pair
        if before.isalnum() or before in "/@_#&" or (after[:1] and (after[0].isdigit() or after[0] in "/@_&")):
            return False
        if after[:1] == "." and after[1:2].isalnum():
            return False
        return not self._drug_context(text, s, e)

    def _drug_context(self, text: str, s: int, e: int) -> bool:
        """The words around make the word at [s, e) a drug: "now on X", "X started", "X 500 (metformin)"."""
        line_start = text.rfind("\n", 0, s) + 1
        if _DRUG_BEFORE.search(text, max(line_start, s - 40), s) or _DRUG_AFTER.match(text, e):
            return True
        return self._generic_after(text, e)

    def _generic_after(self, text: str, e: int) -> bool:
        m = _GENERIC_AFTER.match(text, e)
        return m is not None and self.lex.is_drug(m.group(1))

    def _known_run(self, toks: list[tuple[int, int, str]], i: int, text: str) -> bool:
        """Capitalised words from i that are all ordinary words and none a census name: after a
        label they are the field's value ("Referring Provider: Self Referral", "Patient: Yes")."""
        lex, j, plain = self.lex, i, 0
        if not lex.known:
            return False
        while j < len(toks) and j - i < 4:
            w = toks[j][2]
            if j > i and (not re.fullmatch(r"[ \t]+", text[toks[j - 1][1]:toks[j][0]]) or not _is_cap(w)):
                break
            b = _base(w)
            if lex.is_name(b):
                if b not in lex.ambiguous:  # "Self" may be a surname; "Okafor" is one
                    return False
            elif w.isupper() and len(w) <= 4:
                pass
            elif lex.is_known(b):
                plain += 1
            else:
                return False
            j += 1
        return plain > 0

    def _sentence_initial(self, text: str, line_start: int, s: int) -> bool:
        before = text[line_start:s]
        return _SENTENCE_START.search(before) is not None and _INITIAL_BEFORE.search(before) is None

    def _eponym(self, toks: list[tuple[int, int, str]], i: int, text: str) -> bool:
        """Word i reads as an eponym: an allow-listed word before a clinical head noun."""
        j = i + 1
        while j < len(toks) and j <= i + 2:
            nxt = _base(toks[j][2])
            if nxt in _HEAD_NOUNS:
                return True
            if not (_is_cap(toks[j][2]) or "-" in text[toks[j - 1][1]:toks[j][0]]):
                break
            j += 1
        return False

    def find(self, text: str) -> Iterator[Span]:
        toks = _tokens(text)
        hits: dict[int, Span] = {}
        fallback: set[int] = set()
        lex = self.lex

        def take_run(i: int, limit: int = 4, unknown_ok: bool = False, titled: bool = False) -> None:
            taken = 0
            lower = not _is_cap(toks[i][2]) if i < len(toks) else False
            while i < len(toks) and taken < limit:
                s, e, w = toks[i]
                if taken:
                    gap = text[toks[i - 1][1]:s]
                    comma = taken == 1 and re.fullmatch(r"[ \t]*,[ \t]*", gap) is not None
                    caps = w.isupper() and toks[i - 1][2].isupper()
                    initials = gap == "" and _INITIAL.fullmatch(toks[i - 1][2]) is not None
                    if not (_NAME_GAP.fullmatch(gap) or initials or (comma and (caps or lex.is_name(_base(w))))):
                        break
                if _base(w) in _FACILITY:
                    break  # "Dr. Kwame Asante Pediatric Clinic": the clinic is not the name
                j = i
                while j < len(toks) and toks[j][2] in _PARTICLES and j - i < 3:
                    j += 1
                if taken and i < j < len(toks) and _is_cap(toks[j][2]) and text[toks[j - 1][1]:toks[j][0]] == " ":
                    hits[i] = _span_of(s, e, w)  # "Gutiérrez de la Cruz", "van der Berg"
                    i += 1
                    continue
                if lower:
                    # a sloppy note ("pt jose luis ramirez seen"): only plain census names count
                    bw = _base(w)
                    if _is_cap(w) or bw in _STOP or not (
                        lex.is_plain_name(bw) or (unknown_ok and len(bw) >= 3 and self._unknown(bw))
                    ):
                        break
                elif not self._nameish(w) or _base(w) in _HEAD_NOUNS:
                    break
                elif text.startswith(":", e):
                    if titled:  # a transcript's speaker: "Dr. Farahani:" ends the run with the name
                        hits[i] = _span_of(s, e, w)
                    break
                if w.isupper() and len(w) <= 4 and not lex.is_name(_base(w)) and not _INITIAL.fullmatch(w):
                    break  # an acronym (ABVD, COPD), not a name
                hits[i] = _span_of(s, e, w)
                taken += 1
                i += 1

        for i, (s, e, w) in enumerate(toks):
            b = _base(w)
            # 1. titles and labels
            if b in _TITLES and i + 1 < len(toks) and text[e:toks[i + 1][0]].strip(" .") == "":
                take_run(i + 1, titled=True)
                continue
            line_start = text.rfind("\n", 0, s) + 1
            label = _LABEL_RE.search(text, max(line_start, s - 40), s)
            # "Pt name: lakshmi iyer": after a label with a colon (or "name"), a lower-case word
            # no list knows is a name too; after a bare "pt" it may be shorthand ("pt tachy").
            named = label is not None and (":" in label.group(0) or "name" in label.group(0).lower())
            # "father with MI", "daughter with Down syndrome": after "<relative> with" a condition
            # is as likely as a person, so the word must look like a name on its own.
            if label is not None and re.search(r"(?i)\bwith\s*$", label.group(0)) and not (
                (not (w.isupper() and len(w) <= 4) and (lex.is_plain_name(b) or (b in lex.first and b not in lex.allowed)))
                or self._fallback(toks, i, text)
            ):
                label = None
            if label is not None and _is_cap(w) and self._known_run(toks, i, text):
                label = None
            if label and (
                self._nameish(w) or (w.islower() and b not in _STOP and (
                    lex.is_plain_name(b) or (named and len(b) >= 3 and self._unknown(b))))
            ):
                take_run(i, unknown_ok=named)
                continue
            if _WEAK_CUE_RE.search(text, line_start, s) and self._nameish(w) and (
                lex.is_plain_name(b) or (b in lex.first and b not in lex.allowed) or self._fallback(toks, i, text)
            ):
                take_run(i)
                continue
            if _GREETING_RE.search(text, max(line_start, s - 30), s) and self._nameish(w) and (
                (b in lex.first and not w.isupper()) or lex.is_plain_name(b) or self._fallback(toks, i, text)
            ):
                take_run(i, limit=3)
                continue
            if _SIGNOFF_RE.search(text, max(0, s - 30), s) and b not in _STOP and b not in _TITLES and (
                (self._nameish(w) and ((b in lex.first and not w.isupper()) or lex.is_plain_name(b) or self._fallback(toks, i, text)))
                or (w.islower() and len(b) >= 3 and (lex.is_plain_name(b) or self._unknown(b)))
            ):
                take_run(i, limit=3, unknown_ok=True)
                continue
            if not self._nameish(w) or text.startswith(":", e):
                continue
            m = _CREDENTIALS.match(text, e)
            if m and not text[e:m.end()].strip().startswith(("DO ", "PA ")):
                k = i
                while k >= 0 and i - k < 3 and (self._nameish(toks[k][2]) or _INITIAL.fullmatch(toks[k][2])):
                    hits[k] = _span_of(*toks[k])
                    if k == 0 or "\n" in text[toks[k - 1][1]:toks[k][0]]:
                        break
                    if text[toks[k - 1][1]:toks[k][0]].strip() not in ("", ","):
                        break
                    k -= 1
                continue
            if self._eponym(toks, i, text):
                continue
            # 2. first name + capitalised word; plain census names alone
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            gap_ok = nxt is not None and re.fullmatch(r"[ \t]+", text[e:nxt[0]]) is not None
            if nxt and gap_ok and self._nameish(nxt[2]) and not self._eponym(toks, i + 1, text):
                nb = _base(nxt[2])
                if (b in lex.first and b not in lex.allowed and (b not in lex.ambiguous or nb in lex.last)) or (
                    lex.is_plain_name(b) and lex.is_name(nb) and nb not in lex.allowed
                ):
                    hits[i] = _span_of(s, e, w)
                    hits[i + 1] = _span_of(*nxt)
                    continue
            if len(b) >= 3 and lex.is_plain_name(b) and not (w.isupper() and len(w) <= 4) \
                    and not (w.isupper() and not _caps_line(text, s)) and not self._brand_pair(toks, i, text) \
                    and not (_DOSE_AFTER.match(text, e) or self._generic_after(text, e)):
                hits[i] = _span_of(s, e, w)
                continue
            # 2b. Philter-style fallback: a capitalised word outside every vocabulary. At the start
            # of a sentence any word is capitalised, so there it needs a second name-like word.
            if self._fallback(toks, i, text):
                pair = nxt is not None and gap_ok and _is_cap(nxt[2]) and not self._eponym(toks, i + 1, text) and (
                    self._fallback(toks, i + 1, text) or (lex.is_name(_base(nxt[2])) and _base(nxt[2]) not in lex.allowed
                                                          and _base(nxt[2]) not in _STOP))
                if not self._sentence_initial(text, line_start, s):
                    hits[i] = _span_of(s, e, w)
                    fallback.add(i)
                elif pair:
                    hits[i] = _span_of(s, e, w)
                    hits[i + 1] = _span_of(*nxt)
                    fallback.add(i)
                elif _PERSON_AFTER.match(text, e):
                    hits[i] = _span_of(s, e, w)
                    fallback.add(i)
        # a census name beside a fallback name is part of it ("Mark Shevchenko", "Kateryna Rose"),
        # and a census first name before a surname found alone ("Rose Okafor")
        fallback |= {i for i in hits if i - 1 >= 0 and i - 1 not in hits and _base(toks[i - 1][2]) in lex.first}
        for i in sorted(fallback):
            for j in (i - 1, i + 1):
                if 0 <= j < len(toks) and j not in hits and _is_cap(toks[j][2]) and not toks[j][2].isupper():
                    lo, hi = (toks[j], toks[i]) if j < i else (toks[i], toks[j])
                    bj = _base(toks[j][2])
                    first_before = j == i - 1 and bj in lex.first
                    if re.fullmatch(r"[ \t]+", text[lo[1]:hi[0]]) and lex.is_name(bj) \
                            and (bj not in lex.allowed or first_before) and bj not in _STOP and bj not in _HEAD_NOUNS and not (j > i and self._eponym(toks, j, text)):
                        hits[j] = _span_of(*toks[j])
        # 3. coreference: later mentions of a found name
        found = {_base(toks[i][2]) for i in hits if len(_base(toks[i][2])) >= 3}
        for i, (s, e, w) in enumerate(toks):
            if i in hits or not _is_cap(w) or self._eponym(toks, i, text):
                continue
            if _base(w) in found:
                if _base(w) in lex.ambiguous and _WORD_USE_AFTER.match(text, e) \
                        and self._sentence_initial(text, text.rfind("\n", 0, s) + 1, s):
                    continue  # "Bill Osei-Tutu ... Bill to Medicaid": the second Bill is a bill
                hits[i] = _span_of(s, e, w)
            elif "-" in w and _base(w.split("-")[0]) in found and not (lex.known and lex.is_known(_base(w.split("-")[0]))):
                hits[i] = Span(s, s + len(w.split("-")[0]), "NAME")  # "Abernathy-recommended"
        yield from _extend(text, list(_merge(text, [hits[i] for i in sorted(hits)])))

    def _brand_pair(self, toks: list[tuple[int, int, str]], i: int, text: str) -> bool:
        """A surname-only census word before a capitalised ordinary word is a brand or device
        ("Bair Hugger", "Zoll LifeVest"), not a person: a person's next word is rarely capitalised."""
        b = _base(toks[i][2])
        if b in self.lex.first or i + 1 >= len(toks) or not self.lex.known:
            return False
        s, _e, w = toks[i + 1]
        nb = _base(w)
        return re.fullmatch(r"[ \t]+", text[toks[i][1]:s]) is not None and w[:1].isupper() and not w.isupper() \
            and self.lex.is_known(nb) and not self.lex.is_name(nb) and nb not in _STOP


# Between two name words: surname particles and short capitalised links ("Thiago Albuquerque dos
# Santos", "Aroha Te Whatu", "Nguyen Van Anh", "Rio de Janeiro") belong to the name.
_JOINER = re.compile(
    r"[ \t]+(?:(?:" + "|".join(sorted(_PARTICLES | {"e", "al", "el", "las", "los", "des", "dei", "degli"}, key=len, reverse=True))
    + r"|[A-Z\u00c0-\u00de][a-z\u00df-\u00ff]{0,2})[ \t]+){1,3}"
)


_TRAILING_INITIAL = re.compile(r"[ \t][A-Z]\.?(?=[ \t]{2,}|[ \t]*(?:\n|$)|,)")


def _extend(text: str, spans: list[Span]) -> Iterator[Span]:
    """Parts a name run leaves behind: the trailing initial of "KOWALCZYK, MARK J" and the same
    name in another script in brackets ("Seo-yeon Park (박서연)")."""
    for sp in spans:
        m = _TRAILING_INITIAL.match(text, sp.end)
        if m and "," in text[sp.start:sp.end]:
            sp = Span(sp.start, m.end(0), "NAME")
        yield sp
        u = _UNCASED_AFTER.match(text, sp.end)
        if u:
            yield Span(u.start(1), u.end(1), "NAME")


def _merge(text: str, spans: list[Span]) -> Iterator[Span]:
    """Tokens of one name ("Maria J. Okafor", "Doe, Jane") become one span."""
    cur: Span | None = None
    for s in spans:
        if cur is not None and (re.fullmatch(r"[ \t]*,?[ \t]*", text[cur.end:s.start]) or _JOINER.fullmatch(text, cur.end, s.start)):
            cur = Span(cur.start, s.end, "NAME")
            continue
        if cur is not None:
            yield cur
        cur = s
    if cur is not None:
        yield cur
