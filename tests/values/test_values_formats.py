import pytest

from pipeline.values.formats import parse_age_rating, parse_format, release_rating


def _span(text: str, span: tuple[int, int] | None) -> str | None:
    return text[span[0]:span[1]] if span else None


@pytest.mark.parametrize(
    ("text", "colors", "color_spans", "gauge", "gauge_span", "aspect"),
    [
        ("couleur — 35 mm — CinemaScope", ("couleur",), ["couleur"], "35 mm", "35 mm", "CinemaScope"),
        ("Couleur par Eastmancolor - Mono - 35 mm", ("couleur",), ["Couleur"], "35 mm", "35 mm", None),
        ("noir et blanc - Mono", ("noir et blanc",), ["noir et blanc"], None, None, None),
        ("35mm", (), [], "35 mm", "35mm", None),
        ("couleur - 16 mm - 1,85:1", ("couleur",), ["couleur"], "16 mm", "16 mm", "1,85:1"),
        ("70 mm, 2.35:1", (), [], "70 mm", "70 mm", "2.35:1"),
        ("Super 8 - 1.37 : 1", (), [], "Super 8", "Super 8", "1.37 : 1"),
        ("Noir et blanc et couleur", ("noir et blanc", "couleur"), ["Noir et blanc", "couleur"], None, None, None),
        ("Couleurs - 35 mm - 1,66:1", ("couleur",), ["Couleurs"], "35 mm", "35 mm", "1,66:1"),
    ],
)
def test_parse_format(
    text: str,
    colors: tuple[str, ...],
    color_spans: list[str],
    gauge: str | None,
    gauge_span: str | None,
    aspect: str | None,
) -> None:
    film_format = parse_format(text)
    assert film_format.colors == colors
    assert [_span(text, s) for s in film_format.color_spans] == color_spans
    assert film_format.gauge == gauge
    assert _span(text, film_format.gauge_span) == gauge_span
    assert film_format.aspect_ratio == aspect
    assert _span(text, film_format.aspect_span) == aspect


@pytest.mark.parametrize(
    ("text", "age", "span"),
    [
        ("interdiction aux moins de 12 ans", 12, "interdiction aux moins de 12 ans"),
        ("Interdit aux moins de 16 ans", 16, "Interdit aux moins de 16 ans"),
        ("France : -12", 12, "-12"),
        ("tous publics", 0, "tous publics"),
        ("Tous publics", 0, "Tous publics"),
        ("déconseillé aux moins de 10 ans", 10, "déconseillé aux moins de 10 ans"),
    ],
)
def test_parse_age_rating(text: str, age: int, span: str) -> None:
    rating = parse_age_rating(text)
    assert rating is not None
    assert rating[0] == age
    assert text[rating[1]:rating[2]] == span


@pytest.mark.parametrize("text", ["aucune", "sortie 2008-12", "1,85:1"])
def test_no_age_rating(text: str) -> None:
    assert parse_age_rating(text) is None


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["France : tous publics (version salles) ; interdit aux moins de 16 ans (director's cut)"], 0),
        (["France : interdit aux moins de 16 ans (director's cut) ; tous publics (version salles)"], 0),
        (["États-Unis : R", "France : interdit aux moins de 16 ans ; interdit aux moins de 12 ans (diffusion télévisée)"], 16),
        (["Belgique : enfants non admis", "interdit aux moins de 12 ans"], 12),
        (["Royaume-Uni : interdit aux moins de 15 ans", "France : tous publics"], 0),
        (["États-Unis : PG-13"], None),
        (["États-Unis : R (Restricted) ; France : interdit aux moins de 12 ans ; Québec : 13+"], 12),
        (["Royaume-Uni : interdit aux moins de 15 ans ; France : tous publics"], 0),
    ],
)
def test_release_rating_is_france_and_the_cinema_release(values: list[str], expected: int | None) -> None:
    assert release_rating(values) == expected
