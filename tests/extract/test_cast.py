"""Cast lists, prose pairs, and the NER decision for one-word names."""

import pytest

from extract.helpers import column, extract
from pipeline.ner import PersonTagger

LIST = """Le Puits est un film marocain réalisé par Samir Alaoui, avec Nadia Kamal et Omar Sy, sorti en 2001.
Synopsis
Youssef (Karim Tazi) et Salma (Leila Benani) cherchent de l'eau près de Ouarzazate (Maroc). Le vieux Brahim (Hamid) les aide.
Distribution
- Amina Sow : Khadija, la mère de Youssef
- Hassan Idrissi (le caïd)
- Driss Alami dans le rôle de l'instituteur
- Leila Benani : Salma
- Nadia Kamal
"""


def test_list_layouts_and_appositions() -> None:
    cast = column(extract(LIST), "cast", "actor", "character", "source")
    assert ("Amina Sow", "Khadija", "distribution") in cast
    assert ("Hassan Idrissi", "le caïd", "distribution") in cast
    assert ("Driss Alami", "l'instituteur", "distribution") in cast
    assert ("Nadia Kamal", "", "distribution") in cast


def test_prose_pairs_sources_and_priority() -> None:
    cast = column(extract(LIST), "cast", "actor", "character", "source")
    assert ("Karim Tazi", "Youssef", "synopsis") in cast
    assert ("Leila Benani", "Salma", "distribution") in cast, "one row per pair, distribution first"
    assert ("Omar Sy", "", "intro") in cast
    assert not any(actor == "Maroc" for actor, _, _ in cast), "a country in parentheses is not an actor"
    assert sum(1 for actor, _, _ in cast if actor == "Nadia Kamal") == 1


def test_one_word_name_needs_the_model() -> None:
    without = column(extract(LIST), "cast", "actor")
    assert ("Hamid",) not in without


@pytest.mark.filterwarnings("ignore")
def test_one_word_name_accepted_when_ner_says_person() -> None:
    text = "Le Puits est un film marocain sorti en 2001.\nSynopsis\nLe jeune Youssef (Mohamed) rencontre la vieille Fatima (Touria) au marché de la ville.\n"
    with_ner = column(extract(text, PersonTagger()), "cast", "actor", "character")
    assert any(character in ("Youssef", "Fatima") for _, character in with_ner)


def test_edit_link_glued_to_the_first_bullet() -> None:
    text = "Le Puits est un film marocain sorti en 2001.\nDistribution\nmodifier- Amina Sow\n- Karim Tazi : Youssef\n"
    assert column(extract(text), "cast", "actor", "character") == [("Amina Sow", ""), ("Karim Tazi", "Youssef")]
