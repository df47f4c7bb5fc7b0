"""The derived search index: one flat file, memory-mapped, ready before any of it is read.

Scanning 120k titles per keystroke is too slow, so the store is turned into an inverted index
(word -> sorted document numbers, separately for titles with their synonyms -- inclusion terms,
index terms, short descriptors -- and for broader CCS/RBCS category labels). Document numbers
follow a static rank (billable/active first, short titles first, then code order) so "the first
k of a posting list" are already the best ties. ``codetui.searchbuild`` builds it.

Why a flat file of int32 arrays and UTF-8 blobs: a ``codetui search`` process lives ~50 ms, and
unpickling 24 MB (even with marshal) cost half of it while a query reads a few kB: the vocabulary
pages it bisects, the posting lists of its words and the titles of the hits it prints. Mapped,
loading is a header check; the page cache does the rest. This module imports only C-level
stdlib modules so the search CLI starts fast.
"""

from __future__ import annotations

import marshal
import mmap
import os
import zlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

    from codetui.store import CodeStore

# Bump when the layout or the tokenizing changes: old cache files are then ignored (and deleted).
INDEX_VERSION = 14
MAGIC = b"CTSEARCH"

TABLES: tuple[str, ...] = ("hcpcs", "icd10cm", "modifiers")
SYSTEMS: tuple[str, ...] = ("CPT", "HCPCS", "ICD-10-CM", "Modifier")

# flag bits per document
F_BILLABLE_KNOWN = 1  # ICD: billable is meaningful
F_BILLABLE = 2
F_TERMINATED = 4  # as of the build day; recomputed from term_dates at query time
F_LATER = 8  # ranked after its peers (7th character past A, manifestation, Category III, S code)

ALT_SEP = "\x1f"

# On-disk sections, in order. "x/" is a string list: x/blob (UTF-8) + x/off (int32 offsets).
# ints are int32 arrays, bytes one byte per document.
_SECTIONS: tuple[str, ...] = (
    "codes/blob", "codes/off",  # store key per document number
    "tables", "systems", "flags",  # per document: index into TABLES, SYSTEMS; flag bits
    "titles/blob", "titles/off",
    "alts/blob", "alts/off",  # per document: other searchable texts joined by ALT_SEP
    "vocab/blob", "vocab/off",  # sorted words: word id = position (bisect; prefix completion)
    "df",  # per word id: documents having it (all three posting lists)
    "tpost", "toff",  # per word id: docs with it in the title (toff: len(vocab) + 1 starts)
    "spost", "soff",  # ... only in a synonym (inclusion/index term, short descriptor)
    "apost", "aoff",  # ... only in a CCS/RBCS category label
    "stem_keys/blob", "stem_keys/off",  # sorted stems shared by >= 2 words, one row per word
    "stem_ids",  # word id per stem_keys row
    "code_keys/blob", "code_keys/off",  # sorted compact codes ("E1142", "96417", "59")
    "code_docs",  # document per code_keys row
    "meta",  # marshal: (term_dates {doc: ISO date}, built_on, next_change)
)
_HEADER = 8 + 8 + 8 + 16 * len(_SECTIONS)  # magic, version, total size, (start, length) each


class Packed:
    """A read-only list of strings: one UTF-8 blob plus int32 offsets, decoded per item.

    A hit list needs fifty of 120k titles, so none is turned into a str before it is asked for.
    """

    __slots__ = ("_n", "_off", "base", "buf")

    def __init__(self, buf: Any, base: int, offsets: memoryview) -> None:
        self.buf = buf  # bytes or the mmap: slicing either gives bytes (a memoryview can't compare)
        self.base = base  # where the blob starts in ``buf``
        self._off = offsets
        self._n = len(offsets) - 1

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i: int) -> str:
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError(i)
        b = self.base
        return str(self.buf[b + self._off[i] : b + self._off[i + 1]], "utf-8")

    def __iter__(self) -> Iterator[str]:
        return iter(self.tolist())

    def tolist(self) -> list[str]:
        """Every item, decoded at once (C-level slicing when the blob is ASCII, as words are)."""
        b, off = self.base, self._off.tolist()
        blob = self.buf[b + off[0] : b + off[-1]]
        text = str(blob, "utf-8")
        if len(text) == len(blob):  # ASCII: byte offsets are character offsets
            return list(map(text.__getitem__, map(slice, off[:-1], off[1:])))
        return [str(blob[off[i] : off[i + 1]], "utf-8") for i in range(self._n)]

    def bisect(self, key: str) -> int:
        """Leftmost position for ``key`` in this sorted list (UTF-8 bytes sort like code points)."""
        return self.bisect_bytes(key.encode())

    def bisect_bytes(self, key: bytes) -> int:
        buf, b, off = self.buf, self.base, self._off
        lo, hi = 0, self._n
        while lo < hi:
            mid = (lo + hi) >> 1
            if buf[b + off[mid] : b + off[mid + 1]] < key:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def prefix_range(self, prefix: str) -> tuple[int, int]:
        """Positions [lo, hi) of the items starting with ``prefix`` (0xff never occurs in UTF-8)."""
        key = prefix.encode()
        return self.bisect_bytes(key), self.bisect_bytes(key + b"\xff")


