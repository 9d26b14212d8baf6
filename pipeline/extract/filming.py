"""Filming locations stated in prose: a Production section, and close to the shoot word elsewhere.

`Le tournage a lieu du 3 mai au 20 juillet 2003 à Lyon et à Turin` -> Lyon,
Turin. A sentence about the shoot (`tournage`, `tourné`) names its places
right after `à` (a town) or `en`/`au`/`aux` (a country); the places joined to
the first one by `,` or `et` follow it. Anything else in the section (who was
cast, what the music is) is an anecdote and gives nothing; outside Production
the place must follow the shoot word closely (`tourné au Sénégal`).
"""

from __future__ import annotations

import regex

from pipeline.extract.people import PLACE
from pipeline.extract.sentences import sentence_end
from pipeline.model import BlockKind, Section, Span
from pipeline.text.clean import clean_span
from pipeline.values.places import country_code

SHOOT = regex.compile(r"\b(?:tournage|tourn[ée]e?s?)\b", regex.IGNORECASE)
FIRST_PLACE = regex.compile(rf"\b(?P<prep>à|au|aux|en)[ \u00a0]+(?P<place>{PLACE})")
CLOSE_PLACE = regex.compile(rf"(?:\s+(?:a\s+lieu|se\s+déroule|principalement|entièrement|en\s+partie|notamment))*[ \u00a0]+(?P<prep>à|au|aux|en)[ \u00a0]+(?P<place>{PLACE})")
ELSEWHERE = (BlockKind.INTRO, BlockKind.SYNOPSIS, BlockKind.OTHER)
NEXT_PLACE = regex.compile(rf"(?:[ \u00a0]*,[ \u00a0]*|[ \u00a0]+et[ \u00a0]+)(?:(?P<prep>à|au|aux|en)[ \u00a0]+)?(?P<place>{PLACE})")


def _place(text: str, m: regex.Match[str]) -> Span | None:
    """A town after `à`, a country after `en`, `au`, `aux`."""
    prep = m.group("prep") or "à"
    if prep != "à" and country_code(m.group("place")) is None:
        return None
    return clean_span(text, *m.span("place"))


def filming_locations(text: str, section: Section) -> list[Span]:
    """Places of the shoot named in the section's Production prose, in text order; in
    the rest of its prose (opening, synopsis tail, other sections) only a place that
    follows the shoot word closely (`tourné au Sénégal`, `le tournage a lieu à Mopti`)."""
    found: list[Span] = []
    for block in section.blocks_of(BlockKind.PRODUCTION, *ELSEWHERE):
        close = block.kind is not BlockKind.PRODUCTION
        for unit in block.units:
            pos = unit.start
            for shoot in SHOOT.finditer(text, unit.start, unit.end):
                if shoot.start() < pos:
                    continue
                end = sentence_end(text, shoot.end(), unit.end)
                first = (CLOSE_PLACE.match if close else FIRST_PLACE.search)(text, shoot.end(), end)
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
