"""The keys text is compared by, so that two writings of one thing meet.

There are three, and they differ on purpose:

- `fold_key`: what the pipeline looks things up and merges duplicates by
  (labels, headings, vocabulary phrases, names and titles read twice). Case,
  apostrophe forms, space forms, hyphens between words and the space after
  an apostrophe do not count; accents and punctuation do.
- `gold_key`: how a prediction is compared with gold, as the contract states
  it ("How gold is compared"): it also strips surrounding punctuation, and
  keeps hyphens, because it judges the written value rather than finding it.
- `letters_key`: whether a sentence restates a title already read (`Le
  Puits` and `LE PUITS !`, `L'Aube` and `L’aube`): only letters and digits
  count, since a restatement may space and punctuate the title its own way.

`fold` is the one-character-for-one-character folding `fold_key` rests on, used
where offsets into the original text must survive.
"""

from __future__ import annotations

import unicodedata

import regex

# One character in, one character out, so folded text keeps the input's offsets.
_FOLD = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "`": "'",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ",
    "\u2010": "-", "\u2011": "-",
})
_SPACE_OR_HYPHEN = regex.compile(r"[\s\-]+")
_SPACE_AFTER_APOSTROPHE = regex.compile(r"'\s+")
_SPACES = regex.compile(r"\s+")


def fold(text: str) -> str:
    """Unify apostrophes, hyphens and spaces without changing the length of the text."""
    return text.translate(_FOLD)


def fold_key(value: object) -> str:
    """Lookup and merge key: folded, NFC, case-folded, hyphens as spaces, single spaces,
    no space after an apostrophe (`Directeur de la photo`, `directeur  de la-photo`)."""
    key = unicodedata.normalize("NFC", fold(str(value))).casefold()
    if key.isprintable():
        # Its only space is U+0020, so str.split() cuts exactly where the patterns below would.
        return " ".join(key.replace("-", " ").split()).replace("' ", "'")
    key = _SPACE_OR_HYPHEN.sub(" ", key)
    return _SPACE_AFTER_APOSTROPHE.sub("'", key).strip()


def letters_key(value: str) -> str:
    """Case-folded letters and digits only (`Le Puits !` -> `lepuits`)."""
    return "".join(ch for ch in value.casefold() if ch.isalnum())


def _is_edge(char: str) -> bool:
    return char.isspace() or unicodedata.category(char).startswith("P")


def gold_key(value: object) -> str:
    """NFC, `’` -> `'`, casefold, collapse whitespace, strip surrounding spaces and punctuation.

    Accents are kept on purpose: a missing accent is a real extraction error.
    """
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value)).replace("\u2019", "'")
    text = _SPACES.sub(" ", unicodedata.normalize("NFC", text.casefold()))
    start, end = 0, len(text)
    while start < end and _is_edge(text[start]):
        start += 1
    while end > start and _is_edge(text[end - 1]):
        end -= 1
    return text[start:end]
