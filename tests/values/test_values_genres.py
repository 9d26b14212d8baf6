import pytest

from pipeline.values.genres import split_genres


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("film noir et drame", [("film noir", "film noir"), ("drame", "drame")]),
        ("Drame, film noir, thriller", [("drame", "Drame"), ("film noir", "film noir"), ("thriller", "thriller")]),
        ("Guerre Drame", [("guerre", "Guerre"), ("drame", "Drame")]),
        ("Drame, romance", [("drame", "Drame"), ("romance", "romance")]),
        ("Comédie dramatique", [("comédie dramatique", "Comédie dramatique")]),
        ("documentaire", [("documentaire", "documentaire")]),
        ("Drame rural, western[2]", [("drame rural", "Drame rural"), ("western", "western")]),
        ("science-fiction - horreur", [("science-fiction", "science-fiction"), ("horreur", "horreur")]),
        ("film de cape et d'épée", [("film de cape et d'épée", "film de cape et d'épée")]),
        ("Drame3.", [("drame", "Drame")]),
    ],
)
def test_split_genres(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(g.value, text[g.start:g.end]) for g in split_genres(text)] == expected


def test_empty() -> None:
    assert split_genres(" , ") == []
