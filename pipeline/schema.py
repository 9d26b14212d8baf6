"""The output tables and their columns, as fixed by the extraction contract.

Every writer and reader (CSV output, evaluator, gold flattening) takes the
column order from here so the shape is defined once.
"""

from __future__ import annotations

from pipeline.model import CastSource, Outcome

TABLES: dict[str, tuple[str, ...]] = {
    "sections": ("doc_id", "section", "kind", "entity_id", "title", "start", "end"),
    "films": (
        "film_id", "doc_id", "title", "original_title", "year", "duration_min",
        "countries", "languages", "genres", "budget_low", "budget_high",
        "budget_currency", "color", "film_format", "aspect_ratio", "age_rating",
        "filming_locations",
    ),
    "titles": ("film_id", "title", "lang", "start", "end"),
    "credits": ("film_id", "role", "name", "note", "label", "start", "end"),
    "cast": ("film_id", "actor", "character", "source", "start", "end"),
    "awards": (
        "film_id", "event", "edition", "year", "category", "recipient",
        "outcome", "ex_aequo", "start", "end",
    ),
    "releases": ("film_id", "country_code", "country", "date", "note", "start", "end"),
    "people": (
        "person_id", "doc_id", "name", "native_name", "birth_date", "birth_place",
        "birth_country", "death_date", "death_place", "nationalities", "occupations",
        "residence", "start", "end",
    ),
    "fiche": ("film_id", "label", "value", "field", "start", "end"),
}

# Columns holding `;`-joined lists.
LIST_COLUMNS: frozenset[str] = frozenset(
    {"countries", "languages", "genres", "filming_locations", "nationalities", "occupations", "color"}
)

# Columns holding integers (written without a decimal part).
INT_COLUMNS: frozenset[str] = frozenset(
    {"section", "year", "duration_min", "budget_low", "budget_high", "age_rating", "edition", "start", "end"}
)

# Columns holding `true` or `false`.
BOOL_COLUMNS: frozenset[str] = frozenset({"ex_aequo"})

# Columns holding ISO 8601 dates as precise as the text: `2008-12-24`, `2008-12` or `2008`.
DATE_COLUMNS: frozenset[str] = frozenset({"date", "birth_date", "death_date"})

# Coded columns and the shape of their codes (ISO 3166-1 alpha-2, ISO 639-3, ISO 4217).
CODE_PATTERNS: dict[str, str] = {
    "country_code": "[A-Z]{2}", "birth_country": "[A-Z]{2}", "lang": "[a-z]{3}", "budget_currency": "[A-Z]{3}",
}

# What identifies a row, from the contract's one-row-per rules.
PRIMARY_KEYS: dict[str, tuple[str, ...]] = {
    "sections": ("doc_id", "section"),
    "films": ("film_id",),
    "titles": ("film_id", "title"),
    "credits": ("film_id", "role", "name"),
    "cast": ("film_id", "actor", "character"),
    "awards": ("film_id", "event", "year", "category", "recipient", "outcome"),
    "releases": ("film_id", "country_code", "date"),
    "people": ("person_id",),
    "fiche": ("film_id", "start"),
}

# Tables whose rows belong to a film of films.csv through film_id.
FILM_ROW_TABLES: tuple[str, ...] = ("titles", "credits", "cast", "awards", "releases", "fiche")

ROLES: tuple[str, ...] = (
    "director", "assistant_director", "screenwriter", "dialogue_writer", "source_author",
    "composer", "cinematographer", "editor", "sound", "art_director", "production_designer",
    "costume_designer", "makeup", "special_effects", "casting", "storyboard", "producer",
    "executive_producer", "coproducer", "production_company", "distributor", "funder", "other",
)

OUTCOMES: tuple[str, ...] = tuple(o.value for o in Outcome)
CAST_SOURCES: tuple[str, ...] = tuple(s.value for s in CastSource)
SECTION_KINDS: tuple[str, ...] = ("film", "person")
SEVERITIES: tuple[str, ...] = ("error", "warning")

# Columns whose values come from a closed list, per table.
CHOICES: dict[tuple[str, str], tuple[str, ...]] = {
    ("sections", "kind"): SECTION_KINDS,
    ("credits", "role"): ROLES,
    ("cast", "source"): CAST_SOURCES,
    ("awards", "outcome"): OUTCOMES,
    ("problems", "severity"): SEVERITIES,
}

# Written beside the contract's tables: one row per problem met in a run.
PROBLEMS_COLUMNS: tuple[str, ...] = ("doc_id", "severity", "stage", "message", "start", "end")

# Every table a run writes, in the order datapackage.json describes them.
OUTPUT_TABLES: dict[str, tuple[str, ...]] = {**TABLES, "problems": PROBLEMS_COLUMNS}
