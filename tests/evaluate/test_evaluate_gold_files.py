"""Every gold file of the project validates, whoever wrote it."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluate.gold import gold_paths, load_gold

GOLD_DIR = Path(__file__).resolve().parents[2] / "gold"
RAW_DIR = GOLD_DIR.parent / "raw"


@pytest.mark.parametrize("path", gold_paths(GOLD_DIR), ids=lambda p: p.name)
def test_gold_file_loads(path: Path) -> None:
    doc = load_gold(path, GOLD_DIR)
    assert (RAW_DIR / f"{doc.doc_id}.txt").is_file(), f"{path}: no raw document {doc.doc_id}.txt"
    assert doc.sections, f"{path}: no section annotated"
