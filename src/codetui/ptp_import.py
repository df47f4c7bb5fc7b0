"""Reading CMS's quarterly NCCI PTP text files into the companion format (``codetui import ptp``).

The shipped PTP edits are an older quarter; CMS publishes a new one every quarter as four
tab-separated text files per setting (``ccipra-v321r0-f1.txt`` .. ``f4`` for practitioners,
``ccioph-...`` for outpatient hospitals), each opening with an AMA copyright banner and a
column header. Users download them and import them here; the result lands in
``<user_dir>/ptp/<setting>.ptp`` and replaces the shipped quarter when it is newer.
"""

from __future__ import annotations

import csv
import re
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from codetui.importers.base import ImportError_, Rejects, decode_bytes, yyyymmdd_to_iso
from codetui.ptp import SETTINGS, Row, write_companion
from codetui.storage import atomic_write
from codetui.textclean import clean_field

CODE_RE = re.compile(r"^[0-9A-Z]{5}$")
_VERSION_RE = re.compile(r"v(\d{2})(\d)r(\d+)", re.IGNORECASE)
_PART_RE = re.compile(r"[-_]f(\d)\b", re.IGNORECASE)
_SETTING_ALIASES = {
    "practitioner": "practitioner",
    "ccipra": "practitioner",
    "opps": "opps",
    "hospital": "opps",
    "outpatient": "opps",
    "ccioph": "opps",
}


def normalise_setting(value: str) -> str:
    """'practitioner' / 'opps' from a setting name or alias; ValueError otherwise."""
    got = _SETTING_ALIASES.get(value.strip().lower())
    if got is None:
        raise ValueError(f"unknown PTP setting {value!r} (use practitioner or opps)")
    return got


def detect_setting(name: str) -> str | None:
    """The setting a CMS file name implies: ``ccipra`` practitioner, ``ccioph`` hospital."""
    low = name.lower()
    for key in ("ccipra", "ccioph", "practitioner", "outpatient", "hospital"):
        if key in low:
            return _SETTING_ALIASES[key]
    return None


def release_from_name(name: str) -> tuple[str, str]:
    """(release text, effective ISO date) from a CMS name like ``ccipra-v302r0-f1.txt``.

    NCCI version NN.Q counts from 1994 with quarters 0-3: v30.2 is 2024 Q3 (from 2024-07-01).
    """
    m = _VERSION_RE.search(name)
    if not m:
        return "", ""
    major, minor, rev = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if minor > 3:
        return f"NCCI PTP v{major}.{minor} r{rev}", ""
    year, quarter = 1994 + major, minor + 1
    eff = date(year, 3 * minor + 1, 1).isoformat()
    return f"NCCI PTP v{major}.{minor} r{rev}, {year} Q{quarter} (effective {eff})", eff


class RowMaker:
    """Validates one edit's cells into a ``Row`` (dates YYYYMMDD, ``*`` = none), or rejects it.

    Quarters run to millions of rows with a few hundred distinct dates and a dozen rationales,
    so dates and cleaned rationales are cached; codes are checked by shape only (a code that
    matches ``CODE_RE`` cannot hold control characters).
    """

    def __init__(self, rejects: Rejects) -> None:
        self.rejects = rejects
        self._dates: dict[str, str] = {"": "", "*": ""}
        self._rats: dict[str, str] = {}

    def _date(self, value: str) -> str:
        got = self._dates.get(value)
        if got is None:
            got = self._dates[value] = yyyymmdd_to_iso(value)
        return got

    def __call__(
        self, file: str, line: int, c1: str, c2: str, mod: str, eff: str, dele: str, rationale: str
    ) -> Row | None:
        c1, c2, mod = c1.strip().upper(), c2.strip().upper(), mod.strip()
        if not CODE_RE.match(c1) or not CODE_RE.match(c2):
            self.rejects.add(file, line, f"bad code pair {c1!r}/{c2!r}")
            return None
        if mod not in ("0", "1", "9"):
            self.rejects.add(file, line, f"bad modifier indicator {mod!r} (expected 0, 1 or 9)")
            return None
        try:
            eff_iso, del_iso = self._date(eff.strip()), self._date(dele.strip())
        except ValueError:
            self.rejects.add(file, line, f"bad date {eff!r}/{dele!r} (expected YYYYMMDD or *)")
            return None
        rat = self._rats.get(rationale)
        if rat is None:
            rat = self._rats[rationale] = clean_field(rationale)
        return Row(c1, c2, mod, eff_iso, del_iso, rat)


