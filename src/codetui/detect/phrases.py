"""The words -> codes index: every ICD-10-CM title and inclusion term as a bag of stems.

A phrase matches a stretch of a note when all its *required* stems occur there; *optional*
stems (disorder, unspecified, the cause after "due to" ...) only add to the score. Each
phrase is filed under its rarest required stem, so a note looks up only the phrases that
could possibly match.

Building takes over a second on the full store, and even loading 60 000 phrases back costs
half a second, which a one-shot ``codetui detect`` pays on every run. So the built index is
an SQLite file under ``paths.cache_dir()`` (keyed by the store file's size and mtime) with
the phrases keyed by stem: a note reads only the rows for the stems it contains, a few
milliseconds. The file holds code titles only, never note text. Stores without a file
(tests) get the same index in memory.
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from codetui import paths
from codetui.detect import text as text_module
from codetui.detect.text import OPTIONAL_STEMS, marked_words, words

INDEX_VERSION = 11  # bump whenever the phrases built from a store change
_PREFIX = "detect-phrases-"
_PARENS = re.compile(r"\([^)]*\)")
# "Panic disorder [episodic paroxysmal anxiety]": square brackets hold synonyms and
# alternative wordings (ICD-10-CM conventions I.A.7), never words a note must repeat
_BRACKETS = re.compile(r"\[([^\]]*)\]")
# "Hyperemesis gravidarum, mild or unspecified, ...": a qualifier the note may leave out
_OR_UNSPEC = re.compile(r"\b(\w+) or unspecified\b", re.IGNORECASE)
# "Dizziness and giddiness", "Hypo-osmolality and hyponatremia": a title naming two
# conditions is reached by either one (the Alphabetic Index lists both lead terms)
_ALTERNATIVES = re.compile(r"^([\w'-]+(?: [\w'-]+)?) (?:and|or) ([\w'-]+(?: [\w'-]+)?)$")
# the cause ends at "with": in "Diabetes mellitus due to underlying condition with diabetic
# neuropathy" the neuropathy is the condition, not part of the cause
_DUE_TO = re.compile(r"\bdue to\b((?:(?!\bwith\b)[^,;])*)", re.IGNORECASE)
# "Sprain of unspecified ligament of left ankle": a note that names no ligament still means it
_UNSPEC_PART = re.compile(r"\bof unspecified (\w+)(?= of\b)", re.IGNORECASE)
_SKIP_KINDS = {"chapter", "block"}
_SQL_VARS = 500  # stems per query (well under SQLite's host-parameter limit)

# ICD-10-CM's "with" convention presumes some links even when the note does not state them
# (guideline I.A.15, I.C.9.a): hypertension with CKD or heart failure is a hypertensive
# combination code. The titles do not use the words a note uses, so these phrases are given
# in note words; the pieces (I10, N18.x) are still found on their own.
COMBINATIONS: tuple[tuple[str, str], ...] = (
    ("I12.9", "hypertension chronic kidney disease"),
    ("I12.9", "hypertensive chronic kidney disease"),
    ("I12.0", "hypertension chronic kidney disease stage 5"),
    ("I12.0", "hypertension end stage kidney disease"),
    ("I11.0", "hypertension heart failure"),
    ("I11.0", "hypertensive heart failure"),
    ("I13.0", "hypertension heart failure chronic kidney disease"),
    ("I13.2", "hypertension heart failure chronic kidney disease stage 5"),
    ("I13.2", "hypertension heart failure end stage kidney disease"),
)

# Conditions in note words that *replace* the readings inside them (unlike the hypertensive
# combinations above, which go beside their pieces).
NOTE_PHRASES: tuple[tuple[str, str], ...] = (
    # sequelae of cerebral infarction (I69.3-): a note's "old CVA with residual left
    # hemiparesis"; with no handedness the left side is the non-dominant one (I.C.9.d)
    ("I69.354", "following cerebral infarction left hemiplegia"),
    ("I69.351", "following cerebral infarction right hemiplegia"),
    ("I69.359", "following cerebral infarction hemiplegia"),
    ("I69.320", "following cerebral infarction aphasia"),
    ("I69.391", "following cerebral infarction dysphagia"),
    ("I69.392", "following cerebral infarction facial weakness"),
    # exposure is not the disease: Z20.822, not U07.1
    ("Z20.822", "exposure covid 19"),
    ("Z20.822", "exposed covid 19"),
    # Index defaults for a bare lead term whose titles all add a qualifier
    # ("Hyperemesis gravidarum (mild)" O21.0; "Bronchiolitis (acute)" J21.9)
    ("O21.0", "hyperemesis gravidarum"),
)


@dataclass(frozen=True)
class Phrase:
    code: str
    required: frozenset[str]
    optional: frozenset[str]
    source: str  # "title" | "inclusion" | "alternative" | "neoplasm" | "combination" | "note"
    bonus: float = 0.0  # from the code's record: billable, "other ...", manifestation


def _phrase(code: str, text: str, source: str, bonus: float = 0.0) -> Phrase | None:
    text = _PARENS.sub(" ", text)
    detail: set[str] = set()
    for rx in (_BRACKETS, _OR_UNSPEC):
        for m in rx.finditer(text):
            detail |= {s for s, _, _ in marked_words(m.group(1))}
        text = rx.sub(" ", text)
    # pregnancy codes keep their whole title: "Cardiac failure due to anesthesia during
    # pregnancy" is never plain "CHF"
    due = None if code.startswith("O") else _DUE_TO.search(text)
    if due:  # "obesity due to excess calories": the cause is detail a note may omit
        detail |= {s for s, _, _ in marked_words(due.group(1))}
        text = text[: due.start()] + text[due.end():]
    for m in _UNSPEC_PART.finditer(text):
        detail |= {s for s, _, _ in marked_words(m.group(1))}
        text = text[: m.start(1)] + " " * len(m.group(1)) + text[m.end(1):]
    # "Other seasonal allergic rhinitis": notes never say "other" (the title's -0.3 stays)
    if text[:6].lower() == "other ":
        text = text[6:]
    stems = {s for s, _, _ in marked_words(text)}
    required = {s for s in stems if s not in OPTIONAL_STEMS and not s.startswith("no_")}
    if not required:
        return None
    optional = (stems | detail) - required
    if detail - required:
        # a cause the note leaves out: the "unspecified organism" code comes first, while a
        # note that names the cause still gets +0.4 per matched word
        bonus -= 0.2
    return Phrase(code, frozenset(required), frozenset(optional), source, round(bonus, 2))


def _bonus(rec: dict[str, Any]) -> float:
    """Score adjustments known from the record alone (so matching needs no store lookups)."""
    title = rec.get("title", "").lower()
    b = 0.2 if rec.get("billable") else 0.0
    if "with unspecified" in title or title.startswith("other"):
        b -= 0.3
    elif _is_default(rec):
        b += 0.15  # the default code for a bare condition word (J18.9 for "pneumonia")
    if "classified elsewhere" in title:
        b -= 0.6  # manifestation codes are never listed first
    return b


def _is_default(rec: dict[str, Any]) -> bool:
    """A billable "..., unspecified" code: what a bare condition word is coded as."""
    title = rec.get("title", "").lower()
    return bool(rec.get("billable")) and "unspecified" in title and "with unspecified" not in title


def _neoplasm_phrase(term: dict[str, Any]) -> Phrase | None:
    """'Neoplasm, colon' + Malignant Primary column -> 'malignant neoplasm colon' -> C18.9."""
    parts = [p.strip() for p in term.get("term", "").split(",")]
    code = (term.get("codes") or {}).get("Malignant Primary", "")
    if len(parts) < 2 or len(parts) > 3 or not code or code.endswith("-"):
        return None
    return _phrase(code, "malignant neoplasm " + " ".join(parts[1:]), "neoplasm", 0.2)


def phrases_from(store: Any) -> list[Phrase]:
    out: list[Phrase] = []
    for code, rec in store.icd_table.items():
        if rec.get("kind") in _SKIP_KINDS:
            continue
        if rec.get("seventh_from") and len(code.replace(".", "")) == 7:
            continue  # 7th-character expansions: matched through their 6-character parent
        bonus = _bonus(rec)
        for text, source in [(rec.get("title", ""), "title")] + [
            (t, "inclusion") for t in [*rec.get("inclusion", ()), *rec.get("includes", ())]
        ]:
            nos = (source == "inclusion" and text.rstrip().endswith(" NOS") and rec.get("billable")
                   and not _is_default(rec))  # once: "Heart failure, unspecified" has its bonus
            p = _phrase(code, text, source, bonus + (0.15 if nos else 0.0))
            if p is not None:
                out.append(p)
            alt = _ALTERNATIVES.match(_PARENS.sub("", text).strip()) if source == "title" else None
            for part in alt.groups() if alt else ():
                # below a title that names the condition alone ("Nausea" R11.0 stays first)
                q = _phrase(code, part, "alternative", bonus - 0.3)
                if q is not None and not q.required <= OPTIONAL_STEMS:
                    out.append(q)
    for term in store.table("terms").values():
        if term.get("source") == "neoplasm":
            p = _neoplasm_phrase(term)
            if p is not None and store.icd(p.code) is not None:
                out.append(p)
    for table, source in ((COMBINATIONS, "combination"), (NOTE_PHRASES, "note")):
        for code, text in table:
            if store.icd(code) is not None:
                stems = set(words(text))
                required = frozenset(stems - OPTIONAL_STEMS)
                # above the pieces: a combination code is listed before the codes it combines
                out.append(Phrase(code, required, frozenset(stems - required), source, 1.0))
    return out


def _key_of(phrases: list[Phrase]) -> list[str]:
    """Each phrase's rarest required stem (ties by the stem itself, so keys are stable)."""
    freq = Counter(s for p in phrases for s in p.required)
    return [min(p.required, key=lambda s: (freq[s], s)) for p in phrases]


