"""Opening sentences of film and person articles."""

from extract.helpers import NO_NER, column, extract
from pipeline.extract.document import extract_document
from pipeline.ids import IdAllocator
from pipeline.io.read import Source, read
from pipeline.tables import document_tables


def test_film_intro_titles_credits_year_and_demonym_countries() -> None:
    text = "La Nuit bleue (en arabe : الليلة الزرقاء ; titre anglais : Blue Night) est un film tuniso-belge écrit et réalisé par Sami Haddad, sorti en 1999.\n"
    tables = extract(text)
    (film,) = tables["films"]
    assert (film["title"], film["year"], film["countries"]) == ("La Nuit bleue", 1999, "TN;BE")
    assert film["film_id"] == "la-nuit-bleue-1999"
    assert set(column(tables, "titles", "title", "lang")) == {("La Nuit bleue", ""), ("الليلة الزرقاء", "ara"), ("Blue Night", "eng")}
    assert set(column(tables, "credits", "role", "name")) == {("director", "Sami Haddad"), ("screenwriter", "Sami Haddad")}
    assert column(tables, "sections", "kind", "title") == [("film", "La Nuit bleue")]


def test_title_label_in_the_parenthesis_is_not_part_of_the_title_form() -> None:
    for label in ("titre original", "Titre original", "titre de travail"):
        text = f"Le Fleuve rouge ({label} : Ba ji) est un film malien réalisé par Oumar Diallo, sorti en 2004.\n"
        tables = extract(text)
        assert set(column(tables, "titles", "title", "lang")) == {("Le Fleuve rouge", ""), ("Ba ji", "")}, label


def test_fiche_country_line_wins_over_the_demonym() -> None:
    text = "Le Sable est un film franco-tunisien de Sami Haddad.\nFiche technique\n- Pays d'origine : Tunisie\n"
    (film,) = extract(text)["films"]
    assert film["countries"] == "TN" and film["year"] == ""


def test_person_section() -> None:
    text = (
        "Amina Sow (arabe : أمينة سو), née le 3 mars 1970 à Thiès au Sénégal, est une réalisatrice et productrice sénégalo-malienne. "
        "Elle réside à Dakar.\nElle est également critique de cinéma.\n"
    )
    (person,) = extract(text)["people"]
    assert person["name"] == "Amina Sow" and person["native_name"] == "أمينة سو"
    assert (person["birth_date"], person["birth_place"], person["birth_country"]) == ("1970-03-03", "Thiès", "SN")
    assert person["nationalities"] == "SN;ML"
    assert person["occupations"] == "réalisatrice;productrice;critique de cinéma"
    assert person["residence"] == "Dakar"


def test_stripped_birth_date_leaves_the_cell_empty() -> None:
    text = "Omar Diallo, né le à Bamako et mort le à Paris, est un acteur malien.\n"
    (person,) = extract(text)["people"]
    assert (person["birth_date"], person["birth_place"], person["death_date"], person["death_place"]) == ("", "Bamako", "", "Paris")


def test_later_occupations_with_the_name_as_subject() -> None:
    text = "Omar Diallo, né en 1950 à Bamako, est un acteur malien. Omar Diallo est par ailleurs professeur de théâtre.\n"
    (person,) = extract(text)["people"]
    assert person["occupations"] == "acteur;professeur de théâtre"


def test_demonyms_side_by_side_name_several_countries() -> None:
    for sentence, countries in (
        ("La Pirogue est un film burkinabé français réalisé par Issa Ba, sorti en 2001.", "BF;FR"),
        ("La Pirogue est un film mexicain et vénézuélien réalisé par Issa Ba.", "MX;VE"),
        ("La Pirogue est un film malien de Issa Ba, tourné par une équipe française.", "ML"),
    ):
        (film,) = extract(sentence + "\n")["films"]
        assert film["countries"] == countries, sentence


def test_a_mirror_without_link_spaces_still_opens_the_article(tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("| Titre original | Desde el mar |\nLe Sel du large (Desde el mar) est unfilm mexicain etchilien réalisé parAna Ruiz.\n", encoding="utf-8")
    doc = read(Source(path, "a"))
    tables = document_tables(extract_document(doc, NO_NER), IdAllocator())
    (film,) = tables["films"]
    assert (film["title"], film["countries"]) == ("Le Sel du large", "MX;CL")
    assert column(tables, "credits", "role", "name") == [("director", "Ana Ruiz")]
    (credit,) = tables["credits"]
    assert doc.text[credit["start"]:credit["end"]] == "Ana Ruiz"


def test_subtitle_script_form_and_alias_in_the_subject() -> None:
    text = "Le Vent du sud, chronique d'un été (arabe : ريح الجنوب), parfois simplement appelé Le Vent du sud, est un film tunisien réalisé par Karim Saïdi.\n"
    tables = extract(text)
    assert column(tables, "films", "title") == [("Le Vent du sud, chronique d'un été",)]
    assert column(tables, "titles", "title", "lang") == [("Le Vent du sud, chronique d'un été", ""), ("ريح الجنوب", "ara"), ("Le Vent du sud", "")]
    assert column(tables, "credits", "role", "name") == [("director", "Karim Saïdi")]
    for sentence, title, alias in (
        ("La Grande Route, aussi connue sous le titre de Le Chemin, est un film malien.", "La Grande Route", "Le Chemin"),
        ("Le Puits, appelé au Mali Le Trou, est un film malien.", "Le Puits", "Le Trou"),
    ):
        tables = extract(sentence + "\n")
        assert column(tables, "titles", "title") == [(title,), (alias,)], sentence
    assert column(extract("Le Puits, le retour est un film malien.\n"), "titles", "title") == [("Le Puits, le retour",)]


def test_french_title_of_the_opening_sentence_is_the_main_title() -> None:
    text = (
        "Desde el mar\n| Titre original | Desde el mar |\n| Réalisation | Ana Ruiz |\n| Durée | 93 minutes |\n"
        "Le Sel du large (Desde el mar) est un film chilien réalisé par Ana Ruiz.\n"
    )
    tables = extract(text)
    (film,) = tables["films"]
    assert (film["title"], film["original_title"]) == ("Le Sel du large", "Desde el mar")
    assert column(tables, "sections", "title") == [("Le Sel du large",)]


def test_directed_and_written_in_either_order() -> None:
    for verbs in ("écrit et réalisé", "réalisé et écrit"):
        tables = extract(f"La Pirogue est un film iranien {verbs} par Reza Amini et sorti en 1987.\n")
        assert set(column(tables, "credits", "role", "name")) == {("director", "Reza Amini"), ("screenwriter", "Reza Amini")}, verbs