def read_ptp_text(text: str, file: str, rejects: Rejects) -> Iterator[Row]:
    """Rows of one CMS PTP text file: banner skipped up to the 'Column 1' header line."""
    make_row = RowMaker(rejects)
    seen_header = False
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        if not seen_header:
            if line.lstrip().lower().startswith("column 1"):
                seen_header = True
            continue
        cells = line.split("\t") if "\t" in line else next(csv.reader([line]))
        if len(cells) < 7:
            # the xlsx-derived header continues over a few lines ("0=not allowed", ...)
            if not CODE_RE.match(cells[0].strip().upper()):
                continue
            rejects.add(file, n, f"expected 7 tab-separated columns, found {len(cells)}")
            continue
        c1, c2, _prior, eff, dele, mod, rationale = cells[:7]
        if not c1.strip() and not c2.strip():
            continue
        row = make_row(file, n, c1, c2, mod, eff, dele, rationale)
        if row is not None:
            yield row
    if not seen_header:
        raise ImportError_(f"{file}: not an NCCI PTP text file (no 'Column 1' header line)")


def _texts(path: Path) -> Iterator[tuple[str, str]]:
    """(file name, text) for a .txt file or each .txt member of a CMS .zip download."""
    if not path.is_file():
        raise ImportError_(f"{path}: file not found")
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            members = sorted(n for n in zf.namelist() if n.lower().endswith((".txt", ".csv")))
            if not members:
                raise ImportError_(f"{path}: zip holds no .txt PTP file")
            for m in members:
                yield Path(m).name, decode_bytes(zf.read(m))
    else:
        yield path.name, decode_bytes(path.read_bytes())


def import_ptp_files(paths: list[Path], user_dir: Path, setting: str | None = None) -> str:
    """Import CMS PTP text files into ``user_dir/ptp/``; returns a summary for the user.

    Raises ``ImportError_`` (message names the file) for unreadable files, an undetectable
    setting or no valid rows. Bad rows are skipped and reported with file:line.
    """
    forced = normalise_setting(setting) if setting else None
    rejects = Rejects()
    rows: dict[str, list[Row]] = defaultdict(list)
    names: dict[str, list[str]] = defaultdict(list)
    for path in paths:
        for name, text in _texts(Path(path)):
            st = forced or detect_setting(name) or detect_setting(Path(path).name)
            if st is None:
                raise ImportError_(
                    f"{name}: cannot tell practitioner (ccipra) from hospital (ccioph); pass --setting"
                )
            rows[st].extend(read_ptp_text(text, name, rejects))
            names[st].append(name)
    lines: list[str] = []
    for st in SETTINGS:
        if st not in rows:
            continue
        got = rows[st]
        if not got:
            raise ImportError_(f"{', '.join(names[st])}: no valid PTP rows found")
        release, eff = "", ""
        for n in names[st]:
            release, eff = release_from_name(n)
            if release:
                break
        if not eff:
            eff = max((r.effective for r in got), default="")
        if not release:
            release = (
                f"NCCI PTP imported from {names[st][0]} (latest effective date {eff or 'unknown'})"
            )
        out = user_dir / "ptp" / f"{st}.ptp"
        atomic_write(out, write_companion(got, setting=st, release=release, effective=eff))
        lines.append(
            f"Imported {len(got):,} {st} PTP edits ({release}) from {len(names[st])} file(s) into {out}"
        )
        parts = {int(m.group(1)) for n in names[st] if (m := _PART_RE.search(n))}
        if parts and parts != {1, 2, 3, 4}:
            lines.append(
                f"  note: CMS splits each quarter into files f1-f4; only {', '.join(f'f{p}' for p in sorted(parts))} given"
            )
    if rejects:
        lines.append(f"{len(rejects):,} rows rejected, e.g.:")
        lines.extend(f"  {r}" for r in rejects.items[:5])
    return "\n".join(lines)
