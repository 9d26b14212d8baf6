"""HTML pages: the article body found, furniture dropped, structure kept as lines the extractors read."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.io.html import render_html
from pipeline.io.rendered import MarkupError

DATA = Path(__file__).parent / "data"


def _page(body: str, head: str = "<title>Le Puits — Wikipédia</title>") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def _lines(html: str) -> list[str]:
    return render_html(html).text.splitlines()


def test_desktop_page_keeps_infobox_rows_headings_and_fiche_bullets_and_drops_furniture() -> None:
    text = render_html((DATA / "bernard-le-bucheron-1907.html").read_text(encoding="utf-8")).text
    lines = text.splitlines()
    assert lines[0] == "Bernard le bûcheron"
    assert "Réalisation | Georges Méliès |" in lines
    assert "Pays de production | France |" in lines
    fiche = lines.index("Fiche technique")
    assert lines[fiche - 1] == "" and lines[fiche + 1].startswith("- Titre\u00a0: ")
    assert "- Réalisation\u00a0: Georges Méliès" in lines
    assert "  - IMDb" in lines  # a nested list, indented under its item
    for furniture in ("modifier", "Cette section est vide", "Menu principal", "Catégories", "wgPageParseReport", "ébauche", "Palette"):
        assert furniture not in text
    assert len(text) < 2000  # the article, not the 380 kB page around it


def test_parsoid_page_reads_sections_without_reference_calls_or_lists() -> None:
    text = render_html((DATA / "georges-melies.html").read_text(encoding="utf-8")).text
    lines = text.splitlines()
    assert lines[0] == "Georges Méliès"
    assert any(line.startswith("Naissance | ") and line.endswith(" |") for line in lines)
    assert any(line.startswith("Georges Méliès est un réalisateur") for line in lines)
    assert "Biographie" in lines and lines[lines.index("Biographie") - 1] == ""
    assert "Pour les articles homonymes" not in text
    assert "[1]" not in text and "↑" not in text  # footnote calls and the references list


def test_nested_lists_are_indented_bullets_and_ordered_lists_too() -> None:
    html = _page("<main><h2>Fiche technique</h2><ul><li>Réalisation : Awa Traoré</li>"
                 "<li>Dates de sortie :<ul><li>Mali : 12 mars 1994</li><li>France : <ol><li>Paris : 1995</li></ol></li></ul></li>"
                 "<li>Durée : 95 minutes</li></ul></main>")
    assert _lines(html)[1:] == [
        "", "Fiche technique", "- Réalisation : Awa Traoré", "- Dates de sortie :", "  - Mali : 12 mars 1994",
        "  - France :", "    - Paris : 1995", "- Durée : 95 minutes",
    ]


def test_table_rows_become_label_value_rows_and_line_breaks_in_a_cell_separate_names() -> None:
    html = _page('<article><table class="infobox"><caption>Données clés</caption>'
                 "<tr><th>Réalisation</th><td>Awa Traoré</td></tr>"
                 "<tr><th>Acteurs principaux</th><td>Issa Koné<br>Fatou Diallo<br/></td></tr>"
                 "<tr><th>Pays</th><td><div><span>Mali</span></div><div>France</div></td></tr>"
                 "<tr><td></td><td> </td></tr></table>"
                 "<p>Le Puits est un film malien.</p></article>")
    assert _lines(html) == [
        "Le Puits", "Réalisation | Awa Traoré |", "Acteurs principaux | Issa Koné, Fatou Diallo |",
        "Pays | Mali, France |", "Le Puits est un film malien.",
    ]


def test_edit_links_footnotes_banners_and_navigation_boxes_are_dropped() -> None:
    html = _page(
        '<div id="mw-content-text"><div class="mw-parser-output">'
        '<p>Le Puits est un film malien<sup class="reference"><a href="#cite_note-1">[1]</a></sup>.</p>'
        '<div class="mw-heading mw-heading2"><h2 id="Synopsis">Synopsis</h2>'
        '<span class="mw-editsection"><span>[</span><a>modifier</a> | <a>modifier le code</a><span>]</span></span></div>'
        '<div class="bandeau-container bandeau-section metadata"><p>Cette section est vide, insuffisamment détaillée '
        "ou incomplète. Votre aide est la bienvenue !</p></div>"
        '<div role="navigation" class="navbox-container"><table class="navbox"><tr><th>Films de Awa Traoré</th></tr></table></div>'
        '<div class="mw-references-wrap"><ol class="references"><li>↑ Une source.</li></ol></div>'
        "<script>var x = 1;</script><style>.a{}</style></div></div>",
        head='<title>x</title></head><body><h1 id="firstHeading">Le Puits</h1>',
    )
    assert _lines(html) == ["Le Puits", "Le Puits est un film malien.", "", "Synopsis"]


def test_whitespace_is_collapsed_and_no_break_spaces_are_kept() -> None:
    html = _page("<main><p>Durée\u00a0:   95\n   minutes</p><p>  </p><pre>a  b\n c</pre></main>")
    assert _lines(html) == ["Le Puits", "Durée\u00a0: 95 minutes", "a  b", " c"]


def test_a_page_whose_title_is_inside_its_main_content_is_not_given_it_twice() -> None:
    assert _lines(_page("<main><h1>Le Puits</h1><p>Le Puits est un film malien.</p></main>")) == [
        "Le Puits", "Le Puits est un film malien."]


def test_deeply_nested_markup_is_read_without_recursion() -> None:
    html = _page("<main>" + "<div>" * 20000 + "Le Puits est un film malien." + "</div>" * 20000 + "</main>")
    assert _lines(html) == ["Le Puits", "Le Puits est un film malien."]


@pytest.mark.parametrize("html", [
    _page(""),
    _page('<main><div class="navbox">Palette</div><script>x()</script></main>'),
    "<html><head><title>Le Puits</title></head></html>",
])
def test_a_page_with_no_article_text_is_refused(html: str) -> None:
    with pytest.raises(MarkupError, match="no article text"):
        render_html(html)
