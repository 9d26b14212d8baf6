"""A batch run: find the inputs, have an engine process them in chunks, merge the part files into the tables.

One bad document never stops the batch: it becomes a row of problems.csv and
a one-line message, and the others go on. That holds for unreadable input,
for an extractor that raises, for a document that takes too long and for a
worker process that dies. Tables replace the previous ones only once every
document has been processed; an interrupted run leaves them as they were.
Workers build and write the rows (pipeline.engines); this process only
merges their part files, in doc_id order.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pipeline.datapackage import write_datapackage
from pipeline.engines.local import run_local
from pipeline.engines.merge import Merger
from pipeline.engines.tasks import Chunk, ChunkResult, Settings, plan, problem_key, problem_line
from pipeline.ids import IdAllocator
from pipeline.io.read import RENDERERS, Source, discover, shown
from pipeline.io.write import TableSink, scratch_folder
from pipeline.model import Problem
from pipeline.runinfo import run_record, utc_now, write_run_record
from pipeline.schema import OUTPUT_TABLES

__all__ = ["Interrupted", "RunSummary", "Settings", "UsageError", "run"]


class UsageError(Exception):
    """The command cannot run as given (nothing to read, output folder busy...)."""


class Interrupted(BaseException):
    """SIGINT or SIGTERM reached the run; `committed` says whether the new tables were already in place."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum
        self.committed = False


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


class _Signals:
    """The first SIGINT or SIGTERM of a run, turned into Interrupted.

    The handler raises at once, wherever the main thread is. Python drops an
    exception raised while a finaliser (`__del__`) runs, so a signal could be
    lost that way: the run also calls `check` between chunks and before its
    tables replace the old ones.
    """

    def __init__(self) -> None:
        self.signum: int | None = None

    def handler(self, signum: int, frame: object) -> None:
        if self.signum is None:
            self.signum = signum
            raise Interrupted(signum)

    def check(self) -> None:
        if self.signum is not None:
            raise Interrupted(self.signum)


@contextlib.contextmanager
def _interruptible() -> Iterator[_Signals]:
    """Turn the first SIGINT or SIGTERM into Interrupted, so the way out removes temporary files."""
    signals = _Signals()
    if threading.current_thread() is not threading.main_thread():
        yield signals
        return
    def unraisable(report: sys.UnraisableHookArgs) -> None:
        if not isinstance(report.exc_value, Interrupted):  # raised again by `check`: no traceback for it
            previous_hook(report)

    previous = {signum: signal.signal(signum, signals.handler) for signum in (signal.SIGINT, signal.SIGTERM)}
    previous_hook, sys.unraisablehook = sys.unraisablehook, unraisable
    try:
        yield signals
    finally:
        sys.unraisablehook = previous_hook
        for signum, old in previous.items():
            signal.signal(signum, old)


class _Progress:
    """A progress bar in documents on a terminal (none with --quiet or when stderr is redirected),
    and the way to print a line without breaking it."""

    def __init__(self, total: int, quiet: bool) -> None:
        self._bar = None
        if not quiet and sys.stderr.isatty():
            from tqdm import tqdm

            self._bar = tqdm(total=total, unit="doc", file=sys.stderr)

    def echo(self, line: str) -> None:
        if self._bar is None:
            print(line, file=sys.stderr)
        else:
            self._bar.write(line, file=sys.stderr)

    def advance(self, documents: int) -> None:
        if self._bar is not None:
            self._bar.update(documents)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


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


ENGINES = ("local", "dask")


def _results(engine: str, chunks: list[Chunk], jobs: int, settings: Settings, scratch: Path, ids: IdAllocator,
             scheduler: str | None, echo: Callable[[str], None]) -> Iterator[ChunkResult]:
    if engine == "dask":
        from pipeline.engines.dask import run_dask

        return run_dask(chunks, min(jobs, len(chunks)), settings, scratch, scheduler, echo)
    return run_local(chunks, jobs, settings, scratch, ids)


