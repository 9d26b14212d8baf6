"""Read the extracted CSV tables and split them by document.

Film-level tables (titles, credits, cast, awards, releases) carry no doc_id:
they reach their document through films.csv (film_id -> doc_id).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.schema import TABLES

SCORED_TABLES: tuple[str, ...] = ("sections", "films", "titles", "credits", "cast", "awards", "releases", "people")
FILM_TABLES: tuple[str, ...] = ("titles", "credits", "cast", "awards", "releases")

Row = dict[str, str]


class PredictionError(ValueError):
    """The prediction folder or one of its tables cannot be read."""


@dataclass
class DocumentPredictions:
    """The predicted rows of one document, per table."""

    rows: dict[str, list[Row]] = field(default_factory=lambda: {table: [] for table in SCORED_TABLES})


@dataclass
class Predictions:
    """All predicted rows, grouped by document, plus warnings met while reading."""

    documents: dict[str, DocumentPredictions]
    warnings: list[str]
    doc_ids: set[str] = field(default_factory=set)  # every document the run met, those with only problems included

    def for_document(self, doc_id: str) -> DocumentPredictions:
        """Rows of one document; empty tables when the pipeline said nothing about it."""
        return self.documents.get(doc_id) or DocumentPredictions()


def _read_table(folder: Path, table: str, warnings: list[str]) -> list[Row]:
    path = folder / f"{table}.csv"
    if not path.is_file():
        warnings.append(f"{path}: missing, read as an empty table")
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        missing = [column for column in TABLES[table] if column not in header]
        if missing:
            raise PredictionError(f"{path}: missing column(s) {', '.join(missing)}")
        return [{key: value or "" for key, value in row.items() if key is not None} for row in reader]


def load_predictions(folder: Path) -> Predictions:
    """Read every scored table of a prediction folder and attach each row to its document."""
    folder = Path(folder)
    if not folder.is_dir():
        raise PredictionError(f"{folder}: prediction folder not found")
    warnings: list[str] = []
    tables = {table: _read_table(folder, table, warnings) for table in SCORED_TABLES}
    documents: dict[str, DocumentPredictions] = {}

    def document(doc_id: str) -> DocumentPredictions:
        return documents.setdefault(doc_id, DocumentPredictions())

    film_doc: dict[str, str] = {}
    for row in tables["films"]:
        film_doc[row["film_id"]] = row["doc_id"]
        document(row["doc_id"]).rows["films"].append(row)
    for table in ("sections", "people"):
        for row in tables[table]:
            document(row["doc_id"]).rows[table].append(row)
    orphans = 0
    for table in FILM_TABLES:
        for row in tables[table]:
            doc_id = film_doc.get(row["film_id"])
            if doc_id is None:
                orphans += 1
            else:
                document(doc_id).rows[table].append(row)
    if orphans:
        warnings.append(f"{folder}: {orphans} row(s) name a film_id absent from films.csv and are not scored")
    return Predictions(documents=documents, warnings=warnings, doc_ids=set(documents) | _problem_doc_ids(folder))


def _problem_doc_ids(folder: Path) -> set[str]:
    """Documents named in problems.csv: a document that failed or held no article is still part of the run."""
    path = folder / "problems.csv"
    if not path.is_file():
        return set()
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return {row["doc_id"] for row in csv.DictReader(handle) if row.get("doc_id")}
