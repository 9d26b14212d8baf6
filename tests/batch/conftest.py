"""Fixtures for the batch tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from .cases import ARTICLE, doc_rows, extract, read_tables, write


@pytest.fixture(scope="session")
def article_alone(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, str]]]:
    """The rows the article gives when it is the only document of a run, under doc_id `article`."""
    base = tmp_path_factory.mktemp("alone")
    write(base / "in", "article.txt", ARTICLE)
    extract([base / "in"], base / "out")
    return doc_rows(read_tables(base / "out"), "article")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An input folder holding the article as `article.txt`."""
    write(tmp_path / "in", "article.txt", ARTICLE)
    return tmp_path / "in"
