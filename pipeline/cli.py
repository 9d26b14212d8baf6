"""Command line: `python -m pipeline extract ...`, `evaluate ...` and `explain DOC`."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import traceback
from pathlib import Path

from pipeline import __version__
from pipeline.io.read import DEFAULT_MAX_BYTES, GLOB_MAGIC, MEGABYTE, glob_matches, glob_root
from pipeline.ner import DEFAULT_MODEL

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_SIGNAL_BASE = 128
DEFAULT_TIMEOUT = 120.0

EXTRACT_HELP = """\
Extract French film articles into the contract's CSV tables.

Inputs are files, folders or globs; default: raw/. Folders are searched
recursively for *.txt, *.html, *.htm, *.wiki, *.wikitext and MediaWiki
dumps (*.xml, *.xml.bz2: each film or person page is a document); markup is
rendered to text, written to texts/ in the output folder. Each document's
problems go to problems.csv and to stderr (one line each); the batch goes on. The tables replace the previous ones
only when the whole run is done: an interrupted run leaves them unchanged.

exit status:
  0    every document was processed (warnings allowed)
  1    at least one document failed (see problems.csv)
  2    usage error (bad option, no input found, --out inside an input
       folder, another run writing to --out); nothing written
  130  interrupted by Ctrl-C (SIGINT); 143: by SIGTERM; previous tables kept
