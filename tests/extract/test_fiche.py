"""The fiche technique in every layout, from snippets written for these tests."""

from extract.helpers import column, extract

COLON_FICHE = """Le Puits est un film marocain réalisé par Samir Alaoui, sorti en 2001.
Fiche technique
- Titre original : Le Puits en arabe : البئر
- Réalisation, scénario : Samir Alaoui[2]
- Image : Marc Olier (AFC)
- Musique : Kader Benali, Idrissa Sow et DJ Kab (alias Le Roi)
- Production\u00a0: Omar Tall et Ines Roy (producteurs exécutifs), Yann Le Bris (coproducteur)
- Sociétés de production : Sahel Images et Canal Ouest (coproduction), avec le soutien du Fonds Images Afrique
- Distribution : Nomad Films4: pour l'Europe ; Baobab Distribution : pour l'Afrique
- Perchman : Ali Sow
- Pays d'origine : Drapeau du Maroc Maroc / Drapeau de la France France
- Langue originale : arabe marocain (darija), français
- Budget : entre 2 et 3 millions d'euros, soit 20 000 000 dirhams
- Format : couleur - Son : mono
- Genre : Drame, film noir
- Durée : 1 h 35 min
- Classification : interdit aux moins de 16 ans
- Lieu de tournage : Fès
- Dates de sortie :
Maroc : 3 mai 2001
France : 1er juin 2002
"""


def test_credits_roles_notes_and_sub_roles() -> None:
    tables = extract(COLON_FICHE)
    credits = set(column(tables, "credits", "role", "name", "note"))
    assert {
        ("director", "Samir Alaoui", ""),
        ("screenwriter", "Samir Alaoui", ""),
        ("cinematographer", "Marc Olier", "AFC"),
        ("composer", "DJ Kab", "alias Le Roi"),
        ("composer", "Idrissa Sow", ""),
        ("executive_producer", "Omar Tall", ""),
        ("executive_producer", "Ines Roy", ""),
        ("coproducer", "Yann Le Bris", ""),
        ("production_company", "Canal Ouest", "coproduction"),
        ("funder", "Fonds Images Afrique", "soutien"),
        ("distributor", "Nomad Films", "pour l'Europe"),
        ("distributor", "Baobab Distribution", "pour l'Afrique"),
        ("other", "Ali Sow", ""),
    } <= credits
    assert not any(role == "sound" for role, _, _ in credits), "a technical `Son : mono` is not a credit"


def test_typed_film_columns() -> None:
    (film,) = extract(COLON_FICHE)["films"]
    assert film["title"] == "Le Puits" and film["original_title"] == "Le Puits"
    assert film["year"] == 2001 and film["duration_min"] == 95
    assert film["countries"] == "MA;FR" and film["languages"] == "ary;fra"
    assert film["genres"] == "drame;film noir" and film["color"] == "couleur"
    assert (film["budget_low"], film["budget_high"], film["budget_currency"]) == (2000000, 3000000, "EUR")
    assert film["age_rating"] == 16 and film["filming_locations"] == "Fès"


def test_titles_releases_and_lossless_fiche() -> None:
    tables = extract(COLON_FICHE)
    assert set(column(tables, "titles", "title", "lang")) == {("Le Puits", ""), ("البئر", "ara")}
    assert column(tables, "releases", "country_code", "date") == [("MA", "2001-05-03"), ("FR", "2002-06-01")]
    fiche = column(tables, "fiche", "label", "value")
    assert ("Réalisation, scénario", "Samir Alaoui[2]") in fiche
    assert ("Son", "mono") in fiche


FLAT_INFOBOX = """Le Puits

Titre original البئر
Réalisation Samir Alaoui
Acteurs principaux

Amina Sow, Karim Tazi et Leila Benani

Sociétés de production Drapeau du Maroc Maroc
Atlas Films
Pays de production Drapeau du Maroc Maroc
Durée 95 minutes
Sortie 2001

Le Puits est un film marocain réalisé par Samir Alaoui, sorti en 2001.
"""


