"""MediaWiki dumps (`*.xml`, `*.xml.bz2`): list the film and person pages, then read any one of them alone.

Listing streams the dump once, page by page, holding one bz2 stream (or one
page of plain XML) at a time, so memory does not grow with the dump. Each
page kept (namespace 0, not a redirect, selected by `pipeline/data/dump_pages.tsv`)
becomes a `PagePart`: where its bytes lie in the file. A worker reads a page
by seeking there, so pages go to `--jobs` processes like files do; in a
multistream dump (many bz2 streams, as Wikimedia publishes them) that means
decompressing one stream of about a hundred pages; each process keeps the
last streams it decompressed, up to a fixed number of bytes. With the
multistream index beside the dump (`<name>-index.txt.bz2`, whose lines start
with the offset of a stream), listing itself is split by stream offsets over
`jobs` processes.
"""

from __future__ import annotations

import bz2
import hashlib
import html
import re
import multiprocessing
import xml.etree.ElementTree as ET
from collections import OrderedDict
from concurrent.futures import ProcessPoolExecutor
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pipeline.vocab import rows

SUFFIXES = (".xml", ".xml.bz2")
CHUNK = 1 << 20
RANGES_PER_JOB = 4  # ranges of streams listed per process, so an unlucky range does not leave the others idle
INDEX_SUFFIX = "-index.txt.bz2"
MAX_STREAM_BYTES = 256 << 20  # one bz2 stream decompressed; a dump in one huge stream cannot be read page by page
# Decompressed streams a process keeps: pages are read in title order, not dump order, so without
# this a dump dense in films would decompress each stream once per page it holds.
CACHED_STREAM_BYTES = 48 << 20
MAX_NAME_BYTES = 200  # a doc_id part is a file name under texts/
PAGE_START, PAGE_END = b"<page>", b"</page>"
TITLE = re.compile(rb"<title>(.*?)</title>", re.DOTALL)
NAMESPACE = re.compile(rb"<ns>\s*(-?\d+)\s*</ns>")
REDIRECT = re.compile(rb"<redirect[\s/>]")
TEXT = re.compile(rb"<text\b[^>]*>(.*?)</text>", re.DOTALL)


class DumpError(Exception):
    """A dump that cannot be listed (truncated, not a MediaWiki export); the message says why."""


@dataclass(frozen=True)
class PagePart:
    """Where a page lies: bytes [offset, offset + size) of the file; for a bz2 stream, the page is
    bytes [start, end) of what they decompress to, else the bytes are the page itself."""

    offset: int
    size: int
    start: int = 0
    end: int = 0
    compressed: bool = False


@dataclass(frozen=True)
class PageRef:
    title: str
    kind: str
    part: PagePart


@cache
def page_kinds() -> list[tuple[re.Pattern[str], str]]:
    """Patterns that select a page by its wikitext, with the kind of article they show (checked by the vocabulary loader)."""
    return [(re.compile(pattern, re.IGNORECASE | re.MULTILINE), kind) for pattern, kind in rows("dump_pages.tsv")]


def is_dump(path: Path) -> bool:
    return path.name.lower().endswith(SUFFIXES)


def page_name(title: str) -> str:
    """A title as one doc_id part: `%` and `/` escaped (`Face%2FOff`), a very long title cut and tagged with its hash."""
    name = title.replace("%", "%25").replace("/", "%2F")
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        digest = hashlib.sha1(title.encode("utf-8")).hexdigest()[:10]
        name = name.encode("utf-8")[:MAX_NAME_BYTES - 11].decode("utf-8", "ignore") + "~" + digest
    return name


def _kind(page: bytes) -> str | None:
    """film or person for a page the run reads, None for the others (other namespaces, redirects, other subjects)."""
    ns = NAMESPACE.search(page)
    if ns is None or ns.group(1) != b"0" or REDIRECT.search(page):
        return None
    texts = TEXT.findall(page)  # the last revision's, in a dump with history
    if not texts:
        return None
    wikitext = html.unescape(texts[-1].decode("utf-8", "replace"))
    for pattern, kind in page_kinds():
        if pattern.search(wikitext):
            return kind
    return None


def _pages(data: bytes, base: int) -> Iterator[tuple[int, int, bytes]]:
    """(start, end, page bytes) of every whole page in data; positions are `base` + index in data."""
    pos = 0
    while (start := data.find(PAGE_START, pos)) != -1:
        end = data.find(PAGE_END, start)
        if end == -1:
            return
        end += len(PAGE_END)
        yield base + start, base + end, data[start:end]
        pos = end


def _ref(page: bytes, part: PagePart) -> PageRef | None:
    kind = _kind(page)
    if kind is None:
        return None
    title = TITLE.search(page)
    if title is None:
        return None
    return PageRef(html.unescape(title.group(1).decode("utf-8", "replace")).strip(), kind, part)


def _plain_refs(path: Path) -> Iterator[PageRef]:
    """Pages of an uncompressed export, read a chunk at a time; a page's part is its own bytes."""
    with open(path, "rb") as handle:
        buffer, base = b"", 0
        while True:
            chunk = handle.read(CHUNK)
            buffer += chunk
            kept = 0
            for start, end, page in _pages(buffer, base):
                ref = _ref(page, PagePart(start, end - start))
                if ref is not None:
                    yield ref
                kept = end - base
            if not chunk:
                break
            cut = buffer.find(PAGE_START, kept)
            cut = kept if cut == -1 else cut
            buffer, base = buffer[cut:], base + cut
            if len(buffer) > MAX_STREAM_BYTES:
                raise DumpError(f"a page of more than {MAX_STREAM_BYTES >> 20} MB at byte {base}; not a MediaWiki export?")


