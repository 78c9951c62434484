"""Reading notice files by format: text, Markdown, PDF text layers, DOCX.

PDF fixtures are written by fpdf2 with the DejaVu font (Vietnamese glyphs),
DOCX fixtures by python-docx; damaged and locked files must come back as
problems, never as exceptions.
"""
from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from pathlib import Path

import pytest

from build_tools.ingest.formats import Document, read_document

from .test_decode import SENTENCES, encode_tcvn3, as_surface

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def squash(text: str) -> str:
    """Whitespace-insensitive form: PDF layout wraps lines where it likes."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


@pytest.fixture(scope="module")
def font() -> Path:
    if not DEJAVU.is_file():
        pytest.skip(f"!!! PDF TESTS SKIPPED: {DEJAVU} is missing; install it with "
                    "`apt-get install fonts-dejavu-core` !!!")
    return DEJAVU


def make_pdf(path: Path, font: Path, pages: list[str], **encryption) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("DejaVu", fname=str(font))
    pdf.set_font("DejaVu", size=11)
    if encryption:
        pdf.set_encryption(**encryption)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 6, text)
    pdf.output(str(path))
    return path


# --- text and Markdown -------------------------------------------------------------


@pytest.mark.parametrize("name, fmt", [("notice.txt", "text"), ("notice.md", "markdown"), ("NOTICE.TXT", "text")])
def test_text_files_go_through_decoding(tmp_path, name, fmt):
    path = tmp_path / name
    path.write_bytes("\r\n".join(SENTENCES[:3]).encode("utf-8"))
    document = read_document(path)
    assert isinstance(document, Document)
    assert (document.format, document.encoding, document.problems) == (fmt, "utf-8", [])
    assert document.text == "\n".join(SENTENCES[:3])
    assert [change.kind for change in document.changes] == ["line-endings"]


def test_legacy_text_file_is_converted(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes(encode_tcvn3("Ban Chỉ đạo phòng, chống dịch"))
    document = read_document(path)
    assert (document.text, document.encoding) == ("Ban Chỉ đạo phòng, chống dịch", "tcvn3")


# --- PDF -------------------------------------------------------------------------------


def test_pdf_pages_are_joined_with_form_feeds(tmp_path, font):
    pages = SENTENCES[:3]
    document = read_document(make_pdf(tmp_path / "notice.pdf", font, pages))
    assert (document.format, document.problems) == ("pdf", [])
    assert document.encoding == "pdf-text-layer"
    assert [squash(page) for page in document.text.split("\f")] == [squash(page) for page in pages]


def test_pdf_in_a_legacy_font_is_converted(tmp_path, font):
    """A PDF typed in .VnTime without a Unicode map extracts as TCVN3 surface characters."""
    original = "Ban Chỉ đạo phòng, chống dịch tỉnh họp trực tuyến về các biện pháp cấp bách"
    document = read_document(make_pdf(tmp_path / "vntime.pdf", font, [as_surface(encode_tcvn3(original))]))
    assert document.encoding == "pdf-text-layer+tcvn3"
    assert squash(document.text) == original


def test_blank_scanned_pdf_is_read_by_ocr_and_reported_empty(tmp_path, font):
    from fpdf import FPDF
    from PIL import Image

    image = tmp_path / "scan.png"
    Image.new("L", (200, 100), color=255).save(image)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(str(image), x=10, y=10, w=100)
    pdf.output(str(tmp_path / "scan.pdf"))
    document = read_document(tmp_path / "scan.pdf")
    assert document.text == ""
    assert document.encoding == "ocr" and document.ocr is not None and document.ocr.pages == 1
    assert document.problems == ["no text found by OCR (blank pages, or not a document)"]


def test_pdf_locked_with_a_password_is_a_problem(tmp_path, font):
    path = make_pdf(tmp_path / "locked.pdf", font, SENTENCES[:1], owner_password="owner-secret", user_password="reader-secret")
    document = read_document(path)
    assert document.text == ""
    assert document.problems and "encrypted" in document.problems[0]


def test_pdf_encrypted_only_against_editing_is_read(tmp_path, font):
    path = make_pdf(tmp_path / "owner-only.pdf", font, SENTENCES[:1], owner_password="owner-secret")
    document = read_document(path)
    assert document.problems == []
    assert squash(document.text) == squash(SENTENCES[0])


@pytest.mark.parametrize("data", [
    b"%PDF-1.7\nthis is not really a pdf",
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
    b"",
    bytes(range(256)) * 8,
])
def test_corrupt_pdf_is_a_problem(tmp_path, data):
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    document = read_document(path)
    assert document.text == ""
    assert len(document.problems) == 1


def test_truncated_pdf_is_a_problem_or_partial_text(tmp_path, font):
    whole = make_pdf(tmp_path / "whole.pdf", font, SENTENCES[:2]).read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(whole[: len(whole) // 2])
    document = read_document(path)
    assert document.problems or document.text


def test_pdf_library_messages_go_into_the_report_not_the_console(tmp_path, font, capsys):
    """pypdf's warnings about a damaged PDF become report entries beside the file, never console noise."""
    from build_tools.ingest import read_notice

    whole = make_pdf(tmp_path / "whole.pdf", font, SENTENCES[:2]).read_bytes()
    first_line = whole.index(b"\n") + 1
    path = tmp_path / "shifted.pdf"  # every offset of its cross-reference table is wrong: pypdf warns, reads on
    path.write_bytes(whole[:first_line] + b"%" + b"x" * 40 + b"\n" + whole[first_line:])
    raw = read_notice(path, tmp_path)
    captured = capsys.readouterr()
    assert "startxref" not in captured.err + captured.out
    notes = [p for p in raw.problems if p.severity == "warning"]
    assert squash(SENTENCES[0])[:40] in squash(raw.text)
    assert notes and all(n.message.startswith("PDF reader: ") and n.fix and n.file == "shifted.pdf" for n in notes)
    assert any("startxref" in n.message for n in notes)


