"""Offline PHI redaction (HIPAA Safe Harbor identifiers) for clinical text. No Textual here."""

from codetui.redact.core import Redaction, Redactor, redact
from codetui.redact.spans import Span

__all__ = ["Redaction", "Redactor", "Span", "redact"]
