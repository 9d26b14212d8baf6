"""The shape of a person's name in running French text."""

from __future__ import annotations

import regex

NAME_WORD = r"\p{Lu}[\p{L}'’.\-]*"
PARTICLE = r"(?:de|du|des|d['’]|el|al|ben|ibn|bin|ould|van|von|da|di|del|dos|le|la|y|e)"
PERSON = rf"{NAME_WORD}(?:[ \u00a0](?:{PARTICLE}[ \u00a0])?{NAME_WORD}){{0,4}}"
PERSON_LIST = rf"(?P<names>{PERSON}(?:\s*,\s*{PERSON})*(?:\s+et\s+{PERSON})?)"
PERSON_RE = regex.compile(PERSON)
