"""The spaCy component gives a spaCy user the CLI's facts, from the same code, on the Doc."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import spacy

from pipeline.schema import TABLES
from tests.batch.cases import REPO, cli, read_tables

ARTICLES = ("la-nuit-des-lanternes", "nour-eddine-lakhmari")


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    nlp = spacy.blank("fr")
    nlp.add_pipe("filmfiche")  # found through the spacy_factories entry point, with nothing imported first
    return nlp


@pytest.mark.parametrize("doc_id", ARTICLES)
def test_the_component_gives_the_cli_tables(nlp, doc_id: str, tmp_path: Path) -> None:
    shutil.copy(REPO / "raw" / f"{doc_id}.txt", tmp_path / f"{doc_id}.txt")
    result = cli(str(tmp_path / f"{doc_id}.txt"), "--out", str(tmp_path / "out"), "--no-ner", "--jobs", "1", "--quiet")
    assert result.returncode == 0, result.stderr
    expected = read_tables(tmp_path / "out")
    doc = nlp.make_doc((REPO / "raw" / f"{doc_id}.txt").read_text(encoding="utf-8"))
    doc.user_data["doc_id"] = doc_id
    doc = nlp(doc)
    got = {name: [{c: str(v) for c, v in row.items()} for row in rows] for name, rows in doc._.filmfiche_tables.items()}
    assert sum(map(len, got.values())) > 50
    for name in TABLES:
        assert got[name] == expected[name], name


def test_sections_fiche_lines_and_facts_are_labelled_spans(nlp) -> None:
    text = (REPO / "raw" / "nour-eddine-lakhmari.txt").read_text(encoding="utf-8")
    doc = nlp(text)
    tables = doc._.filmfiche_tables
    assert [s.label_ for s in doc.spans["filmfiche_sections"]] == [str(r["kind"]) for r in tables["sections"]]
    assert {s.label_ for s in doc.spans["filmfiche_blocks"]} >= {"intro", "fiche"}
    facts = {(s.label_, s.start_char, s.end_char) for s in doc.spans["filmfiche_facts"]}
    for row in tables["credits"]:
        label = f"credit:{row['role']}"
        assert any(lab == label and a <= row["start"] and row["end"] <= b for lab, a, b in facts), row
    for span in doc.spans["filmfiche_fiche"]:
        assert span.label_ and span.text.strip()
    people = [s for s in doc.spans["filmfiche_facts"] if s.label_ == "person"]
    assert [s.text for s in people] == [r["name"] for r in tables["people"]]
    assert doc._.filmfiche.people[0].person.name == people[0].text


def test_nlp_pipe_runs_documents_in_order(nlp) -> None:
    texts = [
        "Le Fleuve est un film malien réalisé par Awa Traoré, sorti en 1990.\nFiche technique\n- Pays d'origine : Mali\n",
        "Une phrase sans film ni personne.",
    ]
    first, second = nlp.pipe(texts)
    assert [r["title"] for r in first._.filmfiche_tables["films"]] == ["Le Fleuve"]
    assert [s.label_ for s in first.spans["filmfiche_facts"]] == ["title", "credit:director"]
    assert second._.filmfiche_tables["films"] == [] and len(second.spans["filmfiche_sections"]) == 0
    assert [p.message for p in second._.filmfiche.problems] == [
        "no film or person article found (no opening sentence, no fiche technique)"]
