"""Site stage: generated Markdown → MkDocs build → dataset, downloads and search index.

The public build uses directory URLs (``…/ten-trang/``); the offline edition uses
``.html`` files so that every link opened from ``file://`` ends in a file.
"""
from __future__ import annotations

import contextlib
import datetime
import gc
import logging
import os
import shutil
import subprocess
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterator

from . import index_pages, notice_pages
from ..data_files import load_yaml
from ..model import Metadata, Notice, NoticeHead, Problem
from ..pipeline import PipelineResult, in_order, load_notice, page_dir, run_pipeline, worker_count, worker_pool
from ..search import documents, prepare, write_search_index
from ..search.partial import PartialIndex, gather
from . import engines
from .dataset import citation_site_name, write_dataset, write_feed
from .records import NoticeRecord
from .templates import SITE
from .report import BuildReport
from .topics import old_topic_paths

ROOT = Path(__file__).resolve().parent.parent.parent
DEFAULT_SOURCE = ROOT / "source_texts"
DEFAULT_CONFIG = ROOT / "mkdocs.yml"
HAND_WRITTEN_DOCS = ROOT / "docs"
GENERATED = ("index.md", "notices", "tinh", "chu-de", "so-sanh", "thoi-gian", "loai", "co-quan", "nguoi-ky",
             "van-ban-dan-chieu")


@dataclass
class BuildOptions:
    source: Path = DEFAULT_SOURCE
    out: Path = ROOT / "site"
    offline: bool = False
    strict: bool = False
    config: Path = DEFAULT_CONFIG
    workers: int | None = None
    registry: Path | None = None
    cache: Path | None = ROOT / ".cache" / "pipeline"  # None: no cache
    engine: str = "mkdocs"  # or "properdocs" (engines.ENGINES)


def build_date() -> int:
    """A fixed date for the edition (reproducible builds): SOURCE_DATE_EPOCH, else the last commit."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        out = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%ct"], capture_output=True, text=True,
                             timeout=10)
        return int(out.stdout.strip())
    except (OSError, ValueError, subprocess.SubprocessError):
        return 0


def docs_dir_for(options: BuildOptions) -> Path:
    """The repository's ``docs/`` for the default public build; a staging copy otherwise."""
    if options.source.resolve() == DEFAULT_SOURCE.resolve() and not options.offline:
        return HAND_WRITTEN_DOCS
    staging = options.out.parent / f".{options.out.name}-docs"
    if staging.exists():
        shutil.rmtree(staging)
    shutil.copytree(HAND_WRITTEN_DOCS, staging, ignore=shutil.ignore_patterns(*GENERATED))
    return staging


def clear_generated(docs_dir: Path) -> None:
    parts = notice_pages.parts_dir_for(docs_dir)
    if parts.is_dir():
        shutil.rmtree(parts)
    for name in GENERATED:
        target = docs_dir / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()


def site_url(config_path: Path, engine: str = "mkdocs") -> str:
    """The public address (``site_url`` of mkdocs.yml, or $SITE_URL): citations always use it."""
    return engines.select(engine).load_config(str(config_path)).site_url or ""


def iso_day(timestamp: int) -> str:
    return datetime.datetime.fromtimestamp(timestamp, datetime.timezone.utc).date().isoformat()


def records_for(result: PipelineResult, public_url: str, day: str, complete: bool = True
                ) -> list[tuple[NoticeHead, NoticeRecord]]:
    """Each notice's head with its record; the heads keep only what reading the text back needs."""
    return [(replace(notice, meta=Metadata()),
             notice_pages.notice_record(notice, f"{page_dir(notice.meta)}/{notice.id}", public_url, day, complete))
            for notice in result.notices]


@dataclass(frozen=True)
class NoticeTask:
    """What a worker needs to write one notice out: its head (the text is read from the store) and record."""

    head: NoticeHead
    record: NoticeRecord  # made with complete=False
    related: Any  # templates.Rendered (index_pages.related_sections) or None
    docs_dir: Path
    downloads_dir: Path
    directory_urls: bool
    site_url: str
    day: str


