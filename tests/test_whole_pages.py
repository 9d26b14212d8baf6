"""Two real French Wikipedia pages as a reader copies them from a browser
(tests/data/pages, CC BY-SA 4.0, see its SOURCES.tsv): the film or person and
its facts are read, and nothing else (a collapsed navigation box, link lists,
references, a filmography of hundreds of titles) gives rows or warnings."""

from pathlib import Path

from extract.helpers import NO_NER, column, extract

from pipeline.extract.checks import line_problems
from pipeline.extract.document import extract_document
from pipeline.model import Document

PAGES = Path(__file__).parent / "data" / "pages"


def _page(name: str) -> str:
    return (PAGES / f"{name}.txt").read_text(encoding="utf-8")


def test_short_film_page() -> None:
    text = _page("bernard-le-bucheron-1907")
    tables = extract(text)
    assert column(tables, "sections", "kind") == [("film",)]
    ((title, year, countries, genres),) = column(tables, "films", "title", "year", "countries", "genres")
    assert title.startswith("Bernard le bûcheron") and year == 1907 and countries == "FR"
    assert "fantastique" in genres.split(";")
    assert "Bernard le bûcheron" in [t for (t,) in column(tables, "titles", "title")]
    assert column(tables, "credits", "role", "name") == [("director", "Georges Méliès"), ("production_company", "Star Film")]
    assert tables["cast"] == [] and tables["awards"] == [] and tables["people"] == []
    assert column(tables, "releases", "date") == [("1907",)]


def test_long_person_page() -> None:
    text = _page("georges-melies")
    tables = extract(text)
    assert column(tables, "sections", "kind", "title") == [("person", "Georges Méliès")]
    assert tables["films"] == [] and tables["cast"] == [] and tables["awards"] == [] and tables["credits"] == []
    ((birth, place, death, nationalities, occupations),) = column(
        tables, "people", "birth_date", "birth_place", "death_date", "nationalities", "occupations")
    assert (birth, place, death, nationalities) == ("1861-12-08", "Paris", "1938-01-21", "FR")
    assert "réalisateur" in occupations.split(";")


def test_real_pages_give_no_warning() -> None:
    for name in ("bernard-le-bucheron-1907", "georges-melies"):
        text = _page(name)
        result = extract_document(Document(name, text), NO_NER)
        assert result.problems == [] and line_problems(text, result) == [], name
