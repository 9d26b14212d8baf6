"""Read a raw document the way the contract defines offsets (BOM removed, newlines normalised).

A document rendered from markup or repaired has the text its offsets index in
the run's `texts/` folder; that copy is read as it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pipeline.io.read import InputError
from pipeline.io.read import decode as read_text
from pipeline.io.write import TEXTS, text_name


def decode(data: bytes) -> str | None:
    """The text exactly as `extract` decoded it (same encoding choice, so the offsets
    land on the same characters); None for bytes `extract` refused as not text."""
    try:
        return read_text(data).text
    except InputError:
        return None


def read_document(raw_folder: Path, doc_id: str, pred_folder: Path | None = None) -> str | None:
    """The text `doc_id`'s offsets index: `<pred_folder>/texts/<doc_id>.txt` when the run wrote one,
    else the decoded `<raw_folder>/<doc_id>.txt`; None when neither exists."""
    if pred_folder is not None:
        written = Path(pred_folder) / TEXTS / text_name(doc_id)
        if written.is_file():
            return written.read_bytes().decode("utf-8")
    path = Path(raw_folder) / f"{doc_id}.txt"
    return decode(path.read_bytes()) if path.is_file() else None


def read_documents(raw_folder: Path, doc_ids: Iterable[str], pred_folder: Path | None = None) -> dict[str, str | None]:
    """The text of each document, None for those not found."""
    return {doc_id: read_document(raw_folder, doc_id, pred_folder) for doc_id in doc_ids}
