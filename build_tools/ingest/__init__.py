"""Ingest stage: files in a source folder → ``RawNotice`` records.

Every file is accounted for: either it yields a RawNotice (possibly with
warnings) or a ``Problem`` with severity "error" saying why it cannot be read.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import yaml

from ..model import Problem, RawNotice, SourceFile
from .formats import read_document

SIDECAR_SUFFIX = ".meta.yml"
REGISTRY_NAME = "permalinks.yml"
RESERVED_NAMES = {REGISTRY_NAME, "README.md", "README.txt"}
# The longest real notices are about 40 KB and laws a few hundred KB: a file of several MB is a
# batch of documents or a dump, and one page for it would be unreadable.
MAX_NOTICE_BYTES = 3_000_000
# A saved web page carries its markup, styles and often inline images: its limit is on the page.
MAX_PAGE_BYTES = 30_000_000
PAGE_SUFFIXES = (".html", ".htm")


def discover(source_dir: Path) -> list[Path]:
    """Every notice file in the folder tree, in a stable order.

    Curator sidecars (``*.meta.yml``), the permalink registry, hidden files and the
    ``<page>_files/`` folder a browser saves beside a page (its images, scripts and styles)
    are not notices; everything else is, so nothing is skipped silently.
    """
    files = []
    for path in sorted(source_dir.rglob("*")):
        relative = path.relative_to(source_dir)
        if not path.is_file() or any(part.startswith(".") for part in relative.parts):
            continue
        if path.name.endswith(SIDECAR_SUFFIX) or path.name in RESERVED_NAMES or _saved_page_asset(path, source_dir):
            continue
        files.append(path)
    return files


def _saved_page_asset(path: Path, source_dir: Path) -> bool:
    """A file inside ``name_files/`` next to ``name.html`` (a browser's "save complete page")."""
    for folder in path.relative_to(source_dir).parents:
        if folder.name.endswith("_files"):
            page = source_dir / folder.parent / folder.name[:-len("_files")]
            if any(page.with_name(page.name + suffix).is_file() for suffix in PAGE_SUFFIXES):
                return True
    return False


def sidecar_for(path: Path) -> Path | None:
    """``name.meta.yml`` or ``name.txt.meta.yml`` beside the notice, if present."""
    for candidate in (path.with_name(path.stem + SIDECAR_SUFFIX), path.with_name(path.name + SIDECAR_SUFFIX)):
        if candidate.is_file():
            return candidate
    return None


def read_overrides(path: Path, display_name: str) -> tuple[dict, list[Problem]]:
    """Parse the curator's sidecar; a malformed file stops the notice, naming the sidecar's line."""
    sidecar = sidecar_for(path)
    if sidecar is None:
        return {}, []
    try:
        data = yaml.safe_load(sidecar.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{sidecar.name}:{mark.line + 1}" if mark else sidecar.name
        return {}, [Problem(display_name, f"curator file {where} is not valid YAML "
                                          f"({getattr(error, 'problem', None) or error})",
                            f"fix the YAML syntax (indentation, brackets, quotes, colons) in {where}",
                            severity="error")]
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        return {}, [Problem(display_name, f"curator file {sidecar.name} must be a mapping of field names",
                            "write `field: value` lines, e.g. `province: quang-ninh`", severity="error")]
    return data, []


def read_notice(path: Path, source_dir: Path | None = None) -> RawNotice:
    """Read one file: bytes → decoded text, with its hash and the curator's overrides."""
    display_name = str(path.relative_to(source_dir)) if source_dir else path.name
    data = path.read_bytes()
    limit = MAX_PAGE_BYTES if path.suffix.lower() in PAGE_SUFFIXES else MAX_NOTICE_BYTES
    if len(data) > limit:
        source = SourceFile(path, display_name, hashlib.sha256(data).hexdigest(), len(data), "text", "unread")
        return RawNotice(source, "", problems=[Problem(
            display_name, f"too large for one notice ({len(data) / 1e6:.1f} MB; the limit is "
                          f"{limit / 1e6:.0f} MB)",
            "split the file into one file per notice", severity="error")])
    document = read_document(path)
    source = SourceFile(path=path, name=display_name, sha256=hashlib.sha256(data).hexdigest(), size=len(data),
                        format=document.format, encoding=document.encoding)
    problems = [Problem(display_name, reason, _fix_for(reason),
                        severity="error" if document.is_notice_format else "skipped") for reason in document.problems]
    problems += [Problem(display_name, note, "the text was read; compare the page with the PDF, and export the PDF "
                                             "again if text is missing") for note in document.notes]
    overrides, override_problems = read_overrides(path, display_name)
    return RawNotice(source, document.text, list(document.changes), problems + override_problems, overrides,
                     dict(document.page), document.ocr)


def _fix_for(reason: str) -> str:
    """A curator's next step for a file that could not be read."""
    lowered = reason.lower()
    if "empty" in lowered or "whitespace" in lowered:
        return "remove the file or replace it with the notice's text"
    if "binary" in lowered:
        return "convert the file to text (.txt, .md, .pdf, .docx or a saved .html page) or a page image (.png, .jpg, .tif)"
    if "page has no text" in lowered or "html page" in lowered:
        return "the saved page holds no notice text: save its attachment (the PDF or scan) instead, or paste the text as .txt"
    if "tesseract" in lowered:
        return "install Debian's tesseract-ocr and tesseract-ocr-vie (scripts/build.sh does it as root)"
    if "ocr" in lowered or "scan" in lowered or "text layer" in lowered:
        return "check the scan opens and shows the notice; add its text as a .txt file if OCR cannot read it"
    if "encrypted" in lowered or "password" in lowered:
        return "remove the password (print to PDF again) or add the text as a .txt file"
    if "corrupt" in lowered or ".doc" in lowered:
        return "open and save the file again as .docx or .pdf, or add the text as a .txt file"
    if "extension" in lowered or "format" in lowered:
        return ("not read as a notice: if it is one, save it as .txt, .md, .pdf, .docx or .html; "
                "otherwise move it out of the source folder")
    return "check the file opens as text; re-export it as UTF-8"
