"""Browser-style navigation history, with no UI in it.

Why a plain class: the TUI's back/forward behaviour is the part users notice when it is wrong
("back went somewhere odd"), so it lives here with its own unit tests instead of inside a
screen. Semantics follow a web browser (and textual's Markdown ``Navigator``): a new visit
drops every forward entry; back and forward only move the cursor.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


class History(Generic[T]):
    """A list of visited items and a cursor into it."""

    def __init__(self, limit: int = 500) -> None:
        if limit < 1:
            raise ValueError("limit must be at least 1")
        self._limit = limit
        self._items: list[T] = []
        self._index = -1

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[T]:
        return iter(list(self._items))

    @property
    def index(self) -> int:
        """Position of the current item (-1 when nothing was visited yet)."""
        return self._index

    @property
    def current(self) -> T | None:
        return self._items[self._index] if self._index >= 0 else None

    @property
    def can_back(self) -> bool:
        return self._index > 0

    @property
    def can_forward(self) -> bool:
        return 0 <= self._index < len(self._items) - 1

    def visit(self, item: T) -> None:
        """Record a new visit: forward entries are dropped; revisiting the current item is a no-op."""
        if self.current == item:
            return
        del self._items[self._index + 1 :]
        self._items.append(item)
        if len(self._items) > self._limit:
            del self._items[: len(self._items) - self._limit]
        self._index = len(self._items) - 1

    def back(self) -> T | None:
        """Step back; returns the new current item, or None (and stays put) at the start."""
        if not self.can_back:
            return None
        self._index -= 1
        return self._items[self._index]

    def forward(self) -> T | None:
        """Step forward; returns the new current item, or None (and stays put) at the end."""
        if not self.can_forward:
            return None
        self._index += 1
        return self._items[self._index]

    def go(self, index: int) -> T | None:
        """Jump to an entry (as picked from a history list) without recording a visit."""
        if not 0 <= index < len(self._items):
            return None
        self._index = index
        return self._items[index]
