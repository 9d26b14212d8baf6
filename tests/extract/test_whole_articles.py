"""Whole articles: each section after the opening contributes only what it holds."""

from extract.helpers import NO_NER, column, extract

from pipeline.extract.checks import line_problems
from pipeline.extract.document import extract_document
from pipeline.model import BlockKind, Document
from pipeline.text.segment import segment

FOREIGN = """Dark Meadow, ou Le Pré noir au Québec, est un film britannique réalisé par Owen Price, sorti en 2002.
Synopsis
[modifier | modifier le code]
Dans le Yorkshire, Ellen Shaw (Maggie Reid) hérite d'une ferme où son voisin Tom (Callum Ward) élève des chevaux.
Fiche technique
[modifier | modifier le code]
Sauf indication contraire ou complémentaire, les informations mentionnées dans cette section peuvent être confirmées par la base de données IMDb.
Titre original : Dark Meadow
Titre québécois : Le Pré noir
Dates de sortie :
Royaume-Uni : 12 avril 2002
Québec : 3 mai 2002
Réalisation : Owen Price
Musique : Rachel Dunn
Classification :
Royaume-Uni : 15
France : tous publics (version salles) ; interdit aux moins de 16 ans (director's cut)
Distribution
[modifier | modifier le code]
Source et légende : version française (VF) sur Voix de France et version québécoise (VQ) sur Studio Nordet
Maggie Reid (VF : Nadia Perrin ; VQ : Sylvie Caron) : Ellen Shaw
Callum Ward (VQ : Luc Paquin) : Tom Hardwick, le voisin
Iris Bell (voix française : Odile Marc) dans le rôle de la tante Agatha
Production
[modifier | modifier le code]
Genèse et développement
Owen Price écrit le scénario pendant dix ans avant de convaincre la BBC de le produire.
Attribution des rôles
Maggie Reid décroche le rôle d'Ellen après trois auditions.
Tournage
Le tournage, de mai à juillet 2001, a lieu à Whitby et à Pickering, puis aux studios de Pinewood.
Musique
Rachel Dunn compose une partition pour violoncelle seul.
Accueil
[modifier | modifier le code]
La critique britannique salue le film. Il attire 1,7 million de spectateurs en Europe. Sur IMDb, sa note moyenne atteint 7,1/10.
Distinctions
[modifier | modifier le code]
Sauf mention contraire, cette liste provient d'informations de l'Internet Movie Database.
Récompenses
Prix Orion 2002 : meilleure réalisation, meilleurs costumes, meilleure musique pour Rachel Dunn
Festival du film britannique de Dinard 2002 : Hitchcock d'or pour la version longue
Nominations
BAFTA 2003 :
Meilleur film britannique
Meilleure actrice pour Maggie Reid
Source : Internet Movie Database
Notes et références
[modifier | modifier le code]
↑ (en) « Dark Meadow », sur l'Internet Movie Database
Jane Morris, « Prix du meilleur film pour Dark Meadow », The Guardian, 2002.
Articles connexes
Liste de films britanniques sortis en 2002
Liens externes
Ressources relatives à l'audiovisuel : Allociné · IMDb · Rotten Tomatoes
Portail du cinéma britannique
"""


def test_sections_of_a_whole_article_open_blocks_of_their_kind() -> None:
    (section,) = segment(Document("d", FOREIGN))
    kinds = [b.kind for b in section.blocks]
    assert kinds[:4] == [BlockKind.INTRO, BlockKind.SYNOPSIS, BlockKind.FICHE, BlockKind.DISTRIBUTION]
    assert BlockKind.PRODUCTION in kinds and BlockKind.NOTES in kinds
    assert kinds.index(BlockKind.PRODUCTION) < kinds.index(BlockKind.AWARDS) < kinds.index(BlockKind.NOTES)


def test_dubbing_voices_are_not_cast() -> None:
    cast = column(extract(FOREIGN), "cast", "actor", "character")
    assert cast == [("Maggie Reid", "Ellen Shaw"), ("Callum Ward", "Tom Hardwick"), ("Iris Bell", "la tante Agatha")]


