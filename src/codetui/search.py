"""One search for the CLI and the TUI: codes by code or by words, ranked for medical text.

Code-shaped queries ("e119", "E11.", "9641", "-59") list exact then prefix code matches in code
order. Word queries use the inverted index of ``codetui.searchindex``: every query word is
matched exactly, by stem (diabetic ~ diabetes), by prefix (the word being typed), with typos
(1 edit in 5+ letters, 2 in 9+) or as an abbreviation ("copd"). Each word gives a map
document -> points; documents matching all words come first, then those matching most, by
points weighted by word rarity, then (tie-break over the first hits) those *about* the query --
an ICD code whose category title matches too, a HCPCS title that starts with the query words --
then by the static rank (billable/active, general title, code). "modifier 59" finds the modifier.
All heavy loops are C-level (dict.fromkeys, set/dict-view intersections, map) so a query costs
milliseconds on 115k documents.
"""

from __future__ import annotations

import heapq
import math
import re
from itertools import repeat
from operator import add, mul, sub
from typing import TYPE_CHECKING, Any

from codetui.abbrev import expand, synonyms
from codetui.searchindex import (
    F_BILLABLE,
    F_BILLABLE_KNOWN,
    F_LATER,
    SYSTEMS,
    TABLES,
    IndexData,
    alt_list,
)
from codetui.searchtext import stem, tokenize
from codetui.textclean import clean_query

if TYPE_CHECKING:
    from pathlib import Path

    from codetui.store import CodeStore

__all__ = ["SYSTEMS", "Hit", "SearchIndex", "parse_system"]

MAX_TOKENS = 12
_BIG = 1 << 12  # one more matched word outranks any points difference
_SHIFT = 1 << 24  # document numbers fit below this
_MAXT = (MAX_TOKENS + 1) * _BIG
_PREFIX_BUDGET = 60_000  # postings a typed prefix may pull in (most frequent completions first)

# (title, synonym, category label) points per kind of word match
_EXACT = (10, 9, 6)
_STEM = (9, 8, 5)
_PREFIX = (8, 7, 4)
_FUZZY1 = (7, 6, 3)
_FUZZY2 = (6, 5, 2)

_CODE_SHAPE = re.compile(r"^-?[A-Za-z0-9]{1,7}(?:\.[A-Za-z0-9]{0,4})?$")
# "modifier 59", "mod rt", "gy modifier": a modifier asked for by name and code
_MODIFIER_Q = re.compile(r"^(?:mod(?:ifier)?s?\s*[-#]?\s*-?([a-z0-9]{2})|-?([a-z0-9]{2})\s+mod(?:ifier)?s?)$", re.IGNORECASE)
_RERANK = 30  # hits past the limit that tie-breaks may lift into it
_NEGATED = re.compile(r"\b(?:without|not)\b[^,;]*")

_SYSTEM_NAMES = {
    "cpt": "CPT",
    "hcpcs": "HCPCS",
    "icd": "ICD-10-CM",
    "icd10": "ICD-10-CM",
    "icd10cm": "ICD-10-CM",
    "icd-10-cm": "ICD-10-CM",
    "icd-10": "ICD-10-CM",
    "mod": "Modifier",
    "modifier": "Modifier",
    "modifiers": "Modifier",
}


def parse_system(text: str | None) -> str | None:
    """'icd' / 'ICD-10-CM' / 'mod' ... -> a member of SYSTEMS; None for none; ValueError if unknown."""
    if text is None or not text.strip():
        return None
    key = text.strip().lower()
    if key in _SYSTEM_NAMES:
        return _SYSTEM_NAMES[key]
    raise ValueError(f"unknown system {text!r} (use cpt, hcpcs, icd or modifier)")


def build_index(store: CodeStore, today: str | None = None) -> IndexData:
    """Build the index of ``store`` (the builder is imported only on a cache miss)."""
    from codetui.searchbuild import build_index as build

    return build(store, today)


