"""Plain data for pages. Frozen, so a page built once can be cached and shared."""

from __future__ import annotations

from dataclasses import dataclass, field

Link = str  # a target: "code:96413", "icd:E11.42", "mod:59", "range:H40-H42", "icd:ch4"

KINDS = ("code", "icd", "mod", "range")


@dataclass(frozen=True)
class Span:
    """A run of text; ``link`` makes it a link to another page."""

    text: str
    link: Link | None = None


@dataclass(frozen=True)
class Row:
    """One labelled line (label may be empty for continuation lines or list items)."""

    label: str
    spans: tuple[Span, ...]

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)

    @property
    def links(self) -> tuple[Link, ...]:
        return tuple(s.link for s in self.spans if s.link)


@dataclass(frozen=True)
class Section:
    """A titled block of rows, with the source + release it comes from."""

    key: str  # stable id, e.g. "mpfs", "ptp", "excludes1"
    title: str
    rows: tuple[Row, ...]
    source: str = ""  # e.g. "CMS MPFS RVU26C, July 2026"
    collapsed: bool = False  # long sections (PTP) start collapsed
    total: int = 0  # number of items when rows were truncated (0 = rows are complete)


@dataclass(frozen=True)
class Page:
    target: Link
    code: str
    system: str  # "CPT" | "HCPCS" | "ICD-10-CM" | "Modifier" | "Range"
    title: str
    breadcrumb: tuple[Span, ...] = ()
    sections: tuple[Section, ...] = ()
    flags: tuple[str, ...] = field(default=())  # e.g. ("terminated 2024-12-31", "add-on code")

    @property
    def links(self) -> tuple[Link, ...]:
        out: list[Link] = [s.link for s in self.breadcrumb if s.link]
        for sec in self.sections:
            for row in sec.rows:
                out.extend(row.links)
        return tuple(out)


def target_for(table: str, code: str) -> Link:
    """Target for a store table + key: ('hcpcs', '96413') -> 'code:96413'."""
    kind = {"hcpcs": "code", "icd10cm": "icd", "modifiers": "mod"}.get(table, table)
    return f"{kind}:{code}"


def parse_target(target: Link) -> tuple[str, str]:
    """'code:96413' -> ('code', '96413'); a bare code is returned as ('', code)."""
    kind, sep, value = target.partition(":")
    if sep and kind in KINDS:
        return kind, value
    return "", target
