from __future__ import annotations

from pathlib import Path

from pipeline.evaluate.sources import read_document
from pipeline.io.read import Source, read


def test_a_cp1252_document_reads_as_extract_read_it(tmp_path: Path) -> None:
    text = "Réalisation : Hélène Côté — Durée : 95 minutes.\r\n" * 3
    path = tmp_path / "lac.txt"
    path.write_bytes(text.encode("cp1252"))
    shown = read_document(tmp_path, "lac")
    assert shown == text.replace("\r\n", "\n")
    assert shown == read(Source(path, "lac")).text


def test_bytes_extract_refuses_have_no_text(tmp_path: Path) -> None:
    (tmp_path / "vide.txt").write_bytes(b" \n\t ")
    (tmp_path / "nul.txt").write_bytes(b"Titre\x00\x00\x00\x00 : rien")
    assert read_document(tmp_path, "vide") is None
    assert read_document(tmp_path, "nul") is None
    assert read_document(tmp_path, "absent") is None
