"""Genre lists (`film noir et drame`, `Guerre Drame`) split into lower-case genre names, each a Span."""

from __future__ import annotations

from functools import cache

import regex

from pipeline.model import Span
from pipeline.text.normalize import fold
from pipeline.values.lexicon import WORD_END, WORD_START, Lexicon
from pipeline.vocab import entries

_SEPARATOR = regex.compile(r"\s*(?:[,;/|\n•·]|\s[-–—]\s|\bet\b|\bou\b)\s*", regex.IGNORECASE)
# Footnote calls and punctuation around an item: not part of the genre.
_LEAD = regex.compile(r"[\s\W\d_]*")
_TRAIL = regex.compile(r"(?:\[[^\]]*\]|[\s\W\d_])*$")


@cache
def _pattern() -> regex.Pattern[str]:
    return regex.compile(rf"{WORD_START}(?:{Lexicon.of({g: g for g in entries('genres.txt')}).alternation()}){WORD_END}", regex.IGNORECASE)


def _genre(text: str, start: int, end: int) -> Span | None:
    """The item text[start:end] without the footnotes and punctuation around it."""
    first = _LEAD.match(text, start, end).end()
    last = _TRAIL.search(text, first, end).start()
    if first >= last:
        return None
    return Span(first, last, " ".join(text[first:last].lower().split()))


def _overlap(first: regex.Match[str], second: regex.Match[str]) -> bool:
    return first.start() < second.end() and second.start() < first.end()


def split_genres(text: str) -> list[Span]:
    """The genres of a genre list, in text order.

    Known genres are found even with no separator between them (`Guerre Drame`);
    an item made of other words is kept whole as written (`drame rural`).
    """
    folded = fold(text)
    known = list(_pattern().finditer(folded))
    cuts = [cut for cut in _SEPARATOR.finditer(folded) if not any(_overlap(cut, k) for k in known)]
    bounds = [0, *[edge for cut in cuts for edge in cut.span()], len(folded)]
    genres: list[Span] = []
    for start, end in zip(bounds[::2], bounds[1::2], strict=True):
        inside = [k for k in known if start <= k.start() and k.end() <= end]
        rest = _pattern().sub("", folded[start:end])
        if inside and not regex.search(r"\p{L}", rest):
            genres.extend(Span(k.start(), k.end(), " ".join(k.group().lower().split())) for k in inside)
        elif (genre := _genre(folded, start, end)) is not None:
            genres.append(genre)
    return genres
