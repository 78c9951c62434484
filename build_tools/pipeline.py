"""ingest → clean → extract for a whole folder, accounting for every file.

Per-file work runs in a process pool (both cores); ids are then assigned in one
place, in file order, from the permanent registry.
"""
from __future__ import annotations

import collections
import contextlib
import functools
import hashlib
import multiprocessing
import os
import pickle
import shutil
import tempfile
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from .clean import clean_notice
from .extract import OverrideError, extract
from .copies import different_identities, fingerprint, identity, merge_copies
from .ingest import REGISTRY_NAME, discover, read_notice
from .model import CleanDocument, Metadata, Notice, NoticeHead, Problem, RawNotice, TextSummary, year_of
from .permalinks import Registry, RegistryNotSaved, propose_id
from .vietnamese.fold import MARKED_LETTERS



@dataclass
class Processed:
    """What became of one source file: a notice (whole, or its head), or the errors that stopped it."""

    file: str
    notice: Notice | NoticeHead | None
    problems: list[Problem] = field(default_factory=list)


@dataclass
class PipelineResult:
    inputs: list[str]
    notices: list[NoticeHead]  # the text of each is read back with ``load_notice``
    problems: list[Problem]  # errors (not published) and warnings (published with caveats)
    redirects: list[tuple[str, str]] = field(default_factory=list)  # (old page path, current page path)
    added: dict[str, str] = field(default_factory=dict)  # notice id → date first published
    temporary_store: Path | None = None  # removed by ``close`` when no cache folder was given

    @property
    def rejected(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def close(self) -> None:
        if self.temporary_store is not None:
            shutil.rmtree(self.temporary_store, ignore_errors=True)
            self.temporary_store = None


def process_file(path: Path, source_dir: Path) -> Processed:
    """One file through ingest, clean and extract; never raises for bad input."""
    name = str(path.relative_to(source_dir))
    try:
        raw = read_notice(path, source_dir)
    except OSError as error:
        return Processed(name, None, [Problem(name, f"cannot read the file ({error.strerror})",
                                              "check the file's permissions", severity="error")])
    errors = [p for p in raw.problems if p.severity in ("error", "skipped")]
    if errors:
        return Processed(name, None, raw.problems)
    document = clean_notice(raw)
    not_notice = why_not_a_notice(raw, document)
    if not_notice:
        return Processed(name, None, raw.problems + [not_notice])
    try:
        meta = extract(document, raw.overrides, raw.page)
    except OverrideError as error:
        return Processed(name, None, raw.problems + [
            Problem(name, f"curator file: key `{error.key}`: {error.message}",
                    "correct or remove that key in the .meta.yml file", severity="error")])
    notice = Notice(id="", source=raw.source, raw=raw, document=document, meta=meta)
    notice.problems = raw.problems + field_warnings(name, notice)
    return Processed(name, notice, notice.problems)


def why_not_a_notice(raw: RawNotice, document: CleanDocument) -> Problem | None:
    """Text with no Vietnamese in it is not a notice (an English page, a table of numbers)."""
    if not document.blocks and not document.title_lines:
        return Problem(raw.source.name, "no text found after cleaning", "check the file holds the notice's text",
                       severity="error")
    # composed first: a file saved in decomposed Unicode (NFD: macOS editors, some PDF exporters)
    # writes "ế" as e + two combining marks, and would count as almost no Vietnamese letters
    lowered = unicodedata.normalize("NFC", raw.text).lower()
    letters = sum(map(str.isalpha, lowered))
    vietnamese = sum(map(MARKED_LETTERS.__contains__, lowered))
    if letters < 20 or vietnamese < 0.03 * letters:
        return Problem(raw.source.name,
                       f"this does not look like a Vietnamese notice ({vietnamese} Vietnamese letters "
                       f"of {letters})",
                       "remove it from source_texts/, or fix its encoding if the text is garbled",
                       severity="error")
    return None


def field_warnings(name: str, notice: Notice) -> list[Problem]:
    """Unknown fields are published as "không rõ" but listed for a curator to review."""
    labels = {"doc_type": "document type", "title": "title", "province": "province",
              "issued_date": "issue date", "signer": "signer"}
    warnings = [Problem(name, f"{labels[f]} unknown", f"add `{f}:` to {Path(name).stem}.meta.yml if you know it")
                for f in notice.unknown_fields]
    if notice.meta.signer is not None and not notice.meta.signer.name:
        warnings.append(Problem(name, "signer's name not in the text",
                                f"add `signer_name:` to {Path(name).stem}.meta.yml if you know it"))
    return warnings


PIPELINE_CODE = ("ingest", "clean", "extract", "vietnamese", "data", "model.py", "data_files.py", "pipeline.py",
                 "text.py", "change_labels.py")


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """Hash of the pipeline's code and vocabularies: a change to either invalidates the cache.

    Only what ingest, clean and extract run on counts: changing how pages look does not
    make every notice be processed again.
    """
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".yml", ".yaml", ".tsv", ".txt", ".json") \
                and "__pycache__" not in path.parts and path.relative_to(package).parts[0] in PIPELINE_CODE:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cache_key(path: Path, source_dir: Path) -> str:
    """Source path, bytes and curator sidecar, with the code version."""
    from .ingest import sidecar_for

    digest = hashlib.sha256(code_version().encode())
    digest.update(str(path.resolve()).encode())
    digest.update(path.read_bytes())
    sidecar = sidecar_for(path)
    if sidecar:
        digest.update(sidecar.read_bytes())
    return digest.hexdigest()


