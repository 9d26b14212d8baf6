"""--engine dask on a real LocalCluster: the local engine's bytes, a killed worker included, and a clean Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from .cases import ARTICLE, MALFORMED, NO_TITLE, PNG, PROSE_ONLY, REPO, bytes_of, extract, spawned_children, start_cli, write

pytest.importorskip("distributed", reason="make test installs the dask extra")


def _mixed(folder: Path) -> Path:
    for n in range(12):
        write(folder, f"set{n % 3}/article{n:02}.txt", ARTICLE)
    for name, content in {"prose": PROSE_ONLY, "untitled": NO_TITLE, "malformed": MALFORMED, "image": PNG}.items():
        write(folder, f"{name}.txt", content)
    return folder


def test_a_dask_run_writes_the_local_runs_bytes(tmp_path: Path) -> None:
    """Films sharing a title in different chunks get the ids of a local run; scratch in a folder of its own."""
    folder = _mixed(tmp_path / "in")
    local = extract([folder], tmp_path / "local", jobs=2)
    scratch = tmp_path / "scratch"
    dask = extract([folder], tmp_path / "dask", jobs=2, engine="dask", scratch=scratch)
    assert bytes_of(tmp_path / "dask") == bytes_of(tmp_path / "local")
    assert (dask.failed, dask.rows) == (local.failed, local.rows)
    assert list(scratch.iterdir()) == []


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find the workers")
def test_a_killed_dask_worker_costs_nothing(tmp_path: Path) -> None:
    for n in range(200):
        write(tmp_path / "in", f"doc{n:03}.txt", ARTICLE * 3)
    extract([tmp_path / "in"], tmp_path / "expected")
    run = start_cli(str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--no-ner", "--quiet", "--jobs", "2",
                    "--engine", "dask")
    deadline = time.monotonic() + 60
    while len(workers := spawned_children(run.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    while not list((tmp_path / "out").glob(".parts.*.tmp/*.csv")) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert run.poll() is None, "the run ended before a worker could be killed"
    os.kill(workers[0], signal.SIGKILL)
    _, err = run.communicate(timeout=120)
    assert run.returncode == 0, err
    assert bytes_of(tmp_path / "out") == bytes_of(tmp_path / "expected")


def test_ctrl_c_cancels_the_dask_run_and_keeps_the_previous_tables(tmp_path: Path) -> None:
    write(tmp_path / "earlier", "article.txt", ARTICLE)
    out = tmp_path / "out"
    extract([tmp_path / "earlier"], out)
    before = bytes_of(out)
    for n in range(1000):
        write(tmp_path / "in", f"doc{n:04}.txt", ARTICLE * 3)
    run = start_cli(str(tmp_path / "in"), "--out", str(out), "--no-ner", "--quiet", "--jobs", "2", "--engine", "dask")
    deadline = time.monotonic() + 60
    while not list(out.glob(".parts.*.tmp/*.csv")) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert run.poll() is None, "the run ended before it could be interrupted"
    run.send_signal(signal.SIGINT)
    _, err = run.communicate(timeout=60)
    assert run.returncode == 130, err
    assert "interrupted (SIGINT): tables not written; previous output unchanged" in err
    assert bytes_of(out) == before
    assert spawned_children(run.pid) == []


def test_without_dask_the_engine_says_how_to_install_it(tmp_path: Path) -> None:
    write(tmp_path / "in", "article.txt", ARTICLE)
    script = textwrap.dedent(f"""
        import sys
        sys.modules["distributed"] = None  # as if the extra were not installed
        from pipeline.cli import main
        sys.exit(main(["extract", {str(tmp_path / "in")!r}, "--out", {str(tmp_path / "out")!r}, "--engine", "dask"]))
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 2
    assert "--engine dask needs Dask" in done.stderr and "pip install 'filmfiche[dask]'" in done.stderr
    assert not (tmp_path / "out").exists()
