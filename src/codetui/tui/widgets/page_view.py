"""A code page as a line-API scroll view with a link cursor.

Why a cursor instead of focusable widgets: every code, modifier and range on a page must be
reachable by keyboard, and a page can hold hundreds of them. One focusable view that moves a
cursor between its actions (Tab / arrows, Enter) and maps clicks through span metadata keeps
opening a page to one layout pass. Following a link only posts ``OpenTarget``; the screen
decides what that means.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from codetui.pages.model import Page
from codetui.tui.layout import Action, Layout, PageStyles, layout_page
from codetui.tui.messages import OpenTarget, ShowAll


class PageView(ScrollView, can_focus=True):
    """Shows one ``Page``; Tab/Shift+Tab/Up/Down move between links, Enter follows."""

    COMPONENT_CLASSES = {
        "page--link",
        "page--cursor",
        "page--code",
        "page--badge",
        "page--title",
        "page--flag",
        "page--note",
        "page--section",
        "page--source",
        "page--label",
        "page--crumb",
    }

    DEFAULT_CSS = """
    PageView { height: 1fr; padding: 0 1; overflow-x: hidden; }
    PageView > .page--link { color: $text-accent; text-style: underline; }
    PageView > .page--cursor { text-style: bold reverse; }
    PageView > .page--code { text-style: bold; }
    PageView > .page--badge { background: $primary; color: $text; }
    PageView > .page--title { text-style: bold; }
    PageView > .page--flag { color: $text-warning; }
    PageView > .page--note { color: $text-success; }
    PageView > .page--section { color: $text-primary; text-style: bold; }
    PageView > .page--source { color: $text-muted; }
    PageView > .page--label { color: $text-muted; }
    PageView > .page--crumb { color: $text-muted; }
    """

    BINDINGS = [
        Binding("tab", "next_link", "Next link", show=False),
        Binding("shift+tab", "prev_link", "Previous link", show=False),
        Binding("down,j", "down", "Next link or section header (scrolls between)", show=False),
        Binding("up,k", "up", "Previous link or section header", show=False),
        Binding("enter", "activate", "Follow link / fold or unfold section", show=False),
        Binding("space,pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("home", "first", "Top", show=False),
        Binding("end", "last", "Bottom", show=False),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.page: Page | None = None
        self.note = ""
        self.bookmarked = False
        self.collapsed: frozenset[str] = frozenset()
        self.cursor = -1
        self._layout: Layout | None = None

    # ---- content -------------------------------------------------------------------------
    def show(
        self,
        page: Page,
        *,
        note: str = "",
        bookmarked: bool = False,
        cursor: int = -1,
        collapsed: frozenset[str] | None = None,
    ) -> None:
        """Display a page from the top, folded as the reader left it (``collapsed``) or by the
        page's own defaults."""
        self.page = page
        self.note = note
        self.bookmarked = bookmarked
        if collapsed is None:
            collapsed = frozenset(s.key for s in page.sections if s.collapsed)
        self.collapsed = collapsed
        self._relayout()
        self.cursor = cursor if 0 <= cursor < len(self.actions) else -1
        self.scroll_to(0, 0, animate=False, immediate=True)
        if self.cursor > 0:
            self._reveal()

    def update_extras(self, *, note: str | None = None, bookmarked: bool | None = None) -> None:
        """Refresh the note / bookmark marks without losing the reader's place."""
        if note is not None:
            self.note = note
        if bookmarked is not None:
            self.bookmarked = bookmarked
        self._relayout(keep_cursor=True)

    @property
    def actions(self) -> list[Action]:
        return self._layout.actions if self._layout else []

    @property
    def current_action(self) -> Action | None:
        acts = self.actions
        return acts[self.cursor] if 0 <= self.cursor < len(acts) else None

    def _styles(self) -> PageStyles:
        g = self.get_visual_style
        return PageStyles(
            link=g("page--link", partial=True),
            code=g("page--code", partial=True),
            badge=g("page--badge", partial=True),
            title=g("page--title", partial=True),
            flag=g("page--flag", partial=True),
            note=g("page--note", partial=True),
            section=g("page--section", partial=True),
            source=g("page--source", partial=True),
            label=g("page--label", partial=True),
            crumb=g("page--crumb", partial=True),
        )

    def _relayout(self, keep_cursor: bool = False) -> None:
        if self.page is None:
            self._layout = None
            self.virtual_size = Size(0, 0)
            self.refresh()
            return
        old = self.current_action if keep_cursor else None
        width = self.scrollable_content_region.width or self.app.size.width - 2
        self._layout = layout_page(
            self.page,
            width,
            collapsed=self.collapsed,
            note=self.note,
            bookmarked=self.bookmarked,
            styles=self._styles(),
        )
        if old is not None:
            self.cursor = next((i for i, a in enumerate(self.actions) if a == old), 0)
        self.cursor = min(self.cursor, len(self.actions) - 1)
        self.virtual_size = Size(self._layout.width, len(self._layout.lines))
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        if self._layout is not None and self.scrollable_content_region.width != self._layout.width:
            self._relayout(keep_cursor=True)

    # ---- drawing -------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        base = self.rich_style
        index = scroll_y + y
        lay = self._layout
        if lay is None or index >= len(lay.lines):
            return Strip.blank(width, base)
        line: Content = lay.lines[index]
        for start, end, act in lay.places[index]:
            if act == self.cursor:
                line = line.stylize(self._cursor_style(), start, end)
        strip = Strip(line.render_segments(self.visual_style), line.cell_length)
        return strip.crop_extend(scroll_x, scroll_x + width, base).apply_offsets(scroll_x, index)

    def _cursor_style(self) -> Style:
        """The CSS cursor style; ``get_visual_style`` drops ``reverse``, so add it back."""
        style = self.get_visual_style("page--cursor", partial=True)
        if self.get_component_styles("page--cursor").text_style.reverse:
            style = style + Style(reverse=True)
        return style

    # ---- cursor --------------------------------------------------------------------------
    def _line_of(self, act: int) -> int:
        return self._layout.action_line[act] if self._layout and 0 <= act < len(self.actions) else 0

    @property
    def cursor_line(self) -> int:
        """The layout line the cursor is on (0 when there is no cursor)."""
        return self._line_of(self.cursor)

    def _reveal(self) -> None:
        if self.cursor >= 0:
            y = self._line_of(self.cursor)
            self.scroll_to_region(Region(0, max(y - 1, 0), 1, 3), animate=False, immediate=True)

    def _move_to(self, act: int) -> None:
        self.cursor = act
        self._reveal()
        self.refresh()

    def _visible(self, act: int) -> bool:
        top = round(self.scroll_y)
        return top <= self._line_of(act) < top + self.scrollable_content_region.height

    @property
    def _body_start(self) -> int:
        return self._layout.body_start if self._layout else 0

    def _tab_stops(self) -> list[int]:
        """Links and "show all" (section headers are reached with the arrow keys)."""
        return [i for i, a in enumerate(self.actions) if a.kind != "toggle"]

    def action_next_link(self) -> None:
        start = self._body_start if self.cursor < 0 else self.cursor + 1
        nxt = next((i for i in self._tab_stops() if i >= start), None)
        if nxt is not None:
            self._move_to(nxt)
        else:
            self.screen.focus_next()

    def action_prev_link(self) -> None:
        end = len(self.actions) if self.cursor < 0 else self.cursor
        prv = next((i for i in reversed(self._tab_stops()) if i < end), None)
        if prv is not None:
            self._move_to(prv)
        else:
            self.screen.focus_previous()

    def action_down(self) -> None:
        """Next link if it is on screen, else scroll a line (so text between links is read)."""
        nxt = self._body_start if self.cursor < 0 else self.cursor + 1
        if self.cursor >= 0 and not self._visible(self.cursor):
            top = round(self.scroll_y)
            nxt = next((i for i in range(len(self.actions)) if self._line_of(i) >= top), len(self.actions))
        if nxt < len(self.actions) and (self._visible(nxt) or self.scroll_y >= self.max_scroll_y):
            self._move_to(nxt)
        else:
            self.scroll_down(animate=False, immediate=True)

    def action_up(self) -> None:
        prv = self.cursor - 1
        if self.cursor >= 0 and not self._visible(self.cursor):
            bottom = round(self.scroll_y) + self.scrollable_content_region.height
            prv = next((i for i in reversed(range(len(self.actions))) if self._line_of(i) < bottom), -1)
        if prv >= 0 and (self._visible(prv) or self.scroll_y <= 0):
            self._move_to(prv)
        else:
            self.scroll_up(animate=False, immediate=True)

    def _cursor_to_view(self) -> None:
        top = round(self.scroll_y)
        for i in range(len(self.actions)):
            if self._visible(i) or self._line_of(i) >= top:
                self.cursor = i
                break
        self.refresh()

    PAGE_OVERLAP = 2  # lines kept from the previous screen, so the reader keeps their place

    def _page_step(self) -> int:
        return max(self.scrollable_content_region.height - self.PAGE_OVERLAP, 1)

    def action_page_down(self) -> None:
        self.scroll_to(y=self.scroll_y + self._page_step(), animate=False, immediate=True)
        self.call_after_refresh(self._cursor_to_view)

    def action_page_up(self) -> None:
        self.scroll_to(y=self.scroll_y - self._page_step(), animate=False, immediate=True)
        self.call_after_refresh(self._cursor_to_view)

    def action_first(self) -> None:
        self.scroll_home(animate=False, immediate=True)
        if self.actions:
            self.cursor = 0
        self.refresh()

    def action_last(self) -> None:
        self.scroll_end(animate=False, immediate=True)
        if self.actions:
            self.cursor = len(self.actions) - 1
        self.refresh()

    # ---- following -----------------------------------------------------------------------
    def action_activate(self) -> None:
        act = self.current_action
        if act is not None:
            self.run_page_action(act)

    def run_page_action(self, act: Action) -> None:
        if act.kind == "link":
            self.post_message(OpenTarget(act.value))
        elif act.kind == "toggle":
            self.collapsed = self.collapsed ^ {act.value}
            self._relayout(keep_cursor=True)
        elif act.kind == "more":
            self.post_message(ShowAll(act.value))

    def on_click(self, event: events.Click) -> None:
        act = event.style.meta.get("act")
        if isinstance(act, int) and 0 <= act < len(self.actions):
            event.stop()
            self.cursor = act
            self.refresh()
            self.run_page_action(self.actions[act])
