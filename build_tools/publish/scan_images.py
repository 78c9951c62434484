"""A scanned notice's pages as images for its page: sized for screens, compressed for the USB edition.

The reader sees the scan beside the text it was read into; the original file (PDF or image, as
it came) stays the download. A page that came as a phone photo of paper is shown as OCR read it:
cut to the sheet, its perspective undone and its light evened (``ingest/photo_page.py``), so that
it reads like the flat page beside it; the photo as it came is the download. Page images are rendered from the source (PDF pages by pypdfium2 at
``SCREEN_DPI``), scaled to at most ``SCREEN_WIDTH`` pixels and saved as progressive JPEG at
``JPEG_QUALITY``: an A4 page of text is legible at that size, at about 100-200 KB (the figure
is printed by ``benchmarks/ocr_scans.py``).
"""
from __future__ import annotations

import io
from pathlib import Path

from ..model import Notice
from .records import ScanRecord

SCREEN_DPI = 110  # an A4 page 910 pixels wide
SCREEN_WIDTH = 900
JPEG_QUALITY = 55


def page_jpegs(data: bytes, kind: str, turns: tuple[int, ...] = ()) -> list[bytes]:
    """Each page of a scan (``kind`` "pdf" or "image") as a screen-sized JPEG, turned upright as it
    was read (``turns``: degrees clockwise per page, ``OcrReading.page_turns``)."""
    from PIL import Image

    from ..ingest.ocr import page_count, page_image
    from ..ingest.orientation import turned
    from ..ingest.photo_page import prepare_photo

    out = []
    for index in range(page_count(data, kind)):
        image, _photo = prepare_photo(page_image(data, kind, index, dpi=SCREEN_DPI))  # a photo: as it was read
        image = turned(image, turns[index] if index < len(turns) else 0)
        if image.width > SCREEN_WIDTH:
            image = image.resize((SCREEN_WIDTH, round(image.height * SCREEN_WIDTH / image.width)), Image.LANCZOS)
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
        out.append(buffer.getvalue())
    return out


def scan_files(notice: Notice) -> dict[str, bytes]:
    """Downloads of a notice read by OCR: the original file as it came, and its page images
    (``<id>.trang-1.jpg`` …). Nothing for other notices, or when the source cannot be read."""
    if notice.raw.ocr is None:
        return {}
    path: Path = notice.source.path
    try:
        data = path.read_bytes()
        pages = page_jpegs(data, "pdf" if notice.source.format == "pdf" else "image", notice.raw.ocr.page_turns)
    except Exception:  # noqa: BLE001 - the text is published even if the images cannot be made
        return {}
    files = {original_name(notice): data}
    for number, jpeg in enumerate(pages, 1):
        files[page_name(notice.id, number)] = jpeg
    return files


def original_name(notice: Notice) -> str:
    return f"{notice.id}{notice.source.path.suffix.lower()}"


def page_name(notice_id: str, number: int) -> str:
    return f"{notice_id}.trang-{number}.jpg"


def scan_record(notice: Notice) -> ScanRecord | None:
    """What a notice page says about its scan: engine, model, mean confidence, page images."""
    reading = notice.raw.ocr
    if reading is None:
        return None
    return ScanRecord(reading.engine, reading.model, reading.mean_confidence,
                      tuple(page_name(notice.id, n) for n in range(1, reading.pages + 1)), original_name(notice),
                      tuple((n, degrees) for n, degrees in enumerate(reading.page_turns, 1) if degrees),
                      tuple(number for number, _step in reading.prepared))
