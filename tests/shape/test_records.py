"""The typed shape: records cover the contract's columns, kinds are closed sets, no import cycles."""

from __future__ import annotations

import ast
import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

import pipeline

from pipeline.extract.records import Award, Film
from pipeline.ids import IdAllocator
from pipeline.model import BlockKind, Document, Unit, UnitKind
from pipeline.schema import TABLES
from pipeline.tables import GIVEN_COLUMNS, RECORD_TYPES, csv_row
from pipeline.text.segment import BLOCK_RULES, _blocks, _rule, Context, segment
from tests.extract.helpers import NO_NER, extract

ARTICLE = (
    "Le Pont des sables est un film sénégalais réalisé par Awa Ndiaye, sorti en 2003.\n"
    "Synopsis\n"
    "Un passeur du fleuve aide les habitants à traverser chaque matin vers le marché de la ville.\n"
    "Fiche technique\n"
    "- Titre : Le Pont des sables\n"
    "- Réalisation : Awa Ndiaye\n"
    "- Pays d'origine : Sénégal\n"
    "- Durée : 90 minutes\n"
    "Distribution\n"
    "- Moussa Fall : le passeur\n"
    "Distinctions\n"
    "Festival de Ouagadougou 2005 : Prix de la meilleure interprétation masculine pour Moussa Fall\n"
)


@pytest.mark.parametrize("table", sorted(TABLES))
def test_each_table_reads_every_column_from_its_record(table: str) -> None:
    fields = {f.name for f in dataclasses.fields(RECORD_TYPES[table])}
    missing = [c for c in TABLES[table] if c not in fields and c not in GIVEN_COLUMNS]
    assert missing == []


def test_records_are_frozen() -> None:
    film = Film(title="Le Pont")
    with pytest.raises(dataclasses.FrozenInstanceError):
        film.title = "Autre"  # type: ignore[misc]


def test_award_recipient_span_stays_out_of_the_row() -> None:
    award = Award("Festival X", None, 2005, "Prix du jury", "Awa Ndiaye", "won", True, 10, 22, (30, 40))
    row = csv_row("awards", award, film_id="f")
    assert list(row) == list(TABLES["awards"])
    assert row["ex_aequo"] == "true" and row["edition"] == ""


def test_an_acting_prize_adds_its_winner_to_the_cast_not_to_the_award_row() -> None:
    tables = extract(ARTICLE)
    (award,) = tables["awards"]
    assert award["recipient"] == "Moussa Fall" and set(award) == set(TABLES["awards"])
    assert [(c["actor"], c["source"]) for c in tables["cast"]] == [("Moussa Fall", "distribution")]
    (film,) = tables["films"]
    assert (film["countries"], film["duration_min"], film["year"]) == ("SN", 90, 2003)


def test_sections_rows_write_kinds_as_plain_words() -> None:
    from pipeline.extract.document import extract_document
    from pipeline.tables import document_tables

    tables = document_tables(extract_document(Document("d", ARTICLE), NO_NER), IdAllocator())
    (section,) = tables["sections"]
    assert str(section["kind"]) == "film" and f"{section['kind']}" == "film"


def test_segmenting_leaves_the_classified_units_unchanged() -> None:
    text = "Fiche technique\nRéalisation : Awa Ndiaye\nRemarque : tourné en une semaine dans le delta du fleuve.\n"
    units = [Unit(0, 15, UnitKind.HEADING, BlockKind.SYNOPSIS),
             Unit(16, 39, UnitKind.PAIR)]
    before = list(units)
    blocks = _blocks(text, units, BlockKind.SYNOPSIS)
    assert units == before and units[1].kind is UnitKind.PAIR
    assert [(b.kind, [u.kind for u in b.units]) for b in blocks] == [
        (BlockKind.SYNOPSIS, [UnitKind.HEADING, UnitKind.PROSE])]


@pytest.mark.parametrize("mode", list(BlockKind))
@pytest.mark.parametrize("kind", list(UnitKind))
def test_every_line_kind_in_every_mode_has_a_rule(mode: BlockKind, kind: UnitKind) -> None:
    unit = Unit(0, 4, kind, BlockKind.OTHER if kind is UnitKind.HEADING else None)
    rule = _rule(Context("ligne", unit, None), mode)
    assert rule in BLOCK_RULES


def test_a_long_paragraph_ends_the_cast_list() -> None:
    text = (
        "Le Pont des sables est un film sénégalais sorti en 2003.\n"
        "Distribution\n"
        "- Moussa Fall : le passeur\n"
        "Le tournage a duré trois mois dans le delta du fleuve, où l'équipe a vécu avec les pêcheurs "
        "et leurs familles pendant toute la saison des pluies.\n"
    )
    (section,) = segment(Document("d", text))
    assert [b.kind for b in section.blocks] == ["intro", "distribution", "other"]


def _module_imports() -> dict[str, set[str]]:
    """pipeline module -> the pipeline modules it imports at module level (TYPE_CHECKING blocks included)."""
    root = Path(pipeline.__file__).parent
    graph: dict[str, set[str]] = {}
    for path in root.rglob("*.py"):
        name = ".".join(("pipeline", *path.relative_to(root).with_suffix("").parts)).removesuffix(".__init__")
        statements = list(ast.parse(path.read_text(encoding="utf-8")).body)
        statements += [s for node in statements if isinstance(node, ast.If) for s in node.body]
        found: set[str] = set()
        for node in statements:
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("pipeline"):
                found.add(node.module)
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names if a.name.startswith("pipeline"))
        graph[name] = found
    return graph


def test_no_import_cycles_in_the_package() -> None:
    graph = _module_imports()
    assert "pipeline.text.fields" in graph["pipeline.text.segment"]
    cycles = []

    def visit(module: str, path: list[str]) -> None:
        for imported in sorted(graph.get(module, ())):
            if imported in path:
                cycles.append(path[path.index(imported):] + [imported])
            elif imported not in done:
                visit(imported, path + [imported])
        done.add(module)

    done: set[str] = set()
    for module in sorted(graph):
        if module not in done:
            visit(module, [module])
    assert cycles == []


def test_model_imports_nothing_of_the_pipeline() -> None:
    shown = subprocess.run([sys.executable, "-c", "import pipeline.model, sys; "
                            "print(sorted(m for m in sys.modules if m.startswith('pipeline.')))"],
                           capture_output=True, text=True, check=True).stdout
    assert shown.strip() == "['pipeline.model']"