def process_stored(path: Path, source_dir: Path, store: Path) -> tuple[Processed, Path | None]:
    """The file's result from the store, or computed and stored; with where it is stored."""
    try:
        entry = store / (cache_key(path, source_dir) + ".pickle")
    except OSError:
        return process_file(path, source_dir), None
    if entry.is_file():
        try:
            with open(entry, "rb") as handle:
                return pickle.load(handle), entry
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError):
            pass  # a damaged or stale entry: compute again
    result = process_file(path, source_dir)
    try:
        store.mkdir(parents=True, exist_ok=True)
        temporary = entry.with_suffix(f".{os.getpid()}.tmp")
        with open(temporary, "wb") as handle:
            pickle.dump(result, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(entry)
    except OSError:
        return result, None  # not stored under its key: ``process_to_head`` keeps it in a file of its own
    return result, entry


def summarise(notice: Notice) -> TextSummary:
    document = notice.document
    text = " ".join(b.text for b in document.blocks[:2])
    description = text[:200].rsplit(" ", 1)[0] + "…" if len(text) > 200 else text
    return TextSummary(content_key=content_key(document), words=sum(len(b.text.split()) for b in document.blocks),
                       description=description, ocr_quality=document.ocr_quality,
                       ocr_repairs=sum(1 for c in document.changes if c.stage == "ocr"),
                       fingerprint=fingerprint(document.title_lines + [b.text for b in document.blocks]))


def process_to_head(path: Path, source_dir: Path, store: Path) -> Processed:
    """Process (or reuse) one file and keep only its head: the text stays in the store."""
    result, entry = process_stored(path, source_dir, store)
    notice = result.notice
    if not isinstance(notice, Notice):
        return result
    if entry is None:  # could not be stored under its key: keep it in a file of its own to read back
        handle, name = tempfile.mkstemp(suffix=".pickle", dir=store)
        with os.fdopen(handle, "wb") as out:
            pickle.dump(result, out, protocol=pickle.HIGHEST_PROTOCOL)
        entry = Path(name)
    head = NoticeHead(id=notice.id, source=notice.source, meta=notice.meta, summary=summarise(notice), stored=entry,
                      problems=notice.problems, aliases=list(notice.aliases))
    return Processed(result.file, head, result.problems)


def load_notice(head: NoticeHead) -> Notice:
    """The whole notice back from the store, with the id and aliases the pipeline gave it."""
    with open(head.stored, "rb") as handle:
        notice = pickle.load(handle).notice
    notice.id, notice.aliases, notice.problems = head.id, list(head.aliases), head.problems
    notice.copies = list(head.copies)
    return notice


def worker_count(workers: int | None) -> int:
    """Processes to use: as asked, else both cores of a two-core machine (never more than the cores)."""
    return workers or min(2, os.cpu_count() or 1)


@contextlib.contextmanager
def worker_pool(workers: int | None = None) -> Iterator[ProcessPoolExecutor | None]:
    """The build's worker processes (both cores by default), or None when one process is asked for.

    Open it before the archive is in memory: workers are forked (where the system can) and a
    fork made later would share the building process's records, whose pages are then copied
    as soon as either side touches them (even pickling a task does), counting them twice.
    """
    workers = worker_count(workers)
    if workers <= 1:
        yield None
        return
    context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield pool


def in_order(pool: ProcessPoolExecutor, function, items: Iterable, window: int = 64) -> Iterator:
    """``pool.map`` with at most ``window`` tasks in flight, so results never pile up in memory
    while the consumer is slower than the workers (``Executor.map`` submits everything at once)."""
    pending: collections.deque = collections.deque()
    for item in items:
        pending.append(pool.submit(function, item))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _process_star(args: tuple[Path, Path, Path]) -> Processed:
    return process_to_head(*args)


def process_all(paths: list[Path], source_dir: Path, store: Path, pool: ProcessPoolExecutor | None) -> list[Processed]:
    """Process files in order; in the pool when there is one and enough files to pay for it."""
    if pool is None or len(paths) < 8:
        return [process_to_head(p, source_dir, store) for p in paths]
    return list(pool.map(_process_star, [(p, source_dir, store) for p in paths], chunksize=16))


def content_key(document: CleanDocument) -> str:
    """Hash of the clean text: the same notice under two names, encodings or line ends."""
    return hashlib.sha256(document.body_text.encode("utf-8")).hexdigest()


def page_dir(meta: Metadata) -> str:
    if meta.province:
        return f"notices/{meta.province.code}"
    return "notices/toan-quoc" if meta.scope == "national" else "notices/khong-ro"


def assign_ids(processed: list[Processed], registry: Registry, today: str | None = None
               ) -> tuple[list[NoticeHead], list[Problem]]:
    """Permanent ids in file order; identical texts become one page with aliases, and copies of one
    document (same number, issuer and date) one page that lists them (copies.merge_copies)."""
    notices, problems, by_content = [], [], {}
    unique = []
    for item in processed:
        problems.extend(item.problems)
        notice = item.notice
        if notice is None:
            continue
        key = notice.summary.content_key
        if key in by_content and different_identities(by_content[key].meta, notice.meta):
            key = (key, identity(notice.meta))  # the same words under another number or date: another notice
        if key in by_content:
            original = by_content[key]
            original.aliases.append(notice.source.name)
            problems.append(Problem(notice.source.name, f"the same notice as {original.source.name}",
                                    "published once; this file is recorded as an alias — delete one of the two",
                                    severity="duplicate"))
            continue
        by_content[key] = notice
        unique.append(notice)
    unique, copy_problems = merge_copies(unique)
    problems.extend(copy_problems)
    for notice in unique:
        meta = notice.meta
        proposed = propose_id(meta.province.code if meta.province else None, meta.scope, year_of(meta),
                              meta.doc_type_code, meta.number.number if meta.number else None, notice.source.sha256)
        entry = registry.assign(notice.source.name, notice.source.sha256, proposed, page_dir(meta), today)
        if entry.id != proposed and entry.id.startswith(proposed + "-"):
            problems.append(Problem(notice.source.name, f"another notice already has the URL id {proposed}",
                                    f"published as {entry.id}; check the two are really different notices"))
        notice.id = entry.id
        notices.append(notice)
    return notices, problems


def run_pipeline(source_dir: Path, workers: int | None = None, registry_path: Path | None = None,
                 today: str | None = None, cache_dir: Path | None = None,
                 pool: ProcessPoolExecutor | None = None) -> PipelineResult:
    """Every file of ``source_dir`` through ingest, clean and extract, with ids; in ``pool`` if given,
    else in a pool of ``workers`` processes of its own."""
    if pool is None and worker_count(workers) > 1:
        with worker_pool(workers) as own:
            if own is not None:
                return run_pipeline(source_dir, workers, registry_path, today, cache_dir, own)
    paths = discover(source_dir)
    temporary = None
    if cache_dir is not None:
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
        except OSError:
            cache_dir = None
    if cache_dir is None or not os.access(cache_dir, os.W_OK):  # the text of each notice must wait somewhere
        temporary = cache_dir = Path(tempfile.mkdtemp(prefix="archive-store-"))
    from .ingest.ocr import prefetch

    prefetch(paths, pool)  # scans' pages through OCR in the pool first: one scan may have hundreds
    processed = process_all(paths, source_dir, cache_dir, pool)
    registry = Registry.load(registry_path or source_dir / REGISTRY_NAME)
    notices, problems = assign_ids(processed, registry, today)
    published = {n.id for n in notices}
    entries = [e for e in registry.entries.values() if e.id in published]
    redirects = [(old, e.path) for e in entries for old in e.redirects]
    added = {e.id: e.added for e in entries if e.added}
    try:
        registry.save()
    except RegistryNotSaved as error:
        problems.append(Problem(REGISTRY_NAME, f"could not save the permalink registry ({error})",
                                "build from a writable folder, or pass --registry FILE, so ids are kept"))
    return PipelineResult([str(p.relative_to(source_dir)) for p in paths], notices, problems, redirects, added,
                          temporary)
