"""Running times (`124 minutes`, `1 h 27 min`) as whole minutes."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from pipeline.text.normalize import fold
from pipeline.values.lexicon import WORD_END

_MINUTES_WORD = r"(?:minutes?|mins?|mn)"
_HOURS_WORD = r"(?:heures?|hrs?|h)"
_PATTERN = regex.compile(
    rf"""(?<![\p{{L}}\d,.])
    (?:
        (?P<hours>\d{{1,2}})\s*{_HOURS_WORD}{WORD_END}
        (?:\s*(?:et\s+)?(?:(?P<half>demie)|(?P<hmin>[0-5]?\d)(?:\s*{_MINUTES_WORD}(?![\p{{L}}_])|(?!\d))))?
      |
        (?P<minutes>\d{{1,4}})\s*{_MINUTES_WORD}(?![\p{{L}}_])
    )""",
    regex.IGNORECASE | regex.VERBOSE,
)


@dataclass(frozen=True)
class Duration:
    """A running time in minutes and the span it was read from."""

    minutes: int
    start: int
    end: int


def parse_duration(text: str) -> Duration | None:
    """The first running time written in `text`; a conversion in parentheses after it is ignored."""
    match = _PATTERN.search(fold(text))
    if match is None:
        return None
    if match.group("minutes"):
        minutes = int(match["minutes"])
    else:
        extra = 30 if match.group("half") else int(match["hmin"] or 0)
        minutes = int(match["hours"]) * 60 + extra
    return Duration(minutes, match.start(), match.end())
