"""Recognise `Label : value` lines in every layout a fiche technique comes in.

Three layouts reach the pipeline: colon lines (`- Réalisation : X`, with or
without bullets, NBSP before the colon, value possibly on the next line),
infobox table rows (`| Réalisation | X |`, `Musique |` then the value on the
next line) and infoboxes flattened to `Réalisation X`. All give a FieldLine
whose label and value carry source offsets.
"""

from __future__ import annotations

from functools import cache, lru_cache

import regex

from pipeline.model import FieldLayout, FieldLine, TargetKind
from pipeline.text.alternation import alternation, phrase_unit
from pipeline.text.clean import BULLET_HERE, EDIT_LINK, clean_span
from pipeline.text.normalize import fold_key
from pipeline.vocab import LabelTarget, labels

NOT_IN_LABEL = regex.compile(r"[.!?«»\"()\d]")
UPPER = regex.compile(r"\p{Lu}")
LEADING_SPACE = regex.compile(r"[ \t\u00a0|]+")

MAX_LABEL_WORDS = 6
COLON = regex.compile(r"(?<![ \t\u00a0\u202f])[ \t\u00a0\u202f]*:[ \t\u00a0\u202f]*")
CELL = regex.compile(r"[^|]+")
SPLIT_LABEL = regex.compile(r"\s*,\s*|\s+et\s+|\s*&\s*|\s*/\s*")
# A second field on the same line: `Format : couleur - Son : mono`.
SECOND_FIELD = regex.compile(r"(?<!\s)\s+[-–—]\s+(?=(?P<label>[\p{Lu}][\p{L}' ]{1,30}?)\s*:)")


QUALIFIER = regex.compile(r"(?:en|au|aux|pour|du|de la|des|à)\b.*|\p{Lu}.*")


def label_targets(label: str) -> list[tuple[str, LabelTarget]]:
    """Targets of a label, splitting combined labels (`Réalisation, scénario`).

    A known label followed by a place or scope (`Sortie France`,
    `Sociétés de distribution en France`) keeps its target; other extra words
    (`Musique dirigée par`) make a different label. Returns [] when unknown.
    """
    return list(_label_targets(label))


@lru_cache(maxsize=4096)
def _label_targets(label: str) -> tuple[tuple[str, LabelTarget], ...]:
    """Cached per label: the same few hundred labels are looked up on every line that may hold one."""
    table = labels()
    key = fold_key(label)
    if key in table:
        return ((key, table[key]),)
    parts = [p for p in SPLIT_LABEL.split(key) if p]
    if len(parts) > 1 and all(p in table for p in parts):
        return tuple((p, table[p]) for p in parts)
    original = " ".join(label.replace("’", "'").split())
    for size in range(len(key) - 1, 2, -1):
        head = key[:size]
        if head in table and original[size:size + 1] == " " and QUALIFIER.fullmatch(original[size + 1:]):
            return ((head, table[head]),)
    misspelt = _one_typo_away(key)
    return ((misspelt, table[misspelt]),) if misspelt else ()


TYPO_MIN_CHARS = 8


@cache
def _labels_by_start() -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for known in labels():
        index.setdefault(known[:2], []).append(known)
    return index


def _one_typo_away(key: str) -> str | None:
    """A known label this one differs from by one letter (`Pays d'orugine`), for long labels only."""
    if len(key) < TYPO_MIN_CHARS:
        return None
    for known in _labels_by_start().get(key[:2], ()):
        if len(known) >= TYPO_MIN_CHARS and abs(len(known) - len(key)) <= 1 and _edit_distance_is_one(key, known):
            return known
    return None


def _edit_distance_is_one(a: str, b: str) -> bool:
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] and i < len(a)
    return a[i:] == b[i + 1:]


@cache
def flat_label_pattern() -> regex.Pattern[str]:
    forms = alternation(labels(), phrase_unit(r"[ \u00a0]+"))
    return regex.compile(rf"(?:{forms})(?=[ \t\u00a0]|$)", regex.IGNORECASE)


def _content_start(text: str, start: int, end: int) -> int:
    """Skip leading bullets, edit links and spaces of a line. A letter but the `m` of
    `modifier` starts none of them: most lines stop there without a pattern tried."""
    pos = start
    while pos < end:
        if text[pos].isalpha() and text[pos] != "m":
            break
        spaces = LEADING_SPACE.match(text, pos, end)
        if spaces and spaces.end() > pos:
            pos = spaces.end()
            continue
        m = EDIT_LINK.match(text, pos, end) or BULLET_HERE.match(text, pos, end)
        if m and m.end() > pos:
            pos = m.end()
            continue
        if text[pos] in " \t\u00a0|":
            pos += 1
            continue
        break
    return pos


def plausible_label(label: str) -> bool:
    """A short capitalised phrase with no sentence punctuation can be a label."""
    words = label.split()
    return (
        0 < len(words) <= MAX_LABEL_WORDS
        and label[:1].isupper()
        and not NOT_IN_LABEL.search(label)
    )


def parse_colon(text: str, start: int, end: int) -> FieldLine | None:
    if text.find(":", start, end) == -1:
        return None
    pos = _content_start(text, start, end)
    m = COLON.search(text, pos, end)
    if not m:
        return None
    if text.find("|", pos, m.start()) != -1:
        return None
    label = clean_span(text, pos, m.start())
    if label is None or not plausible_label(label.value):
        return None
    value = clean_span(text, m.end(), end, trim=frozenset(" \t\n\u00a0\u202f|"))
    return FieldLine(label, value, FieldLayout.COLON)


def parse_row(text: str, start: int, end: int) -> FieldLine | None:
    """`| Label | value |`, `Label | value |` or `Label |` (value on the next line)."""
    if text.find("|", start, end) == -1:
        return None
    pos = _content_start(text, start, end)
    if "|" not in text[pos:end]:
        return None
    cells = [(m.start(), m.end()) for m in CELL.finditer(text, pos, end) if m.group().strip()]
    if not cells:
        return None
    a, b = cells[0]
    label = clean_span(text, a, b)
    if label is None or not label_targets(label.value):
        return None
    value = clean_span(text, cells[1][0], cells[-1][1]) if len(cells) > 1 else None
    return FieldLine(label, value, FieldLayout.ROW)


def parse_flat(text: str, start: int, end: int) -> FieldLine | None:
    """`Réalisation Fatou Diallo`: a known label, a space, the value."""
    pos = _content_start(text, start, end)
    m = flat_label_pattern().match(text, pos, end)
    if not m:
        return None
    label = clean_span(text, m.start(), m.end())
    value = clean_span(text, m.end(), end)
    if label is None:
        return None
    if value is not None and value.value[:1].islower():
        if label_targets(label.value)[0][1].kind != TargetKind.FILM and not UPPER.search(value.value):
            return None
    return FieldLine(label, value, FieldLayout.FLAT)


def split_second_field(text: str, field: FieldLine) -> list[FieldLine]:
    """`Format : couleur - Son : mono` -> two fields, when the second label is known."""
    if field.value is None or field.layout != FieldLayout.COLON:
        return [field]
    m = SECOND_FIELD.search(text, field.value.start, field.value.end)
    if not m or not label_targets(m.group("label")):
        return [field]
    first = clean_span(text, field.value.start, m.start())
    second = parse_colon(text, m.start("label"), field.value.end)
    if second is None:
        return [field]
    return [FieldLine(field.label, first, field.layout), second]
