import pytest
import regex

from pipeline.text.alternation import alternation, phrase_unit
from pipeline.vocab import cast_note

FORMS = ["musique", "musique originale", "montage", "montage son", "mixage", "scénario", "scénariste", "son", "sortie"]
SNIPPETS = [
    "Musique originale Awa Sy Montage Son Omar Ly",
    "MONTAGE SON : Idrissa Sow",
    "Scénariste Léa Diallo, scénario de Paul Ba",
    "la musique du film, sortie en 2004",
    "Montages sonores et mixage Yacine Kane",
    "Sortie2004 Son mono",
]


def _plain(forms: list[str]) -> str:
    return "|".join(regex.escape(f) for f in sorted(forms, key=len, reverse=True))


@pytest.mark.parametrize("text", SNIPPETS)
@pytest.mark.parametrize("tail", ["", r"(?=[ \t]|$)", r"(?=\p{Lu})", r" \p{Lu}"])
def test_matches_what_the_sorted_alternation_matches(text: str, tail: str) -> None:
    tree = regex.compile(f"(?:{alternation(FORMS)}){tail}", regex.IGNORECASE)
    plain = regex.compile(f"(?:{_plain(FORMS)}){tail}", regex.IGNORECASE)
    assert [m.span() for m in tree.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_longest_form_first_then_shorter_when_what_follows_fails() -> None:
    pattern = regex.compile(f"(?:{alternation(FORMS)})(?= \\p{{Lu}})", regex.IGNORECASE)
    assert pattern.match("Montage son Omar Ly").group() == "Montage son"
    assert pattern.match("Montage Son-Ly Omar").group() == "Montage"


def test_characters_written_by_unit() -> None:
    pattern = regex.compile(alternation(["pays d'origine", "pays"], phrase_unit(r"[ \u00a0]+")), regex.IGNORECASE)
    assert pattern.match("Pays\u00a0d’origine Mali").group() == "Pays\u00a0d’origine"


def test_a_phrase_unit_writes_spaces_as_asked_and_either_apostrophe() -> None:
    hyphen_or_space = regex.compile(alternation(["long métrage"], phrase_unit("[ -]")), regex.IGNORECASE)
    assert hyphen_or_space.fullmatch("long-métrage") and not hyphen_or_space.fullmatch("long  métrage")
    assert regex.fullmatch("".join(map(phrase_unit(r"\s+"), "voix d'un (1.)")), "voix\t d’un (1.)")


def test_a_cast_note_may_be_written_with_either_apostrophe() -> None:
    assert cast_note().search("Awa Sy (images d’archives)").group() == " (images d’archives)"
    assert cast_note().search("Awa Sy (images d'archives)").group() == " (images d'archives)"


def test_forms_one_character_could_read_two_ways_keep_the_plain_alternation() -> None:
    assert alternation(["dit", "dıt"]) == "dit|dıt"
    assert alternation(["dit", "dot"]) == "d(?:it|ot)"
