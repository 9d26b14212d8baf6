"""Where a run's documents are processed: `local` (this machine's processes) or `dask` (a Dask cluster).

Both run the same worker code (`worker.run_chunk`) on the same tasks
(`tasks.Chunk`): a worker reads its documents, extracts them, builds their
rows and writes them as sorted part files; the parent only merges those files
(`merge.Merger`), so every engine gives the same bytes.
"""
