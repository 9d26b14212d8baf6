"""Write a run's tables as the contract's CSV files (UTF-8, `,`, header, `\\n`, minimal quoting), all or none.

Rows go to hidden temporary files (`.<table>.csv.<random>.tmp`) beside the
output; only `commit` renames them over the tables, so an interrupted run
leaves the previous tables as they were. A lock on the output folder keeps two
runs from mixing their files, and lets a run remove the temporary files a
killed run left behind.

A document whose text is not the file's decoded bytes (rendered from markup,
or repaired) has that text written as `texts/<doc_id>.txt`, so the offsets of
its rows can be checked; the folder is replaced together with the tables.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import shutil
import signal
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from pipeline.io.files import created_mode

try:
    import fcntl
except ImportError:  # Windows: no advisory locks, runs are trusted not to overlap
    fcntl = None

TEMP_SUFFIX = ".tmp"
# What makes a spreadsheet read a cell as a formula (OWASP's list for CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TEXTS = "texts"
TEXTS_TEMP_PREFIX = f".{TEXTS}."
PARTS_TEMP_PREFIX = ".parts."


class OutputBusy(Exception):
    """Another run is writing to the same output folder."""


class OutputTooLarge(Exception):
    """Rows that would take more than the bytes allowed them."""


def _formula_safe(cell: object) -> object:
    """A text cell a spreadsheet would run as a formula, quoted so it shows as text."""
    return f"'{cell}" if isinstance(cell, str) and cell.startswith(FORMULA_STARTS) else cell


def csv_writer(buffer: io.StringIO) -> Any:
    """A writer in the contract's dialect: minimal quoting, `\n` line ends."""
    return csv.writer(buffer, lineterminator="\n")


def render(columns: Sequence[str], rows: Iterable[Mapping[str, object]], limit: int | None = None,
           formula_safe: bool = False) -> bytes:
    """Rows as UTF-8 CSV lines in the contract's dialect (no header); None is an empty cell.

    Raises OutputTooLarge as soon as the lines pass `limit` bytes, so an
    oversized document is refused before it is held in memory whole, and
    UnicodeEncodeError for text UTF-8 cannot hold. `formula_safe` quotes
    text cells that start like a spreadsheet formula (`'=...`).
    """
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    for row in rows:
        cells = map(row.get, columns)  # csv writes None as an empty cell
        writer.writerow(map(_formula_safe, cells) if formula_safe else cells)
        if limit is not None and buffer.tell() > limit:  # characters: never more than the bytes they encode to
            raise OutputTooLarge(limit)
    data = buffer.getvalue().encode("utf-8")
    if limit is not None and len(data) > limit:
        raise OutputTooLarge(limit)
    return data


def temp_prefix(table: str) -> str:
    return f".{table}.csv."


def text_name(doc_id: str) -> Path:
    """`<doc_id>.txt` inside the texts folder; a doc_id with an empty, `.` or `..` part is refused."""
    parts = doc_id.split("/")
    if any(part in ("", ".", "..") for part in parts):
        raise ValueError(f"doc_id {doc_id!r} cannot name a file under {TEXTS}/")
    return Path(*parts[:-1], f"{parts[-1]}.txt")


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def remove_stale(out: Path, tables: Iterable[str]) -> int:
    """Delete temporary table files and text folders a killed run left; returns how many."""
    stale = [path for name in tables for path in out.glob(f"{temp_prefix(name)}*{TEMP_SUFFIX}")]
    stale += out.glob(f"{TEXTS_TEMP_PREFIX}*{TEMP_SUFFIX}")
    stale += out.glob(f"{PARTS_TEMP_PREFIX}*{TEMP_SUFFIX}")
    for path in stale:
        _remove(path)
    return len(stale)


@contextlib.contextmanager
def scratch_folder(parent: Path) -> Iterator[Path]:
    """A hidden folder for a run's part files, removed when the run ends, however it ends.

    Inside the output folder, a killed run's folder is removed by the next run like its temporary tables.
    """
    parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=PARTS_TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=parent))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Delay Ctrl-C and SIGTERM while tables are renamed, so the set is never half new."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _lock(out: Path) -> int | None:
    """An exclusive lock on the output folder itself, released by the system even if the run is killed."""
    if fcntl is None:
        return None
    fd = os.open(out, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise OutputBusy(f"another run is writing to {out}") from None
    return fd


def _sync_folder(folder: Path) -> None:
    """Make the renames durable; some systems cannot open a folder, which is fine."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


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
        self.committed = False
        self.texts = 0
        self._files: dict[str, tuple[str, BinaryIO]] = {}
        self._texts: Path | None = None
        self._lock = _lock(out)
        try:
            self.stale_removed = remove_stale(out, tables)
            mode = created_mode()
            for name, columns in tables.items():
                fd, tmp = tempfile.mkstemp(prefix=temp_prefix(name), suffix=TEMP_SUFFIX, dir=out)
                os.chmod(tmp, mode)
                handle = os.fdopen(fd, "wb")
                handle.write(render(columns, [dict(zip(columns, columns))]))
                self._files[name] = (tmp, handle)
        except BaseException:
            self.abort()
            raise

    def add(self, name: str, rows: Sequence[Mapping[str, object]]) -> None:
        self.write(name, render(self.columns[name], rows), len(rows))

    def write(self, name: str, data: bytes, count: int) -> None:
        """Append `count` rows already rendered by `render`."""
        self._files[name][1].write(data)
        self.counts[name] += count

    def add_part(self, name: str, part: Path, count: int) -> None:
        """Append a part file of `count` rows a worker wrote with `render` (no header), byte for byte."""
        with open(part, "rb") as source:
            shutil.copyfileobj(source, self._files[name][1])
        self.counts[name] += count

    def _texts_folder(self) -> Path:
        if self._texts is None:
            self._texts = Path(tempfile.mkdtemp(prefix=TEXTS_TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=self.out))
            os.chmod(self._texts, created_mode(folder=True))
        return self._texts

    def add_text_file(self, doc_id: str, path: Path) -> None:
        """Keep a document's text a worker wrote to `path` as `texts/<doc_id>.txt` (moved, not copied, when it can be)."""
        target = self._texts_folder() / text_name(doc_id)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(path, target)
        self.texts += 1

    def _replace_texts(self) -> Path | None:
        """Put this run's texts folder in place of the previous one (none if no document needed one); returns the old one."""
        final = self.out / TEXTS
        old = None
        if final.exists() or final.is_symlink():
            old = self.out / f"{TEXTS_TEMP_PREFIX}previous{TEMP_SUFFIX}"
            os.replace(final, old)
        if self._texts is not None:
            os.replace(self._texts, final)
            self._texts = None
        return old

    def commit(self) -> None:
        try:
            for _, handle in self._files.values():
                handle.flush()
                os.fsync(handle.fileno())
                handle.close()
            with _signals_held():
                for name, (tmp, _) in self._files.items():
                    os.replace(tmp, self.out / f"{name}.csv")
                self._files.clear()
                old_texts = self._replace_texts()
                self.committed = True
        except BaseException:
            self.abort()
            raise
        if old_texts is not None:
            _remove(old_texts)
        _sync_folder(self.out)
        self._release()

    def abort(self) -> None:
        for tmp, handle in self._files.values():
            handle.close()
            Path(tmp).unlink(missing_ok=True)
        self._files.clear()
        if self._texts is not None:
            _remove(self._texts)
            self._texts = None
        self._release()

    def _release(self) -> None:
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None

    def __enter__(self) -> "TableSink":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()
