"""Turn document results into the contract's nine tables.

Ids are given here, over the whole run in doc_id order, so they do not depend
on how documents were spread over workers. Duplicates are merged by the
contract's rules and rows are sorted so the same input gives the same bytes.
"""

from __future__ import annotations

from pipeline.extract.records import DocResult, Row
from pipeline.ids import MAX_ID_CHARS, IdAllocator, shorten, slugify
from pipeline.model import Problem
from pipeline.schema import LIST_COLUMNS, TABLES

CAST_PRIORITY = {"distribution": 0, "synopsis": 1, "intro": 2, "award": 3}
Tables = dict[str, list[Row]]


def _key(value: object) -> str:
    return " ".join(str(value).casefold().replace("’", "'").split())


def _cell(column: str, value: object) -> object:
    if value is None:
        return ""
    if column in LIST_COLUMNS and isinstance(value, (list, tuple)):
        return ";".join(str(v) for v in value)
    return value


def _short_slug(result: DocResult, *names: str) -> str:
    """The slug of the first name that has one, cut to MAX_ID_CHARS with a warning when it was longer."""
    slug = next((s for s in map(slugify, names) if s), "")
    short = shorten(slug)
    if short != slug:
        result.problems.append(Problem(result.doc_id, "warning", "tables", f"id cut to {MAX_ID_CHARS} characters: '{short}'"))
    return short


def _dedupe(rows: list[Row], key) -> list[Row]:
    seen: set = set()
    kept = []
    for row in rows:
        k = key(row)
        if k not in seen:
            seen.add(k)
            kept.append(row)
    return kept


def _credits(film: FilmRecord) -> list[Row]:
    ordered = sorted(film.credits, key=lambda r: 0 if r.get("label") else 1)
    return _dedupe(ordered, lambda r: (r["role"], _key(r["name"])))


def _cast(film: FilmRecord) -> list[Row]:
    ordered = sorted(film.cast, key=lambda r: CAST_PRIORITY[str(r["source"])])
    rows = _dedupe(ordered, lambda r: (_key(r["actor"]), _key(r["character"])))
    with_character = {_key(r["actor"]) for r in rows if r["character"]}
    non_award = {_key(r["actor"]) for r in rows if r["source"] != "award"}
    return [
        r for r in rows
        if (r["character"] or _key(r["actor"]) not in with_character)
        and (r["source"] != "award" or _key(r["actor"]) not in non_award or r["character"])
    ]


def document_tables(result: DocResult, ids: IdAllocator) -> Tables:
    """The rows one document adds to each table, sorted by start then the other columns.

    Documents are handed over in doc_id order, so appending each document's
    sorted rows keeps every table sorted by (doc_id, start, ...) without
    holding the whole run in memory.
    """
    tables: Tables = {name: [] for name in TABLES}
    doc_id = result.doc_id
    entities: dict[int, tuple[str, str]] = {}
    film_start: dict[str, int] = {}
    for index, film in enumerate(result.films, 1):
        slug = _short_slug(result, film.title, f"{doc_id}-film-{index}")
        year = film.columns.get("year")
        film_id = ids.allocate(f"{slug}-{year}" if year else slug)
        entities[film.section.start] = (film_id, film.title)
        film_start[film_id] = film.section.start
        tables["films"].append({"film_id": film_id, "doc_id": doc_id, "title": film.title, **film.columns})
        tables["titles"].extend({"film_id": film_id, **r} for r in _dedupe(film.titles, lambda r: _key(r["title"])))
        tables["credits"].extend({"film_id": film_id, **r} for r in _credits(film))
        tables["cast"].extend({"film_id": film_id, **r} for r in _cast(film))
        tables["awards"].extend({"film_id": film_id, **r} for r in _dedupe(
            film.awards, lambda r: (_key(r["event"]), r["year"], _key(r["category"]), _key(r["recipient"]), r["outcome"])))
        tables["releases"].extend({"film_id": film_id, **r} for r in _dedupe(film.releases, lambda r: (r["country_code"], r["date"])))
        tables["fiche"].extend({"film_id": film_id, **r} for r in film.fiche)
    for person in result.people:
        person_id = ids.allocate(_short_slug(result, str(person.row["name"])) or "person")
        entities[person.section.start] = (person_id, str(person.row["name"]))
        tables["people"].append({"person_id": person_id, "doc_id": doc_id, **person.row})
    sections = sorted([(f.section, "film") for f in result.films] + [(p.section, "person") for p in result.people],
                      key=lambda s: s[0].start)
    for number, (section, kind) in enumerate(sections, 1):
        entity_id, title = entities[section.start]
        tables["sections"].append({"doc_id": doc_id, "section": number, "kind": kind, "entity_id": entity_id,
                                   "title": title, "start": section.start, "end": section.end})
    return {name: normalise(name, rows, film_start) for name, rows in tables.items()}


def normalise(name: str, rows: list[Row], film_start: dict[str, int]) -> list[Row]:
    """Rows restricted to the table's columns, cells rendered, sorted by start then the rest."""
    columns = TABLES[name]

    def key(row: Row) -> tuple:
        start = row.get("start", film_start.get(str(row.get("film_id", "")), 0))
        return (start if isinstance(start, int) else 0, *(str(_cell(c, row.get(c))) for c in columns))

    return [{c: _cell(c, row.get(c)) for c in columns} for row in sorted(rows, key=key)]
