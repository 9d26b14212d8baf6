"""Loaders for the vocabularies kept as data files in `pipeline/data/`.

Each file is read once per process; a new label or heading is a one-line
change to the data file, not to the code.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import cache

import regex

from pipeline.model import BlockKind, TargetKind
from pipeline.values.lexicon import data_lines, data_text


def norm_label(label: str) -> str:
    """Lower-case, straight apostrophes, single spaces: the key labels are looked up by."""
    label = label.replace("\u2019", "'").replace("\u00a0", " ").replace("\u202f", " ").replace("-", " ")
    return " ".join(label.lower().split())


@dataclass(frozen=True)
class LabelTarget:
    """Where a fiche label's values go: a credits role, a films column, titles, releases..."""

    kind: TargetKind
    name: str = ""  # role name, films column, or title language
    note: str = ""


@cache
def labels() -> dict[str, LabelTarget]:
    rows = csv.DictReader(
        (line for line in data_text("labels.tsv").splitlines() if not line.startswith("#")),
        delimiter="\t",
    )
    table: dict[str, LabelTarget] = {}
    for row in rows:
        kind, _, name = row["target"].partition(":")
        table[norm_label(row["label"])] = LabelTarget(TargetKind(kind), name, (row.get("note") or "").strip())
    return table


@cache
def headings() -> dict[str, BlockKind]:
    """Heading text (normalised) -> block kind."""
    data = json.loads(data_text("headings.json"))
    return {norm_label(h): BlockKind(kind) for kind, forms in data.items() if not kind.startswith("_") for h in forms}


@cache
def furniture() -> regex.Pattern[str]:
    return regex.compile("|".join(f"(?:{p})" for p in data_lines("furniture.txt")), regex.IGNORECASE)


@cache
def film_nouns() -> list[str]:
    return sorted(data_lines("film_nouns.txt"), key=len, reverse=True)


@cache
def occupations() -> list[str]:
    return sorted(data_lines("occupations.txt"), key=len, reverse=True)


@cache
def dubbing_note() -> regex.Pattern[str]:
    """A parenthesis naming dubbing voices (`(VF : Claire Dumas ; VQ : Julie Roy)`), spaces before it included."""
    marks = "|".join(regex.escape(m).replace(r"\ ", r"\s+") for m in sorted(data_lines("dubbing.txt"), key=len, reverse=True))
    return regex.compile(rf"\s*\((?=\s*(?:{marks})\s*:)[^()]*\)")


@cache
def title_regions() -> frozenset[str]:
    return frozenset(r.casefold() for r in data_lines("title_regions.txt"))

