"""A batch run: read every input, extract each document, write the tables.

One bad document never stops the batch: it becomes a row of problems.csv and
a one-line message, and the others go on. Tables are written only once every
document has been processed, each file whole.
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.extract.document import extract_document
from pipeline.extract.records import DocResult
from pipeline.io.read import InputError, Source, discover, read
from pipeline.io.write import TableSink
from pipeline.model import Problem
from pipeline.ner import DEFAULT_MODEL, PersonTagger
from pipeline.schema import PROBLEMS_COLUMNS, TABLES
from pipeline.ids import IdAllocator
from pipeline.tables import document_tables


@dataclass
class RunSummary:
    documents: int = 0
    failed: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    problems: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        counts = " ".join(f"{name}={n}" for name, n in self.rows.items())
        return (f"{self.documents} documents ({self.failed} failed), {self.rows.get('films', 0)} films, "
                f"{self.rows.get('people', 0)} people; rows: {counts}; {self.problems} problems; {self.seconds:.1f} s")


_TAGGER: PersonTagger | None = None


def _init_worker(model: str | None) -> None:
    global _TAGGER
    _TAGGER = PersonTagger(model)


def process(source: Source, debug: bool = False) -> DocResult:
    """Read and extract one document; every failure becomes a Problem."""
    assert _TAGGER is not None
    try:
        doc = read(source)
    except InputError as err:
        return DocResult(source.doc_id, problems=[Problem(source.doc_id, "error", "read", str(err))])
    except OSError as err:
        return DocResult(source.doc_id, problems=[Problem(source.doc_id, "error", "read", f"cannot read: {err}")])
    problems = []
    if doc.encoding not in ("utf-8", "utf-8-sig"):
        problems.append(Problem(doc.doc_id, "warning", "read", f"not UTF-8: decoded as {doc.encoding}"))
    try:
        result = extract_document(doc, _TAGGER)
    except Exception as err:  # noqa: BLE001 - one document's failure must not stop the batch
        if debug:
            traceback.print_exc()
        return DocResult(doc.doc_id, problems=[*problems, Problem(doc.doc_id, "error", "extract", f"{type(err).__name__}: {err}")])
    result.problems[:0] = problems
    return result


def _results(sources: Sequence[Source], jobs: int, model: str | None, debug: bool) -> Iterator[DocResult]:
    if jobs <= 1 or len(sources) <= 1:
        _init_worker(model)
        for source in sources:
            yield process(source, debug)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(model,)) as pool:
        yield from pool.map(process, sources, [debug] * len(sources), chunksize=max(1, min(32, len(sources) // (jobs * 4) or 1)))


def _progress(iterable: Iterator[DocResult], total: int, quiet: bool) -> Iterator[DocResult]:
    if quiet or not sys.stderr.isatty():
        return iterable
    from tqdm import tqdm

    return tqdm(iterable, total=total, unit="doc", file=sys.stderr)


def _unique_doc_ids(sources: list[Source]) -> tuple[list[Source], list[Problem]]:
    """Sources in doc_id order; a second file with an already used doc_id is refused."""
    kept: dict[str, Source] = {}
    problems = []
    for source in sources:
        if source.doc_id in kept:
            problems.append(Problem(source.doc_id, "error", "read",
                                    f"doc_id already used by {kept[source.doc_id].path}; {source.path} skipped"))
        else:
            kept[source.doc_id] = source
    return [kept[k] for k in sorted(kept)], problems


def _report(problem: Problem, quiet: bool) -> None:
    if quiet and problem.severity != "error":
        return
    where = f" at {problem.start}-{problem.end}" if problem.start is not None else ""
    print(f"{problem.severity}: {problem.doc_id}: {problem.stage}: {problem.message}{where}", file=sys.stderr)


def run(inputs: Sequence[str | Path], out: Path, *, jobs: int | None = None, ner: bool = True,
        model: str = DEFAULT_MODEL, quiet: bool = False, debug: bool = False) -> RunSummary:
    """Extract every input document into the tables under `out`.

    Documents are processed in doc_id order and their rows streamed to
    temporary files; the tables replace the previous ones only at the end.
    """
    started = time.perf_counter()
    sources, problems = _unique_doc_ids(list(discover(inputs)))
    jobs = jobs or os.cpu_count() or 1
    ids = IdAllocator()
    summary = RunSummary(documents=len(sources) + len(problems), failed=len(problems))
    all_problems = list(problems)
    for problem in problems:
        _report(problem, quiet)
    with TableSink(out, {**TABLES, "problems": PROBLEMS_COLUMNS}) as sink:
        for result in _progress(_results(sources, jobs, model if ner else None, debug), len(sources), quiet):
            for problem in result.problems:
                _report(problem, quiet)
            if any(p.severity == "error" for p in result.problems):
                summary.failed += 1
            all_problems.extend(result.problems)
            for name, rows in document_tables(result, ids).items():
                sink.add(name, rows)
        all_problems.sort(key=lambda p: (p.doc_id, p.start if p.start is not None else -1, p.stage, p.message))
        sink.add("problems", ({c: getattr(p, c) for c in PROBLEMS_COLUMNS} for p in all_problems))
        summary.rows = {name: n for name, n in sink.counts.items() if name != "problems"}
    summary.problems = len(all_problems)
    summary.seconds = time.perf_counter() - started
    return summary
