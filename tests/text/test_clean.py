import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.text.clean import EDIT_LINK, NOISE, NOISE_MARK, clean_span
from pipeline.text.fields import _content_start


@pytest.mark.parametrize(
    ("raw", "value", "span"),
    [
        ("Karima Benali4.", "Karima Benali", "Karima Benali"),
        ("ATLAS STUDIOS12", "ATLAS STUDIOS", "ATLAS STUDIOS"),
        ("- Montage : Léa Dubois[3]", "Montage : Léa Dubois", "Montage : Léa Dubois"),
        ("Drapeau de la Tunisie Tunisie", "Tunisie", "Tunisie"),
        ("[modifier | modifier le code]- Genre : comédie", "Genre : comédie", "Genre : comédie"),
        ("Théâtre du Globe(en) à Londres", "Théâtre du Globe à Londres", "Théâtre du Globe(en) à Londres"),
        ("Canal 7 Productions", "Canal 7 Productions", "Canal 7 Productions"),
        ("Sahel 3D Films", "Sahel 3D Films", "Sahel 3D Films"),
        ("  • Durée : 95 minutes[4],[5]", "Durée : 95 minutes", "Durée : 95 minutes"),
    ],
)
def test_clean_value_and_source_span(raw: str, value: str, span: str) -> None:
    cleaned = clean_span(raw, 0, len(raw))
    assert cleaned is not None
    assert cleaned.value == value
    assert raw[cleaned.start:cleaned.end] == span


def test_clean_offsets_are_absolute() -> None:
    text = "xxxx Paul Diallo7 yyyy"
    cleaned = clean_span(text, 5, 17)
    assert cleaned is not None and cleaned.value == "Paul Diallo"
    assert text[cleaned.start:cleaned.end] == "Paul Diallo"


def test_nothing_left_is_none() -> None:
    text = "[12] [modifier]"
    assert clean_span(text, 0, len(text)) is None


SPANS = st.lists(st.sampled_from(list("ab É7[]()|-–•*,;:. \t\n\u00a0") + ["modifier", "[1]", "(en)", "Drapeau du Mali Mali"]),
                 max_size=40).map("".join)


@given(SPANS, st.data())
def test_clean_span_value_is_read_from_its_span(text: str, data: st.DataObject) -> None:
    """Whatever the residue, the value's first and last characters are the span's, and nothing outside it is read."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    cleaned = clean_span(text, start, end)
    if cleaned is None:
        return
    assert start <= cleaned.start < cleaned.end <= end
    assert cleaned.value and cleaned.value == cleaned.value.strip()
    assert cleaned.value[0] == text[cleaned.start] and cleaned.value[-1] == text[cleaned.end - 1]


@pytest.mark.parametrize("residue", [
    "[modifier | modifier le code]", "modifier Consultez la documentation du modèle", "modifier- ", " modifier le code",
    "[12]", "[réf. nécessaire]", "Bayed7", "PRODUCTIONS8", "(en)", "![logo](logo.png)", "Drapeau du Mali Mali",
    "DRAPEAU DU MALI MALI", "- ", "•\u00a0", "12. ",
])
def test_every_kind_of_residue_holds_the_mark_clean_span_looks_for_first(residue: str) -> None:
    """clean_span skips the residue patterns on spans without NOISE_MARK: each pattern's matches must hold it."""
    found = [m for m in NOISE.finditer(residue) if m.end() > m.start()]
    assert found, residue
    assert all(NOISE_MARK.search(residue, m.start(), m.end()) for m in found), residue


def _top_level_alternatives(pattern: str) -> int:
    count, depth, i = 1, 0, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 1
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            count += 1
        i += 1
    return count


# A line opening with each of EDIT_LINK's alternatives, and what _content_start must reach.
EDIT_LINK_LINES = [
    ("[modifier | modifier le code]- Genre : comédie", "Genre : comédie"),
    ("modifier Consultez la documentation du modèle Genre : drame", "Genre : drame"),
    ("modifierGenre : western", "Genre : western"),
    ("modifier le code", ""),
]


def test_every_edit_link_alternative_starts_where_content_start_looks_for_it() -> None:
    """_content_start stops at a letter other than `m` without trying EDIT_LINK: each of its
    alternatives must start with `m` or a non-letter, and is skipped."""
    assert _top_level_alternatives(EDIT_LINK.pattern) == len(EDIT_LINK_LINES)
    for line, content in EDIT_LINK_LINES:
        m = EDIT_LINK.match(line)
        assert m and (not line[0].isalpha() or line[0] == "m"), line
        assert line[_content_start(line, 0, len(line)):] == content, line