def test_pdf_library_messages_explain_an_unreadable_pdf(tmp_path, font):
    whole = make_pdf(tmp_path / "whole.pdf", font, SENTENCES[:2]).read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(whole[: whole.rindex(b"startxref")])
    document = read_document(path)
    assert not document.text and "the PDF reader said: EOF marker not found" in document.problems[0]


# --- DOCX ------------------------------------------------------------------------------


def make_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_heading("THÔNG BÁO", level=1)
    document.add_paragraph(SENTENCES[0])
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Nơi nhận:"
    table.cell(0, 1).text = "T/M BAN THƯỜNG VỤ"
    merged = table.cell(1, 0).merge(table.cell(1, 1))
    merged.text = "Lưu Văn phòng Tỉnh ủy"
    document.add_paragraph(SENTENCES[1])
    document.save(str(path))
    return path


def test_docx_paragraphs_and_table_cells_in_order(tmp_path):
    document = read_document(make_docx(tmp_path / "notice.docx"))
    assert (document.format, document.encoding, document.problems) == ("docx", "utf-8", [])
    assert document.text.split("\n") == [
        "THÔNG BÁO", SENTENCES[0], "Nơi nhận:", "T/M BAN THƯỜNG VỤ", "Lưu Văn phòng Tỉnh ủy", SENTENCES[1],
    ]


def test_docx_in_a_legacy_font_is_converted(tmp_path):
    import docx

    original = "Ban Chỉ đạo phòng, chống dịch tỉnh họp trực tuyến về các biện pháp cấp bách"
    document = docx.Document()
    document.add_paragraph(as_surface(encode_tcvn3(original)))
    document.save(str(tmp_path / "vntime.docx"))
    result = read_document(tmp_path / "vntime.docx")
    assert (result.text, result.encoding) == (original, "utf-8+tcvn3")


def test_empty_docx_is_a_problem(tmp_path):
    import docx

    docx.Document().save(str(tmp_path / "empty.docx"))
    document = read_document(tmp_path / "empty.docx")
    assert document.text == "" and len(document.problems) == 1


@pytest.mark.parametrize("data", [
    b"PK\x03\x04 not really a zip",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500),  # old .doc or a password-protected .docx
    b"",
])
def test_corrupt_or_locked_docx_is_a_problem(tmp_path, data):
    path = tmp_path / "broken.docx"
    path.write_bytes(data)
    document = read_document(path)
    assert document.text == ""
    assert len(document.problems) == 1


def test_zip_without_a_word_document_is_a_problem(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    path = tmp_path / "fake.docx"
    path.write_bytes(buffer.getvalue())
    document = read_document(path)
    assert document.text == "" and len(document.problems) == 1


# --- anything else ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ["notice.doc", "scan.bin", "README"])
def test_unknown_extension_is_a_problem(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"whatever")
    document = read_document(path)
    assert document.text == ""
    assert document.problems and "extension" in document.problems[0]


def test_image_that_is_not_an_image_is_a_problem(tmp_path):
    path = tmp_path / "scan.jpg"
    path.write_bytes(b"whatever")
    document = read_document(path)
    assert document.text == "" and document.format == "image"
    assert document.problems and "unreadable image" in document.problems[0]


def test_unreadable_path_is_a_problem(tmp_path):
    document = read_document(tmp_path / "missing.txt")
    assert document.text == "" and document.problems


def _typed_pages_then(tmp_path, font, last_page: str) -> Path:
    """A typed two-page notice whose last page is a full-page scan ("scan"), a small signature
    image ("signature") or blank ("blank")."""
    from fpdf import FPDF
    from PIL import Image

    image = tmp_path / "page.png"
    Image.new("L", (1240, 1754), color=255).save(image)
    pdf = FPDF()
    pdf.add_font("DejaVu", fname=str(font))
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 6, " ".join(SENTENCES))
    pdf.add_page()
    if last_page == "scan":
        pdf.image(str(image), x=0, y=0, w=pdf.w, h=pdf.h)
    elif last_page == "signature":
        pdf.image(str(image), x=120, y=40, w=40, h=20)
    path = tmp_path / f"typed-{last_page}.pdf"
    pdf.output(str(path))
    return path


def test_a_typed_pdf_with_a_scanned_page_is_read_whole_by_ocr(tmp_path, font):
    from build_tools.ingest.ocr import pdf_needs_ocr, scan_kind, scanned_pages_without_text
    from build_tools.ingest.formats import pdf_text_layer

    mixed = _typed_pages_then(tmp_path, font, "scan")
    text, _, _ = pdf_text_layer(mixed.read_bytes())
    assert scanned_pages_without_text(mixed.read_bytes(), text) == [text.count("\f")]  # the last page
    assert pdf_needs_ocr(mixed.read_bytes(), text) and scan_kind(mixed) == "pdf"
    for last_page in ("signature", "blank"):  # no page of print is lost: the text layer is read
        typed = _typed_pages_then(tmp_path, font, last_page)
        assert scan_kind(typed) is None
        assert read_document(typed).encoding == "pdf-text-layer"
