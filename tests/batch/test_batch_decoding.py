"""Encodings and newlines: every variant of the article gives the UTF-8 article's rows, offsets into the normalised text."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from pipeline.io.read import InputError, decode

from .cases import ARTICLE, doc_rows, extract, problem_rows, read_tables, write

DECLARED = {
    "utf-8": ARTICLE.encode("utf-8"),
    "utf-8 with BOM": codecs.BOM_UTF8 + ARTICLE.encode("utf-8"),
    "utf-16 with BOM": ARTICLE.encode("utf-16"),
    "utf-16-be with BOM": codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"),
    "utf-32 with BOM": ARTICLE.encode("utf-32"),
    "CRLF": ARTICLE.replace("\n", "\r\n").encode(),
    "lone CR": ARTICLE.replace("\n", "\r").encode(),
    "CRLF with BOM": codecs.BOM_UTF8 + ARTICLE.replace("\n", "\r\n").encode(),
}
GUESSED = {
    "cp1252": ("cp1252", ARTICLE.encode("cp1252")),
    "utf-16-le without BOM": ("utf-16-le", ARTICLE.encode("utf-16-le")),
    "utf-16-be without BOM, CRLF": ("utf-16-be", ARTICLE.replace("\n", "\r\n").encode("utf-16-be")),
}


@pytest.mark.parametrize("variant", DECLARED)
def test_declared_encodings_and_newlines_read_silently(variant: str, tmp_path: Path, article_alone) -> None:
    write(tmp_path / "in", "article.txt", DECLARED[variant])
    extract([tmp_path / "in"], tmp_path / "out")
    assert problem_rows(tmp_path / "out") == []
    assert doc_rows(read_tables(tmp_path / "out"), "article") == article_alone


@pytest.mark.parametrize("variant", GUESSED)
def test_guessed_encodings_are_read_with_a_warning(variant: str, tmp_path: Path, article_alone, capsys) -> None:
    encoding, data = GUESSED[variant]
    path = write(tmp_path / "in", "article.txt", data)
    extract([tmp_path / "in"], tmp_path / "out", quiet=False)
    assert problem_rows(tmp_path / "out") == [("article", "warning", "read", f"not UTF-8: decoded as {encoding}", "", "")]
    assert f"warning: {path}: read: not UTF-8: decoded as {encoding}" in capsys.readouterr().err.splitlines()
    assert doc_rows(read_tables(tmp_path / "out"), "article") == article_alone


def test_offsets_index_the_normalised_text(tmp_path: Path) -> None:
    crlf = ARTICLE.replace("\n", "\r\n")
    write(tmp_path / "in", "article.txt", codecs.BOM_UTF8 + crlf.encode())
    extract([tmp_path / "in"], tmp_path / "out")
    tables = read_tables(tmp_path / "out")
    for row in tables["fiche"]:
        assert ARTICLE[int(row["start"]):int(row["end"])] == row["value"]
    for row in tables["cast"]:
        assert ARTICLE[int(row["start"]):int(row["end"])] == row["actor"]


@pytest.mark.parametrize("text", ["Œuvre de Léa, 12 €, l’été", "Réalisation : Awa Traoré\nDurée : 90 min\n"])
def test_cp1252_and_latin1_bytes_decode_to_the_same_text(text: str) -> None:
    assert decode(text.encode("cp1252")).text == text
    if all(ord(c) < 256 for c in text):
        assert decode(text.encode("latin-1")).text == text


@pytest.mark.parametrize(("data", "message"), [
    (codecs.BOM_UTF8 + b"Le Lac \xff", "undecodable bytes: 1 of 11 bytes do not fit utf-8-sig"),
    (codecs.BOM_UTF16_LE + " ".encode("utf-16-le"), "document holds only whitespace"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "binary file (JPEG image), not text"),
    (b"%PDF-1.7\n", "binary file (PDF document), not text"),
])
def test_decoding_refusals_say_why(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        decode(data)


@pytest.mark.parametrize("space", ["\u00a0", "\u202f"])
def test_no_break_spaces_of_french_typography_read_like_spaces(space: str, tmp_path: Path, article_alone) -> None:
    write(tmp_path / "in", "article.txt", ARTICLE.replace(" : ", f"{space}: ").replace("95 minutes", f"95{space}minutes"))
    extract([tmp_path / "in"], tmp_path / "out")
    rows = doc_rows(read_tables(tmp_path / "out"), "article")
    for row in rows["fiche"]:
        row["value"] = row["value"].replace(space, " ")
    assert rows == article_alone
