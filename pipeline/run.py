"""A batch run: read every input, extract each document, write the tables.

One bad document never stops the batch: it becomes a row of problems.csv and
a one-line message, and the others go on. That holds for unreadable input,
for an extractor that raises, for a document that takes too long and for a
worker process that dies. Tables replace the previous ones only once every
document has been processed; an interrupted run leaves them as they were.
"""

from __future__ import annotations

import contextlib
import math
import multiprocessing
import os
import signal
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pipeline.datapackage import write_datapackage
from pipeline.extract.checks import line_problems
from pipeline.extract.document import extract_document
from pipeline.extract.records import DocResult
from pipeline.ids import IdAllocator
from pipeline.io.read import DECLARED_ENCODINGS, DEFAULT_MAX_BYTES, RENDERERS, InputError, Source, discover, read, shown
from pipeline.io.write import OutputTooLarge, TableSink, render, text_name
from pipeline.model import Problem
from pipeline.ner import DEFAULT_MODEL, PersonTagger
from pipeline.runinfo import run_record, utc_now, write_run_record
from pipeline.schema import PROBLEMS_COLUMNS, TABLES
from pipeline.tables import document_tables, problem_row
from pipeline.vocab import use_overlay

WINDOW_PER_JOB = 4  # documents queued per worker: enough to keep it busy, few results held in memory
PARENT_POLL_SECONDS = 1.0
EXIT_ORPHANED = 1
MAX_ROWS_PER_KB = 500  # rows (problems included) one document may give per 1,000 characters: a row per 2 characters
MAX_OUTPUT_RATIO = 20.0  # bytes of tables one document may write per character; an article writes about 2.5


class UsageError(Exception):
    """The command cannot run as given (nothing to read, output folder busy...)."""


class Interrupted(BaseException):
    """SIGINT or SIGTERM reached the run; `committed` says whether the new tables were already in place."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum
        self.committed = False


class DocumentTimeout(BaseException):
    """A document overran its time; a BaseException so no extractor's `except Exception` swallows it."""


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
_SETTINGS = Settings()


def _exit_with(parent: int) -> None:
    """A worker's queue never closes when its run is killed; it ends itself once its parent is gone."""
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(EXIT_ORPHANED)


def _init_worker(settings: Settings, parent: int | None = None) -> None:
    """Set up the tagger (it loads the model on the first document needing it, not before);
    a pool worker leaves Ctrl-C and SIGTERM to its `parent` and ends with it."""
    global _TAGGER, _SETTINGS
    if parent is not None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        threading.Thread(target=_exit_with, args=(parent,), name="parent-watch", daemon=True).start()
    _SETTINGS = settings
    use_overlay(Path(settings.vocab) if settings.vocab else None)
    _TAGGER = PersonTagger(settings.model)


def _on_alarm(signum: int, frame: object) -> None:
    raise DocumentTimeout


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise DocumentTimeout in the block after `seconds` (main thread of a POSIX process only)."""
    usable = seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _failure(doc_id: str, stage: str, err: BaseException | str, debug: bool = False) -> Problem:
    """An error row for an exception, on one line; the traceback only when debugging."""
    if debug and isinstance(err, BaseException):
        traceback.print_exception(err)
    message = err if isinstance(err, str) else f"{type(err).__name__}: {err}"
    return Problem(doc_id, "error", stage, " ".join(message.split()))


def _extract(source: Source, settings: Settings) -> DocResult:
    try:
        doc = read(source, settings.max_bytes)
    except InputError as err:
        return DocResult(source.doc_id, problems=[_failure(source.doc_id, "read", str(err))])
    except Exception as err:  # noqa: BLE001 - one document's failure must not stop the batch
        return DocResult(source.doc_id, problems=[_failure(source.doc_id, "read", err, settings.debug)])
    problems = []
    if shown(source.path) != str(source.path):
        problems.append(Problem(doc.doc_id, "warning", "read", f"file name is not UTF-8: doc_id written as '{doc.doc_id}'"))
    if doc.encoding not in DECLARED_ENCODINGS:
        problems.append(Problem(doc.doc_id, "warning", "read", f"not UTF-8: decoded as {doc.encoding}"))
    problems.extend(Problem(doc.doc_id, "warning", "read", note) for note in doc.notes)
    try:
        assert _TAGGER is not None
        result = extract_document(doc, _TAGGER)
        result.problems.extend(line_problems(doc.text, result))
        if doc.derived:
            result.text = doc.text
    except Exception as err:  # noqa: BLE001 - one document's failure must not stop the batch
        return DocResult(doc.doc_id, problems=[*problems, _failure(doc.doc_id, "extract", err, settings.debug)])
    result.problems[:0] = problems
    result.size = len(doc.text)
    return result


def process(source: Source) -> DocResult:
    """Read and extract one document; every failure, a timeout included, becomes a Problem."""
    settings = _SETTINGS
    try:
        with _time_limit(settings.timeout):
            return _extract(source, settings)
    except DocumentTimeout:
        message = f"gave up after {settings.timeout:g} s (see --timeout); document skipped"
        return DocResult(source.doc_id, problems=[_failure(source.doc_id, "extract", message)])


def _worker_died(source: Source) -> DocResult:
    message = "the worker process died on this document (out of memory or a crash); document skipped"
    return DocResult(source.doc_id, problems=[_failure(source.doc_id, "extract", message)])


def _pool(jobs: int, settings: Settings) -> ProcessPoolExecutor:
    """Workers are spawned, not forked: they inherit no output lock, pipe or signal handler, and exit when the run is killed."""
    return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_init_worker, initargs=(settings, os.getpid()))


def _stop(pool: ProcessPoolExecutor) -> None:
    """Drop queued documents and end the workers now, busy ones included, so an interrupted run exits at once.

    Python 3.14 has `terminate_workers`; before it an executor has no public
    way to end busy workers, hence `_processes`, read before `shutdown`
    empties it.
    """
    terminate = getattr(pool, "terminate_workers", None)
    if terminate is not None:
        terminate()
        return
    workers = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for worker in workers:
        worker.terminate()


def _outcome(source: Source, future: Future[DocResult], settings: Settings) -> DocResult | None:
    """A finished document's result, or None when its worker died before sending one."""
    try:
        return future.result()
    except BrokenProcessPool:
        return None
    except Exception as err:  # noqa: BLE001 - e.g. a result that cannot be sent back
        return DocResult(source.doc_id, problems=[_failure(source.doc_id, "extract", err, settings.debug)])


