"""Messages widgets post upward; the browser screen alone decides what happens."""

from __future__ import annotations

from textual.message import Message


class OpenTarget(Message):
    """Open a page: a target such as "code:96413", "icd:E11.42", "mod:59", "range:H40-H42"."""

    def __init__(self, target: str) -> None:
        super().__init__()
        self.target = target


class ShowAll(Message):
    """The user asked for every row of a truncated section of the current page."""

    def __init__(self, section_key: str) -> None:
        super().__init__()
        self.section_key = section_key
