"""`python -m pipeline.evaluate`: the evaluate command on its own."""

from __future__ import annotations

import argparse
import sys

from pipeline.cli import quiet_broken_pipe
from pipeline.evaluate.command import add_arguments, run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.evaluate", description=__doc__)
    add_arguments(parser)
    try:
        return run(parser.parse_args(argv))
    except BrokenPipeError:
        return quiet_broken_pipe()


if __name__ == "__main__":
    sys.exit(main())
