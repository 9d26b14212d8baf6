"""Write tables as the contract's CSV files (UTF-8, `,`, header, `\\n`, minimal quoting), each whole or not at all."""

from __future__ import annotations

import csv
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


class TableSink:
    """Streams rows into temporary files beside the output, then renames them all.

    Until `commit`, the output folder keeps its previous tables; `abort` (or an
    exception inside the `with` block) removes the temporary files.
    """

    def __init__(self, out: Path, tables: Mapping[str, Sequence[str]]) -> None:
        out.mkdir(parents=True, exist_ok=True)
        self.out = out
        self.columns = dict(tables)
        self.counts = {name: 0 for name in tables}
        self._files: dict[str, tuple[str, object, object]] = {}
        mask = os.umask(0)
        os.umask(mask)
        for name, columns in tables.items():
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.csv.", suffix=".tmp", dir=out)
            os.chmod(tmp, 0o666 & ~mask)
            handle = os.fdopen(fd, "w", encoding="utf-8", newline="")
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(columns)
            self._files[name] = (tmp, handle, writer)

    def add(self, name: str, rows: Iterable[Mapping[str, object]]) -> None:
        _, _, writer = self._files[name]
        columns = self.columns[name]
        for row in rows:
            writer.writerow(["" if row.get(c) is None else row.get(c) for c in columns])
            self.counts[name] += 1

    def commit(self) -> None:
        for tmp, handle, _ in self._files.values():
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()
        for name, (tmp, _, _) in self._files.items():
            os.replace(tmp, self.out / f"{name}.csv")
        self._files.clear()

    def abort(self) -> None:
        for tmp, handle, _ in self._files.values():
            handle.close()
            Path(tmp).unlink(missing_ok=True)
        self._files.clear()

    def __enter__(self) -> "TableSink":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()
