"""Check claim lines (F2): the ``codetui check`` core behind an input, findings as links.

Claim lines are typed exactly as on the command line (``96413 96417x2 J9045x4 99214-25``),
including ``--dx``, ``--dos`` and ``--setting``; the fields below the line say the same thing
for those who prefer them. Bad input is one line naming the token and why, never a traceback.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Input, Label, Static

from codetui.check import ClaimParseError, check_claim, parse_claim, tokenize
from codetui.check.claim import Claim, parse_dos, parse_dx, parse_setting
from codetui.textclean import strip_controls
from codetui.tui.screens.tool_pages import check_page, check_usage_page
from codetui.tui.screens.tools import ToolInput, ToolScreen
from codetui.tui.widgets.page_view import PageView
from codetui.tui.widgets.status import StatusLine

FLAGS = ("--dx", "--dos", "--setting")


def split_flags(text: str) -> tuple[list[str], dict[str, list[str]]]:
    """``'96417 --dx C50.911,Z51.11 --dos=2026-04-01'`` -> claim tokens and flag values.

    A flag's value is the next word (commas kept, so a dx list stays one value); the rest goes
    through the CLI's own ``tokenize`` (commas, ``dx:`` prefixes, ``#`` comments).
    """
    words = text.split()
    rest: list[str] = []
    flags: dict[str, list[str]] = {f: [] for f in FLAGS}
    i = 0
    while i < len(words):
        word = words[i]
        if word.startswith("--"):
            name, eq, value = word.partition("=")
            if name not in FLAGS:
                raise ClaimParseError(word, "unknown option (use --dx, --dos or --setting)")
            if not eq:
                i += 1
                if i >= len(words) or words[i].startswith("--"):
                    raise ClaimParseError(word, "needs a value")
                value = words[i]
            flags[name].append(value)
        else:
            rest.append(word)
        i += 1
    return tokenize(" ".join(rest)), flags


def _field(label: str, parse: Any, text: str) -> None:
    """Validate one option field so its error names the field."""
    if text.strip():
        try:
            parse(text)
        except ClaimParseError as exc:
            raise ClaimParseError(exc.token, f"{label}: {exc.reason}") from None


def build_claim(line: str, dx: str = "", dos: str = "", setting: str = "") -> Claim:
    """The claim from the input line and the option fields; inline flags win over fields."""
    _field("Dx", parse_dx, dx)
    _field("DOS", parse_dos, dos)
    _field("Setting", parse_setting, setting)
    tokens, flags = split_flags(line)
    dos_value = (flags["--dos"] or [dos.strip()])[-1] or None
    setting_value = (flags["--setting"] or [setting.strip()])[-1] or "practitioner"
    return parse_claim(tokens, dx=[d for d in [dx, *flags["--dx"]] if d.strip()], dos=dos_value,
                       setting=setting_value)


def error_line(exc: ClaimParseError) -> str:
    """``'9641Z': not a CPT/HCPCS code …`` as the CLI says it, on one line."""
    where = f"{exc.token!r}: " if exc.token else ""
    return strip_controls(f"{where}{exc.reason}", keep_newlines=False)


class CheckScreen(ToolScreen):
    """Claim line, option fields, the one-line error, findings."""

    TOOL = "check"
    HINT = "Enter check · ↓ findings · Esc browser · F1 keys"

    def compose(self) -> ComposeResult:
        with Horizontal(classes="tool-top"):
            yield Label("Check ", classes="tool-label")
            yield ToolInput(placeholder="claim lines, e.g. 96413 96417x2 J9045x4 99214-25", id="claim")
        with Horizontal(classes="tool-opts"):
            yield Label("Dx ", classes="tool-label")
            yield ToolInput(placeholder="e.g. C50.911, Z51.11", id="check-dx")
            yield Label(" DOS ", classes="tool-label")
            yield ToolInput(placeholder="today", id="check-dos")
            yield Label(" Setting ", classes="tool-label")
            yield ToolInput(placeholder="practitioner", id="check-setting")
        yield Static("", id="check-error", classes="tool-error")
        yield PageView(id="check-view")
        yield StatusLine()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#check-error").display = False
        self.call_after_refresh(self.view.show, check_usage_page())
        self.query_one("#claim").focus()

    def prefill(self, text: str) -> None:
        """Fill the claim line (from an ask suggestion) and check it."""
        self.query_one("#claim", Input).value = text
        self.run_check()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.run_check()

    def _values(self) -> tuple[str, str, str, str]:
        return tuple(self.query_one(f"#{i}", Input).value
                     for i in ("claim", "check-dx", "check-dos", "check-setting"))  # type: ignore[return-value]

    def show_error(self, text: str | None) -> None:
        err = self.query_one("#check-error", Static)
        err.display = bool(text)
        err.update(Content(text or ""))

    def run_check(self) -> None:
        line, dx, dos, setting = self._values()
        try:
            claim = build_claim(line, dx, dos, setting)
        except ClaimParseError as exc:
            self.show_error(error_line(exc))
            self.view.show(check_usage_page())  # findings of an earlier claim would mislead
            self.hint("Fix the claim and press Enter")
            return
        store = self.store_or_hint()
        if store is None:
            return
        self.show_error(None)
        self.hint("Checking…")

        def work() -> None:
            try:
                result = check_claim(store, claim)
            except Exception as exc:  # noqa: BLE001 - a rule bug must not take the browser down
                self.app.call_from_thread(self._failed, f"Check failed: {exc}")
                return
            self.app.call_from_thread(self._show, store, claim, result)

        self.run_worker(work, thread=True, exclusive=True, group="check", description="check claim",
                        exit_on_error=False)

    def _failed(self, text: str) -> None:
        self.show_error(text)
        self.hint()

    def _show(self, store: Any, claim: Claim, result: Any) -> None:
        self.view.show(check_page(store, claim, result))
        c = result.counts()
        counts = " · ".join(_plural(c[k], word) for k, word in (("error", "error"), ("warning", "warning"), ("info", "note")))
        self.hint(f"{counts} · ↓ findings, Enter opens a code")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
