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
# Text before a word that makes it the first of a sentence, a line, a list item or a field.
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]|(?:^|\s)(?:[-*\u2022>]|\d{1,2}[.)]))[\s\"'(\[\u201c]*$")
_INITIAL_BEFORE = re.compile(r"(?:^|\s)[A-Z]\.\s*$")
# "J.K.", "A. Oyelaran-Smith": an initial with its dot belongs to the name next to it.
_INITIAL = re.compile(r"[A-Z]\.")
# Between two words of one name: spaces, or a nickname's quotes ('Bartholomew "Bart" D'Amico').
# Two or more spaces usually separate form fields ("Name: Jo Roe  Member ID: ..."), not words.
_NAME_GAP = re.compile(r"[ \t]|[ \t]?[\"\u201c\u201d][ \t]?")
# Lower-case particles inside a surname.
# Drug stems (USAN): a word ending so is a drug even when no list has it yet ("tirzepatide").
_DRUG_STEMS = (
    "mab", "nib", "pril", "sartan", "olol", "statin", "azole", "cillin", "mycin", "floxacin", "tidine",
    "prazole", "gliptin", "gliflozin", "glutide", "tide", "parin", "xaban", "gatran", "navir", "previr",
    "buvir", "ciclovir", "vudine", "tegravir", "cycline", "dronate", "triptan", "azepam", "azolam", "afil",
    "olone", "asone", "terol", "tropium", "dipine", "setron", "oxetine", "tyline", "pramine", "peridol",
    "apine", "idone", "profen", "coxib", "caine", "curium", "platin", "rubicin", "taxel", "fungin",
    "conazole", "semide", "thiazide", "lukast", "zumab", "ximab", "cept", "kinra", "ergoline", "barbital",
)
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
    ["disease", "syndrome", "sign", "signs", "test", "maneuver", "manoeuvre", "catheter", "fracture", "score", "scale", "criteria", "classification", "palsy", "reflex", "phenomenon", "tube", "drain", "stockings", "stocking", "bag", "procedure", "operation", "repair", "anastomosis", "lymphoma", "sarcoma", "tumor", "tumour", "cyst", "node", "nodes", "nodule", "ulcer", "triad", "law", "disorder", "ataxia", "dystrophy", "anomaly", "stage", "staging", "grade", "index", "equation", "formula", "position", "respirations", "respiration", "breathing", "murmur", "spots", "spot", "lamp", "solution", "method", "technique", "protocol", "cells", "cell", "bodies", "body", "body's", "contracture", "deformity", "esophagus", "diverticulum", "encephalopathy", "dementia", "chorea", "sarcoidosis", "thyroiditis", "node's"]
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
    return word[0].isupper()


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
        return not (after[:1] == "." and after[1:2].isalnum())

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

        def take_run(i: int, limit: int = 4, unknown_ok: bool = False) -> None:
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
                elif not self._nameish(w) or _base(w) in _HEAD_NOUNS or text.startswith(":", e):
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
                take_run(i + 1)
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
            if len(b) >= 3 and lex.is_plain_name(b) and not (w.isupper() and len(w) <= 4):
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
        # a census name beside a fallback name is part of it ("Mark Shevchenko", "Kateryna Rose"),
        # and a census first name before a surname found alone ("Rose Okafor")
        fallback |= {i for i in hits if i - 1 >= 0 and i - 1 not in hits and _base(toks[i - 1][2]) in lex.first}
        for i in sorted(fallback):
            for j in (i - 1, i + 1):
                if 0 <= j < len(toks) and j not in hits and _is_cap(toks[j][2]) and not toks[j][2].isupper():
                    lo, hi = (toks[j], toks[i]) if j < i else (toks[i], toks[j])
                    bj = _base(toks[j][2])
                    if re.fullmatch(r"[ \t]+", text[lo[1]:hi[0]]) and lex.is_name(bj) and bj not in lex.allowed \
                            and bj not in _STOP and bj not in _HEAD_NOUNS and not (j > i and self._eponym(toks, j, text)):
                        hits[j] = _span_of(*toks[j])
        # 3. coreference: later mentions of a found name
        found = {_base(toks[i][2]) for i in hits if len(_base(toks[i][2])) >= 3}
        for i, (s, e, w) in enumerate(toks):
            if i in hits or not _is_cap(w) or self._eponym(toks, i, text):
                continue
            if _base(w) in found:
                hits[i] = _span_of(s, e, w)
            elif "-" in w and _base(w.split("-")[0]) in found:
                hits[i] = Span(s, s + len(w.split("-")[0]), "NAME")  # "Abernathy-recommended"
        yield from _merge(text, [hits[i] for i in sorted(hits)])


# Between two name words: surname particles and short capitalised links ("Thiago Albuquerque dos
# Santos", "Aroha Te Whatu", "Nguyen Van Anh", "Rio de Janeiro") belong to the name.
_JOINER = re.compile(
    r"[ \t]+(?:(?:" + "|".join(sorted(_PARTICLES | {"e", "al", "el", "las", "los", "des", "dei", "degli"}, key=len, reverse=True))
    + r"|[A-Z\u00c0-\u00de][a-z\u00df-\u00ff]{0,2})[ \t]+){1,3}"
)


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
