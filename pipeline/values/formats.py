"""Film format lines (colour, gauge, aspect ratio) and age ratings."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from pipeline.text.normalize import fold, fold_key
from pipeline.values.lexicon import WORD_END, WORD_START, phrase_alternation
from pipeline.values.places import country_code
from pipeline.vocab import rows

Span = tuple[int, int]

_GAUGE = regex.compile(r"(?<![\d.,])(?P<size>\d{1,2}(?:[.,]5)?)\s*mm\b", regex.IGNORECASE)
_RATIO = regex.compile(
    r"(?<![\d.,])(?:[12][.,]\d{1,2}\s*:\s*1|(?:4|16)\s*[:/]\s*(?:3|9)|[12][.,]\d{2}(?!\s*(?:mm|\d|[.,]\d)))(?![\d])"
)
_AGE_PATTERNS: tuple[tuple[regex.Pattern[str], int | None], ...] = (
    (regex.compile(r"\b(?:tous|tout)[\s\-]+publics?\b", regex.IGNORECASE), 0),
    (regex.compile(r"\binterdit\w*\s+aux\s+mineurs\b", regex.IGNORECASE), 18),
    (regex.compile(
        r"(?:\b(?:interdiction|interdit|déconseillé|réservé|restriction|accord\s+parental)\w*\s+[^\d\n]{0,20}?)?"
        r"\bmoins\s+de\s+(?P<age>\d{1,2})\s*ans\b",
        regex.IGNORECASE,
    ), None),
    (regex.compile(r"(?<![\w\d\-])-\s?(?P<age>1[0-8]|[3-9])(?:\s*ans\b)?(?!\d)"), None),
)


@dataclass(frozen=True)
class FilmFormat:
    """Colours (`couleur`, `noir et blanc`), gauge (`35 mm`) and aspect ratio as written,
    each with the span it was read from."""

    colors: tuple[str, ...]
    gauge: str | None
    aspect_ratio: str | None
    color_spans: tuple[Span, ...] = ()
    gauge_span: Span | None = None
    aspect_span: Span | None = None


@cache
def _vocabulary() -> dict[str, dict[str, str]]:
    kinds: dict[str, dict[str, str]] = {}
    for kind, written, value in rows("film_formats.tsv"):
        kinds.setdefault(kind, {})[fold_key(written)] = value
    return kinds


@cache
def _named(kind: str) -> regex.Pattern[str]:
    written = [w for k, w, _ in rows("film_formats.tsv") if k == kind]
    return regex.compile(rf"{WORD_START}(?:{phrase_alternation(written)}){WORD_END}", regex.IGNORECASE)


def _colors(text: str) -> tuple[tuple[str, ...], tuple[Span, ...]]:
    colors: list[str] = []
    spans: list[Span] = []
    for match in _named("color").finditer(text):
        value = _vocabulary()["color"][fold_key(match.group())]
        if value not in colors:
            colors.append(value)
            spans.append(match.span())
    return tuple(colors), tuple(spans)


def _gauge(text: str) -> tuple[str, Span] | None:
    named = _named("gauge").search(text)
    sized = _GAUGE.search(text)
    if named and (sized is None or named.start() <= sized.start()):
        return _vocabulary()["gauge"][fold_key(named.group())], named.span()
    if sized:
        return f"{sized['size']} mm", sized.span()
    return None


def _aspect(text: str, gauge_span: Span | None) -> Span | None:
    """Where the aspect ratio is written: a number (`1,85:1`) or a named format
    (`CinemaScope`), outside the gauge (`Super 35`)."""
    spans = [m.span() for m in (_RATIO.search(text), _named("aspect").search(text)) if m is not None]
    spans = [s for s in spans if gauge_span is None or not (s[0] < gauge_span[1] and gauge_span[0] < s[1])]
    return min(spans) if spans else None


def parse_format(text: str) -> FilmFormat:
    """Colours, gauge and aspect ratio of a format line (`couleur — 70 mm — CinemaScope`);
    sound (`Mono`) and other items are ignored."""
    folded = fold(text)
    colors, color_spans = _colors(folded)
    gauge = _gauge(folded)
    aspect = _aspect(folded, gauge[1] if gauge else None)
    return FilmFormat(
        colors=colors,
        gauge=gauge[0] if gauge else None,
        aspect_ratio=text[aspect[0]:aspect[1]] if aspect else None,
        color_spans=color_spans,
        gauge_span=gauge[1] if gauge else None,
        aspect_span=aspect,
    )


def parse_age_rating(text: str) -> tuple[int, int, int] | None:
    """The minimum age a rating states, with its span: `interdiction aux moins de 12 ans`
    -> 12, `-16` -> 16, `tous publics` -> 0."""
    folded = fold(text)
    found: list[tuple[int, int, int]] = []
    for pattern, fixed in _AGE_PATTERNS:
        match = pattern.search(folded)
        if match is not None:
            age = fixed if fixed is not None else int(match["age"])
            found.append((age, match.start(), match.end()))
    return min(found, key=lambda item: item[1]) if found else None


COUNTRY_HEAD = regex.compile(r"\s*(?P<country>[^:();]+?)\s*:\s*")
_SEMICOLON = regex.compile(r"\s*;\s*")


def release_rating(values: list[str]) -> int | None:
    """The film's own release rating when a classification gives several: France's
    when France is named, and not one scoped to a later version
    (`France : tous publics (version cinéma) ; interdit aux moins de 16 ans (version intégrale)` -> 0)."""
    ranked: list[tuple[int, int, int, int]] = []
    for value in values:
        code: str | None = None
        for piece in _SEMICOLON.split(value):
            head = COUNTRY_HEAD.match(piece)
            if head and (named := country_code(head.group("country"))):
                code, piece = named, piece[head.end():]
            rating = parse_age_rating(piece)
            if rating is None:
                continue
            place = 0 if code == "FR" else 1 if code is None else 2
            later = 1 if _named("later_version").search(piece) else 0
            ranked.append((place, later, len(ranked), rating[0]))
    return min(ranked)[3] if ranked else None

