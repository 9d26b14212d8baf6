"""Find raw documents, decode them as the contract says, and render markup to text.

Plain text (`*.txt`, or a named file of any other suffix) is read as it is;
HTML pages and wikitext are decoded the same way, then rendered by their own
module (`html`, `wikitext`), and the Document says its text is derived.

Decoding never guesses silently: an encoding that was detected rather than
declared (UTF-8 or a byte order mark) is named so the run can warn about it,
and input that is not text is refused with a clear reason so the rest of a
batch can go on.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.io import dump
from pipeline.io.mojibake import repair_mojibake
from pipeline.io.rendered import MarkupError, Rendered
from pipeline.model import Document
from pipeline.text.relink import restore_link_spaces


def render_html(page: str) -> Rendered:
    """`pipeline.io.html.render_html`, imported on the first HTML page: a run of plain text never loads selectolax."""
    from pipeline.io.html import render_html

    return render_html(page)


def render_wikitext(source: str, title: str = "") -> Rendered:
    """`pipeline.io.wikitext.render_wikitext`, imported on the first wikitext page: a run of plain text never loads wikitextparser."""
    from pipeline.io.wikitext import render_wikitext

    return render_wikitext(source, title)


# Suffixes a folder is searched for, each with the renderer of its markup (None: plain text).
RENDERERS: dict[str, Callable[[str], Rendered] | None] = {
    ".txt": None,
    ".html": render_html,
    ".htm": render_html,
    ".wiki": render_wikitext,
    ".wikitext": render_wikitext,
}
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
REPLACED_SHARE = 0.01  # bytes that fit no encoding a text may hold before it is refused as not text
REPLACEMENT = "\ufffd"
MARK_ERRORS = "filmfiche-mark"
LINE_BREAKS = re.compile("[\x85\u2028\u2029]")
MARKED = re.compile("[\udc00-\udcff]")
MARKED_RUN = re.compile("[\udc00-\udcff]+")
NON_ASCII = re.compile("[^\x00-\x7f]")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x84\x86-\x9f]")  # U+0085 is a line break
GLOB_MAGIC = re.compile(r"[*?[]")


class InputError(Exception):
    """A document that cannot be read as text; the message says why."""


@dataclass(frozen=True)
class Source:
    """What to read and the doc_id it gets: a file, or one page of a dump (`part`, where its bytes lie).

    `problem` is set on a source that discovery could not list (a broken dump): reading it reports that.
    """

    path: Path
    doc_id: str
    part: dump.PagePart | None = None
    problem: str = ""


def shown(name: str | Path) -> str:
    """A file name as text UTF-8 can hold: bytes that are not UTF-8 are written `\\xe9`, so names stay distinct."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def known_suffix(path: Path) -> str | None:
    """The input suffix a file name ends with (any case), the longest when several fit."""
    name = path.name.lower()
    fits = [suffix for suffix in (*RENDERERS, *dump.SUFFIXES) if name.endswith(suffix)]
    return max(fits, key=len) if fits else None


def doc_id_for(path: Path, root: Path | None) -> str:
    """Path relative to its input folder, without suffix, with `/` separators, as `shown`."""
    rel = path.relative_to(root) if root is not None else Path(path.name)
    suffix = known_suffix(rel)
    if suffix is None or len(suffix) == len(rel.name):
        return shown(rel.with_suffix("").as_posix())
    return shown(rel.with_name(rel.name[:-len(suffix)]).as_posix())


def glob_root(pattern: str) -> Path:
    """The folder a glob's matches are relative to: its leading parts without wildcards."""
    parts = []
    for part in Path(pattern).parts:
        if GLOB_MAGIC.search(part):
            break
        parts.append(part)
    return Path(*parts) if parts else Path(".")


