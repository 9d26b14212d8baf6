"""The local engine: chunks in this process (`--jobs 1`) or in a pool of spawned worker processes.

A worker that dies (killed for memory, a crash in a C extension) costs only
the document it was on: the chunks it may have held are run again, each
alone in a fresh process; a chunk that kills its process again is split in
two, down to the single document that gets an error row. The rest go on in a
new pool.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from pipeline.engines.tasks import Chunk, ChunkResult, Settings, failed, split_down
from pipeline.engines.worker import run_chunk
from pipeline.ids import IdAllocator

WINDOW_PER_JOB = 2  # chunks queued per worker: enough to keep it busy, few results waiting
PARENT_POLL_SECONDS = 1.0
EXIT_ORPHANED = 1


def _exit_with(parent: int) -> None:
    """A worker's queue never closes when its run is killed; it ends itself once its parent is gone."""
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(EXIT_ORPHANED)


def _init_worker(parent: int) -> None:
    """A pool worker leaves Ctrl-C and SIGTERM to its `parent` and ends with it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    threading.Thread(target=_exit_with, args=(parent,), name="parent-watch", daemon=True).start()


def _pool(jobs: int) -> ProcessPoolExecutor:
    """Workers are spawned, not forked: they inherit no output lock, pipe or signal handler, and exit when the run is killed."""
    return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_init_worker, initargs=(os.getpid(),))


def _stop(pool: ProcessPoolExecutor) -> None:
    """Drop queued chunks and end the workers now, busy ones included, so an interrupted run exits at once.

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


def _outcome(chunk: Chunk, future: Future[ChunkResult], settings: Settings) -> ChunkResult | None:
    """A finished chunk's result, or None when its worker died before sending one."""
    try:
        return future.result()
    except BrokenProcessPool:
        return None
    except Exception as err:  # noqa: BLE001 - e.g. the scratch folder cannot be written
        return failed(chunk, err, settings)


def _submit(pool: ProcessPoolExecutor, chunk: Chunk, settings: Settings, scratch: Path) -> Future[ChunkResult]:
    """Submit a chunk; a pool a worker's death already broke gives a failed future,
    so the chunk goes through the same recovery as those the worker held."""
    try:
        return pool.submit(run_chunk, chunk, settings, str(scratch))
    except BrokenProcessPool as err:
        broken: Future[ChunkResult] = Future()
        broken.set_exception(err)
        return broken


def _alone(chunk: Chunk, settings: Settings, scratch: Path) -> ChunkResult | None:
    """Run a chunk in a fresh single worker, so a death is its own; None when that worker dies."""
    pool = _pool(1)
    try:
        return _outcome(chunk, _submit(pool, chunk, settings, scratch), settings)
    finally:
        _stop(pool)


def _parallel(chunks: Sequence[Chunk], jobs: int, settings: Settings, scratch: Path) -> Iterator[ChunkResult]:
    """Results in chunk order from `jobs` processes, surviving the death of any of them."""
    queue = deque(chunks)
    window: deque[tuple[Chunk, Future[ChunkResult]]] = deque()
    pool = _pool(jobs)
    try:
        while queue or window:
            while queue and len(window) < jobs * WINDOW_PER_JOB:
                chunk = queue.popleft()
                window.append((chunk, _submit(pool, chunk, settings, scratch)))
            chunk, future = window.popleft()
            result = _outcome(chunk, future, settings)
            if result is not None:
                yield result
                continue
            _stop(pool)
            suspects = [(chunk, future), *window]
            window.clear()
            for suspect, done in suspects:
                finished = done.done() and not done.cancelled()
                result = _outcome(suspect, done, settings) if finished else None
                if result is None:
                    result = _alone(suspect, settings, scratch)
                yield from split_down(suspect, result, lambda half: _alone(half, settings, scratch), settings)
            pool = _pool(jobs)
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown()


def run_local(chunks: Sequence[Chunk], jobs: int, settings: Settings, scratch: Path, ids: IdAllocator) -> Iterator[ChunkResult]:
    """Chunk results in chunk order; with one job (or one chunk) in this process, giving final ids from `ids` at once."""
    if jobs <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            yield run_chunk(chunk, settings, str(scratch), ids)
        return
    yield from _parallel(chunks, min(jobs, len(chunks)), settings, scratch)
