"""Lay a ``Page`` out as terminal lines, with every link and toggle as a numbered action.

Why our own layout instead of one widget per row: a PTP-heavy page has hundreds of rows, and
mounting a widget per row costs ~0.5 ms each, which would blow the 50 ms page-open budget. Here
a page is wrapped once per width into ``Content`` lines for a line-API view. Nothing read from
the store or the user is parsed as markup: text goes into ``Content`` as plain text, control
characters stripped first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.content import Content
from textual.style import Style

from codetui.pages.model import Page, Row, Section, Span
from codetui.textclean import strip_controls

MIN_WIDTH = 20
CRUMB_SEP = " › "


@dataclass(frozen=True)
class Action:
    """Something Enter or a click can do on a page: follow a link, fold a section, show all."""

    kind: str  # "link" | "toggle" | "more"
    value: str  # a target for links, the section key otherwise


@dataclass(frozen=True)
class PageStyles:
    """Styles resolved from the widget's CSS component classes (theme and 16-colour aware)."""

    link: Style = field(default_factory=lambda: Style(underline=True))
    code: Style = field(default_factory=lambda: Style(bold=True))
    badge: Style = field(default_factory=lambda: Style(reverse=True))
    title: Style = field(default_factory=lambda: Style(bold=True))
    flag: Style = field(default_factory=Style)
    note: Style = field(default_factory=Style)
    section: Style = field(default_factory=lambda: Style(bold=True))
    source: Style = field(default_factory=lambda: Style(dim=True))
    label: Style = field(default_factory=lambda: Style(dim=True))
    crumb: Style = field(default_factory=lambda: Style(dim=True))


@dataclass
class Layout:
    """Physical lines, the actions, and where each action sits (line, start, end)."""

    lines: list[Content]
    actions: list[Action]
    places: list[list[tuple[int, int, int]]]  # per line: (start, end, action index)
    action_line: list[int]
    width: int
    body_start: int = 0  # first action after the breadcrumb: where Tab starts on a fresh page


def clean(text: str) -> str:
    """One line of shown text: no control or format characters, no newlines."""
    return strip_controls(text, keep_newlines=False)


class _Builder:
    def __init__(self, width: int, styles: PageStyles) -> None:
        self.width = max(width, MIN_WIDTH)
        self.styles = styles
        self.lines: list[Content] = []
        self.actions: list[Action] = []
        self.body_start = 0

    def action(self, kind: str, value: str) -> Style:
        self.actions.append(Action(kind, value))
        return Style.from_meta({"act": len(self.actions) - 1})

    def spans(self, spans: tuple[Span, ...], base: Style | None = None) -> Content:
        parts: list[tuple[str, Style] | str] = []
        for span in spans:
            text = clean(span.text)
            if span.link:
                parts.append((text, self.styles.link + self.action("link", span.link)))
            elif base is not None:
                parts.append((text, base))
            else:
                parts.append(text)
        return Content.assemble(*parts)

    def add(self, content: Content, first: Content | str = "", indent: int = 0) -> None:
        """Wrap ``content`` after a prefix; continuation lines are indented by ``indent``."""
        prefix = Content(first) if isinstance(first, str) else first
        indent = max(indent, prefix.cell_length)
        avail = max(self.width - indent, 8)
        length = content.cell_length
        if length <= avail and "\n" not in content.plain:  # the common case: no wrapping needed
            wrapped = [content]
        else:
            wrapped = content.wrap(avail) if length else [Content("")]
        for i, line in enumerate(wrapped):
            lead = prefix.pad_right(indent - prefix.cell_length) if i == 0 else Content(" " * indent)
            self.lines.append(lead + line.rstrip())

    def blank(self) -> None:
        if self.lines and self.lines[-1].cell_length:
            self.lines.append(Content(""))


