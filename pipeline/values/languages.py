"""Languages named in French as ISO 639-3 codes."""

from __future__ import annotations

from functools import cache

import pycountry
import regex

from pipeline.text.normalize import fold, fold_key
from pipeline.values.lexicon import WORD_END, WORD_START, Coded, Lexicon, pycountry_french
from pipeline.vocab import rows

_QUALIFIER = regex.compile(r"\s*\([^)]*\)$")
# A language after these words in its list item is a subtitle language, not a spoken one.
_SUBTITLES = regex.compile(r"sous[\s\-]*titr", regex.IGNORECASE)
_ITEM_START = regex.compile(r"[,;/|\n•]|\bet\b", regex.IGNORECASE)


Language = Coded  # a language: ISO 639-3 code and the text it was read from


def _pycountry_names() -> dict[str, str]:
    """French names of the ISO 639-1 languages (`anglais`), without `(macrolangue)` notes."""
    french = pycountry_french("iso639-3")
    names: dict[str, str] = {}
    for language in pycountry.languages:
        if hasattr(language, "alpha_2"):
            name = _QUALIFIER.sub("", french(language.name)).lower()
            if "," not in name:
                names[name] = language.alpha_3
    return names


@cache
def _names() -> Lexicon:
    """pycountry's French names, then the data file's (which override them)."""
    written = _pycountry_names()
    written.update({row[1]: row[0] for row in rows("languages_fr.tsv")})
    return Lexicon.of(written, capitalise=True)


@cache
def _pattern() -> regex.Pattern[str]:
    names = _names().phrase_alternation()
    return regex.compile(
        rf"{WORD_START}(?P<name>{names}){WORD_END}"
        rf"(?:\s*\(\s*(?P<gloss>{names})\s*\))?",
        regex.IGNORECASE,
    )


@cache
def _is_macrolanguage(code: str) -> bool:
    language = pycountry.languages.get(alpha_3=code)
    return language is not None and getattr(language, "scope", "") == "M"


def _code(match: regex.Match[str]) -> str:
    """The code of a language and its parenthesised gloss (`arabe marocain (darija)`): the
    gloss decides when it narrows a macrolanguage (`arabe (darija)` -> `ary`)."""
    codes = _names().codes
    code = codes[fold_key(match["name"])]
    if match.group("gloss"):
        gloss = codes[fold_key(match["gloss"])]
        if gloss != code and _is_macrolanguage(code):
            return gloss
    return code


def _is_subtitles(text: str, start: int) -> bool:
    item_start = max((m.end() for m in _ITEM_START.finditer(text, 0, start)), default=0)
    return _SUBTITLES.search(text, item_start, start) is not None


def find_languages(text: str) -> list[Language]:
    """Every language named in `text`, in text order; subtitle languages
    (`sous-titres en français`) are left out."""
    folded = fold(text)
    return [
        Language(_code(match), text[match.start():match.end()], match.start(), match.end())
        for match in _pattern().finditer(folded)
        if not _is_subtitles(folded, match.start())
    ]