def _alone(source: Source, settings: Settings) -> DocResult:
    """Process one document in a fresh single worker, so a crash is pinned on it."""
    pool = _pool(1, settings)
    try:
        return _outcome(source, pool.submit(process, source), settings) or _worker_died(source)
    finally:
        _stop(pool)


def _submit(pool: ProcessPoolExecutor, source: Source) -> Future[DocResult]:
    """Submit a document; a pool a worker's death already broke gives a failed future,
    so the document goes through the same recovery as those the worker held."""
    try:
        return pool.submit(process, source)
    except BrokenProcessPool as err:
        failed: Future[DocResult] = Future()
        failed.set_exception(err)
        return failed


def _parallel(sources: Sequence[Source], jobs: int, settings: Settings) -> Iterator[DocResult]:
    """Results in source order from `jobs` processes.

    When a worker dies, the documents it may have been holding are run again
    one by one, each in its own process, and the rest go on in a new pool.
    """
    queue = deque(sources)
    window: deque[tuple[Source, Future[DocResult]]] = deque()
    pool = _pool(jobs, settings)
    try:
        while queue or window:
            while queue and len(window) < jobs * WINDOW_PER_JOB:
                source = queue.popleft()
                window.append((source, _submit(pool, source)))
            source, future = window.popleft()
            result = _outcome(source, future, settings)
            if result is not None:
                yield result
                continue
            _stop(pool)
            suspects = [(source, future), *window]
            window.clear()
            for suspect, done in suspects:
                finished = done.done() and not done.cancelled()
                yield (_outcome(suspect, done, settings) if finished else None) or _alone(suspect, settings)
            pool = _pool(jobs, settings)
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown()


def _results(sources: Sequence[Source], jobs: int, settings: Settings) -> Iterator[DocResult]:
    if jobs <= 1 or len(sources) <= 1:
        _init_worker(settings)
        for source in sources:
            yield process(source)
        return
    yield from _parallel(sources, min(jobs, len(sources)), settings)


