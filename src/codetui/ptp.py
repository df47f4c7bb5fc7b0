"""NCCI PTP edits in a compact companion file, read per code without loading all pairs.

Why a companion and not ``codes.json``: a quarter holds ~2.5M practitioner and ~1.8M hospital
pairs; parsing them at start-up would cost seconds and hundreds of MB. Here each setting is one
file, ``ptp/<setting>.ptp``::

    b"CTUIPTP1"  u32 header length  zlib(JSON header)  u32 index length  zlib(u32 offsets)  blocks

The header names the setting, release, the sorted code table (codes get small ids by sort
order), the rationale and date tables. Block *i* (from ``offsets[i]`` to ``offsets[i+1]``)
holds every edit naming code *i* in either column, zlib-compressed as columns: partner ids
(delta-coded), flags (role bit 0 = this code is column 1; modifier in bits 1-2), rationale,
deletion and effective date indexes. Each edit is stored under both of its codes, so a lookup
is one seek and one small decompress. Output bytes depend only on the input edits.
"""

from __future__ import annotations

import bisect
import itertools
import struct
import sys
import zlib
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from codetui.storage import StoreError

MAGIC = b"CTUIPTP1"
FORMAT = 1
SETTINGS = ("practitioner", "opps")
_MODS = ("0", "1", "9")
_LE = sys.byteorder == "little"


class PtpError(StoreError):
    """A PTP companion file that cannot be read; the message names the file."""


@dataclass(frozen=True)
class PtpEdit:
    """One NCCI PTP edit: ``col2`` is not paid with ``col1`` unless the modifier allows it."""

    col1: str
    col2: str
    modifier: str  # "0" never together, "1" allowed with a PTP-associated modifier, "9" n/a
    effective: str  # ISO date, "" when the source did not carry it
    deleted: str  # ISO date, "" while the edit is active
    rationale: str
    setting: str  # "practitioner" | "opps"
    release: str

    @property
    def active(self) -> bool:
        return not self.deleted


class Row(NamedTuple):
    """One input edit for the writer (all text already cleaned and validated)."""

    col1: str
    col2: str
    modifier: str
    effective: str
    deleted: str
    rationale: str


# ---- writing ------------------------------------------------------------------------------
def _arr(typecode: str, values: Iterable[int]) -> bytes:
    a = array(typecode, values)
    if not _LE:
        a.byteswap()
    return a.tobytes()


