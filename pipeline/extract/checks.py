"""Fiche lines that gave their film nothing, reported as warnings.

A label with no value (`Réalisation :`), a value no parser understood
(`Durée : beaucoup`) and a value with no label (`: Awa Traoré`) are kept in
fiche.csv like every line; these checks tell the user about them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.extract.names import unmarked_pieces
from pipeline.extract.records import DocResult, FicheLine, FilmRecord
from pipeline.model import BlockKind, Problem, TargetKind
from pipeline.schema import ROLES, TABLES

QUOTE_CHARS = 60
ROLES_SET = frozenset(ROLES)
FILM_VALUE_COLUMNS = frozenset(TABLES["films"]) - {"film_id", "doc_id", "title"}
NO_LABEL = re.compile(r"[ \t\u00a0\u202f*•·|-]*(?P<line>:[ \t\u00a0\u202f]*\S.*)")


def _quote(value: object) -> str:
    text = str(value)
    return repr(text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS] + "…")


@lru_cache(maxsize=1024)
def _film_columns(field_name: str) -> tuple[str, ...]:
    """The films columns a fiche field feeds: itself, or a group such as `budget`."""
    return tuple(c for c in FILM_VALUE_COLUMNS if c == field_name or c.startswith(f"{field_name}_"))


def _filled(field_name: str, film: FilmRecord) -> bool | None:
    """Whether the film got any value for a fiche field from anywhere; None for a field this cannot tell."""
    if field_name in ROLES:
        return any(c.role == field_name for c in film.credits)
    gathered = {TargetKind.RELEASE: film.releases, TargetKind.CAST: film.cast, TargetKind.TITLE: film.title}
    if field_name in gathered:
        return bool(gathered[TargetKind(field_name)])
    columns = _film_columns(field_name)
    return any(film.get(c) not in (None, "", ()) for c in columns) if columns else None


def _row_problem(doc_id: str, film: FilmRecord, line: FicheLine) -> Problem | None:
    """A fiche line whose field the film lacks: the label had no value, or no parser understood it."""
    fields = line.field.split(";")
    label, value, start, end = line.label, line.value, line.start, line.end
    if not value:
        known = [f for f in fields if _filled(f, film) is not None]
        if known and not any(_filled(f, film) for f in known):
            return Problem(doc_id, "warning", "fiche", f"label {_quote(label)} has no value", start, end)
        return None
    typed = [f for f in fields if _film_columns(f)]
    if typed and not any(_filled(f, film) for f in typed):
        return Problem(doc_id, "warning", "fiche", f"{_quote(label)}: value {_quote(value)} not understood", start, end)
    return None


def _unread_names(text: str, doc_id: str, line: FicheLine) -> list[Problem]:
    """Pieces of a credit line not read as names (no capital letter), each named in a warning."""
    if not line.value or not ROLES_SET.intersection(line.field.split(";")):
        return []
    return [Problem(doc_id, "warning", "fiche", f"{_quote(line.label)}: {_quote(span.value)} has no capital letter; not read as a name",
                    span.start, span.end) for span in unmarked_pieces(text, line.start, line.end)]


def line_problems(text: str, result: DocResult) -> list[Problem]:
    """Fiche lines that gave the film nothing, credit pieces not read as names, and lines with a value but no label."""
    problems = []
    for film in result.films:
        problems.extend(p for p in (_row_problem(result.doc_id, film, row) for row in film.fiche) if p)
        for row in film.fiche:
            problems.extend(_unread_names(text, result.doc_id, row))
        for block in film.section.blocks_of(BlockKind.FICHE, BlockKind.INFOBOX):
            for unit in block.units:
                m = NO_LABEL.match(text, unit.start, unit.end)
                if m:
                    line = m.group("line").rstrip()
                    problems.append(Problem(result.doc_id, "warning", "fiche", f"value with no label: {_quote(line)}",
                                            m.start("line"), m.start("line") + len(line)))
    return problems
