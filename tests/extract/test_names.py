from pipeline.extract.names import split_names


def _names(value: str) -> list[tuple[str, str, str, bool]]:
    return [(n.span.value, n.note, n.role, n.funder) for n in split_names(value, 0, len(value))]


def test_sub_role_in_parenthesis_applies_to_the_group() -> None:
    value = "Léa Martin et Omar Diop (producteurs exécutifs), Paul Roy (coproducteur)"
    assert _names(value) == [
        ("Léa Martin", "", "executive_producer", False),
        ("Omar Diop", "", "executive_producer", False),
        ("Paul Roy", "", "coproducer", False),
    ]


def test_qualifiers_go_to_note() -> None:
    assert _names("Jean Ba (AFC)") == [("Jean Ba", "AFC", "", False)]
    assert _names("Sidi Kane, Moussa Sy et DJ Lion (alias Le Roi)") == [
        ("Sidi Kane", "", "", False),
        ("Moussa Sy", "", "", False),
        ("DJ Lion", "alias Le Roi", "", False),
    ]


def test_funders_and_scopes() -> None:
    value = "Nile Films (coproduction), avec le soutien du Fonds national du cinéma"
    assert _names(value) == [
        ("Nile Films", "coproduction", "", False),
        ("Fonds national du cinéma", "soutien", "", True),
    ]
    value = "Kino Vert3: distribution pour la Suisse, la Belgique ; Aube Films: ventes internationales"
    assert _names(value) == [
        ("Kino Vert", "distribution pour la Suisse, la Belgique", "", False),
        ("Aube Films", "ventes internationales", "", False),
    ]


def test_footnotes_late_and_dashes() -> None:
    assert _names("feu Ali Sow12") == [("Ali Sow", "", "", False)]
    assert _names("A. Ndiaye – Binta Fall – Omar Ly") == [("A. Ndiaye", "", "", False), ("Binta Fall", "", "", False), ("Omar Ly", "", "", False)]
    assert _names("Films du Sud (Les), Studio Nour") == [("Films du Sud", "", "", False), ("Studio Nour", "", "", False)]


def test_offsets_point_at_the_name() -> None:
    value = "Musique de scène, Aïda Benali7"
    names = split_names(value, 0, len(value))
    assert value[names[-1].span.start:names[-1].span.end] == "Aïda Benali"


def test_coproducing_companies_and_numbered_channels() -> None:
    assert _names("Sahel Films, co-produit avec Canal 3, Arte et Baobab") == [
        ("Sahel Films", "", "", False),
        ("Canal 3", "coproduction", "", False),
        ("Arte", "", "", False),
        ("Baobab", "", "", False),
    ]
    assert _names("Sahel Films, en coproduction avec Niger Images") == [
        ("Sahel Films", "", "", False),
        ("Niger Images", "coproduction", "", False),
    ]
    assert _names("Awa Sy 12") == [("Awa Sy", "", "", False)]
    assert _names("France 3") == [("France 3", "", "", False)]


def test_the_source_works_author() -> None:
    assert _names("Radu Dan (scénario) Max Blick (roman)") == [
        ("Radu Dan", "", "screenwriter", False),
        ("Max Blick", "", "source_author", False),
    ]
    assert _names("Oscar Tall et Paul Oda d'après la pièce éponyme d'Edwin Roy") == [
        ("Oscar Tall", "", "", False),
        ("Paul Oda", "", "", False),
        ("Edwin Roy", "", "source_author", False),
    ]
    assert _names("Awa Sy, d'après le roman Le Puits de Omar Ly") == [("Awa Sy", "", "", False), ("Omar Ly", "", "source_author", False)]
    assert _names("Awa Sy, d'après l'opéra de Omar Ly") == [("Awa Sy", "", "", False), ("Omar Ly", "", "source_author", False)]
    assert _names("Radu Dan (scénario) Max Blick (essai)")[1] == ("Max Blick", "", "source_author", False)
    assert _names("Jean Ba (AFC) Pierre Roy") == [("Jean Ba", "AFC", "", False), ("Pierre Roy", "", "", False)]


def test_an_idea_or_a_song_is_not_a_source_work() -> None:
    assert [n[2] for n in _names("Awa Sy, d'après une idée de Omar Ly")] != ["", "source_author"]
    assert _names("Sahel Images (Mali), Canal Ouest") == [("Sahel Images", "Mali", "", False), ("Canal Ouest", "", "", False)]
