"""Which files a run reads, under which doc_id, and the command lines it refuses before writing anything."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.io.read import discover

from .cases import ARTICLE, PROSE_ONLY, extract, problem_rows, read_tables, write


def _ids(*inputs: object) -> list[str]:
    return sorted(s.doc_id for s in discover(inputs))


def test_folders_are_searched_recursively_for_txt(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "films/1990/b.txt", ARTICLE)
    write(tmp_path, "notes.md", ARTICLE)
    write(tmp_path, "films/list.tsv", ARTICLE)
    assert _ids(tmp_path) == ["a", "films/1990/b"]


def test_files_and_globs(tmp_path: Path) -> None:
    write(tmp_path, "in/a.txt", ARTICLE)
    write(tmp_path, "in/sub/b.txt", ARTICLE)
    write(tmp_path, "in/c.text", ARTICLE)
    assert _ids(tmp_path / "in" / "c.text") == ["c"]
    assert _ids(f"{tmp_path}/in/**/*.txt") == ["a", "sub/b"]
    assert _ids(f"{tmp_path}/in/*/") == ["sub/b"]


def test_each_file_once_and_links_followed_once(tmp_path: Path) -> None:
    write(tmp_path, "in/real.txt", ARTICLE)
    outside = write(tmp_path, "elsewhere/far.txt", PROSE_ONLY)
    os.symlink(tmp_path / "in" / "real.txt", tmp_path / "in" / "alias.txt")
    os.symlink(outside, tmp_path / "in" / "near.txt")
    os.symlink(tmp_path / "elsewhere", tmp_path / "in" / "linked-folder")
    assert _ids(tmp_path / "in") == ["near", "real"]
    assert _ids(tmp_path / "in", tmp_path / "in", tmp_path / "in" / "real.txt", tmp_path / "in" / "alias.txt") == ["near", "real"]


def test_broken_link_and_doc_id_collision_are_error_rows(tmp_path: Path) -> None:
    write(tmp_path, "one/a.txt", ARTICLE)
    write(tmp_path, "two/a.txt", PROSE_ONLY)
    os.symlink(tmp_path / "missing.txt", tmp_path / "one" / "gone.txt")
    os.symlink("loop.txt", tmp_path / "one" / "loop.txt")
    summary = extract([tmp_path / "one", tmp_path / "two"], tmp_path / "out")
    broken = "cannot read: broken symbolic link (missing target or a loop)"
    assert problem_rows(tmp_path / "out") == [
        ("a", "error", "read", f"doc_id already used by {tmp_path / 'one' / 'a.txt'}; {tmp_path / 'two' / 'a.txt'} skipped", "", ""),
        ("gone", "error", "read", broken, "", ""),
        ("loop", "error", "read", broken, "", ""),
    ]
    assert [f["title"] for f in read_tables(tmp_path / "out")["films"]] == ["Le Vent du Sud"]
    assert (summary.documents, summary.failed) == (4, 3)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_an_error_row(tmp_path: Path) -> None:
    write(tmp_path, "in/a.txt", ARTICLE)
    locked = write(tmp_path, "in/locked.txt", ARTICLE)
    locked.chmod(0)
    extract([tmp_path / "in"], tmp_path / "out")
    assert problem_rows(tmp_path / "out") == [("locked", "error", "read", "cannot read: Permission denied", "", "")]


def _usage(args: list[str], capsys) -> str:
    try:
        code = main(["extract", "--no-ner", "--quiet", *args])
    except SystemExit as exit_:
        code = exit_.code
    assert code == 2
    return capsys.readouterr().err


def test_usage_errors_exit_2_and_write_nothing(tmp_path: Path, capsys) -> None:
    inputs = tmp_path / "in"
    write(inputs, "a.txt", ARTICLE)
    write(tmp_path, "empty/readme.md", "nothing")
    write(tmp_path, "a-file", "x")
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    cases = [
        ("no such file or folder", [str(tmp_path / "nope"), "--out", str(tmp_path / "o")]),
        ("no document (*.txt, ", [str(tmp_path / "empty"), "--out", str(tmp_path / "o")]),
        ("is inside the input folder", [str(inputs), "--out", str(inputs)]),
        ("is inside the input folder", [str(inputs), "--out", str(inputs / "extracted")]),
        ("is inside the input folder", [f"{inputs}/**/*.txt", "--out", str(inputs / "tables")]),
        ("exists and is not a folder", [str(inputs), "--out", str(tmp_path / "a-file")]),
        ("--jobs: must be at least 1", [str(inputs), "--jobs", "0", "--out", str(tmp_path / "o")]),
        ("--max-size: must be more than 0", [str(inputs), "--max-size", "0", "--out", str(tmp_path / "o")]),
    ]
    for message, args in cases:
        assert message in _usage(args, capsys)
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_exit_status_0_with_warnings_1_with_a_failure(tmp_path: Path, capsys) -> None:
    write(tmp_path, "in/a.txt", ARTICLE)
    write(tmp_path, "in/b.txt", ARTICLE.encode("cp1252"))
    command = ["extract", "--no-ner", "--jobs", "1", str(tmp_path / "in"), "--out", str(tmp_path / "out")]
    assert main(command) == 0
    write(tmp_path, "in/c.txt", b"")
    assert main(command) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[-1].startswith("3 documents (1 failed), 2 films, 0 people; rows: sections=2 films=2 ")
    assert err[-1].endswith(" s") and "; 2 problems; " in err[-1]
