"""run.json: what a run was (version, commit, date, inputs, options, counts, timings), written beside its tables.

The tables say what was found; this file says how, so a report or a later
reader can tell which code and which options produced them.
"""

from __future__ import annotations

import json
import platform
import subprocess
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.io.files import write_text_atomic

FILENAME = "run.json"
GIT_SECONDS = 5


def source_commit() -> dict[str, Any] | None:
    """The git commit of the code that ran, and whether tracked files differ from it; None outside a checkout."""
    here = Path(__file__).resolve().parent
    try:
        commit = subprocess.run(["git", "-C", str(here), "rev-parse", "HEAD"], capture_output=True, text=True,
                                timeout=GIT_SECONDS, check=True).stdout.strip()
        changes = subprocess.run(["git", "-C", str(here), "status", "--porcelain", "--untracked-files=no"],
                                 capture_output=True, text=True, timeout=GIT_SECONDS, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return {"id": commit, "modified": bool(changes.strip())}


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def run_record(*, started_at: str, inputs: list[str], out: Path, options: dict[str, Any], documents: int,
               failed: int, rows: dict[str, int], problems: dict[str, int], seconds: float) -> dict[str, Any]:
    """The content of run.json."""
    return {
        "tool": "filmfiche",
        "version": __version__,
        "commit": source_commit(),
        "python": platform.python_version(),
        "started_at": started_at,
        "finished_at": utc_now(),
        "inputs": inputs,
        "output": str(out),
        "options": options,
        "counts": {"documents": documents, "failed": failed, "rows": rows, "problems": problems},
        "timings": {"seconds": round(seconds, 3),
                    "documents_per_second": round(documents / seconds, 1) if seconds > 0 else None},
    }


def write_run_record(out: Path, record: dict[str, Any]) -> Path:
    path = Path(out) / FILENAME
    write_text_atomic(path, json.dumps(record, ensure_ascii=False, indent=2) + "\n")
    return path


def read_run_record(folder: Path) -> dict[str, Any] | None:
    """A folder's run.json, or None when there is none or it cannot be read."""
    try:
        record = json.loads((Path(folder) / FILENAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) else None
