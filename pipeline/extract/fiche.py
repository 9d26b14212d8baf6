"""Fiche technique and infobox: every `Label : value` into fiche rows, then typed
film columns, titles, credits, releases and listed actors.

The fiche and the infobox repeat facts. Scalar columns take the fiche's value
(better separated) and fall back to the infobox; credits of a role the fiche
gives are not read again from the infobox, whose cells often run names
together.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import cached_property

import regex

from pipeline.extract.name_runs import Ner, is_name_run, split_company_run, split_name_run
from pipeline.extract.names import Name, company_words, looks_like_company, split_names
from pipeline.extract.records import CastMember, Credit, FicheLine, FilmRecord, Release
from pipeline.extract.titles import title_forms
from pipeline.model import BlockKind, CastSource, FieldLayout, FieldLine, Section, Span, TargetKind, UnitKind
from pipeline.text.clean import BULLET_HERE, clean_span, cut_by_end
from pipeline.text.fields import label_targets, split_second_field
from pipeline.text.normalize import fold_key
from pipeline.values.dates import find_dates
from pipeline.values.durations import parse_duration
from pipeline.values.formats import parse_format, release_rating
from pipeline.values.genres import split_genres
from pipeline.values.languages import find_languages
from pipeline.values.money import parse_budget
from pipeline.values.places import Place, country_code, find_countries
from pipeline.vocab import LabelTarget

DIGIT = regex.compile(r"\d")
PAREN_NOTE = regex.compile(r"\s*\(([^()]+)\)")

ROW_TRIM = frozenset(" \t\n\u00a0\u202f|")
SCALAR_TEXT_COLUMNS = ("film_format", "aspect_ratio")
NAME_LIKE = regex.compile(r"^\p{Lu}[\p{L}'’.\- ]+$")


@dataclass
class Entry:
    """A label and its value lines (a value may continue on following lines)."""

    label: Span
    targets: list[tuple[str, LabelTarget]]
    source: BlockKind  # FICHE or INFOBOX
    values: list[Span] = field(default_factory=list)
    raw: list[Span] = field(default_factory=list)

    @cached_property
    def kinds(self) -> frozenset[TargetKind]:
        """Asked for every line after the entry: worked out once (its targets never change)."""
        return frozenset(t.kind for _, t in self.targets)


def _raw(text: str, start: int, end: int) -> Span | None:
    """The value exactly as written (footnotes kept), trimmed of spaces and cell bars."""
    while start < end and text[start] in ROW_TRIM:
        start += 1
    while end > start and text[end - 1] in ROW_TRIM:
        end -= 1
    return Span(start, end, text[start:end]) if end > start else None


def _entry(text: str, line: FieldLine, unit_end: int, source: BlockKind) -> Entry:
    entry = Entry(line.label, label_targets(line.label.value), source)
    if line.value is not None:
        entry.values.append(line.value)
        raw = _raw(text, line.value.start, min(unit_end, _value_end(text, line, unit_end)))
        if raw:
            entry.raw.append(raw)
    return entry


def _value_end(text: str, line: FieldLine, unit_end: int) -> int:
    if line.layout is FieldLayout.ROW:
        bar = text.rfind("|", line.value.end if line.value else 0, unit_end)
        return bar if bar != -1 else unit_end
    return unit_end


def _is_release_line(text: str, line: FieldLine | None, start: int, end: int) -> bool:
    """`Tunisie : 3 octobre 2011`, `la Suède 9 juin 2014`: a country then a date."""
    if line is not None:
        return country_code(line.label.value) is not None and bool(line.value and find_dates(line.value.value))
    value = text[start:end]
    return bool(find_countries(value)) and bool(find_dates(value))


def _continues_by_country(text: str, previous: Entry, line: FieldLine, start: int, end: int) -> bool:
    """A `Country : value` line under `Dates de sortie :` or `Classification :` is one more of its values."""
    if TargetKind.RELEASE in previous.kinds:
        return _is_release_line(text, line, start, end)
    return any(t.name == "age_rating" for _, t in previous.targets) and country_code(line.label.value) is not None


def collect_entries(text: str, section: Section) -> list[Entry]:
    """Entries of the section's fiche and infobox blocks, in text order."""
    entries: list[Entry] = []
    for block in section.blocks_of(BlockKind.FICHE, BlockKind.INFOBOX):
        source = block.kind
        for unit in block.units:
            if unit.kind in (UnitKind.HEADING, UnitKind.PROSE):
                continue
            lines: list[FieldLine] = []
            if unit.kind in (UnitKind.FIELD, UnitKind.PAIR) and unit.field is not None:
                colon = unit.field
                previous = entries[-1] if entries else None
                if previous and _continues_by_country(text, previous, colon, unit.start, unit.end):
                    _continue(text, previous, unit.start, unit.end)
                    continue
                lines = split_second_field(text, colon)
            elif unit.kind in (UnitKind.ROW, UnitKind.FLAT) and unit.field is not None:
                lines = [unit.field]
            if lines:
                for line in lines:
                    entries.append(_entry(text, line, unit.end, source))
            elif entries and (not entries[-1].values or source is BlockKind.INFOBOX or not BULLET_HERE.match(text, unit.start, unit.end)):
                _continue(text, entries[-1], unit.start, unit.end)
    return entries


