"""The issue's closing case: the article, a cp1252 copy, an empty file, a binary file and a 50 MB file, through the command."""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.io.read import MEGABYTE

from .cases import ARTICLE, PNG, cli, doc_rows, problem_rows, read_tables, write

SUMMARY = re.compile(
    r"^5 documents \(3 failed\), 2 films, 0 people; rows: sections=2 films=2 titles=\d+ credits=\d+ cast=\d+ "
    r"awards=\d+ releases=\d+ people=0 fiche=\d+; 4 problems; \d+\.\d s$"
)


def test_mixed_folder_runs_to_completion(tmp_path: Path, article_alone) -> None:
    folder = tmp_path / "in"
    write(folder, "article.txt", ARTICLE)
    write(folder, "article-cp1252.txt", ARTICLE.encode("cp1252"))
    write(folder, "empty.txt", b"")
    write(folder, "figure.txt", PNG)
    with open(write(folder, "dump.txt", b""), "wb") as handle:
        block = ARTICLE.encode() * 1000
        while handle.tell() < 50 * MEGABYTE:
            handle.write(block)
    size = (folder / "dump.txt").stat().st_size / MEGABYTE

    done = cli(str(folder), "--out", str(tmp_path / "out"), "--no-ner")

    assert done.returncode == 1
    assert problem_rows(tmp_path / "out") == [
        ("article-cp1252", "warning", "read", "not UTF-8: decoded as cp1252", "", ""),
        ("dump", "error", "read", f"document too large: {size:.1f} MB, limit 10 MB (split it into articles, or raise --max-size)", "", ""),
        ("empty", "error", "read", "empty document", "", ""),
        ("figure", "error", "read", "binary file (PNG image), not text", "", ""),
    ]
    lines = done.stderr.splitlines()
    assert lines[:-1] == [
        f"warning: {folder / 'article-cp1252.txt'}: read: not UTF-8: decoded as cp1252",
        f"error: {folder / 'dump.txt'}: read: document too large: {size:.1f} MB, limit 10 MB (split it into articles, or raise --max-size)",
        f"error: {folder / 'empty.txt'}: read: empty document",
        f"error: {folder / 'figure.txt'}: read: binary file (PNG image), not text",
    ]
    assert SUMMARY.match(lines[-1]), lines[-1]
    tables = read_tables(tmp_path / "out")
    assert doc_rows(tables, "article") == article_alone
    copy = doc_rows(tables, "article-cp1252")
    assert [f["film_id"] for f in copy["films"]] == ["le-vent-du-sud-1994-2"]
    assert len(copy["credits"]) == len(article_alone["credits"]) and len(copy["fiche"]) == len(article_alone["fiche"])
