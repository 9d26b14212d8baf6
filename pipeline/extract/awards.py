"""Awards: festival blocks under `Récompenses`/`Distinctions`/`Nominations`
and prizes stated in prose (`remporte le Grand prix au Festival de Venise 1999`).

One row per prize and recipient. The event line gives event, edition
(`5e édition du ...`, `82e cérémonie des ...`) and year (`(2008)`,
`Khouribga 2016`, footnote digits glued after it excluded). A prize line gives the
category and its recipients (`pour X`, `(X)`, `(en ex-aequo X et Y)`); a
person named in the prize's own name stays in the category.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from pipeline.extract.award_vocab import ceremony_prizes, event_word_pattern, outcome_lead_pattern, outcome_lead_words, prize_start_pattern, verb_form_pattern
from pipeline.extract.people_names import PERSON, PERSON_RE
from pipeline.extract.records import Award
from pipeline.model import BlockKind, Outcome, Section, Span, UnitKind
from pipeline.text.clean import clean_span
from pipeline.values.dates import find_dates
from pipeline.text.normalize import fold_key
from pipeline.vocab import json_data

# `5e édition du`, `82e cérémonie des`: the edition of the event named after it.
EDITION = regex.compile(
    r"(?P<n>\d{1,3})\s*(?:e|è|ème|eme|re|er|ère)\s+(?P<noun>édition|cérémonie|session|festival)\b\s*(?P<of>(?:du|de\s+la|de\s+l['’]|des|de|d['’])\s*)?",
    regex.IGNORECASE,
)
MAX_PRIZE_WORDS = 14
MAX_HEADER_WORDS = 8
SECTION = regex.compile(
    r"\b(?:pour|dans|en)\s+(?:la\s+)?(?P<kind>section|sélection|compétition)(?P<category>(?:\s+[^\s,;.]+){1,14}?)?\s+(?:au|à\s+la|à\s+l['’]|lors\s+du)\s+"
    r"(?P<event>[^,;()]+?)(?=\s*(?:[,;()]|\.\s|\.$|$))",
    regex.IGNORECASE,
)
LEADING_ARTICLE = regex.compile(r"^(?:le|la|les|l['’]|un|une|section|en(?=\s+(?:compétition|sélection)))\s*", regex.IGNORECASE)
# A scope after the category (`meilleur montage pour la version restaurée`) is no part of it.
VERSION_SCOPE = regex.compile(r"\s+(?:pour|dans)\s+(?:la|sa)\s+version\b[^,;()]*$|\s*\(\s*version\b[^()]*\)\s*$", regex.IGNORECASE)
EX_AEQUO = regex.compile(r"\bex[- ]?(?:a|æ)equo\b", regex.IGNORECASE)
FOR_PERSON = regex.compile(rf"\s+(?:pour|à|attribué\s+à|décerné\s+à)\s+(?P<who>(?:[Ff]eu\s+)?{PERSON}(?:\s*,\s*{PERSON})*(?:\s+et\s+{PERSON})?)\s*\d{{0,3}}\s*$")
YEAR_AFTER = regex.compile(r"\s+en\s+(?P<year>(?:1[89]|20)\d\d)\s*$")
YEAR_ONLY = regex.compile(r"^\s*(?P<year>(?:1[89]|20)\d\d)\s*$")
YEAR_TAIL = regex.compile(r"[\s\d\)\[\].,:]*")
EMPTY_PAREN_END = regex.compile(r"\s*\(\s*\)\s*$|\s*\(\s*$")
EN_END = regex.compile(r"\s+en$")
LAST_PAREN = regex.compile(r"\(([^()]*)\)\s*[\d\s.]*$")
PERSON_SEP = regex.compile(r"\s*,\s*|\s+et\s+")
EVENT_AFTER = regex.compile(r"\s+(?:au|à\s+la|à\s+l['’]|aux|lors\s+du|lors\s+de\s+la|lors\s+des)\s+(?=\S)")
COMMA_PRIX = regex.compile(r"\s*,\s*prix")
LEADING_YEAR = regex.compile(r"\s*(?:1[89]|20)\d\d\b")
COLON = regex.compile(r"\s*:\s*")
YEAR_WORD = regex.compile(r"\b(?:1[89]|20)\d\d\b")
HEAD_DOT = regex.compile(r"(?<=\d{4}|\p{Ll})\.\s+(?=\p{Lu})")


@cache
def vocabulary() -> dict:
    return json_data("awards.json")


def has_event_word(value: str) -> bool:
    return bool(event_word_pattern().search(value))


def starts_with_prize(value: str) -> bool:
    stripped = LEADING_ARTICLE.sub("", value.strip())
    return bool(prize_start_pattern().match(stripped))


@dataclass
class Event:
    name: str = ""
    edition: int | None = None
    year: int | None = None


def parse_event(text: str, start: int, end: int) -> Event:
    """`5e édition du Festival X (2008) :` -> Event('Festival X', 5, 2008)."""
    event = Event()
    chunk_start = start
    m = EDITION.search(text, start, end)
    if m:
        event.edition = int(m.group("n"))
        chunk_start = m.end()
    dates = [d for d in find_dates(text[chunk_start:end]) if len(d.iso) == 4]
    name_end = end
    if dates:
        last = dates[-1]
        event.year = int(last.iso)
        name_end = chunk_start + last.start
        after = text[chunk_start + last.end:end]
        if YEAR_TAIL.fullmatch(after) is None:
            name_end = end
            event.year = int(last.iso)
    name = clean_span(text, chunk_start, name_end)
    if name:
        value = EMPTY_PAREN_END.sub("", name.value).strip(" :.(")
        value = EN_END.sub("", value)
        event.name = value
    return event


def _category(text: str, start: int, end: int) -> tuple[Span | None, list[Span], bool]:
    """Category span, recipients and ex-aequo flag of one prize phrase."""
    recipients: list[Span] = []
    ex_aequo = False
    cat_end = end
    paren = LAST_PAREN.search(text[start:end])
    if paren:
        inner_a, inner_b = start + paren.start(1), start + paren.end(1)
        inner = text[inner_a:inner_b]
        if EX_AEQUO.search(inner):
            ex_aequo = True
            cat_end = start + paren.start()
            after = EX_AEQUO.search(text, inner_a, inner_b).end()
            recipients = _persons(text, after, inner_b)
        elif _is_person_list(inner):
            cat_end = start + paren.start()
            recipients = _persons(text, inner_a, inner_b)
    scope = VERSION_SCOPE.search(text, start, cat_end)
    if scope:
        cat_end = scope.start()
    if not recipients and not ex_aequo:
        m = FOR_PERSON.search(text, start, cat_end)
        if m and not starts_with_prize(m.group("who")):
            cat_end = m.start()
            recipients = _persons(text, m.start("who"), m.end("who"))
    span = clean_span(text, start, cat_end)
    if span is not None:
        article = LEADING_ARTICLE.match(span.value)
        if article and len(span.value) > article.end():
            span = clean_span(text, span.start + article.end(), span.end)
    return span, recipients, ex_aequo


def _is_person_list(value: str) -> bool:
    parts = PERSON_SEP.split(value.strip())
    return all(PERSON_RE.fullmatch(p) and not starts_with_prize(p) and not has_event_word(p) for p in parts if p)


def _persons(text: str, start: int, end: int) -> list[Span]:
    spans: list[Span] = []
    for m in PERSON_RE.finditer(text, start, end):
        value = text[m.start():m.end()]
        offset = 4 if value.lower().startswith("feu ") else 0
        span = clean_span(text, m.start() + offset, m.end())
        if span and not starts_with_prize(span.value):
            spans.append(span)
    return spans


def _award(event: Event, category: Span, outcome: Outcome, recipient: Span | None = None, ex_aequo: bool = False) -> Award:
    """The one way an award record is made: the category's span, the recipient's apart."""
    return Award(event.name, event.edition, event.year, category.value, recipient.value if recipient else "",
                 outcome, ex_aequo, category.start, category.end,
                 (recipient.start, recipient.end) if recipient else None)


def _prize_rows(text: str, start: int, end: int, event: Event, outcome: Outcome) -> list[Award]:
    rows: list[Award] = []
    for a, b in _split_prizes(text, start, end):
        local = event
        at = EVENT_AFTER.search(text[a:b])
        if at and has_event_word(text[a + at.end():b]):
            local = parse_event(text, a + at.end(), b)
            if local.year is None:
                local.year = event.year
            b = a + at.start()
        year_after = YEAR_AFTER.search(text, a, b)
        if year_after:
            local = Event(local.name, local.edition, local.year or int(year_after.group("year")))
            b = year_after.start()
        span, recipients, ex_aequo = _category(text, a, b)
        if span is None:
            continue
        if not local.name:
            head = span.value.split()[0]
            if head.casefold() in ceremony_prizes():
                local = Event(head, local.edition, local.year)
        rows.extend(_award(local, span, outcome, person, ex_aequo) for person in recipients or [None])
    return rows


# `et` or a comma before what may be another prize; a piece is one when it opens with a
# prize word or a `meilleur ...` category (`Prix Orion 2009 : meilleur montage, meilleurs costumes`).
PRIZE_SEPARATOR = regex.compile(r"\s+et\s+(?=(?:le\s+|la\s+|l['’])?\w)|\s*,\s+(?=(?:le\s+|la\s+|l['’])?\w)", regex.IGNORECASE)


def _split_prizes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """`Étalon de Yennenga (Grand prix) et prix du meilleur scénario` -> two prizes;
    `meilleur montage, meilleurs costumes, meilleure photographie` -> three."""
    pieces, pos = [], start
    for m in PRIZE_SEPARATOR.finditer(text[start:end]):
        after = text[start + m.end():end]
        if starts_with_prize(after) and not COMMA_PRIX.match(text[start + m.start():end]):
            pieces.append((pos, start + m.start()))
            pos = start + m.end()
    pieces.append((pos, end))
    return pieces


def block_awards(text: str, section: Section) -> list[Award]:
    """Awards from the section's award blocks."""
    rows: list[Award] = []
    year_heading: int | None = None  # `2017` alone on a line: the year of the events listed under it
    for block in section.blocks_of(BlockKind.AWARDS):
        event = Event()
        outcome = Outcome.WON
        for unit in block.units:
            if unit.kind is UnitKind.HEADING:
                head = clean_span(text, unit.start, unit.end)
                key = fold_key(head.value.rstrip(" :")) if head else ""
                outcome = Outcome(vocabulary()["heading_outcomes"].get(key, Outcome.WON))
                continue
            line = clean_span(text, unit.start, unit.end, trim=frozenset(" \t\u00a0"))
            if line is None:
                continue
            a, b = line.start, line.end
            body = text[a:b]
            if YEAR_ONLY.match(body.rstrip(" :")):
                year_heading = int(body.strip(" :"))
                event = Event(year=year_heading)
                continue
            head_end, tail_start = _split_head(body)
            if unit.kind == UnitKind.PROSE and (verb_form_pattern().search(body) or (head_end is None and not _list_like(body))):
                continue  # a sentence, read by award_sentences, or a remark about the list
            # A long line is prose unless it opens with a prize, or with an event whose prizes follow.
            long_line = len(body.split()) > MAX_PRIZE_WORDS and not starts_with_prize(body) and not has_event_word(body)
            listed = head_end is not None and len(body[:head_end].split()) <= MAX_HEADER_WORDS
            if body.startswith(("«", "\"")) or (long_line and not listed):
                continue
            line_outcome = _line_outcome(body, outcome)
            if head_end is not None:
                head = body[:head_end]
                if YEAR_ONLY.match(head):
                    event = Event(year=int(head.strip()))
                else:
                    event = parse_event(text, a, a + head_end)
                    if event.year is None:
                        event.year = year_heading
                if tail_start is not None and body[tail_start:].strip(" :."):
                    tail = a + tail_start
                    lead = _outcome_lead().match(text, tail, b)
                    if lead and lead.group("to"):
                        tail, line_outcome = lead.end(), _lead_outcome(lead)
                    rows.extend(_prize_rows(text, tail, b, event, line_outcome))
                continue
            rows.extend(_prize_rows(text, a, b, event, line_outcome))
    return rows


