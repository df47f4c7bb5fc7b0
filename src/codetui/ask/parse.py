"""Questions coders type -> ``Intent``. Keyword patterns, no language model.

The patterns are checked in order, most specific first ("can I bill X without Y" before "X").
Codes are picked out by shape; the answer step resolves them against the store.
"""

from __future__ import annotations

import re

from codetui.ask.model import Intent
from codetui.codes import HCPCS_RE, ICD_RE, icd_key

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.]*")
_MODIFIER = re.compile(r"\bmod(?:ifier)?s?\s*[-#]?\s*([0-9A-Za-z]{2})\b", re.IGNORECASE)
_DASH_MOD = re.compile(r"(?:^|\s)-([0-9A-Za-z]{2})\b")
# "does 71046 need 26", "is JW required on J9045": a two-character modifier after a verb of use
_NEED_MOD = re.compile(r"\b(?:need|needs|require|requires|take|takes|append|use)\s+(?:an?\s+|the\s+)?-?"
                       r"([0-9]{2}|[A-Za-z][A-Za-z0-9])\b(?!\s*(?:units?|days?|minutes?)\b)", re.IGNORECASE)
# "what does GY mean", "XU?": a bare two-character token asked about is a modifier question
_MEAN_MOD = re.compile(r"^(?:what(?:'s| is| does)?\s+)?-?([0-9A-Za-z]{2})\s*(?:mean|stand for|modifier)?\s*\??$"
                       r"|^what (?:does|is) -?([0-9A-Za-z]{2}) (?:mean|stand for|for)\b", re.IGNORECASE)
_STOP = frozenset(
    ["a", "an", "and", "the", "of", "for", "to", "with", "without", "in", "on", "is", "are", "was", "were", "what", "which", "who", "when", "how", "does", "do", "can", "i", "we", "you", "it", "be", "billed", "bill", "billing", "code", "codes", "cpt", "hcpcs", "icd", "icd10", "icd-10", "icd10cm", "cm", "diagnosis", "diagnoses", "me", "give", "find", "show", "list", "search", "look", "up", "lookup", "please", "there", "any", "use", "used", "using", "should", "would", "could", "report", "reported", "my", "tell", "about"]
)

_SEARCH_PHRASE = re.compile(
    r"\b(?:codes? (?:for|about)|icd(?:-?10)?(?: codes?)? for|cpt(?: codes?)? for|hcpcs(?: codes?)? for|"
    r"what (?:is the )?codes?(?: for| is)?|which codes?|find|search(?: for)?|look ?up)\b"
)

# (kind, pattern) tried in order against the lower-cased question
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("without", re.compile(r"\bwithout\b|\bw/o\b|\bw/out\b")),
    ("together", re.compile(r"\btogether\b|\bsame (?:day|claim|date|visit|session)\b|\bptp\b|\bbundl|"
                            r"\bwith\b.*\bbill|\bbill(?:ed)?\b.*\bwith\b|\bncci\b|\b(?:ok|okay|allowed|fine)\b.*\bwith\b|"
                            r"\bseparately\b|\bmutually exclusive\b|\bcolumn ?[12]\b")),
    ("addons_of", re.compile(r"\badd[- ]?on(?:s| codes?)? (?:for|with|of|to)\b|\bwhich add[- ]?ons?\b|\bwhat add[- ]?ons?\b")),
    ("addon", re.compile(r"\badd[- ]?on\b|\bprimary cod|\bprimar(?:y|ies) for\b")),
    ("pctc", re.compile(r"\bpc ?/ ?tc\b|\bpctc\b|\b(?:professional|technical) component\b|^tc\b|\btc only\b")),
    ("mue", re.compile(r"\bmue\b|\bmedically unlikely\b|\bmax(?:imum)? units\b|\bhow many units\b|\bunits? (?:limit|allowed)\b")),
    ("global", re.compile(r"\bglobal\b|\bpost[- ]?op")),
    ("seventh", re.compile(r"\b7th\b|\bseventh\b")),
    ("active", re.compile(r"\b(?:in)?active\b|\bstill (?:valid|good|billable|active|in use)\b|\bexpired\b|"
                          r"\bretired\b|\bis \S+ (?:terminated|deleted|discontinued)\b")),
    ("dates", re.compile(r"\bwhen\b|\b(?:added|deleted|terminated|effective|discontinued|new)\b.*\b(?:date|year)?")),
    ("rvu", re.compile(r"\brvus?\b|\brelative value\b|\bpay(?:ment|s)?\b|\bpaid\b|\bstatus\b|\bfee\b|\bpayable\b|"
                       r"\bopps\b|\bapc\b|\brate\b|\bprice\b|\bhow much\b|\breimburse")),
    ("billable", re.compile(r"\bbillable\b|\bvalid\b|\bheader\b|\bcan (?:i|we|you) (?:bill|use|code)\b")),
    ("excludes", re.compile(r"\bexcludes?\s*[12]?\b")),
    ("modifier", re.compile(r"\bmodifiers?\b|\bmod\s")),
)


