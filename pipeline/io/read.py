"""Find raw documents and decode them as the contract says.

Decoding never guesses silently: an encoding that was detected rather than
declared (UTF-8 or a byte order mark) is named so the run can warn about it,
and input that is not text is refused with a clear reason so the rest of a
batch can go on.
"""

from __future__ import annotations

import codecs
import glob
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from pipeline.model import Document

SUFFIX = ".txt"
MEGABYTE = 1024 * 1024
DEFAULT_MAX_BYTES = 10 * MEGABYTE
SNIFF_BYTES = 65536
DETECT_BYTES = MEGABYTE
CONTROL_SHARE = 0.01

# Encodings a file states itself; anything else was guessed and deserves a warning.
DECLARED_ENCODINGS = frozenset({"utf-8", "utf-8-sig", "utf-16", "utf-32"})
BOMS = (  # UTF-32 first: its little-endian BOM starts like UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
)
SINGLE_BYTE_ENCODINGS = ["cp1252", "latin_1", "iso8859_15"]
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
GLOB_MAGIC = re.compile(r"[*?[]")


class InputError(Exception):
    """A document that cannot be read as text; the message says why."""


@dataclass(frozen=True)
class Source:
    """A file to read and the doc_id it gets."""

    path: Path
    doc_id: str


def shown(name: str | Path) -> str:
    """A file name as text UTF-8 can hold: bytes that are not UTF-8 are written `\\xe9`, so names stay distinct."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def doc_id_for(path: Path, root: Path | None) -> str:
    """Path relative to its input folder, without suffix, with `/` separators, as `shown`."""
    rel = path.relative_to(root) if root is not None else Path(path.name)
    return shown(rel.with_suffix("").as_posix())


def glob_root(pattern: str) -> Path:
    """The folder a glob's matches are relative to: its leading parts without wildcards."""
    parts = []
    for part in Path(pattern).parts:
        if GLOB_MAGIC.search(part):
            break
        parts.append(part)
    return Path(*parts) if parts else Path(".")


def _folder(folder: Path, root: Path) -> list[tuple[Path, Path | None]]:
    """`*.txt` under a folder, recursively, including broken links (they get an error row, not silence)."""
    return [(p, root) for p in sorted(folder.rglob(f"*{SUFFIX}")) if p.is_file() or (p.is_symlink() and not p.exists())]


def _candidates(item: str | Path) -> list[tuple[Path, Path | None]]:
    path = Path(item)
    if path.is_dir():
        return _folder(path, path)
    if path.is_file() or path.is_symlink():
        return [(path, None)]
    matches = sorted(glob.glob(str(item), recursive=True))
    if not matches:
        raise FileNotFoundError(f"no such file or folder: {item}")
    root = glob_root(str(item))
    found: list[tuple[Path, Path | None]] = []
    for match in map(Path, matches):
        if match.is_dir():
            found.extend(_folder(match, root))
        elif match.is_file():
            found.append((match, root))
    return found


def _real(path: Path) -> Path:
    """The file a path leads to; a link loop leads nowhere and stands for itself."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def discover(inputs: Iterable[str | Path]) -> Iterator[Source]:
    """Expand files, folders (recursively, `*.txt`) and globs; each real file once.

    Links are followed, and a file reached both directly and through a link
    is read once, under its own name. Raises FileNotFoundError for an input
    that matches nothing, so a typo is a usage error rather than an empty run.
    """
    chosen: dict[Path, tuple[Path, Path | None]] = {}
    for item in inputs:
        for path, root in _candidates(item):
            real = _real(path)
            kept = chosen.get(real)
            if kept is None or (kept[0].is_symlink() and not path.is_symlink()):
                chosen[real] = (path, root)
    for path, root in chosen.values():
        yield Source(path, doc_id_for(path, root))


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _strict(data: bytes, encoding: str, skip: int = 0) -> str:
    """Decode `data[skip:]`; a bad byte is reported at its offset in the file."""
    try:
        return data[skip:].decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(f"bad {encoding} byte at offset {skip + err.start}") from err


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text whose BOM was lost shows NUL in every other byte of its Latin text."""
    if len(data) % 2:
        return None
    sample = data[:SNIFF_BYTES]
    for encoding, zeros in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if zeros.count(0) >= 0.9 * len(zeros):
            return encoding
    return None


def _detect(data: bytes) -> tuple[str, str]:
    """Decode bytes that are not UTF-8 with the single-byte encoding that fits best."""
    best = from_bytes(data[:DETECT_BYTES], cp_isolation=SINGLE_BYTE_ENCODINGS).best()
    if best is None:
        raise InputError("undecodable bytes: not UTF-8 and no single-byte encoding fits")
    try:
        return data.decode(best.encoding), best.encoding
    except UnicodeDecodeError as err:
        raise InputError(f"undecodable bytes: not UTF-8, and byte {err.start} does not fit {best.encoding}") from err


def _decode_raw(data: bytes) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data, "utf-8", len(codecs.BOM_UTF8)), "utf-8-sig"
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _strict(data, encoding), encoding
    for signature, kind in SIGNATURES:
        if data.startswith(signature):
            raise InputError(f"binary file ({kind}), not text")
    if b"\x00" in data[:SNIFF_BYTES]:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise InputError("binary file (NUL bytes), not text")
        return _strict(data, encoding), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return _detect(data)


def decode(data: bytes) -> tuple[str, str]:
    """Return (text with `\\n` newlines, encoding). Raises InputError when the bytes are not text."""
    if not data:
        raise InputError("empty document")
    text, encoding = _decode_raw(data)
    if not text.strip():
        raise InputError("document holds only whitespace")
    controls = len(CONTROL.findall(text))
    if controls > CONTROL_SHARE * len(text):
        raise InputError(f"binary file ({controls} control characters in {len(text)}), not text")
    return normalise_newlines(text), encoding


def read(source: Source, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read and decode one file. Raises InputError with the reason it is not usable."""
    try:
        size = source.path.stat().st_size
        if size > max_bytes:
            raise InputError(f"document too large: {size / MEGABYTE:.1f} MB, limit {max_bytes / MEGABYTE:g} MB "
                             f"(split it into articles, or raise --max-size)")
        data = source.path.read_bytes()
    except OSError as err:
        if source.path.is_symlink() and not source.path.exists():
            raise InputError("cannot read: broken symbolic link (missing target or a loop)") from err
        raise InputError(f"cannot read: {err.strerror or err}") from err
    text, encoding = decode(data)
    return Document(source.doc_id, text, source.path, encoding)
