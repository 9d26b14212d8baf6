import pytest

from pipeline.io.read import Source, read
from pipeline.text.relink import restore_link_spaces


@pytest.mark.parametrize(
    ("glued", "spaced"),
    [
        ("est unfilm dramatiquetunisien écrit etréalisé parKarim Saïdi.",
         "est un film dramatique tunisien écrit et réalisé par Karim Saïdi."),
        ("le prix du jury et leTeddy Award", "le prix du jury et le Teddy Award"),
        ("obtient leGrand Prix à laBerlinale 2009.", "obtient le Grand Prix à la Berlinale 2009."),
        ("est undocumentaire sénégalaisfrançais", "est un documentaire sénégalais français"),
        ("Pour en savoir plus, voirCinéma sahélien etListe des films.", "Pour en savoir plus, voir Cinéma sahélien et Liste des films."),
    ],
)
def test_lost_link_spaces_are_restored(glued: str, spaced: str) -> None:
    assert restore_link_spaces(glued)[0] == spaced


@pytest.mark.parametrize(
    "text",
    [
        "Awa K. DeLaune, LaToya Diop, McLaren, l'Indienne, d'Artagnan, iPhone.",
        "une unité somalienne, un chef amérindien, un film centrafricain et sud-africain.",
        "Meilleure photographieLes Oiseaux du sud est un film.",
        "Il est réalisé par Awa Sy et produit par Omar Ly en 1990.",
    ],
)
def test_ordinary_words_and_names_are_left_alone(text: str) -> None:
    assert restore_link_spaces(text) == (text, 0)


def test_a_repaired_document_is_derived_and_reads_as_spaced(tmp_path) -> None:
    path = tmp_path / "vent.txt"
    path.write_text("Le Vent (ريح) est unfilm tunisien réalisé parKarim Saïdi.\n", encoding="utf-8")
    doc = read(Source(path, "vent"))
    assert doc.derived and doc.text == "Le Vent (ريح) est un film tunisien réalisé par Karim Saïdi.\n"
    plain = tmp_path / "plain.txt"
    plain.write_text("Le Vent est un film tunisien.\n", encoding="utf-8")
    assert not read(Source(plain, "plain")).derived