def _continue(text: str, entry: Entry, start: int, end: int) -> None:
    value = clean_span(text, start, end, trim=ROW_TRIM | frozenset(",;"))
    raw = _raw(text, start, end)
    if value is not None and raw is not None:
        entry.values.append(value)
        entry.raw.append(raw)


def fiche_lines(entries: list[Entry]) -> list[FicheLine]:
    """One fiche line per value line; a label with no value keeps one empty line."""
    lines: list[FicheLine] = []
    for entry in entries:
        fields = ";".join(dict.fromkeys(t.name or t.kind.value for _, t in entry.targets if t.kind is not TargetKind.IGNORE))
        label = entry.label.value
        if not entry.raw:
            lines.append(FicheLine(label, "", fields, entry.label.start, entry.label.end))
        lines.extend(FicheLine(label, raw.value, fields, raw.start, raw.end) for raw in entry.raw)
    return lines


RUN_TOGETHER_WORDS = 6
RUN_TOGETHER_SHARE = 0.7
WORD_TOKEN = regex.compile(r"\w+")
NOT_LETTER = regex.compile(r"[\W\d_]")


@dataclass(frozen=True)
class KnownNames:
    """Names given elsewhere in the section, indexed by their first word, so a run-together
    cell is compared only with the names that can start in it, not with every name."""

    by_first_word: dict[str, tuple[str, ...]]

    @classmethod
    def of(cls, names: Iterable[str]) -> KnownNames:
        index: dict[str, list[str]] = {}
        for name in sorted(set(names)):
            first = WORD_TOKEN.search(name)
            if first:
                index.setdefault(first.group().casefold(), []).append(name)
        return cls({word: tuple(found) for word, found in index.items()})

    def within(self, value: str) -> list[str]:
        """Known names whose first word is a word of `value`, longest first."""
        words = {w.casefold() for w in WORD_TOKEN.findall(value)}
        return sorted({n for w in words for n in self.by_first_word.get(w, ())}, key=lambda n: (-len(n), n))



def entry_names(text: str, entry: Entry, known: KnownNames, ner: Ner | None = None) -> list[Name]:
    """Names of an entry's values, without those cut by the end of the text.

    An infobox cell often runs several names together with no separator
    (`Awa Sow Binta Fall Omar Ly`): names known from elsewhere in the section
    cover it when they can, else it is cut by name shape (`name_runs`); a cell
    running companies together is cut at company words, acronyms and articles.
    A long run that is neither is dropped rather than guessed.
    """
    names: list[Name] = []
    for value in entry.values:
        for name in split_names(text, value.start, value.end):
            if cut_by_end(text, name.span.end) or _is_country(name.span.value):
                continue
            if is_name_run(text, name.span.start, name.span.end) and not looks_like_company(name.span.value):
                cover = _known_cover(name, known)
                spans = [n.span for n in cover] or split_name_run(text, name.span.start, name.span.end, ner)
                names.extend(Name(span, name.note, name.role, name.funder) for span in spans)
                continue
            if entry.source is BlockKind.INFOBOX and looks_like_company(name.span.value):
                companies = split_company_run(text, name.span.start, name.span.end, company_words())
                if len(companies) > 1:
                    names.extend(n for span in companies for n in split_names(text, span.start, span.end))
                else:
                    names.append(name)
                continue
            words = name.span.value.split()
            capitalised = sum(1 for w in words if not w[:1].islower())
            if len(words) >= RUN_TOGETHER_WORDS and capitalised >= RUN_TOGETHER_SHARE * len(words):
                names.extend(_known_cover(name, known))
                continue
            names.append(name)
    return names


