"""A document's rows as CSV bytes, ids given, within the caps its size sets.

Rendering happens inside the per-document guard: a value UTF-8 cannot hold,
rows that cannot be built or a document giving far more output than its size
allows cost that document only (one error row instead of its rows).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from pipeline.engines.tasks import Settings, failure, problem_line
from pipeline.extract.records import DocResult
from pipeline.ids import IdAllocator
from pipeline.io.write import OutputTooLarge, render, text_name
from pipeline.model import Problem
from pipeline.schema import TABLES
from pipeline.tables import document_tables


class OutputCapped(Exception):
    """A document would give more rows or bytes than its size allows."""


@dataclass
class DocumentOutput:
    """One document's rows as CSV bytes: each table's lines and row count, and one line per problem."""

    tables: dict[str, tuple[bytes, int]] = field(default_factory=dict)
    problems: list[bytes] = field(default_factory=list)
    text: str | None = None  # for texts/, its name already checked


def _rendered(result: DocResult, tables: dict[str, list], settings: Settings) -> DocumentOutput:
    """Each table's rows as CSV bytes, within the caps the document's size sets."""
    kb = max(1, math.ceil(result.size / 1000))
    rows = sum(map(len, tables.values())) + len(result.problems)
    max_rows = settings.max_rows_per_kb * kb
    if rows > max_rows:
        raise OutputCapped(f"output capped: {rows} rows, more than the {max_rows} allowed for a document of {kb} kB; document skipped")
    limit = int(settings.max_output_ratio * max(result.size, 1000))
    budget = limit
    rendered = DocumentOutput()
    if result.text is not None:
        text_name(result.doc_id)
        rendered.text = result.text
    try:
        for name, table in tables.items():
            data = render(TABLES[name], table, budget, settings.formula_safe)
            budget -= len(data)
            rendered.tables[name] = data, len(table)
        for problem in result.problems:
            rendered.problems.append(problem_line(problem, settings, budget))
            budget -= len(rendered.problems[-1])
    except OutputTooLarge:
        raise OutputCapped(f"output capped: more than {limit:,} bytes of tables for a document of {kb} kB; "
                           "document skipped") from None
    return rendered


def document_output(result: DocResult, ids: IdAllocator, settings: Settings) -> DocumentOutput:
    """The document's rows, ids given and turned into CSV bytes; a failure here, a cap included, costs that document only."""
    stage = "tables"
    try:
        tables = document_tables(result, ids)
        stage = "write"
        return _rendered(result, tables, settings)
    except OutputCapped as err:
        problem = Problem(result.doc_id, "error", "output", str(err))
    except Exception as err:  # noqa: BLE001 - one document's failure must not stop the batch
        problem = failure(result.doc_id, stage, err, settings.debug)
    result.problems[:] = [problem]
    return DocumentOutput(problems=[problem_line(problem, settings)])
