"""Command-line behaviour a new user meets: --version, globs, file modes, broken pipes."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import __version__
from pipeline.cli import main

REPO = Path(__file__).resolve().parents[1]
ARTICLE = """\
Le Puits est un film malien réalisé par Awa Traoré et sorti en 1990.

Fiche technique
- Réalisation : Awa Traoré
- Montage : Claire Dubois
- Durée : 90 minutes
"""
GOLD = """\
doc_id: puits
sections:
  - {kind: film, title: Le Puits}
films:
  - title: Le Puits
    year: 1990
    countries: [ML]
    duration_min: 90
    credits:
      director: [Awa Traoré]
      editor: [Claire Dubois, Paul Dufour]
"""


def cli(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=120)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "puits.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "docs" / "lac.txt").write_text(ARTICLE.replace("Le Puits", "Le Lac"), encoding="utf-8")
    return tmp_path / "docs"


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out == f"filmfiche {__version__}\n"


def test_quoted_glob_run_inside_the_output_parent_folder(folder: Path) -> None:
    done = cli("extract", "*.txt", "--no-ner", "--quiet", cwd=folder)
    assert done.returncode == 0, done.stderr
    films = (folder / "extracted" / "films.csv").read_text(encoding="utf-8")
    assert "le-puits-1990,puits," in films and "le-lac-1990,lac," in films


def test_a_glob_that_matches_nothing_says_so(folder: Path) -> None:
    done = cli("extract", "*.text", "--no-ner", cwd=folder)
    assert done.returncode == 2
    assert done.stderr == "error: nothing matches *.text\n"
    assert not (folder / "extracted").exists()


@pytest.mark.parametrize("pattern", ["**/*.txt", "extracted/*.txt"])
def test_a_glob_that_would_read_the_output_is_refused(folder: Path, pattern: str) -> None:
    (folder / "extracted").mkdir()
    (folder / "extracted" / "old.txt").write_text(ARTICLE, encoding="utf-8")
    done = cli("extract", pattern, "--no-ner", cwd=folder)
    assert done.returncode == 2
    assert "--out extracted" in done.stderr and "choose another folder" in done.stderr
    assert not (folder / "extracted" / "films.csv").exists()


@pytest.mark.parametrize("umask, mode, folder_mode", [(0o022, 0o644, 0o755), (0o027, 0o640, 0o750), (0o002, 0o664, 0o775)])
def test_every_file_written_has_the_same_mode(folder: Path, tmp_path: Path, umask: int, mode: int,
                                              folder_mode: int) -> None:
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "puits.yaml").write_text(GOLD, encoding="utf-8")
    out = tmp_path / "out"
    previous = os.umask(umask)
    try:
        assert main(["extract", str(folder), "--out", str(out), "--no-ner", "--quiet", "--jobs", "1"]) == 0
        assert main(["evaluate", "--gold", str(tmp_path / "gold"), "--pred", str(out), "--raw", str(folder)]) == 0
    finally:
        os.umask(previous)
    written = sorted(out.rglob("*"))
    names = {p.relative_to(out).as_posix() for p in written}
    assert {"films.csv", "datapackage.json", "run.json", "scores.csv", "errors.csv", "report.html",
            "explain", "explain/puits.html"} <= names
    assert {p.name: stat.S_IMODE(p.stat().st_mode) for p in written} == {
        p.name: folder_mode if p.is_dir() else mode for p in written}


def test_evaluate_piped_into_head_ends_quietly(tmp_path: Path) -> None:
    """Enough error lines to overflow the pipe, so the write after `head` has gone fails for sure."""
    names = [f"Nom{n} Prénom{n}" for n in range(3000)]
    docs, gold = tmp_path / "docs", tmp_path / "gold"
    docs.mkdir()
    gold.mkdir()
    (docs / "puits.txt").write_text(ARTICLE.replace("Claire Dubois", ", ".join(names)), encoding="utf-8")
    (gold / "puits.yaml").write_text(GOLD, encoding="utf-8")
    assert cli("extract", str(docs), "--out", str(tmp_path / "out"), "--no-ner", "--quiet").returncode == 0
    command = (f"set -o pipefail; {sys.executable} -m pipeline evaluate --gold {gold} --pred {tmp_path / 'out'} "
               f"--raw {docs} | head -n 2")
    done = subprocess.run(["bash", "-c", command], cwd=REPO, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.stdout.startswith("Scored 1 document(s) with gold.\n") and done.stdout.count("\n") == 2
    assert done.stderr == ""
    assert done.returncode == 141  # 128 + SIGPIPE, as a Unix tool stopped by its reader
