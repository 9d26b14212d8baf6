"""datapackage.json: the real frictionless validator accepts every run and catches broken tables; the loader's types."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from frictionless import validate

import pipeline
from pipeline.loader import PackageError
from pipeline.run import Settings, run
from pipeline.schema import INT_COLUMNS, LIST_COLUMNS, PROBLEMS_COLUMNS, TABLES

NAMIBIAN = """\
Le Sable rouge est un film dramatique namibien réalisé par Selma Nangolo et sorti en 2011.

Fiche technique
- Titre original : Le Sable rouge
- Réalisation : Selma Nangolo
- Pays d'origine : Namibie, Afrique du Sud
- Langue : anglais, afrikaans
- Durée : 1 h 32 min
- Dates de sortie : Namibie : 4 mars 2011

Distribution
- Ndapewa Shikongo : Helena
- Peter Van Wyk

Récompenses
- Festival international du film de Durban 2011 : Prix du meilleur premier film (ex aequo)
"""
PERSON = "Selma Nangolo, née le 12 mai 1975 à Windhoek, est une réalisatrice et scénariste namibienne.\n"
SPARSE = "Le Puits est un film malien réalisé par Awa Traoré.\n\nFiche technique\n- Réalisation : Awa Traoré\n"


def _run(folder: Path, documents: dict[str, str]) -> Path:
    for name, text in documents.items():
        (folder / "in").mkdir(parents=True, exist_ok=True)
        (folder / "in" / f"{name}.txt").write_text(text, encoding="utf-8")
    run([folder / "in"], folder / "out", settings=Settings(model=None), quiet=True)
    return folder / "out"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _run(tmp_path_factory.mktemp("package"), {"sable": NAMIBIAN, "nangolo": PERSON, "puits": SPARSE})


def _errors(report) -> list[tuple[str, str]]:
    return [(task.name, error.type) for task in report.tasks for error in task.errors]


def test_frictionless_accepts_the_run(out: Path) -> None:
    report = validate(out / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert {task.name for task in report.tasks} == {*TABLES, "problems"}
    assert sum(task.stats["rows"] for task in report.tasks if task.name == "films") == 2


def test_the_package_describes_every_column_with_its_type(out: Path) -> None:
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in package["resources"]}
    for name, columns in {**TABLES, "problems": PROBLEMS_COLUMNS}.items():
        schema = resources[name]["schema"]
        assert [f["name"] for f in schema["fields"]] == list(columns)
        assert schema["missingValues"] == [""]
        assert all(f["description"] for f in schema["fields"])
        for spec in schema["fields"]:
            if spec["name"] in INT_COLUMNS:
                assert spec["type"] == "integer"
            if spec["name"] in LIST_COLUMNS:
                assert (spec["type"], spec["delimiter"]) == ("list", ";")
        if name not in ("films", "sections", "people", "problems"):
            assert schema["foreignKeys"] == [{"fields": ["film_id"], "reference": {"resource": "films",
                                                                                   "fields": ["film_id"]}}]
    assert "minutes" in next(f for f in resources["films"]["schema"]["fields"]
                             if f["name"] == "duration_min")["description"]


@pytest.mark.parametrize("table, column, value, error", [
    ("films", "year", "2011.0", "type-error"),
    ("films", "film_id", "", "constraint-error"),
    ("credits", "film_id", "un-autre-film", "foreign-key"),
    ("credits", "role", "patron", "constraint-error"),
    ("releases", "date", "4 mars 2011", "constraint-error"),
    ("awards", "ex_aequo", "oui", "type-error"),
])
def test_frictionless_catches_a_broken_cell(tmp_path: Path, table: str, column: str, value: str, error: str) -> None:
    out = _run(tmp_path, {"sable": NAMIBIAN})
    frame = pd.read_csv(out / f"{table}.csv", dtype=str, keep_default_na=False)
    frame.loc[0, column] = value
    frame.to_csv(out / f"{table}.csv", index=False)
    assert (table, error) in _errors(validate(out / "datapackage.json"))


def test_a_repeated_film_breaks_the_primary_key(tmp_path: Path) -> None:
    out = _run(tmp_path, {"sable": NAMIBIAN})
    films = (out / "films.csv").read_text(encoding="utf-8")
    (out / "films.csv").write_text(films + films.splitlines(keepends=True)[1], encoding="utf-8")
    assert ("films", "primary-key") in _errors(validate(out / "datapackage.json"))


def test_loader_keeps_namibia_and_types_every_column(out: Path) -> None:
    tables = pipeline.load_tables(out)
    assert set(tables) == {*TABLES, "problems"}
    films = tables["films"].set_index("film_id")
    sable = films.loc["le-sable-rouge-2011"]
    assert sable["countries"] == ["NA", "ZA"]
    assert sable["languages"] == ["eng", "afr"]
    assert sable["duration_min"] == 92
    puits = films.loc[films["doc_id"] == "puits"].iloc[0]
    assert puits["countries"] == ["ML"] and puits["genres"] == [] and pd.isna(puits["duration_min"])
    assert str(films["duration_min"].dtype) == "Int64" and str(films["year"].dtype) == "Int64"
    assert tables["releases"]["country_code"].tolist() == ["NA"]
    assert tables["awards"]["ex_aequo"].dtype == "boolean" and tables["awards"]["ex_aequo"].tolist() == [True]
    people = tables["people"]
    assert people["nationalities"].tolist() == [["NA"]]
    assert people["death_date"].dtype == "string" and people["death_date"].isna().all()
    for name, frame in tables.items():
        for column in frame.columns:
            if column in INT_COLUMNS:
                assert str(frame[column].dtype) == "Int64", (name, column)
            elif column not in LIST_COLUMNS and column != "ex_aequo":
                assert frame[column].dtype == "string", (name, column)


def test_loader_can_keep_lists_joined(out: Path) -> None:
    films = pipeline.load_tables(out, lists=False)["films"]
    assert films["countries"].dtype == "string"
    assert "NA;ZA" in films["countries"].tolist()
    assert films.loc[films["doc_id"] == "puits", "genres"].isna().all()


def test_loader_needs_the_data_package(tmp_path: Path) -> None:
    with pytest.raises(PackageError, match="no datapackage.json"):
        pipeline.load_tables(tmp_path)


@pytest.mark.parametrize("content", ["{not json", '{"name": "filmfiche"}', "[1, 2]"])
def test_loader_names_a_broken_data_package(tmp_path: Path, content: str) -> None:
    (tmp_path / "datapackage.json").write_text(content, encoding="utf-8")
    with pytest.raises(PackageError, match="not a data package"):
        pipeline.load_tables(tmp_path)
