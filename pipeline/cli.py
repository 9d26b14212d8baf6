"""Command line: `python -m pipeline extract ...` and `python -m pipeline evaluate ...`."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path

from pipeline.ner import DEFAULT_MODEL

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

EXTRACT_HELP = """\
Extract French film articles (*.txt) into the contract's CSV tables.

Inputs are files, folders (searched recursively for *.txt) or globs;
default: raw/. Each document's problems go to problems.csv and to stderr;
the batch goes on.

exit status:
  0  every document was processed (warnings allowed)
  1  at least one document failed (see problems.csv)
  2  usage error (bad option, missing input, output inside the input)
"""


def _inside(child: Path, parent: Path) -> bool:
    try:
        child.resolve().relative_to(parent.resolve())
        return True
    except ValueError:
        return False


def _extract(args: argparse.Namespace) -> int:
    from pipeline.run import run

    inputs = args.inputs or ["raw"]
    out = Path(args.out)
    for item in inputs:
        path = Path(item)
        if path.is_dir() and (_inside(out, path) and out.resolve() != path.resolve() or out.resolve() == path.resolve()):
            print(f"error: --out {out} is inside the input folder {path}; choose another folder", file=sys.stderr)
            return EXIT_USAGE
    try:
        summary = run(inputs, out, jobs=args.jobs, ner=not args.no_ner, model=args.model, quiet=args.quiet, debug=args.debug)
    except FileNotFoundError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_USAGE
    print(summary.line(), file=sys.stderr)
    return EXIT_FAILED if summary.failed else EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="filmfiche", description="Film facts from French encyclopedic text, as CSV tables.")
    sub = parser.add_subparsers(dest="command", required=True)
    extract = sub.add_parser("extract", help="extract raw documents into CSV tables", description=EXTRACT_HELP,
                             formatter_class=argparse.RawDescriptionHelpFormatter)
    extract.add_argument("inputs", nargs="*", help="files, folders or globs (default: raw/)")
    extract.add_argument("--out", default="extracted", help="output folder (default: extracted/)")
    extract.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: number of cores)")
    extract.add_argument("--no-ner", action="store_true", help="rules only: skip the spaCy model (faster, lower recall on one-word names)")
    extract.add_argument("--model", default=DEFAULT_MODEL, help=f"spaCy model for NER (default: {DEFAULT_MODEL})")
    extract.add_argument("--quiet", action="store_true", help="no progress bar, only errors and the summary line")
    extract.add_argument("--debug", action="store_true", help="show tracebacks")
    extract.set_defaults(func=_extract)
    evaluate = sub.add_parser("evaluate", help="score extracted tables against the hand-made gold")
    from pipeline.evaluate.command import add_arguments, run as run_evaluate

    add_arguments(evaluate)
    evaluate.set_defaults(func=run_evaluate)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "jobs", 1) is not None and getattr(args, "jobs", 1) < 1:
        parser.error("--jobs must be at least 1")
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("interrupted: previous output left as it was", file=sys.stderr)
        return 130
    except Exception as err:  # noqa: BLE001 - the user gets one line unless --debug
        if getattr(args, "debug", False):
            traceback.print_exc()
        print(f"error: {type(err).__name__}: {err}", file=sys.stderr)
        return EXIT_FAILED
