"""Plain data objects passed from one stage to the next, and the kinds they are sorted by.

Nothing here imports the rest of the package, so every stage can share
these types without import cycles.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


class Kind(str, Enum):
    """A closed set of names; the member is its own value in text and in CSV cells."""

    def __str__(self) -> str:
        return self.value

    __format__ = str.__format__


class UnitKind(Kind):
    """What one logical line is, out of context."""

    BLANK = "blank"
    FURNITURE = "furniture"  # navigation, edit links, image captions
    HEADING = "heading"
    FIELD = "field"  # `Label : value` with a known label
    PAIR = "pair"  # `Label : value` with an unknown label
    ROW = "row"  # `| Label | value |`
    FLAT = "flat"  # `Label value` of a flattened infobox
    ITEM = "item"  # a short line that is none of the above
    PROSE = "prose"


class BlockKind(Kind):
    """What a run of lines inside a section is; headings name it (`headings.json`)."""

    INTRO = "intro"
    INFOBOX = "infobox"
    SYNOPSIS = "synopsis"
    FICHE = "fiche"
    DISTRIBUTION = "distribution"
    AWARDS = "awards"
    BIOGRAPHY = "biography"
    PRODUCTION = "production"  # Production and its sub-headings: filming locations in its prose
    OTHER = "other"  # Accueil, Autour du film, Filmographie...: prose that may state a prize
    NOTES = "notes"  # references, link lists, table of contents: read by nothing


class SectionKind(Kind):
    FILM = "film"
    PERSON = "person"


class EventWordKind(Kind):
    """What a name of `award_events.tsv` is in an award sentence."""

    HEAD = "head"  # opens an event name: `Festival de Namur`
    NAME = "name"  # an event by itself or its short form: `Berlinale`, `FESPACO`
    CEREMONY = "ceremony"  # a ceremony whose prizes carry its name: `Césars`, `César du meilleur film`
    SECTION = "section"  # a festival section a film is selected for: `Un certain regard`


class TargetKind(Kind):
    """Where the values of a fiche label go (`labels.tsv`, column `target`)."""

    ROLE = "role"  # credits, role named after the colon
    FILM = "film"  # a films column (or a column group such as `budget`)
    TITLE = "title"  # titles, language code after the colon
    RELEASE = "release"
    CAST = "cast"
    IGNORE = "ignore"  # kept in fiche.csv, read into nothing else


class Outcome(Kind):
    """What an award row says happened to the film at the event."""

    WON = "won"
    NOMINATED = "nominated"
    SELECTED = "selected"
    SUBMITTED = "submitted"


class CastSource(Kind):
    """Where a cast row was read, best first: a cast row from a better source wins a tie."""

    DISTRIBUTION = "distribution"
    SYNOPSIS = "synopsis"
    INTRO = "intro"
    AWARD = "award"  # the winner of an acting prize


class FieldLayout(Kind):
    COLON = "colon"
    ROW = "row"
    FLAT = "flat"


@dataclass(frozen=True)
class Document:
    """A decoded raw document; offsets everywhere index `text`.

    `derived` is true when `text` is not simply the file's decoded bytes
    (rendered from HTML or wikitext, or repaired by the reader): the run then
    writes `text` to `texts/<doc_id>.txt`, so every row's offsets can be checked.
    """

    doc_id: str
    text: str
    path: Path | None = None
    encoding: str = "utf-8"
    derived: bool = False
    notes: tuple[str, ...] = ()  # what the reader repaired (bytes replaced...), one warning each


@dataclass(frozen=True)
class Span:
    """A cleaned value and the exact source span it was read from."""

    start: int
    end: int
    value: str


@dataclass(frozen=True)
class Problem:
    """Something about a document the user should know; one row of problems.csv."""

    doc_id: str
    severity: str  # "error" (document skipped) or "warning"
    stage: str
    message: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class FieldLine:
    """One label with its value on one source line (value may be absent)."""

    label: Span
    value: Span | None
    layout: FieldLayout


@dataclass(frozen=True)
class Unit:
    """One logical line of a document, classified."""

    start: int
    end: int
    kind: UnitKind
    heading: BlockKind | None = None  # block kind a heading opens
    field: FieldLine | None = None  # the label and value a field, pair, row or flat line holds


@dataclass(frozen=True)
class Block:
    """Consecutive units of one kind inside a section (intro, fiche, distribution...)."""

    kind: BlockKind
    units: tuple[Unit, ...]

    @property
    def start(self) -> int:
        return self.units[0].start

    @property
    def end(self) -> int:
        return self.units[-1].end


@dataclass(frozen=True)
class Section:
    """The part of a document about one film or one person."""

    kind: SectionKind
    start: int
    end: int
    title: Span | None = None
    intro_end: int | None = None  # end of the opening sentence, when there is one
    title_paren: tuple[int, int] | None = None  # the parenthesis after the title (other titles, native name)
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    def blocks_of(self, *kinds: BlockKind) -> list[Block]:
        return [b for b in self.blocks if b.kind in kinds]
