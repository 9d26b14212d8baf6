"""--jobs N gives --jobs 1's bytes, and a worker that dies costs at most its own document."""

from __future__ import annotations

import os
import signal
import time
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

import pipeline.engines.local
from pipeline.engines.local import _parallel
from pipeline.engines.tasks import Chunk, Settings
from pipeline.engines.worker import process
from pipeline.ids import IdAllocator
from pipeline.io.read import Source, discover
from pipeline.io.write import render
from pipeline.schema import TABLES
from pipeline.tables import document_tables

from .cases import ARTICLE, MALFORMED, NO_TITLE, PNG, PROSE_ONLY, bytes_of, cli, extract, spawned_children, start_cli, write


def _mixed(folder: Path, copies: int) -> Path:
    for n in range(copies):
        write(folder, f"set{n % 3}/article{n:02}.txt", ARTICLE if n % 2 else ARTICLE.replace("\n", "\r\n").encode("cp1252"))
    for name, content in {"prose": PROSE_ONLY, "untitled": NO_TITLE, "malformed": MALFORMED, "empty": b"", "image": PNG}.items():
        write(folder, f"{name}.txt", content)
    return folder


def test_jobs_2_rewrites_jobs_1_tables_byte_for_byte(tmp_path: Path) -> None:
    folder, out = _mixed(tmp_path / "in", 24), tmp_path / "out"
    one = cli(str(folder), "--out", str(out), "--no-ner", "--jobs", "1")
    first = bytes_of(out)
    two = cli(str(folder), "--out", str(out), "--no-ner", "--jobs", "2")
    assert one.returncode == two.returncode == 1
    assert bytes_of(out) == first
    assert one.stderr.splitlines()[:-1] == two.stderr.splitlines()[:-1]
    assert "Traceback" not in one.stderr + two.stderr


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find the workers")
def test_a_killed_worker_loses_nothing(tmp_path: Path) -> None:
    for n in range(200):
        write(tmp_path / "in", f"doc{n:03}.txt", ARTICLE * 3)
    extract([tmp_path / "in"], tmp_path / "expected")
    run = start_cli(str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--no-ner", "--quiet", "--jobs", "2")
    deadline = time.monotonic() + 30
    while not (workers := spawned_children(run.pid)) and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.5)
    assert run.poll() is None, "the run ended before a worker could be killed"
    os.kill(workers[0], signal.SIGKILL)
    _, err = run.communicate(timeout=60)
    assert run.returncode == 0, err
    assert bytes_of(tmp_path / "out") == bytes_of(tmp_path / "expected")


class _CrashingPool:
    """Stands in for a process pool whose worker dies on any chunk holding the document `crash`, as a real pool breaks."""

    def __init__(self, jobs: int) -> None:
        self.broken = False

    def submit(self, fn, chunk: Chunk, settings: Settings, scratch: str) -> Future:
        future: Future = Future()
        self.broken = self.broken or any(s.doc_id == "crash" for s in chunk.sources)
        if self.broken:
            future.set_exception(BrokenProcessPool("a worker died"))
        else:
            future.set_result(fn(chunk, settings, scratch))
        return future

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


def test_document_that_kills_its_worker_is_an_error_row_and_the_rest_go_on(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(pipeline.engines.local, "_pool", _CrashingPool)
    names = ["a", "b", "c", "crash", "e", "f", "g", "h", "i"]
    sources = [Source(write(tmp_path / "in", f"{n}.txt", ARTICLE), n) for n in names]
    chunks = [Chunk((0,), tuple(sources[:5])), Chunk((1,), tuple(sources[5:]))]
    results = list(_parallel(chunks, 2, Settings(model=None), tmp_path))
    outcomes = [d for r in results for d in r.documents]
    assert [d.doc_id for d in outcomes] == names
    crashed = outcomes.pop(3)
    assert [(p.severity, p.stage, p.message) for p in crashed.problems] == [
        ("error", "extract", "the worker process died on this document (out of memory or a crash); document skipped")]
    assert not any(d.problems for d in outcomes)
    assert sum(r.counts.get("films", 0) for r in results) == len(names) - 1


def _one_by_one(folder: Path) -> dict[str, bytes]:
    """The tables a single process gives building each document's rows in doc_id order, ids from one allocator."""
    settings, ids = Settings(model=None), IdAllocator()
    tables = {name: render(columns, [dict(zip(columns, columns))]) for name, columns in TABLES.items()}
    for source in sorted(discover([folder]), key=lambda s: s.doc_id):
        for name, rows in document_tables(process(source, settings), ids).items():
            tables[name] += render(TABLES[name], rows)
    return {f"{name}.csv": data for name, data in tables.items()}


def test_chunked_runs_give_the_tables_of_one_document_at_a_time_whatever_jobs(tmp_path: Path) -> None:
    """Chunks whose ids were given apart are merged into the ids one allocator gives (24 films share a title)."""
    folder = _mixed(tmp_path / "in", 24)
    expected = _one_by_one(folder)
    for jobs in ("1", "3"):
        done = cli(str(folder), "--out", str(tmp_path / jobs), "--no-ner", "--jobs", jobs)
        assert done.returncode == 1, done.stderr
        assert {name: data for name, data in bytes_of(tmp_path / jobs).items() if name in expected} == expected
