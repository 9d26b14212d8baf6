"""Split a credit value into one name per row, with notes and sub-roles.

`Driss Bennani et Paul Verdier (producteurs exécutifs), Hamid Tazi (coproducteur)`
gives three names; the parenthesised sub-role decides their role. Other
parentheses and `Name: scope` tails are qualifiers kept in `note`
(affiliations, aliases, countries, scopes). `avec une avance sur recettes du X`
and `avec le soutien de X` name funders.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from pipeline.extract.people_names import PERSON
from pipeline.model import Span, TargetKind
from pipeline.text.alternation import alternation, phrase_unit
from pipeline.text.clean import clean_span
from pipeline.text.fields import label_targets
from pipeline.values.places import country_code
from pipeline.vocab import entries

WORD = regex.compile(r"[\p{L}\d]+")
ELIDED = regex.compile(r"[ld]['’]\p{Ll}")
SPACES = regex.compile(r"\s+")
# What a name holds: a capital, a letter of a script without case (Arabic, Hebrew, CJK...) or a digit.
NAME_MARK = regex.compile(r"[\p{Lu}\p{Lt}\p{Lo}\d]")

STRONG_SEP = regex.compile(r"(?<!\s)(?:\s*;\s*|\n\s*)")
# `A (scénario) B (roman)`: a closing parenthesis before a capital ends a group too.
GROUP_SEP = regex.compile(r"(?<!\s)(?:\s*,\s*|\s+[–—-]\s+|\s*/\s*)|(?<=\))\s+(?=\p{Lu})")
# `A et B`, `A & B`; `avec le soutien de la SSR et de Canal Horizon`: `et de` before a capital
# (`Centre national du cinéma et de l'image animée` is one name).
NAME_SEP = regex.compile(r"(?<!\s)(?:\s+et\s+(?:(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*(?=\p{Lu}))?|\s*&\s*)")
PAREN = regex.compile(r"\s*\(([^()]*)\)")
SCOPE = regex.compile(r"(?<!\s)\s*:\s*(?=\S)")
FUNDING = regex.compile(
    r"\b(?:avec\s+)?(?:(?:une|l['’])\s+)?(?P<what>avance\s+sur\s+recettes|(?:le\s+)?soutien|(?:la\s+)?participation|(?:l['’])?aide)"
    r"\s+(?:du|de\s+la|de\s+l['’]|des|de|d['’])\s*",
    regex.IGNORECASE,
)
LATE = regex.compile(r"^(?:Feu|feu)\s+")
# `assisté de X`, `arrangements musicaux de X`, `<song title> de X`: a phrase naming the
# person's part; the name is the capitalised tail after the last `de`/`par`.
PHRASE_OF = regex.compile(rf"^(?P<phrase>.*\S)\s+(?:de|d['’]|par)\s+(?=(?P<name>{PERSON})$)")
PHRASE_LINKS = ("de", "d'", "d’", "par")  # every PHRASE_OF match holds one
# `co-produit avec X`, `en coproduction avec X`: X is a coproducing company.
COPRODUCED = regex.compile(r"(?:co-?produite?s?|en\s+co-?production)\s+(?:avec|par)\s+(?=\S)", regex.IGNORECASE)
ASSISTED = regex.compile(r"^assisté?e?s?\b", regex.IGNORECASE)
TRAILING_NOTE_NUMBER = regex.compile(r"\s+\d{1,3}$")
INVERTED_ARTICLE = frozenset({"les", "la", "le", "l'"})


@dataclass(frozen=True)
class Name:
    """One person or organisation named in a value."""

    span: Span
    note: str = ""
    role: str = ""  # a sub-role from a parenthesis or phrase, overriding the label's role
    funder: bool = False


@cache
def company_words() -> frozenset[str]:
    return frozenset(entries("company_words.txt"))


def looks_like_company(name: str) -> bool:
    words = WORD.findall(name)
    if any(w.lower() in company_words() for w in words):
        return True
    letters = [w for w in words if w.isalpha()]
    return bool(letters) and all(w.isupper() and len(w) >= 2 for w in letters)


def _is_phrase(value: str) -> bool:
    """Words that describe a part rather than name someone: lower-case start or lower-case words."""
    words = value.split()
    return bool(words) and (words[0][:1].islower() or sum(1 for w in words if w[:1].islower() and len(w) > 3) >= 1)


@cache
def source_works() -> frozenset[str]:
    return frozenset(entries("source_works.txt"))


@cache
def source_work_pattern() -> str:
    """A source work's noun, singular or plural (`roman`, `nouvelles`, `bande dessinée`), for credit values and sentences alike."""
    works = alternation(source_works(), phrase_unit(r"\s+"))
    return rf"(?:{works})s?"