"""


def _usable_cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def _globs(inputs: list[str]) -> dict[str, list[Path]]:
    """Each input that is a glob (no file has its name), with what it matches: expanded once for every check."""
    return {item: glob_matches(item) for item in inputs
            if not Path(item).exists() and not Path(item).is_symlink() and GLOB_MAGIC.search(item)}


def _input_folders(inputs: list[str], globs: dict[str, list[Path]]) -> list[Path]:
    """The folders the inputs read recursively: folders named or matched, and the fixed part of a `**` glob."""
    folders = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            folders.append(path)
        elif item in globs:
            if "**" in item:
                folders.append(glob_root(item))
            folders.extend(match for match in globs[item] if match.is_dir())
    return folders


def _usage_problem(out: Path, inputs: list[str]) -> str | None:
    """Why the run cannot start as given: a glob matching nothing, or --out where the inputs are read."""
    globs = _globs(inputs)
    real_out = out.resolve()
    for item, matches in globs.items():
        if not matches:
            return f"nothing matches {item}"
        inside = next((match for match in matches if match.resolve().is_relative_to(real_out)), None)
        if inside is not None:
            return f"{item} matches {inside}, inside --out {out}; choose another folder"
    if out.exists() and not out.is_dir():
        return f"--out {out} exists and is not a folder"
    for folder in _input_folders(inputs, globs):
        if real_out.is_relative_to(folder.resolve()):
            return f"--out {out} is inside the input folder {folder}; choose another folder"
    return None


def _extract(args: argparse.Namespace) -> int:
    from pipeline.io.write import OutputBusy
    from pipeline.run import Interrupted, Settings, UsageError, run

    inputs = args.inputs or ["raw"]
    out = Path(args.out)
    problem = _usage_problem(out, inputs)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    from pipeline.vocab import VocabError, check_all, use_overlay

    try:
        use_overlay(Path(args.vocab) if args.vocab else None)
        check_all()
    except VocabError as err:
        print(f"error: {'--vocab: ' if args.vocab else ''}{err}", file=sys.stderr)
        return EXIT_USAGE
    settings = Settings(model=None if args.no_ner else args.model, debug=args.debug,
                        max_bytes=int(args.max_size * MEGABYTE), timeout=args.timeout,
                        formula_safe=args.formula_safe, vocab=str(Path(args.vocab).resolve()) if args.vocab else None)
    try:
        summary = run(inputs, out, jobs=args.jobs, settings=settings, quiet=args.quiet, engine=args.engine,
                      scheduler=args.scheduler, scratch=Path(args.scratch) if args.scratch else None)
    except (FileNotFoundError, UsageError, OutputBusy) as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except Interrupted as err:
        kept = "the new tables were already written" if err.committed else "tables not written; previous output unchanged"
        print(f"interrupted ({err}): {kept}", file=sys.stderr)
        return EXIT_SIGNAL_BASE + err.signum
    print(summary.line(), file=sys.stderr)
    return EXIT_FAILED if summary.failed else EXIT_OK


def _number(kind: type, minimum: float, allowed: str):
    """An argparse type for a number no smaller than `minimum`."""
    def parse(value: str):
        try:
            number = kind(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {value}") from None
        if number < minimum:
            raise argparse.ArgumentTypeError(f"must be {allowed}: {value}")
        return number

    return parse


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="filmfiche", description="Film facts from French encyclopedic text, as CSV tables.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    extract = sub.add_parser("extract", help="extract raw documents into CSV tables", description=EXTRACT_HELP,
                             formatter_class=argparse.RawDescriptionHelpFormatter)
    extract.add_argument("inputs", nargs="*", help="files, folders or globs (default: raw/)")
    extract.add_argument("--out", default="extracted", help="output folder, not inside an input folder (default: extracted/)")
    extract.add_argument("--jobs", type=_number(int, 1, "at least 1"), default=_usable_cores(), help="worker processes (default: number of cores)")
    extract.add_argument("--no-ner", action="store_true", help="rules only: skip the spaCy model (faster, lower recall on one-word names)")
    extract.add_argument("--model", default=DEFAULT_MODEL, help=f"spaCy model for NER (default: {DEFAULT_MODEL})")
    extract.add_argument("--max-size", type=_number(float, 0.001, "more than 0"), default=DEFAULT_MAX_BYTES / MEGABYTE, metavar="MB",
                         help="refuse larger documents, an error row each (default: %(default)g)")
    extract.add_argument("--timeout", type=_number(float, 0, "0 or more"), default=DEFAULT_TIMEOUT, metavar="SECONDS",
                         help="give up on a document after this long, an error row (default: %(default)g; 0: no limit)")
    extract.add_argument("--formula-safe", action="store_true",
                         help="write a text cell starting with = + - @ as '=... so spreadsheets do not run it "
                              "(for people opening the tables in a spreadsheet; those cells are then not exact)")
    extract.add_argument("--vocab", metavar="DIR",
                         help="a folder of vocabulary files named like pipeline/data/'s (labels.tsv, headings.json...) "
                              "whose entries add to or replace the package's")
    extract.add_argument("--engine", choices=("local", "dask"), default="local",
                         help="local: --jobs processes on this machine (default); dask: a Dask cluster (pip install 'filmfiche[dask]')")
    extract.add_argument("--scheduler", metavar="ADDRESS",
                         help="with --engine dask: join the running cluster at ADDRESS (tcp://host:8786) instead of "
                              "starting a local one of --jobs workers")
    extract.add_argument("--scratch", metavar="DIR",
                         help="folder for the workers' part files, on storage every worker and this machine reach "
                              "(default: a hidden folder inside --out)")
    extract.add_argument("--quiet", action="store_true", help="no progress bar, no warnings: only errors and the summary line")
    extract.add_argument("--debug", action="store_true", help="show tracebacks")
    extract.set_defaults(func=_extract)
    evaluate = sub.add_parser("evaluate", help="score extracted tables against the hand-made gold")
    from pipeline.evaluate.command import add_arguments, run as run_evaluate

    add_arguments(evaluate)
    evaluate.set_defaults(func=run_evaluate)
    explain = sub.add_parser("explain", help="one document's text with every extracted value marked (an HTML page)",
                             description="Write an HTML page showing a document's text with every extracted value "
                                         "highlighted and labelled, and, when it has gold, its missed and wrong values.")
    from pipeline.evaluate.explain_command import add_arguments as add_explain_arguments, run as run_explain

    add_explain_arguments(explain)
    explain.set_defaults(func=run_explain)
    return parser


def quiet_broken_pipe() -> int:
    """The reader of our output went away (`evaluate | head`): stop without a message, as Unix tools do.

    stdout is pointed at /dev/null so the flush at exit does not fail again.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return EXIT_SIGNAL_BASE + signal.SIGPIPE


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:
        return quiet_broken_pipe()
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_SIGNAL_BASE + signal.SIGINT
    except Exception as err:  # noqa: BLE001 - the user gets one line unless --debug
        if getattr(args, "debug", False):
            traceback.print_exc()
        print(f"error: {type(err).__name__}: {err}", file=sys.stderr)
        return EXIT_FAILED
