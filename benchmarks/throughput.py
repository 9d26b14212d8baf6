"""Throughput of the extraction, measured against plain spaCy.

For each size, builds a corpus of that many MB (10^6 bytes) from copies of
the documents in raw/ (each copy a file with its own doc_id, in a temporary
folder), then times, --repeat times each, and reports the medians:

  (a) plain `nlp.pipe` of the model with all its default components, over
      the same texts; model loading not counted. spaCy reads a few thousand
      tokens a second, so by default (a) runs on the first --spacy-sample MB
      of the corpus and its time is extrapolated per MB (labelled so in the
      table); --spacy-full runs it over the whole corpus.
  (b) the full extraction, `python -m pipeline extract CORPUS --jobs 1`;
      wall time of the whole command (start-up and model loading included);
  (c) the same with --no-ner (rules only);
  and (b) and (c) again with --jobs 2.

CPU time is the child's user + system time, its workers' included; on a
shared machine it is steadier than wall time (the 1-minute load average
before and after is printed). Peak memory is the maximum resident set size
of the measured child process (os.wait4), for --jobs 2 the largest of the
parent and its workers. Linux counts a child's memory from before its exec
too, so this script loads nothing heavy itself: every measurement, spaCy
included, runs in a child. The copies have no gold, so micro F1 of (b) and
(c) comes from extracting raw/ itself and scoring it with `python -m
pipeline evaluate` against gold/. The share of raw/'s characters that NER
reads tells what (b) would cost on a corpus with no repeated sentences
(copies hit the tagger's cache); likewise the rules-only rate on distinct
articles seen for the first time, against the same articles seen again,
tells how much the rules' small caches gain from the copies (first_sight.py).

Prints a Markdown report (date, machine, table, targets) on stdout and
progress on stderr.

example:
  .venv/bin/python benchmarks/throughput.py --sizes 5 50
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE = Path(__file__).resolve().with_name("spacy_baseline.py")
NER_SHARE = Path(__file__).resolve().with_name("ner_share.py")
SINGLE_PASS = Path(__file__).resolve().with_name("single_pass.py")
FIRST_SIGHT = Path(__file__).resolve().with_name("first_sight.py")
CLUSTER = Path(__file__).resolve().with_name("cluster_scaling.py")
SMALL_RUNS = (1, 23)  # documents of raw/ in the start-up runs
SCALING_WORKERS = (1, 2, 4)
# Paper estimate for the French Wikipedia dump: stated assumptions, not measurements.
DUMP_FILM_PAGES = 28_000
DUMP_PAGE_CHARS = 12_000  # rendered text of an average film article (infobox rows, fiche, prose, cast, awards)
CORES_PER_MACHINE = 8
OUTPUT_PER_CHAR = 2.5  # bytes of tables per character of text (measured on raw/ by the hostile-input caps)
COPY_MB_PER_S = 200.0  # the parent appending part files from shared storage
CLUSTER_START_S = 10.0  # joining a running cluster, each worker importing the pipeline
MB = 1_000_000
# Children import the pipeline of this checkout, even where another one is installed.
CHILD_ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}


@dataclass
class Child:
    """One finished child process: wall time, CPU time (its workers' included), peak RSS and what it printed."""

    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    stdout: str


@dataclass
class Row:
    """The medians of one kind of run over one corpus."""

    run: str
    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    note: str = ""


@dataclass
class SizeResult:
    size_mb: float
    docs: int
    bytes: int
    rows: dict[str, Row] = field(default_factory=dict)


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def run_child(cmd: list[str], failed_ok: bool = False) -> Child:
    """Run a command to completion; its own peak RSS comes from wait4. `failed_ok`: exit status 1
    (`extract` when some documents failed) is a finished run too."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=err, env=CHILD_ENV)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode not in ((0, 1) if failed_ok else (0,)):
            tail = err.read().decode("utf-8", "replace")[-2000:]
            raise RuntimeError(f"{' '.join(cmd)} exited with {proc.returncode}:\n{tail}")
        return Child(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out.read().decode("utf-8"))


def build_corpus(raw: Path, size_bytes: int, folder: Path) -> tuple[int, int]:
    """Copies of raw/*.txt, round-robin, until `size_bytes`; returns (docs, bytes).

    Names start with the copy number so that name order interleaves the
    documents and any prefix of the corpus is a fair sample of it.
    """
    sources = [(p.stem, p.read_bytes()) for p in sorted(raw.glob("*.txt"))]
    if not sources:
        raise SystemExit(f"no *.txt documents in {raw}")
    folder.mkdir(parents=True)
    docs = total = copy = 0
    while total < size_bytes:
        for stem, data in sources:
            (folder / f"{copy:05d}-{stem}.txt").write_bytes(data)
            docs += 1
            total += len(data)
            if total >= size_bytes:
                break
        copy += 1
    return docs, total


def extract_cmd(corpus: Path, out: Path, *, ner: bool, jobs: int, model: str, engine: str = "local") -> list[str]:
    cmd = [sys.executable, "-m", "pipeline", "extract", str(corpus), "--out", str(out),
           "--jobs", str(jobs), "--quiet", "--model", model, "--engine", engine]
    return cmd + ([] if ner else ["--no-ner"])


def tables_of(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.csv"))}


def micro_f1(raw: Path, gold: Path, out: Path, *, ner: bool, model: str) -> float:
    """Extract raw/ and score it against gold/; the run-wide micro F1."""
    run_child(extract_cmd(raw, out, ner=ner, jobs=1, model=model))
    run_child([sys.executable, "-m", "pipeline", "evaluate", "--gold", str(gold), "--pred", str(out),
               "--raw", str(raw), "--no-report"])
    with (out / "scores.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["table"] == "all" and not row["field"] and not row["doc_id"]:
                return float(row["f1"])
    raise RuntimeError(f"no run-wide 'all' row in {out / 'scores.csv'}")


def ner_share(raw: Path, model: str) -> dict[str, int]:
    """Contexts and characters read by NER, award sentences and characters read by the
    parser, and characters in raw/, for one pass over raw/."""
    return json.loads(run_child([sys.executable, str(NER_SHARE), str(raw), "--model", model]).stdout)


def first_sight(raw: Path, repeat: int) -> str:
    """Rules-only rate on distinct articles seen for the first time and seen again (medians over `repeat` children)."""
    found = [json.loads(run_child([sys.executable, str(FIRST_SIGHT), str(raw)]).stdout) for _ in range(repeat)]
    mb = found[0]["bytes"] / MB
    first = statistics.median(f["first_seconds"] for f in found)
    again = statistics.median(f["again_seconds"] for f in found)
    return (f"Distinct articles, rules only, in one process (half of raw/ read first to compile patterns and fill caches; "
            f"{found[0]['documents']} other documents, {found[0]['bytes']:,} bytes): {mb / first:.2f} MB/s of CPU on first sight, "
            f"{mb / again:.2f} MB/s when seen again; the copied corpora flatter the rules by about {first / again - 1:+.0%}.")


def measure_size(args: argparse.Namespace, size_mb: float, work: Path) -> SizeResult:
    corpus = work / f"corpus-{size_mb:g}MB"
    docs, nbytes = build_corpus(args.raw, int(size_mb * MB), corpus)
    result = SizeResult(size_mb, docs, nbytes)
    log(f"{size_mb:g} MB corpus: {docs} documents, {nbytes} bytes")
    sample = None if args.spacy_full else int(args.spacy_sample * MB)
    runs = {
        "b1": extract_cmd(corpus, work / "out-b1", ner=True, jobs=1, model=args.model),
        "c1": extract_cmd(corpus, work / "out-c1", ner=False, jobs=1, model=args.model),
        "b2": extract_cmd(corpus, work / "out-b2", ner=True, jobs=2, model=args.model),
        "c2": extract_cmd(corpus, work / "out-c2", ner=False, jobs=2, model=args.model),
        "d2": extract_cmd(corpus, work / "out-d2", ner=True, jobs=2, model=args.model, engine="dask"),
    }
    times: dict[str, list[Child]] = {key: [] for key in ["a", *runs]}
    baseline: dict[str, float] = {}
    for rep in range(args.repeat):
        cmd = [sys.executable, str(BASELINE), str(corpus), "--model", args.model]
        child = run_child(cmd + ([] if sample is None else ["--limit-bytes", str(sample)]))
        info = json.loads(child.stdout)
        baseline = {"bytes": info["bytes"], "tokens": info["tokens"]}
        times["a"].append(Child(info["seconds"], info["cpu_seconds"], child.peak_rss_mb, ""))
        log(f"  repeat {rep + 1}: (a) {info['seconds']:.1f} s for {info['bytes'] / MB:.2f} MB, {info['tokens']} tokens")
        for key, cmd in runs.items():
            times[key].append(run_child(cmd))
            log(f"  repeat {rep + 1}: {key} {times[key][-1].seconds:.1f} s, {times[key][-1].peak_rss_mb:.0f} MB RSS")
    a_seconds = statistics.median(c.seconds for c in times["a"])
    scale = nbytes / baseline["bytes"]
    note = (f"nlp.pipe only; extrapolated from a {baseline['bytes'] / MB:.2f} MB sample "
            f"({baseline['tokens'] / a_seconds:,.0f} tokens/s)" if scale > 1.0001 else
            f"nlp.pipe only, whole corpus ({baseline['tokens'] / a_seconds:,.0f} tokens/s)")
    result.rows["a"] = Row("(a) spaCy `nlp.pipe`, all components", a_seconds * scale,
                           statistics.median(c.cpu_seconds for c in times["a"]) * scale,
                           statistics.median(c.peak_rss_mb for c in times["a"]), note)
    labels = {"b1": "(b) extract, --jobs 1", "c1": "(c) extract --no-ner, --jobs 1",
              "b2": "(b) extract, --jobs 2", "c2": "(c) extract --no-ner, --jobs 2",
              "d2": "(d) extract --engine dask, --jobs 2"}
    identical = tables_of(work / "out-d2") == tables_of(work / "out-b2")
    for key, label in labels.items():
        note = "peak of parent and workers" if key in ("b2", "c2") else ""
        if key == "d2":
            note = ("LocalCluster; CPU and RSS of the client process only; tables " +
                    ("byte-identical to (b) --jobs 2" if identical else "**differ** from (b) --jobs 2"))
        result.rows[key] = Row(label, statistics.median(c.seconds for c in times[key]),
                               statistics.median(c.cpu_seconds for c in times[key]),
                               statistics.median(c.peak_rss_mb for c in times[key]), note)
    floor = [json.loads(run_child([sys.executable, str(SINGLE_PASS), str(corpus)]).stdout)["seconds"] for _ in range(args.repeat)]
    result.rows["p"] = Row("(p) one Python pass: read, one line regex, split words", statistics.median(floor), statistics.median(floor), 0.0,
                           "the floor rules-only extraction is compared with")
    return result


def small_runs(args: argparse.Namespace, work: Path) -> list[str]:
    """Wall time and peak memory of 1- and 23-document runs against spaCy's own start-up on the same texts."""
    docs = sorted(args.raw.glob("*.txt"))
    lines = ["| documents | run | wall (s) | peak RSS (MB) | vs --no-ner |", "|---|---|---:|---:|---:|"]
    ratios = {}
    for count in SMALL_RUNS:
        folder = work / f"small-{count}"
        folder.mkdir(parents=True)
        for path in docs[:count]:
            (folder / path.name).write_bytes(path.read_bytes())
        kinds = {
            "extract (default options), --jobs 1": extract_cmd(folder, work / f"small-{count}-b", ner=True, jobs=1, model=args.model),
            "extract --no-ner, --jobs 1": extract_cmd(folder, work / f"small-{count}-c", ner=False, jobs=1, model=args.model),
            "spaCy start-up: `spacy.load` + `nlp.pipe`": [sys.executable, str(BASELINE), str(folder), "--model", args.model],
        }
        measured = {name: [run_child(cmd) for _ in range(args.repeat)] for name, cmd in kinds.items()}
        medians = {name: (statistics.median(c.seconds for c in runs), statistics.median(c.peak_rss_mb for c in runs))
                   for name, runs in measured.items()}
        no_ner = medians["extract --no-ner, --jobs 1"][0]
        for name, (seconds, rss) in medians.items():
            lines.append(f"| {count} | {name} | {seconds:.2f} | {rss:.0f} | {seconds / no_ner:.2f}× |")
        ratios[count] = (medians["extract (default options), --jobs 1"][0] / no_ner,
                         medians["spaCy start-up: `spacy.load` + `nlp.pipe`"][0] / medians["extract (default options), --jobs 1"][0])
        log(f"small run of {count} document(s): " + ", ".join(f"{s:.2f} s" for s, _ in medians.values()))
    lines.append("")
    for count, (default, spacy) in ratios.items():
        lines.append(f"- {count} document(s): default options {default:.2f}× the --no-ner run "
                     f"(target ≤ 1.3× when no document needs a model decision); spaCy start-up alone takes {spacy:.1f}× the default run")
    return lines


def scaling(args: argparse.Namespace, corpus: Path, work: Path) -> tuple[list[str], list[dict]]:
    """A LocalCluster of 1, 2, 4 workers over the same corpus, with Dask's per-task timings."""
    lines = ["| workers | wall (s) | speed-up | tasks | median task (s) | busiest worker (s) | compute, all tasks (s) | wall − busiest (s) |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    found = []
    for workers in SCALING_WORKERS:
        info = json.loads(run_child([sys.executable, str(CLUSTER), str(corpus), str(work / f"scaling-{workers}"),
                                     "--workers", str(workers)]).stdout)
        found.append(info)
        log(f"simulated cluster of {workers}: {info['wall']:.1f} s, {info['tasks']} tasks")
    base = found[0]["wall"]
    for info in found:
        lines.append(f"| {info['workers']} | {info['wall']:.1f} | {base / info['wall']:.2f}× | {info['tasks']} | "
                     f"{statistics.median(info['task_seconds']):.2f} | {info['busiest_worker']:.1f} | {info['compute_total']:.1f} | "
                     f"{info['wall'] - info['busiest_worker']:.1f} |")
    return lines, found


def paper_estimate(result: SizeResult, found: list[dict]) -> list[str]:
    """The French Wikipedia's film pages on N machines, from measured rates and stated assumptions."""
    cpu_per_char = result.rows["c1"].cpu_seconds / result.bytes
    one = found[0]
    overhead = one["wall"] - one["busiest_worker"]  # what does not shrink with more workers: start-up, merge
    chars = DUMP_FILM_PAGES * DUMP_PAGE_CHARS
    compute = chars * cpu_per_char
    merge = chars * OUTPUT_PER_CHAR / MB / COPY_MB_PER_S
    lines = [f"Assumptions: {DUMP_FILM_PAGES:,} film pages of {DUMP_PAGE_CHARS:,} characters of rendered text on average "
             f"({chars / MB:,.0f} M characters); {cpu_per_char * MB:.2f} s of CPU per million characters (rules only, "
             f"measured above at {result.size_mb:g} MB on one core); {CORES_PER_MACHINE} single-threaded workers per machine; "
             f"{OUTPUT_PER_CHAR} bytes of tables per character, appended at {COPY_MB_PER_S:g} MB/s from shared storage; "
             f"{CLUSTER_START_S:g} s to join the cluster and import the pipeline; the simulated cluster's fixed part "
             f"({overhead:.1f} s here) stands for the rest. Reading the dump itself (bz2, listing film pages) and loading "
             "the NER model (about 3.5 s per worker, in parallel) come on top.",
             "", "| machines | workers | compute per worker (s) | merge (s) | estimated wall (s) |", "|---:|---:|---:|---:|---:|"]
    for machines in (1, 2, 4, 8, 16):
        workers = machines * CORES_PER_MACHINE
        per_worker = compute / workers
        lines.append(f"| {machines} | {workers} | {per_worker:,.1f} | {merge:.1f} | "
                     f"{CLUSTER_START_S + overhead + per_worker + merge:,.1f} |")
    return lines


def package_version(name: str) -> str:
    try:
        return version(name.replace("_", "-"))
    except PackageNotFoundError:
        return "(not a package)"


def code_version() -> str:
    """The commit measured, and whether the work tree differed from it."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    return f"commit {commit}" + (" with uncommitted changes" if git("status", "--porcelain", "--untracked-files=no") else "")


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines() if line.startswith("model name")]
        cpu = names[0] if names else cpu
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30 if hasattr(os, "sysconf") else 0
    return (f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB RAM; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}, spaCy {version('spacy')}")


def table(results: list[SizeResult]) -> list[str]:
    lines = ["| corpus | run | time (s) | CPU (s) | MB/s | docs/s | speed vs (a) | peak RSS (MB) | note |",
             "|---|---|---:|---:|---:|---:|---:|---:|---|"]
    for res in results:
        a = res.rows["a"].seconds
        for key, row in res.rows.items():
            corpus = f"{res.bytes / MB:.1f} MB, {res.docs:,} docs" if key == "a" else ""
            lines.append(f"| {corpus} | {row.run} | {row.seconds:,.1f} | {row.cpu_seconds:,.1f} | {res.bytes / MB / row.seconds:.2f} | "
                         f"{res.docs / row.seconds:,.0f} | {a / row.seconds:.1f}× | {row.peak_rss_mb:,.0f} | {row.note} |")
    return lines


def targets(results: list[SizeResult], f1: dict[str, float]) -> list[str]:
    def mark(ok: bool) -> str:
        return "met" if ok else "**missed**"

    lines = []
    for res in results:
        r = res.rows
        speedup = r["a"].seconds / r["b1"].seconds
        mbps = res.bytes / MB / r["c1"].seconds
        jobs_b, jobs_c = r["b1"].seconds / r["b2"].seconds, r["c1"].seconds / r["c2"].seconds
        floor = r["c1"].seconds / r["p"].seconds
        dask = r["d2"].seconds / r["b2"].seconds - 1
        lines += [f"- {res.size_mb:g} MB: (b) {speedup:.1f}× faster than (a) (target ≥ 10×: {mark(speedup >= 10)}); "
                  f"(c) {mbps:.2f} MB/s on one core (target ≥ 5: {mark(mbps >= 5)}); "
                  f"(c) takes {floor:.1f}× the single Python pass (p) (target ≤ 6×: {mark(floor <= 6)}); "
                  f"--jobs 2 vs 1: (b) {jobs_b:.2f}×, (c) {jobs_c:.2f}× (target ≥ 1.8: {mark(min(jobs_b, jobs_c) >= 1.8)}); "
                  f"--engine dask vs local, --jobs 2: {dask:+.1%} (target within 15 %: {mark(dask <= 0.15)})"]
    if len(results) > 1:
        small, large = results[0].rows["b1"].peak_rss_mb, results[-1].rows["b1"].peak_rss_mb
        growth = large / small - 1
        lines.append(f"- peak RSS of (b), {results[0].size_mb:g} → {results[-1].size_mb:g} MB: {small:.0f} → {large:.0f} MB "
                     f"({growth:+.1%}; target within ±10 %: {mark(abs(growth) <= 0.10)})")
    lines.append(f"- micro F1 on raw/ against gold/: (b) {f1['b']:.4f}, (c) --no-ner {f1['c']:.4f} "
                 f"(NER adds {f1['b'] - f1['c']:+.4f})")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=float, nargs="+", default=[5, 50], help="corpus sizes in MB (default: 5 50)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the median is reported (default: 3)")
    parser.add_argument("--raw", type=Path, default=ROOT / "raw", help="documents to copy (default: raw/)")
    parser.add_argument("--gold", type=Path, default=ROOT / "gold", help="gold annotations of --raw (default: gold/)")
    parser.add_argument("--model", default="fr_core_news_sm", help="spaCy model for (a) and (b) (default: fr_core_news_sm)")
    parser.add_argument("--spacy-sample", type=float, default=1.0, metavar="MB",
                        help="run (a) on this many MB of each corpus and extrapolate per MB (default: 1)")
    parser.add_argument("--spacy-full", action="store_true", help="run (a) over the whole corpus (slow: hours at 50 MB)")
    parser.add_argument("--json", type=Path, help="also write the measurements to this JSON file")
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    started = datetime.now().astimezone()
    code = code_version()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="throughput-") as tmp:
        work = Path(tmp)
        log("micro F1 of (b) and (c) on raw/")
        f1 = {"b": micro_f1(args.raw, args.gold, work / "f1-b", ner=True, model=args.model),
              "c": micro_f1(args.raw, args.gold, work / "f1-c", ner=False, model=args.model)}
        share = ner_share(args.raw, args.model)
        log("distinct articles, first sight against seen again")
        sight = first_sight(args.raw, args.repeat)
        contexts, ner_chars, raw_chars = share["contexts"], share["ner_chars"], share["chars"]
        log("small runs against spaCy start-up")
        small = small_runs(args, work / "small")
        results = []
        for size in sorted(args.sizes):
            size_work = work / f"{size:g}"
            results.append(measure_size(args, size, size_work))
        log("simulated cluster")
        scale_lines, found = scaling(args, work / f"{sorted(args.sizes)[0]:g}" / f"corpus-{sorted(args.sizes)[0]:g}MB", work / "scaling")
        estimate = paper_estimate(results[-1], found)
    report = [
        f"Measured {started:%Y-%m-%d %H:%M %Z} on {machine()}; model {args.model} {package_version(args.model)}; "
        f"{code}; median of {args.repeat} run(s); load average {load_before:.2f} before, {os.getloadavg()[0]:.2f} after.",
        "",
        *table(results),
        "",
        f"NER reads {ner_chars:,} of raw/'s {raw_chars:,} characters ({ner_chars / raw_chars:.2%}) in {contexts} context(s); "
        "in the copied corpora the tagger's cache answers the repeats.",
        f"The parser reads {share['syntax_chars']:,} of raw/'s {raw_chars:,} characters "
        f"({share['syntax_chars'] / raw_chars:.2%}) in {share['sentences']} award sentence(s).",
        sight,
        "",
        *targets(results, f1),
        "",
        "Start-up (documents from raw/, in name order):",
        "",
        *small,
        "",
        f"Simulated cluster (LocalCluster on this machine, rules only, {results[0].size_mb:g} MB corpus; per-task timings from Dask):",
        "",
        *scale_lines,
        "",
        "Paper estimate, French Wikipedia film pages, rules only:",
        "",
        *estimate,
    ]
    print("\n".join(report))
    if args.json:
        args.json.write_text(json.dumps({"date": started.isoformat(), "machine": machine(), "f1": f1,
                                         "ner": {"contexts": contexts, "chars": ner_chars, "raw_chars": raw_chars},
                                         "parser": {"sentences": share["sentences"], "chars": share["syntax_chars"]},
                                         "sizes": [{"size_mb": r.size_mb, "docs": r.docs, "bytes": r.bytes,
                                                    "rows": {k: vars(v) for k, v in r.rows.items()}} for r in results]},
                                        indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
