"""Whole-file writes for everything a run or an evaluation puts beside the tables."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def created_mode() -> int:
    """The mode `open()` would give a new file: 0666 less the process umask, as for the tables."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_text_atomic(path: Path, text: str) -> None:
    """Write a whole file or nothing: a reader never sees a half-written file.

    The temporary file is created private (mkstemp), so it gets the usual
    mode before it replaces the old file.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.chmod(temporary, created_mode())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
