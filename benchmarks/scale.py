"""Scale benchmark: the synthetic corpus of ``benchmarks/corpus.py`` built at N notices, figures as JSON lines.

    .venv/bin/python benchmarks/scale.py --notices 2000 --notices 20000
    .venv/bin/python -m build_tools bench --notices 2000            # the same, through the CLI

One JSON object per line: one per build stage (each build in a fresh process, its memory
sampled as PSS), then rebuild, sizes, the offline zip, the plain Material comparison, the
targets and the growth between sizes. benchmarks/RESULTS.md keeps a run; tests never assert on time.
"""
from __future__ import annotations

import argparse
import contextlib
import functools
import json
import multiprocessing
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterator



ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: benchmarks/scale.py
    sys.path.insert(0, str(ROOT))

from benchmarks.corpus import add_notice, change_notice, generate_corpus  # noqa: E402

# --- measuring ------------------------------------------------------------------------------------

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
MB = 1024 * 1024


def memory_bytes(pid: int) -> int:
    """Memory of one process, its shared pages divided among the processes sharing them (PSS).

    Pool workers share pages with the process they were forked from; adding up their RSS
    would count those pages once per process. PSS adds up to what the machine really uses.
    Falls back to RSS where the kernel has no ``smaps_rollup``.
    """
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as handle:
            return int(handle.read().split()[1]) * PAGE_SIZE
    except (OSError, IndexError, ValueError):
        return 0  # the process ended between listing and reading


def descendants(root: int) -> list[int]:
    """Every live process below ``root``: the pipeline's pool workers, a mkdocs subprocess."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="utf-8", errors="replace") as handle:
                parent = int(handle.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        kids = children.get(todo.pop(), [])
        found.extend(kids)
        todo.extend(kids)
    return found


class MemorySampler:
    """Peak memory (PSS) of this process plus its children, per stage, read from /proc by a thread.

    ``getrusage`` only gives a high-water mark for the whole life of the process and the
    largest single child, so it cannot tell which stage needed the memory.
    """

    def __init__(self, interval: float = 0.2) -> None:
        self.interval = interval
        self.stage = "idle"
        self.peaks: dict[str, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)

    def __enter__(self) -> "MemorySampler":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def sample(self) -> None:
        pid = os.getpid()
        total = sum(memory_bytes(p) for p in [pid, *descendants(pid)])
        stage = self.stage
        self.peaks[stage] = max(self.peaks.get(stage, 0), total)

    @contextlib.contextmanager
    def during(self, stage: str) -> Iterator[None]:
        previous, self.stage = self.stage, stage
        self.sample()
        try:
            yield
        finally:
            self.sample()
            self.stage = previous

    def peak_mb(self, *stages: str) -> float:
        return round(max((self.peaks.get(s, 0) for s in stages), default=0) / MB, 1)


def cpu_seconds() -> float:
    """CPU time of this process and all its children, finished or still running (the build's worker
    pool lives through several stages): on a shared machine wall time alone misleads."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system + sum(
        live_cpu_seconds(pid) for pid in descendants(os.getpid()))


def live_cpu_seconds(pid: int) -> float:
    """User and system time of a running process so far (/proc/<pid>/stat), 0 if it has ended."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8", errors="replace") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def load_average() -> float | None:
    """Other work on the machine slows every stage: the 1-minute load is kept beside the figures."""
    try:
        return float(Path("/proc/loadavg").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def maxrss_mb() -> dict[str, float]:
    """The kernel's high-water marks (KB on Linux): this process, and its largest finished child."""
    return {"maxrss_self_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "maxrss_children_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)}


# build_site's helpers, by the stage they belong to. build_site calls them through the module's
# globals, so wrapping the module attributes times them without touching site.py.
STAGE_FUNCTIONS = {
    "run_pipeline": "pipeline",
    "records_for": "records+indexes",
    "write_index_pages": "records+indexes",
    "write_notices": "notice pages+search",  # pages, downloads and search entries, in the process pool
    "run_mkdocs": "mkdocs",
    "write_dataset": "data export",
    "write_feed": "data export",
}
BUILD_STAGES = ("pipeline", "records+indexes", "notice pages+search", "mkdocs", "data export")


