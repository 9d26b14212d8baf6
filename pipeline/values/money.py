"""Budgets: an amount or a range of amounts with its ISO 4217 currency."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from functools import cache

import regex

from pipeline.text.normalize import fold, fold_key
from pipeline.values.lexicon import is_acronym, phrase_alternation
from pipeline.vocab import rows

# The largest amount a table's integer column holds for its readers (a signed 64-bit integer);
# a longer run of digits is not a budget.
MAX_AMOUNT = 2**63 - 1
_MULTIPLIERS = {"milliard": 10**9, "md": 10**9, "million": 10**6, "m": 10**6, "mille": 10**3, "k": 10**3}
_NUMBER = (
    r"(?P<grouped>\d{1,3}(?P<sep>[ .,])\d{3}(?:(?P=sep)\d{3})*(?:(?!(?P=sep))[.,]\d+)?)"
    r"|(?P<plain>\d+(?:[.,]\d+)?)"
)
_MULTIPLIER = r"(?P<mult>milliards?|millions?|mille|(?-i:Mds?|M|k)(?![\p{L}]))"
# What ties two amounts into a range; `et` only after `entre`.
_RANGE_LINK = regex.compile(r"\s*(?:à|a|-|–|—|et)\s*", regex.IGNORECASE)
_BETWEEN_BEFORE = regex.compile(r"\bentre\s*$", regex.IGNORECASE)
BETWEEN_REACH = 20  # `entre` and the spaces after it
# A conversion of the budget into another currency, not the budget itself: its marker comes at
# most CONVERSION_REACH characters before the amount (`(soit environ 400 000 €)`).
CONVERSION_REACH = 80
_CONVERSION_BEFORE = regex.compile(
    r"(?:\bsoit\s*(?:environ\s*|près\s+de\s*|approximativement\s*|l'équivalent\s+de\s*)?"
    r"|\(\s*(?:soit|environ|env\.|≈|~)[^()]*)$",
    regex.IGNORECASE,
)


@dataclass(frozen=True)
class Budget:
    """An amount range in currency units (`low == high` for one amount) and its source span.

    `currency` is empty when the text names none.
    """

    low: int
    high: int
    currency: str
    start: int
    end: int


@dataclass(frozen=True)
class _Amount:
    value: Decimal
    factor: int
    currency: str
    start: int
    end: int


@cache
def _currencies() -> dict[str, str]:
    return {fold_key(word): code for word, code in rows("currencies.tsv")}


@cache
def _pattern() -> regex.Pattern[str]:
    words = [word for word, _ in rows("currencies.tsv")]
    after = phrase_alternation(words)
    before = phrase_alternation(w for w in words if is_acronym(w) or not any(c.isalpha() for c in w))
    return regex.compile(
        rf"(?<![\p{{L}}\d])(?:(?P<cur_before>{before})\s*)?(?:{_NUMBER})"
        rf"(?:\s*{_MULTIPLIER})?"
        rf"(?:\s*(?:de\s+|d'\s*)?(?P<cur_after>{after})(?![\p{{L}}]))?",
        regex.IGNORECASE,
    )


def _number(match: regex.Match[str], has_multiplier: bool) -> Decimal:
    """The number read exactly (a float would overflow on a long run of digits), with French
    or English separators: grouped thousands are thousands unless a multiplier follows a
    single `,`/`.` group (`1,500 million` is 1.5 million)."""
    if match.group("plain"):
        return Decimal(match["plain"].replace(",", "."))
    grouped, sep = match["grouped"], match["sep"]
    if has_multiplier and sep in ",." and grouped.count(sep) == 1:
        return Decimal(grouped.replace(sep, "."))
    digits = grouped.replace(sep, "")
    return Decimal(digits.replace(",", "."))


def _amounts(text: str) -> list[_Amount]:
    amounts: list[_Amount] = []
    for match in _pattern().finditer(text):
        mult = match.group("mult")
        factor = _MULTIPLIERS[fold_key(mult).rstrip("s")] if mult else 1
        currency_word = match.group("cur_before") or match.group("cur_after")
        currency = _currencies()[fold_key(currency_word)] if currency_word else ""
        amounts.append(_Amount(_number(match, mult is not None), factor, currency, match.start(), match.end()))
    return amounts


def _is_conversion(text: str, amount: _Amount) -> bool:
    """Whether a conversion marker (`soit`, `(environ`) comes just before the amount; looking
    back a bounded reach keeps a line of many amounts linear."""
    return _CONVERSION_BEFORE.search(text, max(0, amount.start - CONVERSION_REACH), amount.start) is not None


def _links_range(text: str, first: _Amount, second: _Amount) -> bool:
    """Whether two amounts are the ends of one range (`4 à 5`, `entre 4 et 5`); `entre` is looked
    for just before the first, so a line of many amounts stays linear."""
    link = _RANGE_LINK.fullmatch(text, first.end, second.start)
    if link is None:
        return False
    if link.group().strip().lower() == "et":
        return _BETWEEN_BEFORE.search(text, max(0, first.start - BETWEEN_REACH), first.start) is not None
    return True


def parse_budget(text: str) -> Budget | None:
    """The first budget in `text`: an amount or range with a currency or a multiplier
    (`entre 4 et 5 millions de dinars`), skipping conversions (`soit €900,000`)."""
    folded = fold(text)
    amounts = [a for a in _amounts(folded) if not _is_conversion(folded, a)]
    index = 0
    while index < len(amounts):
        first = amounts[index]
        last = first
        if index + 1 < len(amounts) and _links_range(folded, first, amounts[index + 1]):
            last = amounts[index + 1]
        currency = first.currency or last.currency
        low, high = sorted((_scaled(first, last), _scaled(last, first)))
        if (currency or first.factor > 1 or last.factor > 1) and high <= MAX_AMOUNT:
            return Budget(low, high, currency, first.start, last.end)
        index += 1
    return None


def _scaled(amount: _Amount, other: _Amount) -> int:
    """An amount of a range in whole units, taking the multiplier written only on the other end
    (`entre 4 et 5 millions`)."""
    factor = amount.factor if amount.factor > 1 else other.factor
    return int((amount.value * factor).to_integral_value(ROUND_HALF_EVEN))
