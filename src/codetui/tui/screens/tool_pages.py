"""Check findings, ask answers and detected codes as ``Page``s for the page view.

Why pages: the page view already gives every link a keyboard cursor, Enter, clicks and the
``OpenTarget`` message, so a code named in a finding opens exactly like a link on a code page
(and lands in back/forward history). This module imports no Textual: it only turns core results
into ``Page`` data, so it is tested without an app.

Targets outside the code kinds are tool actions the tool screens handle themselves:
``search:WORDS`` (run a browser search), ``ask:QUESTION`` and ``check:CLAIM``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from codetui.links import linkify
from codetui.pages.model import Page, Row, Section, Span, target_for

SEVERITY_TAG = {"error": "ERROR", "warning": "WARNING", "info": "NOTE"}
NOTE_SNIPPET = 60  # characters of evidence shown per detected code


def code_target(store: Any, code: str) -> str | None:
    """The page target for a code of any system, or None when the store does not know it."""
    try:
        found = store.lookup(code)
    except Exception:  # noqa: BLE001 - an odd code in a finding must not break the screen
        return None
    return target_for(found[0], found[1]["code"]) if found else None


def linked_text(store: Any, text: str, codes: Iterable[str] = (),
                shown: frozenset[str] = frozenset()) -> tuple[Span, ...]:
    """``text`` with every code the store knows as a link; ``codes`` not named in it follow.

    ``codes`` are linked wherever they stand as words (also before a full stop, which the
    general ``linkify`` leaves alone because ICD codes contain dots); the rest goes through
    ``linkify``. Codes whose target is in ``shown`` (already linked nearby) are not repeated.
    """
    known = {c.upper(): t for c in dict.fromkeys(codes) if (t := code_target(store, c))}
    spans: list[Span] = []
    if known:
        alternatives = "|".join(re.escape(c) for c in sorted(known, key=len, reverse=True))
        rx = re.compile(rf"(?<![\w.])({alternatives})(?![\w]|\.\w)", re.IGNORECASE)
        pos = 0
        for m in rx.finditer(text):
            if m.start() > pos:
                spans.extend(linkify(text[pos:m.start()], store))
            spans.append(Span(m.group(1), known[m.group(1).upper()]))
            pos = m.end()
        if pos < len(text):
            spans.extend(linkify(text[pos:], store))
    else:
        spans.extend(linkify(text, store))
    spans = [s for s in spans if s.text or s.link]
    named = {s.link for s in spans if s.link}
    extra = [(c, t) for c, t in known.items() if t not in named and t not in shown]
    if extra:
        spans.append(Span("  (" if text else "("))
        for i, (c, t) in enumerate(extra):
            if i:
                spans.append(Span(" "))
            spans.append(Span(c, t))
        spans.append(Span(")"))
    return tuple(spans) or (Span(""),)


def _release(source: str, release: str) -> str:
    return f"{source}, {release}" if source and release else source or release


# ---- check --------------------------------------------------------------------------------
def check_usage_page() -> Page:
    """What the check screen shows before the first check: how to type a claim."""
    rows = (
        Row("Lines", (Span("CODE[-MOD...][xUNITS]: 96413 96417x2 J9045x4 99214-25"),)),
        Row("Diagnoses", (Span("Dx field, or --dx C50.911,Z51.11 on the line"),)),
        Row("Date", (Span("DOS field, or --dos 2026-04-01 (default: today)"),)),
        Row("Setting", (Span("practitioner (default), opps or dme; or --setting opps"),)),
    )
    return Page("tool:check", "Check", "claim lines", "Type claim lines above and press Enter",
                sections=(Section("usage", "How to type a claim", rows, source="as `codetui check` takes them"),))


def check_page(store: Any, claim: Any, result: Any) -> Page:
    """One section per finding: severity and rule, the source and release, the message."""
    counts = result.counts()
    parts = [(counts["error"], "error"), (counts["warning"], "warning"), (counts["info"], "note")]
    badge = ", ".join(f"{n} {word}{'s' if n > 1 else ''}" for n, word in parts if n) or "no findings"
    when = result.as_of if result.as_of_given else f"{result.as_of} (today)"
    dx = f" · dx {' '.join(claim.dx)}" if claim.dx else ""
    title = f"{claim.setting} · DOS {when}{dx}"
    sections: list[Section] = []
    for i, f in enumerate(result.findings):
        rows = [Row("", linked_text(store, f.message, f.codes))]
        sections.append(Section(f"finding{i}", f"{SEVERITY_TAG.get(f.severity, f.severity.upper())}  {f.rule}",
                                tuple(rows), source=_release(f.source, f.release)))
    if not result.findings:
        sections.append(Section("clean", "Clean", (Row("", (Span("No findings for these lines."),)),)))
    verdict = "Findings" if result.failed else ("Clean" if not result.findings else "Notes only")
    return Page("tool:check", verdict, badge, title, sections=tuple(sections))


# ---- ask ----------------------------------------------------------------------------------
def suggestion_span(text: str) -> Span:
    """'search X' -> a browser search, 'codetui check A B' -> the check screen, else a question."""
    low = text.lower()
    if low.startswith("search "):
        return Span(f"Search the browser for “{text[7:]}”", f"search:{text[7:]}")
    if low.startswith("codetui check "):
        return Span(f"Check the claim {text[14:]}", f"check:{text[14:]}")
    return Span(f"Ask “{text}”", f"ask:{text}")


def answer_page(store: Any, question: str, ans: Any) -> Page:
    """The answer paragraph, one section per fact (source + release under its title), then
    what to try next. An unanswered question always offers a search for the whole question."""
    paragraph = linked_text(store, ans.text)
    shown = frozenset(s.link for s in paragraph if s.link)
    sections = [Section("answer", "Answer" if ans.answered else "Can't answer", (Row("", paragraph),))]
    for i, fact in enumerate(ans.facts):
        value = linked_text(store, fact.value, fact.links, shown)
        sections.append(Section(f"fact{i}", fact.label, (Row("", value),),
                                source=_release(fact.source, fact.release)))
    tries: list[Span] = []
    if not ans.answered:
        tries.append(Span(f"Search the browser for “{question}”", f"search:{question}"))
    for s in ans.suggestions:
        span = suggestion_span(s)
        if span.link not in {t.link for t in tries}:
            tries.append(span)
    if tries:
        sections.append(Section("try", "Try", tuple(Row("", (t,)) for t in tries)))
    badge = "answered" if ans.answered else "can't answer"
    return Page("tool:ask", "Ask", badge, question, sections=tuple(sections))


def ask_usage_page() -> Page:
    examples = ("what is 99213", "is 96417 an add-on code", "what is the MUE for 96417",
                "can 99214 and 96413 be billed together", "what does modifier 59 mean",
                "codes for type 2 diabetes with neuropathy")
    rows = tuple(Row("", (Span(e, f"ask:{e}"),)) for e in examples)
    return Page("tool:ask", "Ask", "offline", "Type a question above and press Enter",
                sections=(Section("examples", "Questions it understands", rows,
                                  source="answered from the code store only"),))


# ---- clinical note ------------------------------------------------------------------------
def _evidence(text: str, start: int, end: int, phi: Sequence[Any]) -> str:
    """The words a code was found in; never text inside a PHI span (that shows as [TYPE])."""
    for span in phi:
        if span.start < end and start < span.end:
            return span.placeholder
    snippet = " ".join(text[start:end].split())
    return snippet if len(snippet) <= NOTE_SNIPPET else snippet[: NOTE_SNIPPET - 1] + "…"


STATUS_SECTIONS = (("current", "Current"), ("history", "History of"), ("uncertain", "Uncertain"),
                   ("family", "Family history"), ("negated", "Negated (not coded)"))


def _note_rows(store: Any, text: str, f: Any, phi: Sequence[Any]) -> list[Row]:
    target = code_target(store, f.code) or f"icd:{f.code}"
    head = [Span(f.code, target), Span(f"  {f.title}")]
    if not f.billable:
        head.append(Span("  [not billable]"))
    rows = [Row("", tuple(head))]
    detail = f"“{_evidence(text, f.start, f.end, phi)}” {f.confidence:.2f}"
    if f.kind == "explicit":
        detail += " · written in the note"
    if f.note:
        detail += f" · {f.note}"
    rows.append(Row("", (Span("  "), *linkify(detail, store))))
    if f.seventh:
        choices = "; ".join(f"{k} {v}" for k, v in f.seventh)
        rows.append(Row("", (Span(f"  7th character: {choices}"),)))
    if f.children:
        kids: list[Span] = [Span("  pick: ")]
        for i, child in enumerate(f.children):
            if i:
                kids.append(Span(" "))
            kids.append(Span(child, code_target(store, child) or f"icd:{child}"))
        rows.append(Row("", tuple(kids)))
    return rows


def note_page(store: Any, text: str, findings: Sequence[Any], phi: Sequence[Any]) -> Page:
    """Detected codes grouped by context (current, history, negated…): each code a link with
    its title, then the evidence and confidence, and what a coder must still do (pick a
    billable child or a 7th character)."""
    sections: list[Section] = []
    for status, title in STATUS_SECTIONS:
        rows = [r for f in findings if f.status == status for r in _note_rows(store, text, f, phi)]
        if rows:
            sections.append(Section(status, title, tuple(rows)))
    other = [r for f in findings if f.status not in dict(STATUS_SECTIONS) for r in _note_rows(store, text, f, phi)]
    if other:
        sections.append(Section("other", "Other", tuple(other)))
    if not sections:
        sections.append(Section("none", "Nothing found", (Row("", (Span("No ICD-10-CM codes in this text."),)),)))
    meta = store.source("icd10cm") if hasattr(store, "source") else None
    release = str((meta or {}).get("release", "")).split(" ")[0]
    return Page("tool:note", "ICD-10-CM", release or "codes", f"{len(findings)} found", sections=tuple(sections))
