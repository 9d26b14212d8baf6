"""Split an infobox cell that runs several people's names together with plain spaces.

`Scénario | Awa Sy Omar Ly Diop |` lost the separators between names. The
cell is cut into names of two or three words (a particle or an initial
counts with the word after it: `Ben Ali`, `J. Keller`), choosing the cut
that (1) gives the most names the article writes elsewhere on their own
(the whole run counts as one such cut), (2) has the most two-word names,
the commonest shape, and (3) when that still ties,
agrees best with the person entities spaCy's NER finds in the cell.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import cache

import regex

from pipeline.model import Span
from pipeline.text.particles import PARTICLE_WORDS
from pipeline.vocab import entries

WORD = regex.compile(r"\S+")
INITIAL = regex.compile(r"\p{Lu}\.")
# Fewer words than this read as one name with its middle names.
MIN_WORDS = 4
MAX_WORDS = 12
PIECE_SIZES = (2, 3)
QUOTES = frozenset("\"«“")
NICKNAME = regex.compile(r"[ \u00a0]*[\"«“][^\"»”]+[\"»”]")

Ner = Callable[[str], Sequence[tuple[int, int]]]


def name_words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The words of a name run, a particle or an initial joined to the word after it,
    a quoted nickname (`Omar Ly "Doss"`) to the word before it."""
    words = [(m.start(), m.end()) for m in WORD.finditer(text, start, end)]
    joined: list[tuple[int, int]] = []
    pending: int | None = None
    for a, b in words:
        word = text[a:b]
        if word[:1] in QUOTES and joined and pending is None:
            joined[-1] = (joined[-1][0], b)
            continue
        if pending is None:
            pending = a
        if (word.casefold() in PARTICLE_WORDS or INITIAL.fullmatch(word)) and (a, b) != words[-1]:
            continue
        joined.append((pending, b))
        pending = None
    return joined


def is_name_run(text: str, start: int, end: int) -> bool:
    """Several capitalised words with no separator: a candidate run of names."""
    words = text[start:end].split()
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return False
    if not all(w[:1].isupper() or w.casefold() in PARTICLE_WORDS or w[:1] in QUOTES for w in words):
        return False
    return len(name_words(text, start, end)) >= MIN_WORDS and not any(ch.isdigit() for ch in text[start:end])


@cache
def _cuts(count: int) -> tuple[tuple[int, ...], ...]:
    """Every way to cut `count` words into names of two or three words."""
    if count == 0:
        return ((),)
    found = []
    for size in PIECE_SIZES:
        if size <= count:
            found.extend((size, *rest) for rest in _cuts(count - size))
    return tuple(found)


def _pieces(words: list[tuple[int, int]], sizes: tuple[int, ...]) -> Iterator[tuple[int, int]]:
    pos = 0
    for size in sizes:
        yield words[pos][0], words[pos + size - 1][1]
        pos += size


CAPITALISED_BEFORE = regex.compile(r"\p{Lu}[\p{L}.'’-]*[ \u00a0]+$")
CAPITALISED_AFTER = regex.compile(r"[ \u00a0]+\p{Lu}")
LETTER_OR_NUMBER = regex.compile(r"[\p{L}\p{N}]")


def _whole_word_at(text: str, name: str) -> Iterator[int]:
    """Where `name` stands in text with no letter or digit against it, left to right
    and without overlaps: a string search, not a pattern compiled per name."""
    at = text.find(name)
    while at != -1:
        end = at + len(name)
        if (at == 0 or not LETTER_OR_NUMBER.match(text, at - 1)) and not LETTER_OR_NUMBER.match(text, end):
            yield at
            at = text.find(name, end)
        else:
            at = text.find(name, at + 1)


def _elsewhere(text: str, start: int, end: int, cell: tuple[int, int]) -> bool:
    """The name text[start:end] is written on its own somewhere outside the cell
    (not inside a longer run of capitalised words)."""
    name = text[start:end]
    for at in _whole_word_at(text, name):
        if cell[0] <= at < cell[1]:
            continue
        if CAPITALISED_BEFORE.search(text, max(0, at - 40), at) or CAPITALISED_AFTER.match(text, at + len(name)):
            continue
        return True
    return False