def glob_matches(pattern: str) -> list[Path]:
    """What a glob matches, sorted (only folders when it ends with `/`). `**` does not descend into linked folders (as a folder
    input does not), so a link loop cannot make it endless: `glob.glob` follows such links
    until the path is too long, and two loops make that exponential."""
    root = glob_root(pattern)
    if root == Path(pattern):  # no wildcard
        return [root] if root.exists() or root.is_symlink() else []
    matches = sorted(root.glob(Path(pattern).relative_to(root).as_posix()))
    return [m for m in matches if m.is_dir()] if pattern.endswith(("/", os.sep)) else matches


def _folder(folder: Path, root: Path) -> list[tuple[Path, Path | None]]:
    """Files with a known suffix under a folder, recursively: everything but folders, so broken links
    and special files (FIFOs, devices) get an error row, not silence."""
    return [(p, root) for p in sorted(folder.rglob("*")) if known_suffix(p) and not p.is_dir()]


def _candidates(item: str | Path) -> list[tuple[Path, Path | None]]:
    path = Path(item)
    if path.is_dir():
        return _folder(path, path)
    if path.exists() or path.is_symlink():
        return [(path, None)]
    matches = glob_matches(str(item))
    if not matches:
        raise FileNotFoundError(f"no such file or folder: {item}")
    root = glob_root(str(item))
    found: list[tuple[Path, Path | None]] = []
    for match in map(Path, matches):
        if match.is_dir():
            found.extend(_folder(match, root))
        else:
            found.append((match, root))
    return found


def _real(path: Path) -> Path:
    """The file a path leads to; a link loop leads nowhere and stands for itself."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def _through_link(path: Path, real: Path) -> bool:
    """Whether the path reaches its file through a link (itself or a folder on the way)."""
    return path.absolute() != real


def discover(inputs: Iterable[str | Path], jobs: int = 1) -> Iterator[Source]:
    """Expand files, folders (recursively, every known suffix) and globs; each real file once.

    Links are followed, and a file reached both directly and through a link
    is read once, under its own name. A dump is listed page by page, over `jobs`
    processes when its multistream index is beside it. Raises FileNotFoundError for an input
    that matches nothing, so a typo is a usage error rather than an empty run.
    """
    chosen: dict[Path, tuple[Path, Path | None]] = {}
    for item in inputs:
        for path, root in _candidates(item):
            real = _real(path)
            kept = chosen.get(real)
            if kept is None or (_through_link(kept[0], real) and not _through_link(path, real)):
                chosen[real] = (path, root)
    for path, root in chosen.values():
        if dump.is_dump(path):
            yield from _dump_pages(path, doc_id_for(path, root), jobs)
        else:
            yield Source(path, doc_id_for(path, root))


def _dump_pages(path: Path, doc_id: str, jobs: int) -> Iterator[Source]:
    """One source per film or person page, `<dump doc_id>/<title>`; a dump that cannot be listed, or
    holds no such page, is one source whose reading reports it."""
    pages = 0
    try:
        for ref in dump.list_pages(path, jobs):
            pages += 1
            yield Source(path, f"{doc_id}/{dump.page_name(ref.title)}", ref.part)
    except dump.DumpError as err:
        yield Source(path, doc_id, problem=f"dump: {err}")
    except OSError as err:
        yield Source(path, doc_id, problem=f"cannot read: {err.strerror or err}")
    else:
        if not pages:
            yield Source(path, doc_id, problem="dump: no film or person page (namespace 0, not a redirect) in it")


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _mark_bad_bytes(err: UnicodeDecodeError) -> tuple[str, int]:
    """Stand in for each byte the codec refused with a lone surrogate, which no valid decoding yields."""
    return "".join(chr(0xDC00 + b) for b in err.object[err.start:err.end]), err.end


codecs.register_error(MARK_ERRORS, _mark_bad_bytes)


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the encoding used and how many bytes did not fit it (each now U+FFFD)."""

    text: str
    encoding: str
    replaced: int = 0


