"""A small XML tree that remembers the line each element starts on.

Importers must name ``file:line`` for every rejected element, which ElementTree cannot do.
defusedxml's parser (pure-Python expat front end, no entity expansion, no external DTDs)
feeds this builder, so a 10 MB tabular file still parses in well under a second.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import defusedxml.ElementTree as DET
from defusedxml import DefusedXmlException

from codetui.importers.base import ImportError_, decode_bytes
from codetui.textclean import clean_field


class Node:
    """One element: tag, attributes, content in document order, children, 1-based start line.

    ``parts`` interleaves text and child nodes, so "Acid<nemod>(corrosive)</nemod> NEC" keeps
    its word order; ``children`` lists the child elements alone for quick lookups.
    """

    __slots__ = ("attrib", "children", "line", "parts", "tag")

    def __init__(self, tag: str, attrib: dict[str, str], line: int) -> None:
        self.tag = tag
        self.attrib = attrib
        self.parts: list[str | Node] = []
        self.children: list[Node] = []
        self.line = line

    def text(self) -> str:
        """Own text (not children's), cleaned: controls stripped, whitespace collapsed."""
        return clean_field("".join(p for p in self.parts if isinstance(p, str)))

    def all_text(self) -> str:
        """Own and descendants' text, cleaned (for elements with inline markup like <nemod>)."""
        pieces: list[str] = []

        def walk(n: Node) -> None:
            for p in n.parts:
                if isinstance(p, str):
                    pieces.append(p)
                else:
                    pieces.append(" ")
                    walk(p)
                    pieces.append(" ")

        walk(self)
        return clean_field("".join(pieces))

    def find(self, tag: str) -> Node | None:
        return next((c for c in self.children if c.tag == tag), None)

    def findall(self, tag: str) -> Iterator[Node]:
        return (c for c in self.children if c.tag == tag)

    def child_text(self, tag: str) -> str:
        c = self.find(tag)
        return c.text() if c is not None else ""


class _Builder:
    """ElementTree target interface (start/end/data/close) building ``Node`` objects."""

    def __init__(self) -> None:
        self.stack: list[Node] = []
        self.root: Node | None = None
        self.parser: DET.DefusedXMLParser | None = None

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        line = self.parser.parser.CurrentLineNumber if self.parser is not None else 0
        node = Node(tag, dict(attrib), line)
        if self.stack:
            self.stack[-1].children.append(node)
            self.stack[-1].parts.append(node)
        else:
            self.root = node
        self.stack.append(node)

    def end(self, tag: str) -> None:
        self.stack.pop()

    def data(self, text: str) -> None:
        if self.stack:
            self.stack[-1].parts.append(text)

    def close(self) -> Node | None:
        return self.root


def parse_xml(path: Path) -> Node:
    """Parse ``path`` into a ``Node`` tree; ImportError_ (naming the file) if it is not XML."""
    if not path.exists():
        raise ImportError_(f"{path}: file not found")
    data = path.read_bytes()
    builder = _Builder()
    parser = DET.DefusedXMLParser(target=builder, forbid_dtd=False, forbid_entities=True)
    builder.parser = parser
    try:
        # decode ourselves so cp1252 bytes or a BOM cannot stop the parse
        text = decode_bytes(data)
        if text.startswith("<?xml"):  # its encoding= no longer applies; lines stay put
            text = text[text.index("?>") + 2 :]
        parser.feed(text)
        root = parser.close()
    except (SyntaxError, DefusedXmlException, ValueError) as exc:
        raise ImportError_(f"{path}: not readable XML ({exc})") from None
    if root is None:
        raise ImportError_(f"{path}: empty XML document")
    return root
