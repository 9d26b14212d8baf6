"""Sources, producers, releases and filming places told in sentences."""

import pytest

from extract.helpers import column, extract

INTRO = "Le Fleuve est un film malien réalisé par Awa Sy, sorti en 2003. "


@pytest.mark.parametrize(("sentence", "author"), [
    ("Il est adapté du roman Le Sel de Cheikh Amadou Kane.", "Cheikh Amadou Kane"),
    ("Le film est tiré de la nouvelle homonyme de Fatou Diallo.", "Fatou Diallo"),
    ("C'est l'adaptation du roman du même nom écrit par l'écrivain malien Oumar Ba en 1962.", "Oumar Ba"),
    ("Le scénario s'inspire d'après la pièce de théâtre de l'auteur sénégalais Birago Ndiaye.", "Birago Ndiaye"),
    ("Il met en images le poème éponyme en alexandrins de Léon Dumas.", "Léon Dumas"),
    ("C'est une libre adaptation de la pièce de l'écrivain Moussa Traoré La Légende du fleuve, parue en 1988.", "Moussa Traoré"),
    ("Il est adapté des contes de Binta Sarr.", "Binta Sarr"),
    ("Le film est tiré de l'essai de Issa Coly.", "Issa Coly"),
])
def test_source_author(sentence: str, author: str) -> None:
    assert ("source_author", author) in column(extract(INTRO + sentence + "\n"), "credits", "role", "name")


def test_the_director_adapting_his_own_novel() -> None:
    text = "Le Fleuve est un film malien réalisé par Awa Sy et sorti en 2003, dont le scénario adapte le roman éponyme de la réalisatrice.\n"
    assert ("source_author", "Awa Sy") in column(extract(text), "credits", "role", "name")


@pytest.mark.parametrize("sentence", [
    "Il raconte l'histoire d'un homme qui lit un roman.",
    "Le roman de la vie d'Amadou est triste.",
    "Il est adapté au goût du public.",
])
def test_no_source_author(sentence: str) -> None:
    assert "source_author" not in {r for r, _ in column(extract(INTRO + sentence + "\n"), "credits", "role", "name")}


def test_a_fiche_source_line_wins_over_the_prose() -> None:
    text = INTRO + "Il est adapté du roman de Paul Diop.\nFiche technique\nRéalisation : Awa Sy\nScénario : Awa Sy, d'après le roman de Paul Dioup\n"
    authors = [n for r, n in column(extract(text), "credits", "role", "name") if r == "source_author"]
    assert "Paul Diop" not in authors


def test_producers_in_a_sentence() -> None:
    text = INTRO + "Il est produit par Mamadou Keïta et Sahel Films.\n"
    credits = column(extract(text), "credits", "role", "name")
    assert ("producer", "Mamadou Keïta") in credits and ("production_company", "Sahel Films") in credits


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Il sort en Belgique le 3 mars 1999.", [("BE", "1999-03-03")]),
    ("Le film est sorti le 12 mai 2004 au Sénégal.", [("SN", "2004-05-12")]),
    ("Il sort en salles en France le 8 février 2006.", [("FR", "2006-02-08")]),
    ("Il est sorti en France en 2002.", [("FR", "2002")]),
    ("Il sort en salles le 8 février 2006.", [("", "2006-02-08")]),
    ("Il sort en 2004.", []),
    ("Le héros sort de prison.", []),
    ("Le film sort en Italie le 3 avril 2001, puis en Belgique en juin 2001.", [("IT", "2001-04-03"), ("BE", "2001-06")]),
    ("Il sort en Suisse en mars 1999 et au Canada le 2 mai 1999.", [("CH", "1999-03"), ("CA", "1999-05-02")]),
    ("Il est projeté à Ouagadougou avant de sortir en France le 4 juin 2003.", [("FR", "2003-06-04")]),
    ("Il sort en Espagne en 2005, puis en DVD en 2007.", [("ES", "2005")]),
    ("Il sort en Allemagne le 9 juin 2010, où il reste trois semaines à l'affiche en 2011.", [("DE", "2010-06-09")]),
])
def test_release_in_a_sentence(sentence: str, expected: list[tuple]) -> None:
    assert column(extract(INTRO + sentence + "\n"), "releases", "country_code", "date") == expected


def test_a_fiche_release_for_that_country_wins() -> None:
    text = INTRO + "Il sort en France le 3 mars 2004.\nFiche technique\nRéalisation : Awa Sy\nDates de sortie :\nFrance : 4 mars 2004\n"
    assert column(extract(text), "releases", "country_code", "date") == [("FR", "2004-03-04")]


@pytest.mark.parametrize(("sentence", "places"), [
    ("Ce long métrage est tourné au Sénégal.", ("Sénégal",)),
    ("Le tournage a lieu à Mopti, où l'équipe reste deux mois.", ("Mopti",)),
    ("Il s'est tourné vers la mer, à Dakar.", ()),
])
def test_filming_places_in_the_opening(sentence: str, places: tuple) -> None:
    assert column(extract(INTRO + sentence + "\n"), "films", "filming_locations") == [(";".join(places),)] or \
        column(extract(INTRO + sentence + "\n"), "films", "filming_locations") == [(places,)]


def test_a_particle_is_no_title() -> None:
    text = INTRO + "Il est adapté du roman de Jean Le Bris et de sa femme.\n"
    assert ("source_author", "Jean Le Bris") in column(extract(text), "credits", "role", "name")


@pytest.mark.parametrize(("sentence", "author"), [
    ("Il est adapté du roman de Jean Le Bris paru en 1950.", "Jean Le Bris"),
    ("Il est adapté de la nouvelle de Rosa La Forge publiée en 1971.", "Rosa La Forge"),
    ("Il est adapté du conte de Amadou Sall La légende du Fleuve.", "Amadou Sall"),
])
def test_an_article_after_one_name_word_is_the_name_s(sentence: str, author: str) -> None:
    assert ("source_author", author) in column(extract(INTRO + sentence + "\n"), "credits", "role", "name")


LEAD = (
    "Le Chemin des dunes est un film nigérien réalisé par Idi Kanta, sorti en 2003.\n"
    "Le film sort au Niger le 4 avril 2003, puis en Belgique en juin 2003. Il reçoit le prix du public au Festival de Namur 2003.\n"
    "Synopsis\n"
    "Un berger (Issa Garba) perd son troupeau.\n"
)


def test_releases_and_awards_of_the_lead_paragraphs_are_read() -> None:
    tables = extract(LEAD)
    assert column(tables, "releases", "country_code", "date") == [("NE", "2003-04-04"), ("BE", "2003-06")]
    assert column(tables, "awards", "event", "year", "category", "outcome") == [
        ("Festival de Namur", 2003, "prix du public", "won")]


def test_an_initial_does_not_end_the_sentence_about_the_shoot() -> None:
    text = "Le Fleuve est un film malien réalisé par Awa Sy, sorti en 2003.\nProduction\nLe tournage, dirigé par S. Diarra, a lieu à Mopti et à Ségou.\n"
    assert column(extract(text), "films", "filming_locations") == [("Mopti;Ségou",)]
