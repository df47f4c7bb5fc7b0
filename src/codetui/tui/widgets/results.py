"""The search results list: code, system badge, title; terminated codes marked.

An ``OptionList`` (virtualised, cheap to refill) whose option ids are page targets, so
choosing one is just ``OpenTarget(option.id)``.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from codetui.textclean import strip_controls
from codetui.tui.messages import OpenTarget
from codetui.tui.searching import BADGES, Result


def _one_line(text: str) -> str:
    return strip_controls(text, keep_newlines=False)


def result_prompt(r: Result) -> Content:
    """``96417   CPT   title…`` as plain Content (never markup)."""
    badge = BADGES.get(r.system, r.system[:5])
    title = _one_line(r.title) or "—"
    parts: list[str | tuple[str, str]] = [
        (f"{_one_line(r.code):<9}", "bold"),
        (f"{badge:<6}", "$text-accent" if not r.terminated else "dim"),
    ]
    if r.terminated:
        parts.append(("[terminated] ", "$text-warning"))
        parts.append((title, "dim"))
    else:
        parts.append(title)
    return Content.assemble(*parts)


class ResultList(OptionList):
    """Results; Enter or a click posts ``OpenTarget``; Up on the first row returns to the input."""

    BINDINGS = [Binding("up", "up_or_leave", "Up (from the first row: back to the search box)", show=False)]

    def fill(self, results: Iterable[Result]) -> None:
        """Plain results (ids are the targets)."""
        self.fill_groups([("", list(results))])

    def fill_groups(self, groups: Iterable[tuple[str, list[Result]]]) -> None:
        """Headed groups (bookmarks, recently viewed); a page may appear in several groups."""
        options: list[Option] = []
        for g, (heading, results) in enumerate(groups):
            if heading and results:
                options.append(Option(Content.styled(heading, "bold"), disabled=True))
            options.extend(Option(result_prompt(r), id=f"{g}|{r.target}") for r in results)
        self.set_options(options)
        first = next((i for i, o in enumerate(self.options) if not o.disabled), None)
        self.highlighted = first

    def action_up_or_leave(self) -> None:
        first = next((i for i, o in enumerate(self.options) if not o.disabled), None)
        if self.highlighted is None or self.highlighted == first:
            self.screen.focus_previous()
        else:
            self.action_cursor_up()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(OpenTarget(event.option.id.partition("|")[2]))

    @property
    def highlighted_target(self) -> str | None:
        if self.highlighted is None:
            return None
        option = self.get_option_at_index(self.highlighted)
        return option.id.partition("|")[2] if option.id else None
