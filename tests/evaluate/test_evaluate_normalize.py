"""The comparison normalisation is exactly the contract's: no more, no less."""

from pipeline.evaluate.normalize import norm


def test_case_quotes_spaces_and_edge_punctuation_are_ignored() -> None:
    assert norm("  L’Homme   du\tLARGE. ") == norm("l'homme du large")
    assert norm("« Casa la noire »") == "casa la noire"


def test_inner_punctuation_and_accents_count() -> None:
    assert norm("Jean-Luc") != norm("Jean Luc")
    assert norm("Léa") != norm("Lea")


def test_composed_and_decomposed_accents_are_equal() -> None:
    assert norm("Le\u0301a") == norm("Léa")


def test_missing_value_is_empty() -> None:
    assert norm(None) == ""
    assert norm(" ; ") == ""
