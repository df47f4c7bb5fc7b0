"""Page models: what a code page shows, as plain data, for the TUI and the CLI alike.

``build_page(store, target)`` turns a target ("code:96417", "icd:E11.42", "mod:59",
"range:H40-H42") into a ``Page`` of sections, rows and spans; a span with ``link`` set is a
link to another target. The TUI renders pages as widgets, ``codetui lookup`` as text.
"""

from codetui.pages.model import Link, Page, Row, Section, Span, parse_target, target_for

__all__ = ["Link", "Page", "Row", "Section", "Span", "parse_target", "target_for"]
