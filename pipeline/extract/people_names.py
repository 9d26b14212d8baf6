"""The shape of a person's name in running French text."""

from __future__ import annotations

import regex

from pipeline.text.particles import NAME_PARTICLES

NAME_WORD = r"\p{Lu}[\p{L}'’.\-]*"
PARTICLE = "(?:" + "|".join(regex.escape(p) for p in NAME_PARTICLES) + ")"
PERSON = rf"{NAME_WORD}(?:[ \u00a0](?:{PARTICLE}[ \u00a0])?{NAME_WORD}){{0,4}}"
PERSON_LIST = rf"(?P<names>{PERSON}(?:\s*,\s*{PERSON})*(?:\s+et\s+{PERSON})?)"
PERSON_RE = regex.compile(PERSON)
