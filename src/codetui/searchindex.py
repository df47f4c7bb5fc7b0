"""The derived search index: built once from a store, cached on disk, loaded in milliseconds.

Scanning 115k titles per keystroke is too slow, so the store is turned into an inverted index
(word -> sorted document numbers, separately for titles with their synonyms -- inclusion terms,
index terms, short descriptors -- and for broader CCS/RBCS category labels). Document numbers follow a static rank
(billable/active first, short titles first, then code order) so "the first k of a posting list"
are already the best ties. Everything is plain str/bytes/list/dict so ``marshal`` can store it:
loading the cache is far faster than re-reading the 40 MB store, which the CLI then never opens.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import marshal
import os
import re
import zlib
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from codetui.searchtext import stem, tokenize

if TYPE_CHECKING:
    from codetui.store import CodeStore

# Bump when the layout or the tokenizing changes: old cache files are then ignored.
INDEX_VERSION = 7

TABLES: tuple[str, ...] = ("hcpcs", "icd10cm", "modifiers")
SYSTEMS: tuple[str, ...] = ("CPT", "HCPCS", "ICD-10-CM", "Modifier")

# flag bits per document
F_BILLABLE_KNOWN = 1  # ICD: billable is meaningful
F_BILLABLE = 2
F_TERMINATED = 4  # as of the build day; recomputed from term_dates at query time

_LONG_TITLE = 60  # token count used for documents without a title (CPT without descriptors)


@dataclass
class IndexData:
    """Everything the search needs; field order is the on-disk order."""

    codes: "Packed"  # store key per document number
    tables: bytes  # index into TABLES
    systems: bytes  # index into SYSTEMS
    flags: bytes
    titles: "Packed"
    alts: "Packed"  # per doc: other searchable texts joined by ALT_SEP (for "matched")
    term_dates: dict[int, str]  # doc -> HCPCS termination date (ISO)
    vocab: "Packed"  # sorted words: word id = position (bisect; prefix completion)
    tblob: bytes  # array('i'): per word, the doc numbers whose title has it
    toff: bytes  # array('i'): word id -> start in tblob (len(vocab) + 1 entries)
    sblob: bytes  # per word, doc numbers having it in a synonym (inclusion/index term) only
    soff: bytes
    ablob: bytes  # per word, doc numbers having it only in a CCS/RBCS label
    aoff: bytes
    stem_keys: "Packed"  # sorted stems (only those shared by >= 2 words), one row per word
    stem_words: "Packed"  # aligned with stem_keys
    code_keys: "Packed"  # sorted compact codes ("E1142", "96417", "59")
    code_docs: bytes  # array('i') aligned with code_keys
    built_on: str  # ISO date the terminated flags were computed on
    next_change: str  # first termination date after built_on ("" if none)

    def __post_init__(self) -> None:
        self._t = memoryview(self.tblob).cast("i")
        self._to = memoryview(self.toff).cast("i")
        self._s = memoryview(self.sblob).cast("i")
        self._so = memoryview(self.soff).cast("i")
        self._a = memoryview(self.ablob).cast("i")
        self._ao = memoryview(self.aoff).cast("i")
        n = len(self.vocab) + 1
        if not len(self._to) == len(self._so) == len(self._ao) == n:
            raise ValueError("search index postings do not match the vocabulary")

    # ---- lookups (all by bisection over packed sorted strings; no per-word objects) ------
    def word_id(self, word: str) -> int:
        """Position of ``word`` in the vocabulary, -1 when no document has it."""
        i = bisect.bisect_left(self.vocab, word)
        return i if i < len(self.vocab) and self.vocab[i] == word else -1

    def title_postings(self, word: str) -> memoryview | None:
        """Doc numbers (ascending = best static rank first) with ``word`` in title/synonyms."""
        i = self.word_id(word)
        if i < 0 or self._to[i] == self._to[i + 1]:
            return None
        return self._t[self._to[i] : self._to[i + 1]]

    def synonym_postings(self, word: str) -> memoryview | None:
        i = self.word_id(word)
        if i < 0 or self._so[i] == self._so[i + 1]:
            return None
        return self._s[self._so[i] : self._so[i + 1]]

    def label_postings(self, word: str) -> memoryview | None:
        i = self.word_id(word)
        if i < 0 or self._ao[i] == self._ao[i + 1]:
            return None
        return self._a[self._ao[i] : self._ao[i + 1]]

    def df(self, word: str) -> int:
        i = self.word_id(word)
        if i < 0:
            return 0
        return self._to[i + 1] - self._to[i] + self._so[i + 1] - self._so[i] + self._ao[i + 1] - self._ao[i]

    def stem_variants(self, stem_key: str) -> list[str]:
        """Every indexed word with this stem (empty when only one word has it)."""
        i = bisect.bisect_left(self.stem_keys, stem_key)
        out: list[str] = []
        while i < len(self.stem_keys) and self.stem_keys[i] == stem_key:
            out.append(self.stem_words[i])
            i += 1
        return out

    def to_bytes(self) -> bytes:
        values: list[Any] = [getattr(self, f) for f in _FIELDS]
        values = [(v.blob, v.offsets) if isinstance(v, Packed) else v for v in values]
        return marshal.dumps((INDEX_VERSION, tuple(values)))

    @classmethod
    def from_bytes(cls, data: bytes) -> "IndexData":
        version, values = marshal.loads(data)
        if version != INDEX_VERSION or len(values) != len(_FIELDS):
            raise ValueError("search cache version mismatch")
        values = list(values)
        for i in _PACKED:
            blob, offsets = values[i]
            if not isinstance(blob, str) or not isinstance(offsets, bytes):
                raise ValueError("search cache corrupt")
            values[i] = Packed(blob, offsets)
        return cls(*values)


class Packed:
    """A read-only list of strings kept as one string plus offsets.

    Unpacking 120k titles into str objects costs tens of milliseconds at every start; a hit list
    needs fifty of them, so they are sliced out on demand.
    """

    __slots__ = ("blob", "offsets", "_off")

    def __init__(self, blob: str, offsets: bytes) -> None:
        self.blob = blob
        self.offsets = offsets
        self._off = memoryview(offsets).cast("i")

    @classmethod
    def of(cls, items: list[str]) -> "Packed":
        offs = [0]
        for item in items:
            offs.append(offs[-1] + len(item))
        return cls("".join(items), array("i", offs).tobytes())

    def __len__(self) -> int:
        return len(self._off) - 1

    def __getitem__(self, i: int) -> str:
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self.blob[self._off[i] : self._off[i + 1]]

    def __iter__(self) -> Iterator[str]:
        return (self[i] for i in range(len(self)))


ALT_SEP = "\x1f"


def alt_list(packed: Packed, doc: int) -> list[str]:
    text = packed[doc]
    return text.split(ALT_SEP) if text else []


_FIELDS = tuple(IndexData.__dataclass_fields__)
_PACKED = tuple(
    i for i, f in enumerate(_FIELDS) if f in ("codes", "titles", "alts", "code_keys", "vocab", "stem_keys", "stem_words")
)


def _ints(values: list[int]) -> bytes:
    return array("i", values).tobytes()


def _postings(vocab: list[str], post: dict[str, list[int]]) -> tuple[bytes, bytes]:
    """All posting lists in vocabulary order as one int array, plus start offsets."""
    flat = array("i")
    offs = array("i", [0])
    for w in vocab:
        flat.extend(post.get(w, ()))
        offs.append(len(flat))
    return flat.tobytes(), offs.tobytes()


def _index_terms(store: "CodeStore") -> dict[str, list[str]]:
    """ICD key -> index-term texts ("Neoplasm, bladder, dome - Malignant Primary").

    Index codes may omit the 7th character ("T39.1X1"); those resolve to the record itself (and
    its billable "A" initial-encounter code) when the store has it, else to the first stored
    code starting with it.
    """
    import bisect

    icd = store.icd_table
    keys = sorted(icd)
    out: dict[str, list[str]] = {}
    for doc in store.table("terms").values():
        term = doc.get("term", "")
        for column, code in (doc.get("codes") or {}).items():
            key = code if code in icd else ""
            if not key:
                i = bisect.bisect_left(keys, code)
                if i < len(keys) and keys[i].startswith(code):
                    key = keys[i]
            if not key:
                continue
            text = term if column in ("code", "subcat", "seecat") else f"{term} - {column}"
            targets = [key]
            if not icd[key].get("billable") and icd.get(key + "A", {}).get("billable"):
                targets.append(key + "A")  # "T39.1X1-": the initial encounter is what gets billed
            for target in targets:
                lst = out.setdefault(target, [])
                if text not in lst:
                    lst.append(text)
    return out


def _hcpcs_texts(rec: dict[str, Any], title: str) -> tuple[list[str], list[str]]:
    """(synonyms: the short descriptor; labels: CCS and RBCS categories) of a CPT/HCPCS code."""
    syns: list[str] = []
    labels: list[str] = []
    short = (rec.get("anweb") or {}).get("short", "")
    if short and short.lower() != title.lower():
        syns.append(short)
    ccs = rec.get("ccs")
    if ccs and ccs.get("label"):
        labels.append(f"CCS: {ccs['label']}")
    rbcs = rec.get("rbcs")
    if rbcs:
        parts = [rbcs.get(k, "") for k in ("category", "subcategory", "family")]
        label = " / ".join(p for p in parts if p and p.lower() not in ("no relevant family", "na"))
        if label:
            labels.append(f"RBCS: {label}")
    return syns, labels


# Words that make a title longer without making it more specific: "Heart failure, unspecified"
# is the default heart failure code, not a narrower one.
_NEUTRAL = frozenset("unspecified nos not specified site organism elsewhere classified".split())
_PARENS = re.compile(r"\([^)]*\)")


def specificity(title: str) -> int:
    """Words that narrow a title down (parenthesised nonessential modifiers and 'unspecified'
    do not); fewer means more general, which wins ties."""
    return sum(1 for w in tokenize(_PARENS.sub(" ", title)) if w not in _NEUTRAL)


def _is_seventh(key: str, rec: dict[str, Any]) -> bool:
    return bool(rec.get("seventh_from")) and len(key) == 8


def _icd_base_title(store: "CodeStore", key: str, rec: dict[str, Any]) -> str:
    """The title without the 7th-character part ("..., initial encounter for closed fracture")."""
    if _is_seventh(key, rec):
        base = store.icd_table.get(key[:-1])
        if base is not None:
            return str(base.get("title", ""))
    return str(rec["title"]) if "title" in rec else ""


def build_index(store: "CodeStore", today: str | None = None) -> IndexData:
    """Turn a store into an IndexData (2-3 s on the full store, then cached)."""
    today = today or _dt.date.today().isoformat()
    index_terms = _index_terms(store)
    raw: list[tuple[tuple[Any, ...], str, int, int, int, str, list[str], list[str], str]] = []
    for t_i, table in enumerate(TABLES):
        for key, rec in store.table(table).items():
            if table == "icd10cm" and rec.get("kind") not in ("category", "code"):
                continue
            title = store.record_title(table, rec)
            rank_title = title
            term = ""
            flags = 0
            labels: list[str] = []
            if table == "hcpcs":
                system = rec.get("system") or ("HCPCS" if key[:1].isalpha() else "CPT")
                syns, labels = _hcpcs_texts(rec, title)
                term = (rec.get("anweb") or {}).get("term", "")
                if term and term < today:
                    flags |= F_TERMINATED
            elif table == "icd10cm":
                system = "ICD-10-CM"
                syns = list(rec.get("inclusion", ())) + list(rec.get("includes", ())) + index_terms.get(key, [])
                flags |= F_BILLABLE_KNOWN | (F_BILLABLE if rec.get("billable") else 0)
                rank_title = _icd_base_title(store, key, rec)
            else:
                system = "Modifier"
                syns = []
            bad = bool(flags & F_TERMINATED) or (table == "icd10cm" and not rec.get("billable"))
            # 7th-character siblings: the initial encounter ("A", or "0") first, the rest later
            later = table == "icd10cm" and (
                (_is_seventh(key, rec) and key[-1] not in "A0")
                # manifestation codes can never be listed first on a claim
                or "in diseases classified elsewhere" in title.lower()
            )
            words = specificity(rank_title) if title else _LONG_TITLE
            compact = key.replace(".", "").upper()
            rank = (bad, later, words, len(compact), len(rank_title), compact)
            raw.append((rank, key, t_i, SYSTEMS.index(system), flags, title, syns, labels, term))
    raw.sort(key=lambda r: r[0])

    codes: list[str] = []
    tables = bytearray()
    systems = bytearray()
    flag_b = bytearray()
    titles: list[str] = []
    alts: list[str] = []
    term_dates: dict[int, str] = {}
    tpost: dict[str, list[int]] = {}
    spost: dict[str, list[int]] = {}
    apost: dict[str, list[int]] = {}
    code_pairs: list[tuple[str, int]] = []
    for doc, (_, key, t_i, s_i, flags, title, syns, labels, term) in enumerate(raw):
        codes.append(key)
        tables.append(t_i)
        systems.append(s_i)
        flag_b.append(flags)
        titles.append(title)
        alts.append(ALT_SEP.join(syns + labels))
        if term:
            term_dates[doc] = term
        code_pairs.append((key.replace(".", "").upper(), doc))
        # title, then synonyms (inclusion/index terms, short descriptors), then the broader
        # category labels (CCS, RBCS): each word is posted once, in the best field having it
        title_words = set(tokenize(title))
        for w in title_words:
            tpost.setdefault(w, []).append(doc)
        syn_words: set[str] = set()
        for syn in syns:
            syn_words.update(tokenize(syn))
        syn_words -= title_words
        for w in syn_words:
            spost.setdefault(w, []).append(doc)
        label_words: set[str] = set()
        for label in labels:
            label_words.update(tokenize(label))
        for w in label_words - title_words - syn_words:
            apost.setdefault(w, []).append(doc)
    code_pairs.sort()
    vocab = sorted(set(tpost) | set(spost) | set(apost))
    stems: dict[str, list[str]] = {}
    for w in vocab:
        stems.setdefault(stem(w), []).append(w)
    stem_rows = sorted((s, w) for s, ws in stems.items() if len(ws) > 1 for w in ws)
    tblob, toff = _postings(vocab, tpost)
    sblob, soff = _postings(vocab, spost)
    ablob, aoff = _postings(vocab, apost)
    next_change = min((d for d in term_dates.values() if d >= today), default="")
    return IndexData(
        codes=Packed.of(codes),
        tables=bytes(tables),
        systems=bytes(systems),
        flags=bytes(flag_b),
        titles=Packed.of(titles),
        alts=Packed.of(alts),
        term_dates=term_dates,
        vocab=Packed.of(vocab),
        tblob=tblob,
        toff=toff,
        sblob=sblob,
        soff=soff,
        ablob=ablob,
        aoff=aoff,
        stem_keys=Packed.of([s for s, _ in stem_rows]),
        stem_words=Packed.of([w for _, w in stem_rows]),
        code_keys=Packed.of([k for k, _ in code_pairs]),
        code_docs=_ints([d for _, d in code_pairs]),
        built_on=today,
        next_change=next_change,
    )


# ---- disk cache -----------------------------------------------------------------------------


def _stat_sig(path: Path) -> str:
    try:
        st = path.stat()
    except OSError:
        return "-"
    return f"{st.st_size}:{st.st_mtime_ns}"


def cache_file(store_path: Path, user_dir: Path | None, cache_dir: Path) -> Path:
    """The cache file for this store file in its current state (size, mtime) and user layer."""
    from codetui.userlayer import CPT_FILE

    # crc32 (zlib is already loaded; hashlib/OpenSSL costs a few ms per CLI call) only names the
    # file: store path, size and mtime and the CPT layer change the name, so a stale cache is
    # never read; a crc collision could at worst mix two stores' caches of the same version
    resolved = str(store_path.resolve())
    path_hash = f"{zlib.crc32(resolved.encode()):08x}"
    cpt_sig = _stat_sig(user_dir / CPT_FILE) if user_dir else "-"
    state = f"{INDEX_VERSION}|{resolved}|{_stat_sig(store_path)}|{cpt_sig}"
    state_hash = f"{zlib.crc32(state.encode()):08x}{zlib.adler32(state.encode()):08x}"
    return cache_dir / f"search-{path_hash}-{state_hash}.idx"


def load_cached(path: Path, today: str | None = None) -> IndexData | None:
    """The cached index, or None when absent, corrupt, of another version or out of date."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        idx = IndexData.from_bytes(data)
    except Exception:  # marshal raises ValueError/EOFError/TypeError on garbage
        return None
    today = today or _dt.date.today().isoformat()
    if idx.next_change and today >= idx.next_change:
        return None  # a code terminated since the build: flags and ranks changed
    return idx


def save_cache(path: Path, idx: IndexData) -> None:
    """Write atomically and drop older caches of the same store; failures are not fatal."""
    from codetui.storage import atomic_write

    try:
        atomic_write(path, idx.to_bytes())
        prefix = path.name.rsplit("-", 1)[0] + "-"
        for old in path.parent.glob(prefix + "*.idx"):
            if old != path:
                os.unlink(old)
    except OSError:
        pass