@contextlib.contextmanager
def _interruptible() -> Iterator[None]:
    """Turn the first SIGINT or SIGTERM into Interrupted, so the way out removes temporary files."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    raised = False

    def handler(signum: int, frame: object) -> None:
        nonlocal raised
        if not raised:
            raised = True
            raise Interrupted(signum)

    previous = {signum: signal.signal(signum, handler) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)


def _progress(results: Iterator[DocResult], total: int, quiet: bool) -> tuple[Iterator[DocResult], Callable[[str], None]]:
    """A progress bar on a terminal, and the way to print a line without breaking it."""
    if quiet or not sys.stderr.isatty():
        return results, lambda line: print(line, file=sys.stderr)
    from tqdm import tqdm

    return tqdm(results, total=total, unit="doc", file=sys.stderr), lambda line: tqdm.write(line, file=sys.stderr)


def _unique_doc_ids(sources: list[Source]) -> tuple[list[Source], list[Problem]]:
    """Sources in doc_id order; a second file with an already used doc_id is refused."""
    kept: dict[str, Source] = {}
    problems = []
    for source in sorted(sources, key=lambda s: (s.doc_id, str(s.path))):
        if source.doc_id in kept:
            problems.append(Problem(source.doc_id, "error", "read",
                                    f"doc_id already used by {shown(kept[source.doc_id].path)}; {shown(source.path)} skipped"))
        else:
            kept[source.doc_id] = source
    return list(kept.values()), problems


def _line(problem: Problem, paths: dict[str, Path]) -> str:
    where = f" at {problem.start}-{problem.end}" if problem.start is not None else ""
    name = shown(paths[problem.doc_id]) if problem.doc_id in paths else problem.doc_id
    return f"{problem.severity}: {name}: {problem.stage}: {problem.message}{where}"


class OutputCapped(Exception):
    """A document would give more rows or bytes than its size allows."""


def _problem_line(problem: Problem, settings: Settings, limit: int | None = None) -> bytes:
    """One row of problems.csv."""
    return render(PROBLEMS_COLUMNS, [problem_row(problem)], limit, settings.formula_safe)


def _problem_key(problem: Problem) -> tuple:
    return problem.doc_id, -1 if problem.start is None else problem.start, problem.stage, problem.message


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
            rendered.problems.append(_problem_line(problem, settings, budget))
            budget -= len(rendered.problems[-1])
    except OutputTooLarge:
        raise OutputCapped(f"output capped: more than {limit:,} bytes of tables for a document of {kb} kB; "
                           "document skipped") from None
    return rendered


def _document_output(result: DocResult, ids: IdAllocator, settings: Settings) -> DocumentOutput:
    """The document's rows, ids given and turned into CSV bytes; a failure here, a cap included, costs that document only."""
    stage = "tables"
    try:
        tables = document_tables(result, ids)
        stage = "write"
        return _rendered(result, tables, settings)
    except OutputCapped as err:
        failure = Problem(result.doc_id, "error", "output", str(err))
    except Exception as err:  # noqa: BLE001 - one document's failure must not stop the batch
        failure = _failure(result.doc_id, stage, err, settings.debug)
    result.problems[:] = [failure]
    return DocumentOutput(problems=[_problem_line(failure, settings)])


def run(inputs: Sequence[str | Path], out: Path, *, jobs: int = 1, settings: Settings = Settings(),
        quiet: bool = False) -> RunSummary:
    """Extract every input document into the tables under `out`.

    Documents are processed in doc_id order and their rows streamed to
    temporary files; the tables replace the previous ones only at the end.
    Raises FileNotFoundError or UsageError before anything is written, and
    Interrupted when SIGINT or SIGTERM stops the run.
    """
    started, started_at = time.perf_counter(), utc_now()
    sources, problems = _unique_doc_ids(list(discover(inputs)))
    if not sources:
        raise UsageError(f"no {'readable ' if problems else ''}document ({', '.join('*' + s for s in RENDERERS)}) in {', '.join(map(str, inputs))}; nothing written")
    paths = {s.doc_id: s.path for s in sources}
    summary = RunSummary(documents=len(sources) + len(problems), failed=len(problems))
    problem_lines = [(_problem_key(p), _problem_line(p, settings)) for p in problems]
    ids = IdAllocator()
    with _interruptible():
        sink = TableSink(out, {**TABLES, "problems": PROBLEMS_COLUMNS})
        try:
            with sink, contextlib.closing(_results(sources, jobs, settings)) as results:
                bar, echo = _progress(results, len(sources), quiet)
                if sink.stale_removed and not quiet:
                    echo(f"note: removed {sink.stale_removed} temporary files left in {out} by an interrupted run")
                for problem in problems:
                    echo(_line(problem, paths))
                for result in bar:
                    output = _document_output(result, ids, settings)
                    for problem in result.problems:
                        if not quiet or problem.severity == "error":
                            echo(_line(problem, paths))
                    if any(p.severity == "error" for p in result.problems):
                        summary.failed += 1
                    problem_lines.extend(zip(map(_problem_key, result.problems), output.problems))
                    for name, (data, count) in output.tables.items():
                        sink.write(name, data, count)
                    if output.text is not None:
                        sink.add_text(result.doc_id, output.text)
                problem_lines.sort(key=lambda line: line[0])
                sink.write("problems", b"".join(line for _, line in problem_lines), len(problem_lines))
                summary.rows = {name: n for name, n in sink.counts.items() if name != "problems"}
        except Interrupted as err:
            err.committed = sink.committed
            raise
    summary.problems = len(problem_lines)
    summary.seconds = time.perf_counter() - started
    _describe_run(out, inputs, jobs, settings, summary, started_at)
    return summary


def _describe_run(out: Path, inputs: Sequence[str | Path], jobs: int, settings: Settings, summary: RunSummary,
                  started_at: str) -> None:
    """Beside the tables: the data package describing them, and run.json saying how they were made."""
    write_datapackage(out)
    write_run_record(out, run_record(
        started_at=started_at, inputs=[str(i) for i in inputs], out=out, options={"jobs": jobs, **asdict(settings)},
        documents=summary.documents, failed=summary.failed, rows=summary.rows, problems=summary.problems,
        seconds=summary.seconds))
