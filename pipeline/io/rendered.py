"""What a markup reader (HTML, wikitext, dump page) gives back to `read`, and the layout of its text.

Every reader lays its text out the same way, so the extractors read one
format whatever the markup: list items as `- ` lines indented by depth,
table and infobox rows as `cell | cell |` lines, a cell's lines joined by `, `.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

INDENT = "  "  # one list level
BULLET = "- "  # before a list item's text
CELL_JOIN = ", "  # between the lines of one cell


def cell_text(lines: Iterable[str]) -> str:
    """A cell on one line: its non-empty lines joined."""
    return CELL_JOIN.join(line for line in lines if line)


def row_line(cells: Iterable[str]) -> str:
    """A table or infobox row as the extractors read it."""
    return " | ".join(cells) + " |"


@dataclass(frozen=True)
class Rendered:
    """The text the extractors read, and what the user should know about how it was made."""

    text: str
    notes: tuple[str, ...] = ()  # one warning each, like the reader's repairs


class MarkupError(ValueError):
    """Markup with no article text in it; the message says why, and becomes the document's error row."""