@contextlib.contextmanager
def timed_stages(module: Any, sampler: MemorySampler) -> Iterator[dict[str, float]]:
    """Seconds spent in each stage of one ``build_site`` call (and the peak RSS, via ``sampler``)."""
    seconds: dict[str, float] = {}
    originals = {name: getattr(module, name) for name in STAGE_FUNCTIONS}

    def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        stage = STAGE_FUNCTIONS[name]

        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started, cpu = time.perf_counter(), cpu_seconds()
            with sampler.during(stage):
                try:
                    return function(*args, **kwargs)
                finally:
                    seconds[stage] = seconds.get(stage, 0.0) + time.perf_counter() - started
                    seconds[stage + " cpu"] = seconds.get(stage + " cpu", 0.0) + cpu_seconds() - cpu
        return wrapper

    for name, function in originals.items():
        setattr(module, name, timed(name, function))
    try:
        yield seconds
    finally:
        for name, function in originals.items():
            setattr(module, name, function)


def problem_summary(report: Any, top: int = 6) -> dict[str, int]:
    """The build's problems on the synthetic corpus, by message: a cheap check of what extraction missed."""
    counts = Counter(re.sub(r"\S*\d\S*", "…", p.message) for p in report.problems)
    return dict(counts.most_common(top)) | {"all": len(report.problems)}


def stage_record(stage: str, n: int, seconds: float, peak_mb: float, **extra: Any) -> dict[str, Any]:
    return {"stage": stage, "n": n, "seconds": round(seconds, 2),
            "notices_per_second": round(n / seconds, 1) if seconds > 0 else None, "peak_rss_mb": peak_mb, **extra}


# --- sizes ------------------------------------------------------------------------------------------


def kind_of(relative: str) -> str:
    """Which part of the site a file belongs to, for the size-per-notice breakdown."""
    top = relative.split("/", 1)[0]
    if top == "search":
        return "search"
    if top == "data":
        return "data"
    if top == "nguon":
        return "downloads"
    if top == "assets":
        return "assets"
    return "html" if relative.endswith(".html") else "other"


def notice_text_bytes(site_dir: Path, source_dir: Path) -> dict[str, int]:
    """Page file → bytes of the notice's own text (its source file), read from the published dataset."""
    dataset = site_dir / "data" / "notices.json"
    if not dataset.is_file():
        return {}
    own = {}
    for row in json.loads(dataset.read_text(encoding="utf-8")):
        url = row.get("url", "")
        page = url + "index.html" if url.endswith("/") or not url else url
        source = source_dir / ((row.get("source") or {}).get("file") or "")
        own[page] = source.stat().st_size if source.is_file() else 0
    return own


def site_sizes(site_dir: Path, source_dir: Path, n: int, limit_kb: int = 200) -> dict[str, Any]:
    """Bytes per notice by part of the site, and the largest pages once the notice's own text is set aside."""
    own = notice_text_bytes(site_dir, source_dir)
    by_kind: Counter = Counter()
    pages = []
    for path in site_dir.rglob("*"):
        if not path.is_file():
            continue
        relative = path.relative_to(site_dir).as_posix()
        size = path.stat().st_size
        by_kind[kind_of(relative)] += size
        if relative.endswith(".html"):
            pages.append((max(0, size - own.get(relative, 0)), size, relative))
    pages.sort(reverse=True)
    total = sum(by_kind.values())
    largest = max(pages, key=lambda p: p[1]) if pages else (0, 0, "")
    return {
        "stage": "site size", "n": n, "site_mb": round(total / MB, 1),
        "kb_per_notice": round(total / max(1, n) / 1000, 1),
        # the measure, "HTML + search + data": everything but the per-notice downloads
        "kb_per_notice_html_search_data": round((total - by_kind["downloads"]) / max(1, n) / 1000, 1),
        "kb_per_notice_by_part": {k: round(v / max(1, n) / 1000, 2) for k, v in sorted(by_kind.items())},
        "html_pages": len(pages), "search_files": sum(1 for _ in (site_dir / "search").rglob("*.js"))
        if (site_dir / "search").is_dir() else 0,
        "max_page_kb": round(largest[1] / 1000, 1), "max_page": largest[2],
        "max_page_without_own_text_kb": round(pages[0][0] / 1000, 1) if pages else 0,
        "max_page_without_own_text": pages[0][2] if pages else "",
        f"pages_over_{limit_kb}_kb_without_own_text": sum(1 for p in pages if p[0] > limit_kb * 1000),
        "largest_pages_without_own_text": [{"page": p[2], "kb": round(p[0] / 1000, 1)} for p in pages[:5]],
    }


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