def _lenient(data: bytes, encoding: str) -> tuple[str, int, int]:
    """The text with one U+FFFD for each byte that does not fit `encoding`, how many there
    were, and how many more characters outside ASCII were read than runs of bad bytes."""
    marked = data.decode(encoding, MARK_ERRORS)
    bad = len(MARKED.findall(marked))
    return MARKED.sub(REPLACEMENT, marked), bad, len(NON_ASCII.findall(marked)) - bad - len(MARKED_RUN.findall(marked))


def _within_share(data: bytes, text: str, bad: int, encoding: str) -> Decoded:
    """The decoded text, unless more than REPLACED_SHARE of the bytes had to be replaced."""
    if bad > REPLACED_SHARE * len(data):
        raise InputError(f"undecodable bytes: {bad} of {len(data)} bytes do not fit {encoding}")
    return Decoded(text, encoding, bad)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text whose BOM was lost shows NUL in every other byte of its Latin text."""
    if len(data) % 2:
        return None
    sample = data[:SNIFF_BYTES]
    for encoding, zeros in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if zeros.count(0) >= 0.9 * len(zeros):
            return encoding
    return None


def _not_utf8(data: bytes) -> Decoded:
    """Bytes that are not all UTF-8: UTF-8 with a few stray bytes replaced when its characters
    outnumber the runs of bad bytes (a good article with one bad byte, or cut inside a
    character), else the single-byte encoding that fits best (cp1252 when none stands out):
    a cp1252 text holds almost no valid UTF-8 sequence, and each of its accents is a bad run."""
    from charset_normalizer import from_bytes  # loaded only for text that is not UTF-8

    text, bad, margin = _lenient(data, "utf-8")
    if margin > 0:
        return _within_share(data, text, bad, "utf-8")
    best = from_bytes(data[:DETECT_BYTES], cp_isolation=SINGLE_BYTE_ENCODINGS).best()
    encoding = best.encoding if best is not None else SINGLE_BYTE_ENCODINGS[0]
    text, bad, _ = _lenient(data, encoding)
    return _within_share(data, text, bad, encoding)


def _decode_raw(data: bytes) -> Decoded:
    if data.startswith(codecs.BOM_UTF8):
        text, bad, _ = _lenient(data[len(codecs.BOM_UTF8):], "utf-8")
        return _within_share(data, text, bad, "utf-8-sig")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            text, bad, _ = _lenient(data, encoding)
            return _within_share(data, text, bad, encoding)
    for signature, kind in SIGNATURES:
        if data.startswith(signature):
            raise InputError(f"binary file ({kind}), not text")
    if b"\x00" in data[:SNIFF_BYTES]:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise InputError("binary file (NUL bytes), not text")
        text, bad, _ = _lenient(data, encoding)
        return _within_share(data, text, bad, encoding)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        return _not_utf8(data)


def decode(data: bytes) -> Decoded:
    """The text with `\\n` newlines. Raises InputError when the bytes are not text."""
    if not data:
        raise InputError("empty document")
    decoded = _decode_raw(data)
    text = decoded.text
    if not text.strip():
        raise InputError("document holds only whitespace")
    controls = len(CONTROL.findall(text))
    if controls > CONTROL_SHARE * len(text):
        raise InputError(f"binary file ({controls} control characters in {len(text)}), not text")
    return Decoded(normalise_newlines(text), decoded.encoding, decoded.replaced)


def _too_large(size: str, max_bytes: int) -> InputError:
    return InputError(f"document too large: {size}, limit {max_bytes / MEGABYTE:g} MB (split it into articles, or raise --max-size)")


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, at most `max_bytes`: the limit holds on what is read, whatever the size
    `stat` gives (0 for a device or a file under /proc). Only regular files are read: opened
    without blocking, a FIFO with no writer is refused instead of waiting forever."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with open(fd, "rb") as handle:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise InputError(f"special file ({_file_kind(mode)}), not a regular file")
        size = os.fstat(fd).st_size
        if size > max_bytes:
            raise _too_large(f"{size / MEGABYTE:.1f} MB", max_bytes)
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _too_large(f"more than {max_bytes / MEGABYTE:g} MB read", max_bytes)
    return data


def _file_kind(mode: int) -> str:
    kinds = ((stat.S_ISFIFO, "FIFO"), (stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device"),
             (stat.S_ISSOCK, "socket"), (stat.S_ISDIR, "folder"))
    return next((name for test, name in kinds if test(mode)), "not a file")


def _read_page(source: Source, part: dump.PagePart, max_bytes: int) -> Document:
    """One page of a dump, its wikitext rendered under its title."""
    try:
        page = dump.page_bytes(source.path, part)
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}") from err
    if len(page) > max_bytes:
        raise _too_large(f"{len(page) / MEGABYTE:.1f} MB", max_bytes)
    try:
        title, wikitext = dump.page_wikitext(page)
        rendered = render_wikitext(wikitext, title)
    except (ValueError, MarkupError) as err:
        raise InputError(str(err)) from err
    text, repairs = _normalise(rendered.text)
    return Document(source.doc_id, text, source.path, "utf-8", derived=True, notes=rendered.notes + repairs)


def read(source: Source, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read and decode one file, or one page of a dump. Raises InputError with the reason it is not usable."""
    if source.problem:
        raise InputError(source.problem)
    if source.part is not None:
        return _read_page(source, source.part, max_bytes)
    try:
        data = _read_bytes(source.path, max_bytes)
    except OSError as err:
        if source.path.is_symlink() and not source.path.exists():
            raise InputError("cannot read: broken symbolic link (missing target or a loop)") from err
        raise InputError(f"cannot read: {err.strerror or err}") from err
    decoded = decode(data)
    notes = (f"{decoded.replaced} {'byte' if decoded.replaced == 1 else 'bytes'} that did not fit {decoded.encoding} "
             f"replaced with U+FFFD",) if decoded.replaced else ()
    text, repaired = repair_mojibake(decoded.text)
    notes += repaired
    derived = bool(notes)
    render = RENDERERS.get(known_suffix(source.path) or "")
    if render is not None:
        try:
            rendered = render(text)
        except MarkupError as err:
            raise InputError(str(err)) from err
        text, derived, notes = rendered.text, True, notes + rendered.notes
    text, repairs = _normalise(text)
    return Document(source.doc_id, text, source.path, decoded.encoding, derived=derived or bool(repairs), notes=notes + repairs)


