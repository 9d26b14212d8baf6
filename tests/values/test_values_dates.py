import pytest

from pipeline.values.dates import DateValue, find_dates, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sortie : 24 décembre 2008", [("2008-12-24", "24 décembre 2008")]),
        ("le 1er janvier 1990 à Rabat", [("1990-01-01", "1er janvier 1990")]),
        ("né le 3 juin 1999.", [("1999-06-03", "3 juin 1999")]),
        ("tourné en mars 2005", [("2005-03", "mars 2005")]),
        ("sorti en 2008.", [("2008", "2008")]),
        ("24/12/2008", [("2008-12-24", "24/12/2008")]),
        ("3 déc. 2001 ; janv. 1990", [("2001-12-03", "3 déc. 2001"), ("1990-01", "janv. 1990")]),
        ("Festival de Rabat 201316", [("2013", "2013")]),
        ("édition 20155", [("2015", "2015")]),
        ("Prix (2008)11", [("2008", "2008")]),
        ("mai 199712 à Paris", [("1997-05", "mai 1997")]),
        ("Norvège 18 mars 2005Un flic", [("2005-03-18", "18 mars 2005")]),
        ("les 12 et 19 avril 1986", [("1986-04-12", "12"), ("1986-04-19", "19 avril 1986")]),
        ("Février 1964 puis 1971", [("1964-02", "Février 1964"), ("1971", "1971")]),
        ("2008-12-24", [("2008-12-24", "2008-12-24")]),
        ("Sortie | 1958 1959 |", [("1958", "1958"), ("1959", "1959")]),
    ],
)
def test_find_dates(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_dates(text)
    assert [(d.iso, text[d.start:d.end]) for d in found] == expected


@pytest.mark.parametrize(
    "text",
    [
        "né le à Alexandrie",
        "le 12 avril, il part",
        "au milieu des années 1980",
        "un budget de 3 000 000 FF",
        "1 950 000 entrées",
        "format 1,85:1",
        "le 31 février 2001",
        "en 1750 et 2150",
    ],
)
def test_no_date(text: str) -> None:
    assert find_dates(text) == []


def test_parse_date_takes_first() -> None:
    text = "sorti le 13 avril 2005 puis en 2006"
    assert parse_date(text) == DateValue("2005-04-13", 9, 22)
    assert parse_date("aucune date") is None


def test_a_birth_before_cinema_is_a_date_but_a_bare_old_year_is_not() -> None:
    assert [d.iso for d in find_dates("né le 8 décembre 1861 à Paris")] == ["1861-12-08"]
    assert find_dates("un budget de 1861 euros") == []