def write_companion(
    rows: Iterable[Row], *, setting: str, release: str, effective: str = ""
) -> bytes:
    """Encode edits as one companion file (see module doc). Exact duplicate rows are dropped.

    Rows are streamed into flat int arrays (12 bytes a row), then bucketed per code with a
    counting sort, so a 2.5M-row quarter builds in well under a gigabyte of memory.
    """
    import orjson

    code_ids: dict[str, int] = {}
    rat_ids: dict[str, int] = {}
    date_ids: dict[str, int] = {}
    col_a, col_b, tails = array("I"), array("I"), array("Q")
    for r in rows:
        a = code_ids.setdefault(r.col1, len(code_ids))
        b = code_ids.setdefault(r.col2, len(code_ids))
        d = date_ids.setdefault(r.deleted, len(date_ids))
        e = date_ids.setdefault(r.effective, len(date_ids))
        t = rat_ids.setdefault(r.rationale, len(rat_ids))
        col_a.append(a)
        col_b.append(b)
        tails.append((((d << 16) | e) << 16 | t) << 2 | _MODS.index(r.modifier))
    if len(date_ids) >= 65535 or len(rat_ids) >= 65535:
        raise ValueError("more than 65,534 distinct dates or rationales: not an NCCI PTP table")
    # final ids follow sort order so partner lists delta-code well and lookups can bisect
    codes = sorted(code_ids)
    rats = sorted(rat_ids)
    dates = sorted(date_ids.keys() | {""})
    code_map = array("I", bytes(4 * len(codes)))
    for i, c in enumerate(codes):
        code_map[code_ids[c]] = i
    rat_map = {rat_ids[t]: i for i, t in enumerate(rats)}
    date_map = {date_ids[d]: i for i, d in enumerate(dates)}
    tail_map: dict[int, int] = {}  # provisional -> final ids, so bytes do not depend on row order
    n, nc = len(col_a), len(codes)
    for i in range(n):
        col_a[i] = code_map[col_a[i]]
        col_b[i] = code_map[col_b[i]]
        t = tails[i]
        f = tail_map.get(t)
        if f is None:
            f = tail_map[t] = (
                date_map[t >> 34] << 34
                | date_map[(t >> 18) & 0xFFFF] << 18
                | rat_map[(t >> 2) & 0xFFFF] << 2
                | t & 3
            )
        tails[i] = f
    counts = [0] * (nc + 1)
    for a in col_a:
        counts[a + 1] += 1
    for b in col_b:
        counts[b + 1] += 1
    starts = list(itertools.accumulate(counts))
    fill = starts[:-1]
    order = array("I", bytes(4 * 2 * n))  # entry = row * 2 + role (1: the code is column 1)
    for i in range(n):
        a, b = col_a[i], col_b[i]
        order[fill[a]] = i * 2 + 1
        fill[a] += 1
        order[fill[b]] = i * 2
        fill[b] += 1
    wide = "H" if nc < 65536 else "I"
    blocks: list[bytes] = []
    offsets = [0]
    edits = 0
    for code_id in range(nc):
        keys = []
        for entry in order[starts[code_id] : starts[code_id + 1]]:
            i, role = entry >> 1, entry & 1
            partner = col_b[i] if role else col_a[i]
            keys.append((partner << 1 | role) << 50 | tails[i])
        keys.sort()
        partners, flags, rat, dele, eff = [], [], [], [], []
        prev, last = 0, -1
        for k in keys:
            if k == last:
                continue
            last = k
            head, tail = k >> 50, k & ((1 << 50) - 1)
            partner = head >> 1
            partners.append(partner - prev)
            prev = partner
            flags.append((head & 1) | ((tail & 3) << 1))
            rat.append((tail >> 2) & 0xFFFF)
            eff.append((tail >> 18) & 0xFFFF)
            dele.append(tail >> 34)
        edits += len(partners)
        body = b"".join(
            [
                struct.pack("<I", len(partners)),
                _arr(wide, partners),
                _arr("B", flags),
                _arr("H", rat),
                _arr("H", dele),
                _arr("H", eff),
            ]
        )
        blob = zlib.compress(body, 9) if partners else b""
        blocks.append(blob)
        offsets.append(offsets[-1] + len(blob))
    header = {
        "format": FORMAT,
        "setting": setting,
        "release": release,
        "effective": effective,
        "codes": "\n".join(codes),
        "rationales": rats,
        "dates": dates,
        "edits": edits // 2,
        "wide": wide,
    }
    hdr = zlib.compress(orjson.dumps(header, option=orjson.OPT_SORT_KEYS), 9)
    idx = zlib.compress(_arr("I", offsets), 9)
    return b"".join(
        [MAGIC, struct.pack("<I", len(hdr)), hdr, struct.pack("<I", len(idx)), idx, *blocks]
    )


