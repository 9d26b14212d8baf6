"""The vocabularies award sentences are read with: outcome verbs
(`award_verbs.tsv`) and event, ceremony and festival-section names
(`award_events.tsv`), checked when loaded so a bad line fails loudly.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import cache

import regex

from pipeline.values.lexicon import data_rows

OUTCOMES = ("won", "nominated", "selected", "submitted")


class EventKind(str, Enum):
    HEAD = "head"
    NAME = "name"
    CEREMONY = "ceremony"
    SECTION = "section"


@dataclass(frozen=True)
class AwardVerb:
    lemma: str
    outcome: str
    forms: tuple[str, ...]  # lower case; the words of a multi-word form are joined by spaces


@dataclass(frozen=True)
class VerbReading:
    """An outcome verb found in a sentence: offsets index the text it was read in."""

    start: int
    end: int
    lemma: str
    outcome: str
    negated: bool
    subject: tuple[int, int] | None  # the subject's words, when the verb has one

    def shifted(self, offset: int) -> VerbReading:
        subject = (self.subject[0] + offset, self.subject[1] + offset) if self.subject else None
        return VerbReading(self.start + offset, self.end + offset, self.lemma, self.outcome, self.negated, subject)


@dataclass(frozen=True)
class EventName:
    name: str  # lower case
    kind: EventKind
    prize: str = ""  # a ceremony's prize, singular, as written (`César`)


def _check(name: str, line: int, ok: bool, message: str) -> None:
    if not ok:
        raise ValueError(f"pipeline/data/{name}: row {line}: {message}")


@cache
def award_verbs() -> tuple[AwardVerb, ...]:
    """Every outcome verb of `award_verbs.tsv`."""
    return parse_verbs(data_rows("award_verbs.tsv"))


def parse_verbs(rows: list[list[str]], name: str = "award_verbs.tsv") -> tuple[AwardVerb, ...]:
    """Verb rows; raises ValueError on a malformed or repeated row."""
    verbs: list[AwardVerb] = []
    seen: set[str] = set()
    for line, row in enumerate(rows, 1):
        _check(name, line, len(row) == 3, f"expected lemma, outcome, forms; got {row!r}")
        lemma, outcome, forms = row
        _check(name, line, outcome in OUTCOMES, f"unknown outcome {outcome!r} (one of {', '.join(OUTCOMES)})")
        words = tuple(f.replace("_", " ").lower() for f in forms.split())
        _check(name, line, bool(lemma) and bool(words), "a lemma and at least one form are needed")
        for key in (f"lemma {lemma}", *words):
            _check(name, line, key not in seen, f"{key!r} is listed twice")
            seen.add(key)
        verbs.append(AwardVerb(lemma.lower(), outcome, words))
    return tuple(verbs)


@cache
def event_names() -> tuple[EventName, ...]:
    """Every event, ceremony and section name of `award_events.tsv`."""
    return parse_events(data_rows("award_events.tsv"))


def parse_events(rows: list[list[str]], name: str = "award_events.tsv") -> tuple[EventName, ...]:
    """Event rows; raises ValueError on a malformed or repeated row."""
    kinds = {k.value: k for k in EventKind}
    names: list[EventName] = []
    seen: set[tuple[str, str]] = set()
    for line, row in enumerate(rows, 1):
        _check(name, line, len(row) in (2, 3), f"expected name, kind[, prize]; got {row!r}")
        text, kind = row[0].lower(), row[1]
        _check(name, line, kind in kinds, f"unknown kind {kind!r} (one of {', '.join(kinds)})")
        prize = row[2] if len(row) == 3 else ""
        _check(name, line, (kinds[kind] is EventKind.CEREMONY) == bool(prize), "a ceremony, and only a ceremony, names its prize")
        _check(name, line, (text, kind) not in seen, f"{text!r} is listed twice")
        seen.add((text, kind))
        names.append(EventName(text, kinds[kind], prize))
    return tuple(names)


def verb_outcomes() -> dict[str, str]:
    """Lemma -> outcome."""
    return {v.lemma: v.outcome for v in award_verbs()}


def _alternation(phrases: list[str]) -> str:
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(regex.escape(p).replace(r"\ ", r"\s+").replace("'", "['’]") for p in ordered)


@cache
def verb_form_pattern() -> regex.Pattern[str]:
    """Any surface form of an outcome verb, as a whole word."""
    forms = [f for v in award_verbs() for f in v.forms]
    return regex.compile(rf"(?<![\p{{L}}\-])(?:{_alternation(forms)})(?![\p{{L}}\-])", regex.IGNORECASE)


@cache
def form_outcomes() -> dict[str, tuple[str, str]]:
    """Surface form (lower case, single spaces) -> (lemma, outcome)."""
    return {f: (v.lemma, v.outcome) for v in award_verbs() for f in v.forms}


def names_of(kind: EventKind) -> list[EventName]:
    return [n for n in event_names() if n.kind is kind]


@cache
def event_start_pattern() -> regex.Pattern[str]:
    """The first word(s) of an event name: a head, a short form or a ceremony."""
    words = [n.name for n in event_names() if n.kind is not EventKind.SECTION]
    return regex.compile(rf"(?:{_alternation(words)})(?![\p{{L}}])", regex.IGNORECASE)


@cache
def section_pattern() -> regex.Pattern[str]:
    """A festival section or competition (`en sélection officielle`, `Un certain regard`)."""
    return regex.compile(rf"(?:{_alternation([n.name for n in names_of(EventKind.SECTION)])})(?![\p{{L}}])", regex.IGNORECASE)


@cache
def ceremony_prizes() -> dict[str, str]:
    """Ceremony name and prize, lower case -> prize as written (`césars` and `césar` -> `César`)."""
    prizes: dict[str, str] = {}
    for n in names_of(EventKind.CEREMONY):
        prizes[n.name] = n.prize
        prizes[n.prize.lower()] = n.prize
    return prizes
