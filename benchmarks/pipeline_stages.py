"""CPU milliseconds a notice spends in each step of the pipeline stage, in one process.

    .venv/bin/python benchmarks/pipeline_stages.py [--notices 400] [--seed 0] [--corpus DIR] [--pool]

The scale benchmark (``build_tools bench``) times the pipeline stage as a whole, in the pool, on a
machine others share; this prints where one notice's CPU time goes, serially, on the same
synthetic corpus (``benchmarks/corpus.py``): the one-off loading of vocabularies and patterns
(paid once by each worker), then per notice ingest, clean, extract (and within it the measure
tags), and the pool's own work per notice (storing the result, the summary sent back). The
measure triggers are also timed both ways on the same texts, scanned and tried only where
their leads are (``extract/lead_index.py``), with a check that both find the same matches.
``--pool`` also runs the whole stage over the corpus in the build's pool of two workers and says
where the workers' time went: on a core, ready but waiting for one (other work on the machine),
or idle (waiting for the building process). One JSON line; tests never assert on time.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.corpus import generate_corpus  # noqa: E402


def milliseconds(seconds: float, n: int) -> float:
    return round(seconds * 1000 / max(1, n), 2)


def step_times(paths: list[Path], source: Path) -> dict[str, float]:
    """CPU seconds of each step over ``paths`` (measure tags inside extract, timed apart)."""
    from build_tools import extract as extract_module
    from build_tools.clean import clean_notice
    from build_tools.ingest import read_notice

    seconds = {"ingest": 0.0, "clean": 0.0, "extract": 0.0, "measure tags": 0.0}
    original = extract_module.measure_tags

    def timed_tags(*args, **kwargs):
        started = time.process_time()
        try:
            return original(*args, **kwargs)
        finally:
            seconds["measure tags"] += time.process_time() - started

    extract_module.measure_tags = timed_tags
    try:
        for path in paths:
            started = time.process_time()
            raw = read_notice(path, source)
            read = time.process_time()
            document = clean_notice(raw)
            cleaned = time.process_time()
            extract_module.extract(document, raw.overrides, raw.page)
            done = time.process_time()
            seconds["ingest"] += read - started
            seconds["clean"] += cleaned - read
            seconds["extract"] += done - cleaned
    finally:
        extract_module.measure_tags = original
    return seconds


def trigger_times(bodies: list[str]) -> dict[str, float | bool]:
    """The measure triggers over each folded body: scanned, and tried only where they can begin."""
    from build_tools.extract.vocab import measures

    rules = measures()
    started = time.process_time()
    scanned = [[m.span() for rule in rules.rules if rule.may_match(b) for m in rule.finditer(b)] for b in bodies]
    middle = time.process_time()
    if not hasattr(rules, "leads"):  # code from before the lead index: scanned only
        return {"scanned": middle - started, "indexed": None, "same": None}
    indexed = []
    for body in bodies:
        starts = rules.leads.starts(body)
        indexed.append([m.span() for rule in rules.rules if rule.may_match(body) for m in rule.finditer(body, starts)])
    done = time.process_time()
    return {"scanned": middle - started, "indexed": done - middle, "same": scanned == indexed}


def pool_overhead(paths: list[Path], source: Path) -> float:
    """CPU seconds a worker spends per file beyond ``process_file``: the store's key and pickle, the head."""
    from build_tools import pipeline

    store = Path(tempfile.mkdtemp(prefix="stages-store-"))
    try:
        started = time.process_time()
        for path in paths:
            pipeline.process_file(path, source)
        alone = time.process_time() - started
        started = time.process_time()
        for path in paths:
            pipeline.process_to_head(path, source, store)
        return time.process_time() - started - alone
    finally:
        shutil.rmtree(store, ignore_errors=True)


def schedule_seconds(pid: int) -> tuple[float, float]:
    """(seconds on a core, seconds ready but waiting for one) of a process, from /proc/<pid>/schedstat."""
    try:
        with open(f"/proc/{pid}/schedstat", encoding="ascii") as handle:
            running, waiting = handle.read().split()[:2]
        return int(running) / 1e9, int(waiting) / 1e9
    except (OSError, ValueError):
        return 0.0, 0.0


