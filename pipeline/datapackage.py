"""A Frictionless data package describing the tables, written beside them by every run.

Other systems read `datapackage.json` rather than guessing: which columns are
integers, which cells are `;`-joined lists, that only an empty cell is missing
(so the country code `NA`, Namibia, stays a value), what identifies a row and
which film a row belongs to. Everything comes from `pipeline.schema` and the
column descriptions in `pipeline/data/columns.tsv`, so the columns stay
defined once.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.io.files import write_text_atomic
from pipeline.schema import (BOOL_COLUMNS, CHOICES, CODE_PATTERNS, DATE_COLUMNS, FILM_ROW_TABLES, INT_COLUMNS,
                             LIST_COLUMNS, OUTPUT_TABLES, PRIMARY_KEYS)
from pipeline.vocab import ANY_TABLE, rows

FILENAME = "datapackage.json"
LIST_DELIMITER = ";"
MISSING_VALUES = [""]
ISO_DATE = r"\d{4}(-\d{2}(-\d{2})?)?"
ID_COLUMNS = frozenset({"doc_id", "film_id", "person_id", "entity_id"})

TABLE_DESCRIPTIONS = {
    "sections": "One row per article found in a document.",
    "films": "One row per film.",
    "titles": "Every title form the text gives a film.",
    "credits": "One row per person or organisation in a crew or company role.",
    "cast": "One row per actor and character.",
    "awards": "One row per prize and recipient.",
    "releases": "One row per release date.",
    "people": "One row per person an article is about.",
    "fiche": "Every fiche technique or infobox line, as written.",
    "problems": "What the run met: documents that could not be read (error), things to know (warning).",
}


@cache
def descriptions() -> dict[tuple[str, str], str]:
    """Column descriptions from the data file, whose spec lets each line name only a known column, once;
    every column needs one."""
    found = {(table, column): text for table, column, text in rows("columns.tsv")}
    known = {(t, c) for t, columns in OUTPUT_TABLES.items() for c in columns}
    missing = [f"{t}.{c}" for t, c in sorted(known) if (t, c) not in found and (ANY_TABLE, c) not in found]
    if missing:
        raise ValueError(f"columns.tsv: no description for {', '.join(missing)}")
    return found


def field(table: str, column: str) -> dict[str, Any]:
    """The Table Schema field of one column."""
    text = descriptions().get((table, column)) or descriptions()[(ANY_TABLE, column)]
    spec: dict[str, Any] = {"name": column, "description": text}
    constraints: dict[str, Any] = {}
    if column in INT_COLUMNS:
        spec["type"] = "integer"
        constraints["minimum"] = 0
    elif column in BOOL_COLUMNS:
        spec.update(type="boolean", trueValues=["true"], falseValues=["false"])
    elif column in LIST_COLUMNS:
        spec.update(type="list", delimiter=LIST_DELIMITER, itemType="string")
    else:
        spec["type"] = "string"
        if column in DATE_COLUMNS:
            constraints["pattern"] = ISO_DATE
        elif column in CODE_PATTERNS:
            constraints["pattern"] = CODE_PATTERNS[column]
        elif (table, column) in CHOICES:
            constraints["enum"] = list(CHOICES[(table, column)])
    if column in ID_COLUMNS:
        constraints["required"] = True
    if constraints:
        spec["constraints"] = constraints
    return spec


def table_schema(table: str) -> dict[str, Any]:
    """The Table Schema of one table: fields, missing values, keys."""
    schema: dict[str, Any] = {
        "fields": [field(table, c) for c in OUTPUT_TABLES[table]],
        "missingValues": MISSING_VALUES,
    }
    if table in PRIMARY_KEYS:
        schema["primaryKey"] = list(PRIMARY_KEYS[table])
    if table in FILM_ROW_TABLES:
        schema["foreignKeys"] = [{"fields": ["film_id"], "reference": {"resource": "films", "fields": ["film_id"]}}]
    return schema


def descriptor() -> dict[str, Any]:
    """The whole data package: one tabular resource per CSV file of a run."""
    return {
        "profile": "tabular-data-package",
        "name": "filmfiche",
        "title": "Film facts extracted from French encyclopedic text",
        "version": __version__,
        "resources": [
            {
                "name": table,
                "path": f"{table}.csv",
                "profile": "tabular-data-resource",
                "description": TABLE_DESCRIPTIONS[table],
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": {"delimiter": ",", "lineTerminator": "\n", "quoteChar": '"', "doubleQuote": True,
                            "header": True},
                "schema": table_schema(table),
            }
            for table in OUTPUT_TABLES
        ],
    }


def write_datapackage(out: Path) -> Path:
    """Write `datapackage.json` into the output folder, whole or not at all."""
    path = Path(out) / FILENAME
    write_text_atomic(path, json.dumps(descriptor(), ensure_ascii=False, indent=2) + "\n")
    return path