# ---- reading ------------------------------------------------------------------------------
class PtpFile:
    """One companion file: header and offsets read on open, blocks read per lookup."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            with path.open("rb") as fh:
                head = fh.read(12)
                if len(head) < 12 or head[:8] != MAGIC:
                    raise PtpError(f"{path}: corrupt PTP companion (not a codetui PTP file)")
                (hlen,) = struct.unpack("<I", head[8:])
                header = _json(zlib.decompress(fh.read(hlen)))
                (ilen,) = struct.unpack("<I", fh.read(4))
                raw_idx = zlib.decompress(fh.read(ilen))
                self._data_start = 12 + hlen + 4 + ilen
                size = path.stat().st_size
        except PtpError:
            raise
        except FileNotFoundError:
            raise PtpError(f"{path}: PTP companion not found") from None
        except (OSError, zlib.error, struct.error, ValueError) as exc:
            raise PtpError(f"{path}: corrupt PTP companion ({exc})") from None
        if not isinstance(header, dict) or header.get("format") != FORMAT:
            raise PtpError(f"{path}: corrupt PTP companion (unknown format)")
        try:
            self.setting: str = header["setting"]
            self.release: str = header["release"]
            self.effective: str = header.get("effective", "")
            self.codes: list[str] = header["codes"].split("\n") if header["codes"] else []
            self.rationales: list[str] = header["rationales"]
            self.dates: list[str] = header["dates"]
            self.edit_count: int = header["edits"]
            self._wide: str = header["wide"]
        except (KeyError, AttributeError, TypeError) as exc:
            raise PtpError(f"{path}: corrupt PTP companion (header lacks {exc})") from None
        if self._wide not in ("H", "I") or len(raw_idx) % 4:
            raise PtpError(f"{path}: corrupt PTP companion (bad index)")
        offsets = array("I")
        offsets.frombytes(raw_idx)
        if not _LE:
            offsets.byteswap()
        if len(offsets) != len(self.codes) + 1 or self._data_start + offsets[-1] != size:
            raise PtpError(
                f"{path}: corrupt PTP companion (index does not match file size; truncated?)"
            )
        self._offsets = offsets

    def code_id(self, code: str) -> int | None:
        i = bisect.bisect_left(self.codes, code)
        return i if i < len(self.codes) and self.codes[i] == code else None

    def _columns(
        self, code: str
    ) -> tuple[list[int], array[int], array[int], array[int], array[int]] | None:
        """Decoded block of ``code``: partner ids, flags, rationale, deletion, effective."""
        i = self.code_id(code)
        if i is None:
            return None
        start, end = self._offsets[i], self._offsets[i + 1]
        if start == end:
            return None
        try:
            with self.path.open("rb") as fh:
                fh.seek(self._data_start + start)
                body = zlib.decompress(fh.read(end - start))
            (n,) = struct.unpack_from("<I", body)
            cols: list[array[int]] = []
            pos = 4
            for tc in (self._wide, "B", "H", "H", "H"):
                a = array(tc)
                width = a.itemsize * n
                a.frombytes(body[pos : pos + width])
                if not _LE:
                    a.byteswap()
                cols.append(a)
                pos += width
            if pos != len(body) or max(cols[0], default=0) >= len(self.codes):
                raise ValueError("block length mismatch")
            partners = list(itertools.accumulate(cols[0]))
            if partners and partners[-1] >= len(self.codes):
                raise ValueError("partner id out of range")
        except (OSError, zlib.error, struct.error, ValueError) as exc:
            raise PtpError(
                f"{self.path}: corrupt PTP companion (block for {code}: {exc})"
            ) from None
        return partners, cols[1], cols[2], cols[3], cols[4]

    def _edit(self, code: str, partner_id: int, fl: int, ri: int, di: int, ei: int) -> PtpEdit:
        partner = self.codes[partner_id]
        c1, c2 = (code, partner) if fl & 1 else (partner, code)
        try:
            return _new_edit(
                c1,
                c2,
                _MODS[fl >> 1],
                self.dates[ei],
                self.dates[di],
                self.rationales[ri],
                self.setting,
                self.release,
            )
        except IndexError:
            raise PtpError(
                f"{self.path}: corrupt PTP companion (bad table index for {code})"
            ) from None

    def edits_for(self, code: str) -> list[PtpEdit]:
        """Every edit naming ``code``: column-1 edits first, then column-2; each by partner code,
        active before deleted."""
        cols = self._columns(code)
        if cols is None:
            return []
        as_col1: list[PtpEdit] = []
        as_col2: list[PtpEdit] = []
        codes, dates, rats, setting, release = (
            self.codes,
            self.dates,
            self.rationales,
            self.setting,
            self.release,
        )
        new, mods = object.__new__, _MODS
        try:
            for p, fl, ri, di, ei in zip(*cols):
                # inlined _new_edit: this loop is the whole cost of listing a busy code
                edit = new(PtpEdit)
                if fl & 1:
                    c1, c2, dst = code, codes[p], as_col1
                else:
                    c1, c2, dst = codes[p], code, as_col2
                edit.__dict__.update(
                    col1=c1,
                    col2=c2,
                    modifier=mods[fl >> 1],
                    effective=dates[ei],
                    deleted=dates[di],
                    rationale=rats[ri],
                    setting=setting,
                    release=release,
                )
                dst.append(edit)
        except IndexError:
            raise PtpError(
                f"{self.path}: corrupt PTP companion (bad table index for {code})"
            ) from None
        return as_col1 + as_col2

    def edits_between(self, code: str, other: str) -> list[PtpEdit]:
        """Edits pairing ``code`` with ``other`` (either order), decoding only those."""
        j = self.code_id(other)
        cols = self._columns(code) if j is not None else None
        if cols is None:
            return []
        partners = cols[0]
        lo = bisect.bisect_left(partners, j)
        hi = bisect.bisect_right(partners, j, lo)
        return [
            self._edit(code, j, cols[1][k], cols[2][k], cols[3][k], cols[4][k])
            for k in range(lo, hi)
        ]


def _new_edit(
    col1: str,
    col2: str,
    modifier: str,
    effective: str,
    deleted: str,
    rationale: str,
    setting: str,
    release: str,
) -> PtpEdit:
    """Build a PtpEdit without the frozen-dataclass ``__init__`` (one setattr per field).

    A busy code such as 99213 has ~14,000 edits; filling ``__dict__`` directly halves the time
    to list them. Equality, hashing and immutability are unchanged.
    """
    edit = object.__new__(PtpEdit)
    edit.__dict__.update(
        col1=col1,
        col2=col2,
        modifier=modifier,
        effective=effective,
        deleted=deleted,
        rationale=rationale,
        setting=setting,
        release=release,
    )
    return edit


def _json(data: bytes) -> object:
    import orjson

    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise ValueError(str(exc)) from None


class PtpDatabase:
    """Shipped PTP companions plus the user's imported quarters, one file per setting.

    A user-imported quarter replaces the shipped one for its setting when it is newer (by
    effective date). Files are opened on first use of a setting, so opening is free.
    """

    def __init__(self, candidates: dict[str, list[Path]]) -> None:
        self._candidates = candidates
        self._files: dict[str, PtpFile | None] = {}

    @classmethod
    def open(cls, data_dir: Path | None, user_dir: Path | None) -> PtpDatabase:
        cands: dict[str, list[Path]] = {}
        for setting in SETTINGS:
            found = [d / "ptp" / f"{setting}.ptp" for d in (user_dir, data_dir) if d is not None]
            cands[setting] = [p for p in found if p.is_file()]
        return cls(cands)

    def file(self, setting: str) -> PtpFile | None:
        """The companion in force for ``setting`` (newest of user and shipped), or None."""
        if setting not in SETTINGS:
            raise ValueError(f"unknown PTP setting {setting!r} (use one of {', '.join(SETTINGS)})")
        if setting not in self._files:
            best: PtpFile | None = None
            for path in self._candidates.get(setting, []):  # user file first: it wins ties
                f = PtpFile(path)
                if best is None or f.effective > best.effective:
                    best = f
            self._files[setting] = best
        return self._files[setting]

    def edits_for(self, code: str, setting: str = "practitioner") -> list[PtpEdit]:
        f = self.file(setting)
        return f.edits_for(code) if f else []

    def pair(self, code_a: str, code_b: str, setting: str = "practitioner") -> PtpEdit | None:
        """The edit between two codes in either order: an active one if any, else the latest."""
        f = self.file(setting)
        found = f.edits_between(code_a, code_b) if f else []
        if not found:
            return None
        return max(found, key=lambda e: (e.active, e.deleted, e.effective, e.col1 == code_a))

    def release(self, setting: str = "practitioner") -> str:
        f = self.file(setting)
        return f.release if f else ""
