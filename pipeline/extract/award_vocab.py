"""The vocabularies award lists and sentences are read with: outcome verbs
(`award_verbs.tsv`), event, ceremony and festival-section names
(`award_events.tsv`) and the words a prize opens with (`awards.json`), checked
when loaded so a bad line fails loudly; both readers share them so a line and a
sentence naming the same prize or event are recognised alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import regex

from pipeline.model import EventWordKind
from pipeline.text.alternation import alternation, phrase_unit
from pipeline.vocab import json_data, rows


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
    kind: EventWordKind
    prize: str = ""  # a ceremony's prize, singular, as written (`César`)


@cache
def award_verbs() -> tuple[AwardVerb, ...]:
    """Every outcome verb of `award_verbs.tsv` (its lines checked by pipeline.vocab)."""
    return parse_verbs(rows("award_verbs.tsv"))


def parse_verbs(lines: list[tuple[str, ...]]) -> tuple[AwardVerb, ...]:
    """Verb rows; a form two verbs share would make the outcome depend on file order: ValueError."""
    verbs: list[AwardVerb] = []
    owner: dict[str, str] = {}
    for lemma, outcome, forms in lines:
        words = tuple(f.replace("_", " ").lower() for f in forms.split())
        for word in words:
            if owner.setdefault(word, lemma) != lemma:
                raise ValueError(f"award_verbs.tsv: the form {word!r} is given for {owner[word]!r} and {lemma!r}")
        verbs.append(AwardVerb(lemma.lower(), outcome, words))
    return tuple(verbs)


@cache
def event_names() -> tuple[EventName, ...]:
    """Every event, ceremony and section name of `award_events.tsv` (its lines checked by pipeline.vocab)."""
    return tuple(EventName(row[0].lower(), EventWordKind(row[1]), row[2] if len(row) > 2 else "") for row in rows("award_events.tsv"))


@cache
def verb_outcomes() -> dict[str, str]:
    """Lemma -> outcome."""
    return {v.lemma: v.outcome for v in award_verbs()}


def _alternation(phrases: Iterable[str]) -> str:
    return alternation(set(phrases), phrase_unit(r"\s+"))


@cache
def verb_form_pattern() -> regex.Pattern[str]:
    """Any surface form of an outcome verb, as a whole word."""
    forms = [f for v in award_verbs() for f in v.forms]
    return regex.compile(rf"(?<![\p{{L}}\-])(?:{_alternation(forms)})(?![\p{{L}}\-])", regex.IGNORECASE)


@cache
def form_outcomes() -> dict[str, tuple[str, str]]:
    """Surface form (lower case, single spaces) -> (lemma, outcome)."""
    return {f: (v.lemma, v.outcome) for v in award_verbs() for f in v.forms}


def names_of(kind: EventWordKind) -> list[EventName]:
    return [n for n in event_names() if n.kind is kind]


@cache
def event_start_pattern() -> regex.Pattern[str]:
    """The first word(s) of an event name: a head, a short form or a ceremony."""
    words = [n.name for n in event_names() if n.kind is not EventWordKind.SECTION]
    return regex.compile(rf"(?:{_alternation(words)})(?![\p{{L}}])", regex.IGNORECASE)


@cache
def ceremony_prize_pattern() -> regex.Pattern[str]:
    """A ceremony named by its prize's singular (`César`, `Goya`): an event after `aux` (`aux Goya 2004`)."""
    prizes = {n.prize for n in names_of(EventWordKind.CEREMONY)}
    return regex.compile(rf"(?:{_alternation(prizes)})(?![\p{{L}}])", regex.IGNORECASE)


@cache
def section_pattern() -> regex.Pattern[str]:
    """A festival section or competition (`en sélection officielle`, `Un certain regard`)."""
    return regex.compile(rf"(?:{_alternation([n.name for n in names_of(EventWordKind.SECTION)])})(?![\p{{L}}])", regex.IGNORECASE)


@cache
def ceremony_prizes() -> dict[str, str]:
    """Ceremony name and prize, lower case -> prize as written (`césars` and `césar` -> `César`)."""
    prizes: dict[str, str] = {}
    for n in names_of(EventWordKind.CEREMONY):
        prizes[n.name] = n.prize
        prizes[n.prize.lower()] = n.prize
    return prizes


@cache
def event_word_pattern() -> regex.Pattern[str]:
    """An event or ceremony name's word anywhere, singular or plural (`Trophées francophones`, `Lumières 2010`)."""
    words = [n.name for n in event_names() if n.kind is not EventWordKind.SECTION]
    return regex.compile(rf"\b(?:{_alternation(words)})(?:s|x)?\b", regex.IGNORECASE)


@cache
def prize_words() -> frozenset[str]:
    """Words a prize name opens with: `awards.json` prize_words, and each ceremony's name and prize (`Goya du meilleur film`)."""
    return frozenset(json_data("awards.json")["prize_words"]) | frozenset(ceremony_prizes())


@cache
def prize_start_pattern(without: frozenset[str] = frozenset()) -> regex.Pattern[str]:
    """A prize word, singular or plural, ending a word: where a prize name starts (less the words `without`)."""
    return regex.compile(rf"(?:{_alternation(prize_words() - without)})(?:s|x)?(?!\p{{L}})", regex.IGNORECASE)


@cache
def outcome_lead_words() -> dict[str, str]:
    """Words that open a listed prize with its outcome when not won (`nomination au`, `sélectionné pour`):
    the nouns of award headings and the forms of outcome verbs; a heading naming events (`Festivals`) says no outcome."""
    headings = {w: o for w, o in json_data("awards.json")["heading_outcomes"].items() if not event_word_pattern().search(w)}
    words = headings | {form: outcome for form, (_, outcome) in form_outcomes().items()}
    return {w: o for w, o in words.items() if o in {"nominated", "selected"}}


@cache
def outcome_lead_pattern() -> str:
    """Any outcome lead word, as a whole word, in the group `lead`."""
    return rf"(?P<lead>{_alternation(outcome_lead_words())})(?!\p{{L}})"
