"""Command palette (Ctrl+P) provider that finds codes with the same search as the box."""

from __future__ import annotations

import asyncio
from functools import partial

from textual.command import Hit, Hits, Provider

from codetui.textclean import strip_controls
from codetui.tui.widgets.results import result_prompt

PALETTE_LIMIT = 20


class CodeProvider(Provider):
    """Hits are Content (never markup), so store text cannot inject palette markup."""

    async def search(self, query: str) -> Hits:
        app = self.app
        if not query.strip() or app.store is None:  # type: ignore[attr-defined]
            return
        results = await asyncio.to_thread(app.searcher, app.store, query, None, PALETTE_LIMIT)  # type: ignore[attr-defined]
        for rank, r in enumerate(results):
            yield Hit(
                score=1.0 - rank / (PALETTE_LIMIT + 1),
                match_display=result_prompt(r),
                command=partial(app.open_target, r.target),  # type: ignore[attr-defined]
                text=strip_controls(f"{r.code} {r.title}", keep_newlines=False),
            )
