"""The opening sentence of a film article: titles, director, screenwriter,
year, countries from demonyms and the actors it names.

`Zanka (en arabe : ...) est un film tunisien de X, sorti en 2011.`
`Le Sillage (...) est un film tuniso-suédois écrit et réalisé par X sorti en 2014.`
"""

from __future__ import annotations

import regex

from pipeline.extract.people_names import PERSON_LIST, PERSON_RE
from pipeline.extract.records import CastMember, Credit, FilmRecord, Title
from pipeline.extract.titles import script_lang, title_forms
from pipeline.model import CastSource, Section
from pipeline.text.clean import clean_span
from pipeline.text.intros import ALIAS, regional_alias
from pipeline.values.dates import find_dates
from pipeline.values.places import find_demonyms

WRITTEN_AND_DIRECTED = regex.compile(rf"\b(?:écrit\s+et\s+réalisé|réalisé\s+et\s+écrit)\s+par\s+{PERSON_LIST}")
DIRECTED = regex.compile(rf"\b(?:réalisée?|mis\s+en\s+scène|dirigée?)\s+par\s+{PERSON_LIST}")
FILM_OF = regex.compile(rf"\b(?:film|téléfilm|documentaire|long[- ]métrage|court[- ]métrage)(?:\s+\p{{Ll}}[\p{{Ll}}-]*){{0,3}}\s+(?:de|d['’])\s*{PERSON_LIST}")
WRITTEN = regex.compile(rf"\b(?:scénario\s+(?:du\s+film\s+)?(?:est\s+)?(?:signé|écrit)\s+par|sur\s+un\s+scénario\s+de)\s+{PERSON_LIST}")
RELEASED = regex.compile(r"\b(?:sortie?s?|diffusée?s?)\s+(?:en|le|les|à partir du|au)\s+(?P<when>[^,.;()]{1,40})")
WITH = regex.compile(rf"\bavec\s+{PERSON_LIST}")


def _names(match: regex.Match[str]) -> list[tuple[int, int, str]]:
    a, b = match.span("names")
    found = []
    for m in PERSON_RE.finditer(match.string, a, b):
        span = clean_span(match.string, m.start(), m.end())
        if span:
            found.append((span.start, span.end, span.value))
    return found


DEMONYM_JOIN = regex.compile(r"\s*(?:,|\bet\b)?\s*")


def _first_demonyms(sentence: str) -> list[str]:
    """Countries of the first nationality adjective and of those right after it:
    `film burkinabé français`, `film mexicain et vénézuélien` name two countries."""
    codes: list[str] = []
    end = None
    for group, start, stop in find_demonyms(sentence):
        if end is not None and not DEMONYM_JOIN.fullmatch(sentence[end:start]):
            break
        codes.extend(c for c in group if c not in codes)
        end = stop
    return codes


def apply_intro(text: str, section: Section, film: FilmRecord, paren: tuple[int, int] | None) -> None:
    """Fill titles, credits, year and demonym countries from the opening sentence."""
    if section.title is None or section.intro_end is None:
        return
    title = section.title
    film.update(title=title.value)
    film.titles.append(Title(title.value, script_lang(title.value), title.start, title.end))
    if paren:
        film.titles.extend(form.title() for form in title_forms(text, paren[0], paren[1]))
    alias = regional_alias(text, title.end, section.intro_end)
    if alias:
        film.titles.extend(form.title() for form in title_forms(text, alias.start("alias"), alias.end("alias")))
    body_start = paren[1] + 1 if paren else title.end
    alias = ALIAS.match(text, body_start)
    if alias:
        film.titles.extend(form.title() for form in title_forms(text, *alias.span("alias")))
    sentence = (body_start, section.intro_end)
    for pattern, roles in ((WRITTEN_AND_DIRECTED, ("director", "screenwriter")), (DIRECTED, ("director",)),
                           (FILM_OF, ("director",)), (WRITTEN, ("screenwriter",))):
        for m in pattern.finditer(text, *sentence):
            for start, end, name in _names(m):
                for role in roles:
                    film.credits.append(Credit(role, name, "", "", start, end))
    released = RELEASED.search(text, *sentence)
    if released:
        dates = find_dates(released.group("when"))
        if dates:
            if film.facts.year is None:
                film.update(year=int(dates[0].iso[:4]))
    codes = _first_demonyms(text[sentence[0]:sentence[1]])
    if codes:
        film.intro_countries = codes
    for m in WITH.finditer(text, *sentence):
        for start, end, name in _names(m):
            film.cast.append(CastMember(name, "", CastSource.INTRO, start, end))
