"""Credits in scripts without capitals are names; lower-case pieces are reported, never dropped silently."""

from __future__ import annotations

from pipeline.extract.checks import line_problems
from pipeline.extract.document import extract_document
from pipeline.model import Document

from .helpers import NO_NER, column, extract

OPENING = "Le Désert est un film marocain réalisé par Awa Traoré et sorti en 2001.\n\nFiche technique\n"


def test_names_in_caseless_scripts_are_credits_with_exact_spans() -> None:
    text = OPENING + "- Musique : 久石譲\n- Scénario : محمد علي et דוד כהן\n- Montage : Claire Dubois (سيناريو)\n"
    rows = extract(text)["credits"]
    assert column({"credits": rows}, "credits", "role", "name") == [
        ("director", "Awa Traoré"), ("composer", "久石譲"), ("screenwriter", "محمد علي"), ("screenwriter", "דוד כהן"),
        ("editor", "Claire Dubois")]
    assert all(text[row["start"]:row["end"]] == row["name"] for row in rows)


def test_lower_case_pieces_of_a_credit_line_get_a_warning_each() -> None:
    text = OPENING + "- Montage : jean dupont\n- Photographie : Ana Lima, pierre martin et Lucas Sy\n- Durée : 95 minutes\n"
    assert column(extract(text), "credits", "role", "name") == [
        ("director", "Awa Traoré"), ("cinematographer", "Ana Lima"), ("cinematographer", "Lucas Sy")]
    problems = line_problems(text, extract_document(Document("d", text), NO_NER))
    assert [(p.message, text[p.start:p.end]) for p in problems] == [
        ("'Montage': 'jean dupont' has no capital letter; not read as a name", "jean dupont"),
        ("'Photographie': 'pierre martin' has no capital letter; not read as a name", "pierre martin"),
    ]


def test_lines_that_are_not_credits_or_have_names_give_no_such_warning() -> None:
    text = OPENING + "- Genre : drame social\n- Langue : arabe\n- Musique : Salif Diarra\n"
    problems = line_problems(text, extract_document(Document("d", text), NO_NER))
    assert not [p for p in problems if "capital letter" in p.message]
