"""Cast: Distribution lists and `Character (Actor)` pairs in prose.

List lines come as `Actor : Character`, `Actor (Character)`,
`Actor dans le rôle de Character` or the actor alone; an apposition after
the character (`Nabou, la seconde épouse d'Amadou`) is not part of it, nor
is a note about the actor: the dubbing voices of a foreign film
(`Eva Lind (VF : Sophie Marais ; VQ : Nadia Côté) : Chloé Vasseur`), a credit
(`Paul Roy (non crédité) : le facteur`). In
prose, the parenthesis must hold a person's name: the rule decides for names
of two words or more, names the fiche already gave, or names the NER model
tags as a person.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import regex

from pipeline.extract.people_names import PERSON
from pipeline.extract.records import CastMember
from pipeline.model import BlockKind, CastSource, Section, UnitKind
from pipeline.text.clean import clean_span, cut_by_end
from pipeline.values.places import country_code
from pipeline.vocab import cast_note

IN_ROLE = regex.compile(r"\s+(?:dans\s+le\s+rôle\s+(?:de|du|des|d['’])|joue|interprète|incarne)\s+", regex.IGNORECASE)
APPOSITION = regex.compile(r",\s+(?=\p{Ll}|l['’])")
ACTOR_COLON = regex.compile(r"[ \t\u00a0]*:[ \t\u00a0]*")
AFTER_NOTE = regex.compile(r"\s*(?::|[-–—]\s)\s*")
TRAILING_PAREN = regex.compile(r"^(?P<actor>[^()]+?)\s*\((?P<character>[^()]+)\)\s*$")
PROSE_PAIR = regex.compile(
    rf"(?P<character>\p{{Lu}}[\p{{L}}'’\-]+(?:[ \u00a0]\p{{Lu}}[\p{{L}}'’\-]+){{0,2}})[ \u00a0]*\((?P<actor>{PERSON})\)"
)
NAME_SEPARATOR = regex.compile(r"\s*,\s*|\s+et\s+")
PERSON_ONLY = regex.compile(PERSON)
NOT_A_CHARACTER = frozenset({"le", "la", "les", "il", "elle", "un", "une", "en", "dans", "film"})

IsPerson = Callable[[int, int], bool]


def _member(text: str, actor: tuple[int, int], character: tuple[int, int] | None, source: str) -> CastMember | None:
    actor_span = clean_span(text, *actor)
    if actor_span is None or not actor_span.value[:1].isupper():
        return None
    character_value = ""
    if character:
        c = clean_span(text, *character)
        if c:
            cut = APPOSITION.search(c.value)
            character_value = c.value[:cut.start()] if cut else c.value
    return CastMember(actor_span.value, character_value.strip(" ."), source, actor_span.start, actor_span.end)


def _noted(text: str, start: int, end: int, note: regex.Match[str]) -> CastMember | None:
    """`Actor (VF : ... ; VQ : ...) : Character`: the actor before the note, the
    character after it; `Actor : Character (VF : ...)`: both before it."""
    before = ACTOR_COLON.search(text, start, note.start())
    if before:
        return _member(text, (start, before.start()), (before.end(), note.start()), CastSource.DISTRIBUTION)
    after = AFTER_NOTE.match(text, note.end(), end) or IN_ROLE.match(text, note.end(), end)
    character = (after.end(), end) if after and after.end() < end else None
    if character and cut_by_end(text, end):
        character = None
    return _member(text, (start, note.start()), character, CastSource.DISTRIBUTION)


def distribution_cast(text: str, section: Section) -> list[CastMember]:
    rows: list[CastMember] = []
    for block in section.blocks_of(BlockKind.DISTRIBUTION):
        for unit in block.units:
            if unit.kind is UnitKind.HEADING:
                continue
            line = clean_span(text, unit.start, unit.end)
            if line is None:
                continue
            a, b = line.start, line.end
            row = None
            note = cast_note().search(text, a, b)
            colon = unit.field if unit.kind in (UnitKind.FIELD, UnitKind.PAIR) else None
            if note:
                row = _noted(text, a, b, note)
            elif colon is not None and colon.value is None:
                continue
            elif colon is not None:
                value = colon.value
                if value and cut_by_end(text, value.end):
                    value = None
                row = _member(text, (colon.label.start, colon.label.end), (value.start, value.end) if value else None, CastSource.DISTRIBUTION)
            elif in_role := IN_ROLE.search(text, a, b):
                row = _member(text, (a, in_role.start()), (in_role.end(), b), CastSource.DISTRIBUTION)
            elif paren := TRAILING_PAREN.match(text[a:b]):
                row = _member(text, (a + paren.start("actor"), a + paren.end("actor")),
                           (a + paren.start("character"), a + paren.end("character")), CastSource.DISTRIBUTION)
            elif unit.kind is not UnitKind.PROSE and (names := _names_only(text, a, b)):
                rows.extend(m for m in names if not cut_by_end(text, m.end))
            elif len(line.value.split()) <= 6 and unit.kind is not UnitKind.PROSE:
                row = _member(text, (a, b), None, CastSource.DISTRIBUTION)
            if row and not cut_by_end(text, row.end):
                rows.append(row)
    return rows


def _names_only(text: str, start: int, end: int) -> list[CastMember]:
    """`Gilles Fabre, Sonia Lenoir et Marc Aubry`: several actors on one line, no character."""
    parts, pos = [], start
    for sep in NAME_SEPARATOR.finditer(text, start, end):
        parts.append((pos, sep.start()))
        pos = sep.end()
    parts.append((pos, end))
    if len(parts) < 2 or not all(PERSON_ONLY.fullmatch(text, a, b) for a, b in parts):
        return []
    return [m for a, b in parts if (m := _member(text, (a, b), None, CastSource.DISTRIBUTION))]


def _prose_pairs(text: str, spans: list[tuple[int, int]], known: set[str]) -> Iterator[tuple[regex.Match, bool]]:
    """Each `Character (Actor)` candidate, and whether the rules alone accept it
    (False: only the model can tell whether the actor is a person)."""
    for start, end in spans:
        for m in PROSE_PAIR.finditer(text, start, end):
            actor = m.group("actor")
            if m.group("character").lower() in NOT_A_CHARACTER or country_code(actor) is not None:
                continue
            yield m, len(actor.split()) >= 2 or actor.casefold() in known


def undecided_actors(text: str, spans: list[tuple[int, int]], known: set[str]) -> list[tuple[int, int]]:
    """Actor spans of the prose pairs the rules cannot decide: the only places the model is needed."""
    return [m.span("actor") for m, decided in _prose_pairs(text, spans, known) if not decided]


def prose_cast(text: str, spans: list[tuple[int, int]], is_person: IsPerson, known: set[str]) -> list[CastMember]:
    """`Youssef (Mehdi Lahlou)` pairs in the given prose spans."""
    rows: list[CastMember] = []
    for m, decided in _prose_pairs(text, spans, known):
        if not (decided or is_person(*m.span("actor"))):
            continue
        row = _member(text, m.span("actor"), m.span("character"), CastSource.SYNOPSIS)
        if row:
            rows.append(row)
    return rows
