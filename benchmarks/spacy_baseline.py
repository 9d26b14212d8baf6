"""Baseline (a): plain `nlp.pipe` of a spaCy model, every default component on.

Run as a child of throughput.py so that its memory is measured apart. Reads
the corpus files in name order up to --limit-bytes, times `nlp.pipe` over
them (model loading is timed apart, not counted) and prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path


def sample(corpus: Path, limit: int | None) -> list[str]:
    """Texts of the first files (in name order) whose bytes reach `limit`."""
    texts: list[str] = []
    total = 0
    for path in sorted(corpus.glob("*.txt")):
        if limit is not None and total >= limit:
            break
        data = path.read_bytes()
        total += len(data)
        texts.append(data.decode("utf-8", errors="replace"))
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, help="folder of *.txt documents")
    parser.add_argument("--model", default="fr_core_news_sm")
    parser.add_argument("--limit-bytes", type=int, default=None, help="read only this many bytes of the corpus (default: all)")
    args = parser.parse_args()
    texts = sample(args.corpus, args.limit_bytes)
    started = time.perf_counter()
    import spacy

    nlp = spacy.load(args.model)
    loaded, cpu_loaded = time.perf_counter(), time.process_time()
    tokens = sum(len(doc) for doc in nlp.pipe(texts))
    done, cpu_done = time.perf_counter(), time.process_time()
    print(json.dumps({
        "docs": len(texts),
        "bytes": sum(len(t.encode("utf-8")) for t in texts),
        "tokens": tokens,
        "load_seconds": loaded - started,
        "seconds": done - loaded,
        "cpu_seconds": cpu_done - cpu_loaded,
        "components": nlp.pipe_names,
    }))


if __name__ == "__main__":
    main()