@cache
def _adapted_from() -> regex.Pattern[str]:
    """`d'après la pièce éponyme d'X`, `, d'après le roman de X`: X wrote the source work."""
    return regex.compile(
        rf"[\s,]*d['’]après\s+(?:(?:le|la|les|un|une|l['’])\s*)?{source_work_pattern()}\b.*\s(?:de\s+|d['’]|du\s+)(?={PERSON}\s*$)",
        regex.IGNORECASE,
    )


def _sub_role(note: str) -> str:
    """The role a parenthesis names (`(producteurs exécutifs)`, `(roman)` for the
    source work's author); a label that only qualifies (`(coproduction)`) is kept
    as a note instead."""
    if note.strip().casefold() in source_works():
        return "source_author"
    targets = label_targets(note)
    if len(targets) != 1 or targets[0][1].kind is not TargetKind.ROLE or targets[0][1].note:
        return ""
    return targets[0][1].name


def _protected_split(text: str, start: int, end: int, pattern: regex.Pattern[str]) -> list[tuple[int, int]]:
    """Split text[start:end] on pattern, never inside parentheses."""
    if "(" not in text[start:end]:
        pieces = []
        pos = start
        for m in pattern.finditer(text, start, end):
            if m.end() > m.start():
                pieces.append((pos, m.start()))
                pos = m.end()
        pieces.append((pos, end))
        return [(a, b) for a, b in pieces if text[a:b].strip()]
    pieces: list[tuple[int, int]] = []
    depth = 0
    pos = start
    i = start
    while i < end:
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            m = pattern.match(text, i, end)
            if m and m.end() > i:
                pieces.append((pos, i))
                pos = i = m.end()
                continue
        i += 1
    pieces.append((pos, end))
    return [(a, b) for a, b in pieces if text[a:b].strip()]


def _person_span(text: str, a: int, b: int) -> Span | None:
    span = clean_span(text, a, b)
    if span is None:
        return None
    late = LATE.match(span.value)
    if late:
        span = clean_span(text, span.start + late.end(), span.end)
    if span is not None:
        number = TRAILING_NOTE_NUMBER.search(span.value)
        if number and not looks_like_company(span.value) and not country_code(span.value[:number.start()]):
            span = clean_span(text, span.start, span.end - len(number.group()))
    return span


def _skip_space(text: str, a: int, b: int) -> int:
    while a < b and text[a].isspace():
        a += 1
    return a


