"""Find the opening sentences that start a film or a person article.

French encyclopedic articles open with `Titre (autres titres) est un film ...`
or `Nom (arabe : ...), né le ..., est un réalisateur ...`. Scraped documents
glue articles together (`...à Sfax.Zanka (en arabe...`,
`...metteur en scèneLe Sillage est un film`), so a title may start at a line
start or right after a glue point (a sentence end, a digit or a lower-case
word followed by a capital with no space between).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from pipeline.model import SectionKind, Span
from pipeline.text.alternation import phrase_unit
from pipeline.text.clean import clean_span
from pipeline.text.flat_infobox import flat_fields, title_in_last_value
from pipeline.text.normalize import letters_key
from pipeline.text.particles import PARTICLE_WORDS
from pipeline.values.places import country_code
from pipeline.vocab import film_nouns, is_furniture, occupations, title_regions

MAX_TITLE_WORDS = 12
# How far before `est un film` a title and its parenthesis may start.
LOOK_BACK = 400
MAX_NAME_WORDS = 6
NOT_A_TITLE_START = frozenset(
    "il elle ils elles on c' c’ cela ceci qui dont mais et or donc puis ce cet cette ces son sa ses leur leurs le la les l' l’ un une".split()
)
# `Pour Télérama, Le Pré est un film sensible`: a critic's judgement in an Accueil section, not an opening.
ATTRIBUTION_START = frozenset("pour selon d'après d’après chez".split())
ATTRIBUTED = regex.compile(r",[ \u00a0]+[\p{Lu}«]")


@dataclass(frozen=True)
class Intro:
    """An article's opening sentence."""

    kind: SectionKind
    title: Span  # the film title or the person's name
    paren: tuple[int, int] | None  # the parenthesis after the title, brackets excluded
    sentence_end: int


@cache
def _film_verb() -> regex.Pattern[str]:
    char = phrase_unit("[ -]")
    nouns = "|".join("".join(map(char, n)) for n in film_nouns())
    return regex.compile(
        rf"(?<=[ \u00a0])(?:est|était|fut)[ \u00a0]+(?:un|une)[ \u00a0]+(?:[\p{{L}}-]+[ \u00a0]+){{0,2}}?(?:{nouns})\b",
        regex.IGNORECASE,
    )


@cache
def _person_verb() -> regex.Pattern[str]:
    occ = "|".join(regex.escape(o) for o in occupations())
    return regex.compile(
        rf",[ \u00a0]*(?:né|née)\b|(?<=[ \u00a0])est[ \u00a0]+(?:un|une)[ \u00a0]+(?:{occ})",
        regex.IGNORECASE,
    )


# Unexpanded template text a mirror left before the title: `Modèle:Infobox V3/Fin`,
# `Modèle:Voir homonymes` (the name runs on in lower-case words or `/` parts).
TEMPLATE = regex.compile(r"Modèle:[^\s/]+(?:[ \u00a0](?:\p{Ll}\S*|\S*/\S*))*(?:/\S+)?")
# `X (arabe : ...), parfois simplement appelé Y, est un film`: Y is another title form
# (a scope before it, `appelé au Mali Y`, is not part of it).
ALIAS = regex.compile(
    r",[ \u00a0]*(?:(?:parfois|aussi|également|souvent|plus|simplement|couramment|communément)[ \u00a0]+)*"
    r"(?:appelée?s?|intitulée?s?|titrée?s?|surnommée?s?|connue?s?[ \u00a0]+sous[ \u00a0]+(?:le[ \u00a0]+)?(?:nom|titre)[ \u00a0]+(?:de[ \u00a0]+|d['’]))"
    r"[ \u00a0]*(?:(?:en|au|aux|à|dans)[ \u00a0]+\p{Lu}[\p{L}-]*[ \u00a0]+)?"
    r"(?P<alias>[\p{Lu}\d«\"][^,()\n]{0,119}?)[ \u00a0]*,?[ \u00a0]+(?=(?:est|était|fut)[ \u00a0])"
)
SENTENCE_BREAK = regex.compile(r"(?<=[.!?])[ \u00a0]+(?=[\p{Lu}«])")

