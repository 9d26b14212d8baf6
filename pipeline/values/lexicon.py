"""Shared helpers for the value parsers: word edges and phrase patterns for vocabulary entries."""

from __future__ import annotations

import gettext
import unicodedata
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

import pycountry
import regex

from pipeline.text.normalize import fold, fold_key

# Capitals French writing often leaves unaccented (`Egypte`, `Etats-Unis`).
_BARE_CAPITAL = str.maketrans({
    "É": "E", "È": "E", "Ê": "E", "À": "A", "Â": "A", "Î": "I", "Ô": "O", "Û": "U", "Ç": "C",
})

# Word edges, also where glued text shows a lower-case letter or a digit before a capital
# (`MarocDrapeau`, `2005Amine`). Digits may follow a word: they are footnote calls.
WORD_START = r"(?:(?<![\p{L}\p{N}_])|(?-i:(?<=[\p{Ll}\p{N}])(?=\p{Lu})))"
WORD_END = r"(?:(?![\p{L}_])|(?-i:(?<=\p{Ll})(?=\p{Lu})))"


def bare_capitals(name: str) -> str:
    """`name` with word-initial accented capitals unaccented (`États-Unis` -> `Etats-Unis`)."""
    chars = list(name)
    for index, char in enumerate(chars):
        if char.isupper() and (index == 0 or not chars[index - 1].isalpha()):
            chars[index] = char.translate(_BARE_CAPITAL)
    return "".join(chars)


def is_acronym(phrase: str) -> bool:
    """Whether a phrase is written in capitals only (`URSS`, `FCFA`): such entries match
    case-sensitively, lest they match ordinary lower-case words."""
    letters = [char for char in phrase if char.isalpha()]
    return len(letters) >= 2 and all(char.isupper() for char in letters)


# Between the words of a phrase: spaces or one hyphen, not a spaced dash (a list separator).
_WORD_GAP = r"(?:-|\s+)"


def phrase_pattern(phrase: str, pin_capitals: bool = False) -> str:
    """Regex source for a vocabulary phrase: spaces or a hyphen between words,
    any apostrophe form. Acronyms keep their case even under IGNORECASE; with
    `pin_capitals`, so do the word-initial capitals."""
    phrase = unicodedata.normalize("NFC", fold(phrase))
    if is_acronym(phrase):
        return f"(?-i:{regex.escape(phrase)})"
    parts: list[str] = []
    for index, char in enumerate(phrase):
        if char in " -":
            if not parts or parts[-1] != _WORD_GAP:
                parts.append(_WORD_GAP)
        elif char == "'":
            parts.append(r"'\s*")
        elif pin_capitals and char.isupper() and (index == 0 or not phrase[index - 1].isalpha()):
            parts.append(f"(?-i:{regex.escape(char)})")
        else:
            parts.append(regex.escape(char))
    return "".join(parts)


def phrase_alternation(phrases: Iterable[str], pinned: Collection[str] = ()) -> str:
    """Flat alternation of phrase patterns, longest phrase first so the longest name wins;
    the `pinned` phrases keep their word-initial capitals. (pipeline.text.alternation writes
    literal forms as a tree instead.)"""
    unique = sorted(set(phrases) | set(pinned), key=lambda p: (-len(p), p))
    return "|".join(phrase_pattern(p, p in pinned) for p in unique)


@dataclass(frozen=True)
class Coded:
    """A name found in text: its code (ISO 3166-1 for a country, ISO 639-3 for a language)
    and the text it was read from, with its span."""

    code: str
    written: str
    start: int
    end: int


def pycountry_french(domain: str) -> Callable[[str], str]:
    """pycountry's French translation of one ISO standard's English names (`iso3166-1`, `iso639-3`)."""
    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=["fr"]).gettext


@dataclass(frozen=True)
class Lexicon:
    """Names as written -> codes, looked up by `fold_key`.

    A name whose capitals lost their accent (`Egypte`, `Egyptien`) is known too;
    such variants, and the names given as `pinned`, keep their capitals when
    matched, so they match only as names and not as ordinary words.
    """

    codes: dict[str, str]
    plain: frozenset[str]  # matched case-insensitively
    pinned: frozenset[str]  # matched with their capitals

    @classmethod
    def of(cls, written: dict[str, str], *, capitalise: bool = False, pinned: Collection[str] = ()) -> Lexicon:
        """`capitalise`: the names are written in lower case and take a capital at a sentence start."""
        codes: dict[str, str] = {}
        plain: set[str] = set()
        kept: set[str] = set(pinned)
        for name, code in written.items():
            name = unicodedata.normalize("NFC", name)
            codes[fold_key(name)] = code
            if name not in pinned:
                plain.add(name)
            shown = name[:1].upper() + name[1:] if capitalise else name
            variant = bare_capitals(shown)
            if variant != shown:
                codes[fold_key(variant)] = code
                kept.add(variant)
        return cls(codes, frozenset(plain), frozenset(kept))

    def phrase_alternation(self) -> str:
        return phrase_alternation(self.plain, self.pinned)
