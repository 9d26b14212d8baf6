"""Fixtures for the evaluator tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from evalcases import GOLD, write_gold, write_tables


@pytest.fixture
def case(tmp_path: Path) -> Callable[..., tuple[Path, Path]]:
    """case(tables, gold=GOLD) -> (gold folder, prediction folder)."""

    def make(tables: dict[str, list[dict[str, str]]], gold: str = GOLD, doc_id: str = "doc") -> tuple[Path, Path]:
        gold_dir = tmp_path / "gold"
        write_gold(gold_dir, doc_id, gold)
        return gold_dir, write_tables(tmp_path / "pred", tables)

    return make