# --- the plain MkDocs + Material comparison -------------------------------------------------------

MATERIAL_DEFAULTS_CONFIG = """site_name: Material defaults ({n} notices)
docs_dir: docs
site_dir: site
theme:
  name: material
"""


def material_docs(corpus_dir: Path, docs_dir: Path) -> int:
    """Every notice as a plain Markdown page, no nav: what a team gets from MkDocs + Material as shipped."""
    notices = docs_dir / "notices"
    notices.mkdir(parents=True, exist_ok=True)
    (docs_dir / "index.md").write_text("# Notices\n", encoding="utf-8")
    count = 0
    for path in sorted(corpus_dir.glob("*.txt")):
        (notices / (path.stem + ".md")).write_bytes(path.read_bytes().removeprefix(b"\xef\xbb\xbf"))
        count += 1
    return count


def material_defaults(corpus_dir: Path, work: Path, n: int, sampler: MemorySampler) -> dict[str, Any]:
    """Time, site size and search_index.json size of plain ``mkdocs build`` with Material's defaults."""
    project = work / "material-defaults"
    shutil.rmtree(project, ignore_errors=True)
    material_docs(corpus_dir, project / "docs")
    config = project / "mkdocs.yml"
    config.write_text(MATERIAL_DEFAULTS_CONFIG.format(n=n), encoding="utf-8")
    started = time.perf_counter()
    with sampler.during("material defaults"):
        run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)],
                             capture_output=True, text=True)
    seconds = time.perf_counter() - started
    site = project / "site"
    index = site / "search" / "search_index.json"
    record = stage_record("material defaults", n, seconds, sampler.peak_mb("material defaults"),
                          site_mb=round(folder_bytes(site) / MB, 1) if site.is_dir() else None,
                          kb_per_notice=round(folder_bytes(site) / max(1, n) / 1000, 1) if site.is_dir() else None,
                          search_index_mb=round(index.stat().st_size / MB, 1) if index.is_file() else None,
                          exit_status=run.returncode)
    if run.returncode:
        record["error"] = run.stderr.strip().splitlines()[-1:] or ["mkdocs build failed"]
    shutil.rmtree(project / "site", ignore_errors=True)
    return record


def material_skipped(n: int, earlier: dict[str, Any] | None, limit: int) -> dict[str, Any]:
    """Above ``limit`` the default build is not run: every page carries the whole nav (N² bytes)."""
    record = {"stage": "material defaults", "n": n, "skipped": f"not run above {limit} notices: with no nav "
              "configured every page embeds the whole generated nav, so output grows with N²"}
    if earlier and earlier.get("site_mb") and earlier.get("seconds"):
        factor = (n / earlier["n"]) ** 2
        record["projected_site_gb"] = round(earlier["site_mb"] * factor / 1024, 1)
        record["projected_from_n"] = earlier["n"]
    return record


# --- the benchmark ------------------------------------------------------------------------------

TARGETS = {"build_seconds_at_20000": 600, "peak_rss_mb": 3 * 1024, "kb_per_notice": 60, "page_kb": 200}


def build_options(corpus: Path, out: Path, registry: Path, offline: bool = False) -> Any:
    """A build of the benchmark corpus: registry and pipeline cache beside it, never in the repository."""
    import dataclasses

    from build_tools.publish import site

    options = site.BuildOptions(source=corpus, out=out, offline=offline, registry=registry)
    if "cache" in {f.name for f in dataclasses.fields(site.BuildOptions)}:
        options.cache = registry.parent / "pipeline-cache"  # empty for the first build, warm for rebuilds
    return options


def has_pipeline_cache() -> bool:
    import dataclasses

    from build_tools.publish import site

    return "cache" in {f.name for f in dataclasses.fields(site.BuildOptions)}


