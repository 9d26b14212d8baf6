from extract.helpers import column, extract
from pipeline.extract.name_runs import _whole_word_at, is_name_run, split_company_run, split_name_run
from pipeline.extract.names import company_words
from pipeline.ner import PersonTagger


def _split(text: str, run: str, ner=None) -> list[str]:
    start = text.index(run)
    return [s.value for s in split_name_run(text, start, start + len(run), ner)]


def test_two_word_names_by_shape() -> None:
    cell = "Scénario | Karim Saïdi Nadia Ferchichi |"
    assert _split(cell, "Karim Saïdi Nadia Ferchichi") == ["Karim Saïdi", "Nadia Ferchichi"]


def test_particles_and_initials_stay_with_their_name() -> None:
    assert _split("Leïla Ben Ali Samir Kaci", "Leïla Ben Ali Samir Kaci") == ["Leïla Ben Ali", "Samir Kaci"]
    assert _split("Paul Oda Cecil B. Marley", "Paul Oda Cecil B. Marley") == ["Paul Oda", "Cecil B. Marley"]


def test_names_written_elsewhere_decide_the_cut() -> None:
    text = "Acteurs | Awa Sy Diallo Omar Ly |\nLe film est porté par Awa Sy Diallo et Omar Ly."
    assert _split(text, "Awa Sy Diallo Omar Ly") == ["Awa Sy Diallo", "Omar Ly"]


def test_a_run_written_whole_elsewhere_stays_one_name() -> None:
    text = "Acteurs | Maria José Rodríguez López |\nMaria José Rodríguez López joue la mère."
    assert _split(text, "Maria José Rodríguez López") == ["Maria José Rodríguez López"]


def test_ner_breaks_a_tie_between_equal_shapes() -> None:
    run = "Jean Louis Trintignant Michel Piccoli"
    assert _split(run, run) == ["Jean Louis", "Trintignant Michel Piccoli"], "without the model: two words first"
    tagger = PersonTagger()
    assert _split(run, run, tagger.person_spans) == ["Jean Louis Trintignant", "Michel Piccoli"]
    assert tagger.contexts_tagged == 1


def test_what_is_not_a_run_of_names() -> None:
    for value in ("Karim Saïdi", "Jean Claude Van Damme", "Arnaud de Valcourt", "Atlas Films 2 Sahel", "Awa Sy et Omar Ly Diop Fall"):
        assert not is_name_run(value, 0, len(value)), value


def test_run_together_infobox_cells_give_one_row_a_name() -> None:
    text = (
        "| Titre original | Desde el mar |\n"
        "| Scénario | Ana Ruiz Pedro Gil |\n"
        "| Acteurs principaux | Luis Mora Alí Pérez |\n"
        "Le Sel du large (Desde el mar) est un film chilien réalisé par Ana Ruiz.\n"
    )
    tables = extract(text)
    assert set(column(tables, "credits", "role", "name")) == {("director", "Ana Ruiz"), ("screenwriter", "Ana Ruiz"), ("screenwriter", "Pedro Gil")}
    assert column(tables, "cast", "actor") == [("Luis Mora",), ("Alí Pérez",)]


def _companies(run: str) -> list[str]:
    return [s.value for s in split_company_run(run, 0, len(run), company_words())]


def test_companies_run_together_are_cut_at_company_words_acronyms_and_articles() -> None:
    assert _companies("Sahel Films Les Productions du Fleuve ZDF") == ["Sahel Films", "Les Productions du Fleuve", "ZDF"]
    assert _companies("RTS SVT Maison protestante unie Filmkollektiv Les Films de l'Aube Omar Sy Stiftung Baobab Films") == [
        "RTS", "SVT", "Maison protestante unie", "Filmkollektiv", "Les Films de l'Aube", "Omar Sy Stiftung", "Baobab Films",
    ]
    assert _companies("Atlas Films Sahel Images Canal Ouest Productions Nomad Films") == [
        "Atlas Films", "Sahel Images", "Canal Ouest Productions", "Nomad Films",
    ]
    assert _companies("Les Films du Losange Société Nouvelle de Cinématographie Arte France Cinéma") == [
        "Les Films du Losange", "Société Nouvelle de Cinématographie", "Arte France Cinéma",
    ]


def test_an_elided_complement_ends_a_company_only_before_another_company_name() -> None:
    assert _companies("Les Films d'Ici Atlantique Arte France Cinéma") == ["Les Films d'Ici Atlantique", "Arte France Cinéma"]
    assert _companies("Centre national de l'Image Animée ZDF") == ["Centre national de l'Image Animée", "ZDF"]
    assert _companies("Les Films de l'Aube Marta Keller Stiftung") == ["Les Films de l'Aube", "Marta Keller Stiftung"]


def test_one_company_is_not_cut() -> None:
    for name in ("Office national du cinéma", "KTV Cinema Foundation", "Ministère de la Communication de la République du Niger",
                 "Canal+ France 2 Cinéma", "Centre national de l'Image Animée"):
        assert _companies(name) == [name], name


def test_company_cell_in_an_infobox_gives_one_row_a_company() -> None:
    text = (
        "| Sociétés de production | Sahel Films Les Productions du Fleuve ZDF |\n"
        "Le Fleuve est un film malien sorti en 1990.\n"
    )
    assert column(extract(text), "credits", "role", "name") == [
        ("production_company", "Sahel Films"), ("production_company", "Les Productions du Fleuve"), ("production_company", "ZDF"),
    ]


def test_a_long_company_name_that_cannot_be_cut_is_kept() -> None:
    text = "| Sociétés de production | Omar S. Ly Feature Play Company |\nLe Fleuve est un film malien sorti en 1914.\n"
    assert column(extract(text), "credits", "role", "name") == [("production_company", "Omar S. Ly Feature Play Company")]


def test_a_quoted_nickname_stays_with_its_name_and_is_not_part_of_it() -> None:
    run = 'Awa Sy "Doss" Omar Ly Binta Fall Issa Koné'
    assert is_name_run(run, 0, len(run))
    assert _split(run, run) == ["Awa Sy", "Omar Ly", "Binta Fall", "Issa Koné"]
    assert not is_name_run('"Doss" et Omar Ly', 0, 17)


def test_a_name_is_found_only_as_whole_words_left_to_right() -> None:
    text = "Awa Sy, Awa Sylla, MAwa Sy et Awa Sy2 ; Awa Sy."
    assert list(_whole_word_at(text, "Awa Sy")) == [0, 40]
    assert list(_whole_word_at("Ana Ana Ana", "Ana Ana")) == [0]  # no overlapping second find
    assert list(_whole_word_at("Éric Roy, éric roy", "Éric Roy")) == [0]
    assert list(_whole_word_at("Léa Cohen", "Omar Ly")) == []
