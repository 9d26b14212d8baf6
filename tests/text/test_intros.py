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
