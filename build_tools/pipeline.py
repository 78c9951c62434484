"""ingest → clean → extract for a whole folder, accounting for every file.

Per-file work runs in a process pool (both cores); ids are then assigned in one
place, in file order, from the permanent registry.
"""
from __future__ import annotations

import functools
import hashlib
import os
import pickle
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .clean import clean_notice
from .extract import OverrideError, extract
from .ingest import REGISTRY_NAME, discover, read_notice
from .model import CleanDocument, Metadata, Notice, Problem, RawNotice
from .permalinks import Registry, RegistryNotSaved, propose_id

VIETNAMESE_LETTERS = set("ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")


@dataclass
class Processed:
    """What became of one source file: a notice, or the errors that stopped it."""

    file: str
    notice: Notice | None
    problems: list[Problem] = field(default_factory=list)


@dataclass
class PipelineResult:
    inputs: list[str]
    notices: list[Notice]
    problems: list[Problem]  # errors (not published) and warnings (published with caveats)
    redirects: list[tuple[str, str]] = field(default_factory=list)  # (old page path, current page path)
    added: dict[str, str] = field(default_factory=dict)  # notice id → date first published

    @property
    def rejected(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def process_file(path: Path, source_dir: Path) -> Processed:
    """One file through ingest, clean and extract; never raises for bad input."""
    name = str(path.relative_to(source_dir))
    try:
        raw = read_notice(path, source_dir)
    except OSError as error:
        return Processed(name, None, [Problem(name, f"cannot read the file ({error.strerror})",
                                              "check the file's permissions", severity="error")])
    errors = [p for p in raw.problems if p.severity == "error"]
    if errors:
        return Processed(name, None, raw.problems)
    document = clean_notice(raw)
    not_notice = why_not_a_notice(raw, document)
    if not_notice:
        return Processed(name, None, raw.problems + [not_notice])
    try:
        meta = extract(document, raw.overrides)
    except OverrideError as error:
        return Processed(name, None, raw.problems + [
            Problem(name, f"curator file: key `{error.key}`: {error.message}",
                    "correct or remove that key in the .meta.yml file", severity="error")])
    notice = Notice(id="", source=raw.source, raw=raw, document=document, meta=meta)
    notice.problems = raw.problems + field_warnings(name, notice)
    return Processed(name, notice, notice.problems)


def why_not_a_notice(raw: RawNotice, document: CleanDocument) -> Problem | None:
    """Text with no Vietnamese in it is not a notice (an English page, a table of numbers)."""
    letters = [ch for ch in raw.text.lower() if ch.isalpha()]
    if not document.blocks and not document.title_lines:
        return Problem(raw.source.name, "no text found after cleaning", "check the file holds the notice's text",
                       severity="error")
    vietnamese = sum(ch in VIETNAMESE_LETTERS for ch in letters)
    if len(letters) < 20 or vietnamese < 0.03 * len(letters):
        return Problem(raw.source.name,
                       f"this does not look like a Vietnamese notice ({vietnamese} Vietnamese letters "
                       f"of {len(letters)})",
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


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """Hash of the pipeline's code and vocabularies: a change to either invalidates the cache."""
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".yml", ".yaml", ".tsv", ".txt", ".json") \
                and "__pycache__" not in path.parts:
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


def process_cached(path: Path, source_dir: Path, cache_dir: Path | None) -> Processed:
    """``process_file`` with results reused when neither the file nor the code changed."""
    if cache_dir is None:
        return process_file(path, source_dir)
    try:
        entry = cache_dir / (cache_key(path, source_dir) + ".pickle")
    except OSError:
        return process_file(path, source_dir)
    if entry.is_file():
        try:
            with open(entry, "rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError):
            pass  # a damaged or stale entry: compute again
    result = process_file(path, source_dir)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        temporary = entry.with_suffix(f".{os.getpid()}.tmp")
        with open(temporary, "wb") as handle:
            pickle.dump(result, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(entry)
    except OSError:
        pass  # a read-only cache folder only costs speed
    return result


def _process_star(args: tuple[Path, Path, Path | None]) -> Processed:
    return process_cached(*args)


def process_all(paths: list[Path], source_dir: Path, workers: int | None = None,
                cache_dir: Path | None = None) -> list[Processed]:
    """Process files in order; a pool of processes when there are enough files to pay for it."""
    workers = workers or min(2, os.cpu_count() or 1)
    if workers <= 1 or len(paths) < 8:
        return [process_cached(p, source_dir, cache_dir) for p in paths]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_process_star, [(p, source_dir, cache_dir) for p in paths], chunksize=16))


def content_key(document: CleanDocument) -> str:
    """Hash of the clean text: the same notice under two names, encodings or line ends."""
    return hashlib.sha256(document.body_text.encode("utf-8")).hexdigest()


def page_dir(meta: Metadata) -> str:
    if meta.province:
        return f"notices/{meta.province.code}"
    return "notices/toan-quoc" if meta.scope == "national" else "notices/khong-ro"


def year_of(meta: Metadata) -> int | None:
    for value in (meta.issued_date, meta.meeting_date):
        if value:
            return int(value[:4])
    return meta.number.year if meta.number else None


def assign_ids(processed: list[Processed], registry: Registry, today: str | None = None
               ) -> tuple[list[Notice], list[Problem]]:
    """Permanent ids in file order; identical texts become one page with aliases."""
    notices, problems, by_content = [], [], {}
    for item in processed:
        problems.extend(item.problems)
        notice = item.notice
        if notice is None:
            continue
        key = content_key(notice.document)
        if key in by_content:
            original = by_content[key]
            original.aliases.append(notice.source.name)
            problems.append(Problem(notice.source.name, f"the same notice as {original.source.name}",
                                    "published once; this file is recorded as an alias — delete one of the two",
                                    severity="duplicate"))
            continue
        by_content[key] = notice
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
                 today: str | None = None, cache_dir: Path | None = None) -> PipelineResult:
    paths = discover(source_dir)
    processed = process_all(paths, source_dir, workers, cache_dir)
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
    return PipelineResult([str(p.relative_to(source_dir)) for p in paths], notices, problems, redirects, added)
