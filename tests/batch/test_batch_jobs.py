"""--jobs N gives --jobs 1's bytes, and a worker that dies costs at most its own document."""

from __future__ import annotations

import os
import signal
import time
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

import pipeline.run
from pipeline.io.read import Source
from pipeline.run import Settings, _parallel

from .cases import ARTICLE, MALFORMED, NO_TITLE, PNG, PROSE_ONLY, bytes_of, cli, extract, start_cli, write


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


def _workers(parent: int) -> list[int]:
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            cmdline = (stat.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if int(fields[1]) == parent and b"spawn_main" in cmdline:
            pids.append(int(stat.parent.name))
    return pids


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find the workers")
def test_a_killed_worker_loses_nothing(tmp_path: Path) -> None:
    for n in range(200):
        write(tmp_path / "in", f"doc{n:03}.txt", ARTICLE * 3)
    extract([tmp_path / "in"], tmp_path / "expected")
    run = start_cli(str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--no-ner", "--quiet", "--jobs", "2")
    deadline = time.monotonic() + 30
    while not (workers := _workers(run.pid)) and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.5)
    assert run.poll() is None, "the run ended before a worker could be killed"
    os.kill(workers[0], signal.SIGKILL)
    _, err = run.communicate(timeout=60)
    assert run.returncode == 0, err
    assert bytes_of(tmp_path / "out") == bytes_of(tmp_path / "expected")


class _CrashingPool:
    """Stands in for a process pool whose worker dies on the document `crash`, as a real pool breaks."""

    def __init__(self, jobs: int, settings: Settings) -> None:
        pipeline.run._init_worker(settings)
        self.broken = False

    def submit(self, fn, source: Source) -> Future:
        future: Future = Future()
        self.broken = self.broken or source.doc_id == "crash"
        if self.broken:
            future.set_exception(BrokenProcessPool("a worker died"))
        else:
            future.set_result(fn(source))
        return future

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


def test_document_that_kills_its_worker_is_an_error_row_and_the_rest_go_on(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(pipeline.run, "_pool", _CrashingPool)
    names = ["a", "b", "crash", "d", "e", "f", "g"]
    sources = [Source(write(tmp_path, f"{n}.txt", ARTICLE), n) for n in names]
    results = list(_parallel(sources, 2, Settings(model=None)))
    assert [r.doc_id for r in results] == names
    crashed = results.pop(2)
    assert [(p.severity, p.stage, p.message) for p in crashed.problems] == [
        ("error", "extract", "the worker process died on this document (out of memory or a crash); document skipped")]
    assert all(not r.problems and [f.title for f in r.films] == ["Le Vent du Sud"] for r in results)