def write_notice_files(task: NoticeTask) -> Any:
    """One notice's page, HTML body and downloads; returns it tokenised for the search index.

    Runs in the worker processes: reading the text back, rendering, compressing and
    tokenising are most of the per-notice cost after extraction.
    """
    notice = load_notice(task.head)
    record = notice_pages.complete_record(task.record, notice, task.site_url, task.day)
    notice_pages.write_notice_page(notice, record, task.related, task.docs_dir)
    for name, content in notice_pages.downloads(notice, record).items():
        (task.downloads_dir / name).write_bytes(content)
    return prepare(search_doc(notice, record, task.directory_urls))


def search_doc(notice: Notice, record: NoticeRecord, directory_urls: bool):
    return documents.search_doc(notice, record, notice_pages.page_url(record.page, directory_urls))


NOTICE_RUN = 100  # at most this many notices a worker writes and gathers for the search index in one task


@dataclass(frozen=True)
class NoticeRun:
    """Consecutive notices for one worker: their postings cross back gathered by term (search.partial)."""

    start: int  # the first one's number in the search index
    tasks: tuple[NoticeTask, ...]


def run_size(notices: int) -> int:
    """Notices per run: ``NOTICE_RUN`` (the longer the run, the fewer terms the index merges), but at
    least eight runs, so both workers stay busy to the end of a small archive."""
    return max(1, min(NOTICE_RUN, -(-notices // 8)))


def write_notice_run(run: NoticeRun) -> PartialIndex:
    """Each notice's files (``write_notice_files``), and the run's postings for the search index."""
    with collections_paused():
        return gather([write_notice_files(task) for task in run.tasks], run.start)


@contextlib.contextmanager
def collections_paused() -> Iterator[None]:
    """No cyclic garbage collection while notices are written and their postings gathered or merged.

    Both keep hundreds of thousands of small lists and dicts alive for a while (a run's terms, the
    index's postings), and the collector walked them again and again: a third of the stage's time
    (measured at 2,000 notices). What they leave is freed by reference counting; the few cycles a
    run may leave (a template's context) wait for the collector, which resumes after the run.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def write_notices(pairs: list[tuple[NoticeHead, NoticeRecord]], related: dict[str, Any], docs_dir: Path,
                  staging: Path, directory_urls: bool, pool: Any, public_url: str, day: str) -> dict[str, Any]:
    """Every notice's page, downloads and search entry, in the worker pool; returns the search figures."""
    downloads_dir = staging / "nguon"
    downloads_dir.mkdir(parents=True, exist_ok=True)
    tasks = [NoticeTask(head, record, related.get(record.id), docs_dir, downloads_dir, directory_urls,
                        public_url, day) for head, record in pairs]
    size = run_size(len(tasks))
    runs = [NoticeRun(start, tuple(tasks[start:start + size])) for start in range(0, len(tasks), size)]
    if pool is None or len(runs) < 2:
        gathered = map(write_notice_run, runs)
    else:
        gathered = in_order(pool, write_notice_run, runs, window=4)  # a run's postings wait at most 4 deep
    with collections_paused():
        return write_search_index(gathered, staging / "search")


class SiteWarnings(logging.Handler):
    """MkDocs' warnings (a broken internal link, a page missing from the nav) written one per line
    to a file: the second rendering process (parallel.PageSplit) appends its own to the same file."""

    def __init__(self, path: Path) -> None:
        super().__init__(logging.WARNING)
        self.path = path
        path.write_text("", encoding="utf-8")

    def emit(self, record: logging.LogRecord) -> None:
        message = " ".join(record.getMessage().split())
        if SECOND_PROCESS_SUMMARY in message:
            return  # the second process's own warnings are in the file already
        with open(self.path, "a", encoding="utf-8") as out:
            out.write(message + "\n")

    def problems(self) -> list[Problem]:
        lines = self.path.read_text(encoding="utf-8").splitlines() if self.path.exists() else []
        return [Problem("(site)", line, "fix the link or the page it points to (or the setting MkDocs names)",
                        severity="site") for line in dict.fromkeys(lines)]


SECOND_PROCESS_SUMMARY = "in pages rendered by the second process"


def run_mkdocs(options: BuildOptions, docs_dir: Path, timestamp: int) -> list[Problem]:
    """``mkdocs build`` (or ProperDocs, ``options.engine``) of the docs folder, in this process; returns
    its warnings as problems of the site.

    MkDocs' own strict mode would abort without the build report: ``--strict`` is decided by
    the report instead (``BuildReport.failures``)."""
    os.environ["SOURCE_DATE_EPOCH"] = str(timestamp)  # read by MkDocs itself (sitemap dates)
    engine = engines.select(options.engine)
    config = engine.load_config(str(options.config), docs_dir=str(docs_dir), site_dir=str(options.out),
                                use_directory_urls=not options.offline, strict=False)
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.setLevel(logging.WARNING)
    collected = SiteWarnings(options.out.parent / f".{options.out.name}-warnings.txt")
    mkdocs_log.addHandler(collected)
    archive = archive_plugin(config)
    # pages are rendered by two processes (parallel.PageSplit) when there are two cores to use
    archive.config.processes = 2 if worker_count(options.workers) >= 2 else 1
    # MkDocs allocates millions of small objects and keeps every page: move what exists to the
    # permanent generation and collect less often (measured: ~5% of MkDocs time at 900 notices).
    gc.collect()
    gc.freeze()
    thresholds = gc.get_threshold()
    gc.set_threshold(50_000, 20, 20)
    try:
        engine.build(config)
    except BaseException:
        archive.split.leave_if_second_process(failed=True)  # the second process must never go on with the build
        archive.split.stop_second_process()
        raise
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()
        mkdocs_log.removeHandler(collected)
    archive.split.leave_if_second_process()
    problems = collected.problems()
    collected.path.unlink(missing_ok=True)
    return problems


def archive_plugin(config: Any) -> Any:
    """The ``archive`` plugin (``plugin.ArchivePlugin``) named in mkdocs.yml's ``plugins:``, or a clear error."""
    from .plugin import ArchivePlugin  # imports the engine selected (mkdocs or ProperDocs)

    plugin = config.plugins.get("archive")
    if not isinstance(plugin, ArchivePlugin):
        raise RuntimeError(f"{options_config_name(config)} must list the archive plugin under `plugins:` "
                           "(plugins: [archive]); is the package installed (pip install -e .)?")
    return plugin


def options_config_name(config: Any) -> str:
    return getattr(config, "config_file_path", None) or "mkdocs.yml"


def redirect_pages(moved: list[tuple[str, str]], directory_urls: bool, what: str = "notice"
                   ) -> list[index_pages.MarkdownPage]:
    """Old URLs of pages that moved (a notice whose province was corrected, a topic's old English
    address): a page that sends the reader on (works from file:// too)."""
    words = SITE["redirect"]
    pages = []
    for old, new in moved:
        target = notice_pages.relative_url(old, notice_pages.page_url(new, directory_urls), directory_urls)
        body = words["body"].format(what=words[what], link=notice_pages.md_link(old, new))
        title = words["title"].format(what=words[what])
        # overrides/redirect.html: the refresh and the link, without the theme's chrome (thousands of pages)
        pages.append(index_pages.MarkdownPage(old, title, body, {"redirect_to": target, "template": "redirect.html"}))
    return pages


def build_site(options: BuildOptions) -> BuildReport:
    """The whole path from a folder of notices to a static site, with its report.

    The pipeline keeps each notice's text in its store and hands on heads (metadata);
    index pages are made from the records; each notice's page, downloads and search
    entry are then written by the worker processes, reading its text back one at a time.
    Everything that does not need MkDocs goes to a staging folder first, moved into
    the site once MkDocs has built the pages.
    """
    figures: dict[str, float] = {}
    started = time.perf_counter()
    timestamp = build_date()
    day = iso_day(timestamp)
    with worker_pool(options.workers) as pool:  # forked now, while this process is small
        result = run_pipeline(options.source, options.workers, options.registry, day, options.cache, pool)
        try:
            figures["pipeline_seconds"] = time.perf_counter() - started
            report, docs_dir, staging = _prepare(result, options, figures, day, pool)
        finally:
            result.close()
    mark = time.perf_counter()
    report.problems = report.problems + run_mkdocs(options, docs_dir, timestamp)
    figures["mkdocs_seconds"] = time.perf_counter() - mark
    move_into(staging, options.out)
    report.write_json(options.out / "data" / "build-report.json")  # now with the site's own problems
    figures["total_seconds"] = time.perf_counter() - started
    return report


def write_index_pages(result: PipelineResult, records: list[NoticeRecord], docs_dir: Path, directory_urls: bool,
                      day: str) -> tuple[int, dict[str, Any]]:
    """Every index page and redirect; returns the page count and each notice's related-notices section."""
    written: list[str] = []
    pages = index_pages.write_pages((written.append(page.path) or page
                                 for page in index_pages.all_index_pages(records, len(result.rejected), day)), docs_dir)
    pages += index_pages.write_pages(redirect_pages(result.redirects, directory_urls), docs_dir)
    pages += index_pages.write_pages(redirect_pages(old_topic_paths(written), directory_urls, "page"), docs_dir)
    return pages, index_pages.related_sections(records)


def _prepare(result: PipelineResult, options: BuildOptions, figures: dict[str, float], day: str,
             pool: Any) -> tuple[BuildReport, Path, Path]:
    """Everything before MkDocs: docs pages (skeletons and HTML), downloads, search, dataset, feed."""
    mark = time.perf_counter()
    docs_dir = docs_dir_for(options)
    public_url = site_url(options.config, options.engine)
    directory_urls = not options.offline
    clear_generated(docs_dir)
    published = len(result.notices)
    pairs = records_for(result, public_url, day, complete=False)
    result.notices.clear()  # the heads with their metadata: the records now hold it
    records = [record for _, record in pairs]
    # the records stay alive until the end: keep the collector from walking them again and again
    # while the index pages are made and the notices written (the typed records are twice the
    # objects of dicts, and rendering the pages allocates as it goes)
    gc.freeze()
    try:
        pages, related = write_index_pages(result, records, docs_dir, directory_urls, day)
        figures["indexes_seconds"] = time.perf_counter() - mark
        mark = time.perf_counter()
        staging = options.out.parent / f".{options.out.name}-extra"
        if staging.exists():
            shutil.rmtree(staging)
        gc.freeze()  # the index sections too
        search_stats = write_notices(pairs, related, docs_dir, staging, directory_urls, pool, public_url, day)
    finally:
        gc.unfreeze()
    pages += len(pairs)
    figures["notices_seconds"] = time.perf_counter() - mark
    mark = time.perf_counter()
    write_dataset(records, staging, directory_urls)
    write_feed(records, result.added, staging, public_url, day)
    figures["data_seconds"] = time.perf_counter() - mark
    report = BuildReport(len(result.inputs), published, pages, result.problems, str(options.out), figures)
    figures.update({f"search_{k}": v for k, v in (search_stats or {}).items() if isinstance(v, (int, float))})
    return report, docs_dir, staging  # the records are released: MkDocs needs only the pages on disk


def move_into(staging: Path, site_dir: Path) -> None:
    """Move the staged files into the built site (same file system: a rename per entry)."""
    for entry in sorted(staging.iterdir()):
        target = site_dir / entry.name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
        entry.rename(target)
    staging.rmdir()


def write_offline_readme(out: Path, day: str, count: int) -> None:
    title = citation_site_name()
    words = load_yaml("site.yml")["offline_readme"]
    text = words["text"].format(title=title, underline="=" * len(title), day=day, count=count)
    for name in words["files"]:
        (out / name).write_text(text, encoding="utf-8")


def zip_folder(folder: Path, archive: Path, timestamp: int) -> int:
    """A reproducible zip: entries sorted, fixed dates, the folder's name as the top directory."""
    import zipfile

    date_time = time.gmtime(max(timestamp, 315532800))[:6]  # zip cannot store dates before 1980
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{folder.name}/{path.relative_to(folder).as_posix()}", date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            bundle.writestr(info, path.read_bytes())
    return archive.stat().st_size


def build_offline(options: BuildOptions) -> tuple[BuildReport, Path, int]:
    """The USB edition: ``.html`` links, local assets, a README, and a zip beside the folder."""
    options.offline = True
    report = build_site(options)
    not_found_page = options.out / "404.html"
    if not_found_page.exists():
        not_found_page.unlink()  # only a web server shows it; its absolute links mean nothing on a USB stick
    write_offline_readme(options.out, iso_day(build_date()), report.published)
    archive = options.out.with_name(options.out.name + ".zip")
    size = zip_folder(options.out, archive, build_date())
    report.figures["zip_bytes"] = size
    report.figures["zip_bytes_per_notice"] = size / max(1, report.published)
    return report, archive, size
