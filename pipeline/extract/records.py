"""What the extractors produce for one section, before ids are assigned.

Rows are plain dicts keyed by the contract's column names (pipeline.schema);
`film_id` is left out until the whole run is known, so ids stay unique and
deterministic across documents and worker processes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.model import Problem, Section, Span

Row = dict[str, object]


@dataclass
class FilmRecord:
    section: Section
    title: str = ""
    title_start: int | None = None
    columns: Row = field(default_factory=dict)
    titles: list[Row] = field(default_factory=list)
    credits: list[Row] = field(default_factory=list)
    cast: list[Row] = field(default_factory=list)
    awards: list[Row] = field(default_factory=list)
    releases: list[Row] = field(default_factory=list)
    fiche: list[Row] = field(default_factory=list)
    intro_countries: list[str] = field(default_factory=list)  # from the opening sentence's demonym
    fiche_titles: list[Span] = field(default_factory=list)  # first form of each fiche title value


@dataclass
class PersonRecord:
    section: Section
    row: Row


@dataclass
class DocResult:
    doc_id: str
    size: int = 0  # characters of the document read, which bounds the rows it may give
    films: list[FilmRecord] = field(default_factory=list)
    people: list[PersonRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    text: str | None = None  # the text offsets index, when it is not the file's decoded bytes (written to texts/)
