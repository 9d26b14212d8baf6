"""The comparison normalisation is exactly the contract's: no more, no less."""

from pipeline.text.normalize import gold_key


def test_case_quotes_spaces_and_edge_punctuation_are_ignored() -> None:
    assert gold_key("  L’Homme   du\tLARGE. ") == gold_key("l'homme du large")
    assert gold_key("« Casa la noire »") == "casa la noire"


def test_inner_punctuation_and_accents_count() -> None:
    assert gold_key("Jean-Luc") != gold_key("Jean Luc")
    assert gold_key("Léa") != gold_key("Lea")


def test_composed_and_decomposed_accents_are_equal() -> None:
    assert gold_key("Le\u0301a") == gold_key("Léa")


def test_missing_value_is_empty() -> None:
    assert gold_key(None) == ""
    assert gold_key(" ; ") == ""
