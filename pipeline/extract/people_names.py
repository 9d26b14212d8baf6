"""The shape of a person's name in running French text."""

from __future__ import annotations

import regex

# Lower-case words that may stand between the capitalised words of a name
# (`Hassan el Fassi`, `Boubacar Zongo dos Santos`, `Gabriel García y Márquez`).
NAME_PARTICLES: tuple[str, ...] = (
    "de", "du", "des", "d'", "d’", "el", "al", "ben", "ibn", "bin", "ould", "van", "von", "da", "di", "del", "dos",
    "le", "la", "y", "e",
)
NAME_WORD = r"\p{Lu}[\p{L}'’.\-]*"
PARTICLE = "(?:" + "|".join(regex.escape(p) for p in NAME_PARTICLES) + ")"
PERSON = rf"{NAME_WORD}(?:[ \u00a0](?:{PARTICLE}[ \u00a0])?{NAME_WORD}){{0,4}}"
PERSON_LIST = rf"(?P<names>{PERSON}(?:\s*,\s*{PERSON})*(?:\s+et\s+{PERSON})?)"
PERSON_RE = regex.compile(PERSON)
