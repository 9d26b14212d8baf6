"""Filming locations stated in the prose of a Production section.

`Le tournage a lieu du 3 mai au 20 juillet 2003 à Lyon et à Turin` -> Lyon,
Turin. A sentence about the shoot (`tournage`, `tourné`) names its places
right after `à` (a town) or `en`/`au`/`aux` (a country); the places joined to
the first one by `,` or `et` follow it. Anything else in the section (who was
cast, what the music is) is an anecdote and gives nothing.
"""

from __future__ import annotations

import regex

from pipeline.extract.people import PLACE
from pipeline.model import BlockKind, Section, Span
from pipeline.text.clean import clean_span
from pipeline.values.places import country_code

SHOOT = regex.compile(r"\b(?:tournage|tourn[ée]e?s?)\b", regex.IGNORECASE)
SENTENCE_END = regex.compile(r"[.!?](?=\s|$)|\n")
FIRST_PLACE = regex.compile(rf"\b(?P<prep>à|au|aux|en)[ \u00a0]+(?P<place>{PLACE})")
NEXT_PLACE = regex.compile(rf"(?:[ \u00a0]*,[ \u00a0]*|[ \u00a0]+et[ \u00a0]+)(?:(?P<prep>à|au|aux|en)[ \u00a0]+)?(?P<place>{PLACE})")


def _place(text: str, m: regex.Match[str]) -> Span | None:
    """A town after `à`, a country after `en`, `au`, `aux`."""
    prep = m.group("prep") or "à"
    if prep != "à" and country_code(m.group("place")) is None:
        return None
    return clean_span(text, *m.span("place"))


def filming_locations(text: str, section: Section) -> list[Span]:
    """Places of the shoot named in the section's Production prose, in text order."""
    found: list[Span] = []
    for block in section.blocks_of(BlockKind.PRODUCTION):
        for unit in block.units:
            pos = unit.start
            for shoot in SHOOT.finditer(text, unit.start, unit.end):
                if shoot.start() < pos:
                    continue
                stop = SENTENCE_END.search(text, shoot.end(), unit.end)
                end = stop.start() if stop else unit.end
                first = FIRST_PLACE.search(text, shoot.end(), end)
                place = _place(text, first) if first else None
                if place is None:
                    continue
                found.append(place)
                at = first.end()
                while (more := NEXT_PLACE.match(text, at, end)) and (span := _place(text, more)):
                    found.append(span)
                    at = more.end()
                pos = end
    return found
