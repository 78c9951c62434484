"""File formats → text: plain text and Markdown, PDF text layers and Word documents.

Each reader returns a ``Document``; a file that cannot be read (scanned,
encrypted, corrupt, unknown type) comes back with ``text=""`` and a reason in
``problems``, never an exception, so the build can report it and go on.

PDF pages are joined with a form feed (``\\f``) so the cleaning stage can tell
page boundaries apart and drop running headers and page numbers.
"""
from __future__ import annotations

import io
import logging
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..model import Change, OcrReading
from .decode import decode_bytes, fix_unicode_text, normalise_line_endings, replace_nul_characters

PAGE_BREAK = "\f"
TEXT_FORMATS = {".txt": "text", ".md": "markdown", ".markdown": "markdown"}
HTML_SUFFIXES = {".html": "html", ".htm": "html"}
IMAGE_FORMATS = {".png": "image", ".jpg": "image", ".jpeg": "image", ".tif": "image", ".tiff": "image"}
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .doc, or an encrypted .docx


@dataclass(frozen=True)
class Document:
    """A notice file's text with its format, its detected encoding and what was edited."""

    text: str
    format: str  # "text" | "markdown" | "pdf" | "docx" | "html" (or "unknown")
    encoding: str
    changes: list[Change] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    page: dict = field(default_factory=dict)  # a saved web page's own clues (ingest/html.py PageClues)
    notes: list[str] = field(default_factory=list)  # what a reading library warned about (text still read)
    ocr: OcrReading | None = None  # how a scan was read (ingest/ocr.py)

    @property
    def is_notice_format(self) -> bool:
        return self.format != "unknown"


@contextmanager
def library_messages(logger_name: str):
    """Collect what a library logs while it reads (pypdf's "EOF marker not found"), so the
    build report shows it beside the file instead of stderr printing it before the summary."""
    messages: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(record.getMessage().strip())

    logger = logging.getLogger(logger_name)
    handler, propagate = Collect(logging.WARNING), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield messages
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def read_document(path: Path) -> Document:
    """Read one notice file by its extension; never raises."""
    suffix = path.suffix.lower()
    fmt = (TEXT_FORMATS.get(suffix) or HTML_SUFFIXES.get(suffix) or {".pdf": "pdf", ".docx": "docx"}.get(suffix)
           or IMAGE_FORMATS.get(suffix))
    if fmt is None:
        return Document("", "unknown", "none", [],
                        [f"unsupported file extension {suffix or '(none)'!r}: expected .txt, .md, .pdf, .docx, "
                         ".html, .htm or a scan (.png, .jpg, .tif)"])
    try:
        data = path.read_bytes()
    except OSError as error:
        return Document("", fmt, "none", [], [f"cannot read the file ({error.strerror or error})"])
    if fmt == "pdf":
        return read_pdf(data)
    if fmt == "docx":
        return read_docx(data)
    if fmt == "html":
        return read_saved_page(data)
    if fmt == "image":
        return read_scanned(data, "image")
    decoded = decode_bytes(data)
    return Document(decoded.text, fmt, decoded.encoding, list(decoded.changes), list(decoded.problems))


def read_pdf(data: bytes) -> Document:
    """Text layer of a PDF, pages separated by form feeds; a scan without a usable text layer, or
    with scanned pages among typed ones, is read by OCR (``ocr.pdf_needs_ocr``)."""
    from .ocr import pdf_needs_ocr

    if not data.strip():
        return Document("", "pdf", "none", [], ["empty file"])
    text, problem, notes = pdf_text_layer(data)
    if problem:  # not read: what pypdf said explains why
        said = "; ".join(notes)
        return Document("", "pdf", "none", [], [f"{problem} (the PDF reader said: {said})" if said else problem])
    if pdf_needs_ocr(data, text):
        return read_scanned(data, "pdf")
    return replace(_extracted_document(text, "pdf", "pdf-text-layer"), notes=[f"PDF reader: {note}" for note in notes])


