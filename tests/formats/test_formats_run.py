"""Markup inputs in a batch: found by suffix, rendered, and their texts written so every offset can be checked."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.batch.cases import ARTICLE, extract, problem_rows, read_tables, write
from tests.formats import film

DATA = Path(__file__).parent / "data"



def _check_offsets(out: Path, doc_id: str, text: str) -> int:
    """Every row's span of the document lies in its text, and fiche values are exactly their span; returns rows checked."""
    tables = read_tables(out)
    films = {r["film_id"] for r in tables["films"] if r["doc_id"] == doc_id}
    checked = 0
    for name, rows in tables.items():
        for row in rows:
            mine = row.get("doc_id") == doc_id or row.get("film_id") in films
            if mine and row.get("start"):
                start, end = int(row["start"]), int(row["end"])
                assert 0 <= start < end <= len(text), (name, row)
                if name == "fiche" and row["value"]:
                    assert text[start:end] == row["value"], row
                checked += 1
    return checked


def _facts(out: Path, doc_id: str) -> dict[str, set[tuple[str, ...]]]:
    """The document's facts without offsets, to compare documents in different formats."""
    tables = read_tables(out)
    films = {r["film_id"] for r in tables["films"] if r["doc_id"] == doc_id}
    facts = {}
    for name, rows in tables.items():
        if name in ("sections", "problems"):
            continue
        keep = [r for r in rows if r.get("doc_id") == doc_id or r.get("film_id") in films]
        facts[name] = {tuple(v for k, v in r.items() if k not in ("start", "end", "doc_id")) for r in keep}
    return facts


def test_html_pages_are_found_rendered_and_their_texts_written(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for page in DATA.glob("*.html"):
        shutil.copy(page, inputs / page.name)
    write(inputs, "sub/vent.HTM", film.HTML)
    write(inputs, "plain.txt", ARTICLE)
    write(inputs, "notes.md", "# ignored")
    summary = extract([inputs], tmp_path / "out")
    assert summary.failed == 0
    texts = tmp_path / "out" / "texts"
    assert sorted(p.relative_to(texts).as_posix() for p in texts.rglob("*.txt")) == [
        "bernard-le-bucheron-1907.txt", "georges-melies.txt", "sub/vent.txt"]
    tables = read_tables(tmp_path / "out")
    assert sorted({r["doc_id"] for r in tables["sections"]}) == ["bernard-le-bucheron-1907", "georges-melies", "plain", "sub/vent"]
    for doc_id in ("bernard-le-bucheron-1907", "georges-melies", "sub/vent"):
        text = (texts / f"{doc_id}.txt").read_bytes().decode("utf-8")
        assert _check_offsets(tmp_path / "out", doc_id, text) > 0
    people = {r["doc_id"]: r for r in tables["people"]}
    assert people["georges-melies"]["name"] == "Georges Méliès"
    (bernard,) = [f for f in tables["films"] if f["doc_id"] == "bernard-le-bucheron-1907"]
    assert bernard["title"].startswith("Bernard le bûcheron") and bernard["year"] == "1907" and bernard["countries"] == "FR"
    assert ("director", "Georges Méliès") in {(c["role"], c["name"]) for c in tables["credits"] if c["film_id"] == bernard["film_id"]}


def test_the_same_film_as_html_as_wikitext_and_as_copied_text_gives_the_same_facts(tmp_path: Path) -> None:
    write(tmp_path / "in", "html/vent.html", film.HTML)
    write(tmp_path / "in", "wiki/vent.wiki", film.WIKITEXT)
    write(tmp_path / "in", "text/vent.txt", film.TEXT)
    summary = extract([tmp_path / "in"], tmp_path / "out")
    assert summary.failed == 0 and summary.problems == 0
    strip_id = lambda facts: {t: {row[1:] for row in rows} for t, rows in facts.items()}  # noqa: E731 - film ids differ by collision suffix
    as_text = strip_id(_facts(tmp_path / "out", "text/vent"))
    assert strip_id(_facts(tmp_path / "out", "html/vent")) == as_text
    assert strip_id(_facts(tmp_path / "out", "wiki/vent")) == as_text
    assert len(as_text["credits"]) >= 5 and len(as_text["cast"]) >= 2 and len(as_text["releases"]) == 2 and as_text["awards"]
    (columns,) = as_text["films"]
    assert "drame" in columns and "ML;FR" in columns  # the genre only the infobox gives, the countries both give
    texts = tmp_path / "out" / "texts"
    for doc_id in ("html/vent", "wiki/vent"):
        assert _check_offsets(tmp_path / "out", doc_id, (texts / f"{doc_id}.txt").read_bytes().decode("utf-8")) > 20


def test_a_page_without_article_text_is_an_error_row_and_the_batch_goes_on(tmp_path: Path) -> None:
    write(tmp_path / "in", "menu.html", "<html><body><nav>Accueil</nav><script>x()</script></body></html>")
    write(tmp_path / "in", "latin.html", film.HTML.replace('<meta charset="utf-8">', "").replace("↑", "").encode("cp1252"))
    summary = extract([tmp_path / "in"], tmp_path / "out")
    assert summary.failed == 1
    rows = problem_rows(tmp_path / "out")
    assert ("latin", "warning", "read", "not UTF-8: decoded as cp1252", "", "") in rows
    assert ("menu", "error", "read", "HTML page with no article text (no body, or only page furniture)", "", "") in rows
    assert [r["doc_id"] for r in read_tables(tmp_path / "out")["films"]] == ["latin"]


def test_the_size_limit_applies_to_the_page_file(tmp_path: Path) -> None:
    write(tmp_path / "in", "big.html", film.HTML + "<!--" + "x" * 3000 + "-->")
    extract([tmp_path / "in"], tmp_path / "out", max_bytes=len(film.HTML.encode()) + 1000)
    (row,) = problem_rows(tmp_path / "out")
    assert row[:3] == ("big", "error", "read") and row[3].startswith("document too large")
