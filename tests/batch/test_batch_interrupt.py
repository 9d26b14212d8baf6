"""Nothing lost: a run stopped part-way (SIGTERM, SIGINT, SIGKILL) leaves the previous tables byte for byte."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest

from .cases import ARTICLE, bytes_of, cli, extract, start_cli, write

DOCUMENTS = 1000  # a run of several seconds, so a signal sent after a loaded machine's delays still finds it busy


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough documents that a run takes a few seconds."""
    folder = tmp_path_factory.mktemp("many")
    for n in range(DOCUMENTS):
        write(folder, f"doc{n:03}.txt", ARTICLE * 3)
    return folder


@pytest.fixture
def previous(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    """An output folder holding an earlier run's tables, and their bytes."""
    write(tmp_path / "earlier", "article.txt", ARTICLE)
    out = tmp_path / "out"
    extract([tmp_path / "earlier"], out)
    return out, bytes_of(out)


def _temp_files(out: Path) -> list[Path]:
    return sorted(out.glob(".*.tmp"))


def _stop_part_way(many: Path, out: Path, signum: int, jobs: str) -> tuple[int, str]:
    """Start a run, wait until it is writing, then send `signum`."""
    run = start_cli(str(many), "--out", str(out), "--no-ner", "--quiet", "--jobs", jobs)
    deadline = time.monotonic() + 30
    while not _temp_files(out) and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.3)
    assert run.poll() is None, "the run ended before it could be interrupted"
    run.send_signal(signum)
    _, err = run.communicate(timeout=30)
    return run.returncode, err


@pytest.mark.parametrize(("signum", "jobs", "code"), [
    (signal.SIGTERM, "1", 143),
    (signal.SIGTERM, "2", 143),
    (signal.SIGINT, "2", 130),
])
def test_interrupted_run_leaves_previous_tables(many: Path, previous, signum: int, jobs: str, code: int) -> None:
    out, before = previous
    returncode, err = _stop_part_way(many, out, signum, jobs)
    assert returncode == code
    assert f"interrupted ({signal.Signals(signum).name}): tables not written; previous output unchanged" in err
    assert "Traceback" not in err
    assert bytes_of(out) == before


def test_killed_run_leaves_only_hidden_temp_files_that_the_next_run_removes(many: Path, previous, tmp_path: Path) -> None:
    out, before = previous
    returncode, _ = _stop_part_way(many, out, signal.SIGKILL, "2")
    assert returncode == -signal.SIGKILL
    left = _temp_files(out)
    assert left and all(p.name.startswith(".") and not p.name.endswith(".csv") for p in left)
    assert {name: data for name, data in bytes_of(out).items() if not name.split("/")[0].endswith(".tmp")} == before
    assert sorted(p.name for p in out.glob("*.csv")) == sorted(name for name in before if name.endswith(".csv"))
    again = cli(str(tmp_path / "earlier"), "--out", str(out), "--no-ner", "--jobs", "1")
    assert again.returncode == 0
    assert f"note: removed {len(left)} temporary files left in {out} by an interrupted run" in again.stderr
    assert bytes_of(out) == before


def test_second_run_on_the_same_output_is_refused(many: Path, previous, tmp_path: Path) -> None:
    out, before = previous
    first = start_cli(str(many), "--out", str(out), "--no-ner", "--quiet", "--jobs", "1")
    try:
        deadline = time.monotonic() + 30
        while not _temp_files(out) and time.monotonic() < deadline:
            time.sleep(0.02)
        second = cli(str(tmp_path / "earlier"), "--out", str(out), "--no-ner", "--jobs", "1")
        assert second.returncode == 2
        assert f"error: another run is writing to {out}" in second.stderr
    finally:
        first.send_signal(signal.SIGTERM)
        first.communicate(timeout=30)
    assert bytes_of(out) == before


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_signal_whose_exception_a_finaliser_swallowed_still_stops_the_run() -> None:
    """Python drops an exception raised inside `__del__`; the run's check between chunks raises it again."""
    import gc
    import os

    from pipeline.run import Interrupted, _interruptible

    class SignalsWhileFinalised:
        def __del__(self) -> None:
            os.kill(os.getpid(), signal.SIGTERM)
            for _ in range(1000):  # the handler runs here, inside the finaliser
                pass

    with _interruptible() as signals:
        obj = SignalsWhileFinalised()
        del obj
        gc.collect()
        assert signals.signum == signal.SIGTERM  # the handler ran, and its exception went nowhere
        with pytest.raises(Interrupted) as stopped:
            signals.check()
    assert stopped.value.signum == signal.SIGTERM