def _check_engine(engine: str) -> None:
    """An engine that cannot run here is a usage error, before anything is written."""
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    if engine == "dask":
        from pipeline.engines.dask import DaskMissing, require

        try:
            require()
        except DaskMissing as err:
            raise UsageError(str(err)) from None


def run(inputs: Sequence[str | Path], out: Path, *, jobs: int = 1, settings: Settings = Settings(),
        quiet: bool = False, engine: str = "local", scheduler: str | None = None, scratch: Path | None = None) -> RunSummary:
    """Extract every input document into the tables under `out`.

    Documents are processed in chunks of consecutive doc_ids; workers write
    each chunk's rows as part files in a hidden scratch folder and this
    process appends them, in order, to temporary tables that replace the
    previous ones only at the end. `engine` is "local" (this machine's
    processes) or "dask" (a Dask cluster at `scheduler`, else a LocalCluster
    of `jobs` workers); part files go under `scratch` (default: the output
    folder), which every worker must reach. Raises FileNotFoundError or
    UsageError before anything is written, and Interrupted when SIGINT or
    SIGTERM stops the run.
    """
    started, started_at = time.perf_counter(), utc_now()
    _check_engine(engine)
    sources, problems = _unique_doc_ids(list(discover(inputs, jobs)))
    if not sources:
        raise UsageError(f"no {'readable ' if problems else ''}document ({', '.join('*' + s for s in RENDERERS)}) in {', '.join(map(str, inputs))}; nothing written")
    paths = {s.doc_id: s.path for s in sources}
    summary = RunSummary(documents=len(sources) + len(problems), failed=len(problems))
    problem_lines = [(problem_key(p), problem_line(p, settings)) for p in problems]
    chunks = plan(sources, jobs)
    with _interruptible() as signals:
        sink = TableSink(out, OUTPUT_TABLES)
        progress = _Progress(len(sources), quiet)
        try:
            with sink, scratch_folder(scratch or out) as parts:
                merger = Merger(sink)
                if sink.stale_removed and not quiet:
                    progress.echo(f"note: removed {sink.stale_removed} temporary files left in {out} by an interrupted run")
                for problem in problems:
                    progress.echo(_line(problem, paths))
                results = _results(engine, chunks, jobs, settings, parts, merger.ids, scheduler, progress.echo)
                with contextlib.closing(results):
                    for result in results:
                        signals.check()
                        merger.add(result)
                        for document in result.documents:
                            for problem in document.problems:
                                if not quiet or problem.severity == "error":
                                    progress.echo(_line(problem, paths))
                            summary.failed += document.failed
                            problem_lines.extend(zip(map(problem_key, document.problems), document.lines))
                        progress.advance(len(result.documents))
                signals.check()
                problem_lines.sort(key=lambda line: line[0])
                sink.write("problems", b"".join(line for _, line in problem_lines), len(problem_lines))
                summary.rows = {name: n for name, n in sink.counts.items() if name != "problems"}
        except Interrupted as err:
            err.committed = sink.committed
            raise
        finally:
            progress.close()
    summary.problems = len(problem_lines)
    summary.seconds = time.perf_counter() - started
    _describe_run(out, inputs, jobs, engine, settings, summary, started_at)
    return summary


def _describe_run(out: Path, inputs: Sequence[str | Path], jobs: int, engine: str, settings: Settings,
                  summary: RunSummary, started_at: str) -> None:
    """Beside the tables: the data package describing them, and run.json saying how they were made."""
    write_datapackage(out)
    write_run_record(out, run_record(
        started_at=started_at, inputs=[str(i) for i in inputs], out=out, options={"jobs": jobs, "engine": engine, **asdict(settings)},
        documents=summary.documents, failed=summary.failed, rows=summary.rows, problems=summary.problems,
        seconds=summary.seconds))
