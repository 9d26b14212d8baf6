"""Stable ASCII identifiers for films and people."""

from __future__ import annotations

import unicodedata

import regex

NOT_SLUG = regex.compile(r"[^a-z0-9]+")
MAX_ID_CHARS = 80  # of the slug an id is made from: an id is repeated on every row of its entity


def slugify(value: str) -> str:
    """`Le Chant des Dunes` -> `le-chant-des-dunes`; empty when nothing Latin is left."""
    ascii_text = unicodedata.normalize("NFKD", value.replace("’", "'")).encode("ascii", "ignore").decode()
    return NOT_SLUG.sub("-", ascii_text.lower()).strip("-")


def shorten(slug: str) -> str:
    """The slug cut to MAX_ID_CHARS, at a word boundary when there is one."""
    if len(slug) <= MAX_ID_CHARS:
        return slug
    cut = slug[:MAX_ID_CHARS]
    if slug[MAX_ID_CHARS] != "-" and "-" in cut:
        cut = cut.rsplit("-", 1)[0]
    return cut.strip("-")


class IdAllocator:
    """Hands out ids unique within a run: `zanka-2011`, then `zanka-2011-2`."""

    def __init__(self) -> None:
        self._used: set[str] = set()
        self._next: dict[str, int] = {}

    def allocate(self, base: str) -> str:
        candidate, n = base, self._next.get(base, 1)
        while candidate in self._used:
            n += 1
            candidate = f"{base}-{n}"
        self._next[base] = n
        self._used.add(candidate)
        return candidate


class RecordingAllocator(IdAllocator):
    """Gives ids from its own state, or from a shared allocator's, and records (base, id) in order.

    A worker gives ids as if its chunk were the whole run; the record lets the
    parent replay the same requests on the run's allocator, in doc_id order,
    and learn which ids change.
    """

    def __init__(self, shared: IdAllocator | None = None) -> None:
        super().__init__()
        self._shared = shared
        self.given: list[tuple[str, str]] = []

    def allocate(self, base: str) -> str:
        given = self._shared.allocate(base) if self._shared is not None else super().allocate(base)
        self.given.append((base, given))
        return given


def settle(ids: IdAllocator, given: list[tuple[str, str]]) -> dict[str, str]:
    """Replay a chunk's requests on the run's allocator; the ids that differ, old -> new."""
    renamed = {}
    for base, provisional in given:
        final = ids.allocate(base)
        if final != provisional:
            renamed[provisional] = final
    return renamed
