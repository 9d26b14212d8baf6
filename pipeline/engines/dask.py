"""The Dask engine: the same chunks and worker code on a Dask cluster (`--engine dask`).

Without `--scheduler`, a LocalCluster of `--jobs` worker processes (one
thread each) is started and closed with the run; with it, the run joins a
cluster the user operates. Each chunk is one task; its worker writes the part
files under the scratch folder, which every worker and this process must
reach, and sends back only the small ChunkResult. A worker lost in the middle
costs only its tasks: Dask runs them again elsewhere, and a chunk that keeps
killing its workers (KilledWorker) is split in two, down to the document that
gets an error row, as with the local engine. Dask is imported only here.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from uuid import uuid4

from pipeline.engines.tasks import Chunk, ChunkResult, Settings, failed, split_down
from pipeline.engines.worker import run_chunk, set_up

INSTALL_HINT = "pip install 'filmfiche[dask]'"
MISSING = f"--engine dask needs Dask and its distributed scheduler, which are not installed: {INSTALL_HINT}"


class DaskMissing(Exception):
    """`--engine dask` was asked for but Dask is not installed."""


def _distributed():
    try:
        import distributed
    except ImportError:
        raise DaskMissing(MISSING) from None
    return distributed


def require() -> None:
    """Raise DaskMissing, saying how to install it, when Dask cannot be imported."""
    _distributed()


def _worker_plugin(distributed, settings: Settings):
    """Sets each worker up once as it joins: vocabulary overlay and a tagger that loads the model
    once per worker, on the first document that needs it."""

    class FilmficheSetup(distributed.WorkerPlugin):
        def __init__(self, settings: Settings) -> None:
            self.settings = settings

        def setup(self, worker) -> None:
            set_up(self.settings)

    return FilmficheSetup(settings)


def _absolute(chunk: Chunk) -> Chunk:
    """The chunk with absolute paths: a worker runs in its own folder, maybe on another machine."""
    return replace(chunk, sources=tuple(replace(s, path=s.path.absolute()) for s in chunk.sources))


class DaskRun:
    """A client on a cluster (started here unless `scheduler` is given), closed with the run."""

    def __init__(self, jobs: int, settings: Settings, scheduler: str | None, echo: Callable[[str], None]) -> None:
        distributed = _distributed()
        self.settings = replace(settings, vocab=str(Path(settings.vocab).absolute())) if settings.vocab else settings
        self._killed = distributed.KilledWorker
        self._cluster = None
        if scheduler is None:
            self._cluster = distributed.LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                                     dashboard_address=":0", silence_logs=logging.ERROR)
            self.client = distributed.Client(self._cluster)
        else:
            self.client = distributed.Client(scheduler)
        try:
            if "dashboard" in self.client.scheduler_info().get("services", {}):
                echo(f"Dask dashboard: {self.client.dashboard_link}")
            self.client.register_plugin(_worker_plugin(distributed, self.settings), name="filmfiche-setup")
        except BaseException:
            self.close()
            raise
        self._run = uuid4().hex[:8]
        self._futures: list = []

    def _submit(self, chunk: Chunk, scratch: Path):
        future = self.client.submit(run_chunk, chunk, self.settings, str(scratch), key=f"filmfiche-{self._run}-{chunk.name}",
                                    pure=False)
        self._futures.append(future)
        return future

    def _outcome(self, chunk: Chunk, future) -> ChunkResult | None:
        """A finished chunk's result, or None when it kept killing its workers."""
        try:
            return future.result()
        except self._killed:
            return None
        except Exception as err:  # noqa: BLE001 - e.g. the scratch folder cannot be written
            return failed(chunk, err, self.settings)

    def _result(self, chunk: Chunk, future, scratch: Path) -> Iterator[ChunkResult]:
        def rerun(half: Chunk) -> ChunkResult | None:
            return self._outcome(half, self._submit(half, scratch))

        yield from split_down(chunk, self._outcome(chunk, future), rerun, self.settings)

    def results(self, chunks: Sequence[Chunk], scratch: Path) -> Iterator[ChunkResult]:
        """Every chunk submitted at once, its paths made absolute for workers elsewhere; results in chunk order."""
        chunks = [_absolute(chunk) for chunk in chunks]
        scratch = scratch.absolute()
        futures = [self._submit(chunk, scratch) for chunk in chunks]
        for chunk, future in zip(chunks, futures):
            yield from self._result(chunk, future, scratch)
            future.release()

    def close(self) -> None:
        """Cancel what is still running (an interrupted run) and let go of the cluster."""
        try:
            if self._futures:
                self.client.cancel([f for f in self._futures if not f.done()], force=True)
            self.client.close()
        finally:
            if self._cluster is not None:
                self._cluster.close()


def run_dask(chunks: Sequence[Chunk], jobs: int, settings: Settings, scratch: Path, scheduler: str | None,
             echo: Callable[[str], None] = lambda line: print(line, file=sys.stderr)) -> Iterator[ChunkResult]:
    """Chunk results in chunk order from a Dask cluster; the cluster is let go when the iterator is closed."""
    engine = DaskRun(jobs, settings, scheduler, echo)
    try:
        yield from engine.results(chunks, scratch)
    finally:
        engine.close()
