"""Where each value of one document sits in its text: predicted spans, and missed gold values found by their string.

Every table row with offsets becomes a labelled mark (table and role, field
or kind). With an evaluation, a wrong predicted value marks its own span, and
a missed gold value is looked for where its string occurs in the text; what
has no place in the text (a film column read from several lines, a code, a
value written nowhere) is listed apart, so every error still has a target.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import astuple, dataclass, field

from pipeline.evaluate.facts import EMPTY
from pipeline.evaluate.scoring import ErrorRow
from pipeline.schema import CHOICES

Row = Mapping[str, str]
PART_SEPARATOR = " | "
MIN_LOCATED_CHARS = 3
CLOSED_VALUES = frozenset(v for values in CHOICES.values() for v in values)
MARKED_TABLES = ("titles", "credits", "cast", "awards", "releases", "people", "fiche", "problems")


@dataclass
class Mark:
    """A labelled span of the text; `anchors` are the ids of the errors that point at it."""

    start: int
    end: int
    kind: str  # a table name, or "missed"
    label: str
    detail: str = ""
    anchors: list[str] = field(default_factory=list)
    wrong: bool = False


@dataclass(frozen=True)
class Unplaced:
    """An error with no place in the text, listed beside it."""

    anchor: str
    error: ErrorRow


def error_anchor(error: ErrorRow) -> str:
    """The element id of an error on its document's page: made from the error itself, so a page written
    by `explain` alone has the ids the report links to."""
    digest = hashlib.sha1(repr(astuple(error)).encode("utf-8")).hexdigest()
    return f"e-{digest[:12]}"


def _label(table: str, row: Row) -> tuple[str, str]:
    """The short label shown on a mark, and the longer text shown on hover."""
    if table == "titles":
        return "title", f"lang {row['lang']}" if row.get("lang") else ""
    if table == "credits":
        return row["role"], " · ".join(p for p in (row.get("label", ""), row.get("note", "")) if p)
    if table == "cast":
        return "actor", f"as {row['character']}" if row.get("character") else ""
    if table == "awards":
        return f"prize {row['outcome']}", " · ".join(p for p in (row.get("event", ""), row.get("year", ""),
                                                                row.get("recipient", "")) if p)
    if table == "releases":
        return "release", " ".join(p for p in (row.get("date", ""), row.get("country_code", "")) if p)
    if table == "people":
        return "person", ""
    if table == "fiche":
        return row.get("field") or "fiche", row.get("label", "")
    return row.get("severity", "problem"), row.get("message", "")


def predicted_marks(rows: Mapping[str, Iterable[Row]], length: int) -> list[Mark]:
    """A mark for every row with offsets that fit the text."""
    marks = []
    for table in MARKED_TABLES:
        for row in rows.get(table, ()):
            start, end = row.get("start", ""), row.get("end", "")
            if not (start.isdigit() and end.isdigit()) or not int(start) < int(end) <= length:
                continue
            label, detail = _label(table, row)
            marks.append(Mark(int(start), int(end), table, label, detail))
    return marks


def _needles(shown: str) -> list[str]:
    """The parts of a shown gold value worth looking for: words, not codes, numbers or closed-list values."""
    parts = [p.strip() for p in shown.split(PART_SEPARATOR)]
    return [p for p in parts if p != EMPTY and len(p) >= MIN_LOCATED_CHARS and any(c.isalpha() for c in p)
            and p not in CLOSED_VALUES]


def _find(text: str, needle: str, start: int, end: int) -> tuple[int, int] | None:
    at = text.find(needle, start, end)
    if at >= 0:
        return at, at + len(needle)
    found = re.compile(r"\s+".join(map(re.escape, needle.split())), re.IGNORECASE).search(text, start, end)
    return found.span() if found else None


def locate(text: str, shown: str, preferred: Iterable[tuple[int, int]] = ()) -> tuple[int, int] | None:
    """Where the first findable part of a gold value occurs: exact first, else ignoring case and spacing;
    inside the `preferred` spans (the fiche lines feeding the same field) before anywhere else."""
    ranges = [*preferred, (0, len(text))]
    for needle in _needles(shown):
        for start, end in ranges:
            span = _find(text, needle, start, end)
            if span is not None:
                return span
    return None


def error_marks(text: str, errors: Iterable[ErrorRow], marks: list[Mark]) -> tuple[list[Mark], list[Unplaced]]:
    """Attach each error to the text: a wrong value to its predicted mark, a missed one to where its string occurs.

    Returns the marks for missed values, and the errors that have no place.
    """
    by_span: dict[tuple[int, int, str], Mark] = {(m.start, m.end, m.kind): m for m in marks}
    missed: list[Mark] = []
    unplaced: list[Unplaced] = []
    for error in errors:
        anchor = error_anchor(error)
        if error.kind == "fp":
            mark = by_span.get((error.start, error.end, error.table)) if error.start is not None else None
            if mark is not None:
                mark.wrong = True
                mark.anchors.append(anchor)
                continue
        else:
            lines = [(m.start, m.end) for m in marks if m.kind == "fiche" and m.label == (error.field or error.table)]
            span = locate(text, error.gold, lines)
            if span is not None:
                label = f"missed {error.field or error.table}"
                detail = f"{error.table}: {error.gold}" + (f" (predicted: {error.predicted})" if error.predicted else "")
                missed.append(Mark(*span, "missed", label, detail, [anchor]))
                continue
        unplaced.append(Unplaced(anchor, error))
    return missed, unplaced