def _normalise(text: str) -> tuple[str, tuple[str, ...]]:
    """The rendered or decoded text as the extractors read it, whatever the format it came from:
    Unicode line breaks and NFC, then the spaces a mirror lost around links; a note for each change."""
    text, repairs = normalise_unicode(text)
    text, restored = restore_link_spaces(text)
    if restored:
        repairs += (f"spaces lost around links restored in {restored} {'place' if restored == 1 else 'places'}",)
    return text, repairs


def normalise_unicode(text: str) -> tuple[str, tuple[str, ...]]:
    """The text the extractors read: Unicode line breaks as `\\n` and NFC, and a note for each change.

    The rules are written for composed accents (`é`, not `e` + U+0301) and
    lines ending in `\\n`; a document that needed either is written to
    texts/, so offsets index exactly the text that was read.
    """
    notes = []
    breaks = len(LINE_BREAKS.findall(text))
    if breaks:
        text = LINE_BREAKS.sub("\n", text)  # one character for one: offsets still match the file's characters
        notes.append(f"{breaks} Unicode line {'break' if breaks == 1 else 'breaks'} (U+0085, U+2028, U+2029) read as \\n")
    composed = unicodedata.normalize("NFC", text)
    if composed != text:
        notes.append(f"text normalised to NFC ({len(text) - len(composed)} characters fewer); offsets index the text in texts/")
    return composed, tuple(notes)
