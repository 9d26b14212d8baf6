"""An infobox flattened into one line: `Réalisation X Scénario Y Durée 1 h 52`.

Some mirrors render the whole infobox as one run of text, the page furniture
or the opening sentence glued after it:
`Le Vent Titre original ... Réalisation Awa Sy Acteurs principaux Omar Ly Durée
1 h 52 Le Vent (en arabe : ...) est un film ...`. Such a line is cut before
each label that starts a field, so every piece reads as one flat field, and
the article's title is found at the end of the last value.
"""

from __future__ import annotations

from functools import cache

import regex

from pipeline.model import TargetKind
from pipeline.text.fields import flat_label_pattern, label_targets
from pipeline.vocab import is_furniture

# A run needs this many labels: two capitalised label words can meet in prose.
MIN_LABELS = 3
NAME_KINDS = frozenset({TargetKind.ROLE, TargetKind.CAST})
WORD_START = regex.compile(r"(?<![\p{L}\p{N}'’-])[\p{L}\p{N}«]")
LEADING_NUMBERS = regex.compile(r"[\d\s,.:hminutesr]*")


def _starts_field(text: str, start: int, label_end: int, end: int) -> bool:
    """A capitalised label, at a word start or glued to the end of the previous value
    (`SénégalGenre`), followed by a value that can belong to it."""
    if not text[start].isupper():
        return False
    before = text[start - 1] if start > 0 else " "
    if not (before.isspace() or before.islower() or before.isdigit() or before in ")]».%"):
        return False
    value = text[label_end:end].lstrip()
    if not value or value[0] in ",;.":
        return False
    targets = label_targets(text[start:label_end])
    return not (value[0].islower() and targets and targets[0][1].kind in NAME_KINDS)


@cache
def _capitalised_label() -> regex.Pattern[str]:
    """The label pattern tried only where a capital stands (a field of a run starts with one):
    every line of every document is scanned, and most positions hold none."""
    return regex.compile(rf"(?=(?-i:\p{{Lu}}))(?:{flat_label_pattern().pattern})", regex.IGNORECASE)


def flat_fields(text: str, start: int, end: int) -> list[int]:
    """Where each field of a flattened infobox in text[start:end] starts (its label),
    or [] when the line is not such a run."""
    found = [m.start() for m in _capitalised_label().finditer(text, start, end) if _starts_field(text, m.start(), m.end(), end)]
    return found if len(found) >= MIN_LABELS else []


def label_starts(text: str, start: int, end: int) -> list[int]:
    """Every position of text[start:end] where a capitalised label starts, overlapping ones
    included: a line holding fewer than MIN_LABELS of them holds no flattened infobox,
    so one scan of a whole section spares most lines their own."""
    return [m.start() for m in _capitalised_label().finditer(text, start, end, overlapped=True)]


def furniture_tail(text: str, start: int, end: int) -> int | None:
    """Where page furniture glued to the end of a value starts (`... 1 h 35 min Pour plus de détails, voir ...`)."""
    for m in WORD_START.finditer(text, start, end):
        if m.start() > start and is_furniture(text[m.start():end]):
            return m.start()
    return None


def title_in_last_value(text: str, label_start: int, title_end: int, known: list[str]) -> int | None:
    """Where an opening sentence's title starts inside the last value of a run.

    The title is a known form of it (the run's head, the page heading) when one
    ends the value; else, after a value of numbers (`Durée 1 h 52`,
    `Sortie 2006`), the first capitalised word. None when it cannot be told.
    """
    label = flat_label_pattern().match(text, label_start, title_end)
    if label is None:
        return None
    value_start = label.end()
    for form in sorted((k for k in known if k), key=len, reverse=True):
        found = regex.compile(regex.escape(form), regex.IGNORECASE | regex.FULLCASE).search(text, value_start, title_end)
        if found and found.start() > value_start:
            return found.start()
    numbers = LEADING_NUMBERS.match(text, value_start, title_end)
    if numbers and any(ch.isdigit() for ch in numbers.group()):
        rest = WORD_START.search(text, numbers.end(), title_end)
        if rest and text[rest.start()].isupper():
            return rest.start()
    return None