def in_fresh_process(function: Callable[..., Any], *args: Any) -> Any:
    """Run ``function`` in a forked child and return its result.

    A build leaves the process holding the memory it peaked at (the allocator keeps freed
    arenas), so a second build in the same process would report the first one's memory
    too. Each measured build therefore runs in its own process, as it does from the CLI.
    """
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)

    def child() -> None:
        try:
            send.send(("ok", function(*args)))
        except BaseException:  # noqa: BLE001 - the parent reports it with the child's traceback
            send.send(("error", traceback.format_exc()))
        finally:
            send.close()

    process = context.Process(target=child, name=f"bench-{getattr(function, '__name__', 'child')}")
    process.start()
    send.close()
    try:
        status, value = receive.recv()
    except EOFError:
        status, value = "error", "the benchmark child died before answering"
    process.join()
    if status != "ok" and process.exitcode:
        value = f"{value} (exit status {process.exitcode})"
    if status != "ok":
        raise RuntimeError(f"benchmark child failed:\n{value}")
    return value


def measured_build(corpus: Path, out: Path, registry: Path, n: int, label: str = "total") -> list[dict[str, Any]]:
    """One full ``build_site`` with every stage timed: a record per stage, then one for the whole build."""
    from build_tools.publish import site

    with MemorySampler() as sampler:
        load_before, started, cpu = load_average(), time.perf_counter(), cpu_seconds()
        with sampler.during(label), timed_stages(site, sampler) as seconds:
            report = site.build_site(build_options(corpus, out, registry))
        wall, cpu = time.perf_counter() - started, cpu_seconds() - cpu
    # site.py's own figure also counts the staging copy of docs/ and reading mkdocs.yml
    seconds["records+indexes"] = report.figures.get("indexes_seconds", seconds.get("records+indexes", 0.0))
    records = [stage_record(stage, n, seconds.get(stage, 0.0), sampler.peak_mb(stage),
                            cpu_seconds=round(seconds.get(stage + " cpu", 0.0), 2)) for stage in BUILD_STAGES]
    accounted = sum(seconds.get(stage, 0.0) for stage in BUILD_STAGES)
    records.append(stage_record(label, n, wall, sampler.peak_mb(label, *BUILD_STAGES), cpu_seconds=round(cpu, 2),
                                published=report.published, pages=report.pages, problems=problem_summary(report),
                                other_seconds=round(wall - accounted, 2), load_before=load_before,
                                load_after=load_average(), **maxrss_mb()))
    return records


def rebuild_after_edit(corpus: Path, out: Path, registry: Path, n: int, seed: int) -> dict[str, Any]:
    """Add one notice and change another, then build again: what a curator waits for after one edit."""
    add_notice(corpus, n, seed)
    change_notice(sorted(corpus.glob("*.txt"))[0])
    records = in_fresh_process(measured_build, corpus, out, registry, n + 1, "rebuild")
    by_stage = {r["stage"]: r for r in records}
    total = by_stage["rebuild"]
    mkdocs = by_stage["mkdocs"]["seconds"]
    return {"stage": "rebuild", "n": n, "changed_files": 2, "seconds": total["seconds"],
            "cpu_seconds": total["cpu_seconds"], "stage_seconds": {s: by_stage[s]["seconds"] for s in BUILD_STAGES},
            "mkdocs_seconds": mkdocs, "mkdocs_share": round(mkdocs / total["seconds"], 2) if total["seconds"] else None,
            "peak_rss_mb": total["peak_rss_mb"], "pipeline_cache": has_pipeline_cache(),
            "note": ("the pipeline reuses its cache for unchanged files" if has_pipeline_cache()
                     else "the pipeline re-reads every file") + "; MkDocs renders every page again (no "
                     "incremental build), and indexes, search and data are written in full"}


def offline_zip(corpus: Path, work: Path, registry: Path, n: int) -> dict[str, Any]:
    """The USB edition (site.build_offline): a second full build with .html links, then the zip."""
    from build_tools.publish import site

    out = work / "offline"
    with MemorySampler() as sampler:
        started = time.perf_counter()
        with sampler.during("offline zip"):
            report, archive, size = site.build_offline(build_options(corpus, out, registry))
        seconds = time.perf_counter() - started
    record = stage_record("offline zip", n, seconds, sampler.peak_mb("offline zip"),
                          pipeline_cache_warm=has_pipeline_cache(), zip_mb=round(size / MB, 1),
                          zip_kb_per_notice=round(size / max(1, report.published) / 1000, 1),
                          folder_kb_per_notice=round(folder_bytes(out) / max(1, report.published) / 1000, 1))
    archive.unlink(missing_ok=True)
    shutil.rmtree(out, ignore_errors=True)
    return record


