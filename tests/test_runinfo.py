"""run.json beside the tables, and the report's Run card made from it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from pipeline import __version__
from pipeline.cli import main
from pipeline.run import Settings, run

REPO = Path(__file__).resolve().parents[1]
ARTICLE = "Le Puits est un film malien réalisé par Awa Traoré et sorti en 1990.\n\nFiche technique\n- Durée : 90 minutes\n"
GOLD = "doc_id: puits\nsections:\n  - {kind: film, title: Le Puits}\nfilms:\n  - title: Le Puits\n    year: 1990\n"


def _head() -> str | None:
    """This checkout's commit; None when the code is not a git checkout (then run.json has no commit either)."""
    done = subprocess.run(["git", "-C", str(REPO), "rev-parse", "HEAD"], capture_output=True, text=True)
    return done.stdout.strip() if done.returncode == 0 else None


def test_run_json_says_what_ran(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "puits.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "in" / "vide.txt").write_text("", encoding="utf-8")
    summary = run([tmp_path / "in"], tmp_path / "out", jobs=1, settings=Settings(model=None, timeout=30), quiet=True)
    record = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    assert record["version"] == __version__
    assert (record["commit"] or {}).get("id") == _head()
    assert record["commit"] is None or isinstance(record["commit"]["modified"], bool)
    started, finished = (datetime.fromisoformat(record[k]) for k in ("started_at", "finished_at"))
    assert started.utcoffset() is not None and started <= finished
    assert record["inputs"] == [str(tmp_path / "in")]
    assert record["options"]["jobs"] == 1 and record["options"]["model"] is None and record["options"]["timeout"] == 30
    assert record["counts"] == {"documents": 2, "failed": 1, "rows": summary.rows, "problems": summary.problems}
    assert record["counts"]["rows"]["films"] == 1
    assert 0 < record["timings"]["seconds"] == round(summary.seconds, 3)


def test_no_commit_outside_a_checkout(tmp_path: Path) -> None:
    shutil.copytree(REPO / "pipeline", tmp_path / "pipeline", ignore=shutil.ignore_patterns("__pycache__"))
    done = subprocess.run([sys.executable, "-c", "from pipeline.runinfo import source_commit; print(source_commit())"],
                          cwd=tmp_path, capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"}, timeout=60)
    assert done.stdout == "None\n", done.stderr


def test_the_report_shows_the_run(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "puits.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "puits.yaml").write_text(GOLD, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(tmp_path / "in"), "--out", str(out), "--no-ner", "--quiet", "--jobs", "1"]) == 0
    assert main(["evaluate", "--gold", str(tmp_path / "gold"), "--pred", str(out), "--raw", str(tmp_path / "in")]) == 0
    html = (out / "report.html").read_text(encoding="utf-8")
    run_card = html[html.index('<h2 id="run">'):html.index('<h2 id="tables">')]
    assert f"filmfiche {__version__}" in run_card and (_head() or "unknown")[:12] in run_card
    assert "jobs=1" in run_card and "model=None" in run_card and str(tmp_path / "in") in run_card
    assert "1 (0 failed)" in run_card and "films=1" in run_card
    (out / "run.json").unlink()
    assert main(["evaluate", "--gold", str(tmp_path / "gold"), "--pred", str(out), "--raw", str(tmp_path / "in")]) == 0
    assert "no run.json beside the tables" in (out / "report.html").read_text(encoding="utf-8")