class IndexData:
    """Everything the search needs, read from one buffer (the mapped cache file or built bytes)."""

    def __init__(self, buf: Any) -> None:
        """``buf``: bytes or an mmap in the ``pack`` layout. Raises ValueError when it isn't."""
        view = memoryview(buf)
        if len(view) < _HEADER or bytes(view[:8]) != MAGIC:
            raise ValueError("not a search index")
        head = view[8:_HEADER].cast("Q")
        if head[0] != INDEX_VERSION:
            raise ValueError("search index of another version")
        if head[1] != len(view):
            raise ValueError("search index truncated")
        sec: dict[str, memoryview] = {}
        starts: dict[str, int] = {}
        for k, name in enumerate(_SECTIONS):
            start, length = head[2 + 2 * k], head[3 + 2 * k]
            if start + length > len(view):
                raise ValueError("search index corrupt")
            sec[name] = view[start : start + length]
            starts[name] = start
        self.buffer = buf  # keeps the mapping alive; save_cache writes it as is

        def ints(name: str) -> memoryview:
            return sec[name].cast("i")

        def strings(name: str) -> Packed:
            return Packed(buf, starts[name + "/blob"], ints(name + "/off"))

        self.codes = strings("codes")
        self.tables = sec["tables"]
        self.systems = sec["systems"]
        self.flags = sec["flags"]
        self.titles = strings("titles")
        self.alts = strings("alts")
        self.vocab = strings("vocab")
        self.df_ids = ints("df")
        self.tpost, self.toff = ints("tpost"), ints("toff")
        self.spost, self.soff = ints("spost"), ints("soff")
        self.apost, self.aoff = ints("apost"), ints("aoff")
        self.stem_keys = strings("stem_keys")
        self.stem_ids = ints("stem_ids")
        self.code_keys = strings("code_keys")
        self.code_docs = ints("code_docs")
        meta = marshal.loads(bytes(sec["meta"]))
        self.term_dates: dict[int, str] = meta[0]
        self.built_on: str = meta[1]
        self.next_change: str = meta[2]
        n_docs, n_words = len(self.codes), len(self.vocab)
        sizes = (len(self.tables), len(self.systems), len(self.flags), len(self.titles), len(self.alts))
        if sizes != (n_docs,) * 5 or len(self.df_ids) != n_words:
            raise ValueError("search index documents do not line up")
        if not len(self.toff) == len(self.soff) == len(self.aoff) == n_words + 1:
            raise ValueError("search index postings do not match the vocabulary")
        if len(self.stem_ids) != len(self.stem_keys) or len(self.code_docs) != len(self.code_keys):
            raise ValueError("search index corrupt")

    # ---- by word id (the search works on ids: no str per completion) -------------------
    def word_id(self, word: str) -> int:
        """Position of ``word`` in the vocabulary, -1 when no document has it."""
        i = self.vocab.bisect(word)
        return i if i < len(self.vocab) and self.vocab[i] == word else -1

    def postings(self, wid: int) -> tuple[memoryview, memoryview, memoryview]:
        """(title, synonym, label) doc numbers of word ``wid``, each ascending = best rank first."""
        t, s, a = self.toff, self.soff, self.aoff
        return (
            self.tpost[t[wid] : t[wid + 1]],
            self.spost[s[wid] : s[wid + 1]],
            self.apost[a[wid] : a[wid + 1]],
        )

    def stem_variant_ids(self, stem_key: str) -> list[int]:
        """Ids of every indexed word with this stem (empty when only one word has it)."""
        lo, hi = self.stem_keys.bisect(stem_key), self.stem_keys.bisect_bytes(stem_key.encode() + b"\x00")
        return list(self.stem_ids[lo:hi])

    # ---- by word (kept for callers that think in words) --------------------------------
    def df(self, word: str) -> int:
        i = self.word_id(word)
        return self.df_ids[i] if i >= 0 else 0

    def title_postings(self, word: str) -> memoryview | None:
        i = self.word_id(word)
        return (self.postings(i)[0] or None) if i >= 0 else None

    def synonym_postings(self, word: str) -> memoryview | None:
        i = self.word_id(word)
        return (self.postings(i)[1] or None) if i >= 0 else None

    def label_postings(self, word: str) -> memoryview | None:
        i = self.word_id(word)
        return (self.postings(i)[2] or None) if i >= 0 else None

    def stem_variants(self, stem_key: str) -> list[str]:
        return [self.vocab[i] for i in self.stem_variant_ids(stem_key)]

    def to_bytes(self) -> bytes:
        return bytes(self.buffer)


