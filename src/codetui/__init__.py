"""codetui: an offline reference for US medical billing codes.

The core (store, importers, indexes, search, relations, checks, text tools) never imports
Textual, so the CLI and the TUI are two thin faces over the same library.
"""

__version__ = "0.1.0"