def find_codes(text: str) -> list[str]:
    """CPT/HCPCS (5 characters) and ICD-10-CM (letter+2, optional dot part) codes, in order."""
    out: list[str] = []
    for tok in _TOKEN.findall(text):
        t = tok.rstrip(".").upper()
        if HCPCS_RE.match(t):
            out.append(t)
        elif ICD_RE.match(t) and any(c.isdigit() for c in t) and (
            "." in t or len(t) == 3 or not t[1:].isdigit() or t[1:3].isdigit()
        ):
            out.append(icd_key(t))  # "e119", "z794": coders often leave the dot out
    return list(dict.fromkeys(out))


def find_modifiers(text: str) -> list[str]:
    mods = [m.upper() for m in _MODIFIER.findall(text)]
    mods += [m.upper() for m in _DASH_MOD.findall(text)]
    mods += [m.upper() for m in _NEED_MOD.findall(text) if not _is_code_token(m)]
    return list(dict.fromkeys(mods))


def _is_code_token(tok: str) -> bool:
    return bool(find_codes(tok))


def search_words(text: str) -> str:
    words = [w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP]
    return " ".join(words)


def parse_question(question: str) -> Intent:
    text = " ".join(question.strip().split())
    low = text.lower()
    mods = find_modifiers(text)
    # a modifier is not a code: drop its digits from the code list
    codes = [c for c in find_codes(_MODIFIER.sub(" ", text)) if c not in mods]
    if mods and not codes and re.search(r"\bmod(?:ifier)?s?\b", low):
        return Intent("modifier", (), tuple(mods), "", question)
    if (not codes and not mods and (m := _MEAN_MOD.search(text.strip()))
            and (m.group(1) or m.group(2)).lower() not in _STOP | {"us", "so", "ok"}):
        # the answer step checks the store; an unknown pair falls back to a search
        return Intent("modifier", (), ((m.group(1) or m.group(2)).upper(),), search_words(text), question)
    if mods and len(codes) == 1 and _NEED_MOD.search(text):
        return Intent("modifier", tuple(codes), tuple(mods), search_words(text), question)
    for kind, rx in _PATTERNS:
        if not rx.search(low):
            continue
        if kind in ("without", "together") and len(codes) < 2:
            continue
        if kind == "modifier" and not mods:
            continue
        if kind != "modifier" and not codes:
            break
        return Intent(kind, tuple(codes), tuple(mods), search_words(text), question)
    if len(codes) >= 2 and all(HCPCS_RE.match(c) for c in codes[:2]):
        # two procedure codes and no other cue: the question is about the pair
        return Intent("together", tuple(codes), tuple(mods), search_words(text), question)
    if codes:
        return Intent("code", tuple(codes), tuple(mods), search_words(text), question)
    asked = _SEARCH_PHRASE.search(low)
    words = search_words(low[asked.end():] if asked else low)
    if words and (asked or len(words.split()) >= 2):
        return Intent("search", (), tuple(mods), words, question)
    return Intent("unknown", (), (), "", question)
