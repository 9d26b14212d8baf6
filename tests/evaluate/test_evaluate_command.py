"""The evaluate command: files written, summary printed, exit codes."""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
from pathlib import Path

from evalcases import GOLD, perfect_tables

from pipeline.evaluate.command import add_arguments, run

ROOT = Path(__file__).resolve().parents[2]


def call(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    return run(parser.parse_args(list(argv)))


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_defaults_match_the_project_layout() -> None:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    args = parser.parse_args([])
    assert (args.gold, args.pred, args.raw, args.min_f1, args.no_report) == (
        Path("gold"), Path("extracted"), Path("raw"), None, False)


def test_writes_scores_and_errors_and_prints_a_summary(case, capsys) -> None:
    tables = perfect_tables()
    tables["credits"].pop()
    gold, pred = case(tables)
    assert call("--gold", str(gold), "--pred", str(pred), "--no-report") == 0
    scores = rows(pred / "scores.csv")
    assert list(scores[0]) == ["table", "field", "doc_id", "tp", "fp", "fn", "precision", "recall", "f1"]
    total = {(r["table"], r["field"], r["doc_id"]): r for r in scores}
    assert total[("all", "", "")]["fn"] == "1" and total[("credits", "editor", "doc")]["recall"] == "0.5000"
    assert total[("awards", "prize", "")]["f1"] == "1.0000"
    assert ("cast", "", "doc") in total and not any(r["table"] == "cast" and r["field"] for r in scores)
    errors = rows(pred / "errors.csv")
    assert [(e["table"], e["field"], e["kind"], e["gold"]) for e in errors] == [("credits", "editor", "fn", "Anne Roy")]
    out = capsys.readouterr().out
    assert "credits" in out and "all" in out and "missed     Anne Roy" in out
    assert not (pred / "report.html").exists()
    assert not [p for p in pred.iterdir() if p.name.endswith(".tmp")]


def test_min_f1_sets_the_exit_code(case) -> None:
    tables = perfect_tables()
    tables["cast"] = []
    gold, pred = case(tables)
    common = ("--gold", str(gold), "--pred", str(pred), "--no-report")
    assert call(*common, "--min-f1", "0.9") == 0
    assert call(*common, "--min-f1", "0.99") == 1


def test_gold_error_exits_2_with_the_message_on_stderr(case, capsys) -> None:
    gold, pred = case(perfect_tables(), GOLD.replace("outcome: won", "outcome: gagné"))
    assert call("--gold", str(gold), "--pred", str(pred)) == 2
    err = capsys.readouterr().err
    assert "doc.yaml:" in err and "films[0].awards[0].prizes[0].outcome" in err
    assert not (pred / "scores.csv").exists()


def test_missing_prediction_folder_exits_2(case, tmp_path: Path, capsys) -> None:
    gold, _ = case(perfect_tables())
    assert call("--gold", str(gold), "--pred", str(tmp_path / "nowhere")) == 2
    assert "prediction folder not found" in capsys.readouterr().err


def test_runs_as_a_module(case) -> None:
    gold, pred = case(perfect_tables())
    done = subprocess.run(
        [sys.executable, "-m", "pipeline.evaluate", "--gold", str(gold), "--pred", str(pred), "--min-f1", "1"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert (pred / "report.html").is_file()
