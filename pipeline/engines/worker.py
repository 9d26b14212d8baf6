"""What a worker does with a chunk: read, extract and build each document's rows, then write them as part files.

Every failure of one document (unreadable, an extractor raising, a timeout,
rows that cannot be built) becomes a problem row of that document; the chunk
goes on. The same code runs in this process (`--jobs 1`), in a local pool
worker and in a Dask worker.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from pipeline.engines.rows import document_output
from pipeline.engines.tasks import Chunk, ChunkResult, DocOutcome, Settings, failure
from pipeline.extract.checks import line_problems
from pipeline.extract.document import extract_document
from pipeline.extract.records import DocResult
from pipeline.ids import IdAllocator, RecordingAllocator
from pipeline.io.read import DECLARED_ENCODINGS, InputError, Source, read, shown
from pipeline.io.write import text_name
from pipeline.model import Problem
from pipeline.ner import PersonTagger
from pipeline.vocab import use_overlay

PART_SUFFIX = ".csv"
_LOCAL = threading.local()  # one tagger per thread: its context cache is not shared between threads


class DocumentTimeout(BaseException):
    """A document overran its time; a BaseException so no extractor's `except Exception` swallows it."""


def tagger(model: str | None) -> PersonTagger:
    """This thread's tagger for `model`; the model itself is loaded once per process, on first need."""
    taggers = getattr(_LOCAL, "taggers", None)
    if taggers is None:
        taggers = _LOCAL.taggers = {}
    if model not in taggers:
        taggers[model] = PersonTagger(model)
    return taggers[model]


def _on_alarm(signum: int, frame: object) -> None:
    raise DocumentTimeout


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """SIGALRM raises DocumentTimeout in the main thread, even inside a long loop."""
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def _thread_alarm(seconds: float) -> Iterator[None]:
    """In another thread (a Dask task), a timer raises DocumentTimeout in it, between two bytecodes, like a signal would."""
    target = threading.get_ident()
    lock = threading.Lock()
    armed = [True]

    def fire() -> None:
        with lock:
            if armed[0]:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(DocumentTimeout))

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            armed[0] = False
        timer.cancel()


def _time_limit(seconds: float) -> contextlib.AbstractContextManager[None]:
    if seconds <= 0:
        return contextlib.nullcontext()
    if hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():
        return _alarm(seconds)
    return _thread_alarm(seconds)


def _extract(source: Source, settings: Settings) -> DocResult:
    try:
        doc = read(source, settings.max_bytes)
    except InputError as err:
        return DocResult(source.doc_id, problems=[failure(source.doc_id, "read", str(err))])
    except Exception as err:  # noqa: BLE001 - one document's failure must not stop the batch
        return DocResult(source.doc_id, problems=[failure(source.doc_id, "read", err, settings.debug)])
    problems = []
    if shown(source.path) != str(source.path):
        problems.append(Problem(doc.doc_id, "warning", "read", f"file name is not UTF-8: doc_id written as '{doc.doc_id}'"))
    if doc.encoding not in DECLARED_ENCODINGS:
        problems.append(Problem(doc.doc_id, "warning", "read", f"not UTF-8: decoded as {doc.encoding}"))
    problems.extend(Problem(doc.doc_id, "warning", "read", note) for note in doc.notes)
    try:
        result = extract_document(doc, tagger(settings.model))
        result.problems.extend(line_problems(doc.text, result))
        if doc.derived:
            result.text = doc.text
    except Exception as err:  # noqa: BLE001 - one document's failure must not stop the batch
        return DocResult(doc.doc_id, problems=[*problems, failure(doc.doc_id, "extract", err, settings.debug)])
    result.problems[:0] = problems
    result.size = len(doc.text)
    return result


def process(source: Source, settings: Settings) -> DocResult:
    """Read and extract one document; every failure, a timeout included, becomes a Problem."""
    try:
        with _time_limit(settings.timeout):
            return _extract(source, settings)
    except DocumentTimeout:
        message = f"gave up after {settings.timeout:g} s (see --timeout); document skipped"
        return DocResult(source.doc_id, problems=[failure(source.doc_id, "extract", message)])


class _Parts:
    """A chunk's part files: one per table that has rows, written under a temporary name, renamed when whole."""

    def __init__(self, scratch: Path, name: str) -> None:
        self.scratch = scratch
        self.name = name
        self.counts: dict[str, int] = {}
        self.texts: dict[str, str] = {}
        self._files: dict[str, tuple[Path, BinaryIO]] = {}

    def add(self, table: str, data: bytes, count: int) -> None:
        if table not in self._files:
            temporary = self.scratch / f"{self.name}.{table}{PART_SUFFIX}.{os.getpid()}.tmp"
            self._files[table] = (temporary, open(temporary, "wb"))
            self.counts[table] = 0
        self._files[table][1].write(data)
        self.counts[table] += count

    def add_text(self, doc_id: str, text: str) -> None:
        path = self.scratch / f"{self.name}.texts" / text_name(doc_id)
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        self.texts[doc_id] = str(path)

    def finish(self) -> dict[str, str]:
        """Close and rename every part (a retried task rewrites the same names, whole)."""
        parts = {}
        for table, (temporary, handle) in self._files.items():
            handle.close()
            final = self.scratch / f"{self.name}.{table}{PART_SUFFIX}"
            os.replace(temporary, final)
            parts[table] = str(final)
        self._files.clear()
        return parts

    def discard(self) -> None:
        for temporary, handle in self._files.values():
            handle.close()
            temporary.unlink(missing_ok=True)
        self._files.clear()


def set_up(settings: Settings) -> None:
    """What a worker process needs before its first chunk: the vocabulary overlay, chosen once."""
    use_overlay(Path(settings.vocab) if settings.vocab else None)


def run_chunk(chunk: Chunk, settings: Settings, scratch: str, ids: IdAllocator | None = None) -> ChunkResult:
    """Process a chunk's documents in order and write their rows under `scratch`.

    Ids are given by a fresh allocator, as if the chunk were the whole run,
    and recorded so the parent can settle them; a caller in the parent's own
    process passes the run's allocator (`ids`) and the ids are final at once.
    """
    set_up(settings)
    recorder = RecordingAllocator(ids)
    parts = _Parts(Path(scratch), chunk.name)
    outcomes = []
    try:
        for source in chunk.sources:
            result = process(source, settings)
            output = document_output(result, recorder, settings)
            for table, (data, count) in output.tables.items():
                if count:
                    parts.add(table, data, count)
            if output.text is not None:
                parts.add_text(result.doc_id, output.text)
            outcomes.append(DocOutcome(result.doc_id, result.problems, output.problems))
        files = parts.finish()
    except BaseException:
        parts.discard()
        raise
    return ChunkResult(chunk.key, outcomes, files, parts.counts, recorder.given, parts.texts, settled=ids is not None)
