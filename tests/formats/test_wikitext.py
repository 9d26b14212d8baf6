"""Wikitext: the templates of French film articles rendered as text, the rest of the markup laid out as lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.io.rendered import MarkupError
from pipeline.io.wikitext import infobox_labels, render_wikitext, template_rules
from pipeline.text.normalize import fold_key
from pipeline.vocab import labels

DATA = Path(__file__).parent / "data"


def _text(source: str) -> str:
    return render_wikitext(source).text.strip()


@pytest.mark.parametrize(("source", "text"), [
    ("Sortie : {{date|12|mars|2020|au cinéma}}", "Sortie : 12 mars 2020"),
    ("Sortie : {{Date|1er|avril|1994}}", "Sortie : 1er avril 1994"),
    ("Sortie : {{Date de sortie|3|juin|2001}}", "Sortie : 3 juin 2001"),
    ("née le {{date de naissance|8|mars|1951|âge=oui}}", "née le 8 mars 1951"),
    ("Durée : {{Unité|95|minutes}}", "Durée : 95 minutes"),
    ("Titre : {{Langue|en|The Wind}}", "Titre : The Wind"),
    ("Titre : {{lang|ar|texte=Rih}}", "Titre : Rih"),
    ("Musique : {{Lien|fr=Salif Diarra|lang=en|trad=Salif D.}}", "Musique : Salif Diarra"),
    ("Musique : {{Lien|langue=en|trad=Ali Farka}}", "Musique : Ali Farka"),
    ("Pays : {{France}}, {{Mali}}", "Pays : France, Mali"),
    ("Pays : {{drapeau|Maroc}} Maroc", "Pays : Maroc"),
    ("Pays : {{drapeau2|Sénégal|domaine=cinéma}}", "Pays : Sénégal"),
    ("Titre : {{Japonais|Le Voyage|旅|Tabi}}", "Titre : Le Voyage (旅, Tabi)"),
    ("Titre : {{Japonais|Le Voyage|旅}}", "Titre : Le Voyage (旅)"),
    ("Format : {{nobr|1,85:1}}", "Format : 1,85:1"),
    ("un film du {{s-|XX}}, au {{s|XXI}}", "un film du XXe, au XXIe siècle"),
    ("la {{1re|circonscription}}, le {{5e|tour}}, le 1{{er}}", "la 1re circonscription, le 5e tour, le 1er"),
    ("Avec {{nobr|[[Issa Koné|I. Koné]]}} et {{Lien|fr={{nobr|Awa}}}}", "Avec I. Koné et Awa"),
])
def test_templates_of_film_articles_render_their_text(source: str, text: str) -> None:
    assert _text(source) == text


def test_references_files_categories_banners_and_magic_words_are_dropped() -> None:
    source = (
        "{{Ébauche|film}}{{Voir homonymes|Vent}}__NOTOC__\n"
        "[[Fichier:Affiche.jpg|vignette|L'affiche du film]]\n"
        "'''''Le Puits''''' est un film<ref name=\"a\">{{Lien web|url=x|titre=Critique}}</ref> malien<ref name=\"b/c\" /> "
        "sorti en [[1990 au cinéma|1990]].<!-- commentaire -->\n"
        "== Notes et références ==\n<references />\n{{Références}}\n{{Portail|cinéma|Mali}}\n"
        "[[Catégorie:Film malien]]\n[[Category:Film]]\n"
    )
    assert render_wikitext(source).text == "Le Puits est un film malien sorti en 1990.\n\nNotes et références\n"


def test_headings_lists_and_tables_keep_the_structure_the_extractors_read() -> None:
    source = (
        "== Fiche technique ==\n* Réalisation : Awa Traoré\n* Dates de sortie :\n** Mali : {{date|12|mars|1994}}\n"
        "**: en salles\n# premier\n;Distinctions\n: Prix du jury\n"
        "=== Distribution ===\n{| class=\"wikitable\"\n! Acteur !! Rôle\n|-\n| [[Issa Koné]] || Moussa\n|-\n| Fatou Diallo<br/>Awa Sy || Aminata\n|}\n"
    )
    assert render_wikitext(source).text.splitlines() == [
        "Fiche technique", "- Réalisation : Awa Traoré", "- Dates de sortie :", "  - Mali : 12 mars 1994", "    en salles",
        "- premier", "Distinctions", "Prix du jury", "", "Distribution", "Acteur | Rôle |", "Issa Koné | Moussa |",
        "Fatou Diallo, Awa Sy | Aminata |",
    ]


def test_infobox_parameters_become_rows_with_fiche_labels_and_the_rest_is_left_out() -> None:
    source = ("{{Infobox Cinéma (film)\n | titre = Le Puits\n | image = Puits.jpg\n | réalisation = [[Awa Traoré]]\n"
              " | acteur = [[Issa Koné]]<br />Fatou Diallo\n | pays = {{Mali}}\n | durée = {{Unité|90|minutes}}\n"
              " | année de sortie = [[1990 au cinéma|1990]]\n | musique = \n | précédent = Le Lac\n}}\n"
              "'''Le Puits''' est un film malien.")
    assert _text(source).splitlines() == [
        "Titre | Le Puits |", "Réalisation | Awa Traoré |", "Acteurs principaux | Issa Koné, Fatou Diallo |",
        "Pays de production | Mali |", "Durée | 90 minutes |", "Sortie | 1990 |", "", "Le Puits est un film malien.",
    ]


def test_every_infobox_label_is_a_fiche_label_and_every_rendering_rule_loads() -> None:
    known = labels()
    assert infobox_labels() and all(fold_key(label) in known for label in infobox_labels().values())
    assert len(template_rules()) > 10


def test_unknown_templates_are_named_once_per_document_with_their_count() -> None:
    rendered = render_wikitext("Le Puits est un film{{Déco X}} malien{{Déco X}}{{Frise|a}}. {{date|1990}}")
    assert rendered.text == "Le Puits est un film malien. 1990\n"
    assert rendered.notes == ("templates not rendered (unknown): {{Déco X}} (2), {{Frise}}",)
    assert render_wikitext("Le Puits est un film.").notes == ()


def test_a_title_given_by_the_caller_is_the_first_line() -> None:
    assert render_wikitext("'''Le Puits''' est un film.", "Le Puits").text == "Le Puits\nLe Puits est un film.\n"


@pytest.mark.parametrize("source", ["{{Infobox Cinéma (film)|image=x.jpg}}\n[[Catégorie:Film]]", "<ref>x</ref>\n{{Portail|cinéma}}"])
def test_wikitext_with_no_article_text_is_refused(source: str) -> None:
    with pytest.raises(MarkupError, match="no article text"):
        render_wikitext(source)


def test_a_real_article_leaves_no_markup_and_names_its_unknown_templates() -> None:
    rendered = render_wikitext((DATA / "brigitte-le-brethon.wiki").read_text(encoding="utf-8"))
    for markup in ("{{", "}}", "[[", "]]", "''", "<ref", "<br", "Catégorie:", "==", "|"):
        assert markup not in rendered.text, markup
    lines = rendered.text.splitlines()
    assert lines[0].startswith("Brigitte Le Brethon, née le 8 mars 1951 à Campeaux, est une femme politique française")
    assert "- 16/06/2002 - 19/06/2007 : Député de la 1re circonscription du Calvados" in lines
    assert "Mandats électoraux" in lines and lines[lines.index("Mandats électoraux") - 1] == ""
    (note,) = rendered.notes
    assert note.startswith("templates not rendered (unknown): {{Déco CLH}}")
