"""Page images of a scan for its notice page: screen-sized, small enough for the USB edition."""
from __future__ import annotations

import io

from PIL import Image

from benchmarks.scan_generator import LEVELS, compose, save_pdf, save_tiff, scan
from build_tools.publish.scan_images import JPEG_QUALITY, SCREEN_WIDTH, page_jpegs


def test_pdf_and_tiff_pages_become_small_screen_jpegs(tmp_path):
    spec = compose(5, "heldout", paragraphs=2)
    pages = scan(spec, LEVELS["good"])
    save_pdf(pages, tmp_path / "scan.pdf", 200)
    save_tiff(pages, tmp_path / "scan.tif", 200)
    for path, kind in ((tmp_path / "scan.pdf", "pdf"), (tmp_path / "scan.tif", "image")):
        jpegs = page_jpegs(path.read_bytes(), kind)
        assert len(jpegs) == len(pages)
        for data in jpegs:
            image = Image.open(io.BytesIO(data))
            assert image.format == "JPEG" and image.width <= SCREEN_WIDTH and image.height > image.width
            assert len(data) < 150_000, f"{len(data)} bytes at quality {JPEG_QUALITY}"


def test_a_page_read_turned_is_shown_turned_the_same_way(tmp_path):
    spec = compose(5, "heldout", paragraphs=2)
    page = scan(spec, LEVELS["good"])[0]
    page.rotate(90, expand=True).save(tmp_path / "sideways.png", dpi=(200, 200))  # scanned lying on its side
    data = (tmp_path / "sideways.png").read_bytes()
    as_scanned = Image.open(io.BytesIO(page_jpegs(data, "image")[0]))
    upright = Image.open(io.BytesIO(page_jpegs(data, "image", (90,))[0]))
    assert as_scanned.width > as_scanned.height and upright.height > upright.width


def test_a_phone_photo_is_shown_as_the_prepared_page_and_kept_as_it_came(tmp_path):
    """The page image of a photo is the sheet cut out and evened (the desk gone), while the
    download is the photo's own bytes (scan_files keeps ``data`` as it came)."""
    import numpy as np

    from benchmarks.scan_generator import save_photos

    spec = compose(5, "heldout", paragraphs=2)
    photos = scan(spec, LEVELS["photo"])[:1]
    save_photos(photos, tmp_path / "photo.tif")
    shown = Image.open(io.BytesIO(page_jpegs((tmp_path / "photo.tif").read_bytes(), "image")[0])).convert("L")
    grey = np.asarray(shown, dtype=np.float32)
    corners = [grey[:12, :12], grey[:12, -12:], grey[-12:, :12], grey[-12:, -12:]]
    assert all(np.median(corner) > 200 for corner in corners)  # paper at the corners, no desk
    assert shown.height > shown.width and abs(shown.height / shown.width - 297 / 210) < 0.04


def test_the_scan_record_names_the_pages_that_came_as_photos():
    from pathlib import Path
    from types import SimpleNamespace

    from build_tools.model import OcrReading
    from build_tools.publish.scan_images import scan_record

    reading = OcrReading("Tesseract", "vie", "test", 3, 90.0, ((10, 10),) * 3, (),
                         prepared=((1, "ảnh chụp: …"), (3, "ảnh chụp: làm đều độ sáng")))
    notice = SimpleNamespace(id="x", raw=SimpleNamespace(ocr=reading), source=SimpleNamespace(path=Path("a.JPG")))
    record = scan_record(notice)
    assert record.photos == (1, 3) and record.original == "x.jpg" and len(record.pages) == 3
