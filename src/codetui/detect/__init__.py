"""ICD-10-CM detection in clinical text (explicit codes and conditions in words). No Textual."""

from codetui.detect.core import Detector, Finding

__all__ = ["Detector", "Finding"]