def test_a_dubbing_note_after_the_character() -> None:
    text = "Le Pré est un film américain sorti en 2002.\nDistribution\n- Nora Vidal : Zoé Marchal (VF : Nadia Perrin)\n- Paul Roy (VQ : Luc Paquin)\n"
    assert column(extract(text), "cast", "actor", "character") == [("Nora Vidal", "Zoé Marchal"), ("Paul Roy", "")]


def test_a_credit_note_is_not_the_character() -> None:
    text = (
        "Le Pré est un film français sorti en 2002.\nDistribution\n"
        "- Paul Roy (non crédité) : le facteur\n- Lucie Bon (créditée comme Lucie B.)\n- Omar Sy (caméo)\n"
    )
    assert column(extract(text), "cast", "actor", "character") == [("Paul Roy", "le facteur"), ("Lucie Bon", ""), ("Omar Sy", "")]


def test_a_list_line_without_dubbing_note_keeps_its_parenthesis() -> None:
    text = "Le Pré est un film français sorti en 2002.\nDistribution\n- Nora Vidal (Zoé Marchal)\n- Paul Roy (Vincent, dit VF)\n"
    assert column(extract(text), "cast", "actor", "character") == [("Nora Vidal", "Zoé Marchal"), ("Paul Roy", "Vincent")]


def test_sub_headings_and_furniture_give_no_rows() -> None:
    tables = extract(FOREIGN)
    words = ("Production", "Genèse", "Attribution", "Tournage", "Musique", "Source", "Sauf", "Ressources", "Portail", "Liste")
    for table, names in (("cast", ("actor", "character")), ("credits", ("name",)), ("awards", ("category", "event"))):
        for row in column(tables, table, *names):
            assert not any(value.startswith(words) for value in row if isinstance(value, str)), (table, row)
    assert column(tables, "credits", "role", "name") == [("director", "Owen Price"), ("composer", "Rachel Dunn")]


def test_a_whole_article_gives_no_warning() -> None:
    result = extract_document(Document("d", FOREIGN), NO_NER)
    assert result.problems == [] and line_problems(FOREIGN, result) == []


def test_regional_alias_is_a_title_form_not_the_title() -> None:
    tables = extract(FOREIGN)
    assert column(tables, "films", "title", "original_title") == [("Dark Meadow", "Dark Meadow")]
    assert column(tables, "sections", "title") == [("Dark Meadow",)]
    assert {t for (t,) in column(tables, "titles", "title")} == {"Dark Meadow", "Le Pré noir"}


def test_an_alternative_title_without_a_region_stays_in_the_title() -> None:
    for text in ("Bernard le bûcheron ou le miracle de Saint Hubert est un film muet français sorti en 1907.",
                 "Le Roi, ou Le Fou au Pays des merveilles, est un film français sorti en 1960."):
        assert column(extract(text), "films", "title") == [(text.split(" est ")[0].rstrip(","),)]


def test_one_award_line_naming_several_categories() -> None:
    rows = column(extract(FOREIGN), "awards", "event", "year", "category", "recipient", "outcome")
    assert rows == [
        ("Prix Orion", 2002, "meilleure réalisation", "", "won"),
        ("Prix Orion", 2002, "meilleurs costumes", "", "won"),
        ("Prix Orion", 2002, "meilleure musique", "Rachel Dunn", "won"),
        ("Festival du film britannique de Dinard", 2002, "Hitchcock d'or", "", "won"),
        ("BAFTA", 2003, "Meilleur film britannique", "", "nominated"),
        ("BAFTA", 2003, "Meilleure actrice", "Maggie Reid", "nominated"),
    ]


def test_a_prize_named_with_a_comma_stays_one_category() -> None:
    text = "Le Pré est un film français sorti en 2002.\nRécompenses\n- Festival de Khouribga 2003 : Prix Sembène Ousmane, prix spécial du jury\n"
    assert column(extract(text), "awards", "category") == [("Prix Sembène Ousmane, prix spécial du jury",)]


def test_filming_locations_from_production_prose() -> None:
    assert column(extract(FOREIGN), "films", "filming_locations") == [("Whitby;Pickering",)]


