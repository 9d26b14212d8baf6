"""The parent's whole share of the work: merge the workers' part files into the tables, in chunk order.

Chunks hold consecutive documents in doc_id order and each part file is
sorted, so merging is appending. Film and person ids are the one thing a
worker cannot settle alone (a title met in an earlier chunk takes the plain
id): the parent replays each chunk's id requests on the run's allocator, in
order, which gives the ids a single process would have given. A part whose
ids all stay is copied byte for byte; otherwise its rows are read back and
their id cell renamed.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pipeline.engines.tasks import ChunkResult
from pipeline.ids import IdAllocator, settle
from pipeline.io.write import TableSink, csv_writer
from pipeline.schema import TABLES

ENTITY_ID_COLUMNS = ("film_id", "person_id", "entity_id")


def _id_column(table: str) -> str:
    """The column where a table keeps the film or person id its rows belong to."""
    return next(c for c in ENTITY_ID_COLUMNS if c in TABLES[table])


class Merger:
    """Appends chunk results, handed over in chunk order, to the run's tables."""

    def __init__(self, sink: TableSink) -> None:
        self.sink = sink
        self.ids = IdAllocator()

    def add(self, result: ChunkResult) -> None:
        renamed = {} if result.settled else settle(self.ids, result.allocations)
        for table, part in result.parts.items():
            if renamed:
                self._renamed(table, Path(part), renamed, result.counts[table])
            else:
                self.sink.add_part(table, Path(part), result.counts[table])
            Path(part).unlink()
        for doc_id, path in result.texts.items():
            self.sink.add_text_file(doc_id, Path(path))

    def _renamed(self, table: str, part: Path, renamed: dict[str, str], count: int) -> None:
        """The part with its ids renamed: read back as cells and written again in the same dialect."""
        index = TABLES[table].index(_id_column(table))
        buffer = io.StringIO()
        writer = csv_writer(buffer)
        with open(part, encoding="utf-8", newline="") as handle:
            for cells in csv.reader(handle):
                cells[index] = renamed.get(cells[index], cells[index])
                writer.writerow(cells)
        self.sink.write(table, buffer.getvalue().encode("utf-8"), count)
