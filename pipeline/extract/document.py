"""Extract one document: segment it, run each extractor on its sections and
gather film and person records.
"""

from __future__ import annotations

from functools import cache

import regex

from pipeline.extract.award_sentences import NOT_UNDERSTOOD, read_sentences, sentence_reader
from pipeline.extract.awards import block_awards, section_awards, vocabulary
from pipeline.extract.cast import distribution_cast, prose_cast, undecided_actors
from pipeline.extract.fiche import apply_entries, collect_entries, extend_column
from pipeline.extract.filming import filming_locations
from pipeline.extract.intro import apply_intro
from pipeline.extract.names import forget_splits
from pipeline.extract.people import person_facts
from pipeline.extract.prose_facts import producers, releases, source_authors
from pipeline.extract.records import Award, CastMember, DocResult, FilmRecord, PersonRecord
from pipeline.model import BlockKind, CastSource, Document, Problem, Section, SectionKind, Span, TargetKind, UnitKind
from pipeline.ner import PersonTagger
from pipeline.text.segment import segment

PROSE_BLOCKS = (BlockKind.INTRO, BlockKind.SYNOPSIS)
AWARD_SENTENCE_BLOCKS = (BlockKind.INTRO, BlockKind.SYNOPSIS, BlockKind.AWARDS, BlockKind.OTHER)
NO_AWARD_ROW = "awards block yields no row"
FACT_BLOCKS = (BlockKind.INTRO, BlockKind.OTHER, BlockKind.PRODUCTION)
CONTEXT_RADIUS = 200


def _prose_spans(section: Section, kinds: tuple[BlockKind, ...], units: tuple[UnitKind, ...] = (UnitKind.PROSE, UnitKind.ITEM)) -> list[tuple[int, int]]:
    spans = []
    for block in section.blocks_of(*kinds):
        for unit in block.units:
            if unit.kind in units:
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


@cache
def _acting_words() -> tuple[regex.Pattern[str], ...]:
    """Each acting word where a word of a category starts with it (`actrice`, `interprétation`)."""
    return tuple(regex.compile(rf"\b{regex.escape(w)}", regex.IGNORECASE) for w in vocabulary()["acting_words"])


def _acting(category: str) -> bool:
    return any(word.search(category) for word in _acting_words())


def _award_cast(awards: list[Award]) -> list[CastMember]:
    """An acting prize names an actor of the film."""
    return [CastMember(a.recipient, "", CastSource.AWARD, *a.recipient_span) for a in awards
            if a.recipient_span and _acting(a.category)]


def _told_facts(text: str, section: Section, film: FilmRecord) -> None:
    """Source authors, producers and releases told in sentences, where no fiche line gives them."""
    spans = _prose_spans(section, FACT_BLOCKS, (UnitKind.PROSE,))
    roles = {c.role for c in film.credits}
    if "source_author" not in roles:
        # What a film adapts is often said right after the plot, in the synopsis's last lines.
        told = _prose_spans(section, (*FACT_BLOCKS, BlockKind.SYNOPSIS), (UnitKind.PROSE,))
        film.credits.extend(source_authors(text, told, [c for c in film.credits if c.role == "director"]))
    if "producer" not in roles:
        film.credits.extend(c for c in producers(text, spans) if c.role not in roles)
    dated = {r.country_code for r in film.releases}
    for release in releases(text, spans):
        if release.country_code not in dated:
            film.releases.append(release)
            dated.add(release.country_code)


def _award_runs(section: Section) -> list[tuple[int, int]]:
    """Spans of consecutive award blocks (`Distinctions`, then `Récompenses`, `Nominations`...)."""
    runs: list[tuple[int, int]] = []
    previous = None
    for block in section.blocks:
        if block.kind is BlockKind.AWARDS:
            if previous is BlockKind.AWARDS:
                runs[-1] = (runs[-1][0], block.end)
            else:
                runs.append((block.start, block.end))
        previous = block.kind
    return runs