def test_production_prose_without_a_place_of_shooting_gives_nothing() -> None:
    text = (
        "Le Pré est un film français sorti en 2002.\n"
        "Production\n"
        "Le tournage commence en mars 2001 et dure huit semaines. Le film est tourné en 35 mm et en Technicolor.\n"
        "Tourné en 2001, le film est présenté au Festival de Cannes puis à Venise.\n"
        "Synopsis\n"
        "Le tournage du film dans le film a lieu à Rome.\n"
    )
    assert column(extract(text), "films", "filming_locations") == [("",)]


def test_a_country_after_en_is_a_filming_location() -> None:
    text = "Le Pré est un film français sorti en 2002.\nTournage\nLe film est tourné en Tunisie, à Tozeur et à Nefta.\n"
    assert column(extract(text), "films", "filming_locations") == [("Tunisie;Tozeur;Nefta",)]


def test_reception_figures_are_no_award() -> None:
    text = (
        "Le Pré est un film français sorti en 2002.\n"
        "Accueil\n"
        "La critique salue le film, qui attire 1,8 million de spectateurs.\n"
        "Sur Allociné, sa note moyenne atteint 7,2/10 avec 71 % d'avis positifs.\n"
        "Box-office\n"
        "Le film obtient 412 356 entrées en France.\n"
    )
    assert column(extract(text), "awards", "category") == []


def test_reception_prose_naming_a_prize_still_counts() -> None:
    text = "Le Pré est un film français sorti en 2002.\nAccueil\nLe film remporte le Grand Prix au Festival de Namur 2002.\n"
    assert column(extract(text), "awards", "event", "year", "category") == [("Festival de Namur", 2002, "Grand Prix")]


def test_release_lines_per_country_under_their_label() -> None:
    assert column(extract(FOREIGN), "releases", "country_code", "country", "date") == [
        ("GB", "Royaume-Uni", "2002-04-12"), ("CA", "Québec", "2002-05-03")]


def test_release_rating_among_several() -> None:
    assert column(extract(FOREIGN), "films", "age_rating") == [(0,)]


def test_notes_and_links_give_nothing_even_when_they_name_a_prize() -> None:
    text = (
        "Le Pré est un film français sorti en 2002.\n"
        "Notes et références\n"
        "Le Monde, « Le film remporte le prix du public au Festival de Namur 2002 », 3 octobre 2002.\n"
        "Liens externes\n"
        "Réalisation : site de la production\n"
    )
    tables = extract(text)
    assert column(tables, "awards", "category") == [] and column(tables, "credits", "name") == []


def test_cast_sub_lists_and_unknown_sections_give_no_actor() -> None:
    text = (
        "Le Pré est un film d'animation français sorti en 2002.\n"
        "Distribution\n"
        "[modifier | modifier le code]\n"
        "Voix originales\n"
        "- Nora Vidal : Léa\n"
        "Non crédités :\n"
        "- Paul Roy : le facteur\n"
        "Contexte historique\n"
        "[modifier | modifier le code]\n"
        "Chronique d'un village\n"
        "La Guerre des haies[modifier | modifier le code]\n"
        "Le film évoque le remembrement des années 1960.\n"
    )
    assert column(extract(text), "cast", "actor", "character") == [("Nora Vidal", "Léa"), ("Paul Roy", "le facteur")]


def test_a_short_cast_line_without_edit_link_is_still_an_actor() -> None:
    text = "Le Pré est un film français sorti en 2002.\nDistribution\n- Nora Vidal\n- Paul Roy\nSynopsis\nUn facteur arrive.\n"
    assert column(extract(text), "cast", "actor") == [("Nora Vidal",), ("Paul Roy",)]


def test_ceremony_prizes_on_one_line_and_selections() -> None:
    text = (
        "Le Pré est un film américain sorti en 1999.\n"
        "Distinctions\n"
        "Récompenses\n"
        "- Oscars 2000 : Oscar du meilleur acteur pour Tom Keller, Oscar du meilleur montage\n"
        "- Festival de Locarno 1999 : Léopard d'or, catégorie premier film\n"
        "Sélections\n"
        "- Mostra de Venise 1999 : en compétition officielle\n"
    )
    rows = column(extract(text), "awards", "event", "category", "recipient", "outcome")
    assert rows == [
        ("Oscars", "Oscar du meilleur acteur", "Tom Keller", "won"),
        ("Oscars", "Oscar du meilleur montage", "", "won"),
        ("Festival de Locarno", "Léopard d'or, catégorie premier film", "", "won"),
        ("Mostra de Venise", "compétition officielle", "", "selected"),
    ]