def _today() -> str:
    import time

    return time.strftime("%Y-%m-%d")  # as date.today().isoformat(), without importing datetime


_HIT_FIELDS = ("code", "table", "system", "title", "score", "terminated", "billable", "matched")


class Hit:
    """One search result; immutable, compared and hashed by value like a frozen dataclass.

    Written out by hand because ``dataclasses`` (with ``inspect``) costs ~4 ms to import, a
    tenth of a whole ``codetui search`` process.
    """

    __slots__ = _HIT_FIELDS
    code: str  # store key: "96417", "E11.42", "59"
    table: str  # "hcpcs" | "icd10cm" | "modifiers"
    system: str  # "CPT" | "HCPCS" | "ICD-10-CM" | "Modifier"
    title: str  # display title (store.record_title)
    score: float
    terminated: bool
    billable: bool | None  # ICD only
    matched: str  # what matched when it isn't the title, else ""

    def __init__(
        self,
        code: str,
        table: str,
        system: str,
        title: str,
        score: float,
        terminated: bool,
        billable: bool | None,
        matched: str,
    ) -> None:
        values = (code, table, system, title, score, terminated, billable, matched)
        for name, value in zip(_HIT_FIELDS, values):
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"Hit is immutable: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Hit is immutable: cannot delete {name!r}")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, f) for f in _HIT_FIELDS)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        inner = ", ".join(f"{f}={getattr(self, f)!r}" for f in _HIT_FIELDS)
        return f"Hit({inner})"

    def as_dict(self) -> dict[str, Any]:
        return {f: getattr(self, f) for f in _HIT_FIELDS}


class _Word:
    """One query word and the documents it matches, with points."""

    __slots__ = ("_stems", "_vocab", "expansions", "ids", "points", "text")

    def __init__(self, text: str, points: dict[int, int], ids: set[int] = frozenset(),  # type: ignore[assignment]
                 expansions: list[str] | None = None, vocab: Any = None) -> None:
        self.text = text
        self.points = points  # doc -> _BIG + weight * points
        self.ids = ids  # vocabulary ids counted as this word
        self.expansions = expansions or []  # abbreviation expansions used
        self._vocab = vocab
        self._stems: frozenset[str] | None = None

    @property
    def stems(self) -> frozenset[str]:
        """Stems of the words counted as this one, to explain a hit (decoded on first use)."""
        if self._stems is None:
            vocab = self._vocab
            self._stems = frozenset(stem(vocab[i]) for i in self.ids) if vocab is not None else frozenset()
        return self._stems