SPACED_NUMBER = regex.compile(r"\s\d+$")


def _is_country(name: str) -> bool:
    """A country alone in a credit cell (`Maroc`, `Maroc3`) is a qualifier, but a
    channel numbered after it (`France 2`) is a name."""
    return country_code(name) is not None and not SPACED_NUMBER.search(name)


def _known_cover(name: Name, known: KnownNames) -> list[Name]:
    value = name.span.value
    found = []
    for candidate in known.within(value):
        for start, end in _whole_words(value, candidate):
            if not any(a < end and start < b for a, b, _ in found):
                found.append((start, end, candidate))
    covered = sum(b - a for a, b, _ in found)
    letters = len(NOT_LETTER.sub("", value))
    if not found or covered < 0.9 * letters:
        return []
    return [Name(Span(name.span.start + a, name.span.start + b, value[a:b]), name.note, name.role, name.funder)
            for a, b, _ in sorted(found)]


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _whole_words(value: str, name: str) -> Iterator[tuple[int, int]]:
    """Where `name` stands in `value` as whole words, in any case: a string search, not a
    regex compiled per name (which made a cell of many names cost time per known name)."""
    folded, key = value.casefold(), name.casefold()
    if len(folded) != len(value) or not key:  # casefolding moved offsets (`ß`): compare as written
        folded, key = value.lower(), name.lower()
        if len(folded) != len(value):
            return
    at = folded.find(key)
    while at != -1:
        end = at + len(key)
        if (at == 0 or not _is_word_char(value[at - 1])) and (end == len(value) or not _is_word_char(value[end])):
            yield at, end
        at = folded.find(key, at + 1)


def _credit_rows(text: str, entry: Entry, role: str, note: str, known: KnownNames, ner: Ner | None) -> list[Credit]:
    rows = [_credit(name, role, note, entry.label.value) for name in entry_names(text, entry, known, ner)]
    # `Production : Atlas Films, Doomi, Canal 3 Cinéma` names companies: a list
    # mostly made of companies is read as companies throughout.
    producers = [r for r in rows if r.role in ("producer", "production_company")]
    if role == "producer" and len(producers) >= 2 and sum(r.role == "production_company" for r in producers) * 2 >= len(producers):
        return [replace(r, role="production_company") if r.role == "producer" else r for r in rows]
    return rows


def _credit(name: Name, role: str, label_note: str, label: str) -> Credit:
    final = name.role or role
    if name.funder:
        final = "funder"
    elif final == "producer" and looks_like_company(name.span.value):
        final = "production_company"
    note = "; ".join(p for p in (label_note, name.note) if p)
    return Credit(final, name.span.value, note, label, name.span.start, name.span.end)


def _unknown_label_credits(text: str, entry: Entry, known: KnownNames, ner: Ner | None) -> list[Credit]:
    """A label outside the vocabulary that names people or companies -> role `other`."""
    if any(DIGIT.search(v.value) for v in entry.values):
        return []
    return [_credit(n, "other", "", entry.label.value) for n in entry_names(text, entry, known, ner) if NAME_LIKE.match(n.span.value)]


