"""Genre lists (`thriller et drame`, `Aventure Drame`) split into lower-case genre names, each a Span."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import cache

import regex

from pipeline.model import Span
from pipeline.text.normalize import fold
from pipeline.values.lexicon import WORD_END, WORD_START, phrase_alternation
from pipeline.vocab import entries

_SEPARATOR = regex.compile(r"\s*(?:[,;/|\n•·]|\s[-–—]\s|\bet\b|\bou\b)\s*", regex.IGNORECASE)
# Footnote calls and punctuation around an item: not part of the genre.
_LEAD = regex.compile(r"[\s\W\d_]*")
_TRAIL = regex.compile(r"(?:\[[^\]]*\]|[\s\W\d_])*$")
_LETTER = regex.compile(r"\p{L}")


@cache
def _pattern() -> regex.Pattern[str]:
    return regex.compile(rf"{WORD_START}(?:{phrase_alternation(entries('genres.txt'))}){WORD_END}", regex.IGNORECASE)


def _genre(text: str, start: int, end: int) -> Span | None:
    """The item text[start:end] without the footnotes and punctuation around it."""
    first = _LEAD.match(text, start, end).end()
    last = _TRAIL.search(text, first, end).start()
    if first >= last:
        return None
    return Span(first, last, " ".join(text[first:last].lower().split()))


class _Known:
    """Known genres found in a list, in text order (they never overlap), looked up by position in log time."""

    def __init__(self, matches: list[regex.Match[str]]) -> None:
        self.matches = matches
        self.starts = [m.start() for m in matches]
        self.ends = [m.end() for m in matches]

    def overlaps(self, start: int, end: int) -> bool:
        first_ending_after = bisect_right(self.ends, start)
        return first_ending_after < len(self.matches) and self.starts[first_ending_after] < end

    def inside(self, start: int, end: int) -> list[regex.Match[str]]:
        return self.matches[bisect_left(self.starts, start):bisect_right(self.ends, end)]


def split_genres(text: str) -> list[Span]:
    """The genres of a genre list, in text order.

    Known genres are found even with no separator between them (`Guerre Drame`);
    an item made of other words is kept whole as written (`drame rural`).
    """
    folded = fold(text)
    known = _Known(list(_pattern().finditer(folded)))
    cuts = [cut for cut in _SEPARATOR.finditer(folded) if not known.overlaps(*cut.span())]
    bounds = [0, *[edge for cut in cuts for edge in cut.span()], len(folded)]
    genres: list[Span] = []
    for start, end in zip(bounds[::2], bounds[1::2], strict=True):
        inside = known.inside(start, end)
        rest = _pattern().sub("", folded[start:end])
        if inside and not _LETTER.search(rest):
            genres.extend(Span(k.start(), k.end(), " ".join(k.group().lower().split())) for k in inside)
        elif (genre := _genre(folded, start, end)) is not None:
            genres.append(genre)
    return genres
