"""What a markup reader (HTML, wikitext, dump page) gives back to `read`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rendered:
    """The text the extractors read, and what the user should know about how it was made."""

    text: str
    notes: tuple[str, ...] = ()  # one warning each, like the reader's repairs


class MarkupError(ValueError):
    """Markup with no article text in it; the message says why, and becomes the document's error row."""