def _list_like(body: str) -> bool:
    """Whether a line opens like a list entry: a prize, an event or a year."""
    return starts_with_prize(body) or has_event_word(body.split(":")[0]) or bool(LEADING_YEAR.match(body))


@cache
def _outcome_lead() -> regex.Pattern[str]:
    """`nomination au César du meilleur film`, `sélectionné en compétition`: the outcome, then (group `to`) the prize."""
    return regex.compile(
        rf"{outcome_lead_pattern()}(?P<to>\s+(?:au|aux|à\s+la|à\s+l['’]|pour\s+(?:le|la|l['’])|pour)\s*(?=\S))?", regex.IGNORECASE
    )


def _lead_outcome(lead: regex.Match[str]) -> Outcome:
    return Outcome(outcome_lead_words()[" ".join(lead.group("lead").lower().split())])


def _line_outcome(body: str, default: Outcome) -> Outcome:
    lead = _outcome_lead().match(body)
    return _lead_outcome(lead) if lead else default


def _split_head(body: str) -> tuple[int | None, int | None]:
    """Where an event header ends and a prize on the same line starts, if any."""
    stripped = body.rstrip()
    colon = COLON.search(body)
    if colon:
        head, tail = body[:colon.start()], body[colon.end():]
        dated = bool(YEAR_WORD.search(head))
        # `César 2013 :` alone on its line heads the prizes listed under it.
        header = dated and not tail.strip() and len(head.split()) <= MAX_HEADER_WORDS
        if (has_event_word(head) and not starts_with_prize(head)) or YEAR_ONLY.match(head) or (dated and tail.strip()) or header:
            return colon.start(), colon.end()
    dot = HEAD_DOT.search(body)
    if dot and has_event_word(body[:dot.start()]) and not starts_with_prize(body[:dot.start()]):
        return dot.start(), dot.end()
    if has_event_word(stripped) and not starts_with_prize(stripped):
        return len(stripped), None
    return None, None


def section_awards(text: str, start: int, end: int) -> list[Award]:
    """Festival sections named between start and end (`pour la section Un certain
    regard au Festival de Cannes 2002` in a release line); sentences with an
    outcome verb are read by award_sentences."""
    rows: list[Award] = []
    for m in SECTION.finditer(text, start, end):
        if not has_event_word(m.group("event")):
            continue
        event = parse_event(text, m.start("event"), m.end("event"))
        named = m.group("kind").lower() == "section" and m.group("category")
        span = clean_span(text, m.start("category") if named else m.start("kind"), m.end("category") if m.group("category") else m.end("kind"))
        if span:
            rows.append(_award(event, span, Outcome.SELECTED))
    return [r for r in rows if r.category and (r.event or starts_with_prize(r.category))]
