"""Snippets and helpers for the batch tests: write inputs, run, read the tables back."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

from pipeline.run import RunSummary, Settings, run
from pipeline.schema import PROBLEMS_COLUMNS, TABLES

REPO = Path(__file__).resolve().parents[2]

ARTICLE = """\
Le Vent du Sud est un film dramatique franco-malien réalisé par Awa Traoré et sorti en 1994.

Synopsis
Moussa, un jeune pêcheur (Issa Koné), quitte son village pour chercher du travail à Bamako.

Fiche technique
- Titre original : Le Vent du Sud
- Réalisation : Awa Traoré
- Scénario : Awa Traoré et Jean Martin
- Musique : Salif Diarra
- Montage : Claire Dubois
- Pays d'origine : Mali, France
- Langue : bambara, français
- Durée : 95 minutes
- Dates de sortie : 12 mars 1994

Distribution
- Issa Koné : Moussa
- Fatou Diallo : Aminata

Récompenses
- Festival panafricain du cinéma de Ouagadougou 1995 : Prix du meilleur scénario
"""

PROSE_ONLY = "Le Puits est un film malien réalisé par Awa Traoré et sorti en 1990.\nAminata (Fatou Diallo) revient au village.\n"
NO_TITLE = "Fiche technique\n- Réalisation : Awa Traoré\n- Durée : 90 minutes\n"
MALFORMED = (
    "Le Lac est un film malien sorti en 1990.\n"
    "Fiche technique\n"
    "- Réalisation :\n"
    "- Montage : Claire Dubois\n"
    "- : Awa Traoré\n"
    "- Durée : beaucoup\n"
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
NO_ARTICLE = "warning", "segment", "no film or person article found (no opening sentence, no fiche technique)", "", ""


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return path


def extract(inputs: list[Path | str], out: Path, *, jobs: int = 1, quiet: bool = True, engine: str = "local",
            scratch: Path | None = None, **settings: object) -> RunSummary:
    """A run without NER, started from this process."""
    return run([str(i) for i in inputs], out, jobs=jobs, settings=Settings(model=None, **settings), quiet=quiet,
               engine=engine, scratch=scratch)


def read_tables(out: Path) -> dict[str, list[dict[str, str]]]:
    tables = {}
    for name in [*TABLES, "problems"]:
        with open(out / f"{name}.csv", encoding="utf-8", newline="") as handle:
            tables[name] = list(csv.DictReader(handle))
    return tables


def problem_rows(out: Path) -> list[tuple[str, ...]]:
    return [tuple(row[c] for c in PROBLEMS_COLUMNS) for row in read_tables(out)["problems"]]


def doc_rows(tables: dict[str, list[dict[str, str]]], doc_id: str) -> dict[str, list[dict[str, str]]]:
    """Every row one document gave, table by table (its films and people found through sections.csv)."""
    entities = {row["entity_id"] for row in tables["sections"] if row["doc_id"] == doc_id}
    rows = {}
    for name in TABLES:
        rows[name] = [r for r in tables[name]
                      if r.get("doc_id") == doc_id or r.get("film_id") in entities or r.get("person_id") in entities]
    return rows


def bytes_of(out: Path) -> dict[str, bytes]:
    """Every file of an output folder and its subfolders, hidden ones included, by path relative to it;
    not run.json, which records when and how long."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file() and p.name != "run.json"}


def cli(*args: str, **popen: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pipeline", "extract", *args], cwd=REPO, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=120, **popen)


def start_cli(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "pipeline", "extract", *args], cwd=REPO, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})


def spawned_children(parent: int) -> list[int]:
    """The worker processes `parent` spawned through multiprocessing (a local pool's, or a LocalCluster's)."""
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
