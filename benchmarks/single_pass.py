"""The floor for rules-only extraction: one Python pass that reads the same files,
runs one line regex and splits words. Run as a child of throughput.py; prints one JSON line."""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

LINE = re.compile(r"^[ \t]*[-*•]?[ \t]*([^:\n]{1,60}?)[ \t]*:[ \t]*(.*)$", re.MULTILINE)


def main() -> None:
    started = time.perf_counter()
    files = lines = words = 0
    for path in sorted(Path(sys.argv[1]).rglob("*.txt")):
        text = path.read_bytes().decode("utf-8", errors="replace")
        lines += sum(1 for _ in LINE.finditer(text))
        words += len(text.split())
        files += 1
    print(json.dumps({"files": files, "label_lines": lines, "words": words, "seconds": time.perf_counter() - started}))


if __name__ == "__main__":
    main()
