"""Known scores on tiny hand-written gold/prediction pairs."""

from __future__ import annotations

import pytest
from evalcases import FILM, GOLD, perfect_tables

from pipeline.evaluate.gold import load_gold_folder
from pipeline.evaluate.predictions import load_predictions
from pipeline.evaluate.scoring import Evaluation, evaluate

GOLD_TUPLES = 20  # 2 sections, 6 film values, 2 titles, 3 credits, 1 cast, 2 awards, 1 release, 3 person values


def score(case, tables, gold: str = GOLD) -> Evaluation:
    gold_dir, pred_dir = case(tables, gold)
    return evaluate(load_gold_folder(gold_dir), load_predictions(pred_dir))


def test_perfect_match_scores_one(case) -> None:
    result = score(case, perfect_tables())
    assert result.micro.tp == GOLD_TUPLES and result.micro.fp == result.micro.fn == 0
    for table in ("sections", "films", "titles", "credits", "cast", "awards", "releases", "people", "all"):
        assert result.count(table).f1 == 1.0, table
    assert result.errors == []


def test_missing_row_lowers_recall_only(case) -> None:
    tables = perfect_tables()
    tables["credits"] = [r for r in tables["credits"] if r["name"] != "Anne Roy"]
    result = score(case, tables)
    credits = result.count("credits")
    assert (credits.tp, credits.fp, credits.fn) == (2, 0, 1)
    assert credits.precision == 1.0 and credits.recall == pytest.approx(2 / 3)
    assert result.count("credits", "editor").recall == 0.5
    assert result.count("credits", "director").f1 == 1.0
    assert result.micro.recall == pytest.approx((GOLD_TUPLES - 1) / GOLD_TUPLES)
    [error] = result.errors
    assert (error.table, error.field, error.kind, error.gold, error.film) == (
        "credits", "editor", "fn", "Anne Roy", "La Nuit blanche")


def test_extra_row_lowers_precision_only(case) -> None:
    tables = perfect_tables()
    tables["credits"].append({"film_id": FILM["film_id"], "role": "composer", "name": "Jean Roy",
                              "start": "90", "end": "98"})
    result = score(case, tables)
    assert result.count("credits").precision == pytest.approx(3 / 4)
    assert result.count("credits").recall == 1.0
    assert result.micro.precision == pytest.approx(GOLD_TUPLES / (GOLD_TUPLES + 1))
    [error] = result.errors
    assert (error.kind, error.field, error.predicted, error.start, error.end) == ("fp", "composer", "Jean Roy", 90, 98)


def test_film_aligned_by_an_alternative_title(case) -> None:
    tables = perfect_tables()
    tables["films"][0].update(title="White Night", original_title="", film_id="white-night")
    for table in ("titles", "credits", "cast", "awards", "releases"):
        for row in tables[table]:
            row["film_id"] = "white-night"
    tables["titles"] = [{"film_id": "white-night", "title": "White Night"}]
    result = score(case, tables)
    assert result.count("credits").f1 == 1.0
    assert result.count("cast").f1 == 1.0 and result.count("awards").f1 == 1.0
    title_errors = {(e.kind, e.gold, e.predicted) for e in result.errors if e.field == "title"}
    assert title_errors == {("fn", "La Nuit blanche", "White Night"), ("fp", "La Nuit blanche", "White Night")}


def test_unmatched_predicted_film_rows_are_false_positives(case) -> None:
    tables = perfect_tables()
    tables["films"].append({"film_id": "autre", "doc_id": "doc", "title": "Un autre film"})
    tables["credits"].append({"film_id": "autre", "role": "director", "name": "Léa Marchand"})
    result = score(case, tables)
    assert result.count("credits", "director").fp == 1
    assert {e.film for e in result.errors if e.table == "credits"} == {"Un autre film"}


def test_case_quotes_and_spaces_are_equal_but_a_missing_accent_is_not(case) -> None:
    gold = GOLD.replace("character: Karim", "character: l’Imam")
    tables = perfect_tables()
    tables["cast"][0]["character"] = "  L'IMAM "
    tables["credits"][1]["name"] = "paul   DUFOUR"
    tables["credits"][0]["name"] = "Lea Marchand"
    result = score(case, tables, gold)
    assert result.count("cast").f1 == 1.0
    assert result.count("credits", "editor").f1 == 1.0
    director = result.count("credits", "director")
    assert (director.tp, director.fp, director.fn) == (0, 1, 1)
    [fn] = [e for e in result.errors if e.kind == "fn"]
    assert (fn.gold, fn.predicted) == ("Léa Marchand", "Lea Marchand")


def test_list_columns_are_scored_per_item(case) -> None:
    tables = perfect_tables()
    tables["films"][0]["countries"] = "FR;ML"
    result = score(case, tables)
    countries = result.count("films", "countries")
    assert (countries.tp, countries.fp, countries.fn) == (1, 1, 1)
    assert result.count("films", "genres").f1 == 1.0


def test_award_prizes_and_events_are_separate_fields(case) -> None:
    tables = perfect_tables()
    tables["awards"][0]["edition"] = "4"
    result = score(case, tables)
    assert result.count("awards", "prize").f1 == 1.0
    event = result.count("awards", "event")
    assert (event.tp, event.fp, event.fn) == (0, 1, 1)


def test_other_documents_are_ignored_and_unpredicted_gold_is_all_missed(case) -> None:
    tables = {"films": [{"film_id": "x", "doc_id": "not-in-gold", "title": "La Nuit blanche"}],
              "credits": [{"film_id": "x", "role": "director", "name": "Léa Marchand"}]}
    result = score(case, tables)
    assert result.doc_ids == ["doc"]
    assert (result.micro.tp, result.micro.fp, result.micro.fn) == (0, 0, GOLD_TUPLES)
    assert result.micro.recall == 0.0 and result.micro.f1 == 0.0


def test_per_document_counts_add_up(case) -> None:
    result = score(case, perfect_tables())
    assert result.count("all", "", "doc").tp == GOLD_TUPLES
    assert result.count("credits", "editor", "doc").tp == 2


def test_errors_pair_only_values_that_look_alike(case) -> None:
    tables = perfect_tables()
    tables["credits"][1]["name"] = "Paul Dufours"
    tables["credits"][2]["name"] = "Zoé Kim"
    result = score(case, tables)
    pairs = {(e.kind, e.gold, e.predicted) for e in result.errors}
    assert ("fn", "Paul Dufour", "Paul Dufours") in pairs and ("fp", "Paul Dufour", "Paul Dufours") in pairs
    assert ("fn", "Anne Roy", "") in pairs and ("fp", "", "Zoé Kim") in pairs
