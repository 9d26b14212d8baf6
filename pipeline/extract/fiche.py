"""Fiche technique and infobox: every `Label : value` into fiche rows, then typed
film columns, titles, credits, releases and listed actors.

The fiche and the infobox repeat facts. Scalar columns take the fiche's value
(better separated) and fall back to the infobox; credits of a role the fiche
gives are not read again from the infobox, whose cells often run names
together.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

import regex

from pipeline.extract.names import Name, looks_like_company, split_names
from pipeline.extract.records import FilmRecord, Row
from pipeline.extract.titles import title_forms
from pipeline.model import Section, Span
from pipeline.text.clean import BULLET_HERE, clean_span, cut_by_end
from pipeline.text.fields import FieldLine, label_targets, split_second_field
from pipeline.values.dates import find_dates
from pipeline.values.durations import parse_duration
from pipeline.values.formats import parse_age_rating, parse_format
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
    source: str  # fiche | infobox
    values: list[Span] = field(default_factory=list)
    raw: list[Span] = field(default_factory=list)

    @property
    def kinds(self) -> set[str]:
        return {t.kind for _, t in self.targets}


def _raw(text: str, start: int, end: int) -> Span | None:
    """The value exactly as written (footnotes kept), trimmed of spaces and cell bars."""
    while start < end and text[start] in ROW_TRIM:
        start += 1
    while end > start and text[end - 1] in ROW_TRIM:
        end -= 1
    return Span(start, end, text[start:end]) if end > start else None


def _entry(text: str, line: FieldLine, unit_end: int, source: str) -> Entry:
    entry = Entry(line.label, label_targets(line.label.value), source)
    if line.value is not None:
        entry.values.append(line.value)
        raw = _raw(text, line.value.start, min(unit_end, _value_end(text, line, unit_end)))
        if raw:
            entry.raw.append(raw)
    return entry


def _value_end(text: str, line: FieldLine, unit_end: int) -> int:
    if line.layout == "row":
        bar = text.rfind("|", line.value.end if line.value else 0, unit_end)
        return bar if bar != -1 else unit_end
    return unit_end


def _is_release_line(text: str, line: FieldLine | None, start: int, end: int) -> bool:
    """`Maroc : 24 décembre 2008`, `la Norvège 18 mars 2005`: a country then a date."""
    if line is not None:
        return country_code(line.label.value) is not None and bool(line.value and find_dates(line.value.value))
    value = text[start:end]
    return bool(find_countries(value)) and bool(find_dates(value))


def collect_entries(text: str, section: Section) -> list[Entry]:
    """Entries of the section's fiche and infobox blocks, in text order."""
    entries: list[Entry] = []
    for block in section.blocks:
        if block.kind not in ("fiche", "infobox"):
            continue
        source = "infobox" if block.kind == "infobox" else "fiche"
        for unit in block.units:
            if unit.kind in ("heading", "prose"):
                continue
            lines: list[FieldLine] = []
            if unit.kind in ("field", "pair") and unit.field is not None:
                colon = unit.field
                previous = entries[-1] if entries else None
                if previous and "release" in previous.kinds and _is_release_line(text, colon, unit.start, unit.end):
                    _continue(text, previous, unit.start, unit.end)
                    continue
                lines = split_second_field(text, colon)
            elif unit.kind in ("row", "flat") and unit.field is not None:
                lines = [unit.field]
            if lines:
                for line in lines:
                    entries.append(_entry(text, line, unit.end, source))
            elif entries and (not entries[-1].values or source == "infobox" or not BULLET_HERE.match(text, unit.start, unit.end)):
                _continue(text, entries[-1], unit.start, unit.end)
    return entries


def _continue(text: str, entry: Entry, start: int, end: int) -> None:
    value = clean_span(text, start, end, trim=ROW_TRIM | frozenset(",;"))
    raw = _raw(text, start, end)
    if value is not None and raw is not None:
        entry.values.append(value)
        entry.raw.append(raw)


def fiche_rows(entries: list[Entry]) -> list[Row]:
    """One fiche.csv row per value line; a label with no value keeps one empty row."""
    rows: list[Row] = []
    for entry in entries:
        fields = ";".join(dict.fromkeys(t.name or t.kind for _, t in entry.targets if t.kind not in ("ignore",)))
        if not entry.raw:
            rows.append({"label": entry.label.value, "value": "", "field": fields, "start": entry.label.start, "end": entry.label.end})
        for raw in entry.raw:
            rows.append({"label": entry.label.value, "value": raw.value, "field": fields, "start": raw.start, "end": raw.end})
    return rows


RUN_TOGETHER_WORDS = 6
RUN_TOGETHER_SHARE = 0.7


