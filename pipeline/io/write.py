"""Write tables as the contract's CSV files, each whole or not at all."""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path


def render_csv(columns: Sequence[str], rows: Iterable[Mapping[str, object]]) -> str:
    """UTF-8 text, `,` delimiter, header row, `\\n` line ends, minimal quoting."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else row.get(c) for c in columns])
    return buffer.getvalue()


def write_atomic(path: Path, content: str) -> None:
    """Write to a temporary file in the same folder, then rename over the target."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_tables(out: Path, tables: Mapping[str, tuple[Sequence[str], list[Mapping[str, object]]]]) -> None:
    """Render every table first, then move each file into place.

    Rendering before any rename means an error while building a table leaves
    the previous output folder untouched.
    """
    rendered = {name: render_csv(columns, rows) for name, (columns, rows) in tables.items()}
    for name, content in rendered.items():
        write_atomic(out / f"{name}.csv", content)
