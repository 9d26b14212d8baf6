"""Write scores.csv and errors.csv, and the plain-text summary for the terminal."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from itertools import groupby
from pathlib import Path
from typing import TextIO

from pipeline.evaluate.predictions import SCORED_TABLES
from pipeline.evaluate.scoring import ALL, Count, ErrorRow, Evaluation
from pipeline.io.files import write_text_atomic

SCORE_COLUMNS = ("table", "field", "doc_id", "tp", "fp", "fn", "precision", "recall", "f1")
ERROR_COLUMNS = ("doc_id", "table", "field", "kind", "film", "gold", "predicted", "start", "end")


def _csv_text(header: tuple[str, ...], rows: Iterable[Iterable[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(["" if cell is None else cell for cell in row] for row in rows)
    return buffer.getvalue()


def _score_cells(table: str, field: str, doc_id: str, count: Count) -> list[object]:
    return [table, field, doc_id, count.tp, count.fp, count.fn,
            f"{count.precision:.4f}", f"{count.recall:.4f}", f"{count.f1:.4f}"]


def score_rows(evaluation: Evaluation) -> list[list[object]]:
    """Rows of scores.csv: per table (total, then per field), each over all documents then per document."""
    rows = []
    for table in (*SCORED_TABLES, ALL):
        for field in ("", *evaluation.fields(table)):
            for doc_id in ("", *evaluation.doc_ids):
                key = (table, field, doc_id)
                if key in evaluation.counts:
                    rows.append(_score_cells(table, field, doc_id, evaluation.counts[key]))
    return rows


def error_rows(evaluation: Evaluation) -> list[list[object]]:
    """Rows of errors.csv, in ERROR_COLUMNS order."""
    return [[e.doc_id, e.table, e.field, e.kind, e.film, e.gold, e.predicted, e.start, e.end]
            for e in evaluation.errors]


def write_results(evaluation: Evaluation, folder: Path) -> tuple[Path, Path]:
    """Write scores.csv and errors.csv into the prediction folder."""
    scores, errors = folder / "scores.csv", folder / "errors.csv"
    write_text_atomic(scores, _csv_text(SCORE_COLUMNS, score_rows(evaluation)))
    write_text_atomic(errors, _csv_text(ERROR_COLUMNS, error_rows(evaluation)))
    return scores, errors


def print_summary(evaluation: Evaluation, out: TextIO) -> None:
    """Per-table P/R/F1 and the micro average, as an aligned text table."""
    out.write(f"Scored {len(evaluation.doc_ids)} document(s) with gold.\n")
    out.write(f"{'table':<10} {'tp':>5} {'fp':>5} {'fn':>5} {'P':>6} {'R':>6} {'F1':>6}\n")
    for table in (*SCORED_TABLES, ALL):
        if table == ALL:
            out.write("-" * 47 + "\n")
        c = evaluation.count(table)
        out.write(f"{table:<10} {c.tp:>5} {c.fp:>5} {c.fn:>5} "
                  f"{c.precision:>6.3f} {c.recall:>6.3f} {c.f1:>6.3f}\n")


def _describe(error: ErrorRow) -> str:
    where = " ".join(part for part in (error.doc_id, f"[{error.film}]" if error.film else "", error.field) if part)
    if error.kind == "fn":
        text = f"missed     {error.gold}"
        if error.predicted:
            text += f"   (predicted: {error.predicted})"
    else:
        text = f"unexpected {error.predicted}"
        if error.gold:
            text += f"   (gold: {error.gold})"
    return f"  {error.kind}  {where}: {text}"


def print_errors(evaluation: Evaluation, out: TextIO) -> None:
    """The error list, grouped by table."""
    for table, group in groupby(evaluation.errors, key=lambda e: e.table):
        errors = list(group)
        out.write(f"\n== {table}: {len(errors)} error(s)\n")
        for error in errors:
            out.write(_describe(error) + "\n")
