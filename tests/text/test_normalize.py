"""fold_key's definition holds for any text, whichever path computes it."""

from __future__ import annotations

import unicodedata

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from pipeline.text.normalize import fold, fold_key, letters_key

# Letters, apostrophes, hyphens and every kind of space the key must treat alike, control separators included.
PIECES = st.lists(st.sampled_from(list("aéE'’- \t\n\u00a0\u202f\u2009\u2010\u2028\x1c\x1fß") + ["e\u0301"]), max_size=30).map("".join)


def _by_definition(value: str) -> str:
    """The key as its docstring defines it, written with patterns only."""
    key = unicodedata.normalize("NFC", fold(value)).casefold()
    key = regex.sub(r"[\s\-]+", " ", key)
    return regex.sub(r"'\s+", "'", key).strip()


@given(PIECES)
def test_fold_key_is_its_definition(value: str) -> None:
    assert fold_key(value) == _by_definition(value)


@pytest.mark.parametrize(
    ("value", "key"),
    [
        ("Directeur de la photo", "directeur de la photo"),
        ("directeur  de la-photo", "directeur de la photo"),
        ("L’ Homme", "l'homme"),
        ("Sous\u00a0-\u00a0titres", "sous titres"),
        ("a\x1cb", "a\x1cb"),
        (" Réalisation ", "réalisation"),
    ],
)
def test_fold_key_examples(value: str, key: str) -> None:
    assert fold_key(value) == key


def test_letters_key_keeps_letters_and_digits_only() -> None:
    assert letters_key("L'Aube  de 1950 !") == letters_key("l’aube de-1950") == "laubede1950"
    assert letters_key("L'Aubé") != letters_key("L'Aube")
