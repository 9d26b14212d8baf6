"""MediaWiki dumps: film and person pages listed by streaming, each read alone under a doc_id from its title."""

from __future__ import annotations

import bz2
from pathlib import Path

import pytest

from pipeline.io import dump
from pipeline.io.read import discover, read
from tests.batch.cases import extract, problem_rows, read_tables, write
from tests.formats import film
from tests.formats.dumps import Page, write_multistream, write_plain

FICHE_ONLY = "'''Nuit/Jour''' est un film malien sorti en 1990.\n== Fiche technique ==\n* Réalisation : Awa Traoré\n* Durée : 80 minutes\n"
PERSON = ("{{Infobox Cinéma (personnalité)\n | nom = Awa Traoré\n}}\n"
          "'''Awa Traoré''', née le {{date de naissance|3|mai|1950}} à [[Bamako]], est une réalisatrice malienne.\n")
BIOGRAPHY = ("{{Infobox Biographie2 | charte = personnalité du cinéma }}\n"
             "'''Issa Koné''', né le 2 juin 1960 à [[Ségou]], est un acteur malien.\n")
FESTIVAL = "{{Infobox Cinéma (festival)\n | nom = Festival du Sud\n}}\n'''Festival du Sud''' est un festival de cinéma.\n== Fiche ==\n"
CITY = "'''Bamako''' est la capitale du [[Mali]]."

PAGES = [
    Page("Le Vent du Sud", film.WIKITEXT),
    Page("Wikipédia:Accueil", film.WIKITEXT, ns=4),
    Page("Vent du Sud", "#REDIRECTION [[Le Vent du Sud]]", redirect="Le Vent du Sud"),
    Page("Nuit/Jour", FICHE_ONLY),
    Page("Festival du Sud", FESTIVAL),
    Page("Bamako", CITY),
    Page("Awa Traoré", PERSON),
    Page("Issa Koné", BIOGRAPHY, history=(CITY,)),
    Page("100 % Mali", FICHE_ONLY.replace("Nuit/Jour", "100 % Mali")),
]
KEPT = [("Le Vent du Sud", "film"), ("Nuit/Jour", "film"), ("Awa Traoré", "person"), ("Issa Koné", "person"),
        ("100 % Mali", "film")]


