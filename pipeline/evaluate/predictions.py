"""Read the extracted CSV tables and split them by document.

Film-level tables (titles, credits, cast, awards, releases) carry no doc_id:
they reach their document through films.csv (film_id -> doc_id).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.schema import FILM_ROW_TABLES, PROBLEMS_COLUMNS, TABLES

SCORED_TABLES: tuple[str, ...] = ("sections", "films", "titles", "credits", "cast", "awards", "releases", "people")
# Read besides the scored tables, to show where values came from; problems.csv may be absent.
SHOWN_TABLES: tuple[str, ...] = ("fiche", "problems")

Row = dict[str, str]


class PredictionError(ValueError):
    """The prediction folder or one of its tables cannot be read."""


@dataclass
class DocumentPredictions:
    """The predicted rows of one document, per table."""

    rows: dict[str, list[Row]] = field(default_factory=lambda: {table: [] for table in (*SCORED_TABLES, *SHOWN_TABLES)})


@dataclass
class Predictions:
    """All predicted rows, grouped by document, plus warnings met while reading."""

    documents: dict[str, DocumentPredictions]  # every document the run met, those with only problems included
    warnings: list[str]

    @property
    def doc_ids(self) -> set[str]:
        return set(self.documents)

    def for_document(self, doc_id: str) -> DocumentPredictions:
        """Rows of one document; empty tables when the pipeline said nothing about it."""
        return self.documents.get(doc_id) or DocumentPredictions()


def _read_table(folder: Path, table: str, warnings: list[str]) -> list[Row]:
    path = folder / f"{table}.csv"
    if not path.is_file():
        if table != "problems":
            warnings.append(f"{path}: missing, read as an empty table")
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        missing = [column for column in TABLES.get(table, PROBLEMS_COLUMNS) if column not in header]
        if missing:
            raise PredictionError(f"{path}: missing column(s) {', '.join(missing)}")
        return [{key: value or "" for key, value in row.items() if key is not None} for row in reader]


def load_predictions(folder: Path) -> Predictions:
    """Read the tables of a prediction folder and attach each row to its document."""
    folder = Path(folder)
    if not folder.is_dir():
        raise PredictionError(f"{folder}: prediction folder not found")
    warnings: list[str] = []
    tables = {table: _read_table(folder, table, warnings) for table in (*SCORED_TABLES, *SHOWN_TABLES)}
    documents: dict[str, DocumentPredictions] = {}

    def document(doc_id: str) -> DocumentPredictions:
        return documents.setdefault(doc_id, DocumentPredictions())

    film_doc: dict[str, str] = {}
    for row in tables["films"]:
        film_doc[row["film_id"]] = row["doc_id"]
        document(row["doc_id"]).rows["films"].append(row)
    for table in ("sections", "people", "problems"):
        for row in tables[table]:
            document(row["doc_id"]).rows[table].append(row)
    orphans = 0
    for table in FILM_ROW_TABLES:
        for row in tables[table]:
            doc_id = film_doc.get(row["film_id"])
            if doc_id is None:
                orphans += 1
            else:
                document(doc_id).rows[table].append(row)
    if orphans:
        warnings.append(f"{folder}: {orphans} row(s) name a film_id absent from films.csv and are not scored")
    return Predictions(documents=documents, warnings=warnings)