class PhraseSource(Protocol):
    def candidates(self, stems: set[str]) -> list[Phrase]: ...


class PhraseIndex:
    """Phrases filed by their rarest required stem, in memory."""

    def __init__(self, phrases: Iterable[Phrase]) -> None:
        self.phrases = list(phrases)
        self.by_key: dict[str, list[Phrase]] = {}
        for p, key in zip(self.phrases, _key_of(self.phrases)):
            self.by_key.setdefault(key, []).append(p)

    def candidates(self, stems: set[str]) -> list[Phrase]:
        out: list[Phrase] = []
        for s in stems:
            for p in self.by_key.get(s, ()):
                if p.required <= stems:
                    out.append(p)
        return out

    @classmethod
    def for_store(cls, store: Any) -> PhraseSource:
        """The cached SQLite index for a store opened from a file; else built in memory."""
        cache = _cache_file(store)
        phrases: list[Phrase] | None = None
        if cache is not None:
            for attempt in range(2):
                if attempt or not cache.exists():  # missing, or broken: (re)build it once
                    phrases = phrases if phrases is not None else phrases_from(store)
                    _write_sqlite(cache, phrases)
                try:
                    return SqlitePhraseIndex(cache)
                except (OSError, sqlite3.Error):
                    pass  # unwritable cache dir: only costs speed
        return cls(phrases if phrases is not None else phrases_from(store))


