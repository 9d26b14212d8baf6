"""Strip Wikipedia residue from a value while keeping the map to source offsets.

Cleaning never rewrites the document: it marks the characters of a span
that are noise (footnotes, edit links, flag captions, bullets...) and reads
the value from the characters that remain, so the cleaned value always comes
with the first and last source positions it was read from.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from pipeline.model import Span

EDIT_LINK = regex.compile(
    r"\[\s*modifier(?:\s*\|\s*modifier le code)?\s*\]"
    r"|\bmodifier\s+Consultez la documentation du modèle"
    r"|(?<![\p{L}])modifier(?=\p{Lu})"
    r"|^\s*modifier(?:\s+le code)?\s*$",
    regex.MULTILINE,
)
BRACKET_NOTE = regex.compile(
    r"\[(?:\d{1,3}|[a-z]|note \d+|réf\.? (?:nécessaire|souhaitée)|Quoi \?|Lequel \?|Qui \?|Par qui \?|Quand \?|Où \?)\]"
    r"(?:\s*,?\s*\[(?:\d{1,3}|[a-z])\])*"
)
# Footnote digits glued to a word (`Bayed7.`, `PRODUCTIONS8`, `jury17`) or to a closing bracket.
GLUED_NOTE = regex.compile(
    r"(?:(?<=\p{Ll}{2})|(?<=\p{Lu}{3})|(?<=[)\]»\"]))\d{1,3}(?=[\s.,;:)\]]|$)", regex.MULTILINE
)
LANG_MARK = regex.compile(r"\((?:en|de|es|it|ar|fa|ru|pt|nl|sv|no|ja|zh|he|tr)\)")
IMAGE = regex.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
# `Drapeau du Maroc Maroc`: the caption goes, the country name after it stays.
FLAG_CAPTION = regex.compile(
    r"Drapeau\s+(?:du\s+|de\s+la\s+|de\s+l['’]|des\s+|d['’]|de\s+)?(?P<c>[\p{Lu}][\p{L}'’\- ]*?)\s+(?=(?P=c)\b)",
    regex.IGNORECASE,
)
BULLET_HERE = regex.compile(r"[ \t\u00a0]*(?:[-*•·‣▪◦–]|\d{1,2}\.)[ \t\u00a0]+")
BULLET = regex.compile(r"^" + BULLET_HERE.pattern, regex.MULTILINE)

NOISE: tuple[regex.Pattern[str], ...] = (EDIT_LINK, BRACKET_NOTE, GLUED_NOTE, LANG_MARK, IMAGE, FLAG_CAPTION, BULLET)

SPACES = frozenset(" \t\n\u00a0\u202f\u2009\u200b")
TRIM = frozenset(" \t\n\u00a0\u202f\u2009\u200b,;:|-–—.")


def noise_ranges(text: str, start: int, end: int, patterns: Iterable[regex.Pattern[str]] = NOISE) -> list[tuple[int, int]]:
    """Absolute ranges inside [start, end) that are residue, not content."""
    ranges = []
    for pattern in patterns:
        for m in pattern.finditer(text, start, end):
            if m.end() > m.start():
                ranges.append((m.start(), m.end()))
    return ranges


def clean_span(
    text: str,
    start: int,
    end: int,
    *,
    extra: Iterable[tuple[int, int]] = (),
    trim: frozenset[str] = TRIM,
    patterns: Iterable[regex.Pattern[str]] = NOISE,
) -> Span | None:
    """The value of text[start:end] without residue, whitespace collapsed.

    `extra` are further absolute ranges to drop (e.g. a qualifier already
    moved to a note). Returns None when nothing is left.
    """
    removed = bytearray(end - start)
    for a, b in [*noise_ranges(text, start, end, patterns), *extra]:
        for i in range(max(a, start), min(b, end)):
            removed[i - start] = 1
    chars: list[str] = []
    positions: list[int] = []
    pending_space = False
    for i in range(start, end):
        if removed[i - start]:
            pending_space = pending_space or bool(chars)
            continue
        ch = text[i]
        if ch in SPACES:
            pending_space = bool(chars)
            continue
        if pending_space:
            chars.append(" ")
            positions.append(i)
            pending_space = False
        chars.append(ch)
        positions.append(i)
    lo, hi = 0, len(chars)
    while lo < hi and chars[lo] in trim:
        lo += 1
    while hi > lo and chars[hi - 1] in trim:
        hi -= 1
    if lo >= hi:
        return None
    value = "".join(chars[lo:hi])
    value = regex.sub(r"\s+(?=[,)])|(?<=\()\s+", "", value)
    return Span(positions[lo], positions[hi - 1] + 1, value)


def strip_text(value: str) -> str:
    """Clean a free-standing string (no offsets needed)."""
    span = clean_span(value, 0, len(value))
    return span.value if span else ""


def cut_by_end(text: str, end: int) -> bool:
    """True when a value runs into the end of a text that stops mid-word.

    Scraped copies are often cut after a fixed number of characters
    (`Directeur de la photographie : Dominique G`): the last word of such a
    text cannot be trusted. A text ending with a newline, punctuation or a
    footnote number ends cleanly.
    """
    body = text.rstrip(" \t")
    return end >= len(body) and not text.endswith("\n") and (body[-1:].isalpha() or body[-1:] in "'’-")
