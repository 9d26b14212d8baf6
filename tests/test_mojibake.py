"""Mojibake (UTF-8 once read as a single-byte encoding) is undone at read time, with a warning and texts/."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from pipeline.io.mojibake import repair_mojibake
from pipeline.run import Settings, run

ARTICLE = """\
Le Chemin des dunes est un film dramatique algérien réalisé par Cécile Martin et sorti en 1998.

Fiche technique
- Réalisation : Cécile Martin
- Scénario : Aïcha Benali et Noël Dufresne
- Musique : Hélène Côté
- Durée : 97 minutes

Distribution
- Aïcha Benali : Zoé
"""


def _damaged(text: str, codec: str) -> str:
    """The text as a mirror shows it after reading its UTF-8 bytes as `codec`."""
    return text.encode("utf-8").decode(codec, errors="strict")


@pytest.mark.parametrize("codec, named", [("cp1250", "windows-1250"), ("cp1252", "latin-1")])
def test_a_damaged_article_is_repaired_whole(codec: str, named: str) -> None:
    damaged = _damaged(ARTICLE, codec)
    assert "Réalisation" not in damaged
    repaired, notes = repair_mojibake(damaged)
    assert repaired == ARTICLE
    assert len(notes) == 1 and f"mojibake repaired with ftfy (UTF-8 read as {named})" in notes[0]


def test_only_damaged_lines_change_even_short_ones() -> None:
    lines = ARTICLE.split("\n")
    mixed = "\n".join(_damaged(line, "cp1250") if "Réalisation" in line or "Aïcha Benali :" in line else line
                      for line in lines)
    assert "AĂŻcha Benali : ZoĂ©" in mixed and "Scénario : Aïcha" in mixed
    repaired, notes = repair_mojibake(mixed)
    assert repaired == ARTICLE
    assert "on 2 lines" in notes[0]


@pytest.mark.parametrize("text", [
    ARTICLE,
    "Âge tendre est un film français. « C’est l’été », dit-elle — à Québec.\n",
    "Ăsta e un film românesc: Bucureşti, Ştefan Ţepeş.\n",
    "SÃO PAULO, SOCIEDADE ANÔNIMA est un film brésilien de Luiz Sergio Person.\n",
    "Réalisation : J.-P. Dupont &amp; Fils\n",
])
def test_sound_text_is_left_alone(text: str) -> None:
    assert repair_mojibake(text) == (text, ())


def test_a_run_reads_the_repaired_text_and_keeps_it_in_texts(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "dunes.txt").write_text(_damaged(ARTICLE, "cp1250"), encoding="utf-8")
    (tmp_path / "in" / "propre.txt").write_text(ARTICLE.replace("Chemin des dunes", "Puits"), encoding="utf-8")
    out = tmp_path / "out"
    run([tmp_path / "in"], out, settings=Settings(model=None), quiet=True)
    with (out / "credits.csv").open(encoding="utf-8") as handle:
        credits = [row for row in csv.DictReader(handle) if row["film_id"].startswith("le-chemin")]
    assert ("director", "Cécile Martin", "Réalisation") in {(r["role"], r["name"], r["label"]) for r in credits}
    text = (out / "texts" / "dunes.txt").read_text(encoding="utf-8")
    assert text == ARTICLE
    for row in credits:
        assert text[int(row["start"]):int(row["end"])] == row["name"]
    assert not (out / "texts" / "propre.txt").exists()
    with (out / "problems.csv").open(encoding="utf-8") as handle:
        problems = [(r["doc_id"], r["severity"], r["stage"], r["message"]) for r in csv.DictReader(handle)]
    assert [p for p in problems if "mojibake" in p[3]] == [
        ("dunes", "warning", "read", "mojibake repaired with ftfy (UTF-8 read as windows-1250) on 6 lines; "
                                     "offsets index the text in texts/")]
