"""Turn document results into the contract's nine tables.

This is the one place records become CSV rows: the columns come from
`pipeline.schema`, each cell from the record field of that name (or from the
ids given here). Ids are given over the whole run in doc_id order, so they do
not depend on how documents were spread over workers. Duplicates are merged
by the contract's rules and rows are sorted so the same input gives the same
bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from operator import itemgetter
from typing import Any, TypeVar

from pipeline.extract.records import (
    Award,
    CastMember,
    Credit,
    DocResult,
    FicheLine,
    Film,
    FilmRecord,
    Person,
    Release,
    Title,
)
from pipeline.ids import MAX_ID_CHARS, IdAllocator, shorten, slugify
from pipeline.model import CastSource, Problem, Section
from pipeline.schema import CAST_SOURCES, LIST_COLUMNS, PROBLEMS_COLUMNS, TABLES
from pipeline.text.normalize import fold_key

Row = dict[str, object]
Tables = dict[str, list[Row]]
R = TypeVar("R")

CAST_PRIORITY = {source: rank for rank, source in enumerate(CAST_SOURCES)}

# The record type each table's rows are read from; ids and numbering are given here.
RECORD_TYPES: dict[str, type] = {
    "sections": Section, "films": Film, "titles": Title, "credits": Credit, "cast": CastMember,
    "awards": Award, "releases": Release, "people": Person, "fiche": FicheLine,
}
GIVEN_COLUMNS: frozenset[str] = frozenset({"film_id", "doc_id", "person_id", "section", "entity_id"})


def _short_slug(result: DocResult, *names: str) -> str:
    """The slug of the first name that has one, cut to MAX_ID_CHARS with a warning when it was longer."""
    slug = next((s for s in map(slugify, names) if s), "")
    short = shorten(slug)
    if short != slug:
        result.problems.append(Problem(result.doc_id, "warning", "tables", f"id cut to {MAX_ID_CHARS} characters: '{short}'"))
    return short


def csv_row(table: str, record: Any, **given: object) -> Row:
    """The row of `table` for a record: each column from `given` or the record's field of that name."""
    return _row(TABLES[table], record, given)


def _row(columns: tuple[str, ...], record: Any, given: dict[str, object]) -> Row:
    """Cells as written: None empty, booleans `true`/`false`, lists `;`-joined."""
    row: Row = {}
    for column in columns:
        value = given[column] if column in given else getattr(record, column)
        if value is None:
            value = ""
        elif value is True or value is False:
            value = "true" if value else "false"
        elif column in LIST_COLUMNS and isinstance(value, (list, tuple)):
            value = ";".join(map(str, value))
        row[column] = value
    return row


def problem_row(problem: Problem) -> Row:
    return {c: getattr(problem, c) for c in PROBLEMS_COLUMNS}


def _dedupe(records: Iterable[R], key: Callable[[R], Hashable]) -> list[R]:
    seen: set = set()
    kept = []
    for record in records:
        k = key(record)
        if k not in seen:
            seen.add(k)
            kept.append(record)
    return kept


def _fold(text: str) -> str:
    """fold_key, skipped for the empty cells (a cast member without a character, an award without a recipient) met often."""
    return "" if text == "" else fold_key(text)


def _credits(film: FilmRecord) -> list[Credit]:
    """Fiche credits first (they carry a label), then one per role and name."""
    ordered = sorted(film.credits, key=lambda c: 0 if c.label else 1)
    return _dedupe(ordered, lambda c: (c.role, _fold(c.name)))


def _cast(film: FilmRecord) -> list[CastMember]:
    """One row per actor and character, the best source first; an actor with a character
    drops the same actor without one, and a prize winner already listed elsewhere adds nothing."""
    ordered = sorted(film.cast, key=lambda c: CAST_PRIORITY[c.source])
    members = _dedupe([(_fold(c.actor), c) for c in ordered], lambda p: (p[0], _fold(p[1].character)))
    with_character = {actor for actor, c in members if c.character}
    non_award = {actor for actor, c in members if c.source is not CastSource.AWARD}
    return [
        c for actor, c in members
        if (c.character or actor not in with_character)
        and (c.source is not CastSource.AWARD or actor not in non_award or c.character)
    ]


def _awards(film: FilmRecord) -> list[Award]:
    return _dedupe(film.awards, lambda a: (_fold(a.event), a.year, _fold(a.category), _fold(a.recipient), a.outcome))


def document_tables(result: DocResult, ids: IdAllocator) -> Tables:
    """The rows one document adds to each table, sorted by start then the other columns.

    Documents are handed over in doc_id order, so appending each document's
    sorted rows keeps every table sorted by (doc_id, start, ...) without
    holding the whole run in memory.
    """
    placed: dict[str, list[tuple[int, Row]]] = {name: [] for name in TABLES}
    doc_id = result.doc_id
    entities: dict[int, tuple[str, str]] = {}

    def add(table: str, records: Iterable[Any], **given: object) -> None:
        columns = TABLES[table]
        placed[table].extend((r.start, _row(columns, r, given)) for r in records)

    for index, film in enumerate(result.films, 1):
        slug = _short_slug(result, film.title, f"{doc_id}-film-{index}")
        year = film.facts.year
        film_id = ids.allocate(f"{slug}-{year}" if year else slug)
        entities[film.section.start] = (film_id, film.title)
        add("films", [film.facts], film_id=film_id, doc_id=doc_id)
        add("titles", _dedupe(film.titles, lambda t: _fold(t.title)), film_id=film_id)
        add("credits", _credits(film), film_id=film_id)
        add("cast", _cast(film), film_id=film_id)
        add("awards", _awards(film), film_id=film_id)
        add("releases", _dedupe(film.releases, lambda r: (r.country_code, r.date)), film_id=film_id)
        add("fiche", film.fiche, film_id=film_id)
    for record in result.people:
        person = record.person
        person_id = ids.allocate(_short_slug(result, person.name) or "person")
        entities[record.section.start] = (person_id, person.name)
        add("people", [person], person_id=person_id, doc_id=doc_id)
    for number, section in enumerate(sections_in_order(result), 1):
        entity_id, title = entities[section.start]
        add("sections", [section], doc_id=doc_id, section=number, entity_id=entity_id, title=title)
    return {name: _sorted(rows) for name, rows in placed.items()}


def sections_in_order(result: DocResult) -> list[Section]:
    """The document's film and person sections in text order: the order sections.csv numbers them in."""
    return sorted([f.section for f in result.films] + [p.section for p in result.people], key=lambda s: s.start)


def _sorted(rows: list[tuple[int, Row]]) -> list[Row]:
    """Rows by start, then by their cells as text (a row's cells are in column order); the cells
    are only read when two rows share a start."""
    if len({start for start, _ in rows}) == len(rows):
        rows.sort(key=itemgetter(0))
    else:
        rows.sort(key=lambda p: (p[0], *map(str, p[1].values())))
    return [row for _, row in rows]
