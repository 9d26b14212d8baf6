"""What the extractors produce for one section, before ids are assigned.

One frozen record per output row, each with the source span it was read
from; `pipeline.tables` alone turns them into CSV rows. Ids (`film_id`,
`person_id`) are left out until the whole run is known, so they stay unique
and deterministic across documents and worker processes.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from pipeline.model import CastSource, Outcome, Problem, Section, Span


@dataclass(frozen=True)
class Title:
    title: str
    lang: str
    start: int
    end: int


@dataclass(frozen=True)
class Credit:
    role: str
    name: str
    note: str
    label: str  # the fiche label it was read from; '' from prose
    start: int
    end: int


@dataclass(frozen=True)
class CastMember:
    actor: str
    character: str
    source: CastSource
    start: int
    end: int


@dataclass(frozen=True)
class Award:
    event: str
    edition: int | None
    year: int | None
    category: str
    recipient: str
    outcome: Outcome
    ex_aequo: bool
    start: int  # the category's span
    end: int
    recipient_span: tuple[int, int] | None = None  # where the recipient is named, for the cast an acting prize implies


@dataclass(frozen=True)
class Release:
    country_code: str
    country: str
    date: str
    note: str
    start: int
    end: int


@dataclass(frozen=True)
class FicheLine:
    """A fiche or infobox line as written; `field` names what it feeds (`;`-joined)."""

    label: str
    value: str
    field: str
    start: int
    end: int


@dataclass(frozen=True)
class Film:
    """The films row of one film section; list columns hold tuples in text order."""

    title: str = ""
    original_title: str | None = None
    year: int | None = None
    duration_min: int | None = None
    countries: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    genres: tuple[str, ...] = ()
    budget_low: int | None = None
    budget_high: int | None = None
    budget_currency: str | None = None
    color: tuple[str, ...] = ()
    film_format: str | None = None
    aspect_ratio: str | None = None
    age_rating: int | None = None
    filming_locations: tuple[str, ...] = ()
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Person:
    """The people row of one biography section; the span is the person's name."""

    name: str
    start: int
    end: int
    native_name: str = ""
    birth_date: str = ""
    birth_place: str = ""
    birth_country: str = ""
    death_date: str = ""
    death_place: str = ""
    nationalities: tuple[str, ...] = ()
    occupations: tuple[str, ...] = ()
    residence: str = ""


@dataclass
class FilmRecord:
    """Everything read about one film section, gathered while its extractors run."""

    section: Section
    facts: Film = field(default_factory=Film)
    titles: list[Title] = field(default_factory=list)
    credits: list[Credit] = field(default_factory=list)
    cast: list[CastMember] = field(default_factory=list)
    awards: list[Award] = field(default_factory=list)
    releases: list[Release] = field(default_factory=list)
    fiche: list[FicheLine] = field(default_factory=list)
    intro_countries: list[str] = field(default_factory=list)  # from the opening sentence's demonym
    fiche_titles: list[Span] = field(default_factory=list)  # first form of each fiche title value
    warnings: list[Span] = field(default_factory=list)  # a problem met in the section: the message, and where

    @property
    def title(self) -> str:
        return self.facts.title

    def get(self, column: str) -> object:
        return getattr(self.facts, column)

    def update(self, **columns: object) -> None:
        self.facts = replace(self.facts, **columns)


@dataclass(frozen=True)
class PersonRecord:
    section: Section
    person: Person


@dataclass
class DocResult:
    doc_id: str
    size: int = 0  # characters of the document read, which bounds the rows it may give
    films: list[FilmRecord] = field(default_factory=list)
    people: list[PersonRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    text: str | None = None  # the text offsets index, when it is not the file's decoded bytes (written to texts/)
