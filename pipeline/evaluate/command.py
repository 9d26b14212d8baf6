"""The `evaluate` command: compare a prediction folder with the gold files and report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline.evaluate.gold import GoldError, load_gold_folder
from pipeline.evaluate.output import print_errors, print_summary, write_results
from pipeline.evaluate.predictions import PredictionError, load_predictions
from pipeline.evaluate.report import write_report
from pipeline.evaluate.scoring import evaluate


def _ratio(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number between 0 and 1")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the command's options on a parser (or a sub-command parser)."""
    parser.add_argument("--gold", type=Path, default=Path("gold"), help="folder of gold YAML files (default: gold)")
    parser.add_argument("--pred", type=Path, default=Path("extracted"),
                        help="folder of extracted CSV tables; scores are written there (default: extracted)")
    parser.add_argument("--raw", type=Path, default=Path("raw"),
                        help="folder of raw documents, quoted in the report (default: raw)")
    parser.add_argument("--min-f1", type=_ratio, default=None, metavar="X",
                        help="exit with status 1 when the micro-averaged F1 is below X")
    parser.add_argument("--no-report", action="store_true", help="do not write report.html")


def run(args: argparse.Namespace) -> int:
    """Evaluate; 0 on success, 1 when micro F1 < --min-f1, 2 when gold or predictions cannot be read."""
    try:
        gold = load_gold_folder(args.gold)
        predictions = load_predictions(args.pred)
    except (GoldError, PredictionError) as error:
        print(f"evaluate: {error}", file=sys.stderr)
        return 2
    for warning in predictions.warnings:
        print(f"evaluate: warning: {warning}", file=sys.stderr)
    evaluation = evaluate(gold, predictions)
    written = list(write_results(evaluation, args.pred))
    if not args.no_report:
        written.append(write_report(evaluation, args.pred, args.raw))
    print_summary(evaluation, sys.stdout)
    print_errors(evaluation, sys.stdout)
    print(f"\nWrote {', '.join(str(p) for p in written)}")
    micro_f1 = evaluation.micro.f1
    if args.min_f1 is not None and micro_f1 < args.min_f1:
        print(f"evaluate: micro F1 {micro_f1:.4f} is below --min-f1 {args.min_f1}", file=sys.stderr)
        return 1
    return 0
