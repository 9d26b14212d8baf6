"""Countries named in French (names, flag captions, nationality adjectives) as ISO 3166-1 codes."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import pycountry
import regex

from pipeline.text.normalize import fold, fold_key
from pipeline.values.lexicon import WORD_END, WORD_START, Coded, Lexicon, bare_capitals, pycountry_french
from pipeline.vocab import rows

_ARTICLE = r"(?:(?:la|le|les)\s+|l'\s*)"
_CAPTION = r"drapeau\s+(?:(?:de\s+la|de\s+l'|du|des|de|d')\s*)?"
# What may stand between the names of one list (`Maroc, la Norvège`, `Mali / France`).
_LIST_GAP = regex.compile(r"[\s,;/|•·\-–—]*(?:\bet\b[\s,;/|•·\-–—]*)?", regex.IGNORECASE)
# Words a country's name may be looked up after (`drapeau de la`, `aux`, `l'`); an elided one takes no space.
_LEADING = ("drapeau", "de", "du", "des", "d'", "en", "au", "aux", "à", "la", "le", "les", "l'")
_LEADING_WORDS = regex.compile("^(?:" + "|".join(w if w.endswith("'") else w + r"\s+" for w in _LEADING) + ")+")
_LEADING_INITIALS = tuple(sorted({w[0] for w in _LEADING}))  # a key starting otherwise has none to strip
_FOOTNOTES = regex.compile(r"\[[^\]]*\]|\d+$")
_CAPITALISED_WORD = regex.compile(r"\s+\p{Lu}")


Place = Coded  # a country: ISO 3166-1 alpha-2 code and the text it was read from (`la suède`)


@dataclass(frozen=True)
class _Names:
    lexicon: Lexicon
    ambiguous: frozenset[str]  # fold keys of names that are also first names or common words


def _pycountry_names() -> dict[str, str]:
    """French country names from pycountry, skipping inverted forms (`Corée, République de`)."""
    french = pycountry_french("iso3166-1")
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for english in {country.name, getattr(country, "common_name", country.name)}:
            name = french(english)
            if "," not in name and "(" not in name:
                names[name] = country.alpha_2
    return names


@cache
def _names() -> _Names:
    written = _pycountry_names()
    ambiguous: set[str] = set()
    for row in rows("countries_fr.tsv"):
        written[row[1]] = row[0]
        if len(row) > 2 and row[2] == "ambiguous":
            ambiguous.add(row[1])
    return _Names(Lexicon.of(written, pinned=ambiguous), frozenset(fold_key(n) for n in ambiguous))


@cache
def _pattern() -> regex.Pattern[str]:
    names = _names().lexicon.phrase_alternation()
    return regex.compile(
        rf"{WORD_START}(?:(?P<caption>{_CAPTION})(?P<cname>{names})"
        rf"|(?P<article>{_ARTICLE})?(?P<name>{names})){WORD_END}",
        regex.IGNORECASE,
    )


def country_code(name: str) -> str | None:
    """ISO 3166-1 alpha-2 code of a French country name, with or without article or
    preposition (`la Suède`, `aux États-Unis`, `Drapeau de la Tunisie`)."""
    key = fold_key(_FOOTNOTES.sub("", fold(name)))
    codes = _names().lexicon.codes
    if key in codes:
        return codes[key]
    if not key.startswith(_LEADING_INITIALS):
        return None
    return codes.get(_LEADING_WORDS.sub("", key))


@dataclass(frozen=True)
class _Mention:
    code: str
    start: int
    end: int
    caption: bool


def _mentions(text: str) -> list[_Mention]:
    folded = fold(text)
    names = _names()
    mentions: list[_Mention] = []
    for match in _pattern().finditer(folded):
        group = "cname" if match.group("cname") else "name"
        key = fold_key(match[group])
        if key in names.ambiguous and _before_other_name(folded, match.end()):
            continue
        mentions.append(_Mention(names.lexicon.codes[key], match.start(), match.end(), group == "cname"))
    return mentions


def _before_other_name(text: str, end: int) -> bool:
    """Whether a capitalised word that names no country follows (`Maurice Pialat`)."""
    following = _CAPITALISED_WORD.match(text, end)
    return following is not None and _pattern().match(text, following.end() - 1) is None


def _runs(text: str, mentions: list[_Mention]) -> list[list[_Mention]]:
    """Mentions grouped into lists: neighbours with only separators between them."""
    runs: list[list[_Mention]] = []
    for mention in mentions:
        if runs and _LIST_GAP.fullmatch(text, runs[-1][-1].end, mention.start):
            runs[-1].append(mention)
        else:
            runs.append([mention])
    return runs


def find_countries(text: str) -> list[Place]:
    """Every country named in `text`, in text order.

    A flag caption (`Drapeau du Maroc`) followed in the same list by the name it
    illustrates is not a country of its own; a caption alone stands for its country.
    """
    places: list[Place] = []
    for run in _runs(fold(text), _mentions(text)):
        captions_shown: set[int] = set()
        paired: set[int] = set()
        for index, mention in enumerate(run):
            if not mention.caption:
                continue
            partner = next(
                (later for later in range(index + 1, len(run))
                 if not run[later].caption and later not in paired and run[later].code == mention.code),
                None,
            )
            if partner is None:
                captions_shown.add(index)
            else:
                paired.add(partner)
        places.extend(
            Place(m.code, text[m.start:m.end], m.start, m.end)
            for index, m in enumerate(run) if not m.caption or index in captions_shown
        )
    return places


_DEMONYM_WORD = regex.compile(rf"{WORD_START}\p{{L}}+(?:-\p{{L}}+)*{WORD_END}")


@dataclass(frozen=True)
class _Table:
    """Words to codes, and the same words without the accent of a capital (`egyptien`)."""

    exact: dict[str, str]
    bare: dict[str, str]

    @classmethod
    def of(cls, words: dict[str, str]) -> _Table:
        bare: dict[str, str] = {}
        for word, code in words.items():
            bare.setdefault(_bare_initial(word), code)
        return cls(words, bare)

    def get(self, word: str, capitalised: bool) -> str | None:
        if word in self.exact:
            return self.exact[word]
        return self.bare.get(word) if capitalised else None


@dataclass(frozen=True)
class _Demonyms:
    forms: _Table
    prefixes: _Table


def _inflections(masculine: str, feminine: str) -> set[str]:
    """The four forms of a nationality adjective (`marocain`, `marocaine`, `marocains`, ...)."""
    if not feminine:
        if masculine.endswith(("e", "è")):
            feminine = masculine
        elif masculine.endswith(("en", "on")):
            feminine = masculine + "ne"
        else:
            feminine = masculine + "e"
    plural = masculine if masculine.endswith(("s", "x")) else masculine + "s"
    return {masculine, feminine, plural, feminine + "s"}


def _bare_initial(word: str) -> str:
    return bare_capitals(word[:1].upper() + word[1:]).lower()


@cache
def _demonyms() -> _Demonyms:
    forms: dict[str, str] = {}
    prefixes: dict[str, str] = {}
    for row in rows("demonyms.tsv"):
        code, masculine = row[0], unicodedata.normalize("NFC", row[1].lower())
        feminine = row[3].lower() if len(row) > 3 else ""
        for form in _inflections(masculine, feminine):
            forms.setdefault(form, code)
        for prefix in filter(None, (row[2].lower().split(",") if len(row) > 2 else [])):
            prefixes.setdefault(unicodedata.normalize("NFC", prefix.strip()), code)
    return _Demonyms(_Table.of(forms), _Table.of(prefixes))


def demonym_countries(word: str) -> list[str]:
    """Country codes of a nationality adjective in any gender and number, compounds in
    order (`tuniso-suédois` -> TN, SE; `franco-italo-algérien` -> FR, IT, DZ)."""
    return list(_demonym_codes(word))


@lru_cache(maxsize=1 << 14)
def _demonym_codes(word: str) -> tuple[str, ...]:
    """Cached: every word of an opening sentence is asked, and the same words come back in every document."""
    word = unicodedata.normalize("NFC", fold(word).strip())
    capitalised = word[:1].isupper()
    parts = word.lower().split("-")
    table = _demonyms()
    for size in range(1, len(parts) + 1):
        head = parts[: len(parts) - size]
        last = table.forms.get("-".join(parts[len(parts) - size:]), capitalised and not head)
        if last is None:
            continue
        codes = [table.prefixes.get(part, capitalised and i == 0) for i, part in enumerate(head)]
        if all(codes):
            return (*(code for code in codes if code), last)
    return ()


def find_demonyms(text: str) -> list[tuple[list[str], int, int]]:
    """Every nationality adjective in `text` (simple or compound) with its country codes
    and span, in text order."""
    found: list[tuple[list[str], int, int]] = []
    for match in _DEMONYM_WORD.finditer(fold(text)):
        codes = demonym_countries(match.group())
        if codes:
            found.append((codes, match.start(), match.end()))
    return found
