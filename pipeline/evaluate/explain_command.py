"""The `explain` command: one document's page, with its gold errors when a gold file exists."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline.cli import EXIT_OK, EXIT_USAGE
from pipeline.evaluate.explain import page_path, render_page, report_href
from pipeline.evaluate.gold import GOLD_SUFFIXES, GoldError, load_gold
from pipeline.evaluate.predictions import PredictionError, load_predictions
from pipeline.evaluate.scoring import evaluate
from pipeline.evaluate.sources import read_document
from pipeline.io.files import write_text_atomic


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("doc_id", metavar="DOC", help="the document's doc_id (its path under the input folder, no suffix)")
    parser.add_argument("--pred", type=Path, default=Path("extracted"), help="folder of extracted tables (default: extracted)")
    parser.add_argument("--raw", type=Path, default=Path("raw"), help="folder of raw documents (default: raw)")
    parser.add_argument("--gold", type=Path, default=Path("gold"),
                        help="folder of gold files; the document's missed and wrong values are shown when it has one "
                             "(default: gold)")
    parser.add_argument("--out", type=Path, default=None,
                        help="where to write the page (default: PRED/explain/DOC.html, where the report links to)")


def _gold_file(folder: Path, doc_id: str) -> Path | None:
    for suffix in GOLD_SUFFIXES:
        path = folder / f"{doc_id}{suffix}"
        if path.is_file():
            return path
    return None


def run(args: argparse.Namespace) -> int:
    """Write the page; 2 when the document, its text or its gold cannot be read."""
    try:
        predictions = load_predictions(args.pred)
        default = page_path(args.pred, args.doc_id)
    except (PredictionError, ValueError) as error:
        print(f"explain: {error}", file=sys.stderr)
        return EXIT_USAGE
    if args.doc_id not in predictions.doc_ids:
        print(f"explain: {args.doc_id} is not a document of {args.pred}", file=sys.stderr)
        return EXIT_USAGE
    text = read_document(args.raw, args.doc_id, args.pred)
    if text is None:
        print(f"explain: no text for {args.doc_id}: neither {args.pred}/texts/ nor {args.raw}/ holds it "
              f"(give --raw FOLDER)", file=sys.stderr)
        return EXIT_USAGE
    errors = None
    gold_path = _gold_file(args.gold, args.doc_id)
    if gold_path is not None:
        try:
            errors = evaluate([load_gold(gold_path, args.gold)], predictions).errors
        except GoldError as error:
            print(f"explain: {error}", file=sys.stderr)
            return EXIT_USAGE
    out = args.out or default
    back = report_href(args.doc_id) if out == default and (args.pred / "report.html").is_file() else None
    write_text_atomic(out, render_page(args.doc_id, text, predictions.for_document(args.doc_id), errors, back))
    print(out)
    return EXIT_OK