def alt_list(packed: Packed, doc: int) -> list[str]:
    text = packed[doc]
    return text.split(ALT_SEP) if text else []


def pack(sections: dict[str, bytes]) -> bytes:
    """The file image of ``sections`` (all of _SECTIONS), each 8-byte aligned."""
    from array import array

    head = array("Q", [INDEX_VERSION, 0])
    parts: list[bytes] = []
    pos = _HEADER
    for name in _SECTIONS:
        data = sections[name]
        head.extend((pos, len(data)))
        pad = -len(data) % 8
        parts.append(data + b"\x00" * pad)
        pos += len(data) + pad
    head[1] = pos
    return MAGIC + head.tobytes() + b"".join(parts)


def build_index(store: CodeStore, today: str | None = None) -> IndexData:
    """Turn a store into an IndexData (2-3 s on the full store, then cached)."""
    from codetui.searchbuild import build_index as build

    return build(store, today)


# ---- disk cache -----------------------------------------------------------------------------


def _stat_sig(path: str) -> str:
    try:
        st = os.stat(path)
    except OSError:
        return "-"
    return f"{st.st_size}:{st.st_mtime_ns}"


def cache_file(store_path: str | Path, user_dir: str | Path | None, cache_dir: str | Path) -> str:
    """The cache file for this store file in its current state (size, mtime) and user layer."""
    from codetui.userlayer import CPT_FILE

    # crc32 (zlib is already loaded; hashlib/OpenSSL costs a few ms per CLI call) only names the
    # file: store path, size and mtime and the CPT layer change the name, so a stale cache is
    # never read; a crc collision could at worst mix two stores' caches of the same version
    resolved = os.path.realpath(store_path)
    path_hash = f"{zlib.crc32(resolved.encode()):08x}"
    cpt_sig = _stat_sig(os.path.join(user_dir, CPT_FILE)) if user_dir else "-"
    state = f"{INDEX_VERSION}|{resolved}|{_stat_sig(resolved)}|{cpt_sig}"
    state_hash = f"{zlib.crc32(state.encode()):08x}{zlib.adler32(state.encode()):08x}"
    return os.path.join(cache_dir, f"search-{path_hash}-{state_hash}.idx")


def load_cached(path: str | Path, today: str | None = None) -> IndexData | None:
    """The cached index, or None when absent, corrupt, of another version or out of date.

    The file is mapped, not read. Cache files are only ever replaced by rename (save_cache), so
    a mapped old file stays valid for the process that uses it.
    """
    try:
        with open(path, "rb") as fh:
            mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # ValueError: an empty file cannot be mapped
        return None
    try:
        idx = IndexData(mm)
    except Exception:  # noqa: BLE001 - ValueError/TypeError/EOFError/IndexError: garbage is a miss
        return None
    if idx.next_change and (today or _today()) >= idx.next_change:
        return None  # a code terminated since the build: flags and ranks changed
    return idx


def _today() -> str:
    import time

    return time.strftime("%Y-%m-%d")  # datetime costs ~1 ms to import; this is the same date


def save_cache(path: str | Path, idx: IndexData) -> None:
    """Write atomically and delete stale caches of the same store; failures are not fatal.

    Stale: the same store path (any older state or version), or a name from an older layout.
    """
    import re
    from pathlib import Path

    from codetui.storage import atomic_write

    ours = re.compile(r"search-([0-9a-f]{8})-[0-9a-f]{16}\.idx")  # what cache_file names
    target = Path(path)
    try:
        atomic_write(target, idx.to_bytes())
    except OSError:
        return
    m = ours.fullmatch(target.name)
    for old in target.parent.glob("search-*.idx"):
        if old.name == target.name:
            continue
        om = ours.fullmatch(old.name)
        if om is None or (m is not None and om.group(1) == m.group(1)):
            try:
                os.unlink(old)
            except OSError:  # in use elsewhere (Windows), or already gone
                pass