def _streams(path: Path, start: int = 0, stop: int | None = None) -> Iterator[tuple[int, int, bytes]]:
    """(offset, compressed size, decompressed bytes) of each bz2 stream from byte `start` up to `stop`, one at a time."""
    with open(path, "rb") as handle:
        offset = start
        while stop is None or offset < stop:
            handle.seek(offset)
            decompressor, parts, size, out = bz2.BZ2Decompressor(), [], 0, 0
            while not decompressor.eof:
                block = handle.read(CHUNK)
                if not block:
                    if size == 0:
                        return
                    raise DumpError(f"bz2 stream at byte {offset} is cut short (an incomplete download?)")
                try:
                    data = decompressor.decompress(block)
                except OSError as err:
                    raise DumpError(f"bz2 stream at byte {offset} is corrupt: {err}") from err
                out += len(data)
                if out > MAX_STREAM_BYTES:
                    raise DumpError(f"one bz2 stream holds more than {MAX_STREAM_BYTES >> 20} MB: use the multistream "
                                    f"dump (pages-articles-multistream.xml.bz2) or decompress it")
                parts.append(data)
                size += len(block) - len(decompressor.unused_data) if decompressor.eof else len(block)
            yield offset, size, b"".join(parts)
            offset += size


def _bz2_refs(path: Path, first: int = 0, stop: int | None = None) -> Iterator[PageRef]:
    for offset, size, data in _streams(path, first, stop):
        for start, end, page in _pages(data, 0):
            ref = _ref(page, PagePart(offset, size, start, end, compressed=True))
            if ref is not None:
                yield ref


def _range_refs(task: tuple[Path, int, int | None]) -> list[PageRef]:
    return list(_bz2_refs(*task))


def index_beside(path: Path) -> Path | None:
    """The multistream index Wikimedia publishes with a dump, when it is there."""
    name = path.name
    if not name.lower().endswith(".xml.bz2"):
        return None
    index = path.with_name(name[:-len(".xml.bz2")] + INDEX_SUFFIX)
    return index if index.is_file() else None


def stream_offsets(index: Path) -> list[int]:
    """The offsets of the streams holding pages, from the index's `offset:page_id:title` lines."""
    offsets = set()
    try:
        with bz2.open(index, "rb") as lines:
            for line in lines:
                head = line.split(b":", 1)[0].strip()
                if head:
                    offsets.add(int(head))
    except (OSError, ValueError, EOFError) as err:
        raise DumpError(f"index {index.name} is not a multistream index: {err}") from err
    return sorted(offsets)


def _ranges(offsets: list[int], count: int) -> list[tuple[int, int | None]]:
    """`count` runs of consecutive streams, the last one to the end of the file (the footer stream)."""
    step = max(1, -(-len(offsets) // count))
    starts = offsets[::step]
    return [(a, b) for a, b in zip(starts, [*starts[1:], None])]


def _parallel_refs(path: Path, index: Path, jobs: int) -> Iterator[PageRef]:
    tasks = [(path, a, b) for a, b in _ranges(stream_offsets(index), jobs * RANGES_PER_JOB)]
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
        for refs in pool.map(_range_refs, tasks):
            yield from refs


def list_pages(path: Path, jobs: int = 1) -> Iterator[PageRef]:
    """The film and person pages of a dump, in dump order; split over `jobs` processes when the
    multistream index is beside the dump. Raises DumpError when it cannot go on."""
    index = index_beside(path) if jobs > 1 else None
    if index is not None:
        yield from _parallel_refs(path, index, jobs)
    elif path.name.lower().endswith(".bz2"):
        yield from _bz2_refs(path)
    else:
        yield from _plain_refs(path)


_STREAMS: OrderedDict[tuple[str, int, int], bytes] = OrderedDict()


def _stream(path: Path, part: PagePart) -> bytes:
    """A bz2 stream decompressed, from the process's cache of the streams used last (CACHED_STREAM_BYTES at most)."""
    key = (str(path), part.offset, part.size)
    data = _STREAMS.get(key)
    if data is not None:
        _STREAMS.move_to_end(key)
        return data
    with open(path, "rb") as handle:
        handle.seek(part.offset)
        data = bz2.decompress(handle.read(part.size))
    _STREAMS[key] = data
    held = sum(map(len, _STREAMS.values()))
    while held > CACHED_STREAM_BYTES and len(_STREAMS) > 1:
        held -= len(_STREAMS.popitem(last=False)[1])
    return data


def page_bytes(path: Path, part: PagePart) -> bytes:
    if part.compressed:
        return _stream(path, part)[part.start:part.end]
    with open(path, "rb") as handle:
        handle.seek(part.offset)
        return handle.read(part.size)


def page_wikitext(page: bytes) -> tuple[str, str]:
    """(title, wikitext of its last revision) of one `<page>` element. Raises ValueError when it is not one."""
    try:
        element = ET.fromstring(page)
    except ET.ParseError as err:
        raise ValueError(f"page is not well-formed XML: {err}") from err
    revisions = element.findall("revision")
    text = revisions[-1].findtext("text") if revisions else None
    if element.tag != "page" or text is None:
        raise ValueError("not a MediaWiki page (no <revision><text>)")
    return (element.findtext("title") or "").strip(), text
