"""Extract one document: segment it, run each extractor on its sections and
gather film and person records.
"""

from __future__ import annotations

import regex

from pipeline.extract.awards import block_awards, prose_awards, vocabulary
from pipeline.extract.cast import distribution_cast, prose_cast, undecided_actors
from pipeline.extract.fiche import apply_entries, collect_entries
from pipeline.extract.intro import apply_intro
from pipeline.extract.people import person_row
from pipeline.extract.records import DocResult, FilmRecord, PersonRecord, Row
from pipeline.model import Document, Problem, Section
from pipeline.ner import PersonTagger
from pipeline.text.segment import segment

PROSE_BLOCKS = ("intro", "synopsis")
CONTEXT_RADIUS = 200


def _prose_spans(section: Section, kinds: tuple[str, ...]) -> list[tuple[int, int]]:
    spans = []
    for block in section.blocks:
        if block.kind in kinds:
            for unit in block.units:
                if unit.kind in ("prose", "item"):
                    a = unit.start
                    if section.title_paren and unit.start <= section.title_paren[1] < unit.end:
                        a = section.title_paren[1] + 1
                    spans.append((a, unit.end))
    return spans


def _context(text: str, start: int, end: int) -> tuple[str, int]:
    """The sentence-sized text around a span, and the span's offset inside it."""
    a = max(text.rfind("\n", 0, start) + 1, start - CONTEXT_RADIUS)
    b = text.find("\n", end)
    b = min(len(text) if b == -1 else b, end + CONTEXT_RADIUS)
    return text[a:b], a


def _person_check(text: str, spans: list[tuple[int, int]], known: set[str], tagger: PersonTagger):
    """Batch NER over the contexts of the pairs the rules cannot decide, then answer from it."""
    needed = undecided_actors(text, spans, known)
    if tagger.enabled and needed:
        tagger.tag(_context(text, a, b)[0] for a, b in needed)

    def is_person(a: int, b: int) -> bool:
        context, offset = _context(text, a, b)
        return tagger.is_person(context, a - offset, b - offset)

    return is_person


def _acting(category: str) -> bool:
    words = vocabulary()["acting_words"]
    return any(regex.search(rf"\b{regex.escape(w)}", category, regex.IGNORECASE) for w in words)


def extract_film(text: str, section: Section, tagger: PersonTagger) -> FilmRecord:
    film = FilmRecord(section)
    apply_intro(text, section, film, section.title_paren)
    listed = distribution_cast(text, section)
    apply_entries(text, collect_entries(text, section), film, {str(r["actor"]) for r in listed})
    if not film.title and film.fiche_titles:
        first = film.fiche_titles[0]
        film.title, film.title_start = first.value, first.start
    film.cast.extend(listed)
    prose = _prose_spans(section, PROSE_BLOCKS)
    known = {str(c["name"]).casefold() for c in film.credits} | {str(c["actor"]).casefold() for c in film.cast}
    film.cast.extend(prose_cast(text, prose, _person_check(text, prose, known, tagger), known))
    awards = block_awards(text, section)
    prose_and_releases = _prose_spans(section, ("intro", "synopsis", "other")) + [
        (int(r["start"]), int(r["end"])) for r in film.fiche if r["field"] == "release" and r["value"]
    ]
    for a, b in prose_and_releases:
        awards.extend(prose_awards(text, a, b))
    for row in awards:
        span = row.pop("_recipient_span")
        if span and _acting(str(row["category"])):
            film.cast.append({"actor": row["recipient"], "character": "", "source": "award", "start": span[0], "end": span[1]})
    film.awards = awards
    if "year" not in film.columns:
        years = sorted(int(str(r["date"])[:4]) for r in film.releases if r.get("date"))
        if years:
            film.columns["year"] = years[0]
    if not film.columns.get("countries") and film.intro_countries:
        film.columns["countries"] = film.intro_countries
    return film


def extract_document(doc: Document, tagger: PersonTagger) -> DocResult:
    """All film and person records of one document, with the problems met."""
    result = DocResult(doc.doc_id)
    text = doc.text
    sections = segment(doc)
    if not sections:
        result.problems.append(Problem(doc.doc_id, "warning", "segment", "no film or person article found (no opening sentence, no fiche technique)"))
    for section in sections:
        if section.kind == "person":
            result.people.append(PersonRecord(section, person_row(text, section, section.title_paren)))
            continue
        film = extract_film(text, section, tagger)
        if not film.title:
            result.problems.append(Problem(doc.doc_id, "warning", "extract", "film section with no title (no opening sentence, no Titre in its fiche)", section.start, section.end))
        if not any(b.kind in ("fiche", "infobox") for b in section.blocks):
            result.problems.append(Problem(doc.doc_id, "warning", "extract", f"no fiche technique for film {film.title!r}; only the prose was read", section.start, section.end))
        result.films.append(film)
    return result
