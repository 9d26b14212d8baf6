"""French dates as ISO 8601 strings, as precise as the text writes them."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cache

import regex

from pipeline.text.normalize import fold, fold_key
from pipeline.values.lexicon import WORD_END, phrase_alternation
from pipeline.vocab import json_data

LEADING_DIGITS = regex.compile(r"\d+")

# A year in the plausible range; Wikipedia footnote digits glued after it (`201316`) are
# left out of the span.
_YEAR = r"(?P<year>18[89]\d|19\d\d|20\d\d)(?:[1-9]\d?)?(?!\d)"
# After a month name a year cannot be an amount: people born before cinema (`8 décembre 1861`).
_MONTH_YEAR = _YEAR.replace("18[89]\\d", "1[6-8]\\d\\d")
_DAY = r"(?P<day>1\s*(?:er|ᵉʳ)|0?[1-9]|[12]\d|3[01])"
_NUM_YEAR = _YEAR.replace("?P<year>", "?P<nyear>")
# Earlier days sharing the month and year of the date that follows (`3 et 10 mai 1979`).
_LISTED_DAY = regex.compile(r"(?<!\d)(1\s*er|0?[1-9]|[12]\d|3[01])\s*(?:,|et|au|à|-|–|&)\s*$")


@dataclass(frozen=True)
class DateValue:
    """An ISO 8601 date (`2008-12-24`, `2008-12` or `2008`) and the span it was read from."""

    iso: str
    start: int
    end: int


@cache
def _months() -> dict[str, int]:
    table = json_data("months.json")
    return {fold_key(form): int(number) for number, forms in table.items() for form in forms}


@cache
def _pattern() -> regex.Pattern[str]:
    months = phrase_alternation(sorted(_months(), key=len, reverse=True))
    written = (
        rf"(?<![\p{{L}}\d])(?:{_DAY}\s+)?(?P<month>{months})(?:(?<=\.)|{WORD_END})\s*,?\s*{_MONTH_YEAR}"
    )
    numeric = (
        r"(?<![\d/.])(?P<nday>[0-2]?\d|3[01])(?P<sep>[/.\-])(?P<nmonth>0?[1-9]|1[0-2])(?P=sep)"
        + _NUM_YEAR
    )
    iso = r"(?<!\d)(?P<iyear>18[89]\d|19\d\d|20\d\d)-(?P<imonth>0[1-9]|1[0-2])-(?P<iday>[0-2]\d|3[01])(?!\d)"
    # A year alone, not a digit group of a larger number (`1 950 000`, `2000 000`) nor a decade.
    bare = (
        r"(?<![\d.,:/]|(?<!\d)\d{1,3}\s|années\s)"
        + _YEAR.replace("?P<year>", "?P<byear>")
        + r"(?!\s\d{3}(?!\d))"
    )
    return regex.compile(f"{iso}|{numeric}|{written}|{bare}", regex.IGNORECASE)


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """ISO text for the parts given, or None when the calendar has no such day."""
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def _day(text: str) -> int:
    return int(LEADING_DIGITS.match(text).group())


def find_dates(text: str) -> list[DateValue]:
    """Every date written in `text`, in text order, without overlaps.

    A day and month without a year is no date; a year alone is one (`2008`).
    """
    found: list[DateValue] = []
    folded = fold(text)
    for match in _pattern().finditer(folded):
        if match.group("iyear"):
            iso = _iso(int(match["iyear"]), int(match["imonth"]), int(match["iday"]))
            end = match.end()
        elif match.group("nyear"):
            iso = _iso(int(match["nyear"]), int(match["nmonth"]), int(match["nday"]))
            end = match.end("nyear")
        elif match.group("month"):
            year, month = int(match["year"]), _months()[fold_key(match["month"])]
            day = _day(match["day"]) if match.group("day") else None
            iso = _iso(year, month, day)
            end = match.end("year")
            if iso and day is not None:
                found.extend(_listed_days(folded, match.start(), year, month, found))
        else:
            iso, end = _iso(int(match["byear"])), match.end("byear")
        if iso:
            found.append(DateValue(iso, match.start(), end))
    return found


def _listed_days(text: str, start: int, year: int, month: int, found: list[DateValue]) -> list[DateValue]:
    """Days listed before a full date (`3 et 10 mai 1979`), which share its month and year."""
    floor = found[-1].end if found else 0
    listed: list[DateValue] = []
    while (match := _LISTED_DAY.search(text, floor, start)) is not None:
        iso = _iso(year, month, _day(match.group(1)))
        if iso is None:
            break
        listed.insert(0, DateValue(iso, match.start(1), match.end(1)))
        start = match.start()
    return listed


def parse_date(text: str) -> DateValue | None:
    """The first date written in `text`, if any."""
    dates = find_dates(text)
    return dates[0] if dates else None
