"""Read a raw document the way the contract defines offsets (BOM removed, newlines normalised)."""

from __future__ import annotations

from pathlib import Path

from charset_normalizer import from_bytes


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else the encoding charset-normalizer finds most likely."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        text = str(best) if best is not None else data.decode("latin-1")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_document(raw_folder: Path, doc_id: str) -> str | None:
    """Decoded text of `<raw_folder>/<doc_id>.txt`, or None when the file is absent."""
    path = Path(raw_folder) / f"{doc_id}.txt"
    return decode(path.read_bytes()) if path.is_file() else None
