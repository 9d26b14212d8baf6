"""Shared helpers for the value parsers: data files, offset-safe folding, phrase patterns."""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Iterable
from functools import cache

import regex

SPACE_OR_HYPHEN = regex.compile(r"[\s\-]+")
SPACE_AFTER_APOSTROPHE = regex.compile(r"'\s+")

# One character in, one character out, so folded text keeps the input's offsets.
_FOLD = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "`": "'",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ",
    "\u2010": "-", "\u2011": "-",
})

# Capitals French writing often leaves unaccented (`Egypte`, `Etats-Unis`).
_BARE_CAPITAL = str.maketrans({
    "É": "E", "È": "E", "Ê": "E", "À": "A", "Â": "A", "Î": "I", "Ô": "O", "Û": "U", "Ç": "C",
})

# Word edges, also where glued text shows a lower-case letter or a digit before a capital
# (`MarocDrapeau`, `2005Amine`). Digits may follow a word: they are footnote calls.
WORD_START = r"(?:(?<![\p{L}\p{N}_])|(?-i:(?<=[\p{Ll}\p{N}])(?=\p{Lu})))"
WORD_END = r"(?:(?![\p{L}_])|(?-i:(?<=\p{Ll})(?=\p{Lu})))"


def fold(text: str) -> str:
    """Unify apostrophes, hyphens and spaces without changing the length of the text."""
    return text.translate(_FOLD)


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


def alternation(phrases: Iterable[str], pinned: Collection[str] = ()) -> str:
    """Alternation of phrase patterns, longest phrase first so the longest name wins;
    the `pinned` phrases keep their word-initial capitals."""
    unique = sorted(set(phrases) | set(pinned), key=lambda p: (-len(p), p))
    return "|".join(phrase_pattern(p, p in pinned) for p in unique)


def fold_key(phrase: str) -> str:
    """Lookup key for a matched phrase: folded, case-folded, single spaces, no spaces after
    apostrophes."""
    key = unicodedata.normalize("NFC", fold(phrase)).casefold()
    key = SPACE_OR_HYPHEN.sub(" ", key)
    return SPACE_AFTER_APOSTROPHE.sub("'", key).strip()