def test_a_regional_title_in_the_opening_parenthesis() -> None:
    text = "Night Town (La Ville sans jour au Québec) est un film américain sorti en 1999.\n"
    tables = extract(text)
    assert column(tables, "films", "title") == [("Night Town",)]
    assert [t for (t,) in column(tables, "titles", "title")] == ["Night Town", "La Ville sans jour"]
    text = "Le Pré (Retour en Algérie) est un film français sorti en 1999.\n"
    assert [t for (t,) in column(extract(text), "titles", "title")] == ["Le Pré", "Retour en Algérie"]


def test_a_critics_judgement_in_accueil_is_no_new_article() -> None:
    text = (
        "Le Pré est un film français sorti en 2002.\n"
        "Accueil\n"
        "Pour Télérama, Le Pré est un film sensible et juste.\n"
        "Selon Jean Dupont, Les Dunes est un film plus abouti.\n"
        "Distinctions\n"
        "- Festival de Namur 2002 : Prix du public\n"
    )
    tables = extract(text)
    assert column(tables, "sections", "title") == [("Le Pré",)]
    assert column(tables, "awards", "event", "category") == [("Festival de Namur", "Prix du public")]


def test_a_title_opening_with_pour_is_still_a_title() -> None:
    text = "Pour toi, mon amour est un film belge sorti en 1990.\nPour un seul de mes deux yeux est un film israélien sorti en 2005.\n"
    assert column(extract(text), "sections", "title") == [("Pour toi, mon amour",), ("Pour un seul de mes deux yeux",)]


def test_year_headings_and_outcome_phrases_in_distinctions() -> None:
    text = (
        "Le Pré est un film d'animation français sorti en 2014.\n"
        "Distinctions\n"
        "2014\n"
        "• Festival de Namur : Bayard d'or et prix du public\n"
        "2015\n"
        "• Magritte 2015 : nomination au Magritte du meilleur premier film\n"
    )
    rows = column(extract(text), "awards", "event", "year", "category", "outcome")
    assert rows == [
        ("Festival de Namur", 2014, "Bayard d'or", "won"),
        ("Festival de Namur", 2014, "prix du public", "won"),
        ("Magritte", 2015, "Magritte du meilleur premier film", "nominated"),
    ]


def test_several_actors_on_one_cast_line() -> None:
    text = "Le Pré est un film français sorti en 2017.\nDistribution\n- Nora Vidal : Léa\nVoix additionnelles\n- Hervé Cassan, Lise Morand et Paul Roy\n- La chorale de Tiassalé\n"
    assert column(extract(text), "cast", "actor", "character") == [
        ("Nora Vidal", "Léa"), ("Hervé Cassan", ""), ("Lise Morand", ""), ("Paul Roy", ""), ("La chorale de Tiassalé", "")]


def test_funders_joined_by_et_de() -> None:
    text = (
        "Le Pré est un film français sorti en 2017.\nFiche technique\n"
        "- Sociétés de production : Sahel Films ; avec la participation de la RTBF et de Télé Sahel\n"
        "- Société de production : Centre national du cinéma et de l'image animée\n"
    )
    assert column(extract(text), "credits", "role", "name") == [
        ("production_company", "Sahel Films"), ("funder", "RTBF"), ("funder", "Télé Sahel"),
        ("production_company", "Centre national du cinéma et de l'image animée")]


def test_a_sentence_summing_up_a_distinctions_list_gives_no_warning() -> None:
    text = (
        "Le Pré est un film français sorti en 2002.\n"
        "Fiche technique\n- Réalisation : Ana Roy\n"
        "Distinctions\n"
        "Le film a obtenu de nombreuses récompenses en Afrique comme en Europe, au fil de ses passages en festival.\n"
        "Récompenses\n"
        "- Festival de Namur 2002 : Prix du public\n"
    )
    result = extract_document(Document("d", text), NO_NER)
    assert result.problems == [] and line_problems(text, result) == []
    assert column(extract(text), "awards", "category") == [("Prix du public",)]
