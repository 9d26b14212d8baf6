"""A chunk whose worker died is split in halves, run again, down to the document that kills every worker."""

from __future__ import annotations

from pathlib import Path

from pipeline.engines.tasks import WORKER_DIED, Chunk, ChunkResult, Settings, split_down
from pipeline.io.read import Source


def test_a_dying_chunk_is_split_down_to_the_document_that_kills_its_worker() -> None:
    chunk = Chunk((3,), tuple(Source(Path(f"{n}.txt"), f"film-{n}") for n in range(4)))
    reruns = []

    def rerun(part: Chunk) -> ChunkResult | None:
        reruns.append(part.key)
        ids = [s.doc_id for s in part.sources]
        return None if "film-2" in ids else ChunkResult(part.key, [])

    results = list(split_down(chunk, None, rerun, Settings()))
    assert reruns == [(3, 0), (3, 1), (3, 1, 0), (3, 1, 1)]
    assert [r.key for r in results] == [(3, 0), (3, 1, 0), (3, 1, 1)]
    assert [p.message for p in results[1].documents[0].problems] == [WORKER_DIED]
    assert results[1].documents[0].doc_id == "film-2"


def test_a_chunk_with_a_result_is_not_run_again() -> None:
    chunk = Chunk((0,), (Source(Path("a.txt"), "a"),))
    done = ChunkResult((0,), [])
    assert list(split_down(chunk, done, lambda part: None, Settings())) == [done]
