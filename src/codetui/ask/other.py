"""Answers about modifiers and word searches ("codes for type 2 diabetes with neuropathy")."""

from __future__ import annotations

import re
from typing import Any

from codetui.ask import facts as F
from codetui.ask.model import Answer, Fact, Intent
from codetui.check.words import PTP_ASSOCIATED

POLICY = "CMS NCCI Policy Manual, chapter I, section E (modifiers)"


def modifier(store: Any, intent: Intent) -> Answer:
    mod = intent.modifiers[0]
    rec = store.modifier(mod)
    if rec is None and intent.words and not intent.codes:
        return search(store, intent)  # "what does IT mean": not a modifier after all
    if rec is None:
        return Answer(f"{mod} is not a CPT or HCPCS Level II modifier in the store.", answered=False,
                      intent=intent.kind, suggestions=(f"search modifier {mod}",))
    facts = [F.fact(store, "Modifier", f"{rec['code']}: {rec.get('title', '')}", rec, (rec["code"],))]
    for key, label in (("explanation", "Meaning"), ("use_when", "Use when"), ("not_when", "Not when")):
        if rec.get(key):
            facts.append(F.fact(store, label, str(rec[key]), rec, (rec["code"],)))
    assoc = bool(rec.get("ptp_associated")) or rec["code"] in PTP_ASSOCIATED
    facts.append(Fact("NCCI PTP-associated", "yes: can bypass a PTP edit with modifier indicator 1" if assoc
                      else "no: does not bypass NCCI PTP edits", POLICY, (rec["code"],)))
    if rec.get("related"):
        facts.append(F.fact(store, "Related modifiers", ", ".join(rec["related"]), rec, tuple(rec["related"])))
    system = "CPT" if rec.get("system") == "CPT" else "HCPCS Level II"
    text = f"Modifier {rec['code']} ({system}): {rec.get('title', '')}."
    if rec.get("explanation"):
        text += f" {rec['explanation']}"
    text += " It is NCCI PTP-associated." if assoc else " It is not an NCCI PTP-associated modifier."
    if intent.codes:  # "does 71046 need 26": say what the code's own indicators allow first
        from codetui.ask import modcode

        found = store.lookup(intent.codes[0])
        if found is not None and found[0] == "hcpcs":
            sentence, more = modcode.on_code(store, found[1], rec["code"])
            if sentence:
                text = f"{sentence} {text}"
                facts = more + facts
    return Answer(text, tuple(facts), intent=intent.kind)


def _fallback_search(store: Any, words: str, limit: int) -> list[tuple[str, str]]:
    """Every query word (as a word prefix) in the title; billable ICD and Level II codes only.

    Used only while ``codetui.search`` is unavailable; shorter titles rank first.
    """
    words_ = [w for w in words.split() if len(w) > 1 or w.isdigit()]
    terms = [re.compile(rf"\b{re.escape(w)}|{re.escape(w)}\b") for w in words_]
    if not terms:
        return []

    def match(title: str) -> bool:
        low = title.lower()  # cheap substring test first, word-edge regex only on candidates
        return all(w in low for w in words_) and all(t.search(low) for t in terms)

    hits: list[tuple[int, str, str]] = []
    for key, rec in store.icd_table.items():
        title = rec.get("title", "")
        if rec.get("billable") and match(title):
            hits.append((len(title), key, title))
    for key, rec in store.hcpcs_table.items():
        title = (rec.get("anweb") or {}).get("long", "")
        if title and match(title):
            hits.append((len(title), key, title))
    return [(k, t) for _, k, t in sorted(hits)[:limit]]


def search(store: Any, intent: Intent, limit: int = 10) -> Answer:
    words = intent.words
    if not words:
        return unknown(store, intent)
    results: list[tuple[str, str]] = []
    source = "code store titles (ICD-10-CM tabular, HCPCS Level II)"
    fn = getattr(store, "search", None)
    if fn is None:
        try:  # codetui.search is another module's job; guard it so ask never depends on it
            from codetui.search import SearchIndex

            fn = SearchIndex.for_store(store).search
        except Exception:  # noqa: BLE001 - any failure here means "use the fallback scan"
            fn = None
    if fn is not None:
        try:
            hits = fn(words, None, limit)
            results = [(getattr(h, "code", ""), getattr(h, "title", "") or store.title(getattr(h, "code", "")))
                       for h in hits]
            source = "codetui search index"
        except Exception:  # noqa: BLE001 - search index not built or a different signature: fall back
            results = []
    if not results:
        try:
            results = _fallback_search(store, words, limit)
        except (AttributeError, TypeError):  # a table without .items(): no fallback scan
            results = []
    if not results:
        return Answer(f"No code titles match “{words}”.", answered=False, intent=intent.kind,
                      suggestions=(f"search {words}",))
    facts = tuple(Fact(code, title, source, (code,)) for code, title in results)
    return Answer(f"Codes matching “{words}”: " + ", ".join(c for c, _ in results) + ".", facts,
                  intent=intent.kind, suggestions=(f"search {words}",))


def unknown(store: Any, intent: Intent) -> Answer:
    q = intent.question.strip()
    return Answer("I can't answer that from the code store. Questions I understand name a code or a "
                  "modifier: 'what is 99213', 'what is the MUE for 96417', 'is 96417 an add-on code', "
                  "'can 99214 and 96413 be billed together', 'global days for 27447', 'what does "
                  "modifier 59 mean', 'codes for type 2 diabetes with neuropathy'.", answered=False,
                  intent="unknown", suggestions=(f"search {q}",) if q else ())
