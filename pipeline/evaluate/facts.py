"""Flatten gold files and predicted rows into the contract's scoring tuples.

A Fact is one tuple of one table: `key` is what is compared (normalised, film
or person first), the rest is what an error report shows. Films are keyed by
their gold film once aligned, so a predicted row of a matched film can equal a
gold row; unmatched predicted films keep a key of their own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from pipeline.evaluate.align import FilmNames, align_films
from pipeline.evaluate.gold import GoldDocument
from pipeline.text.normalize import gold_key
from pipeline.evaluate.predictions import DocumentPredictions, Row
from pipeline.schema import LIST_COLUMNS, TABLES

FILM_COLUMNS = tuple(c for c in TABLES["films"] if c not in ("film_id", "doc_id"))
PEOPLE_COLUMNS = tuple(c for c in TABLES["people"] if c not in ("person_id", "doc_id", "start", "end"))
EMPTY = "—"


@dataclass(frozen=True)
class Fact:
    """One scoring tuple with what is needed to explain it when it is an error."""

    table: str
    field: str
    key: tuple[str, ...]
    owner: str
    film: str
    value: str
    start: int | None = None
    end: int | None = None


def _shown(*parts: Any) -> str:
    return " | ".join(str(p) if p not in (None, "") else EMPTY for p in parts)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _items(column: str, value: Any) -> list[str]:
    """The scored items of a column: one per list element, or the value alone."""
    if isinstance(value, list):
        values = [_text(v) for v in value]
    elif column in LIST_COLUMNS:
        values = _text(value).split(";")
    else:
        values = [_text(value)]
    return [v.strip() for v in values if gold_key(v)]


def _offset(value: str | None) -> int | None:
    text = (value or "").strip()
    return int(text) if text.lstrip("-").isdigit() else None


class _Builder:
    """Collects facts of one document side; `row` gives offsets for predicted rows."""

    def __init__(self) -> None:
        self.facts: list[Fact] = []

    def add(self, table: str, field: str, owner: str, film: str, parts: tuple[Any, ...],
            shown: tuple[Any, ...], row: Row | None = None) -> None:
        key = (owner, *(gold_key(p) for p in parts))
        start, end = (_offset(row.get("start")), _offset(row.get("end"))) if row else (None, None)
        self.facts.append(Fact(table, field, key, owner, film, _shown(*shown), start, end))

    def columns(self, table: str, columns: Iterable[str], owner: str, film: str, record: dict[str, Any],
                row: Row | None = None) -> None:
        for column in columns:
            for item in _items(column, record.get(column)):
                self.add(table, column, owner, film, (column, item), (item,), row)


def _gold_film_key(index: int) -> str:
    return f"film:{index}"


def _gold_titles(film: dict[str, Any]) -> list[str]:
    titles = [film.get("title"), film.get("original_title")]
    titles += [t.get("title") for t in film.get("titles", [])]
    return [t for t in titles if t and gold_key(t)]


def gold_facts(doc: GoldDocument) -> list[Fact]:
    """Every scoring tuple a gold file states."""
    out = _Builder()
    for section in doc.sections:
        out.add("sections", "", "", "", (section["kind"], section["title"]),
                (section["kind"], section["title"]))
    for index, film in enumerate(doc.films):
        owner, name = _gold_film_key(index), film["title"]
        out.columns("films", FILM_COLUMNS, owner, name, film)
        for title in _unique(_gold_titles(film)):
            out.add("titles", "", owner, name, (title,), (title,))
        for role, names in film.get("credits", {}).items():
            for person in names:
                out.add("credits", role, owner, name, (role, person), (person,))
        for row in film.get("cast", []):
            actor, character = row["actor"], row.get("character")
            out.add("cast", "", owner, name, (actor, character), (actor, character))
        for award in film.get("awards", []):
            event, edition, year = award["event"], award.get("edition"), award.get("year")
            out.add("awards", "event", owner, name, (event, edition, year), (event, edition, year))
            for prize in award.get("prizes", []):
                for recipient in prize.get("recipients") or [None]:
                    prize_parts = (year, prize["category"], recipient, prize["outcome"])
                    out.add("awards", "prize", owner, name, prize_parts, prize_parts)
        for release in film.get("releases", []):
            release_parts = (release.get("country_code"), release["date"])
            out.add("releases", "", owner, name, release_parts, release_parts)
    for person in doc.people:
        out.columns("people", PEOPLE_COLUMNS, gold_key(person["name"]), person["name"], person)
    return out.facts


def _unique(values: list[str]) -> Iterator[str]:
    seen: set[str] = set()
    for value in values:
        if gold_key(value) not in seen:
            seen.add(gold_key(value))
            yield value


def _film_keys(pred: DocumentPredictions, doc: GoldDocument) -> dict[str, tuple[str, str]]:
    """film_id -> (owner key, film shown in errors), after alignment with the gold films."""
    forms: dict[str, set[str]] = {}
    for row in pred.rows["films"]:
        own_titles = (row["title"], row["original_title"])
        forms.setdefault(row["film_id"], set()).update(gold_key(t) for t in own_titles if gold_key(t))
    for row in pred.rows["titles"]:
        if row["film_id"] in forms and gold_key(row["title"]):
            forms[row["film_id"]].add(gold_key(row["title"]))
    gold = [FilmNames(_gold_film_key(i), gold_key(f["title"]), frozenset(gold_key(t) for t in _gold_titles(f)))
            for i, f in enumerate(doc.films)]
    predicted = [FilmNames(r["film_id"], gold_key(r["title"]), frozenset(forms[r["film_id"]])) for r in pred.rows["films"]]
    matched = align_films(gold, predicted)
    gold_titles = {_gold_film_key(i): f["title"] for i, f in enumerate(doc.films)}
    keys: dict[str, tuple[str, str]] = {}
    for row in pred.rows["films"]:
        film_id = row["film_id"]
        if film_id in matched:
            keys[film_id] = (matched[film_id], gold_titles[matched[film_id]])
        else:
            keys[film_id] = (f"predicted:{film_id}", row["title"] or film_id)
    return keys


def predicted_facts(pred: DocumentPredictions, doc: GoldDocument) -> list[Fact]:
    """Every scoring tuple the predicted rows of one document state, films aligned to `doc`."""
    out = _Builder()
    for row in pred.rows["sections"]:
        out.add("sections", "", "", "", (row["kind"], row["title"]), (row["kind"], row["title"]), row)
    keys = _film_keys(pred, doc)
    for row in pred.rows["films"]:
        owner, name = keys[row["film_id"]]
        out.columns("films", FILM_COLUMNS, owner, name, row)
    for row in pred.rows["titles"]:
        owner, name = keys[row["film_id"]]
        if gold_key(row["title"]):
            out.add("titles", "", owner, name, (row["title"],), (row["title"],), row)
    for row in pred.rows["credits"]:
        owner, name = keys[row["film_id"]]
        out.add("credits", row["role"], owner, name, (row["role"], row["name"]), (row["name"],), row)
    for row in pred.rows["cast"]:
        owner, name = keys[row["film_id"]]
        out.add("cast", "", owner, name, (row["actor"], row["character"]), (row["actor"], row["character"]), row)
    for row in pred.rows["awards"]:
        owner, name = keys[row["film_id"]]
        event = (row["event"], row["edition"], row["year"])
        out.add("awards", "event", owner, name, event, event, row)
        prize = (row["year"], row["category"], row["recipient"], row["outcome"])
        out.add("awards", "prize", owner, name, prize, prize, row)
    for row in pred.rows["releases"]:
        owner, name = keys[row["film_id"]]
        parts = (row["country_code"], row["date"])
        out.add("releases", "", owner, name, parts, parts, row)
    for row in pred.rows["people"]:
        out.columns("people", PEOPLE_COLUMNS, gold_key(row["name"]), row["name"], row, row)
    return out.facts
