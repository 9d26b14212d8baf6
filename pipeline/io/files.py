"""Whole-file writes for everything a run or an evaluation puts beside the tables."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path


def created_mode(folder: bool = False) -> int:
    """The mode `open()` (or `mkdir()`) would give a new file (folder): 0666 (0777) less the umask, as for the tables."""
    mask = os.umask(0)
    os.umask(mask)
    return (0o777 if folder else 0o666) & ~mask


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


def replace_folder(final: Path, files: Mapping[str, str]) -> None:
    """Make `final` hold exactly `files` (relative `/` paths -> text), all new or all old.

    The files are written into a hidden sibling folder that then takes the
    place of the old one, so a reader never sees a mix of two versions.
    """
    final = Path(final)
    final.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{final.name}.", suffix=".tmp", dir=final.parent))
    old = final.parent / f"{fresh.name}.old"
    try:
        for name, text in files.items():
            write_text_atomic(fresh / name, text)
        for folder in [fresh, *(p for p in fresh.rglob("*") if p.is_dir())]:
            os.chmod(folder, created_mode(folder=True))
        if final.exists():
            os.replace(final, old)
        os.replace(fresh, final)
    except BaseException:
        if old.exists() and not final.exists():
            os.replace(old, final)
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    shutil.rmtree(old, ignore_errors=True)
