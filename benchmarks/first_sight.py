"""Rules-only speed on articles seen for the first time, against the same articles seen again.

The throughput corpora are copies of raw/, and the pipeline keeps small
caches on short keys (a word's split point, a label's targets, a value's
names within one document): on copies these hit more often than on a folder
of distinct articles. This child reads and extracts every other document of
raw/ first (that compiles the patterns and fills the caches with other
articles' words), then the remaining documents twice, and prints, as one JSON
line, the rate of each pass over them. The first pass is what new articles
get; its ratio to the second says how much the copies flatter the corpus
figures. Run as a child of throughput.py; rows and writing are not included.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from pipeline.engines.tasks import Settings
from pipeline.engines.worker import process
from pipeline.io.read import Source, discover

RULES_ONLY = Settings(model=None, timeout=0.0)


def _pass(sources: list[Source]) -> float:
    started = time.process_time()
    for source in sources:
        process(source, RULES_ONLY)
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, help="folder of distinct *.txt articles (raw/)")
    args = parser.parse_args()
    sources = sorted(discover([args.folder]), key=lambda s: s.doc_id)
    warm, measured = sources[0::2], sources[1::2]
    _pass(warm)
    size = sum(s.path.stat().st_size for s in measured)
    first, again = _pass(measured), _pass(measured)
    print(json.dumps({"documents": len(measured), "bytes": size, "first_seconds": first, "again_seconds": again}))


if __name__ == "__main__":
    main()