def split_name_run(text: str, start: int, end: int, ner: Ner | None = None) -> list[Span]:
    """The names of a run, in text order; the run itself when the article writes it
    elsewhere as one name and not its parts."""
    words = name_words(text, start, end)
    cell = (start, end)
    cuts = (*_cuts(len(words)), (len(words),))
    known: dict[tuple[int, int], bool] = {}

    def known_count(sizes: tuple[int, ...]) -> int:
        total = 0
        for piece in _pieces(words, sizes):
            if piece not in known:
                known[piece] = _elsewhere(text, *piece, cell)
            total += known[piece]
        return total

    def shape(sizes: tuple[int, ...]) -> int:
        return sizes.count(2) if len(sizes) > 1 else -1

    ranked = sorted(cuts, key=lambda sizes: (-known_count(sizes), -shape(sizes)))
    best = ranked[0]
    ties = [s for s in ranked if known_count(s) == known_count(best) and shape(s) == shape(best)]
    if len(ties) > 1 and ner is not None:
        entities = {(start + a, start + b) for a, b in ner(text[start:end])}
        best = max(ties, key=lambda sizes: sum(piece in entities for piece in _pieces(words, sizes)))
    return [_without_nickname(text, a, b) for a, b in _pieces(words, best)]


def _without_nickname(text: str, a: int, b: int) -> Span:
    nickname = NICKNAME.search(text, a, b)
    if nickname and nickname.end() == b:
        b = nickname.start()
        while b > a and text[b - 1].isspace():
            b -= 1
    return Span(a, b, text[a:b])


ARTICLES = frozenset({"le", "la", "les"})
ELIDED = regex.compile(r"^[ld]['’]\p{Lu}", regex.IGNORECASE)
LINKING = frozenset({"de", "du", "des", "la", "le", "les", "et", "en", "pour", "sur", "à", "au", "aux"})
ACRONYM = regex.compile(r"\p{Lu}{2,}")


@cache
def company_openers() -> frozenset[str]:
    return frozenset(entries("company_openers.txt"))


def _company_tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Words of a run, a parenthesis kept with the word before it (`Filmstiftung (F.S.N.)`)."""
    tokens: list[tuple[int, int]] = []
    for m in WORD.finditer(text, start, end):
        if tokens and text[m.start()] == "(" or (tokens and text[tokens[-1][0]:tokens[-1][1]].count("(") > text[tokens[-1][0]:tokens[-1][1]].count(")")):
            tokens[-1] = (tokens[-1][0], m.end())
        else:
            tokens.append((m.start(), m.end()))
    return tokens


def _names_a_company(text: str, tokens: list[tuple[int, int]], company_words: frozenset[str]) -> bool:
    """Whether the words from the first token up to the next acronym, article or company
    opener hold a company word."""
    for n, (a, b) in enumerate(tokens):
        word = text[a:b].casefold()
        if n and (ACRONYM.fullmatch(text, a, b) or word in ARTICLES or word in company_openers()):
            return False
        if word in company_words:
            return True
    return False


def split_company_run(text: str, start: int, end: int, company_words: frozenset[str]) -> list[Span]:
    """`Sahel Films Les Productions du Fleuve ZDF` -> three companies.

    A new name starts after a company word ending a name (`Films`, `Cinéma`;
    not one that opens it, `Canal Ouest`, `Les Productions ...`), before an
    acronym (`ZDF`) and after one unless a company word follows (`KTV Cinema`),
    before a capitalised article (`Les`) or a word opening a company name
    (`... Losange Société Nouvelle`), after a lower-case word that links
    nothing (`... associée Filmkollektiv`) and after an elided complement when
    the words after it, up to the next such start, hold a company word
    (`Les Films de l'Aube Marta Keller Stiftung`; not `... de l'Image Animée`).
    """
    tokens = _company_tokens(text, start, end)
    pieces: list[list[tuple[int, int]]] = [[tokens[0]]] if tokens else []
    for i, (prev, token) in enumerate(zip(tokens, tokens[1:]), 1):
        before = text[prev[0]:prev[1]].split(" (")[0]
        word = text[token[0]:token[1]]
        current = [text[a:b] for a, b in pieces[-1]]
        starts_upper = word[:1].isupper()
        after_company = (before.casefold() in company_words and before.casefold() not in company_openers()
                         and (word.casefold() not in company_words or word.casefold() in company_openers())
                         and len(current) >= 2
                         and not (len(current) == 2 and current[0].casefold() in ARTICLES))
        boundary = starts_upper and (
            after_company
            or ACRONYM.fullmatch(word) or (ACRONYM.fullmatch(before) and word.casefold() not in company_words)
            or word.casefold() in ARTICLES
            or (word.casefold() in company_openers() and before.casefold() not in LINKING)
            or (before[:1].islower() and before not in LINKING and not ELIDED.match(before))
            or (bool(ELIDED.match(before)) and _names_a_company(text, tokens[i:], company_words))
        )
        if boundary:
            pieces.append([token])
        else:
            pieces[-1].append(token)
    return [Span(p[0][0], p[-1][1], text[p[0][0]:p[-1][1]]) for p in pieces]