# `Night Town, ou La Ville sans jour au Québec, est un film`: the title a region knows the film by.
REGIONAL_ALIAS = regex.compile(
    r",?[ \u00a0]+ou[ \u00a0]+(?P<alias>[\p{Lu}«][^,()\n]*?)[ \u00a0]+(?:au|en|aux)[ \u00a0]+"
    r"(?P<region>\p{Lu}[\p{L}-]*(?:[ \u00a0]\p{Ll}+)?)[ \u00a0]*,?[ \u00a0]*(?=$|(?:est|était|fut)[ \u00a0])"
)


def regional_alias(text: str, pos: int, end: int) -> regex.Match[str] | None:
    """`, ou La Ville sans jour au Québec,` starting at pos, when the region is a country or a known region."""
    m = REGIONAL_ALIAS.match(text, pos, end)
    if m and (m.group("region").casefold() in title_regions() or country_code(m.group("region"))):
        return m
    return None


GLUE = regex.compile(r"(?<=[.!?»)])(?=[\p{Lu}«])|(?<=\d)(?=\p{Lu}\p{Ll})|(?<=\p{Ll}{3})(?=\p{Lu}\p{Ll})")
SENTENCE_END = regex.compile(r"[.!?](?=\s|\p{Lu}|$)|\n")


def _strip_parens(text: str, end: int, floor: int) -> tuple[int, tuple[int, int] | None]:
    """Move `end` back over a trailing balanced parenthesis; return it and the parenthesis."""
    pos = end
    while pos > floor and text[pos - 1] in " \u00a0,":
        pos -= 1
    if pos <= floor or text[pos - 1] != ")":
        return end, None
    depth = 0
    for i in range(pos - 1, floor - 1, -1):
        if text[i] == ")":
            depth += 1
        elif text[i] == "(":
            depth -= 1
            if depth == 0:
                inner = (i + 1, pos - 1)
                j = i
                while j > floor and text[j - 1] in " \u00a0":
                    j -= 1
                return j, inner
    return end, None


def _anchor(text: str, title_end: int, floor: int) -> int | None:
    """Where the title starts: the line start or the last glue point before it.

    Only `floor` onwards is searched; a line starting before it gives no title
    unless a glue point lies after it.
    """
    line_start = text.rfind("\n", floor, title_end) + 1 or floor
    start = _after_flat_infobox(text, title_end)
    if start is None:
        start = line_start if text.rfind("\n", 0, title_end) + 1 >= floor else None
        for m in GLUE.finditer(text, line_start, title_end):
            if m.start() >= title_end:
                break
            before = text[line_start:m.start()]
            if text[m.start() - 1].islower() and " " not in before.strip():
                continue
            start = m.start()
    if start is None:
        return None
    for m in TEMPLATE.finditer(text, start, title_end):
        start = max(start, _skip_spaces(text, m.end(), title_end))
    for m in SENTENCE_BREAK.finditer(text, start, title_end):
        if is_furniture(text[start:m.start()]):
            start = m.end()
    return start


def _after_flat_infobox(text: str, title_end: int) -> int | None:
    """The title's start when the line holds a flattened infobox before it, else None."""
    line_start = text.rfind("\n", 0, title_end) + 1
    fields = flat_fields(text, line_start, title_end)
    if not fields:
        return None
    first_line = text[:text.find("\n")] if "\n" in text else ""
    known = [text[line_start:fields[0]].strip(), first_line.strip()]
    return title_in_last_value(text, fields[-1], title_end, known)


