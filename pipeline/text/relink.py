"""Put back the spaces some mirrors drop around links.

A mirror that renders links without the spaces around them writes
`est unfilm dramatiquetunisien écrit etréalisé parKarim Saïdi` or
`obtient lePrix du jury lors de laBerlinale`. Every later stage reads
words, so the reader restores one space at each such join: a short word
from `link_glue.tsv` glued to a capitalised word, or two known words glued
into one (a head word or a nationality adjective, then a film noun, a
nationality adjective or a tail word). The repaired text is the document's
text from then on (written to `texts/`, so offsets stay checkable).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from pipeline.values.places import demonym_countries
from pipeline.vocab import film_nouns, rows

GROUPS = ("head", "tail")
# A lower-case word run (no letter, digit or apostrophe before it) that may hold a lost space: five
# letters or more (long enough to cut in two), or fewer before a character that may be upper-case
# (A-Z or beyond ASCII); the short words before a space or punctuation, most runs, are not looked at.
GLUE_CANDIDATE = regex.compile(
    r"(?<![\p{L}\p{N}'’_-])(?:\p{Ll}{5,}|\p{Ll}{1,4}(?=[^\x00-\x40\x5b-\x7f]))(?=\p{Lu}\p{Ll}|[^\p{L}\p{N}'’_-]|$)"
)


@dataclass(frozen=True)
class GlueWords:
    heads: frozenset[str]
    tails: frozenset[str]


@cache
def glue_words() -> GlueWords:
    """The `link_glue.tsv` vocabulary (checked by `pipeline.vocab`), with film nouns as tails."""
    groups: dict[str, set[str]] = {g: set() for g in GROUPS}
    for group, word in rows("link_glue.tsv"):
        groups[group].add(word)
    tails = groups["tail"] | {n for n in film_nouns() if " " not in n and "-" not in n and "'" not in n}
    return GlueWords(frozenset(groups["head"]), frozenset(tails))


@lru_cache(maxsize=1 << 14)
def _split_point(word: str) -> int | None:
    """Where a run of two known words glued together splits, or None; cached, as the same words come back in every document."""
    words = glue_words()
    if word in words.heads or word in words.tails or demonym_countries(word):
        return None
    for cut in range(2, len(word) - 1):
        head, tail = word[:cut], word[cut:]
        if (head in words.heads or demonym_countries(head)) and (tail in words.tails or demonym_countries(tail)):
            return cut
    return None


def glue_points(text: str) -> list[int]:
    """Positions where a space was lost, in text order."""
    words = glue_words()
    points = []
    for m in GLUE_CANDIDATE.finditer(text):
        word = m.group()
        if m.end() < len(text) and text[m.end()].isupper():
            if word in words.heads:
                points.append(m.end())
            continue
        cut = _split_point(word) if len(word) >= 5 else None
        if cut is not None:
            points.append(m.start() + cut)
    return points


def restore_link_spaces(text: str) -> tuple[str, int]:
    """The text with a space at every lost link boundary, and how many were restored."""
    points = glue_points(text)
    if not points:
        return text, 0
    pieces, pos = [], 0
    for point in points:
        pieces.append(text[pos:point])
        pos = point
    pieces.append(text[pos:])
    return " ".join(pieces), len(points)
