import pytest

from pipeline.values.places import (
    country_code,
    demonym_countries,
    find_countries,
    find_demonyms,
)


def _read(text: str) -> list[tuple[str, str]]:
    places = find_countries(text)
    for place in places:
        assert place.written == text[place.start:place.end]
    return [(p.code, text[p.start:p.end]) for p in places]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Burkina Faso Suisse Royaume-Uni France Allemagne",
         [("BF", "Burkina Faso"), ("CH", "Suisse"), ("GB", "Royaume-Uni"), ("FR", "France"), ("DE", "Allemagne")]),
        ("Maroc, la norvège", [("MA", "Maroc"), ("NO", "la norvège")]),
        ("Tunisie et Belgique / Italie; Mali - Niger — Nigeria",
         [("TN", "Tunisie"), ("BE", "Belgique"), ("IT", "Italie"), ("ML", "Mali"), ("NE", "Niger"),
          ("NG", "Nigeria")]),
        ("Drapeau du Maroc Maroc", [("MA", "Maroc")]),
        ("Drapeau de la France France / Drapeau du Sénégal Sénégal", [("FR", "France"), ("SN", "Sénégal")]),
        ("Drapeau du SénégalDrapeau de la FranceSénégal France", [("SN", "Sénégal"), ("FR", "France")]),
        ("Drapeau de l'Algérie Algérie", [("DZ", "Algérie")]),
        ("Drapeau du Maroc", [("MA", "Drapeau du Maroc")]),
        ("les Pays-Bas et l’Égypte", [("NL", "les Pays-Bas"), ("EG", "l’Égypte")]),
        ("Allemagne de l'Ouest, URSS, Tchécoslovaquie, Yougoslavie",
         [("DE", "Allemagne de l'Ouest"), ("SU", "URSS"), ("CS", "Tchécoslovaquie"), ("YU", "Yougoslavie")]),
        ("RFA, Haute-Volta", [("DE", "RFA"), ("BF", "Haute-Volta")]),
        ("République démocratique du Congo, Côte d'Ivoire",
         [("CD", "République démocratique du Congo"), ("CI", "Côte d'Ivoire")]),
        ("Etats-Unis, Egypte", [("US", "Etats-Unis"), ("EG", "Egypte")]),
        ("né à Safi au Maroc", [("MA", "Maroc")]),
        ("Maurice Pialat tourne en Tunisie", [("TN", "Tunisie")]),
        ("MarocFrance", [("MA", "Maroc"), ("FR", "France")]),
    ],
)
def test_find_countries(text: str, expected: list[tuple[str, str]]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize("text", ["il lance une grenade", "en urss", "Algerie", ""])
def test_no_country(text: str) -> None:
    assert find_countries(text) == []


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Maroc", "MA"),
        ("la Norvège", "NO"),
        ("les Pays-Bas", "NL"),
        ("États-Unis", "US"),
        ("aux États-Unis", "US"),
        ("Egypte", "EG"),
        ("Royaume-Uni", "GB"),
        ("Côte d’Ivoire", "CI"),
        ("Burkina Faso", "BF"),
        ("Haute-Volta", "BF"),
        ("URSS", "SU"),
        ("Drapeau du Maroc", "MA"),
        ("Sénégal[2]", "SN"),
        ("Casablanca", None),
    ],
)
def test_country_code(name: str, code: str | None) -> None:
    assert country_code(name) == code


@pytest.mark.parametrize(
    ("word", "codes"),
    [
        ("marocain", ["MA"]),
        ("marocaine", ["MA"]),
        ("marocains", ["MA"]),
        ("Marocaines", ["MA"]),
        ("maroco-norvégien", ["MA", "NO"]),
        ("norvégo-marocain", ["NO", "MA"]),
        ("franco-sénégalais", ["FR", "SN"]),
        ("franco-italo-algérien", ["FR", "IT", "DZ"]),
        ("burkinabè", ["BF"]),
        ("burkinabé", ["BF"]),
        ("égyptien", ["EG"]),
        ("Egyptienne", ["EG"]),
        ("tunisienne", ["TN"]),
        ("algérien", ["DZ"]),
        ("iranien", ["IR"]),
        ("sénégalaise", ["SN"]),
        ("malien", ["ML"]),
        ("nigérien", ["NE"]),
        ("ivoirien", ["CI"]),
        ("américain", ["US"]),
        ("britannique", ["GB"]),
        ("soviétique", ["SU"]),
        ("ouest-allemand", ["DE"]),
        ("franco-ouest-allemand", ["FR", "DE"]),
        ("belge", ["BE"]),
        ("suisses", ["CH"]),
        ("grecque", ["GR"]),
        ("sud-coréen", ["KR"]),
        ("latino-américain", []),
        ("anglo-saxon", []),
        ("egyptien", []),
        ("réalisateur", []),
    ],
)
def test_demonym_countries(word: str, codes: list[str]) -> None:
    assert demonym_countries(word) == codes


def test_demonyms_cover_film_countries() -> None:
    from pipeline.vocab import rows

    assert len({row[0] for row in rows("demonyms.tsv")}) >= 80


def test_find_demonyms() -> None:
    text = "est un film franco-sénégalais réalisé par un cinéaste norvégo-marocain."
    found = [(codes, text[start:end]) for codes, start, end in find_demonyms(text)]
    assert found == [(["FR", "SN"], "franco-sénégalais"), (["NO", "MA"], "norvégo-marocain")]