def _skip_spaces(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in " \u00a0":
        pos += 1
    return pos


def _valid_title(value: str) -> bool:
    words = value.split()
    if not words or len(words) > MAX_TITLE_WORDS:
        return False
    first = words[0].lower()
    if not (value[0].isupper() or value[0].isdigit() or value[0] in "«\"'"):
        return False
    if len(words) == 1 and first in NOT_A_TITLE_START:
        return False
    if first in NOT_A_TITLE_START and len(words) <= 3 and any(
        w.lower() in {"film", "long", "métrage", "documentaire", "téléfilm", "court"} for w in words[1:]
    ):
        return False
    if first in ATTRIBUTION_START and ATTRIBUTED.search(value):
        return False
    return first not in {"il", "elle", "ils", "elles", "on", "cela", "ceci", "qui", "dont", "mais", "puis", "donc"}


def _valid_name(value: str) -> bool:
    words = value.split()
    if not 1 <= len(words) <= MAX_NAME_WORDS:
        return False
    return all(w[:1].isupper() or w.lower() in PARTICLE_WORDS for w in words) and words[0][:1].isupper()


def _after_initial(text: str, dot: int) -> bool:
    """`Marc J. Keller`, `S. Pierre Sy`: the period of a one-letter initial ends no sentence."""
    return dot >= 1 and text[dot - 1].isupper() and (dot < 2 or not text[dot - 2].isalpha())


def _sentence_end(text: str, pos: int) -> int:
    depth = 0
    for i in range(pos, min(len(text), pos + 1500)):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == "\n" or (ch in ".!?" and depth == 0 and (i + 1 == len(text) or text[i + 1].isspace() or text[i + 1].isupper())):
            if ch == "." and _after_initial(text, i):
                continue
            return i
    return min(len(text), pos + 1500)


OR_ALIAS = regex.compile(r",?[ \u00a0]+ou[ \u00a0]")


def _without_alias(text: str, title: Span) -> Span | None:
    """`Night Town, ou La Ville sans jour au Québec` -> `Night Town`."""
    for m in OR_ALIAS.finditer(text[title.start:title.end]):
        alias = regional_alias(text, title.start + m.start(), title.end)
        if alias:
            return clean_span(text, title.start, title.start + m.start())
    return title


def find_intros(text: str) -> list[Intro]:
    """Every film or person opening sentence in the text, in order."""
    found: dict[int, Intro] = {}
    for kind, pattern in ((SectionKind.FILM, _film_verb()), (SectionKind.PERSON, _person_verb())):
        for m in pattern.finditer(text):
            floor = max(text.rfind("\n", 0, m.start()) + 1, m.start() - LOOK_BACK)
            title_end, paren = _strip_parens(text, _before_alias(text, floor, m.start()), floor)
            start = _anchor(text, title_end, floor)
            if start is None:
                continue
            title = clean_span(text, start, title_end)
            if title is not None and kind is SectionKind.FILM:
                title = _without_alias(text, title)
            if title is None or start in found:
                continue
            if kind is SectionKind.FILM and not _valid_title(title.value):
                continue
            if kind is SectionKind.PERSON and not _valid_name(title.value):
                continue
            found[start] = Intro(kind, title, paren, _sentence_end(text, m.end()))
    return _without_repeats([found[k] for k in sorted(found)])


def _before_alias(text: str, floor: int, verb: int) -> int:
    """Where the subject ends when an alias clause (`, parfois appelé Y,`) precedes the verb."""
    for m in ALIAS.finditer(text, floor, min(len(text), verb + 8)):
        if m.end() == verb:
            return m.start()
    return verb


def _without_repeats(intros: list[Intro]) -> list[Intro]:
    """A later `X est un film sincère, affirme...` about the article's own subject
    is commentary, not a new article: an intro repeating an earlier intro's
    title (case, spaces and punctuation aside) is dropped."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for intro in intros:
        key = (intro.kind, letters_key(intro.title.value))
        if key not in seen:
            kept.append(intro)
        seen.add(key)
    return kept
