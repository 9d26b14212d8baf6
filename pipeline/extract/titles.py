"""Title forms: a value like `Zanka en arabe : زنقة` or
`بحر الرمال Bahr el-Rimal` holds several titles, each with its language
when the text states it (`en arabe`, `titre norvégien`) or the script shows it.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from pipeline.extract.records import Title
from pipeline.model import Span
from pipeline.text.clean import clean_span
from pipeline.values.languages import find_languages
from pipeline.vocab import title_regions

LETTER = regex.compile(r"\p{L}")
PARENS = regex.compile(r"\(([^()]*)\)")

# `en arabe :`, `arabe :`, `titre en arabe :`, `titre français :`; a `titre ... :` label
# naming no language (`titre original :`, `Titre de travail :`) only ends the form before it.
LANG_PREFIX = regex.compile(
    r"(?P<label>(?i:titre)\s+)?(?:en\s+)?(?P<lang>\p{Ll}[\p{Ll}-]+(?:\s+\p{Ll}+)?)\s*:\s*")
# `Bab el-Bahr en arabe`
LANG_SUFFIX = regex.compile(r"\s+en\s+(?P<lang>\p{Ll}[\p{Ll}-]+)\s*$")
# `(Le Puits bleu au Québec)`: the title a region knows the film by.
REGION_SUFFIX = regex.compile(r"\s+(?:au|en)\s+(?P<region>\p{Lu}[\p{L}-]*(?:\s+\p{Ll}+)?)\s*$")
FORM_SEP = regex.compile(r"\s*,\s+(?=«)|\s*;\s*|\s+/\s+")
SCRIPT_RUN = regex.compile(r"[\p{Arabic}][\p{Arabic}\p{M}\s\u0640\u200c]*[\p{Arabic}\p{M}]|[\p{Arabic}]")
QUOTED = regex.compile(r"«\s*([^«»]+?)\s*»")  # not across another «: one pass, whatever the number of « with no »
SCRIPT_LANG = tuple((regex.compile(rf"\p{{{script}}}"), code)
                    for script, code in (("Arabic", "ara"), ("Hebrew", "heb"), ("Cyrillic", "rus"), ("Han", "zho"), ("Hangul", "kor")))


@dataclass(frozen=True)
class TitleForm:
    span: Span
    lang: str

    def title(self) -> Title:
        return Title(self.span.value, self.lang, self.span.start, self.span.end)


def _lang_code(word: str) -> str:
    found = find_languages(word)
    return found[0].code if found else ""


def script_lang(value: str) -> str:
    if value.isascii():
        return ""
    for script, code in SCRIPT_LANG:
        if script.search(value):
            return code
    return ""


def _by_script(text: str, start: int, end: int, lang: str) -> list[TitleForm]:
    """Cut `بحر الرمال Bahr el-Rimal` into its Arabic-script and Latin-script parts."""
    forms: list[TitleForm] = []
    pos = start
    for m in SCRIPT_RUN.finditer(text, start, end):
        before = clean_span(text, pos, m.start())
        if before and LETTER.search(before.value):
            forms.append(TitleForm(before, lang))
        run = clean_span(text, m.start(), m.end())
        if run:
            forms.append(TitleForm(run, lang or script_lang(run.value)))
        pos = m.end()
    rest = clean_span(text, pos, end)
    if rest and LETTER.search(rest.value):
        forms.append(TitleForm(rest, lang))
    return forms


def title_forms(text: str, start: int, end: int, lang: str = "", *, allow_prefix: bool = True) -> list[TitleForm]:
    """Every title form in text[start:end], in text order."""
    forms: list[TitleForm] = []
    pos = start
    for m in PARENS.finditer(text[start:end]):
        a, b = start + m.start(), start + m.end()
        forms.extend(_plain_forms(text, pos, a, lang, allow_prefix))
        forms.extend(title_forms(text, a + 1, b - 1, "", allow_prefix=True))
        pos = b
    forms.extend(_plain_forms(text, pos, end, lang, allow_prefix))
    seen: set[str] = set()
    unique = []
    for form in forms:
        key = form.span.value.casefold()
        if key not in seen:
            seen.add(key)
            unique.append(form)
    return unique


def _plain_forms(text: str, start: int, end: int, lang: str, allow_prefix: bool) -> list[TitleForm]:
    forms: list[TitleForm] = []
    if not text[start:end].strip():
        return forms
    # A stated language in the middle: `Zanka en arabe : زنقة`.
    pieces: list[tuple[int, int, str]] = []
    pos, current = start, lang
    for m in LANG_PREFIX.finditer(text, start, end):
        code = _lang_code(m.group("lang"))
        if not allow_prefix or not (code or m.group("label")):
            continue
        pieces.append((pos, m.start(), current))
        pos, current = m.end(), code or current
    pieces.append((pos, end, current))
    for a, b, piece_lang in pieces:
        for qa, qb in _split_forms(text, a, b):
            suffix = LANG_SUFFIX.search(text, qa, qb)
            this_lang = piece_lang
            if suffix and _lang_code(suffix.group("lang")):
                this_lang = _lang_code(suffix.group("lang"))
                qb = suffix.start()
            region = REGION_SUFFIX.search(text, qa, qb)
            if region and region.group("region").casefold() in title_regions():
                qb = region.start()
            quoted = QUOTED.search(text, qa, qb)
            if quoted:
                span = clean_span(text, quoted.start(1), quoted.end(1))
                if span:
                    forms.append(TitleForm(span, ""))
                continue
            forms.extend(_by_script(text, qa, qb, this_lang))
    return forms


def _split_forms(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces, pos = [], start
    for m in FORM_SEP.finditer(text, start, end):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, end))
    return [(a, b) for a, b in pieces if text[a:b].strip(" ,;")]
