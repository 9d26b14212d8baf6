"""Gold validation: good files load with the right types, bad ones name file, path, line and fault."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from evalcases import GOLD, write_gold

from pipeline.evaluate.gold import GoldError, load_gold, load_gold_folder

README = Path(__file__).resolve().parents[2] / "gold" / "README.md"


def load(tmp_path: Path, text: str, doc_id: str = "doc"):
    return load_gold(write_gold(tmp_path, doc_id, text), tmp_path)


def test_valid_file_loads_with_plain_values(tmp_path: Path) -> None:
    doc = load(tmp_path, GOLD)
    film = doc.films[0]
    assert doc.doc_id == "doc" and doc.sections[1] == {"kind": "film", "title": "La Nuit blanche"}
    assert film["year"] == 2001 and film["countries"] == ["FR", "SN"]
    assert film["credits"]["editor"] == ["Paul Dufour", "Anne Roy"]
    assert film["awards"][0]["prizes"][0]["recipients"] == []


def test_yaml_typing_is_taken_back_where_harmless(tmp_path: Path) -> None:
    text = GOLD.replace('"2001-05-02"', "2001-05-02").replace("year: 2001", 'year: "2001"')
    text = text.replace("countries: [FR, SN]", "countries: [NO, FR]").replace("title: White Night", "title: 1968")
    film = load(tmp_path, text).films[0]
    assert film["releases"][0]["date"] == "2001-05-02"
    assert film["year"] == 2001
    assert film["countries"] == ["NO", "FR"]
    assert film["titles"][1]["title"] == "1968"


def test_nested_doc_id_follows_the_sub_folder(tmp_path: Path) -> None:
    path = write_gold(tmp_path / "africa", "doc", GOLD.replace("doc_id: doc", "doc_id: africa/doc"))
    assert load_gold(path, tmp_path).doc_id == "africa/doc"


BAD_CASES = {
    "unknown key": (GOLD.replace("    year: 2001\n", "    year: 2001\n    directr: X\n"),
                    "films[0].directr", "unknown key 'directr'"),
    "unknown role": (GOLD.replace("director: [Léa", "realisateur: [Léa"),
                     "films[0].credits.realisateur", "unknown role 'realisateur'"),
    "unknown outcome": (GOLD.replace("outcome: won", "outcome: gagné"),
                        "films[0].awards[0].prizes[0].outcome", "unknown outcome 'gagné'"),
    "bad date shape": (GOLD.replace('"2001-05-02"', '"02/05/2001"'),
                       "films[0].releases[0].date", "bad date '02/05/2001'"),
    "impossible date": (GOLD.replace('"1970-01-09"', '"1970-02-30"'),
                        "people[0].birth_date", "bad date '1970-02-30'"),
    "bad country code": (GOLD.replace("countries: [FR, SN]", "countries: [FR, Sénégal]"),
                         "films[0].countries[1]", "bad country code 'Sénégal'"),
    "bad language code": (GOLD.replace("    genres:", "    languages: [fr]\n    genres:"),
                          "films[0].languages[0]", "bad language code 'fr'"),
    "film without title": (GOLD.replace("  - title: La Nuit blanche\n    original_title", "  - original_title"),
                           "films[0]", "missing title"),
    "empty title": (GOLD.replace("  - title: La Nuit blanche\n", "  - title:\n"), "films[0].title", "title is empty"),
    "duplicate credit": (GOLD.replace("[Paul Dufour, Anne Roy]", "[Paul Dufour, paul  dufour]"),
                         "films[0].credits.editor[1]", "duplicate editor credit"),
    "duplicate release": (GOLD.replace('      - {country_code: FR, date: "2001-05-02"}\n',
                                       '      - {country_code: FR, date: "2001-05-02"}\n' * 2),
                          "films[0].releases[1]", "duplicate release"),
    "duplicate key": (GOLD.replace("    year: 2001\n", "    year: 2001\n    year: 2002\n"),
                      "films[0].year", "given twice"),
    "doc_id not the file name": (GOLD.replace("doc_id: doc", "doc_id: other"),
                                 "doc_id", "does not match the file name (expected 'doc')"),
    "scalar where a list is due": (GOLD.replace("genres: [drame]", "genres: drame"),
                                   "films[0].genres", "expected a list"),
    "film without section": (GOLD.replace("  - {kind: film, title: La Nuit blanche}\n", ""),
                             "films[0].title", "'La Nuit blanche' has no film section"),
    "section without person": (GOLD.replace("{kind: person, title: Léa Marchand}", "{kind: person, title: Léa}"),
                               "sections[0]", "person section 'Léa' has no entry with that people[].name"),
    "unknown section kind": (GOLD.replace("kind: person", "kind: personne"),
                             "sections[0].kind", "unknown section kind 'personne'"),
}


@pytest.mark.parametrize("name", sorted(BAD_CASES))
def test_malformed_gold_gives_a_clear_error(tmp_path: Path, name: str) -> None:
    text, path, message = BAD_CASES[name]
    with pytest.raises(GoldError) as caught:
        load(tmp_path, text)
    lines = str(caught.value).splitlines()
    assert any(f": {path}: " in line and message in line for line in lines), lines
    assert all(re.match(rf"{re.escape(str(tmp_path / 'doc.yaml'))}:\d+: ", line) for line in lines), lines


def test_error_points_at_the_right_line(tmp_path: Path) -> None:
    text = GOLD.replace("director: [Léa", "realisateur: [Léa")
    expected_line = next(i for i, line in enumerate(text.lstrip().splitlines(), 1) if "realisateur" in line)
    with pytest.raises(GoldError, match=rf"doc\.yaml:{expected_line}: films\[0\]\.credits\.realisateur"):
        load(tmp_path, text)


def test_broken_yaml_names_file_and_line(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match=r"doc\.yaml:5: not valid YAML"):
        load(tmp_path, "doc_id: doc\nfilms:\n  - title: A\n    year: 1\n   bad: x\n")


def test_folder_reports_every_faulty_file(tmp_path: Path) -> None:
    write_gold(tmp_path, "a", GOLD.replace("doc_id: doc", "doc_id: a").replace("outcome: won", "outcome: x"))
    write_gold(tmp_path, "b", GOLD)
    with pytest.raises(GoldError) as caught:
        load_gold_folder(tmp_path)
    assert any("a.yaml" in p for p in caught.value.problems) and any("b.yaml" in p for p in caught.value.problems)


def test_readme_example_is_a_valid_gold_file(tmp_path: Path) -> None:
    example = re.search(r"```yaml\n(.*?)```", README.read_text(encoding="utf-8"), re.S).group(1)
    doc_id = re.search(r"^doc_id: (\S+)", example, re.M).group(1)
    doc = load(tmp_path, example, doc_id)
    assert doc.films and doc.people and doc.films[0]["awards"]
