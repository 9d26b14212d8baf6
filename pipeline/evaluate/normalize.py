"""Text normalisation used before any gold/prediction comparison (contract: "How gold is compared")."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def _is_edge(char: str) -> bool:
    return char.isspace() or unicodedata.category(char).startswith("P")


def norm(value: object) -> str:
    """NFC, `’` -> `'`, casefold, collapse whitespace, strip surrounding spaces and punctuation.

    Accents are kept on purpose: a missing accent is a real extraction error.
    """
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value)).replace("\u2019", "'")
    text = unicodedata.normalize("NFC", text.casefold())
    text = _SPACES.sub(" ", text)
    start, end = 0, len(text)
    while start < end and _is_edge(text[start]):
        start += 1
    while end > start and _is_edge(text[end - 1]):
        end -= 1
    return text[start:end]