def pool_run(corpus: Path, workers: int = 2) -> dict:
    """The pipeline stage in its process pool, as the build runs it: wall time, and for the workers
    together the time on a core, the time ready but waiting for a core (other work on the machine)
    and the rest: idle, waiting for work from the building process (its serial part)."""
    from build_tools import pipeline

    work = Path(tempfile.mkdtemp(prefix="stages-pool-"))
    try:
        with pipeline.worker_pool(workers) as pool:
            if pool is None:
                return {}
            pids = [pid for pid in pool._processes] if pool._processes else []  # the pool starts its workers lazily
            before = {pid: schedule_seconds(pid) for pid in pids}
            parent_cpu = time.process_time()
            started = time.perf_counter()
            result = pipeline.run_pipeline(corpus, registry_path=work / "permalinks.yml", cache_dir=work / "store",
                                           pool=pool)
            wall = time.perf_counter() - started
            parent_cpu = time.process_time() - parent_cpu
            pids = list(pool._processes)
            after = {pid: schedule_seconds(pid) for pid in pids}
        running = sum(after[p][0] - before.get(p, (0.0, 0.0))[0] for p in pids)
        waiting = sum(after[p][1] - before.get(p, (0.0, 0.0))[1] for p in pids)
        return {"pool_notices": len(result.notices), "pool_wall_seconds": round(wall, 2),
                "pool_workers_cpu_seconds": round(running, 2),
                "pool_workers_waiting_for_a_core_seconds": round(waiting, 2),
                "pool_workers_idle_seconds": round(max(0.0, len(pids) * wall - running - waiting), 2),
                "pool_parent_cpu_seconds": round(parent_cpu, 2),
                "pool_cores_busy": round(running / wall, 2) if wall else None}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(n: int, seed: int, corpus: Path | None, pool: bool = False) -> dict:
    temporary = None
    if corpus is None:
        temporary = corpus = Path(tempfile.mkdtemp(prefix="stages-corpus-"))
        generate_corpus(n, corpus, seed)
    try:
        paths = sorted(p for p in corpus.iterdir() if p.suffix in (".txt", ".md"))[:n]
        from build_tools import pipeline
        from build_tools.clean import clean_notice
        from build_tools.ingest import read_notice
        from build_tools.vietnamese.fold import fold

        started = time.process_time()
        pipeline.process_file(paths[0], corpus)  # loads every vocabulary and compiles every pattern
        warm_up = time.process_time() - started
        seconds = step_times(paths, corpus)
        bodies = [fold(clean_notice(read_notice(p, corpus)).body_text) for p in paths]
        triggers = trigger_times(bodies)
        overhead = pool_overhead(paths[: max(1, len(paths) // 4)], corpus)
        count = len(paths)
        total = sum(v for k, v in seconds.items() if k != "measure tags")
        return {"stage": "pipeline steps", "n": count, "warm_up_cpu_seconds": round(warm_up, 2),
                **{f"{k.replace(' ', '_')}_cpu_ms": milliseconds(v, count) for k, v in seconds.items()},
                "process_file_cpu_ms": milliseconds(total, count),
                "pool_overhead_cpu_ms": milliseconds(overhead, max(1, len(paths) // 4)),
                "triggers_scanned_cpu_ms": milliseconds(triggers["scanned"], count),
                "triggers_indexed_cpu_ms": (milliseconds(triggers["indexed"], count)
                                            if triggers["indexed"] is not None else None),
                "triggers_same_matches": triggers["same"],
                **(pool_run(corpus) if pool else {})}
    finally:
        if temporary:
            shutil.rmtree(temporary, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--notices", type=int, default=400)
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (benchmarks/corpus.py)")
    parser.add_argument("--corpus", type=Path, default=None, help="a corpus already written (else one is generated)")
    parser.add_argument("--pool", action="store_true",
                        help="also run the whole pipeline stage in its pool of 2 workers over the corpus")
    args = parser.parse_args()
    print(json.dumps(run(args.notices, args.seed, args.corpus, args.pool)))


if __name__ == "__main__":
    main()
