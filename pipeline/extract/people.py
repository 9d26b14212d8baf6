"""People a biography section is about: name, native name, birth and death,
nationalities (demonyms), occupations and residence, from the opening
sentence and the biography's prose.

`X (arabe : ...), né le 3 juin 1971 à Sfax en Tunisie, est un réalisateur
suédo-tunisien.` A date or place the mirror stripped (`né le à Smyrne`)
leaves that cell empty.
"""

from __future__ import annotations

import regex

from pipeline.extract.records import Person
from pipeline.extract.titles import script_lang
from pipeline.model import BlockKind, Section
from pipeline.text.clean import clean_span
from pipeline.values.dates import find_dates
from pipeline.values.places import country_code, find_demonyms
from pipeline.vocab import occupations

PLACE = r"\p{Lu}[\p{L}'’\-]*(?:[ \u00a0](?:(?:de|du|des|la|le|sur|en|d['’])[ \u00a0])?\p{Lu}[\p{L}'’\-]*){0,3}"
BORN = regex.compile(
    rf"\b(?:né|née)\s+(?:le\s+|en\s+)?(?P<when>[^,]*?)\s*(?:(?:à|au)\s+(?P<place>{PLACE}))?(?:\s+(?:au|en|aux|dans\s+le|dans\s+la)\s+(?P<country>{PLACE})|\s*\((?P<country>{PLACE})\))?(?=\s*[,)]|\s+et\s|\s*$|\s+d['’]|\s+dans)"
)
DIED = regex.compile(
    rf"\b(?:mort|morte|décédé|décédée)\s+(?:le\s+|en\s+)?(?P<when>[^,]*?)\s*(?:(?P<prep>à|au)\s+(?P<place>{PLACE}))?(?=\s*[,)]|\s+et\s|\s*$)"
)
IS_A = regex.compile(r"\b(?:est|était|fut)\s+(?:un|une)\s+(?P<what>[^.;]+)")
ALSO = (
    r"\b(?:(?:{subject})\s+est\s+(?:également|aussi|en outre|par ailleurs)|(?:il|elle)\s+devient|(?:Il|Elle)\s+(?:a\s+été|fut))"
    r"\s+(?P<what>[^.;]+)"
)
COMPLEMENT = regex.compile(r"\s+(?:du|de\s+la|de\s+l['’]|des|de|d['’])\s*\p{Ll}[\p{Ll}-]+")
RESIDES = regex.compile(
    rf"\b(?:réside|vit(?:\s+actuellement)?|habite|est\s+installée?)\s+(?:à|au|en)\s+(?P<place>{PLACE})"
    rf"|\b(?:à|au|en)\s+(?P<place>{PLACE}),?\s+où\s+(?:il|elle)\s+(?:vit|réside|habite)\b"
)
SPLIT_OCC = regex.compile(r"\s*,\s*|\s+et\s+")
NATIVE = regex.compile(r"(?:en\s+)?\p{Ll}+\s*:\s*(?P<native>[^,;()]+)")


def _date(when: str) -> str:
    dates = find_dates(when)
    return dates[0].iso if dates else ""


def _occupations(what: str) -> tuple[list[str], list[str]]:
    """Occupations and nationality codes of `réalisateur, monteur et producteurlibanais`."""
    found: list[str] = []
    nationalities: list[str] = []
    for part in SPLIT_OCC.split(what):
        part = part.strip()
        low = part.lower()
        occupation = next((o for o in occupations() if low.startswith(o) and not low[len(o):len(o) + 1].isalpha()), None)
        if occupation is None:
            glued = next((o for o in occupations() if low.startswith(o)), None)
            if glued is None or not find_demonyms(part[len(glued):]):
                continue
            occupation = glued
        complement = COMPLEMENT.match(part, len(occupation))
        found.append(part[:complement.end() if complement else len(occupation)].lower())
        for codes, _, _ in find_demonyms(part[len(occupation):]):
            nationalities.extend(c for c in codes if c not in nationalities)
    return found, nationalities


def person_facts(text: str, section: Section, paren: tuple[int, int] | None) -> Person:
    assert section.title is not None and section.intro_end is not None
    name = section.title
    row: dict[str, str] = {}
    if paren:
        m = NATIVE.search(text, *paren)
        inner = clean_span(text, m.start("native"), m.end("native")) if m else clean_span(text, *paren)
        if inner and script_lang(inner.value):
            row["native_name"] = inner.value
    sentence = (paren[1] + 1 if paren else name.end, section.intro_end + 1)
    born = BORN.search(text, *sentence)
    if born:
        row["birth_date"] = _date(born.group("when") or "")
        if born.group("place"):
            place = born.group("place")
            code = country_code(place)
            if code and not born.group("country"):
                row["birth_country"] = code
            else:
                row["birth_place"] = place
        if born.group("country"):
            row["birth_country"] = country_code(born.group("country")) or ""
    died = DIED.search(text, *sentence)
    if died:
        row["death_date"] = _date(died.group("when") or "")
        if died.group("place"):
            place = died.group("place")
            row["death_place"] = place if died.group("prep") == "à" else f"Le {place}"
    occ: list[str] = []
    nat: list[str] = []
    is_a = IS_A.search(text, *sentence)
    if is_a:
        occ, nat = _occupations(is_a.group("what"))
    prose = [(b.start, b.end) for b in section.blocks_of(BlockKind.INTRO, BlockKind.BIOGRAPHY)]
    subjects = ["Il", "Elle", regex.escape(name.value), regex.escape(name.value.split()[-1])]
    also = regex.compile(ALSO.format(subject="|".join(subjects)))
    for a, b in prose:
        for m in also.finditer(text, a, b):
            more, _ = _occupations(m.group("what"))
            occ.extend(o for o in more if o not in occ)
        if "residence" not in row:
            r = RESIDES.search(text, a, b)
            if r:
                row["residence"] = r.group("place")
    return Person(name.value, name.start, name.end, nationalities=tuple(nat), occupations=tuple(occ), **row)