def _header(b: _Builder, page: Page, bookmarked: bool, note: str) -> None:
    s = b.styles
    if page.breadcrumb:
        parts: list[Content] = []
        for i, span in enumerate(page.breadcrumb):
            if i:
                parts.append(Content.styled(CRUMB_SEP, s.crumb))
            parts.append(b.spans((span,), s.crumb))
        b.add(Content("").join(parts))
        b.lines.append(Content(""))
    b.body_start = len(b.actions)
    head = Content.assemble(
        (clean(page.code), s.code), " ", (f" {clean(page.system)} ", s.badge), " "
    )
    b.add(Content.styled(clean(page.title), s.title), head, indent=2)
    flags = [clean(f) for f in page.flags]
    if bookmarked:
        flags.append("★ bookmarked")
    if flags:
        b.add(Content("  ").join(Content.styled(f"[{f}]", s.flag) for f in flags), "  ")
    for i, line in enumerate(strip_controls(note).splitlines()):
        b.add(Content.styled(clean(line), s.note), Content.styled("✎ Note: " if i == 0 else "", s.note), indent=8)
    b.blank()


def _label_width(section: Section) -> int:
    labels = [len(clean(r.label)) for r in section.rows if r.label]
    return min(max(labels, default=0) + 2, 28)


KEY_MAX = 12  # widest code column a list lines up on (ICD codes are 8, ranges up to 11)


def _keyed(row: Row) -> bool:
    """A list item: an unlabelled row that starts with a linked code followed by its text."""
    sp = row.spans
    return not row.label and len(sp) >= 2 and bool(sp[0].link) and sp[1].text.startswith("  ")


def _key_width(section: Section) -> int:
    widths = [len(clean(r.spans[0].text)) for r in section.rows if _keyed(r)]
    return min(max(widths, default=0), KEY_MAX)


def _row(b: _Builder, row: Row, label_w: int, key_w: int = 0) -> None:
    label = clean(row.label)
    if key_w and _keyed(row):
        # "RT  Right side (...)": the code is a column and the text wraps under the text,
        # so the next code down the list stays easy to find.
        base = 2 + label_w if label_w else 2
        key = b.spans(row.spans[:1])
        rest = (Span(row.spans[1].text.lstrip()), *row.spans[2:])
        lead = Content(" " * base) + key.pad_right(max(key_w - key.cell_length, 0)) + Content("  ")
        b.add(b.spans(rest), lead, indent=lead.cell_length)
        return
    body = b.spans(row.spans)
    if not label:
        b.add(body, "  ", indent=2 + label_w if label_w else 2)
    elif len(label) + 2 <= label_w <= b.width // 2:
        b.add(body, Content.styled(f"  {label}", b.styles.label), indent=2 + label_w)
    else:  # long label (or narrow screen): label on its own line, value below it
        b.add(Content.styled(label, b.styles.label), "  ")
        if body.cell_length:
            b.add(body, "    ")


def _section(b: _Builder, section: Section, collapsed: bool) -> None:
    s = b.styles
    count = section.total or len(section.rows)
    marker = "▸ " if collapsed else "▾ "
    title = clean(section.title) + (f" ({count})" if collapsed and count else "")
    b.add(Content.styled(marker + title, s.section + b.action("toggle", section.key)))
    if collapsed:
        return
    if section.source:
        b.add(Content.styled(clean(section.source), s.source), "  ")
    label_w = _label_width(section)
    key_w = _key_width(section)
    for row in section.rows:
        _row(b, row, label_w, key_w)
    if section.total > len(section.rows):
        more = f"… show all {section.total}"
        b.add(Content.styled(more, s.link + b.action("more", section.key)), "  ")


def layout_page(
    page: Page,
    width: int,
    *,
    collapsed: frozenset[str] = frozenset(),
    note: str = "",
    bookmarked: bool = False,
    styles: PageStyles | None = None,
) -> Layout:
    """Lines for ``page`` at ``width`` cells; ``collapsed`` holds the folded section keys."""
    b = _Builder(width, styles or PageStyles())
    _header(b, page, bookmarked, note)
    for section in page.sections:
        _section(b, section, section.key in collapsed)
        b.blank()
    while b.lines and not b.lines[-1].cell_length:
        b.lines.pop()
    places: list[list[tuple[int, int, int]]] = []
    action_line = [0] * len(b.actions)
    seen: set[int] = set()
    for y, line in enumerate(b.lines):
        here: list[tuple[int, int, int]] = []
        for span in line.spans:
            style = span.style
            if isinstance(style, Style) and style._meta is not None:
                act = style.meta.get("act")
                if isinstance(act, int):
                    here.append((span.start, span.end, act))
                    if act not in seen:
                        seen.add(act)
                        action_line[act] = y
        places.append(here)
    return Layout(b.lines, b.actions, places, action_line, b.width, b.body_start)
