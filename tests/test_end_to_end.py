"""The whole pipeline on the documents in raw/: facts, offsets, determinism."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from frictionless import validate

from pipeline.io.read import Source, read
from pipeline.run import run
from pipeline.schema import TABLES
from pipeline.text.clean import clean_span
from pipeline.values.dates import find_dates

RAW = Path(__file__).resolve().parent.parent / "raw"
SEED = "nour-eddine-lakhmari"
# The column each table's start/end points at, read through the same cleaning.
SPAN_COLUMN = {"titles": "title", "credits": "name", "cast": "actor", "awards": "category", "people": "name"}


def _load(folder: Path) -> dict[str, list[dict[str, str]]]:
    return {name: list(csv.DictReader((folder / f"{name}.csv").open(encoding="utf-8"))) for name in TABLES}


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("extracted")
    summary = run([RAW], folder, jobs=1, quiet=True)
    assert summary.failed == 0
    return folder


@pytest.fixture(scope="module")
def tables(out: Path) -> dict[str, list[dict[str, str]]]:
    return _load(out)


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {p.stem: read(Source(p, p.stem)).text for p in RAW.glob("*.txt")}


def test_every_table_written_with_its_header(out: Path) -> None:
    for name, columns in TABLES.items():
        with (out / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            assert handle.readline() == ",".join(columns) + "\n"


def test_offsets_point_at_the_source_of_every_value(tables, texts) -> None:
    doc_of = {row["film_id"]: row["doc_id"] for row in tables["films"]}
    checked = 0
    for name in TABLES:
        for row in tables[name]:
            if not row.get("start"):
                continue
            doc = row.get("doc_id") or doc_of[row["film_id"]]
            text = texts[doc]
            start, end = int(row["start"]), int(row["end"])
            assert 0 <= start < end <= len(text), (name, row)
            source = text[start:end]
            if name in SPAN_COLUMN:
                cleaned = clean_span(text, start, end)
                value = row[SPAN_COLUMN[name]]
                # A prize named by anaphora (`quatre Césars, dont ceux du meilleur film`) is the
                # ceremony's prize and the piece its span points at: `César` + `du meilleur film`.
                assert cleaned is not None and (cleaned.value.casefold() == value.casefold() or value in cleaned.value
                                                or name == "awards" and value.casefold().endswith(" " + cleaned.value.casefold())), \
                    (name, row, source)
            elif name == "fiche":
                assert source == (row["value"] or row["label"]), (name, row)
            elif name == "releases":
                line = text[text.rfind("\n", 0, start) + 1:text.find("\n", end) if "\n" in text[end:] else len(text)]
                assert row["date"] in {d.iso for d in find_dates(line)} and source.strip(), (name, row, source)
            elif name == "sections":
                assert row["title"] in text[start:end] or not row["title"], (name, row)
            checked += 1
    assert checked > 500


def test_seed_sections_and_films(tables) -> None:
    sections = [(r["kind"], r["title"]) for r in tables["sections"] if r["doc_id"] == SEED]
    assert sections == [("person", "Nour-Eddine Lakhmari"), ("film", "Casanegra"), ("film", "Le Regard"), ("film", "ZERO")]
    films = {r["title"]: r for r in tables["films"] if r["doc_id"] == SEED}
    assert films["Casanegra"]["film_id"] == "casanegra-2008"
    assert (films["Casanegra"]["budget_low"], films["Casanegra"]["budget_high"], films["Casanegra"]["budget_currency"]) == ("10000000", "11000000", "MAD")
    assert films["Le Regard"]["countries"] == "MA;NO"
    assert films["ZERO"]["year"] == "2012"


def test_seed_credits_cast_awards_releases_people(tables) -> None:
    credits = {(r["film_id"], r["role"], r["name"], r["note"]) for r in tables["credits"]}
    assert ("casanegra-2008", "executive_producer", "Dino Sebti", "") in credits
    assert ("casanegra-2008", "composer", "Amine Snoop", "alias Al Kayssar") in credits
    assert ("casanegra-2008", "funder", "Centre cinématographique marocain", "avance sur recettes") in credits
    assert ("zero-2012", "producer", "Redouan Bayed", "") in credits
    cast = {(r["film_id"], r["actor"], r["character"]) for r in tables["cast"]}
    assert ("casanegra-2008", "Anas El Baz", "Karim") in cast
    awards = [r for r in tables["awards"] if r["film_id"] == "casanegra-2008" and r["category"] == "Prix du meilleur acteur"]
    assert {(r["recipient"], r["ex_aequo"], r["edition"], r["year"]) for r in awards} == {("Anas El Baz", "true", "5", "2008"), ("Omar Lotfi", "true", "5", "2008")}
    zero = {(r["category"], r["recipient"], r["year"]) for r in tables["awards"] if r["film_id"] == "zero-2012"}
    assert ("Prix du 2e rôle masculin", "Mohamed Majd", "2013") in zero
    assert ("Prix Mohammed Reggab, prix spécial du jury", "", "2013") in zero
    releases = [(r["country_code"], r["date"]) for r in tables["releases"] if r["film_id"] == "casanegra-2008"]
    assert releases == [("MA", "2008-12-24"), ("NL", "2009-05-21"), ("FR", "2009-10-21"), ("BE", "2010-01-13")]
    (person,) = [r for r in tables["people"] if r["doc_id"] == SEED]
    assert (person["birth_date"], person["birth_place"], person["nationalities"]) == ("1964-02-15", "Safi", "NO;MA")


def test_every_document_with_a_fiche_yields_a_film(tables, texts) -> None:
    with_films = {r["doc_id"] for r in tables["films"]}
    for doc, text in texts.items():
        if "Réalisation" in text:
            assert doc in with_films, doc


def test_same_input_same_bytes(out: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    run([RAW], again, jobs=1, quiet=True)
    for name in TABLES:
        assert (out / f"{name}.csv").read_bytes() == (again / f"{name}.csv").read_bytes(), name


def test_committed_extracted_tables_are_what_the_code_writes(out: Path) -> None:
    """extracted/ is the committed output of `make run`: a change that moves one byte of a table must
    say so by committing the new tables (speed work must move none)."""
    committed = RAW.parent / "extracted"
    names = sorted(p.name for p in out.glob("*.csv"))
    assert {f"{name}.csv" for name in TABLES} <= set(names)
    changed = [name for name in names if not (committed / name).is_file()
               or (committed / name).read_bytes() != (out / name).read_bytes()]
    assert not changed, f"extracted/ differs from a fresh run of raw/ in {changed}: run `make run` and commit"


def test_tables_load_with_pandas_and_integer_columns_hold_integers(out: Path) -> None:
    import pandas as pd

    from pipeline.schema import INT_COLUMNS

    for name, columns in TABLES.items():
        frame = pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False)
        assert tuple(frame.columns) == columns
        for column in INT_COLUMNS & set(columns):
            cells = frame[column][frame[column] != ""]
            assert cells.str.fullmatch(r"-?\d+").all(), (name, column, list(cells[~cells.str.fullmatch(r"-?\d+")]))


def test_frictionless_validates_the_run(out: Path) -> None:
    report = validate(out / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    command = subprocess.run([sys.executable, "-m", "frictionless", "validate", "datapackage.json"], cwd=out,
                             capture_output=True, text=True, timeout=120)
    assert command.returncode == 0, command.stdout[-3000:]
    assert command.stdout.count("VALID") == len(TABLES) + 1