def entry_names(text: str, entry: Entry, known: set[str]) -> list[Name]:
    """Names of an entry's values, without those cut by the end of the text.

    An infobox cell often runs several names together with no separator
    (`Awa Sow Binta Fall Omar Ly`); such a cell is kept only when names known
    from elsewhere in the section cover it, else dropped rather than guessed.
    """
    names: list[Name] = []
    for value in entry.values:
        for name in _split_cached(text, value):
            if cut_by_end(text, name.span.end) or country_code(name.span.value):
                continue
            words = name.span.value.split()
            capitalised = sum(1 for w in words if not w[:1].islower())
            if len(words) >= RUN_TOGETHER_WORDS and capitalised >= RUN_TOGETHER_SHARE * len(words):
                names.extend(_known_cover(name, known))
                continue
            names.append(name)
    return names


@lru_cache(maxsize=256)
def _split_cached(text: str, value: Span) -> tuple[Name, ...]:
    """Names of one value; the same value is split for several purposes."""
    return tuple(split_names(text, value.start, value.end))


def _known_cover(name: Name, known: set[str]) -> list[Name]:
    value = name.span.value
    found = []
    for candidate in sorted(known, key=len, reverse=True):
        for m in regex.finditer(rf"(?<!\w){regex.escape(candidate)}(?!\w)", value, regex.IGNORECASE):
            if not any(a < m.end() and m.start() < b for a, b, _ in found):
                found.append((m.start(), m.end(), candidate))
    covered = sum(b - a for a, b, _ in found)
    letters = len(regex.sub(r"[\W\d_]", "", value))
    if not found or covered < 0.9 * letters:
        return []
    return [Name(Span(name.span.start + a, name.span.start + b, value[a:b]), name.note, name.role, name.funder)
            for a, b, _ in sorted(found)]


def _credit_rows(text: str, entry: Entry, role: str, note: str, known: set[str]) -> list[Row]:
    rows = [_credit(name, role, note, entry.label.value) for name in entry_names(text, entry, known)]
    # `Production : Atlas Films, Doomi, Canal 3 Cinéma` names companies: a list
    # mostly made of companies is read as companies throughout.
    producers = [r for r in rows if r["role"] in ("producer", "production_company")]
    if role == "producer" and len(producers) >= 2 and sum(r["role"] == "production_company" for r in producers) * 2 >= len(producers):
        for row in producers:
            row["role"] = "production_company"
    return rows


def _credit(name: Name, role: str, label_note: str, label: str) -> Row:
    final = name.role or role
    if name.funder:
        final = "funder"
    elif final == "producer" and looks_like_company(name.span.value):
        final = "production_company"
    note = "; ".join(p for p in (label_note, name.note) if p)
    return {"role": final, "name": name.span.value, "note": note, "label": label, "start": name.span.start, "end": name.span.end}


def _unknown_label_credits(text: str, entry: Entry, known: set[str]) -> list[Row]:
    """A label outside the vocabulary that names people or companies -> role `other`."""
    if any(DIGIT.search(v.value) for v in entry.values):
        return []
    return [_credit(n, "other", "", entry.label.value) for n in entry_names(text, entry, known) if NAME_LIKE.match(n.span.value)]


def _releases(text: str, entry: Entry) -> list[Row]:
    """One row per date; the country is the one written before the date
    (`Maroc : 24 décembre 2008`), else a country alone in the parenthesis after it
    (`10 décembre 2014 (France)`), else the label's (`Sortie France`)."""
    rows: list[Row] = []
    label_countries = find_countries(entry.label.value)
    for value in entry.values:
        chunk = text[value.start:value.end]
        dates = find_dates(chunk)
        for k, date in enumerate(dates):
            reach = dates[k + 1].start if k + 1 < len(dates) else len(chunk)
            before = [p for p in find_countries(chunk[:date.start]) if p.end <= date.start]
            place: Place | None = before[-1] if before else None
            start, end = (place.start if place else date.start), date.end
            paren = PAREN_NOTE.search(chunk, date.end, reach)
            note = paren.group(1).strip() if paren else ""
            if place is None and paren and paren.start() == date.end:
                inside = find_countries(paren.group(1))
                if len(inside) == 1 and inside[0].written == note:
                    place, note, end = inside[0], "", paren.end()
            if place is None and label_countries:
                place = label_countries[0]
            rows.append({
                "country_code": place.code if place else "",
                "country": place.written if place else "",
                "date": date.iso,
                "note": note,
                "start": value.start + start,
                "end": value.start + end,
            })
    return rows


def _known_names(text: str, entries: list[Entry]) -> set[str]:
    """Names the fiche gives with clear separators, to read run-together infobox cells."""
    known: set[str] = set()
    for entry in entries:
        if entry.source == "fiche" and entry.kinds & {"role", "cast"}:
            for value in entry.values:
                known.update(n.span.value for n in _split_cached(text, value) if len(n.span.value.split()) < RUN_TOGETHER_WORDS)
    return known