def pdf_text_layer(data: bytes) -> tuple[str | None, str | None, list[str]]:
    """(text layer with form feeds between pages, None, what pypdf warned about) or
    (None, why it cannot be read, what pypdf said)."""
    from pypdf import PdfReader  # imported here: only PDF sources pay for it

    with library_messages("pypdf") as messages:
        text, problem = _read_pdf_text(PdfReader, data)
    return text, problem, list(dict.fromkeys(messages))  # pypdf repeats itself once per page


def _read_pdf_text(PdfReader, data: bytes) -> tuple[str | None, str | None]:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not _unlock_without_password(reader):
            return None, "encrypted PDF (needs a password): cannot read its text"
        return PAGE_BREAK.join(page.extract_text() or "" for page in reader.pages), None
    except Exception as error:  # noqa: BLE001 - pypdf raises many types on damaged files
        return None, f"corrupt or unreadable PDF ({type(error).__name__}: {error})"


def read_scanned(data: bytes, kind: str) -> Document:
    """A scanned PDF or a page image, read by OCR (``ingest/ocr.py``)."""
    from .ocr import read_scan

    fmt = "pdf" if kind == "pdf" else "image"
    if not data.strip():
        return Document("", fmt, "none", [], ["empty file"])
    result = read_scan(data, kind)
    if result.problems:
        return Document("", fmt, "ocr", [], result.problems, ocr=result.reading)
    return Document(result.text, fmt, "ocr", [], [], ocr=result.reading)


def _unlock_without_password(reader) -> bool:
    """Many PDFs are encrypted only against editing, with an empty password to open them."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # noqa: BLE001 - unsupported cipher, missing crypto library
        return False


def read_docx(data: bytes) -> Document:
    """Paragraphs and table cells of a Word document in reading order, one per line."""
    import docx  # imported here: only DOCX sources pay for it

    if data.startswith(OLE_SIGNATURE):
        return Document("", "docx", "none", [],
                        ["not a .docx: an old .doc file or a password-protected document (OLE container)"])
    try:
        document = docx.Document(io.BytesIO(data))
        lines = list(_docx_lines(document))
    except Exception as error:  # noqa: BLE001 - python-docx raises zip, XML and key errors on damaged files
        return Document("", "docx", "none", [], [f"corrupt or unreadable .docx ({type(error).__name__}: {error})"])
    if not any(line.strip() for line in lines):
        return Document("", "docx", "utf-8", [], ["empty document (no text in paragraphs or tables)"])
    return _extracted_document("\n".join(lines), "docx", "utf-8")


def _docx_lines(container):
    """Lines of a document, table cell or nested table, depth first in document order."""
    from docx.table import Table

    for block in container.iter_inner_content():
        if isinstance(block, Table):
            seen = set()  # holds the cell elements, so lxml keeps their proxies (and identities)
            for row in block.rows:
                for cell in row.cells:
                    if cell._tc in seen:  # a merged cell is listed once per grid column
                        continue
                    seen.add(cell._tc)
                    yield from _docx_lines(cell)
        else:
            yield block.text


def read_saved_page(data: bytes) -> Document:
    """A page saved from a portal: its main content as text, its own clues kept apart."""
    from dataclasses import asdict

    from .html import read_html

    decoded = decode_bytes(data)
    if decoded.problems:
        return Document("", "html", decoded.encoding, list(decoded.changes), list(decoded.problems))
    page = read_html(decoded.text)
    if page.problems:
        return Document("", "html", decoded.encoding, list(decoded.changes), page.problems)
    document = _extracted_document(page.text, "html", decoded.encoding)
    change = Change("decode", "html-main-content", f"{len(decoded.text)} characters of HTML",
                    f"{len(page.text)} characters of text",
                    f"main content of the saved page chosen by {page.extractor}; menus, scripts and markup left out")
    return Document(document.text, "html", decoded.encoding, list(decoded.changes) + [change] + document.changes, [],
                    page={k: v for k, v in asdict(page.clues).items() if v})


def _extracted_document(text: str, fmt: str, encoding: str) -> Document:
    """Text from a PDF or DOCX may still be in a legacy font encoding (.VnTime, VNI-Times)."""
    text, encoding, changes = fix_unicode_text(text, encoding)
    text, nul_changes = replace_nul_characters(text)
    text, line_changes = normalise_line_endings(text)
    return Document(text, fmt, encoding, changes + nul_changes + line_changes, [])
