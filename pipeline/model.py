"""Plain data objects passed from one stage to the next."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.text.fields import FieldLine


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


@dataclass
class Unit:
    """One logical line of a document, classified."""

    start: int
    end: int
    kind: str  # blank, furniture, heading, field, pair, row, flat, item, prose
    heading: str = ""  # block kind a heading opens
    field: FieldLine | None = None  # the label and value a field, pair, row or flat line holds


@dataclass
class Block:
    """Consecutive units of one kind inside a section (intro, fiche, distribution...)."""

    kind: str
    units: list[Unit] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.units[0].start

    @property
    def end(self) -> int:
        return self.units[-1].end


@dataclass
class Section:
    """The part of a document about one film or one person."""

    kind: str  # "film" or "person"
    start: int
    end: int
    title: Span | None = None
    intro_end: int | None = None  # end of the opening sentence, when there is one
    title_paren: tuple[int, int] | None = None  # the parenthesis after the title (other titles, native name)
    blocks: list[Block] = field(default_factory=list)

    def blocks_of(self, kind: str) -> list[Block]:
        return [b for b in self.blocks if b.kind == kind]