def _join_lowercase(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`Office du commerce et l'industrie du film` is one name: a piece after `et`
    that starts in lower case continues the previous one."""
    joined: list[tuple[int, int]] = []
    for a, b in pieces:
        head = text[a:b].lstrip()
        if joined and (head[:1].islower() or ELIDED.match(head)):
            joined[-1] = (joined[-1][0], b)
        else:
            joined.append((a, b))
    return joined


# More values than a document's fiche and infobox hold, so a document's splits stay until the next one.
SPLITS_KEPT = 4096


@lru_cache(maxsize=SPLITS_KEPT)
def _split(text: str, start: int, end: int) -> tuple[tuple[Name, ...], tuple[Span, ...]]:
    """The names of text[start:end] and its pieces with no name mark. One value is split for
    several purposes (its credits, the names that read run-together infobox cells, the line
    checks); `forget_splits` drops the splits of the document before."""
    pieces = _pieces(text, start, end)
    return (tuple(n for n in pieces if NAME_MARK.search(n.span.value)),
            tuple(n.span for n in pieces if not NAME_MARK.search(n.span.value)))


def forget_splits() -> None:
    """Called as a document starts: its splits are worth keeping, not another's."""
    _split.cache_clear()


def split_names(text: str, start: int, end: int) -> list[Name]:
    """Names in text[start:end], in text order."""
    return list(_split(text, start, end)[0])


def unmarked_pieces(text: str, start: int, end: int) -> list[Span]:
    """Pieces of text[start:end] not taken as names because nothing marks them as one (all
    lower case: `inconnu`, `jean dupont`), so a caller can say so rather than drop them silently."""
    return list(_split(text, start, end)[1])


def _pieces(text: str, start: int, end: int) -> list[Name]:
    names: list[Name] = []
    for sa, sb in _protected_split(text, start, end, STRONG_SEP):
        scope = ""
        sm = SCOPE.search(text, sa, sb)
        if sm:
            scope = SPACES.sub(" ", text[sm.end():sb]).strip(" .")
            sb = sm.start()
        assisting = False
        for ga, gb in _protected_split(text, sa, sb, GROUP_SEP):
            group = _group_names(text, ga, gb, scope)
            if any(n.note.startswith("assist") for n in group):
                assisting = True
            elif assisting:
                group = [Name(n.span, n.note or "assistant", "other", n.funder) for n in group]
            names.extend(group)
    return names


def _phrase_role(phrase: str) -> str:
    """The role a phrase opening with a fiche label names (`d'après le roman X` ->
    source_author, `d'après une idée` -> screenwriter); any other phrase names a part: other."""
    words = phrase.split()
    for size in range(len(words), 0, -1):
        targets = label_targets(" ".join(words[:size]))
        if len(targets) == 1 and targets[0][1].kind is TargetKind.ROLE:
            return targets[0][1].name
    return "other"


def _group_names(text: str, ga: int, gb: int, scope: str) -> list[Name]:
    """Names of one comma-separated group: `A et B (sub-role)`, `avec le soutien de X`."""
    names: list[Name] = []
    group = text[ga:gb]
    adapted = _adapted_from().search(text, ga, gb) if "'" in group or "’" in group else None
    if adapted:
        names.extend(_group_names(text, ga, adapted.start(), scope))
        author = _person_span(text, adapted.end(), gb)
        if author is not None:
            names.append(Name(author, "", "source_author"))
        return names
    note = ""
    funder = False
    fund = FUNDING.search(text, ga, gb)
    if fund:
        if text[ga:fund.start()].strip(" ,"):
            names.extend(_group_names(text, ga, fund.start(), scope))
        ga, funder = fund.end(), True
        note = SPACES.sub(" ", fund.group("what").lower()).removeprefix("le ").removeprefix("la ")
    group_note, group_role = "", ""
    parens = list(PAREN.finditer(text, ga, gb)) if "(" in group else []
    while parens and not text[parens[-1].end():gb].strip(" ."):
        inner = parens[-1].group(1).strip()
        role = _sub_role(inner)
        if role:
            group_role = role
        elif inner.lower() not in INVERTED_ARTICLE:
            group_note = inner if not group_note else f"{inner}; {group_note}"
        gb = parens[-1].start()
        parens.pop()
    pieces = _join_lowercase(text, _protected_split(text, ga, gb, NAME_SEP))
    for k, (a, b) in enumerate(pieces):
        piece = text[a:b]
        inner_notes = list(PAREN.finditer(text, a, b)) if "(" in piece else []
        own_note = "; ".join(m.group(1).strip() for m in inner_notes if not _sub_role(m.group(1)))
        own_role = next((_sub_role(m.group(1)) for m in inner_notes if _sub_role(m.group(1))), "")
        phrase_role, phrase = "", ""
        coproduced = COPRODUCED.match(text, _skip_space(text, a, b), b)
        phrase_of = PHRASE_OF.match(piece) if any(link in piece for link in PHRASE_LINKS) else None
        if coproduced:
            phrase, a = "coproduction", coproduced.end()
        elif phrase_of and _is_phrase(phrase_of.group("phrase")):
            phrase = phrase_of.group("phrase")
            phrase_role = _phrase_role(phrase)
            a = a + phrase_of.start("name")
        span = _person_span(text, a, inner_notes[0].start() if inner_notes else b)
        if span is None:
            continue
        last = k == len(pieces) - 1
        parts = [p for p in (phrase, note, own_note, group_note if (last or group_role) else "", scope) if p]
        names.append(Name(span, "; ".join(dict.fromkeys(parts)), own_role or group_role or phrase_role, funder))
    return names
