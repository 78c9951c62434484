"""The scan generator's copies without colour: photocopies (grey) and 1-bit scans (bitonal)."""
from __future__ import annotations

import numpy as np

from benchmarks.scan_generator import LEVELS, compose, photocopy, render, save_pdf, scan
from build_tools.ingest.ocr import page_image

POOL = [("x", ["Các sở, ban, ngành thực hiện nghiêm các biện pháp phòng, chống dịch trên địa bàn tỉnh. " * 5] * 3)]


def test_grey_and_bitonal_levels_have_no_colour_and_colour_levels_keep_it():
    spec = compose(2, "heldout", pool=POOL)
    assert scan(spec, "grey")[0].mode == "L"
    assert scan(spec, "bitonal")[0].mode == "1"
    assert scan(spec, "good")[0].mode == "RGB"
    assert {LEVELS["grey"].tone, LEVELS["bitonal"].tone, LEVELS["poor"].tone} == {"grey", "bitonal", "colour"}


def test_a_photocopy_prints_the_red_seal_as_dark_as_text():
    page = render(compose(2, "heldout", pool=POOL))[-1]
    red = np.asarray(page)
    seal = (red[..., 0] > 150) & (red[..., 1] < 80)  # the seal's red pixels on the colour page
    assert seal.sum() > 1000
    grey = np.asarray(photocopy(page, "grey"))
    assert np.median(grey[seal]) < 100  # dark enough to be read as ink
    bitonal = np.asarray(photocopy(page, "bitonal").convert("L"))
    assert (bitonal[seal] == 0).mean() > 0.9


def test_a_bitonal_scan_saves_as_a_pdf_the_reader_opens(tmp_path):
    pages = scan(compose(2, "heldout", pool=POOL), "bitonal")
    path = tmp_path / "fax.pdf"
    save_pdf(pages, path, LEVELS["bitonal"].dpi)
    image = page_image(path.read_bytes(), "pdf", 0)
    assert image.mode == "RGB" and image.size == pages[0].size
    assert set(np.unique(np.asarray(image.convert("L")))) <= {0, 255}