def _releases(text: str, entry: Entry) -> list[Release]:
    """One row per date; the country is the one written before the date
    (`Tunisie : 3 octobre 2011`), else a country alone in the parenthesis after it
    (`10 décembre 2014 (France)`), else the label's (`Sortie France`)."""
    rows: list[Release] = []
    label_countries = find_countries(entry.label.value)
    for value in entry.values:
        chunk = text[value.start:value.end]
        dates = find_dates(chunk)
        countries = sorted(find_countries(chunk), key=lambda p: p.end)  # found once, not once per date
        ends = [p.end for p in countries]
        for k, date in enumerate(dates):
            reach = dates[k + 1].start if k + 1 < len(dates) else len(chunk)
            before = bisect_right(ends, date.start)
            place: Place | None = countries[before - 1] if before else None
            start, end = (place.start if place else date.start), date.end
            paren = PAREN_NOTE.search(chunk, date.end, reach)
            note = paren.group(1).strip() if paren else ""
            if place is None and paren and paren.start() == date.end:
                inside = find_countries(paren.group(1))
                if len(inside) == 1 and inside[0].written == note:
                    place, note, end = inside[0], "", paren.end()
            if place is None and label_countries:
                place = label_countries[0]
            rows.append(Release(place.code if place else "", place.written if place else "", date.iso, note,
                                value.start + start, value.start + end))
    return rows


def _known_names(text: str, entries: list[Entry]) -> set[str]:
    """Names the fiche gives with clear separators, to read run-together infobox cells."""
    known: set[str] = set()
    for entry in entries:
        if entry.source is BlockKind.FICHE and entry.kinds & {TargetKind.ROLE, TargetKind.CAST}:
            for value in entry.values:
                known.update(n.span.value for n in split_names(text, value.start, value.end) if len(n.span.value.split()) < RUN_TOGETHER_WORDS)
    return known


def apply_entries(text: str, entries: list[Entry], film: FilmRecord, known: set[str] | None = None,
                  ner: Ner | None = None) -> None:
    """Fill the film record from the fiche and infobox entries.

    `known` are names given elsewhere in the section (e.g. the cast list);
    `ner` gives the person entities of a short text, to break ties when a
    run of names is cut.
    """
    film.fiche.extend(fiche_lines(entries))
    known_names = KnownNames.of((known or set()) | _known_names(text, entries))
    fiche_cast = any(e.source is BlockKind.FICHE and TargetKind.CAST in e.kinds for e in entries)
    ordered = [e for e in entries if e.source is BlockKind.FICHE] + [e for e in entries if e.source is BlockKind.INFOBOX]
    release_rows: dict[BlockKind, list[Release]] = {BlockKind.FICHE: [], BlockKind.INFOBOX: []}
    credits = _Credits(already=film.credits)
    for entry in ordered:
        if not entry.targets:
            credits.extend(_unknown_label_credits(text, entry, known_names, ner))
            continue
        for _, target in entry.targets:
            if target.kind is TargetKind.ROLE:
                rows = _credit_rows(text, entry, target.name, target.note, known_names, ner)
                if entry.source is BlockKind.INFOBOX:
                    rows = [r for r in rows if not credits.repeats(r)]
                credits.extend(rows)
            elif target.kind is TargetKind.FILM:
                FILM_READERS[target.name](film, text, entry.values)
            elif target.kind is TargetKind.TITLE:
                _titles(text, entry, target, film)
            elif target.kind is TargetKind.RELEASE:
                release_rows[entry.source].extend(_releases(text, entry))
            elif target.kind is TargetKind.CAST and not (entry.source is BlockKind.INFOBOX and fiche_cast):
                film.cast.extend(CastMember(n.span.value, "", CastSource.DISTRIBUTION, n.span.start, n.span.end)
                                 for n in entry_names(text, entry, known_names, ner))
    film.releases.extend(release_rows[BlockKind.FICHE] or release_rows[BlockKind.INFOBOX])
    companies = {fold_key(r.name) for r in credits.rows if r.role == "production_company"}
    film.credits.extend(replace(r, role="production_company") if r.role == "producer" and fold_key(r.name) in companies else r
                        for r in credits.rows)


SAME_NAME_RATIO = 0.8