def targets_record(n: int, total: dict[str, Any], sizes: dict[str, Any]) -> dict[str, Any]:
    """The issue's targets beside the figures.

    Below 20,000 notices time and memory are also projected linearly to 20,000 (the growth
    records show whether linear holds); below 1,000 fixed costs dominate and nothing is projected.
    """
    scale = 20000 / n if n >= 1000 else None
    projected = round(total["seconds"] * scale, 1) if scale else None
    projected_peak = round(total["peak_rss_mb"] * scale) if scale else None
    seconds = total["seconds"] if n >= 20000 else projected
    peak = total["peak_rss_mb"] if n >= 20000 else projected_peak
    page_kb = sizes["max_page_without_own_text_kb"]
    return {
        "stage": "targets", "n": n,
        "build_seconds": total["seconds"], "projected_seconds_at_20000": projected,
        "build_within_10_min": seconds <= TARGETS["build_seconds_at_20000"] if seconds is not None else None,
        "peak_rss_mb": total["peak_rss_mb"], "projected_peak_mb_at_20000": projected_peak,
        "peak_within_3_gb": peak <= TARGETS["peak_rss_mb"] if peak is not None else None,
        "kb_per_notice": sizes["kb_per_notice"],
        "kb_per_notice_html_search_data": sizes["kb_per_notice_html_search_data"],
        "size_within_60_kb": sizes["kb_per_notice_html_search_data"] <= TARGETS["kb_per_notice"],
        "size_with_downloads_within_60_kb": sizes["kb_per_notice"] <= TARGETS["kb_per_notice"],
        "max_page_kb_without_own_text": page_kb, "pages_within_200_kb": page_kb <= TARGETS["page_kb"],
    }


def growth_record(small: dict[str, Any], large: dict[str, Any]) -> dict[str, Any]:
    """Ratios between two sizes: linear cost means time and size ratios close to the ratio of N."""
    def ratio(a: float | None, b: float | None) -> float | None:
        return round(b / a, 2) if a and b else None

    return {
        "stage": "growth", "from_n": small["n"], "to_n": large["n"], "n_ratio": ratio(small["n"], large["n"]),
        "time_ratio": ratio(small["total"]["seconds"], large["total"]["seconds"]),
        "cpu_time_ratio": ratio(small["total"].get("cpu_seconds"), large["total"].get("cpu_seconds")),
        "stage_time_ratios": {s: ratio(small["stages"].get(s), large["stages"].get(s)) for s in BUILD_STAGES},
        "stage_cpu_ratios": {s: ratio(small.get("stages_cpu", {}).get(s), large.get("stages_cpu", {}).get(s))
                             for s in BUILD_STAGES},
        "site_size_ratio": ratio(small["site_mb"], large["site_mb"]),
        "zip_size_ratio": ratio(small.get("zip_mb"), large.get("zip_mb")),
        "peak_rss_ratio": ratio(small["total"]["peak_rss_mb"], large["total"]["peak_rss_mb"]),
    }


def generate_measured(n: int, corpus: Path, seed: int) -> dict[str, Any]:
    with MemorySampler() as sampler:
        started = time.perf_counter()
        with sampler.during("generate"):
            summary = generate_corpus(n, corpus, seed)
        seconds = time.perf_counter() - started
    return stage_record("generate", n, seconds, sampler.peak_mb("generate"), corpus_mb=round(summary["bytes"] / MB, 1),
                        kb_median=summary["kb_median"], share_5_15_kb=summary["share_5_15_kb"],
                        ocr_noisy=summary["ocr_noisy"], congbao_sentences=summary["congbao_sentences"])


def material_measured(n: int, corpus: Path, work: Path, limit: int,
                      earlier: dict[str, Any] | None) -> dict[str, Any]:
    if n > limit:
        return material_skipped(n, earlier, limit)
    with MemorySampler() as sampler:
        return material_defaults(corpus, work, n, sampler)


