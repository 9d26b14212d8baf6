"""Award blocks and prizes in prose."""

from extract.helpers import column, extract

BLOCK = """Le Puits est un film marocain sorti en 2001.
Récompenses
3e édition du Festival international du film de Fès (2002) :
Prix de la meilleure actrice (en ex-aequo Amina Sow et Leila Benani)
Prix du meilleur scénario
Festival du cinéma africain de Louxor 200312
Le Grand Prix du festival13
Prix Ousmane Sembène, prix spécial du jury14
Prix du second rôle pour feu Karim Tazi15
Nominations
Festival de Carthage 2004 : Tanit d'or
"""


def test_block_rows_one_per_prize_and_recipient() -> None:
    rows = column(extract(BLOCK), "awards", "event", "edition", "year", "category", "recipient", "outcome", "ex_aequo")
    assert rows == [
        ("Festival international du film de Fès", 3, 2002, "Prix de la meilleure actrice", "Amina Sow", "won", "true"),
        ("Festival international du film de Fès", 3, 2002, "Prix de la meilleure actrice", "Leila Benani", "won", "true"),
        ("Festival international du film de Fès", 3, 2002, "Prix du meilleur scénario", "", "won", "false"),
        ("Festival du cinéma africain de Louxor", "", 2003, "Grand Prix du festival", "", "won", "false"),
        ("Festival du cinéma africain de Louxor", "", 2003, "Prix Ousmane Sembène, prix spécial du jury", "", "won", "false"),
        ("Festival du cinéma africain de Louxor", "", 2003, "Prix du second rôle", "Karim Tazi", "won", "false"),
        ("Festival de Carthage", "", 2004, "Tanit d'or", "", "nominated", "false"),
    ]


def test_acting_prize_recipients_join_the_cast() -> None:
    cast = column(extract(BLOCK), "cast", "actor", "character", "source")
    assert ("Amina Sow", "", "award") in cast and ("Karim Tazi", "", "award") in cast


def test_prizes_in_prose() -> None:
    text = (
        "Le Puits est un film marocain sorti en 2001. Le film remporte la Caméra d'or au Festival de Cannes 2001 "
        "et devient le premier film à recevoir l'Étalon de bronze au FESPACO en 2003. "
        "Il a reçu plusieurs récompenses, dont le Prix du public au Festival de Namur 2002.\n"
        "Le Désert est un film algérien sorti en 2010. Il a été choisi pour représenter l'Algérie pour l'Oscar du "
        "meilleur film international lors de la 83e cérémonie des Oscars.\n"
    )
    rows = column(extract(text), "awards", "event", "edition", "year", "category", "outcome")
    assert rows == [
        ("Festival de Cannes", "", 2001, "Caméra d'or", "won"),
        ("FESPACO", "", 2003, "Étalon de bronze", "won"),
        ("Festival de Namur", "", 2002, "Prix du public", "won"),
        ("Oscars", 83, "", "Oscar du meilleur film international", "submitted"),
    ]


def test_quotes_under_an_awards_heading_are_not_prizes() -> None:
    text = "Le Puits est un film marocain sorti en 2001.\nDistinctions\n« Un film qui parle de la terre et des hommes avec une grande justesse », écrit un critique.\n"
    assert extract(text)["awards"] == []


def test_selection_and_nomination_phrases() -> None:
    text = (
        "Le Fleuve est un film malien sorti en 2012. Le film a été présenté en compétition officielle au Festival de Venise 2012. "
        "Il a été nommé pour l'Oscar du meilleur film international lors de la 85e cérémonie des Oscars.\n"
    )
    rows = column(extract(text), "awards", "event", "edition", "year", "category", "outcome")
    assert rows == [
        ("Festival de Venise", "", 2012, "compétition officielle", "selected"),
        ("Oscars", 85, "", "Oscar du meilleur film international", "nominated"),
    ]


def test_dated_ceremony_head_and_plural_event_words() -> None:
    text = (
        "Le Fleuve est un film malien sorti en 2012.\nRécompenses\n"
        "Trophées du cinéma africain 2013 : Trophée du meilleur film\nNominations\nCésar 2013 : César du meilleur film étranger\n"
    )
    rows = column(extract(text), "awards", "event", "year", "category", "outcome")
    assert rows == [
        ("Trophées du cinéma africain", 2013, "Trophée du meilleur film", "won"),
        ("César", 2013, "César du meilleur film étranger", "nominated"),
    ]


def test_list_lines_know_the_ceremonies_and_event_heads_of_the_sentence_reader() -> None:
    text = (
        "Le Puits est un film marocain sorti en 2001.\nRécompenses\n"
        "Trophées francophones du cinéma 2013 : prix du meilleur scénario, Goya du meilleur film\n"
        "Gala du cinéma 2014\nPrix du public et Magritte du meilleur acteur pour Karim Tazi\n"
    )
    rows = column(extract(text), "awards", "event", "year", "category", "recipient")
    assert rows == [
        ("Trophées francophones du cinéma", 2013, "prix du meilleur scénario", ""),
        ("Trophées francophones du cinéma", 2013, "Goya du meilleur film", ""),
        ("Gala du cinéma", 2014, "Prix du public", ""),
        ("Gala du cinéma", 2014, "Magritte du meilleur acteur", "Karim Tazi"),
    ]


def test_a_prize_led_by_an_outcome_verb_takes_its_outcome() -> None:
    text = (
        "Le Puits est un film marocain sorti en 2001.\nRécompenses\n"
        "Journées de Carthage 2005 : retenu pour la Tanit d'or\n"
    )
    rows = column(extract(text), "awards", "event", "year", "category", "outcome")
    assert rows == [("Journées de Carthage", 2005, "Tanit d'or", "selected")]
