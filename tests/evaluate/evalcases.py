"""Tiny gold/prediction pairs with known scores, written into a temporary folder."""

from __future__ import annotations

import csv
import textwrap
from pathlib import Path

from pipeline.schema import TABLES

# A small gold document: one person, one film with a bit of every table.
GOLD = """
doc_id: doc
sections:
  - {kind: person, title: Léa Marchand}
  - {kind: film, title: La Nuit blanche}
films:
  - title: La Nuit blanche
    original_title: La Nuit blanche
    year: 2001
    countries: [FR, SN]
    genres: [drame]
    titles:
      - {title: La Nuit blanche}
      - {title: White Night, lang: eng}
    credits:
      director: [Léa Marchand]
      editor: [Paul Dufour, Anne Roy]
    cast:
      - {actor: Omar Sy Ba, character: Karim}
    awards:
      - event: Festival de Lyon
        edition: 3
        year: 2002
        prizes:
          - {category: Prix du jury, outcome: won, recipients: []}
    releases:
      - {country_code: FR, date: "2001-05-02"}
people:
  - name: Léa Marchand
    birth_date: "1970-01-09"
    nationalities: [FR]
"""

FILM = {"film_id": "la-nuit-blanche-2001", "doc_id": "doc", "title": "La Nuit blanche",
        "original_title": "La Nuit blanche", "year": "2001", "countries": "FR;SN", "genres": "drame"}


def perfect_tables() -> dict[str, list[dict[str, str]]]:
    """Predicted rows that match GOLD exactly."""
    fid = FILM["film_id"]
    return {
        "sections": [
            {"doc_id": "doc", "section": "1", "kind": "person", "title": "Léa Marchand", "start": "0", "end": "12"},
            {"doc_id": "doc", "section": "2", "kind": "film", "title": "La Nuit blanche", "start": "40", "end": "55"},
        ],
        "films": [dict(FILM)],
        "titles": [{"film_id": fid, "title": "La Nuit blanche"}, {"film_id": fid, "title": "White Night"}],
        "credits": [
            {"film_id": fid, "role": "director", "name": "Léa Marchand", "start": "0", "end": "12"},
            {"film_id": fid, "role": "editor", "name": "Paul Dufour", "start": "60", "end": "71"},
            {"film_id": fid, "role": "editor", "name": "Anne Roy", "start": "75", "end": "83"},
        ],
        "cast": [{"film_id": fid, "actor": "Omar Sy Ba", "character": "Karim"}],
        "awards": [{"film_id": fid, "event": "Festival de Lyon", "edition": "3", "year": "2002",
                    "category": "Prix du jury", "recipient": "", "outcome": "won", "ex_aequo": "false"}],
        "releases": [{"film_id": fid, "country_code": "FR", "date": "2001-05-02"}],
        "people": [{"person_id": "lea-marchand", "doc_id": "doc", "name": "Léa Marchand",
                    "birth_date": "1970-01-09", "nationalities": "FR"}],
    }


def write_tables(folder: Path, tables: dict[str, list[dict[str, str]]]) -> Path:
    """Write every contract table (missing ones with their header only)."""
    folder.mkdir(parents=True, exist_ok=True)
    for table, columns in TABLES.items():
        with (folder / f"{table}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
            writer.writeheader()
            for row in tables.get(table, []):
                writer.writerow({c: row.get(c, "") for c in columns})
    return folder


def write_gold(folder: Path, doc_id: str, text: str) -> Path:
    path = folder / f"{doc_id}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path