def extract_film(text: str, section: Section, tagger: PersonTagger) -> FilmRecord:
    film = FilmRecord(section)
    film.update(start=section.start, end=section.end)
    apply_intro(text, section, film, section.title_paren)
    listed = distribution_cast(text, section)
    apply_entries(text, collect_entries(text, section), film, {c.actor for c in listed},
                  tagger.person_spans if tagger.enabled else None)
    if not film.title and film.fiche_titles:
        film.update(title=film.fiche_titles[0].value)
    film.cast.extend(listed)
    prose = _prose_spans(section, PROSE_BLOCKS)
    known = {c.name.casefold() for c in film.credits} | {c.actor.casefold() for c in film.cast}
    listed_actors = {c.actor.casefold() for c in listed}
    # The Distribution list names the character as the article spells it; a synopsis
    # pair for the same actor (`Julien (Marc Vidal)`) is a shorter mention of it.
    film.cast.extend(c for c in prose_cast(text, prose, _person_check(text, prose, known, tagger), known)
                     if c.actor.casefold() not in listed_actors)
    awards = block_awards(text, section)
    list_rows = list(awards)
    for line in film.fiche:
        if line.field == TargetKind.RELEASE and line.value:
            awards.extend(section_awards(text, line.start, line.end))
    titles = [film.title, *(t.title for t in film.titles)]
    told = read_sentences(text, _prose_spans(section, AWARD_SENTENCE_BLOCKS, (UnitKind.PROSE,)), sentence_reader(tagger.model), titles,
                          plot=_prose_spans(section, (BlockKind.SYNOPSIS,), (UnitKind.PROSE,)))
    listed_prizes = {a.category.casefold() for a in awards}
    # The opening or the prose often repeats a prize the Distinctions list gives with its event.
    awards.extend(p for p in told.rows if p.category.casefold() not in listed_prizes)
    # A sentence summing up a Distinctions list (`Le film a reçu de nombreuses distinctions`)
    # is not worth a warning when the list under it gives the prizes.
    listed = [(a, b) for a, b in _award_runs(section) if any(a <= r.start < b for r in list_rows)]
    film.warnings.extend(Span(a, b, NOT_UNDERSTOOD) for a, b in told.unread if not any(x <= a < y for x, y in listed))
    for block in section.blocks_of(BlockKind.AWARDS):
        if all(u.kind == UnitKind.HEADING for u in block.units):
            continue  # a heading the copy kept without its list
        if not any(block.start <= r.start < block.end for r in awards) and not any(block.start <= a < block.end for a, _ in told.unread):
            film.warnings.append(Span(block.start, block.end, NO_AWARD_ROW))
    film.cast.extend(_award_cast(awards))
    _told_facts(text, section, film)
    extend_column(film, "filming_locations", [place.value for place in filming_locations(text, section)])
    film.awards = awards
    if film.facts.year is None:
        years = sorted(int(r.date[:4]) for r in film.releases if r.date)
        if years:
            film.update(year=years[0])
    if not film.facts.countries and film.intro_countries:
        film.update(countries=tuple(film.intro_countries))
    return film


def extract_document(doc: Document, tagger: PersonTagger) -> DocResult:
    """All film and person records of one document, with the problems met."""
    result = DocResult(doc.doc_id)
    text = doc.text
    forget_splits()
    sections = segment(doc)
    if not sections:
        result.problems.append(Problem(doc.doc_id, "warning", "segment", "no film or person article found (no opening sentence, no fiche technique)"))
    for section in sections:
        if section.kind is SectionKind.PERSON:
            result.people.append(PersonRecord(section, person_facts(text, section, section.title_paren)))
            continue
        film = extract_film(text, section, tagger)
        if not film.title:
            result.problems.append(Problem(doc.doc_id, "warning", "extract", "film section with no title (no opening sentence, no Titre in its fiche)", section.start, section.end))
        if not section.blocks_of(BlockKind.FICHE, BlockKind.INFOBOX):
            result.problems.append(Problem(doc.doc_id, "warning", "extract", f"no fiche technique for film {film.title!r}; only the prose was read", section.start, section.end))
        result.problems.extend(Problem(doc.doc_id, "warning", "extract", w.value, w.start, w.end) for w in film.warnings)
        result.films.append(film)
    return result
