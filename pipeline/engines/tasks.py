"""What is sent to a worker and what comes back: small, picklable descriptors.

A task is a `Chunk`: consecutive documents in doc_id order, given by their
sources (paths, never texts), so a task costs the same to send whatever the
documents weigh. Its result names the part files the worker wrote and carries
what the parent needs to merge them: each document's problems and the ids the
worker gave, in the order it gave them.
"""

from __future__ import annotations

import math
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from pipeline.io.read import DEFAULT_MAX_BYTES, Source
from pipeline.io.write import render
from pipeline.model import Problem
from pipeline.ner import DEFAULT_MODEL
from pipeline.schema import PROBLEMS_COLUMNS
from pipeline.tables import problem_row

WORKER_DIED = "the worker process died on this document (out of memory or a crash); document skipped"
MAX_ROWS_PER_KB = 500  # rows (problems included) one document may give per 1,000 characters: a row per 2 characters
MAX_OUTPUT_RATIO = 20.0  # bytes of tables one document may write per character; an article writes about 2.5
CHUNKS_PER_JOB = 4  # at least this many tasks per worker, so a slow chunk does not leave the others idle
MAX_CHUNK_DOCS = 64  # few enough that a chunk rerun after a worker's death costs little


@dataclass(frozen=True)
class Settings:
    """How every document is processed, the same in every worker."""

    model: str | None = DEFAULT_MODEL  # spaCy model for NER; None: rules only
    debug: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = 0.0  # seconds per document; 0: no limit
    max_rows_per_kb: int = MAX_ROWS_PER_KB
    max_output_ratio: float = MAX_OUTPUT_RATIO
    formula_safe: bool = False  # quote text cells a spreadsheet would run as formulas (breaks their exactness)
    vocab: str | None = None  # an overlay folder of vocabulary files (pipeline.vocab.use_overlay)


@dataclass(frozen=True)
class Chunk:
    """Consecutive documents; `key` orders chunks, and a chunk split after a crash keeps its place (key + (i,))."""

    key: tuple[int, ...]
    sources: tuple[Source, ...]

    @property
    def name(self) -> str:
        """The part files' prefix: keys sort the same as text."""
        return "-".join(f"{k:06d}" for k in self.key)

    def halves(self) -> tuple[Chunk, Chunk]:
        middle = len(self.sources) // 2
        return Chunk((*self.key, 0), self.sources[:middle]), Chunk((*self.key, 1), self.sources[middle:])


@dataclass
class DocOutcome:
    """One document's problems (its stderr lines), their problems.csv lines as rendered, and whether it failed."""

    doc_id: str
    problems: list[Problem] = field(default_factory=list)
    lines: list[bytes] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(p.severity == "error" for p in self.problems)


@dataclass
class ChunkResult:
    """What a worker did with a chunk.

    `parts` maps a table to its part file (rows in table order, no header) and
    `counts` to its number of rows; `allocations` lists (base, id) for every id
    given, in order, so the parent can turn the chunk's ids into the run's;
    `texts` maps the doc_id of each derived document to the file holding its text.
    `settled` says the ids were given by the run's own allocator (same process): nothing to replay.
    """

    key: tuple[int, ...]
    documents: list[DocOutcome]
    parts: dict[str, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    allocations: list[tuple[str, str]] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    settled: bool = False


def failure(doc_id: str, stage: str, err: BaseException | str, debug: bool = False) -> Problem:
    """An error row for an exception, on one line; the traceback only when debugging."""
    if debug and isinstance(err, BaseException):
        traceback.print_exception(err)
    message = err if isinstance(err, str) else f"{type(err).__name__}: {err}"
    return Problem(doc_id, "error", stage, " ".join(message.split()))


def problem_line(problem: Problem, settings: Settings, limit: int | None = None) -> bytes:
    """The problem's problems.csv line."""
    return render(PROBLEMS_COLUMNS, [problem_row(problem)], limit, settings.formula_safe)


def problem_key(problem: Problem) -> tuple:
    """problems.csv is sorted by document, then position (a document-wide problem first), stage and message."""
    return problem.doc_id, -1 if problem.start is None else problem.start, problem.stage, problem.message


def failed(chunk: Chunk, err: BaseException | str, settings: Settings) -> ChunkResult:
    """A chunk no worker could finish: an error row for each of its documents, no rows."""
    outcomes = []
    for source in chunk.sources:
        problem = failure(source.doc_id, "extract", err, settings.debug)
        outcomes.append(DocOutcome(source.doc_id, [problem], [problem_line(problem, settings)]))
    return ChunkResult(chunk.key, outcomes)


def split_down(chunk: Chunk, result: ChunkResult | None, rerun: Callable[[Chunk], ChunkResult | None],
               settings: Settings) -> Iterator[ChunkResult]:
    """The chunk's `result`, or, when its worker died on it (None), its halves each run again by `rerun`
    (None when that worker dies too), split down to the single document that kills its worker and gets an error row."""
    if result is not None:
        yield result
    elif len(chunk.sources) == 1:
        yield failed(chunk, WORKER_DIED, settings)
    else:
        for half in chunk.halves():
            yield from split_down(half, rerun(half), rerun, settings)


def plan(sources: list[Source], jobs: int) -> list[Chunk]:
    """Cut the sources (in doc_id order) into consecutive chunks, several per worker."""
    size = max(1, min(MAX_CHUNK_DOCS, math.ceil(len(sources) / (max(1, jobs) * CHUNKS_PER_JOB))))
    return [Chunk((n,), tuple(sources[i:i + size])) for n, i in enumerate(range(0, len(sources), size))]
