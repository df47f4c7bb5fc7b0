"""Claim lines as coders type them: ``96417x2``, ``99214-25``, ``64483-50-59*1``.

Parsing is strict about shape and silent about meaning: a well-shaped code that the store does
not know is a *finding* (the rules report it), while a token that is not a claim line at all is
*bad input* (``ClaimParseError`` names the token and the reason, and the CLI exits 2).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from codetui.codes import HCPCS_RE, ICD_RE, icd_key

SETTINGS = ("practitioner", "opps", "dme")
SETTING_ALIASES = {"prac": "practitioner", "physician": "practitioner", "professional": "practitioner",
                   "hospital": "opps", "outpatient": "opps", "oph": "opps", "facility": "opps",
                   "supplier": "dme"}
MAX_UNITS = 99_999

_CODE_PART = re.compile(r"^([0-9A-Z]{5})")
_SUFFIX = re.compile(r"-([0-9A-Z]{2})|[X*](\d+)")
_DATE_FORMATS = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),  # 2026-04-15
    re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$"),  # 04/15/2026
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),  # 20260415
)


class ClaimParseError(ValueError):
    """A token that is not a claim line; ``token`` and ``reason`` go to the user verbatim."""

    def __init__(self, token: str, reason: str) -> None:
        super().__init__(f"{token!r}: {reason}")
        self.token = token
        self.reason = reason


@dataclass(frozen=True)
class ClaimLine:
    """One service line: a CPT/HCPCS code, its units and modifiers, as typed (``token``)."""

    number: int  # 1-based position on the claim
    code: str
    units: int = 1
    modifiers: tuple[str, ...] = ()
    token: str = ""

    def label(self) -> str:
        mods = "".join(f"-{m}" for m in self.modifiers)
        units = f"x{self.units}" if self.units != 1 else ""
        return f"{self.code}{mods}{units}"


@dataclass(frozen=True)
class Claim:
    """The lines, diagnoses, date of service and setting that every rule looks at."""

    lines: tuple[ClaimLine, ...]
    dx: tuple[str, ...] = ()
    dos: date | None = None
    setting: str = "practitioner"
    notes: tuple[str, ...] = field(default=())

    def codes(self) -> list[str]:
        """Distinct codes in claim order."""
        return list(dict.fromkeys(line.code for line in self.lines))

    def lines_for(self, code: str) -> list[ClaimLine]:
        return [line for line in self.lines if line.code == code]

    def modifiers_for(self, code: str) -> set[str]:
        return {m for line in self.lines_for(code) for m in line.modifiers}


def parse_line(token: str, number: int) -> ClaimLine:
    """``'96417x2'`` -> ClaimLine(code='96417', units=2); raises ClaimParseError."""
    text = token.strip().upper()
    if not text:
        raise ClaimParseError(token, "empty claim line")
    m = _CODE_PART.match(text)
    if not m or not HCPCS_RE.match(m.group(1)):
        raise ClaimParseError(token, "not a CPT/HCPCS code (5 characters, e.g. 99213, J9045, 0708T)")
    code, rest = m.group(1), text[5:]
    mods: list[str] = []
    units: int | None = None
    pos = 0
    while pos < len(rest):
        s = _SUFFIX.match(rest, pos)
        if not s:
            raise ClaimParseError(
                token, f"cannot read {rest[pos:]!r} (use -MM for a modifier, xN or *N for units)"
            )
        if s.group(1):
            if s.group(1) in mods:
                raise ClaimParseError(token, f"modifier {s.group(1)} given twice")
            mods.append(s.group(1))
        else:
            if units is not None:
                raise ClaimParseError(token, "units given twice")
            units = int(s.group(2))
            if not 1 <= units <= MAX_UNITS:
                raise ClaimParseError(token, f"units must be 1..{MAX_UNITS}")
        pos = s.end()
    if len(mods) > 4:
        raise ClaimParseError(token, "more than 4 modifiers on one line")
    return ClaimLine(number, code, units or 1, tuple(mods), token)


def parse_dx(text: str) -> list[str]:
    """``'C50.911,Z51.11'`` -> ['C50.911', 'Z51.11'] (dots optional when typing)."""
    out: list[str] = []
    for part in re.split(r"[,\s;]+", text.strip()):
        if not part:
            continue
        code = part.upper()
        if not ICD_RE.match(code):
            raise ClaimParseError(part, "not an ICD-10-CM code (letter, 2 characters, optional .xxxx)")
        out.append(icd_key(code))
    return out


def parse_dos(text: str) -> date:
    for rx in _DATE_FORMATS:
        m = rx.match(text.strip())
        if m:
            a, b, c = (int(g) for g in m.groups())
            y, mo, d = (c, a, b) if rx is _DATE_FORMATS[1] else (a, b, c)
            try:
                return date(y, mo, d)
            except ValueError as exc:
                raise ClaimParseError(text, f"not a date: {exc}") from None
    raise ClaimParseError(text, "not a date (use YYYY-MM-DD or MM/DD/YYYY)")


def parse_setting(text: str) -> str:
    key = text.strip().lower()
    key = SETTING_ALIASES.get(key, key)
    if key not in SETTINGS:
        raise ClaimParseError(text, f"unknown setting (one of {', '.join(SETTINGS)})")
    return key


def tokenize(text: str) -> list[str]:
    """Split a file or stdin into tokens: whitespace/commas; ``#`` starts a comment."""
    tokens: list[str] = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0]
        # keep "dx: A, B" together so the diagnosis list survives the comma split
        m = re.match(r"^\s*(dx|dos|setting)\s*[:=]\s*(.*)$", line, re.IGNORECASE)
        if m:
            tokens.append(f"{m.group(1).lower()}:{m.group(2).strip()}")
            continue
        tokens.extend(t for t in re.split(r"[\s,;]+", line) if t)
    return tokens


def parse_claim(
    tokens: Iterable[str],
    *,
    dx: Iterable[str] = (),
    dos: str | date | None = None,
    setting: str = "practitioner",
) -> Claim:
    """Tokens (command line or ``tokenize``d text) plus options -> Claim.

    Tokens may also carry ``dx:...``, ``dos:...``, ``setting:...``; a dotted ICD-10-CM code
    among the lines (``E11.9``) is taken as a diagnosis, since no CPT/HCPCS code has a dot.
    """
    lines: list[ClaimLine] = []
    dx_codes: list[str] = []
    for d in dx:
        dx_codes.extend(parse_dx(d))
    when = parse_dos(dos) if isinstance(dos, str) else dos
    where = parse_setting(setting)
    for tok in tokens:
        low = tok.lower()
        if low.startswith(("dx:", "dx=")):
            dx_codes.extend(parse_dx(tok[3:]))
        elif low.startswith(("dos:", "dos=")):
            when = parse_dos(tok[4:])
        elif low.startswith(("setting:", "setting=")):
            where = parse_setting(tok[8:])
        elif "." in tok and ICD_RE.match(tok.upper()):
            dx_codes.append(icd_key(tok))
        else:
            lines.append(parse_line(tok, len(lines) + 1))
    if not lines and not dx_codes:
        raise ClaimParseError("", "no claim lines given")
    return Claim(tuple(lines), tuple(dict.fromkeys(dx_codes)), when, where)