class _Credits:
    """The credits read so far, their name keys indexed by role and word, so an infobox name
    is compared only with the names of its role that share a word with it."""

    def __init__(self, already: Iterable[Credit] = ()) -> None:
        """`already`: the film's credits from elsewhere, compared with but not added again."""
        self.rows: list[Credit] = []
        self._keys: set[tuple[str, str]] = set()
        self._by_word: dict[tuple[str, str], list[str]] = {}
        self._index(already)

    def extend(self, rows: Iterable[Credit]) -> None:
        rows = list(rows)
        self.rows.extend(rows)
        self._index(rows)

    def _index(self, rows: Iterable[Credit]) -> None:
        for row in rows:
            key = fold_key(row.name)
            self._keys.add((row.role, key))
            for word in dict.fromkeys(key.split()):
                self._by_word.setdefault((row.role, word), []).append(key)

    def repeats(self, row: Credit) -> bool:
        """An infobox name the fiche already gives for that role, maybe spelt differently
        (`Nabil Ben Amor` / `Nabil Ben Ammor`) or run together with others."""
        name = fold_key(row.name)
        if (row.role, name) in self._keys:
            return True
        candidates = dict.fromkeys(k for word in dict.fromkeys(name.split()) for k in self._by_word.get((row.role, word), ()))
        return any(known in name or name in known or SequenceMatcher(None, name, known).ratio() >= SAME_NAME_RATIO
                   for known in candidates)


def _set(film: FilmRecord, column: str, value: object) -> None:
    """A scalar column takes the first value found (the fiche is read before the infobox)."""
    if value not in (None, "") and film.get(column) in (None, ""):
        film.update(**{column: value})


def extend_column(film: FilmRecord, column: str, items: list[str]) -> None:
    """Add the items the column lacks, compared case-insensitively."""
    current: list[str] = list(film.get(column))
    seen = {c.casefold() for c in current}
    before = len(current)
    for item in items:
        if item and item.casefold() not in seen:
            seen.add(item.casefold())
            current.append(item)
    if len(current) > before:
        film.update(**{column: tuple(current)})


def _countries(film: FilmRecord, text: str, values: list[Span]) -> None:
    extend_column(film, "countries", [p.code for v in values for p in find_countries(text[v.start:v.end])])


def _languages(film: FilmRecord, text: str, values: list[Span]) -> None:
    extend_column(film, "languages", [lang.code for v in values for lang in find_languages(text[v.start:v.end])])


def _genres(film: FilmRecord, text: str, values: list[Span]) -> None:
    extend_column(film, "genres", [g.value for v in values for g in split_genres(text[v.start:v.end])])


def _locations(film: FilmRecord, text: str, values: list[Span]) -> None:
    extend_column(film, "filming_locations", [n.span.value for v in values for n in split_names(text, v.start, v.end)])


def _duration(film: FilmRecord, text: str, values: list[Span]) -> None:
    duration = next(filter(None, (parse_duration(text[v.start:v.end]) for v in values)), None)
    if duration:
        _set(film, "duration_min", duration.minutes)


def _budget(film: FilmRecord, text: str, values: list[Span]) -> None:
    budget = next(filter(None, (parse_budget(text[v.start:v.end]) for v in values)), None)
    if budget:
        _set(film, "budget_low", budget.low)
        _set(film, "budget_high", budget.high)
        _set(film, "budget_currency", budget.currency)


def _format(film: FilmRecord, text: str, values: list[Span]) -> None:
    for v in values:
        fmt = parse_format(text[v.start:v.end])
        extend_column(film, "color", list(fmt.colors))
        _set(film, "film_format", fmt.gauge)
        _set(film, "aspect_ratio", fmt.aspect_ratio)


def _age_rating(film: FilmRecord, text: str, values: list[Span]) -> None:
    _set(film, "age_rating", release_rating([text[v.start:v.end] for v in values]))


# How the values of a `film:<name>` label fill the film; the names are vocab.FILM_TARGETS.
FILM_READERS: dict[str, Callable[[FilmRecord, str, list[Span]], None]] = {
    "countries": _countries, "languages": _languages, "genres": _genres, "filming_locations": _locations,
    "duration_min": _duration, "budget": _budget, "format": _format, "age_rating": _age_rating,
}


def _titles(text: str, entry: Entry, target: LabelTarget, film: FilmRecord) -> None:
    for value in entry.values:
        forms = title_forms(text, value.start, value.end, target.name)
        for k, form in enumerate(forms):
            film.titles.append(form.title())
            if k == 0 and target.note == "original":
                _set(film, "original_title", form.span.value)
            if k == 0:
                film.fiche_titles.append(form.span)
