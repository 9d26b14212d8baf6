from hypothesis import given
from hypothesis import strategies as st

from pipeline.model import Document
from pipeline.text.normalize import fold_key
from pipeline.text.segment import HEADING_TRIM, _lines_run_over, heading_kind, segment
from pipeline.vocab import headings

GLUED = (
    "Samir Alaoui, né le 2 mai 1960 à Fès, est un réalisateur marocain. Il vit à Rabat."
    "Le Puits (البئر) est un film marocain de Samir Alaoui, sorti en 2001.\n"
    "fiche technique\n"
    "Titre original : Le Puits\n"
    "Réalisation : Samir Alaoui\n"
    "Date de sortie :\n"
    "Maroc 3 mai 2001Youssef est un ancien boxeur qui rentre dans son village après vingt ans.\n"
    "\n"
    "Fiche technique\n"
    "Titre : LE RETOUR\n"
    "Réalisation : Samir Alaoui\n"
    "Récompenses\n"
    "Festival du film de Fès 2004 :\n"
    "Prix du jury\n"
)


def test_glued_articles_become_sections() -> None:
    doc = Document("d", GLUED)
    sections = segment(doc)
    assert [(s.kind, s.title.value if s.title else None) for s in sections] == [
        ("person", "Samir Alaoui"),
        ("film", "Le Puits"),
        ("film", None),
    ]
    third = sections[2]
    assert GLUED[third.start:].startswith("Youssef est un ancien boxeur")
    assert [b.kind for b in third.blocks] == ["synopsis", "fiche", "awards"]
    assert sections[1].end == third.start


def test_headings_glued_and_edit_links() -> None:
    text = (
        "Le Fleuve est un film malien sorti en 1990.\n"
        "Synopsis[modifier | modifier le code]Un pêcheur part sur le fleuve chercher son frère disparu depuis des années.\n"
        "Fiche technique\n"
        "[modifier | modifier le code]- Réalisation : Awa Traoré\n"
        "Distribution\n"
        "- Issa Koné : le pêcheur\n"
    )
    (section,) = segment(Document("d", text))
    kinds = [b.kind for b in section.blocks]
    assert kinds == ["intro", "synopsis", "fiche", "distribution"]


def test_infobox_rows_before_intro_belong_to_the_film() -> None:
    text = (
        "Le Fleuve\n"
        "| Réalisation | Awa Traoré |\n"
        "---|---|\n"
        "Musique |\n"
        "Salif Keïta |\n"
        "Pour plus de détails, voir Fiche technique et Distribution.\n"
        "Le Fleuve est un film malien sorti en 1990.\n"
    )
    (section,) = segment(Document("d", text))
    assert section.start == 0
    infobox = section.blocks_of("infobox")
    assert infobox and [u.kind for u in infobox[0].units] == ["row", "row", "item"]


def test_no_article_no_section() -> None:
    assert segment(Document("d", "Une simple phrase sans film ni personne.")) == []


def test_label_one_letter_off_is_still_known() -> None:
    from pipeline.text.fields import label_targets

    assert [t.name for _, t in label_targets("Pays d'origene")] == ["countries"]
    assert [t.kind for _, t in label_targets("Présentation à Venise")] == ["ignore"]
    assert label_targets("Directeur de production") == []


LEAD = (
    "Le Chemin des dunes est un film nigérien réalisé par Idi Kanta, sorti en 2003.\n"
    "Le film sort au Niger le 4 avril 2003, puis en Belgique en juin 2003. Il reçoit le prix du public au Festival de Namur 2003.\n"
    "{heading}"
    "Un berger (Issa Garba) perd son troupeau.\n"
)


def test_paragraphs_before_a_synopsis_heading_are_the_lead_not_the_plot() -> None:
    from pipeline.model import BlockKind

    def kinds(text: str) -> list[BlockKind]:
        (section,) = segment(Document("d", text))
        return [b.kind for b in section.blocks]

    assert kinds(LEAD.format(heading="Synopsis\n")) == [BlockKind.INTRO, BlockKind.OTHER, BlockKind.SYNOPSIS]
    # No heading: a pasted opening runs straight on into the plot.
    assert kinds(LEAD.format(heading="")) == [BlockKind.INTRO, BlockKind.SYNOPSIS]



def test_lines_run_over_by_spans() -> None:
    text = "Titre : Le Puits\nSynopsis[modifier\n]Youssef rentre.\nDistribution\n"
    first, second, third = 0, text.index("Synopsis"), text.index("]Youssef")
    assert _lines_run_over(text, 0, [(second, text.index("]") + 1)]) == {second, third}
    assert _lines_run_over(text, 0, [(3, 3)]) == {first}
    assert _lines_run_over(text, 5, [(6, 6)]) == {5}


HEADING_PIECES = st.lists(st.one_of(
    st.sampled_from(sorted(headings())),
    st.sampled_from(list("aAéÉ:- 1<=>'`’\u0301\u0338\u00a0|.") + ["Synopsis", "DISTRIBUTION", "fiche technique"]),
), max_size=5).map("".join)


@given(HEADING_PIECES)
def test_heading_kind_is_the_heading_vocabulary_looked_up_by_fold_key(value: str) -> None:
    """Lines ruled out before folding are exactly those whose key no heading has."""
    assert heading_kind(value) == headings().get(fold_key(value.strip(HEADING_TRIM)))