class SqlitePhraseIndex:
    """The same lookups over the cached SQLite file; rows are read per stem and memoised."""

    def __init__(self, path: Path) -> None:
        self._conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()  # the TUI scans notes in a worker thread
        self._loaded: dict[str, list[Phrase]] = {}
        try:
            row = self._conn.execute("SELECT value FROM info WHERE name = 'version'").fetchone()
            if row is None or row[0] != str(INDEX_VERSION):
                raise sqlite3.DatabaseError("phrase index of another version")
        except sqlite3.Error:
            self._conn.close()
            raise

    def _load(self, stems: list[str]) -> None:
        with self._lock:
            for s in stems:
                self._loaded[s] = []
            for i in range(0, len(stems), _SQL_VARS):
                part = stems[i:i + _SQL_VARS]
                marks = ",".join("?" * len(part))
                for key, code, req, opt, source, bonus in self._conn.execute(
                    f"SELECT key, code, req, opt, source, bonus FROM phrases WHERE key IN ({marks})", part
                ):
                    self._loaded[key].append(Phrase(code, frozenset(req.split()), frozenset(opt.split()),
                                                    source, bonus))

    def candidates(self, stems: set[str]) -> list[Phrase]:
        missing = [s for s in stems if s not in self._loaded]
        if missing:
            self._load(missing)
        return [p for s in stems for p in self._loaded[s] if p.required <= stems]


