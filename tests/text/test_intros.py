from pipeline.text.intros import find_intros


def _titles(text: str) -> list[tuple[str, str]]:
    return [(i.kind, i.title.value) for i in find_intros(text)]


def test_film_intro_at_line_start_with_parenthesis() -> None:
    text = "La Nuit bleue (en arabe : الليلة) est un film tunisien réalisé par Sami Haddad, sorti en 1999.\n"
    intros = find_intros(text)
    assert _titles(text) == [("film", "La Nuit bleue")]
    a, b = intros[0].paren
    assert text[a:b] == "en arabe : الليلة"


def test_articles_glued_after_a_sentence_end() -> None:
    text = "Elle vit à Tunis.Le Sable (الرمل) est un film tunisien de Sami Haddad."
    assert _titles(text) == [("film", "Le Sable")]


def test_articles_glued_after_a_lowercase_word() -> None:
    text = "Meilleure photographieLes Oiseaux du sud est un film franco-malien sorti en 2001."
    assert _titles(text) == [("film", "Les Oiseaux du sud")]


def test_pronoun_subject_is_not_a_title() -> None:
    text = "Le film est un drame.\nIl est un film rare.\nCe long métrage est un film culte."
    assert _titles(text) == []


def test_person_intro_with_birth() -> None:
    text = "Amina Sow (arabe : أمينة), née le 3 mars 1970 à Dakar, est une réalisatrice sénégalaise.\n"
    assert _titles(text) == [("person", "Amina Sow")]


def test_person_intro_with_occupation_only() -> None:
    assert _titles("Karim Sefraoui est un acteur marocain.") == [("person", "Karim Sefraoui")]


def test_furniture_sentence_glued_before_the_title() -> None:
    text = "Le Gué\nPour plus de détails, voir Fiche technique et Distribution. Le Gué, une nuit au fleuve est un film malien sorti en 2004.\n"
    assert _titles(text) == [("film", "Le Gué, une nuit au fleuve")]


def test_an_abbreviation_in_a_title_is_not_furniture() -> None:
    text = "Mr. Diop au Sénat est un film sénégalais sorti en 2004.\n"
    assert _titles(text) == [("film", "Mr. Diop au Sénat")]


def test_template_residue_before_the_title() -> None:
    for residue in ("Modèle:Infobox V3/Fin ", "Modèle:Voir homonymes ", "Modèle:Infobox/Fin "):
        text = f"{residue}Les Feux de la forêt est un téléfilm sorti en 1988 et réalisé par Paul Oda.\n"
        assert _titles(text) == [("film", "Les Feux de la forêt")], residue


def test_commentary_repeating_the_title_opens_no_second_article() -> None:
    text = (
        "Où dort la mer ? (titre persan) est un film iranien sorti en 1990.\n"
        "Critique\n"
        "Où Dort La Mer? est un film lent, écrit un critique.\n"
        "La Forêt rouge est un film tchadien sorti en 1995.\n"
    )
    assert _titles(text) == [("film", "Où dort la mer ?"), ("film", "La Forêt rouge")]
