"""The `evaluate` command: compare a prediction folder with the gold files and report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from pipeline.evaluate.explain import FOLDER as EXPLAIN_FOLDER, write_pages
from pipeline.evaluate.gold import GoldDocument, GoldError, load_gold_folder
from pipeline.evaluate.output import print_errors, print_summary, write_results
from pipeline.evaluate.predictions import PredictionError, Predictions, load_predictions
from pipeline.evaluate.report import write_report
from pipeline.evaluate.scoring import evaluate
from pipeline.evaluate.sources import read_documents
from pipeline.runinfo import read_run_record, utc_now

LISTED = 5  # document names shown in a warning before "and N more"


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
    parser.add_argument("--all-gold", action="store_true",
                        help="score every gold document, those absent from --pred as entirely missed "
                             "(default: only the documents both have)")
    parser.add_argument("--strict", action="store_true",
                        help="exit with status 1 when the gold and predicted documents differ")


def _warn(message: str) -> None:
    print(f"evaluate: warning: {message}", file=sys.stderr)


def _names(doc_ids: list[str]) -> str:
    shown = ", ".join(doc_ids[:LISTED])
    return shown + (f" and {len(doc_ids) - LISTED} more" if len(doc_ids) > LISTED else "")


def _scored(gold: list[GoldDocument], predictions: Predictions, args: argparse.Namespace) -> tuple[list[GoldDocument], bool]:
    """The gold documents to score, and whether gold and predictions cover different documents (warned)."""
    gold_ids = {doc.doc_id for doc in gold}
    only_gold = sorted(gold_ids - predictions.doc_ids)
    only_pred = sorted(predictions.doc_ids - gold_ids)
    if only_gold:
        fate = "scored as missed (--all-gold)" if args.all_gold else "not scored (--all-gold scores them as missed)"
        _warn(f"{len(only_gold)} gold document(s) not in {args.pred}: {_names(only_gold)}; {fate}")
    if only_pred:
        _warn(f"{len(only_pred)} document(s) of {args.pred} have no gold file in {args.gold}: "
              f"{_names(only_pred)}; not scored")
    scored = gold if args.all_gold else [doc for doc in gold if doc.doc_id in predictions.doc_ids]
    return scored, bool(only_gold or only_pred)


def _texts(args: argparse.Namespace, doc_ids: list[str]) -> dict[str, str | None]:
    """The scored documents' texts for the report; a missing source folder or file is a warning, not an error."""
    texts = read_documents(args.raw, doc_ids, args.pred)
    missing = [doc_id for doc_id, text in texts.items() if text is None]
    if missing and not args.raw.is_dir():
        _warn(f"raw folder {args.raw} not found: the report shows no source text (give --raw FOLDER)")
    elif missing:
        _warn(f"{len(missing)} document(s) not found in {args.raw}: {_names(missing)}; "
              f"the report shows no source text for them")
    return texts


def run(args: argparse.Namespace) -> int:
    """Evaluate; 0 on success, 1 when micro F1 < --min-f1 or (--strict) the documents differ,
    2 when gold or predictions cannot be read or have no document in common."""
    try:
        gold = load_gold_folder(args.gold)
        predictions = load_predictions(args.pred)
    except (GoldError, PredictionError) as error:
        print(f"evaluate: {error}", file=sys.stderr)
        return EXIT_USAGE
    for warning in predictions.warnings:
        _warn(warning)
    scored, differ = _scored(gold, predictions, args)
    if not scored:
        print(f"evaluate: no document of {args.pred} has a gold file in {args.gold}; nothing scored", file=sys.stderr)
        return EXIT_USAGE
    evaluation = evaluate(scored, predictions)
    written = list(write_results(evaluation, args.pred))
    if not args.no_report:
        evaluated = {"evaluated": utc_now(), "gold": str(args.gold), "predictions": str(args.pred),
                     "raw": str(args.raw)}
        texts = _texts(args, evaluation.doc_ids)
        pages = write_pages(args.pred, evaluation, predictions, texts)
        written.append(write_report(evaluation, args.pred, texts, read_run_record(args.pred), evaluated, pages))
        if pages:
            written.append(args.pred / EXPLAIN_FOLDER)
    print_summary(evaluation, sys.stdout)
    print_errors(evaluation, sys.stdout)
    print(f"\nWrote {', '.join(str(p) for p in written)}")
    micro_f1 = evaluation.micro.f1
    if args.min_f1 is not None and micro_f1 < args.min_f1:
        print(f"evaluate: micro F1 {micro_f1:.4f} is below --min-f1 {args.min_f1}", file=sys.stderr)
        return EXIT_FAILED
    if args.strict and differ:
        print("evaluate: the gold and predicted documents differ (--strict)", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK
