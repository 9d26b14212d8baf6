"""The output tables and their columns, as fixed by the extraction contract.

Every writer and reader (CSV output, evaluator, gold flattening) takes the
column order from here so the shape is defined once.
"""

from __future__ import annotations

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

ROLES: tuple[str, ...] = (
    "director", "assistant_director", "screenwriter", "dialogue_writer", "source_author",
    "composer", "cinematographer", "editor", "sound", "art_director", "production_designer",
    "costume_designer", "makeup", "special_effects", "casting", "storyboard", "producer",
    "executive_producer", "coproducer", "production_company", "distributor", "funder", "other",
)

OUTCOMES: tuple[str, ...] = ("won", "nominated", "selected", "submitted")
CAST_SOURCES: tuple[str, ...] = ("distribution", "synopsis", "intro", "award")

# Written beside the contract's tables: one row per problem met in a run.
PROBLEMS_COLUMNS: tuple[str, ...] = ("doc_id", "severity", "stage", "message", "start", "end")
