"""The seal and the signature found by shape on scans without colour (photocopies, 1-bit scans)."""
from __future__ import annotations

import hashlib
import io
import json

import numpy as np
import pytest
from PIL import Image, ImageDraw

from benchmarks.scan_generator import DRAW_DPI, compose, photocopy, render
from build_tools.ingest import ink_shapes, ocr

TEXT = ("Các sở, ban, ngành, địa phương tăng cường kiểm tra, giám sát việc thực hiện các biện pháp "
        "phòng, chống dịch trên địa bàn; báo cáo kết quả về Sở Y tế trước ngày 15 hằng tháng. ") * 4


@pytest.fixture(scope="module")
def colour_pages():
    spec = compose(3, "heldout", pool=[("x", [TEXT] * 9)])
    return render(spec)  # clean, 300 dpi, colour: the stamp and signature on the last page


def _inside(point, box):
    return box[0] <= point[0] <= box[2] and box[1] <= point[1] <= box[3]


@pytest.mark.parametrize("tone", ["grey", "bitonal"])
def test_the_seal_of_a_photocopy_is_found_where_the_colour_scan_has_it(colour_pages, tone):
    colour = colour_pages[-1]
    copy = photocopy(colour, tone)
    assert ocr.ink_regions(copy.convert("RGB")) == []  # no colour left to find it by
    rings = ink_shapes.stamp_rings(copy.convert("L"), DRAW_DPI)
    assert len(rings) == 1
    x, y, radius = rings[0]
    assert any(_inside((x, y), box) for box in ocr.ink_regions(colour))  # the red seal is there
    assert 14 <= radius / DRAW_DPI * 25.4 <= 20  # the generator's seal: 34 mm across


def test_pages_of_print_have_no_seal(colour_pages):
    for page in colour_pages[:-1]:
        assert ink_shapes.stamp_rings(photocopy(page, "grey").convert("L"), DRAW_DPI) == []
    assert ink_shapes.shape_regions(Image.new("L", (1240, 1754), 255), 150) == []


def test_a_ring_drawn_alone_is_a_seal_and_a_broken_arc_is_not():
    dpi = 150
    radius = round(17 / 25.4 * dpi)
    whole, arc = Image.new("L", (1240, 1754), 255), Image.new("L", (1240, 1754), 255)
    box = (600 - radius, 900 - radius, 600 + radius, 900 + radius)
    ImageDraw.Draw(whole).ellipse(box, outline=0, width=3)
    ImageDraw.Draw(arc).arc(box, 0, 200, fill=0, width=3)  # a curve of print, not a ring
    [(x, y, found)] = ink_shapes.stamp_rings(whole, dpi)
    assert abs(x - 600) <= 8 and abs(y - 900) <= 8 and abs(found - radius) <= 8
    assert ink_shapes.stamp_rings(arc, dpi) == []


def test_erasing_lifts_the_rings_and_keeps_the_print(colour_pages):
    grey = photocopy(colour_pages[-1], "grey").convert("L")
    [ring] = ink_shapes.stamp_rings(grey, DRAW_DPI)
    erased = ink_shapes.erase_rings(grey, [ring])
    before, after = np.asarray(grey) < 128, np.asarray(erased) < 128
    x, y, radius = ring
    rows, cols = before.shape
    yy, xx = np.mgrid[0:rows, 0:cols]
    far = np.hypot(xx - x, yy - y) > radius + 15
    assert (before[far] == after[far]).all()  # nothing away from the seal changes
    assert after.sum() < before.sum()
    assert ink_shapes.stamp_rings(erased, DRAW_DPI) == []  # no ring left to read as letters


def test_the_signature_beside_the_seal_is_a_region(colour_pages):
    colour = colour_pages[-1]
    grey = photocopy(colour, "grey").convert("L")
    regions = ink_shapes.shape_regions(grey, DRAW_DPI)
    ring_box = regions[0]
    strokes = [box for box in regions[1:] if box[2] > ring_box[2]]  # the flourish runs out of the seal
    assert strokes
    [colour_box] = ocr.ink_regions(colour)
    for box in strokes:
        assert colour_box[0] - 30 <= box[0] and box[2] <= colour_box[2] + 30
        assert colour_box[1] - 30 <= box[1] and box[3] <= colour_box[3] + 30


def test_a_cached_grey_page_with_a_seal_is_read_again_without_its_rings(colour_pages, tmp_path, monkeypatch):
    """Pages cached before the seal was lifted: a page with a seal found by shape is read again
    (its words under the seal were missing), a page without one only gets its regions."""
    monkeypatch.setenv("ARCHIVE_OCR_CACHE", str(tmp_path))
    calls = []
    monkeypatch.setattr(ocr, "ocr_page", lambda image, **_: calls.append(image.size) or {"words": [], "fresh": True})
    for page, expected_calls in ((colour_pages[0], 0), (colour_pages[-1], 1)):
        buffer = io.BytesIO()
        photocopy(page, "grey").save(buffer, "PNG", dpi=(DRAW_DPI, DRAW_DPI))
        data = buffer.getvalue()
        file_hash = hashlib.sha256(data).hexdigest()
        old = {"size": list(page.size), "words": [], "dpi": [DRAW_DPI, "metadata"],
               "inks": {"method": "an older method", "boxes": []}}
        ocr._entry(file_hash, 0).write_text(json.dumps(old), encoding="utf-8")
        calls.clear()
        result = ocr.read_page(data, "png", 0, file_hash)
        assert len(calls) == expected_calls
        assert result.get("fresh", False) == bool(expected_calls)
        if not expected_calls:
            assert result["inks"]["method"] == ocr.INK_METHOD and result["inks"]["boxes"] == []


needs_tesseract = pytest.mark.skipif(__import__("shutil").which("tesseract") is None, reason="tesseract-ocr not installed")


@needs_tesseract
def test_a_photocopied_notice_is_read_with_its_signer(tmp_path, monkeypatch):
    """End to end on a grey one-page scan: the seal is found by shape and its rings lifted, so
    the signer's title under it is read and the signer extracted."""
    from benchmarks.scan_generator import LEVELS, save_pdf, scan
    from build_tools.clean import clean_text
    from build_tools.extract import extract
    from build_tools.ingest.formats import read_document

    monkeypatch.setenv("ARCHIVE_OCR_CACHE", str(tmp_path / "cache"))
    spec = compose(5, "heldout", paragraphs=2, pool=[("x", [TEXT[:300]] * 4)])
    pages = scan(spec, "grey")
    assert len(pages) == 1
    save_pdf(pages, tmp_path / "photocopy.pdf", LEVELS["grey"].dpi)
    document = read_document(tmp_path / "photocopy.pdf")
    assert any("vết mực dấu" in line for line in document.ocr.dropped)  # the seal's debris, found by shape
    meta = extract(clean_text(document.text, document.ocr))
    assert meta.signer is not None and meta.signer.name == spec.signer_name
