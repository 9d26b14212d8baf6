"""A simulated cluster: a LocalCluster of W single-threaded worker processes runs
`extract --engine dask` over a corpus; prints one JSON line with the wall time and
the per-task timings Dask recorded (compute time of each chunk, which worker ran it).

Run as a child of throughput.py: `cluster_scaling.py CORPUS OUT --workers W`.
"""

from __future__ import annotations

import argparse
import json
import logging
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    from distributed import Client, LocalCluster

    from pipeline.run import Settings, run

    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        client.get_task_stream()  # starts recording
        started = time.time()
        summary = run([str(args.corpus)], args.out, jobs=args.workers, settings=Settings(model=None), quiet=True,
                      engine="dask", scheduler=cluster.scheduler_address)
        wall = time.time() - started
        tasks = [t for t in client.get_task_stream(start=started) if "filmfiche-" in str(t["key"])]
    computes = []
    busy: dict[str, float] = {}
    for task in tasks:
        seconds = sum(s["stop"] - s["start"] for s in task["startstops"] if s["action"] == "compute")
        computes.append(seconds)
        busy[task["worker"]] = busy.get(task["worker"], 0.0) + seconds
    print(json.dumps({"workers": args.workers, "documents": summary.documents, "wall": wall, "tasks": len(computes),
                      "task_seconds": computes, "busiest_worker": max(busy.values(), default=0.0),
                      "compute_total": sum(computes)}))


if __name__ == "__main__":
    main()
