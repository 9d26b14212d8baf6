"""Find raw documents and decode them as the contract says.

Decoding never guesses silently: anything but UTF-8 is reported as a warning
naming the encoding used, and input that is not text is refused with a clear
reason so the rest of a batch can go on.
"""

from __future__ import annotations

import codecs
import glob
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from pipeline.model import Document

SUFFIX = ".txt"
MAX_BYTES = 200 * 1024 * 1024


class InputError(Exception):
    """A document that cannot be read as text; the message says why."""


@dataclass(frozen=True)
class Source:
    """A file to read and the doc_id it gets."""

    path: Path
    doc_id: str


def doc_id_for(path: Path, root: Path | None) -> str:
    """Path relative to its input folder, without suffix, with `/` separators."""
    rel = path.relative_to(root) if root is not None else Path(path.name)
    return rel.with_suffix("").as_posix()


def discover(inputs: Iterable[str | Path]) -> Iterator[Source]:
    """Expand files, folders (recursively, `*.txt`) and globs; each real file once.

    Raises FileNotFoundError for an input that matches nothing, so a typo is
    a usage error rather than an empty run.
    """
    seen: set[Path] = set()
    for item in inputs:
        item_path = Path(item)
        if item_path.is_dir():
            candidates = [(p, item_path) for p in sorted(item_path.rglob(f"*{SUFFIX}"))]
        elif item_path.exists():
            candidates = [(item_path, None)]
        else:
            matches = sorted(glob.glob(str(item), recursive=True))
            if not matches:
                raise FileNotFoundError(f"no such file or folder: {item}")
            candidates = [(Path(m), None) for m in matches if Path(m).is_file()]
        for path, root in candidates:
            if not path.is_file():
                continue
            real = path.resolve()
            if real in seen:
                continue
            seen.add(real)
            yield Source(path, doc_id_for(path, root))


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding). Raises InputError when the bytes are not text."""
    if not data.strip():
        raise InputError("empty document" if not data else "document holds only whitespace")
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return normalise_newlines(data.decode(encoding)), encoding
            except UnicodeDecodeError as err:
                raise InputError(f"bad {encoding} byte at offset {err.start}") from err
    if b"\x00" in data[:65536]:
        raise InputError("binary file (NUL bytes), not text")
    try:
        return normalise_newlines(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:1_000_000], cp_isolation=["cp1252", "latin_1", "iso8859_15"]).best()
    if best is None:
        raise InputError("undecodable bytes: not UTF-8 and no single-byte encoding fits")
    encoding = best.encoding
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(f"undecodable bytes at offset {err.start}") from err
    if sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\t\n\r\f") > 0.01 * min(len(text), 65536):
        raise InputError("binary file (control bytes), not text")
    return normalise_newlines(text), encoding


def read(source: Source) -> Document:
    """Read and decode one file. Raises InputError with the reason it is not usable."""
    size = source.path.stat().st_size
    if size > MAX_BYTES:
        raise InputError(f"document too large ({size // (1024 * 1024)} MB > {MAX_BYTES // (1024 * 1024)} MB)")
    try:
        data = source.path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror}") from err
    text, encoding = decode(data)
    return Document(source.doc_id, text, source.path, encoding)
