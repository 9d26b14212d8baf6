"""filmfiche: extract film facts from French encyclopedic text into CSV tables."""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """`pipeline.load_tables`, imported on first use so the extraction never loads pandas for it."""
    if name == "load_tables":
        from pipeline.loader import load_tables

        return load_tables
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
