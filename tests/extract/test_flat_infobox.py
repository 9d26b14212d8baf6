from extract.helpers import column, extract
from pipeline.text.flat_infobox import flat_fields, label_starts, title_in_last_value

ONE_LINE = (
    "Le Vent du sud Titre original Rih al-janub Réalisation Karim Saïdi Acteurs principaux Leïla Ben Ali "
    "Scénario Karim Saïdi Durée 1 h 52 Le Vent du sud (en arabe : ريح الجنوب) est un film tunisien sorti en 2004.\n"
)


def test_infobox_and_opening_sentence_on_one_line() -> None:
    tables = extract(ONE_LINE)
    assert column(tables, "sections", "kind", "title") == [("film", "Le Vent du sud")]
    (film,) = tables["films"]
    assert (film["original_title"], film["duration_min"], film["countries"], film["year"]) == ("Rih al-janub", 112, "TN", 2004)
    assert set(column(tables, "credits", "role", "name")) == {("director", "Karim Saïdi"), ("screenwriter", "Karim Saïdi")}
    assert column(tables, "cast", "actor") == [("Leïla Ben Ali",)]
    assert ("Durée", "1 h 52") in column(tables, "fiche", "label", "value")


def test_title_after_a_name_value_is_found_from_the_heading() -> None:
    text = "Les Sentiers\nRéalisation Awa Sy Scénario Omar Ly Acteurs principaux Binta Fall Les Sentiers est un film malien.\n"
    tables = extract(text)
    assert column(tables, "sections", "title") == [("Les Sentiers",)]
    assert column(tables, "cast", "actor") == [("Binta Fall",)]


def test_flattened_infobox_over_lines_with_furniture_glued() -> None:
    text = (
        "Données clés Réalisation Awa Sy Scénario Omar Ly Sociétés de production Sahel Films, co-produit avec "
        "France 2, Baobab Production et Niger Films Pays d’origine Mali\nFrance\nSénégalGenre Comédie, Aventure "
        "Sortie 2011 Durée 1 h 52 min Pour plus de détails, voir Fiche technique et Distribution\n"
        "La Pirogue est un film malien réalisé par Awa Sy.\n"
    )
    tables = extract(text)
    (film,) = tables["films"]
    assert (film["title"], film["countries"], film["genres"], film["duration_min"]) == ("La Pirogue", "ML;FR;SN", "comédie;aventure", 112)
    assert set(column(tables, "credits", "role", "name")) == {
        ("director", "Awa Sy"), ("screenwriter", "Omar Ly"), ("production_company", "Sahel Films"),
        ("production_company", "France 2"), ("production_company", "Baobab Production"), ("production_company", "Niger Films"),
    }
    assert column(tables, "releases", "date") == [("2011",)]


def test_prose_and_template_residue_are_not_flattened_infoboxes() -> None:
    for line in (
        "Production difficile : la Musique manque, et le Montage traîne selon Awa Sy.",
        "Réalisation et Scénario sont signés par Awa Sy, Musique de Salif Keïta.",
        "Modèle:Infobox V3/Titre Bloc Modèle:Infobox V3/Image Modèle:Infobox V3/Durée Modèle:Infobox V3/Fin",
        "Réalisation Awa Sy Musique de Salif Keïta Montage et mixage par Omar Ly",
    ):
        assert flat_fields(line, 0, len(line)) == [], line


def test_label_starts_finds_every_capitalised_label_overlapping_ones_included() -> None:
    line = "Date De Sortie 2006 Réalisation Awa Sy musique Omar Ly"
    starts = label_starts(line, 0, len(line))
    assert [line[s:s + 6] for s in starts] == ["Date D", "Sortie", "Réalis"]
    assert all(s in starts for s in flat_fields(line, 0, len(line)))


def test_title_in_last_value_offsets_survive_case_folding() -> None:
    """Casefolding lengthens `ß`: the title's start is found in the text itself."""
    line = "Réalisation Awa Sy Production Großmann Films Le Vent du sud"
    start = line.index("Production")
    at = title_in_last_value(line, start, len(line), ["Le Vent du sud"])
    assert at == line.index("Le Vent")
