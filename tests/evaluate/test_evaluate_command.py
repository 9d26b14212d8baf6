"""The evaluate command: files written, summary printed, exit codes."""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
from pathlib import Path

import pytest
from evalcases import GOLD, perfect_tables, write_gold

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
    assert (args.gold, args.pred, args.raw, args.min_f1, args.no_report, args.all_gold, args.strict) == (
        Path("gold"), Path("extracted"), Path("raw"), None, False, False, False)


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


def _second_document(gold: Path, pred: Path, *, in_gold: bool, in_pred: bool) -> None:
    """Add a document `autre` to the gold folder, the predictions, or both."""
    if in_gold:
        write_gold(gold, "autre", GOLD.replace("doc_id: doc", "doc_id: autre"))
    if in_pred:
        with (pred / "sections.csv").open("a", encoding="utf-8") as handle:
            handle.write("autre,1,film,autre-film,Autre film,0,10\n")


def test_a_gold_document_absent_from_the_predictions_is_named_and_not_scored(case, capsys) -> None:
    gold, pred = case(perfect_tables())
    _second_document(gold, pred, in_gold=True, in_pred=False)
    assert call("--gold", str(gold), "--pred", str(pred), "--no-report") == 0
    captured = capsys.readouterr()
    assert f"evaluate: warning: 1 gold document(s) not in {pred}: autre; not scored" in captured.err
    assert "Scored 1 document(s) with gold." in captured.out
    assert {r["doc_id"] for r in rows(pred / "scores.csv")} == {"", "doc"}
    assert rows(pred / "errors.csv") == []


def test_all_gold_scores_absent_documents_as_missed(case, capsys) -> None:
    gold, pred = case(perfect_tables())
    _second_document(gold, pred, in_gold=True, in_pred=False)
    assert call("--gold", str(gold), "--pred", str(pred), "--no-report", "--all-gold") == 0
    assert "scored as missed (--all-gold)" in capsys.readouterr().err
    errors = rows(pred / "errors.csv")
    assert errors and {e["doc_id"] for e in errors} == {"autre"} and {e["kind"] for e in errors} == {"fn"}


def test_a_predicted_document_without_gold_is_named(case, capsys) -> None:
    gold, pred = case(perfect_tables())
    _second_document(gold, pred, in_gold=False, in_pred=True)
    assert call("--gold", str(gold), "--pred", str(pred), "--no-report") == 0
    assert f"1 document(s) of {pred} have no gold file in {gold}: autre; not scored" in capsys.readouterr().err


def test_a_document_named_only_in_problems_is_part_of_the_run(case, capsys) -> None:
    gold, pred = case(perfect_tables())
    _second_document(gold, pred, in_gold=True, in_pred=False)
    (pred / "problems.csv").write_text("doc_id,severity,stage,message,start,end\nautre,error,read,empty document,,\n",
                                       encoding="utf-8")
    assert call("--gold", str(gold), "--pred", str(pred), "--no-report", "--strict") == 0
    assert capsys.readouterr().err == ""
    assert {r["doc_id"] for r in rows(pred / "scores.csv")} == {"", "doc", "autre"}


@pytest.mark.parametrize("in_gold, in_pred", [(True, False), (False, True)])
def test_strict_fails_when_the_documents_differ(case, capsys, in_gold: bool, in_pred: bool) -> None:
    gold, pred = case(perfect_tables())
    _second_document(gold, pred, in_gold=in_gold, in_pred=in_pred)
    assert call("--gold", str(gold), "--pred", str(pred), "--no-report", "--strict") == 1
    assert "the gold and predicted documents differ (--strict)" in capsys.readouterr().err
    assert call("--gold", str(gold), "--pred", str(pred), "--no-report") == 0


def test_no_document_in_common_exits_2(case, capsys) -> None:
    gold, pred = case(perfect_tables(), GOLD.replace("doc_id: doc", "doc_id: autre"), doc_id="autre")
    assert call("--gold", str(gold), "--pred", str(pred)) == 2
    assert "nothing scored" in capsys.readouterr().err
    assert not (pred / "scores.csv").exists()


def test_a_missing_raw_folder_is_a_warning(case, tmp_path: Path, capsys) -> None:
    gold, pred = case(perfect_tables())
    assert call("--gold", str(gold), "--pred", str(pred), "--raw", str(tmp_path / "nowhere")) == 0
    assert (f"evaluate: warning: raw folder {tmp_path / 'nowhere'} not found: the report shows no source text"
            in capsys.readouterr().err)
    assert (pred / "report.html").is_file()
    raw = tmp_path / "raw"
    raw.mkdir()
    assert call("--gold", str(gold), "--pred", str(pred), "--raw", str(raw)) == 0
    assert f"1 document(s) not found in {raw}: doc; the report shows no source text for them" in capsys.readouterr().err
    (raw / "doc.txt").write_text("Léa Marchand", encoding="utf-8")
    assert call("--gold", str(gold), "--pred", str(pred), "--raw", str(raw)) == 0
    assert "warning" not in capsys.readouterr().err
