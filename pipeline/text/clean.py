"""Strip Wikipedia residue from a value while keeping the map to source offsets.

Cleaning never rewrites the document: it marks the characters of a span
that are noise (footnotes, edit links, flag captions, bullets...) and reads
the value from the characters that remain, so the cleaned value always comes
with the first and last source positions it was read from.
"""

from __future__ import annotations

from functools import cache

import regex

from pipeline.model import Span

# An edit-link bracket whatever its links (`[modifier]`, `[modifier | modifier le code]`), as segmentation
# finds headings by it.
EDIT_BRACKET = r"\[\s*modifier[^\]\n]*\]"
EDIT_LINK = regex.compile(
    r"\[\s*modifier(?:\s*\|\s*modifier le code)?\s*\]"
    r"|\bmodifier\s+Consultez la documentation du modèle"
    r"|(?<![\p{L}])modifier(?=\p{Lu}|[-–•*·]\s)"
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
# `- `, `* `, and doubled for a nested list: `** `.
BULLET_HERE = regex.compile(r"[ \t\u00a0]*(?:[-*•·‣▪◦–]{1,2}|\d{1,2}\.)[ \t\u00a0]+")
BULLET = regex.compile(r"^" + BULLET_HERE.pattern, regex.MULTILINE)

NOISE_PATTERNS: tuple[regex.Pattern[str], ...] = (EDIT_LINK, BRACKET_NOTE, GLUED_NOTE, LANG_MARK, IMAGE, FLAG_CAPTION, BULLET)
# One pass over a span finds every kind of residue.
NOISE = regex.compile(
    "|".join(
        f"(?{'i' if p.flags & regex.IGNORECASE else ''}m:{p.pattern})" if p.flags & (regex.IGNORECASE | regex.MULTILINE) else f"(?:{p.pattern})"
        for p in NOISE_PATTERNS
    )
)

# What every residue match holds: a bracket, a parenthesis, `!`, a digit, a bullet, `modifier` or `drapeau`.
# A span without any is kept whole without trying NOISE's alternatives at each of its characters.
NOISE_MARK = regex.compile(r"[\[(!\d\-*•·‣▪◦–]|modifier|(?i:drapeau)")

SPACE_RUN = regex.compile(r"[\s\u00a0\u202f\u2009\u200b]+")
SPACE_BEFORE_CLOSE = regex.compile(r"\s+(?=[,)])|(?<=\()\s+")
TRIM = frozenset(" \t\n\u00a0\u202f\u2009\u200b,;:|-–—.")


def clean_span(text: str, start: int, end: int, *, trim: frozenset[str] = TRIM) -> Span | None:
    """The value of text[start:end] without residue, whitespace collapsed.

    Removed residue counts as a space between the words around it. The span
    returned runs from the first to the last character kept. Returns None
    when nothing is left.
    """
    kept: list[tuple[int, int]] = []
    pos = start
    if NOISE_MARK.search(text, start, end):
        for m in NOISE.finditer(text, start, end):
            if m.end() > m.start():
                if m.start() > pos:
                    kept.append((pos, m.start()))
                pos = max(pos, m.end())
    if pos < end:
        kept.append((pos, end))
    chars = _trim_chars(trim)
    first = last = -1
    for a, b in kept:
        piece = text[a:b]
        rest = piece.lstrip(chars)
        if rest:
            first = a + len(piece) - len(rest)
            break
    if first == -1:
        return None
    for a, b in reversed(kept):
        rest = text[a:b].rstrip(chars)
        if rest:
            last = a + len(rest)
            break
    if len(kept) == 1:
        value = text[first:last]
    else:
        value = " ".join(text[max(a, first):min(b, last)] for a, b in kept if a < last and b > first)
    if "  " in value or not value.isprintable() or value[0] == " " or value[-1] == " ":
        # Printable text's only space is U+0020: with no two in a row and none at an end, the value is
        # already collapsed and stripped.
        value = SPACE_RUN.sub(" ", value).strip()
    if "(" in value or "," in value or ")" in value:
        value = SPACE_BEFORE_CLOSE.sub("", value)
    return Span(first, last, value)


@cache
def _trim_chars(trim: frozenset[str]) -> str:
    """The trim set as the string `str.strip` takes (a handful of sets in all)."""
    return "".join(sorted(trim))


def cut_by_end(text: str, end: int) -> bool:
    """True when a value runs into the end of a text that stops mid-word.

    Scraped copies are often cut after a fixed number of characters
    (`Directeur de la photographie : Bernard L`): the last word of such a
    text cannot be trusted. A text ending with a newline, punctuation or a
    footnote number ends cleanly.
    """
    body = text.rstrip(" \t")
    return end >= len(body) and not text.endswith("\n") and (body[-1:].isalpha() or body[-1:] in "'’-")
