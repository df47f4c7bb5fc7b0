"""``Detector.detect(text)``: ICD-10-CM codes found in clinical text, with evidence.

Two kinds of finding: *explicit* (a code written in the note, validated) and *implied* (a
condition in words matched to titles and inclusion terms). Each carries its evidence span,
a confidence, a context status (current / negated / uncertain / history / family) and what a
coder must still do: a header code lists its billable children, a code that needs a 7th
character lists the choices. History and family history of a condition add the Z-code that
ICD-10-CM uses for them. The note is never stored, logged or cached.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from codetui.detect import context as ctx
from codetui.detect import drugs
from codetui.detect import seventh as seventh_rule
from codetui.detect.bmi import NOTE as BMI_NOTE
from codetui.detect.bmi import find_bmi
from codetui.detect.explicit import find_codes
from codetui.detect.phrases import Phrase, PhraseIndex, PhraseSource
from codetui.detect.pregnancy import find_gestation, pregnancy_tokens
from codetui.detect.text import LOCAL_ABBREV, OPTIONAL_STEMS, SYNONYMS, default_type_2, marked_words, words
from codetui.detect.zcodes import history_code, is_chronic

MAX_WINDOW = 12  # tokens: a phrase's words must sit this close together
OPTIONAL_REACH = 8  # tokens: how far outside the phrase an optional word may sit
PER_MENTION = 5  # candidates kept for one stretch of text
CHILDREN_SHOWN = 20


def _expand(token: str) -> list[str]:
    local = list(LOCAL_ABBREV.get(token.lower(), ()))
    try:
        from codetui.abbrev import expand
    except ImportError:  # the abbreviation table is optional
        return local
    return expand(token) + [e for e in local if e not in expand(token)]


@dataclass(frozen=True)
class Finding:
    code: str
    title: str
    kind: str  # "explicit" | "implied"
    status: str  # context.CURRENT, NEGATED, UNCERTAIN, HISTORY, FAMILY
    start: int
    end: int
    confidence: float
    rank: int = 1  # 1 = best candidate for this stretch of text
    billable: bool = True
    children: tuple[str, ...] = ()  # billable codes under a header code
    seventh: tuple[tuple[str, str], ...] = ()  # 7th characters a code still needs
    note: str = ""

    def as_dict(self, text: str | None = None) -> dict[str, Any]:
        d: dict[str, Any] = {
            "code": self.code, "title": self.title, "kind": self.kind, "status": self.status,
            "start": self.start, "end": self.end, "confidence": self.confidence, "rank": self.rank,
            "billable": self.billable,
        }
        if text is not None:
            d["evidence"] = text[self.start:self.end]
        if self.children:
            d["children"] = list(self.children)
        if self.seventh:
            d["seventh"] = dict(self.seventh)
        if self.note:
            d["note"] = self.note
        return d


@dataclass
class _Cand:
    phrase: Phrase
    start: int
    end: int
    score: float
    rank: int = 1
    pos: frozenset[int] = frozenset()  # the note words (token positions) the phrase used
    extra: dict[str, Any] = field(default_factory=dict)


class Detector:
    def __init__(self, store: Any, index: PhraseSource | None = None) -> None:
        self.store = store
        self._index = index

    @cached_property
    def _drug_names(self) -> dict[str, dict[str, str]]:
        return drugs.drug_names(self.store)

    @cached_property
    def index(self) -> PhraseSource:
        return self._index or PhraseIndex.for_store(self.store)

    # ---- what a coder must still do with a code -----------------------------------------
    def _finish(self, code: str) -> dict[str, Any]:
        rec = self.store.icd(code) or {}
        out: dict[str, Any] = {"title": rec.get("title", ""), "billable": bool(rec.get("billable"))}
        src = rec.get("seventh_from") or (code if rec.get("seventh") else None)
        table = (self.store.icd(src) or {}).get("seventh") if src else None
        if table and not rec.get("billable") and len(code.replace(".", "")) < 7:
            out["seventh"] = tuple(sorted(table.items()))
        elif not rec.get("billable"):
            out["children"] = tuple(self.store.billable_descendants(code, limit=CHILDREN_SHOWN))
        return out

    def _finding(self, code: str, kind: str, status: str, start: int, end: int, conf: float,
                 rank: int = 1, note: str = "") -> Finding:
        info = self._finish(code)
        if info.get("seventh"):
            note = (note + "; " if note else "") + "needs a 7th character"
        elif info.get("children"):
            note = (note + "; " if note else "") + "header code: pick a billable child"
        return Finding(code, info["title"], kind, status, start, end, round(conf, 2), rank,
                       info["billable"], info.get("children", ()), info.get("seventh", ()), note)

    # ---- words -> phrases ----------------------------------------------------------------
    def _tokens(self, text: str, a: int, b: int,
                abbrevs: dict[int, list[frozenset[str]]] | None = None) -> list[tuple[str, int, int]]:
        """Stems with their spans; ``abbrevs`` receives each abbreviation's expansions."""
        toks: list[tuple[str, int, int]] = []
        for s, st, en in marked_words(text, a, b):
            toks.append((s, st, en))
            neg = s.startswith("no_")
            for exp in _expand(text[st:en]):
                stems = [("no_" + w) if neg else w for w in words(exp)]
                toks.extend((w, st, en) for w in stems)
                if abbrevs is not None:
                    abbrevs.setdefault(st, []).append(frozenset(stems) - OPTIONAL_STEMS)
        for rx, repl, replaces in SYNONYMS:
            for m in rx.finditer(text, a, b):
                if replaces:
                    toks = [t for t in toks if not (m.start() <= t[1] and t[2] <= m.end())]
                toks.extend((s, m.start(), m.end()) for s in words(repl))
        toks.extend(default_type_2(text, a, b))
        toks.extend(pregnancy_tokens(text, a, b))
        toks.sort(key=lambda t: t[1])
        return toks

    def _match(self, text: str, a: int, b: int) -> list[_Cand]:
        abbrevs: dict[int, list[frozenset[str]]] = {}
        toks = self._tokens(text, a, b, abbrevs)
        if not toks:
            return []
        starts = sorted({t[1] for t in toks})
        order = {s: i for i, s in enumerate(starts)}
        where: dict[str, list[int]] = {}
        for s, st, _ in toks:
            where.setdefault(s, []).append(order[st])
        span_of = {order[st]: (st, en) for _, st, en in toks}
        cands: list[_Cand] = []
        present = set(where)
        for p in self.index.candidates(present):
            key = min(p.required, key=lambda s: len(where[s]))
            best: tuple[int, int] | None = None
            used: list[int] = []
            for anchor in where[key]:
                pos = [min(where[s], key=lambda i: abs(i - anchor)) for s in p.required]
                lo, hi = min(pos), max(pos)
                if hi - lo <= MAX_WINDOW and (best is None or hi - lo < best[1] - best[0]):
                    best, used = (lo, hi), pos
            if best is None:
                continue
            # an abbreviation stands for all of its words: "CHF and CKD" is not "kidney
            # failure" (N19) made of the "failure" in CHF and the "kidney" in CKD
            words_of = p.required | p.optional
            if any(not any(e <= words_of for e in abbrevs[starts[i]])
                   for i in set(used) if starts[i] in abbrevs):
                continue
            # optional words count when they sit near the phrase, and (as above) not when
            # they are one word of an abbreviation ("chronic" of COPD is no "chronic cough")
            opt_in = 0
            for s in p.optional & present:
                near = min(where[s], key=lambda i: abs(i - used[0]))
                if (best[0] - OPTIONAL_REACH <= near <= best[1] + OPTIONAL_REACH and (
                        starts[near] not in abbrevs or any(e <= words_of for e in abbrevs[starts[near]]))):
                    used.append(near)
                    opt_in += 1
            # a title's "without X" the note does not mention costs nothing: the "without"
            # code is the default (K85.20 over its header K85.2 for "alcoholic pancreatitis")
            opt_out = len([s for s in p.optional if not s.startswith("no_")]) - opt_in + len(
                [s for s in p.optional if s.startswith("no_") and s in present])
            score = (len(p.required) + 0.4 * opt_in - 0.15 * opt_out + p.bonus
                     + (0.1 if p.source == "title" else 0)
                     - 0.05 * (best[1] - best[0] - len(p.required) + 1))
            cands.append(_Cand(p, span_of[best[0]][0], span_of[best[1]][1], score, pos=frozenset(used)))
        return cands

    def _rank(self, cands: list[_Cand]) -> list[_Cand]:
        """Group candidates by nested evidence; rank within each group; drop duplicates.

        A candidate that used a strict subset of the note words a better one used is a less
        specific reading of the same words and is dropped: "fracture of the neck of right
        femur" is not also "fracture of neck" (S12.9), "type 2 diabetes with neuropathy" is
        E11.40, not also E11 and G62.9 (the "with" convention: the combination code wins).
        A hypertensive combination (I11-I13) replaces only the hypertension codes: its heart
        failure or CKD stage is still coded beside it ("use additional code").
        """
        cands.sort(key=lambda c: (-c.score, c.phrase.code))
        groups: list[list[_Cand]] = []
        kept: list[_Cand] = []
        for c in cands:
            if any(x.score > c.score and _replaces(x, c) and (c.pos < x.pos or (
                    c.pos <= x.pos and x.phrase.code.startswith(c.phrase.code))) for x in kept):
                continue  # a less specific reading, or the header of a better code
            for g in groups:
                seed = g[0]
                nested = (seed.start <= c.start and c.end <= seed.end) or (
                    c.start <= seed.start and seed.end <= c.end)
                if nested and _replaces(seed, c):
                    if all(x.phrase.code != c.phrase.code for x in g) and len(g) < PER_MENTION:
                        g.append(c)
                        kept.append(c)
                    break
            else:
                groups.append([c])
                kept.append(c)
        out: list[_Cand] = []
        for g in groups:
            for i, c in enumerate(g, 1):
                c.rank = i
                out.append(c)
        return out

    def _history(self, text: str, ranked: list[_Cand], statuses: list[str]) -> list[Finding]:
        """History / family history of a condition -> the Z-code ICD-10-CM uses for it.

        The mapped code takes rank 1 of the mention; history codes matched directly from
        words ("family history of malignant neoplasm") follow it.
        """
        out: list[Finding] = []
        for c, status in zip(ranked, statuses):
            if status not in (ctx.HISTORY, ctx.FAMILY) or _is_history_code(c.phrase.code):
                continue
            if any(x.rank < c.rank and x.start <= c.start and c.end <= x.end and s == status
                   and not _is_history_code(x.phrase.code)
                   and history_code(x.phrase.code, status == ctx.FAMILY) is not None
                   for x, s in zip(ranked, statuses)):
                # only the best condition of a mention that has a history code is mapped:
                # "history of pulmonary embolism" reads first as I27.82 (chronic PE), which
                # has none, so I26 gives Z86.711
                continue
            z = history_code(c.phrase.code, status == ctx.FAMILY)
            if z and self.store.icd(z) is not None:
                what = "family history" if status == ctx.FAMILY else "history"
                conf = min(0.9, 0.35 + 0.1 * len(c.phrase.required))
                out.append(self._finding(z, "implied", ctx.CURRENT, c.start, c.end, conf, 1,
                                         f"{what} of {c.phrase.code}"))
        return out

    # ---- the whole note ------------------------------------------------------------------
    def detect(self, text: str) -> list[Finding]:
        findings: list[Finding] = []
        clauses = ctx.clauses(text)
        explicit_codes: set[str] = set()

        def clause_of(pos: int) -> ctx.Clause:
            for c in clauses:
                if c.start <= pos < c.end:
                    return c
            return ctx.Clause(0, len(text), ctx.CURRENT)

        for m in find_codes(text, self.store):
            status = ctx.status_at(text, clause_of(m.start), m.start, m.end)
            explicit_codes.add(m.code)
            findings.append(self._finding(m.code, "explicit", status, m.start, m.end, 1.0))
        implied: list[Finding] = []
        for clause in clauses:
            ranked = self._rank(self._match(text, clause.start, clause.end))
            # "Hx of diabetes / htn / COPD": the patient still has a chronic condition
            statuses = [ctx.CURRENT if s == ctx.HISTORY and is_chronic(c.phrase.code) else s
                        for c, s in ((c, ctx.status_at(text, clause, c.start, c.end)) for c in ranked)]
            hist = [h for h in self._history(text, ranked, statuses) if h.code not in explicit_codes]
            resolved = _resolved_spans(ranked, explicit_codes, self._history(text, ranked, statuses))
            # a mention whose code the note also writes out is settled: its alternatives are noise
            keep = [not any(a <= c.start and c.end <= b for a, b in resolved) for c in ranked]
            ranked = [c for c, k in zip(ranked, keep) if k]
            statuses = [st for st, k in zip(statuses, keep) if k]
            hist = [h for h in hist if not any(a <= h.start and h.end <= b for a, b in resolved)]
            here: list[Finding] = []
            for c, status in zip(ranked, statuses):
                if c.phrase.code in explicit_codes:
                    continue
                conf = max(0.05, min(0.95, 0.4 + 0.1 * len(c.phrase.required)) - 0.12 * (c.rank - 1))
                here.append(self._finding(c.phrase.code, "implied", status, c.start, c.end, conf, c.rank))
            for i, f in enumerate(here):
                if _is_history_code(f.code) and any(
                    h.code != f.code and f.start <= h.end and h.start <= f.end for h in hist
                ):
                    here[i] = replace(f, rank=f.rank + 1, confidence=round(f.confidence - 0.1, 2))
            implied.extend(here + hist)
        for code, a, b in find_bmi(text):
            if code not in explicit_codes and self.store.icd(code) is not None:
                status = ctx.status_at(text, clause_of(a), a, b)
                implied.append(self._finding(code, "implied", status, a, b, 0.8, 1, BMI_NOTE))
        for clause in clauses:
            for code, a, b in drugs.find_long_term(text, clause.start, clause.end, lambda: self._drug_names):
                if code not in explicit_codes and self.store.icd(code) is not None:
                    status = ctx.status_at(text, clause, a, b)
                    implied.append(self._finding(code, "implied", status, a, b, 0.6, 1,
                                                 "long-term (current) drug use"))
        if drugs.has_cue(text):
            names = self._drug_names
            for clause in clauses:
                for ev in drugs.find_events(text, clause.start, clause.end, names):
                    if ev.code not in explicit_codes and self.store.icd(ev.code) is not None:
                        status = ctx.status_at(text, clause, ev.start, ev.end)
                        implied.append(self._finding(ev.code, "implied", status, ev.start, ev.end, 0.75, 1,
                                                     f"{ev.kind} of {ev.drug} (Table of Drugs)"))
        for code, a, b in find_gestation(text):
            if code not in explicit_codes and self.store.icd(code) is not None:
                status = ctx.status_at(text, clause_of(a), a, b)
                implied.append(self._finding(code, "implied", status, a, b, 0.8, 1,
                                             "weeks of gestation: code beside the pregnancy codes"))
        findings.extend(_dedupe([self._with_seventh(text, f) for f in implied]))
        return findings

    def _with_seventh(self, text: str, f: Finding) -> Finding:
        """A code that needs a 7th character gets the one the note states ("initial
        encounter" -> A), when the completed code exists; otherwise the choices stay listed."""
        if not f.seventh:
            return f
        picked = seventh_rule.choose(text, dict(f.seventh))
        if picked is None:
            return f
        ch, why = picked
        full = seventh_rule.full_code(f.code, ch)
        if self.store.icd(full) is None:
            return f
        return self._finding(full, f.kind, f.status, f.start, f.end, f.confidence, f.rank,
                             f"7th character {ch}: the note says {why}")