@pytest.fixture(params=["plain", "multistream"])
def sample(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """The pages as a plain export, or as a bz2 multistream dump of two pages a stream with its index beside it."""
    if request.param == "plain":
        return write_plain(tmp_path / "export.xml", PAGES)
    path = tmp_path / "frwiki-sample-pages-articles-multistream.xml.bz2"
    write_multistream(path, PAGES, per_stream=2)
    return path


def test_film_and_person_pages_are_kept_and_each_is_read_back_from_its_part(sample: Path) -> None:
    refs = list(dump.list_pages(sample))
    assert [(r.title, r.kind) for r in refs] == KEPT
    for ref in refs:
        title, wikitext = dump.page_wikitext(dump.page_bytes(sample, ref.part))
        assert title == ref.title
        assert wikitext == next(p.text for p in PAGES if p.title == title)  # the last revision of a page with history


def test_a_multistream_dump_is_split_at_its_streams(tmp_path: Path) -> None:
    path = tmp_path / "d.xml.bz2"
    write_multistream(path, PAGES, per_stream=2)
    parts = [r.part for r in dump.list_pages(path)]
    assert all(p.compressed for p in parts) and len({(p.offset, p.size) for p in parts}) == 4
    data = path.read_bytes()
    assert all(b"<page>" in bz2.decompress(data[p.offset:p.offset + p.size]) for p in parts)


def test_with_its_index_beside_it_a_dump_is_listed_by_several_processes_into_the_same_pages(tmp_path: Path) -> None:
    path = tmp_path / "frwiki-test-pages-articles-multistream.xml.bz2"
    index = write_multistream(path, PAGES * 3, per_stream=2)
    assert dump.index_beside(path) == index
    assert len(dump.stream_offsets(index)) == 14
    assert list(dump.list_pages(path, jobs=2)) == list(dump.list_pages(path))
    index.write_bytes(bz2.compress(b"12:1:Le Vent du Sud\n"))  # an offset that is no stream's
    with pytest.raises(dump.DumpError, match="corrupt"):
        list(dump.list_pages(path, jobs=2))


def test_a_dump_gives_the_same_facts_as_the_article_file_and_its_pages_texts_are_written(sample: Path, tmp_path: Path) -> None:
    write(tmp_path / "wiki", "Le Vent du Sud.wiki", film.WIKITEXT)
    summary = extract([sample, tmp_path / "wiki" / "Le Vent du Sud.wiki"], tmp_path / "out")
    assert summary.failed == 0
    tables = read_tables(tmp_path / "out")
    name = sample.name.removesuffix(".bz2").removesuffix(".xml")
    assert [(r["doc_id"], r["kind"]) for r in tables["sections"]] == [
        ("Le Vent du Sud", "film"),
        (f"{name}/100 %25 Mali", "film"), (f"{name}/Awa Traoré", "person"), (f"{name}/Issa Koné", "person"),
        (f"{name}/Le Vent du Sud", "film"), (f"{name}/Nuit%2FJour", "film"),
    ]
    films = {r["doc_id"]: r for r in tables["films"]}
    for column in ("title", "year", "duration_min", "countries", "languages", "genres"):
        assert films[f"{name}/Le Vent du Sud"][column] == films["Le Vent du Sud"][column]
    assert films[f"{name}/Nuit%2FJour"]["duration_min"] == "80"
    people = {r["name"]: r["birth_date"] for r in tables["people"]}
    assert people == {"Awa Traoré": "1950-05-03", "Issa Koné": "1960-06-02"}
    texts = tmp_path / "out" / "texts" / name
    assert sorted(p.name for p in texts.iterdir()) == sorted(
        ["100 %25 Mali.txt", "Awa Traoré.txt", "Issa Koné.txt", "Le Vent du Sud.txt", "Nuit%2FJour.txt"])
    assert (texts / "Nuit%2FJour.txt").read_text(encoding="utf-8").startswith("Nuit/Jour\nNuit/Jour est un film malien")


def test_jobs_2_reads_a_dump_into_the_same_bytes_as_jobs_1(tmp_path: Path) -> None:
    path = tmp_path / "d.xml.bz2"
    write_multistream(path, PAGES * 1 + [Page(f"Film {n}", film.WIKITEXT) for n in range(6)], per_stream=3)
    extract([path], tmp_path / "one", jobs=1)
    extract([path], tmp_path / "two", jobs=2)
    files = lambda out: {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.suffix in (".csv", ".txt")}  # noqa: E731
    assert files(tmp_path / "one") == files(tmp_path / "two")
    assert len(read_tables(tmp_path / "one")["films"]) == 9


def test_a_broken_dump_is_an_error_row_after_the_pages_it_gave_and_the_batch_goes_on(tmp_path: Path) -> None:
    whole = tmp_path / "whole.xml.bz2"
    write_multistream(whole, PAGES, per_stream=2)
    data = whole.read_bytes()
    parts = [r.part for r in dump.list_pages(whole)]
    cut = parts[2].offset + 10  # inside the third page's stream
    write(tmp_path / "in", "cut.xml.bz2", data[:cut])
    write(tmp_path / "in", "empty.xml", "<mediawiki>\n</mediawiki>\n")
    write(tmp_path / "in", "vent.wiki", film.WIKITEXT)
    summary = extract([tmp_path / "in"], tmp_path / "out")
    assert summary.failed == 2
    rows = problem_rows(tmp_path / "out")
    assert ("cut", "error", "read", f"dump: bz2 stream at byte {parts[2].offset} is cut short (an incomplete download?)", "", "") in rows
    assert ("empty", "error", "read", "dump: no film or person page (namespace 0, not a redirect) in it", "", "") in rows
    assert sorted(r["doc_id"] for r in read_tables(tmp_path / "out")["films"]) == ["cut/Le Vent du Sud", "cut/Nuit%2FJour", "vent"]


def test_the_size_limit_and_bad_xml_hold_per_page(tmp_path: Path) -> None:
    big = Page("Le Grand Film", FICHE_ONLY.replace("Nuit/Jour", "Le Grand Film") + "Une phrase de plus.\n" * 200)
    path = write_plain(tmp_path / "d.xml", [big, Page("Nuit/Jour", FICHE_ONLY)])
    path.write_bytes(path.read_bytes().replace(b"<title>Nuit/Jour</title>", b"<title>Nuit/Jour</titre>"))
    extract([path], tmp_path / "out", max_bytes=2000)
    rows = problem_rows(tmp_path / "out")
    assert [r[:3] for r in rows] == [("d/Le Grand Film", "error", "read")]
    assert rows[0][3].startswith("document too large: 0.0 MB")


def test_page_names_escape_separators_and_stay_short() -> None:
    assert dump.page_name("Face/Off") == "Face%2FOff"
    assert dump.page_name("100 % Mali") == "100 %25 Mali"
    long = dump.page_name("Le très long titre " * 30)
    assert len(long.encode()) <= dump.MAX_NAME_BYTES and long != dump.page_name("Le très long titre " * 31)


def test_a_dump_page_is_normalised_like_an_article_file(tmp_path: Path) -> None:
    decomposed = "'''Le Cafe\u0301 du Port''' est un film français réalisé par[[Lucie Morel]], sorti en 1972.\n== Fiche technique ==\n* Durée : 90 minutes\n"
    path = write_plain(tmp_path / "d.xml", [Page("Le Café du Port", decomposed)])
    [source] = discover([path])
    document = read(source)
    assert "Le Café du Port est un film" in document.text
    assert "réalisé par Lucie Morel" in document.text
    assert "\u0301" not in document.text
    assert any("NFC" in note for note in document.notes)
    assert any("spaces lost around links restored" in note for note in document.notes)
