"""The search input and the system filter beside it."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Input

from codetui.tui.searching import FILTERS


class SearchInput(Input):
    """Down moves into the results (the screen decides where that is).

    ``?`` in an empty box opens the key list: the box has focus at start, and the status line
    says "? keys"; a lone "?" is no search anyone means, while "?" inside a query still types.
    """

    BINDINGS = [Binding("down", "to_results", "Results", show=False)]

    class ToResults(Message):
        """Leave the input downwards."""

    async def _on_key(self, event: events.Key) -> None:
        if event.character == "?" and not self.value:
            event.stop()
            event.prevent_default()
            await self.app.run_action("help")
            return
        await super()._on_key(event)

    def action_to_results(self) -> None:
        self.post_message(self.ToResults())


class FilterBar(Widget):
    """Shows the system filter; a click cycles it like Ctrl+T does."""

    DEFAULT_CSS = """
    FilterBar { width: auto; height: 1; padding: 0 1; }
    """

    index: reactive[int] = reactive(0)

    class Cycle(Message):
        """The user clicked the filter."""

    def render(self) -> Content:
        parts: list[str | tuple[str, str]] = []
        for i, (label, _) in enumerate(FILTERS):
            if i:
                parts.append(" ")
            parts.append((f"[{label}]", "bold reverse") if i == self.index else (label, "dim"))
        return Content.assemble(*parts)

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Cycle())