def test_flattened_infobox_with_values_on_following_lines() -> None:
    tables = extract(FLAT_INFOBOX)
    assert set(column(tables, "credits", "role", "name")) == {("director", "Samir Alaoui"), ("production_company", "Atlas Films")}
    assert column(tables, "cast", "actor") == [("Amina Sow",), ("Karim Tazi",), ("Leila Benani",)]
    (film,) = tables["films"]
    assert film["countries"] == "MA" and film["duration_min"] == 95
    assert column(tables, "releases", "country_code", "date") == [("", "2001")]


TABLE_INFOBOX = """Le Puits
| Réalisation | Samir Alaoui |
---|---|
Musique |
Kader Benali Idrissa Sow |
Sociétés de production |
Atlas Films Sahel Images Canal Ouest Productions Nomad Films |
Genre | Drame |
Sortie | 2001 |
Pour plus de détails, voir Fiche technique et Distribution.
Le Puits est un film marocain réalisé par Samir Alaoui, sorti en 2001.
Fiche technique
- Musique : Kader Benali, Idrissa Sow
- Réalisateur : Samir Alaoui
- Production : Atlas Films, Sahel Images
"""


def test_table_infobox_and_fiche_each_fact_once() -> None:
    tables = extract(TABLE_INFOBOX)
    credits = column(tables, "credits", "role", "name")
    assert sorted(credits) == sorted([
        ("director", "Samir Alaoui"),
        ("composer", "Kader Benali"),
        ("composer", "Idrissa Sow"),
        ("production_company", "Atlas Films"),
        ("production_company", "Sahel Images"),
        ("production_company", "Canal Ouest Productions"),
        ("production_company", "Nomad Films"),
    ]), "run-together infobox cells are cut; names the fiche gives are not repeated, the others are kept"
    (film,) = tables["films"]
    assert film["genres"] == "drame"


def test_malformed_lines_give_empty_cells_not_wrong_ones() -> None:
    text = "Le Puits est un film marocain sorti en 2001.\nFiche technique\n- Réalisation :\n- Durée : beaucoup\n- Date de sortie :\n: sans étiquette\n"
    tables = extract(text)
    (film,) = tables["films"]
    assert film["duration_min"] == "" and tables["credits"] == [] and tables["releases"] == []
    assert ("Réalisation", "") in column(tables, "fiche", "label", "value")


def test_value_cut_by_the_end_of_the_text_is_dropped() -> None:
    text = "Le Puits est un film marocain sorti en 2001.\nFiche technique\n- Montage : Léa Faure\n- Image : Jean-Paul R"
    assert column(extract(text), "credits", "name") == [("Léa Faure",)]


def test_release_country_in_parenthesis_after_the_date() -> None:
    text = "Le Puits est un film marocain.\nFiche technique\n- Dates de sortie : 3 mai 2001 (Festival de Marrakech), 9 mai 2001 (Maroc)\n"
    rows = column(extract(text), "releases", "country_code", "date", "note")
    assert rows == [("", "2001-05-03", "Festival de Marrakech"), ("MA", "2001-05-09", "")]


def test_production_listing_mostly_companies_is_companies() -> None:
    text = "Le Puits est un film marocain.\nFiche technique\n- Production : Nourfilm, Atlas Films, Canal Trois Cinéma\n- Producteur : Omar Tall\n"
    credits = set(column(extract(text), "credits", "role", "name"))
    assert credits == {("production_company", "Nourfilm"), ("production_company", "Atlas Films"),
                       ("production_company", "Canal Trois Cinéma"), ("producer", "Omar Tall")}


def test_label_variants_and_initials_in_names() -> None:
    text = (
        "Le Puits est un film malien réalisé par S. Paul Diarra, sorti en 2001.\n"
        "Fiche technique\n- Direction de la photographie : Omar Ly\n- Scénario : Awa Sy (scénario) Issa Koné (roman)\n"
    )
    credits = set(column(extract(text), "credits", "role", "name"))
    assert credits == {("director", "S. Paul Diarra"), ("cinematographer", "Omar Ly"), ("screenwriter", "Awa Sy"), ("source_author", "Issa Koné")}
