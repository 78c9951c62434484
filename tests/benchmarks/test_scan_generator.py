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


def test_a_photo_is_the_sheet_on_a_darker_desk_at_phone_resolution_and_the_same_for_a_seed():
    import numpy as np

    from benchmarks.scan_generator import PHONE_DPI, truth_text

    spec = compose(2, "heldout", paragraphs=2)
    first, again = scan(spec, "photo")[0], scan(spec, "photo")[0]
    assert first.tobytes() == again.tobytes()  # deterministic by seed
    assert first.info["dpi"] == (PHONE_DPI, PHONE_DPI)
    assert abs(first.width / first.height - 3 / 4) < 0.01
    grey = np.asarray(first.convert("L"), dtype=np.float32)
    border = np.concatenate([grey[:20].ravel(), grey[-20:].ravel(), grey[:, :20].ravel(), grey[:, -20:].ravel()])
    middle = grey[grey.shape[0] // 3:2 * grey.shape[0] // 3, grey.shape[1] // 3:2 * grey.shape[1] // 3]
    assert np.median(border) < 0.6 * np.percentile(middle, 90)  # the desk around the sheet is darker
    # A4 at 150-200 pixels per inch spanning 80-92 % of the frame's height
    assert 11.69 * 150 / 0.92 <= first.height <= 11.69 * 200 / 0.80
    assert truth_text(spec) == truth_text(compose(2, "heldout", paragraphs=2))
    red, _green, blue = (np.asarray(c, dtype=np.float32) for c in first.split())
    assert np.percentile(red - blue, 50) > 5  # a warm cast
