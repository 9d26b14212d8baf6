"""texts/: the text a derived document's offsets index is written whole, or not at all, with the tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.engines.merge import Merger
from pipeline.engines.tasks import ChunkResult
from pipeline.engines.worker import _Parts
from pipeline.io.write import TEXTS, TableSink, scratch_folder, text_name

TABLES = {"films": ["film_id", "title"]}


def _files(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_bytes().decode("utf-8") for p in sorted(folder.rglob("*")) if p.is_file()}


def _run(out: Path, texts: dict[str, str], fail: bool = False) -> None:
    """The texts as a run keeps them: written by a worker under the scratch folder, moved in by the merge."""
    with TableSink(out, TABLES) as sink, scratch_folder(out) as scratch:
        sink.add("films", [{"film_id": "f", "title": "T"}])
        parts = _Parts(scratch, "000000")
        for doc_id, text in texts.items():
            parts.add_text(doc_id, text)
        Merger(sink).add(ChunkResult((0,), [], parts.finish(), parts.counts, texts=parts.texts, settled=True))
        if fail:
            raise RuntimeError("stopped")


def test_texts_are_written_exactly_under_their_doc_id(tmp_path: Path) -> None:
    texts = {"page": "Titre\n\nRéalisation | Awa Traoré |\r\nfin", "dump/Face∕Off": "x"}
    _run(tmp_path, texts)
    assert _files(tmp_path / TEXTS) == {"page.txt": texts["page"], "dump/Face∕Off.txt": "x"}


def test_a_new_run_replaces_the_folder_and_a_run_without_derived_texts_removes_it(tmp_path: Path) -> None:
    _run(tmp_path, {"a": "un", "b": "deux"})
    _run(tmp_path, {"b": "trois"})
    assert _files(tmp_path / TEXTS) == {"b.txt": "trois"}
    _run(tmp_path, {})
    assert not (tmp_path / TEXTS).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["films.csv"]


def test_a_failed_run_keeps_the_previous_texts_and_leaves_no_temporary_folder(tmp_path: Path) -> None:
    _run(tmp_path, {"a": "un"})
    with pytest.raises(RuntimeError):
        _run(tmp_path, {"a": "autre", "c": "trois"}, fail=True)
    assert _files(tmp_path / TEXTS) == {"a.txt": "un"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["films.csv", TEXTS]


def test_a_temporary_texts_folder_left_by_a_killed_run_is_removed(tmp_path: Path) -> None:
    stale = tmp_path / ".texts.abc123.tmp" / "sub"
    stale.mkdir(parents=True)
    (stale / "x.txt").write_text("x")
    sink = TableSink(tmp_path, TABLES)
    sink.abort()
    assert sink.stale_removed == 1
    assert not (tmp_path / ".texts.abc123.tmp").exists()


@pytest.mark.parametrize("doc_id", ["", "a//b", "../escape", "a/./b", "a/"])
def test_a_doc_id_that_cannot_name_a_file_inside_texts_is_refused(doc_id: str) -> None:
    with pytest.raises(ValueError):
        text_name(doc_id)


def test_the_evaluator_quotes_the_written_text_rather_than_the_raw_file(tmp_path: Path) -> None:
    from pipeline.evaluate.sources import read_document

    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "page.txt").write_text("<p>brut</p>")
    (tmp_path / "raw" / "plain.txt").write_text("texte\r\nbrut")
    _run(tmp_path / "pred", {"page": "rendu\n"})
    assert read_document(tmp_path / "raw", "page", tmp_path / "pred") == "rendu\n"
    assert read_document(tmp_path / "raw", "plain", tmp_path / "pred") == "texte\nbrut"