def _write_sqlite(cache: Path, phrases: list[Phrase]) -> None:
    """Write the index next to its final name and move it in place (readers never see half)."""
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
        tmp.unlink(missing_ok=True)
        conn = sqlite3.connect(tmp)
        try:
            conn.execute("CREATE TABLE info (name TEXT PRIMARY KEY, value TEXT)")
            conn.execute("CREATE TABLE phrases (key TEXT, code TEXT, req TEXT, opt TEXT, source TEXT, bonus REAL)")
            conn.executemany(
                "INSERT INTO phrases VALUES (?, ?, ?, ?, ?, ?)",
                sorted((k, p.code, " ".join(sorted(p.required)), " ".join(sorted(p.optional)), p.source, p.bonus)
                       for p, k in zip(phrases, _key_of(phrases))),
            )
            conn.execute("CREATE INDEX phrases_key ON phrases (key)")
            conn.execute("INSERT INTO info VALUES ('version', ?)", (str(INDEX_VERSION),))
            conn.commit()
        finally:
            conn.close()
        tmp.replace(cache)
        _drop_stale(cache)
    except (OSError, sqlite3.Error):
        pass  # a read-only cache dir only costs speed


def _drop_stale(keep: Path) -> None:
    """Phrase indexes of older versions (JSON up to v5), or built from this same store by
    older rules, are dead weight. Other stores' files stay: one cache dir may serve several."""
    current = f"{_PREFIX}v{INDEX_VERSION}-"
    same_store = "-" + "-".join(keep.name.rsplit("-", 2)[-2:])  # "-<size>-<mtime>.sqlite"
    for old in keep.parent.glob(_PREFIX + "*"):
        if old == keep or old.name.endswith(".tmp"):
            continue
        if not old.name.startswith(current) or old.name.endswith(same_store):
            try:
                old.unlink()
            except OSError:
                pass


def _cache_file(store: Any) -> Path | None:
    path = getattr(store, "path", None)
    if path is None:
        return None
    try:
        st = Path(path).stat()
    except OSError:
        return None
    return paths.cache_dir() / f"{_PREFIX}v{INDEX_VERSION}-{_code_stamp()}-{st.st_size}-{int(st.st_mtime)}.sqlite"


def _code_stamp() -> str:
    """A checksum of the modules that shape the phrases, so an edited rule never meets an
    index built by the old one (a forgotten INDEX_VERSION bump included)."""
    crc = 0
    for mod in (__file__, text_module.__file__):
        try:
            crc = zlib.crc32(Path(mod).read_bytes(), crc)
        except (OSError, TypeError):
            pass  # no sources (a frozen install): INDEX_VERSION alone keys the file
    return f"{crc:08x}"
