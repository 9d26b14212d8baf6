"""Random and mutated article text through reading, extraction and tables: nothing escapes, offsets hold, same output twice."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.extract.document import extract_document
from pipeline.ids import IdAllocator
from pipeline.io.read import InputError, Source, decode
from pipeline.model import Document
from pipeline.ner import PersonTagger
from pipeline.engines.tasks import Settings
from pipeline.engines.worker import process
from pipeline.extract.checks import line_problems
from pipeline.tables import document_tables

from .cases import ARTICLE, MALFORMED, NO_TITLE, PROSE_ONLY

SEEDS = [ARTICLE, PROSE_ONLY, NO_TITLE, MALFORMED, ARTICLE + PROSE_ONLY.replace("\n", "")]
PIECES = [
    "\n", " ", ":", " : ", "- ", "* ", "|", "(", ")", "[1]", "7.", "\u00a0", "\u202f", "’", "«", "»", "\r",
    "Fiche technique\n", "fiche technique :", "Distribution\n", "Synopsis\nmodifier\n", "Récompenses\n", "Nominations\n",
    " est un film ", "réalisé par ", "sorti en 1990", "Réalisation :", "Durée : ", "1 h 27 min", "Titre original : ",
    "en arabe : ", "كزا نكرا", "entre 10 et 11 millions de dirhams, soit 1 million d'euros", "née le 3 mai 1950 à Dakar",
    "est une réalisatrice malienne.", "Prix du jury (en ex-aequo X et Y)", "Festival de Cannes 2001 :", " avec ", " et ",
    "Drapeau du Mali Mali", "| Réalisation | Awa Traoré |", "dans le rôle de ", "(producteurs exécutifs)", "24 décembre 2008",
]


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """An article cut, spliced, duplicated and sprinkled with the pieces French film articles are made of."""
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(0, 20))):
        pos = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["insert", "delete", "duplicate", "piece", "cut", "join"]))
        if op == "insert":
            text = text[:pos] + draw(st.text(max_size=6)) + text[pos:]
        elif op == "delete":
            text = text[:pos] + text[pos + draw(st.integers(1, 30)):]
        elif op == "duplicate":
            text = text[:pos] + text[pos:pos + draw(st.integers(1, 80))] + text[pos:]
        elif op == "piece":
            text = text[:pos] + draw(st.sampled_from(PIECES)) + text[pos:]
        elif op == "cut":
            text = text[:pos]
        else:
            text = text[:pos] + text[pos:].replace("\n", "", 3)
    return text


TEXTS = st.one_of(mutated(), st.text(max_size=200), st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
TAGGER = PersonTagger(None)


def _tables(doc: Document) -> tuple[dict, list]:
    result = extract_document(doc, TAGGER)
    problems = result.problems + line_problems(doc.text, result)
    return document_tables(result, IdAllocator()), problems


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_text_gives_in_bounds_deterministic_rows(text: str) -> None:
    doc = Document("doc", text.replace("\r\n", "\n").replace("\r", "\n"))
    tables, problems = _tables(doc)
    for name, rows in tables.items():
        for row in rows:
            if row.get("start") not in (None, ""):
                assert 0 <= row["start"] <= row["end"] <= len(doc.text), (name, row)
    for problem in problems:
        if problem.start is not None:
            assert 0 <= problem.start <= problem.end <= len(doc.text), problem
    assert _tables(doc) == (tables, problems)


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.binary(max_size=300), TEXTS.flatmap(lambda t: st.sampled_from(["utf-8", "utf-16", "cp1252"]).map(
    lambda e: t.encode(e, errors="replace")))))
def test_any_bytes_are_a_result_never_an_exception(data: bytes) -> None:
    try:
        text = decode(data).text
        assert "\r" not in text and text.strip()
    except InputError as err:
        assert str(err)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.txt"
        path.write_bytes(data)
        result = process(Source(path, "doc"), Settings(model=None))
    assert result.doc_id == "doc"
    assert all(p.severity in ("error", "warning") and p.message for p in result.problems)