def bench_one(n: int, work: Path, seed: int, compare_material: bool, offline: bool, material_limit: int,
              earlier_material: dict[str, Any] | None,
              emit: Callable[[dict[str, Any]], None]) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Every figure for one corpus size, in the order a reader needs them."""
    records: list[dict[str, Any]] = []

    def keep(record: dict[str, Any]) -> dict[str, Any]:
        records.append(record)
        emit(record)
        return record

    corpus, out, registry = work / "corpus", work / "site", work / "permalinks.yml"
    keep(generate_measured(n, corpus, seed))
    build_records = in_fresh_process(measured_build, corpus, out, registry, n)
    for record in build_records:
        keep(record)
    total = build_records[-1]
    sizes = keep(site_sizes(out, corpus, n))
    figures = {"n": n, "total": total, "stages": {r["stage"]: r["seconds"] for r in build_records},
               "stages_cpu": {r["stage"]: r.get("cpu_seconds") for r in build_records}, "site_mb": sizes["site_mb"]}
    shutil.rmtree(out, ignore_errors=True)
    if offline:
        figures["zip_mb"] = keep(in_fresh_process(offline_zip, corpus, work, registry, n))["zip_mb"]
    if compare_material:
        figures["material"] = keep(material_measured(n, corpus, work, material_limit, earlier_material))
    keep(rebuild_after_edit(corpus, out, registry, n, seed))
    keep(targets_record(n, total, sizes))
    return records, figures


def print_record(record: dict[str, Any]) -> None:
    print(json.dumps(record, ensure_ascii=False), flush=True)


def run_bench(sizes: list[int], workdir: Path | None, compare_material: bool, offline: bool, *,
              seed: int = 0, material_limit: int = 2000,
              emit: Callable[[dict[str, Any]], None] = print_record) -> list[dict[str, Any]]:
    """For each N: generate, build with every stage timed, sizes, offline zip, Material, rebuild.

    Each build runs in a fresh process (see ``in_fresh_process``). ``workdir`` keeps the
    corpora (one folder per N) for inspection; without it everything goes to a temporary
    folder that is removed. Each record is passed to ``emit`` as soon as it is known (a
    large run takes a while), then all are returned.
    """
    records: list[dict[str, Any]] = []
    runs: list[dict[str, Any]] = []
    temporary = None if workdir else tempfile.mkdtemp(prefix="bench-")
    base = Path(workdir or temporary)
    try:
        for n in sizes:
            work = base / f"n{n}"
            shutil.rmtree(work, ignore_errors=True)
            work.mkdir(parents=True)
            earlier = next((r["material"] for r in reversed(runs) if r.get("material", {}).get("site_mb")), None)
            done, figures = bench_one(n, work, seed, compare_material, offline, material_limit, earlier, emit)
            records.extend(done)
            runs.append(figures)
            if temporary:
                shutil.rmtree(work, ignore_errors=True)
        ordered = sorted(runs, key=lambda r: r["n"])
        for small, large in zip(ordered, ordered[1:]):
            record = growth_record(small, large)
            records.append(record)
            emit(record)
    finally:
        if temporary:
            shutil.rmtree(temporary, ignore_errors=True)
    return records


# --- command line -------------------------------------------------------------------------------


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--notices", type=int, action="append", metavar="N",
                        help="corpus size; repeat for several (default: 2000)")
    parser.add_argument("--workdir", type=Path, default=None,
                        help="keep corpora and sites here, one folder per N (default: a temporary folder, removed)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (the same seed writes the same bytes)")
    parser.add_argument("--no-material", dest="compare_material", action="store_false",
                        help="skip the plain MkDocs + Material comparison")
    parser.add_argument("--no-offline", dest="offline", action="store_false", help="skip the USB zip build")
    parser.add_argument("--material-limit", type=int, default=2000,
                        help="largest N for the Material comparison (its output grows with N²; default 2000)")


def main(args: argparse.Namespace) -> int:
    sizes = args.notices or [2000]
    if any(n < 1 for n in sizes):
        print("error: --notices must be at least 1", file=sys.stderr)
        return 2
    run_bench(sizes, args.workdir, args.compare_material, args.offline, seed=args.seed,
              material_limit=args.material_limit)
    return 0


def parser() -> argparse.ArgumentParser:
    command = argparse.ArgumentParser(prog="benchmarks/scale.py", description=__doc__.split("\n")[0])
    add_arguments(command)
    return command


if __name__ == "__main__":
    raise SystemExit(main(parser().parse_args()))
