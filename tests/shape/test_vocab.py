"""Vocabulary files: every one is checked when loaded, a bad line names its file and line,
and an overlay folder adds or replaces entries without touching the package."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from pipeline import vocab
from pipeline.extract.fiche import FILM_READERS
from pipeline.vocab import SPECS, JsonSpec, TableSpec, VocabError
from tests.batch.cases import cli, read_tables

DATA = resources.files("pipeline").joinpath("data")


def _load(name: str, text: str) -> object:
    spec = SPECS[name]
    if isinstance(spec, TableSpec):
        return vocab._lines(name, text, spec)
    assert isinstance(spec, JsonSpec)
    return vocab._json_one(name, text, spec)


def test_every_data_file_has_a_shape_and_loads() -> None:
    files = sorted(p.name for p in DATA.iterdir() if p.is_file() and not p.name.startswith("__"))
    assert files == sorted(SPECS)
    vocab.check_all()
    for name in files:
        assert _load(name, DATA.joinpath(name).read_text(encoding="utf-8"))


def test_every_film_target_has_a_reader() -> None:
    assert set(FILM_READERS) == vocab.FILM_TARGETS


LABELS_HEAD = "# comment\nlabel\ttarget\tnote\n"


@pytest.mark.parametrize(("name", "text", "line", "words"), [
    ("labels.tsv", LABELS_HEAD + "bande originale\tfilm:soundtrack\n", 3, "unknown films column 'soundtrack'"),
    ("labels.tsv", LABELS_HEAD + "bande originale\tmusic:composer\n", 3, "unknown target 'music:composer'"),
    ("labels.tsv", LABELS_HEAD + "musique\trole:songwriter\n", 3, "unknown credits role 'songwriter'"),
    ("labels.tsv", LABELS_HEAD + "titre\ttitle:arabe\n", 3, "not an ISO 639-3 code"),
    ("labels.tsv", LABELS_HEAD + "sortie\trelease:FR\n", 3, "takes no name"),
    ("labels.tsv", LABELS_HEAD + "musique\trole:composer\n\nMusique\trole:composer\n", 5, "already given on line 3"),
    ("labels.tsv", LABELS_HEAD + "musique\n", 3, "no target"),
    ("labels.tsv", LABELS_HEAD + "musique\trole:composer\tnote\textra\n", 3, "4 columns, at most 3"),
    ("labels.tsv", "étiquette\tcible\n", 1, "header"),
    ("furniture.txt", "# regexes\naller au contenu\nretour (en haut\n", 3, "bad regular expression"),
    ("genres.txt", "drame\ncomédie\ndrame\n", 3, "already given on line 1"),
    ("html_furniture.txt", "# CSS selectors\n.navbox\ndiv[[\n", 3, "bad CSS selector"),
    ("genres.txt", "Drame\n", 1, "lower case"),
    ("countries_fr.tsv", "MA\tMaroc\nma\tMaroc du Nord\n", 2, "ISO 3166-1"),
    ("countries_fr.tsv", "MU\tMaurice\tmaybe\n", 1, "unknown flag 'maybe'"),
    ("currencies.tsv", "dirham\tMAD\ndirham\tAED\n", 2, "already given on line 1"),
    ("film_formats.tsv", "colour\tcouleur\tcouleur\n", 1, "unknown format kind 'colour'"),
    ("awards.json", '{\n "_doc": "x",\n "event_words": ["festival"]\n}\n', 3, "unknown key 'event_words'"),
    ("awards.json", '{\n "prize_words": [\n  "prix",\n  "trophée",\n  "Prix"\n ]\n}\n', 5, "given twice"),
    ("awards.json", '{\n "outcome_verbs": {"won": ["remporte"]},\n "outcome_verbs": {"lost": []}\n}\n', 3, "given twice"),
    ("awards.json", '{\n "heading_outcomes": {\n  "nominations": "nominated",\n  "défaites": "lost"\n }\n}\n', 4, "unknown outcome 'lost'"),
    ("award_verbs.tsv", "remporter\twon\tremporte\nperdre\tlost\tperd\n", 2, "unknown outcome 'lost'"),
    ("award_verbs.tsv", "remporter\twon\n", 1, "no forms"),
    ("award_verbs.tsv", "remporter\twon\tremporte\nremporter\twon\tremporté\n", 2, "already given on line 1"),
    ("award_events.tsv", "festival\thead\nfestival\ttown\n", 2, "unknown kind 'town'"),
    ("award_events.tsv", "césars\tceremony\n", 1, "names its prize"),
    ("award_events.tsv", "berlinale\tname\tOurs\n", 1, "names its prize"),
    ("awards.json", '{\n "prize_words": "prix"\n}\n', 2, "a list of strings expected"),
    ("awards.json", '{\n "prize_words": ["prix",]\n}\n', 2, "not JSON"),
    ("headings.json", '{\n "synopsis": ["résumé"],\n "soundtrack": ["bande originale"]\n}\n', 3, "unknown block kind 'soundtrack'"),
    ("months.json", '{\n "1": ["janvier"],\n "13": ["brumaire"]\n}\n', 3, "month number 1-12"),
    ("months.json", '{\n "5": ["mi-mai"],\n "6": [\n  "juin",\n  "mi mai"\n ]\n}\n', 5, "'mi mai' names months 5 and 6"),
    ("months.json", '{\n "2": ["fév’"],\n "3": ["fév\'"]\n}\n', 3, "names months 2 and 3"),
])
def test_a_bad_line_fails_naming_file_and_line(name: str, text: str, line: int, words: str) -> None:
    with pytest.raises(VocabError) as failure:
        _load(name, text)
    assert str(failure.value).startswith(f"{name}, line {line}: ")
    assert words in str(failure.value)


def test_good_lines_load() -> None:
    loaded = _load("labels.tsv", LABELS_HEAD + "bande originale\trole:composer\ntitre arabe\ttitle:ara\n")
    assert [line.cells for line in loaded] == [("bande originale", "role:composer"), ("titre arabe", "title:ara")]


def test_a_heading_may_name_one_block_kind_only(tmp_path: Path) -> None:
    (tmp_path / "headings.json").write_text('{"synopsis": ["Distribution"]}', encoding="utf-8")
    result = _cli_with(tmp_path, tmp_path / "out", "--vocab", str(tmp_path))
    assert result.returncode == 2
    assert "'distribution'" in result.stderr and "'synopsis'" in result.stderr


def test_the_package_names_every_month() -> None:
    assert sorted(map(int, vocab.json_data("months.json"))) == list(range(1, 13))


def test_an_overlay_month_form_may_not_name_a_package_month_twice(tmp_path: Path) -> None:
    (tmp_path / "months.json").write_text('{"9": ["Aout"]}', encoding="utf-8")
    result = _cli_with(tmp_path, tmp_path / "out", "--vocab", str(tmp_path))
    assert result.returncode == 2
    assert "'Aout' names months 8 and 9" in result.stderr


def test_an_overlay_folder_must_hold_known_vocabularies_only(tmp_path: Path) -> None:
    (tmp_path / "labels.csv").write_text("x", encoding="utf-8")
    with pytest.raises(VocabError, match="no vocabulary of that name"):
        vocab.use_overlay(tmp_path)
    assert vocab.overlay() is None


ARTICLE = (
    "Le Fleuve est un film malien réalisé par Awa Traoré, sorti en 1990.\n"
    "Fiche technique\n"
    "- Réalisation : Awa Traoré\n"
    "- Bande originale : Salif Keïta\n"
    "- Pays d'origine : Mali\n"
    "Bande dessinée\n"
    "- Moussa Diallo : le pêcheur\n"
)


def _cli_with(folder: Path, out: Path, *options: str):
    inputs = folder / "in"
    inputs.mkdir(exist_ok=True)
    (inputs / "fleuve.txt").write_text(ARTICLE, encoding="utf-8")
    return cli(str(inputs), "--out", str(out), "--no-ner", "--jobs", "2", "--quiet", *options)


def test_an_overlay_adds_labels_and_headings_without_touching_the_package(tmp_path: Path) -> None:
    package = {name: DATA.joinpath(name).read_bytes() for name in SPECS}
    plain = _cli_with(tmp_path, tmp_path / "plain")
    assert plain.returncode == 0, plain.stderr
    overlay = tmp_path / "vocab"
    overlay.mkdir()
    (overlay / "labels.tsv").write_text("label\ttarget\tnote\nbande originale\trole:composer\n", encoding="utf-8")
    (overlay / "headings.json").write_text('{"distribution": ["bande dessinée"]}\n', encoding="utf-8")
    (overlay / "genres.txt").write_text("# added\nwestern spaghetti\n", encoding="utf-8")
    added = _cli_with(tmp_path, tmp_path / "added", "--vocab", str(overlay))
    assert added.returncode == 0, added.stderr
    before, after = read_tables(tmp_path / "plain"), read_tables(tmp_path / "added")
    credits = lambda tables: {(r["role"], r["name"]) for r in tables["credits"]}  # noqa: E731
    assert ("composer", "Salif Keïta") in credits(after) - credits(before)
    assert [(r["actor"], r["character"]) for r in after["cast"]] == [("Moussa Diallo", "le pêcheur")]
    assert not before["cast"]
    assert {name: DATA.joinpath(name).read_bytes() for name in SPECS} == package


def test_an_overlay_entry_replaces_the_package_entry_of_the_same_key(tmp_path: Path) -> None:
    overlay = tmp_path / "vocab"
    overlay.mkdir()
    (overlay / "labels.tsv").write_text("label\ttarget\nréalisation\trole:producer\n", encoding="utf-8")
    result = _cli_with(tmp_path, tmp_path / "out", "--vocab", str(overlay))
    assert result.returncode == 0, result.stderr
    fiche_credits = {(r["role"], r["name"]) for r in read_tables(tmp_path / "out")["credits"] if r["label"] == "Réalisation"}
    assert fiche_credits == {("producer", "Awa Traoré")}


def test_a_bad_overlay_is_a_usage_error_naming_its_line(tmp_path: Path) -> None:
    overlay = tmp_path / "vocab"
    overlay.mkdir()
    (overlay / "labels.tsv").write_text("label\ttarget\nbande originale\tfilm:soundtrack\n", encoding="utf-8")
    result = _cli_with(tmp_path, tmp_path / "out", "--vocab", str(overlay))
    assert result.returncode == 2
    assert f"{overlay / 'labels.tsv'}, line 2: unknown films column 'soundtrack'" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_column_description_must_name_a_column_a_run_writes() -> None:
    head = "table\tcolumn\tdescription\n"
    assert _load("columns.tsv", head + "films\ttitle\tLe titre.\n*\tfilm_id\tL'identifiant.\n")
    with pytest.raises(VocabError, match=r"columns.tsv, line 2: unknown column films\.titre"):
        _load("columns.tsv", head + "films\ttitre\tLe titre.\n")
    with pytest.raises(VocabError, match=r"line 3: unknown column \*\.budget_total"):
        _load("columns.tsv", head + "films\ttitle\tLe titre.\n*\tbudget_total\tLe budget.\n")