def apply_entries(text: str, entries: list[Entry], film: FilmRecord, known: set[str] | None = None) -> None:
    """Fill the film record from the fiche and infobox entries.

    `known` are names given elsewhere in the section (e.g. the cast list).
    """
    film.fiche.extend(fiche_rows(entries))
    known = (known or set()) | _known_names(text, entries)
    fiche_cast = any(e.source == "fiche" and "cast" in e.kinds for e in entries)
    ordered = [e for e in entries if e.source == "fiche"] + [e for e in entries if e.source == "infobox"]
    release_rows: dict[str, list[Row]] = {"fiche": [], "infobox": []}
    credits: list[Row] = []
    for entry in ordered:
        if not entry.targets:
            credits.extend(_unknown_label_credits(text, entry, known))
            continue
        for _, target in entry.targets:
            if target.kind == "role":
                rows = _credit_rows(text, entry, target.name, target.note, known)
                if entry.source == "infobox":
                    rows = [r for r in rows if not _repeats(r, credits)]
                credits.extend(rows)
            elif target.kind == "film":
                _film_column(text, entry, target.name, film)
            elif target.kind == "title":
                _titles(text, entry, target, film)
            elif target.kind == "release":
                release_rows[entry.source].extend(_releases(text, entry))
            elif target.kind == "cast" and not (entry.source == "infobox" and fiche_cast):
                for name in entry_names(text, entry, known):
                    film.cast.append({"actor": name.span.value, "character": "", "source": "distribution",
                                      "start": name.span.start, "end": name.span.end})
    film.releases.extend(release_rows["fiche"] or release_rows["infobox"])
    companies = {_norm(r["name"]) for r in credits if r["role"] == "production_company"}
    for row in credits:
        if row["role"] == "producer" and _norm(row["name"]) in companies:
            row["role"] = "production_company"
    film.credits.extend(credits)


SAME_NAME_RATIO = 0.8


def _repeats(row: Row, credits: list[Row]) -> bool:
    """An infobox name the fiche already gives for that role, maybe spelt differently
    (`Abdel Hay Abid` / `Abdel Hay Adib`) or run together with others."""
    name = _norm(row["name"])
    for other in credits:
        if other["role"] != row["role"]:
            continue
        known = _norm(other["name"])
        if known in name or name in known or SequenceMatcher(None, name, known).ratio() >= SAME_NAME_RATIO:
            return True
    return False


def _norm(value: object) -> str:
    return " ".join(str(value).casefold().split())


def _set(film: FilmRecord, column: str, value: object) -> None:
    if value not in (None, "", []) and film.columns.get(column) in (None, "", []):
        film.columns[column] = value


def _extend(film: FilmRecord, column: str, items: list[str]) -> None:
    current: list[str] = list(film.columns.get(column) or [])
    for item in items:
        if item and item.casefold() not in {c.casefold() for c in current}:
            current.append(item)
    if current:
        film.columns[column] = current


def _film_column(text: str, entry: Entry, column: str, film: FilmRecord) -> None:
    joined = [(v, text[v.start:v.end]) for v in entry.values]
    if column == "countries":
        _extend(film, "countries", [p.code for _, chunk in joined for p in find_countries(chunk)])
    elif column == "languages":
        _extend(film, "languages", [lang.code for _, chunk in joined for lang in find_languages(chunk)])
    elif column == "genres":
        _extend(film, "genres", [g.name for _, chunk in joined for g in split_genres(chunk)])
    elif column == "filming_locations":
        _extend(film, "filming_locations", [n.span.value for v, _ in joined for n in split_names(text, v.start, v.end)])
    elif column == "duration_min":
        for _, chunk in joined:
            duration = parse_duration(chunk)
            if duration:
                _set(film, "duration_min", duration.minutes)
                break
    elif column == "budget":
        for _, chunk in joined:
            budget = parse_budget(chunk)
            if budget:
                _set(film, "budget_low", budget.low)
                _set(film, "budget_high", budget.high)
                _set(film, "budget_currency", budget.currency)
                break
    elif column == "format":
        for _, chunk in joined:
            fmt = parse_format(chunk)
            _extend(film, "color", list(fmt.colors))
            _set(film, "film_format", fmt.gauge)
            _set(film, "aspect_ratio", fmt.aspect_ratio)
    elif column == "age_rating":
        for _, chunk in joined:
            rating = parse_age_rating(chunk)
            if rating is not None:
                _set(film, "age_rating", rating[0])
                break


def _titles(text: str, entry: Entry, target: LabelTarget, film: FilmRecord) -> None:
    for value in entry.values:
        forms = title_forms(text, value.start, value.end, target.name)
        for k, form in enumerate(forms):
            film.titles.append({"title": form.span.value, "lang": form.lang, "start": form.span.start, "end": form.span.end})
            if k == 0 and target.note == "original":
                _set(film, "original_title", form.span.value)
            if k == 0:
                film.fiche_titles.append(form.span)