def _replaces(better: _Cand, other: _Cand) -> bool:
    """Whether ``other`` is an alternative to ``better`` (the same condition read less well)
    rather than a code that goes beside it. A hypertensive combination code (I11-I13) stands
    in for the hypertension codes only; its heart failure or CKD stage is coded as well."""
    return better.phrase.source != "combination" or other.phrase.code.startswith("I1")


def _resolved_spans(ranked: list[_Cand], explicit: set[str], hist: list[Finding]) -> list[tuple[int, int]]:
    """Spans of mentions (candidate groups) that name a code also written in the note, directly,
    as an ancestor of it, or through its history Z-code ("history of breast cancer ... Z85.3")."""
    groups: list[list[_Cand]] = []
    for c in ranked:  # ``_rank`` lists each group's members together, rank 1 first
        if c.rank == 1 or not groups:
            groups.append([])
        groups[-1].append(c)
    out: list[tuple[int, int]] = []
    for g in groups:
        a, b = min(c.start for c in g), max(c.end for c in g)
        # settled by the same code, or by a written code below it (S72.00 -> S72.001A)
        if any(e.startswith(c.phrase.code) for c in g for e in explicit) or any(
                h.code in explicit and a <= h.start and h.end <= b for h in hist):
            out.append((a, b))
    return out


def _is_history_code(code: str) -> bool:
    return code[:3] in {"Z80", "Z81", "Z82", "Z83", "Z84", "Z85", "Z86", "Z87"} or code == "I25.2"


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """One finding per (code, status): the best ranked, then the most confident."""
    best: dict[tuple[str, str], Finding] = {}
    for f in findings:
        k = (f.code, f.status)
        cur = best.get(k)
        if cur is None or (f.rank, -f.confidence) < (cur.rank, -cur.confidence):
            best[k] = f
    return sorted(best.values(), key=lambda f: (f.start, f.rank, -f.confidence))
