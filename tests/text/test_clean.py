import pytest

from pipeline.text.clean import clean_span


@pytest.mark.parametrize(
    ("raw", "value", "span"),
    [
        ("Karima Benali4.", "Karima Benali", "Karima Benali"),
        ("ATLAS STUDIOS12", "ATLAS STUDIOS", "ATLAS STUDIOS"),
        ("- Montage : Léa Dubois[3]", "Montage : Léa Dubois", "Montage : Léa Dubois"),
        ("Drapeau de la Tunisie Tunisie", "Tunisie", "Tunisie"),
        ("[modifier | modifier le code]- Genre : comédie", "Genre : comédie", "Genre : comédie"),
        ("Théâtre du Globe(en) à Londres", "Théâtre du Globe à Londres", "Théâtre du Globe(en) à Londres"),
        ("Canal 7 Productions", "Canal 7 Productions", "Canal 7 Productions"),
        ("Sahel 3D Films", "Sahel 3D Films", "Sahel 3D Films"),
        ("  • Durée : 95 minutes[4],[5]", "Durée : 95 minutes", "Durée : 95 minutes"),
    ],
)
def test_clean_value_and_source_span(raw: str, value: str, span: str) -> None:
    cleaned = clean_span(raw, 0, len(raw))
    assert cleaned is not None
    assert cleaned.value == value
    assert raw[cleaned.start:cleaned.end] == span


def test_clean_offsets_are_absolute() -> None:
    text = "xxxx Paul Diallo7 yyyy"
    cleaned = clean_span(text, 5, 17)
    assert cleaned is not None and cleaned.value == "Paul Diallo"
    assert text[cleaned.start:cleaned.end] == "Paul Diallo"


def test_nothing_left_is_none() -> None:
    text = "[12] [modifier]"
    assert clean_span(text, 0, len(text)) is None
