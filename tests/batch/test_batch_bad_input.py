"""Each bad input costs its own document only: one exact problems.csv row, the article beside it extracted whole."""

from __future__ import annotations

from pathlib import Path

import pytest

import pipeline.engines.worker
from pipeline.io.read import MEGABYTE

from .cases import ARTICLE, MALFORMED, NO_ARTICLE, NO_TITLE, PNG, PROSE_ONLY, doc_rows, extract, problem_rows, read_tables, write

LONG_LINE = "Le cinéma malien a connu de nombreux succès et ses réalisateurs ont tourné dans tout le pays. "


def _big_text() -> bytes:
    return (ARTICLE.encode() * (50 * MEGABYTE // len(ARTICLE.encode()) + 1))[:50 * MEGABYTE]


def _at(text: str, part: str) -> tuple[str, str]:
    start = text.index(part)
    return str(start), str(start + len(part))


BAD_INPUTS = {
    "empty": (b"", [("error", "read", "empty document", "", "")]),
    "blank": (b" \n\t\r\n  \n", [("error", "read", "document holds only whitespace", "", "")]),
    "nul": (b"Le Lac\x00\x00 est un film malien.", [("error", "read", "binary file (NUL bytes), not text", "", "")]),
    "image": (PNG, [("error", "read", "binary file (PNG image), not text", "", "")]),
    "controls": (bytes(range(1, 32)) * 20, [("error", "read", "binary file (540 control characters in 620), not text", "", "")]),
    "undecodable": (b"\x81\x8d\x8f\x90\x9d" * 20,
                    [("error", "read", "undecodable bytes: 100 of 100 bytes do not fit cp1252", "", "")]),
    "huge": (_big_text, [("error", "read", "document too large: 50.0 MB, limit 10 MB (split it into articles, or raise --max-size)", "", "")]),
    "long-line": ((LONG_LINE * (MEGABYTE // len(LONG_LINE) + 1)).encode(), [NO_ARTICLE]),
    "prose": (PROSE_ONLY.encode(), [("warning", "extract", "no fiche technique for film 'Le Puits'; only the prose was read",
                                     "0", str(len(PROSE_ONLY)))]),
    "untitled": (NO_TITLE.encode(), [("warning", "extract", "film section with no title (no opening sentence, no Titre in its fiche)",
                                      "0", str(len(NO_TITLE)))]),
    "malformed": (MALFORMED.encode(), [
        ("warning", "fiche", "label 'Réalisation' has no value", *_at(MALFORMED, "Réalisation")),
        ("warning", "fiche", "value with no label: ': Awa Traoré'", *_at(MALFORMED, ": Awa Traoré")),
        ("warning", "fiche", "'Durée': value 'beaucoup' not understood", *_at(MALFORMED, "beaucoup")),
    ]),
}


@pytest.mark.parametrize("name", BAD_INPUTS)
def test_bad_input_gets_its_row_and_the_article_is_whole(name: str, folder: Path, tmp_path: Path, article_alone) -> None:
    content, expected = BAD_INPUTS[name]
    write(folder, f"{name}.txt", content() if callable(content) else content)
    summary = extract([folder], tmp_path / "out")
    assert problem_rows(tmp_path / "out") == [(name, *row) for row in expected]
    assert doc_rows(read_tables(tmp_path / "out"), "article") == article_alone
    assert summary.documents == 2
    assert summary.failed == (1 if expected[0][0] == "error" else 0)


def test_prose_without_fiche_still_gives_the_film(folder: Path, tmp_path: Path) -> None:
    write(folder, "prose.txt", PROSE_ONLY)
    extract([folder], tmp_path / "out")
    rows = doc_rows(read_tables(tmp_path / "out"), "prose")
    assert [(f["title"], f["year"], f["countries"]) for f in rows["films"]] == [("Le Puits", "1990", "ML")]
    assert [(c["role"], c["name"]) for c in rows["credits"]] == [("director", "Awa Traoré")]
    assert [(c["actor"], c["character"]) for c in rows["cast"]] == [("Fatou Diallo", "Aminata")]


def test_article_facts_are_extracted(article_alone) -> None:
    """The reference every bad-input case compares with holds the article's facts."""
    (film,) = article_alone["films"]
    assert (film["title"], film["year"], film["duration_min"], film["countries"], film["languages"]) == (
        "Le Vent du Sud", "1994", "95", "ML;FR", "bam;fra")
    credits = {(c["role"], c["name"]) for c in article_alone["credits"]}
    assert {("director", "Awa Traoré"), ("screenwriter", "Jean Martin"), ("composer", "Salif Diarra")} <= credits
    assert {(c["actor"], c["character"]) for c in article_alone["cast"]} == {("Issa Koné", "Moussa"), ("Fatou Diallo", "Aminata")}
    for row in article_alone["fiche"]:
        assert ARTICLE[int(row["start"]):int(row["end"])] == row["value"]


def test_extractor_crash_is_an_error_row_without_traceback(folder: Path, tmp_path: Path, monkeypatch, capsys, article_alone) -> None:
    real = pipeline.engines.worker.extract_document

    def fragile(doc, tagger):
        if doc.doc_id == "boom":
            raise RuntimeError("boom")
        return real(doc, tagger)

    monkeypatch.setattr(pipeline.engines.worker, "extract_document", fragile)
    write(folder, "boom.txt", ARTICLE)
    summary = extract([folder], tmp_path / "out")
    assert problem_rows(tmp_path / "out") == [("boom", "error", "extract", "RuntimeError: boom", "", "")]
    assert doc_rows(read_tables(tmp_path / "out"), "article") == article_alone
    assert summary.failed == 1
    err = capsys.readouterr().err
    assert f"error: {folder / 'boom.txt'}: extract: RuntimeError: boom" in err.splitlines()
    assert "Traceback" not in err
    extract([folder], tmp_path / "out", debug=True)
    assert "Traceback" in capsys.readouterr().err


def test_slow_document_is_given_up_after_the_timeout(folder: Path, tmp_path: Path, monkeypatch, article_alone) -> None:
    real = pipeline.engines.worker.extract_document

    def slow(doc, tagger):
        while doc.doc_id == "slow":
            pass
        return real(doc, tagger)

    monkeypatch.setattr(pipeline.engines.worker, "extract_document", slow)
    write(folder, "slow.txt", ARTICLE)
    summary = extract([folder], tmp_path / "out", timeout=0.3)
    assert problem_rows(tmp_path / "out") == [("slow", "error", "extract", "gave up after 0.3 s (see --timeout); document skipped", "", "")]
    assert doc_rows(read_tables(tmp_path / "out"), "article") == article_alone
    assert summary.failed == 1
