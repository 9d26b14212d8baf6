import pytest

from pipeline.values.languages import find_languages


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("arabe marocain (darija)", [("ary", "arabe marocain (darija)")]),
        ("darija", [("ary", "darija")]),
        ("arabe", [("ara", "arabe")]),
        ("Arabe (darija)", [("ary", "Arabe (darija)")]),
        ("arabe égyptien, arabe algérien / arabe tunisien",
         [("arz", "arabe égyptien"), ("arq", "arabe algérien"), ("aeb", "arabe tunisien")]),
        ("français et anglais", [("fra", "français"), ("eng", "anglais")]),
        ("Wolof, Diola; dioula", [("wol", "Wolof"), ("dyo", "Diola"), ("dyu", "dioula")]),
        ("mooré moré bambara", [("mos", "mooré"), ("mos", "moré"), ("bam", "bambara")]),
        ("peul - fulfulde", [("ful", "peul"), ("ful", "fulfulde")]),
        ("persan, berbère, tamazight, kabyle",
         [("fas", "persan"), ("tzm", "berbère"), ("tzm", "tamazight"), ("kab", "kabyle")]),
        ("norvégien italien", [("nor", "norvégien"), ("ita", "italien")]),
        ("mooré, sous-titres en français", [("mos", "mooré")]),
    ],
)
def test_find_languages(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_languages(text)
    for language in found:
        assert language.written == text[language.start:language.end]
    assert [(lang.code, text[lang.start:lang.end]) for lang in found] == expected


@pytest.mark.parametrize("text", ["muet", "Arab", ""])
def test_no_language(text: str) -> None:
    assert find_languages(text) == []