class SearchIndex:
    """Search over one IndexData. Immutable after construction; safe to share between threads."""

    def __init__(self, data: IndexData, today: str | None = None) -> None:
        self.data = data
        self.today = today or _today()
        self._n = max(len(data.codes), 2)
        self._by_len: dict[int, list[str]] | None = None

    # ---- construction ---------------------------------------------------------------------
    @classmethod
    def for_store(cls, store: CodeStore) -> SearchIndex:
        """The index of ``store``, from the disk cache when the store is a file."""
        if store.path is None:
            return cls(build_index(store))
        return cls.for_path(store.path, store.user_dir, store=store)

    @classmethod
    def for_path(
        cls,
        store_path: str | Path,
        user_dir: Path | None,
        *,
        store: CodeStore | None = None,
        cache_dir: Path | None = None,
    ) -> SearchIndex:
        """Load the cached index of the store file; open the store and rebuild only on a miss.

        The CLI calls this directly so a warm ``codetui search`` never parses the store.
        """
        from codetui.searchindex import cache_file, load_cached, save_cache

        if cache_dir is None:
            from codetui import paths

            cache_dir = paths.cache_dir()
        cfile = cache_file(store_path, user_dir, cache_dir)
        data = load_cached(cfile)
        if data is None:
            if store is None:
                from pathlib import Path

                from codetui.store import CodeStore

                store = CodeStore.open(Path(store_path), user_dir=user_dir)
            data = build_index(store)
            save_cache(cfile, data)
            data = load_cached(cfile) or data  # mapped: the built bytes (~25 MB) can go
        return cls(data)

    # ---- public ---------------------------------------------------------------------------
    def search(self, query: str, system: str | None = None, limit: int = 50) -> list[Hit]:
        """Best hits for ``query``: code matches first, then word matches."""
        q = clean_query(query)
        limit = max(1, int(limit))
        if system is not None and system not in SYSTEMS:
            system = parse_system(system)
        allowed = None if system is None else SYSTEMS.index(system)
        if not q:
            return []
        hits: list[Hit] = []
        seen: set[int] = set()
        words_too = True
        mod_q = _MODIFIER_Q.match(q.strip())
        if mod_q and allowed in (None, SYSTEMS.index("Modifier")):
            for doc, score in self._code_matches(mod_q.group(1) or mod_q.group(2), SYSTEMS.index("Modifier"), 1):
                if score >= 2.0:  # exact: the modifier itself, then the word matches
                    seen.add(doc)
                    hits.append(self._hit(doc, score, ""))
        if _CODE_SHAPE.match(q) and (any(c.isdigit() for c in q) or len(q.strip("-.")) <= 2):
            for doc, score in self._code_matches(q, allowed, limit):
                seen.add(doc)
                hits.append(self._hit(doc, score, ""))
            # "E11.9" / "-59" are codes only; "b12" or "xe" may also be a word in titles
            words_too = "." not in q and not q.startswith("-")
        if words_too and len(hits) < limit:
            words = self._words(q)
            for doc, score, matched in self._word_matches(words, allowed, limit + len(seen)):
                if doc not in seen:
                    hits.append(self._hit(doc, score, matched))
                    if len(hits) >= limit:
                        break
        return hits[:limit]

    # ---- codes ----------------------------------------------------------------------------
    def _code_matches(self, q: str, allowed: int | None, limit: int) -> list[tuple[int, float]]:
        key = q.strip().lstrip("-").replace(".", "").upper()
        if not key:
            return []
        if q.strip().startswith("-"):  # "-59" is how modifiers are written on a claim line
            allowed = SYSTEMS.index("Modifier") if allowed in (None, SYSTEMS.index("Modifier")) else -1
        d = self.data
        docs = d.code_docs
        keys = d.code_keys
        i = keys.bisect(key)
        exact: list[tuple[int, float]] = []
        prefix: list[tuple[int, float]] = []
        while i < len(keys) and (code := keys[i]).startswith(key) and len(prefix) < limit:
            doc = docs[i]
            if allowed is None or d.systems[doc] == allowed:
                if code == key:
                    exact.append((doc, 2.0))
                else:
                    prefix.append((doc, 1.0))
            i += 1
        return (exact + prefix)[:limit]

    # ---- words ----------------------------------------------------------------------------
    def _words(self, q: str) -> list[_Word]:
        tokens = tokenize(q, keep_slashed=True)
        typing = bool(tokens) and not q.endswith(" ") and q[-1:].isalnum()
        out: list[_Word] = []
        seen: set[str] = set()
        for i, tok in enumerate(tokens[:MAX_TOKENS]):
            if tok in seen:
                continue
            seen.add(tok)
            last = typing and i == len(tokens) - 1
            w = self._word(tok, prefix=last, single=len(tokens) == 1)
            if w is not None:
                out.append(w)
        return out

    def _completions(self, tok: str, exclude: set[int]) -> list[int]:
        """Ids of the words starting with ``tok`` (a contiguous vocabulary range)."""
        lo, hi = self.data.vocab.prefix_range(tok)
        out = [i for i in range(lo, hi) if i not in exclude]
        df = self.data.df_ids
        if sum(map(df.__getitem__, out)) > _PREFIX_BUDGET:
            # a short prefix: keep the most frequent completions
            out.sort(key=df.__getitem__, reverse=True)
            kept: list[int] = []
            budget = _PREFIX_BUDGET
            for i in out:
                budget -= df[i]
                if budget < 0:
                    break
                kept.append(i)
            out = kept
        return out

    def _fuzzy(self, tok: str) -> list[tuple[int, int]]:
        """(word id, edits) of index words within 1 edit (5-8 letters) or 2 edits (9+),
        transpositions count as 1."""
        if len(tok) < 5 or not tok.isalpha():
            return []
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        d = self.data
        if self._by_len is None:
            by_len: dict[int, list[str]] = {}
            for w in d.vocab:  # once per index, on the first misspelt word
                by_len.setdefault(len(w), []).append(w)
            self._by_len = by_len
        maxd = 2 if len(tok) >= 9 else 1
        choices: list[str] = []
        for n in range(len(tok) - maxd, len(tok) + maxd + 1):
            choices.extend(self._by_len.get(n, ()))
        found = process.extract(
            tok, choices, scorer=OSA.distance, processor=None, score_cutoff=maxd, limit=None
        )
        found.sort(key=lambda r: (r[1], -d.df(r[0])))
        return [(d.word_id(w), int(dist)) for w, dist, _ in found[:20]]

    def _weight(self, df: int) -> int:
        """1 (in every title) .. 10 (a rare word): rarer words decide more."""
        if df <= 0:
            return 10
        return max(1, min(10, 1 + round(9 * math.log(self._n / df) / math.log(self._n))))

    def _variant_ids(self, word: str) -> list[int]:
        """The word itself (when indexed) and every indexed word sharing its stem."""
        wid = self.data.word_id(word)
        variants = [i for i in self.data.stem_variant_ids(stem(word)) if i != wid]
        return [wid] + variants if wid >= 0 else variants

    def _docs_of(self, word: str) -> tuple[set[int], set[int]]:
        """(docs with the word or a stem variant in the title or a synonym, the same in any text)."""
        title: set[int] = set()
        other: set[int] = set()
        for i in self._variant_ids(word):
            t, syn, a = self.data.postings(i)
            title.update(t)
            title.update(syn)
            other.update(a)
        return title, title | other

    def _expansion_docs(self, expansion: str) -> tuple[set[int], set[int]]:
        title: set[int] | None = None
        anyw: set[int] | None = None
        for word in tokenize(expansion):
            t, a = self._docs_of(word)
            title = t if title is None else title & t
            anyw = a if anyw is None else anyw & a
        return title or set(), anyw or set()

    def _word(self, tok: str, *, prefix: bool, single: bool) -> _Word | None:
        d = self.data
        groups: list[tuple[tuple[int, int, int], list[int]]] = []
        wid = d.word_id(tok)
        exact = [wid] if wid >= 0 else []
        if exact:
            groups.append((_EXACT, exact))
        stems = [i for i in d.stem_variant_ids(stem(tok)) if i != wid]
        if stems:
            # "infections" / "infection": a plural is the same word, not a stem relative
            plural = {tok + "s", tok + "es", tok[:-1] if tok.endswith("s") else "", tok[:-2] if tok.endswith("es") else ""}
            same = [i for i in stems if d.vocab[i] in plural]
            if same:
                exact = exact + same
                groups = [(_EXACT, exact)]
                stems = [i for i in stems if i not in same]
            if stems:
                groups.append((_STEM, stems))
        expansions = expand(tok) + synonyms(tok)
        completions: list[int] = []
        if prefix and (len(tok) >= 3 or single):
            completions = self._completions(tok, set(exact) | set(stems))
            if completions:
                groups.append((_PREFIX, completions))
        if not exact and not stems and not completions and not expansions:
            fuzzy = self._fuzzy(tok)
            f1 = [i for i, dist in fuzzy if dist <= 1]
            f2 = [i for i, dist in fuzzy if dist == 2]
            if f1:
                groups.append((_FUZZY1, f1))
            if f2:
                groups.append((_FUZZY2, f2))
        if not groups and not expansions:
            if prefix and len(tok) <= 2 and not single:
                return None  # a word still being typed: ignore it rather than match nothing
            return _Word(tok, {})
        ids = {i for _, group in groups for i in group}
        df = sum(map(d.df_ids.__getitem__, ids))
        # (points, doc numbers): applied lowest first so a document keeps its best match
        layers: list[tuple[int, Any]] = []
        for (pt, ps, pa), group in groups:
            for i in group:
                t, syn, a = d.postings(i)
                if a:
                    layers.append((pa, a))
                if syn:
                    layers.append((ps, syn))
                if t:
                    layers.append((pt, t))
        for n, exp in enumerate(expansions):
            # the first expansion is what the abbreviation usually means; others score lower.
            # An abbreviation names a concept, so its synonyms count as much as titles.
            pt, _, pa = _EXACT if n == 0 else _STEM
            e_title, e_any = self._expansion_docs(exp)
            df += len(e_any)
            layers.append((pa, e_any))
            layers.append((pt, e_title))
        weight = self._weight(df)
        layers.sort(key=lambda layer: layer[0])
        points: dict[int, int] = {}
        for pts, docs in layers:
            points.update(dict.fromkeys(docs, _BIG + weight * pts))
        return _Word(tok, points, ids, expansions, d.vocab)

    def _word_matches(
        self, words: list[_Word], allowed: int | None, limit: int
    ) -> list[tuple[int, float, str]]:
        if not words:
            return []
        maps = sorted((w.points for w in words), key=len)
        full: set[int] = set(maps[0])
        for m in maps[1:]:
            if not full:
                break
            full = m.keys() & full
        if allowed is not None:
            sysb = self.data.systems
            full = {doc for doc in full if sysb[doc] == allowed}
        cands = full
        if len(full) < limit and len(maps) > 1:
            # partial credit: documents with the rarer words, ranked after the full matches
            cands = set(full)
            for m in maps:
                if len(m) > 30_000 and cands:
                    break
                cands.update(m)
            if allowed is not None:
                sysb = self.data.systems
                cands = {doc for doc in cands if sysb[doc] == allowed}
        if not cands:
            return []
        docs = list(cands)
        total: list[int] = list(map(maps[0].get, docs, repeat(0)))
        for m in maps[1:]:
            total = list(map(add, total, map(m.get, docs, repeat(0))))
        keys = map(add, map(mul, map(sub, repeat(_MAXT), total), repeat(_SHIFT)), docs)
        k = limit + _RERANK
        best = heapq.nsmallest(k, keys) if len(docs) > 4 * k else sorted(keys)[:k]
        best = self._tie_break(best, words, maps)[:limit]
        out: list[tuple[int, float, str]] = []
        for key in best:
            doc = key % _SHIFT
            score = (_MAXT - key // _SHIFT) / (_BIG * len(words))
            out.append((doc, round(score, 4), self._matched(doc, words)))
        return out

    def _tie_break(self, keys: list[int], words: list[_Word], maps: list[dict[int, int]]) -> list[int]:
        """Among hits with equal points, first those that are *about* the query:

        - ICD-10-CM: the code's category title matches every query word too ("pulmonary
          embolism": I26.99 under I26 Pulmonary embolism before I27.82 under I27 Other pulmonary
          heart diseases);
        - ICD-10-CM, HCPCS and CPT (a descriptor or codetui's summary): the title starts with the
          query words, in any order ("oxygen concentrator": E1390 "Oxygen concentrator, ..."
          before accessories "for portable concentrator"; "covid": U07.1 "COVID-19" although its
          category is a placeholder; "critical care": 99291);
        - never a title that negates a query word ("Bronchitis, not specified as acute").
        Only the points tie is broken; the static rank decides the rest.
        """
        d = self.data
        icd, hcpcs, cpt = SYSTEMS.index("ICD-10-CM"), SYSTEMS.index("HCPCS"), SYSTEMS.index("CPT")
        # the head of a title counts only for words typed as such (not "esrd" = end stage renal
        # disease, where the HCPCS titles that literally start with ESRD are not the concept)
        word_ids = [w.ids for w in words] if not any(w.expansions for w in words) else []
        all_ids = [w.ids for w in words]

        def head(doc: int) -> bool:
            if not (word_ids and all(word_ids)):
                return False
            hids = [d.word_id(t) for t in tokenize(d.titles[doc])[: len(words)]]
            return all(any(h in ids for h in hids) for ids in word_ids)

        def negated(doc: int) -> bool:
            """A query word inside 'without ...' / 'not ...': the title says the opposite
            ("Vomiting without nausea" for "nausea and vomiting")."""
            for m in _NEGATED.finditer(d.titles[doc].lower()):
                for t in tokenize(m.group(0)):
                    wid = d.word_id(t)
                    if any(wid in ids for ids in all_ids):
                        return True
            return False

        def about(doc: int) -> bool:
            if d.flags[doc] & F_LATER or d.term_dates.get(doc, "9999") < self.today or negated(doc):
                return False  # never lift what the static rank holds back
            system = d.systems[doc]
            if system == icd:
                if d.flags[doc] & F_BILLABLE_KNOWN and not d.flags[doc] & F_BILLABLE:
                    return False
                if head(doc):
                    return True
                key = d.codes[doc].replace(".", "")[:3]
                i = d.code_keys.bisect(key)
                if i >= len(d.code_keys) or d.code_keys[i] != key:
                    return False
                cat = d.code_docs[i]
                return cat == doc or all(cat in m for m in maps)  # a 3-character code is its category
            if system == cpt and d.titles[doc].startswith("["):
                return False  # a bracketed RBCS/CCS class, not a title of the code
            return system in (hcpcs, cpt) and head(doc)

        return sorted(keys, key=lambda key: (key // _SHIFT, not about(key % _SHIFT), key))

    def _matched(self, doc: int, words: list[_Word]) -> str:
        """The inclusion/index term or abbreviation expansion that matched, '' for the title."""
        title_stems = {stem(w) for w in tokenize(self.data.titles[doc])}

        def covers(stems: set[str], w: _Word) -> bool:
            return not w.stems.isdisjoint(stems)

        def exp_in(stems: set[str], w: _Word) -> str:
            for exp in w.expansions:
                if all(stem(x) in stems for x in tokenize(exp)):
                    return exp
            return ""

        notes: list[str] = []
        missing: list[_Word] = []
        for w in words:
            if doc not in w.points or covers(title_stems, w):
                continue
            exp = exp_in(title_stems, w)
            if exp:
                notes.append(f"{w.text.upper()} = {exp}")
            else:
                missing.append(w)
        if missing:
            best, best_n = "", 0
            for alt in alt_list(self.data.alts, doc):
                stems = {stem(x) for x in tokenize(alt)}
                n = sum(1 for w in missing if covers(stems, w) or exp_in(stems, w))
                if n > best_n:
                    best, best_n = alt, n
            if best:
                notes.append(best)
        return "; ".join(notes)

    # ---- hits -----------------------------------------------------------------------------
    def _hit(self, doc: int, score: float, matched: str) -> Hit:
        d = self.data
        flags = d.flags[doc]
        term = d.term_dates.get(doc, "")
        return Hit(
            code=d.codes[doc],
            table=TABLES[d.tables[doc]],
            system=SYSTEMS[d.systems[doc]],
            title=d.titles[doc],
            score=score,
            terminated=bool(term) and term < self.today,
            billable=bool(flags & F_BILLABLE) if flags & F_BILLABLE_KNOWN else None,
            matched=matched,
        )
