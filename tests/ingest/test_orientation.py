"""Pages scanned sideways or upside down: the first reading tells, Tesseract's orientation
detection says how far to turn, and the page is read again upright."""
from __future__ import annotations

import shutil

import pytest
from PIL import Image

from benchmarks.scan_generator import LEVELS, compose, scan
from build_tools.ingest.formats import read_document
from build_tools.ingest.orientation import (parse_orientation, reads_upright, standing_share, syllable_share,
                                            turned)

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract-ocr not installed")


def word(text, w=120, h=40):
    return {"text": text, "conf": 90.0, "box": [0, 0, w, h], "line": [1, 1, 1]}


@pytest.mark.parametrize("report, turn", [
    ("Page number: 0\nOrientation in degrees: 270\nRotate: 90\nOrientation confidence: 15.50\n", 90),
    ("Rotate: 180\nOrientation confidence: 17.24\nScript: Latin\n", 180),
    ("Rotate: 90\nOrientation confidence: 0.80\n", 0),  # a guess: the page stays as it is
    ("Rotate: 0\nOrientation confidence: 17.98\n", 0),
    ("Too few characters. Skipping this page\n", 0),
])
def test_the_turn_is_taken_only_when_tesseract_is_sure(report, turn):
    assert parse_orientation(report) == turn


def test_a_reading_of_syllables_lying_along_the_lines_is_upright():
    upright = [word(text) for text in "Ủy ban nhân dân tỉnh yêu cầu các sở thực hiện".split()]
    assert syllable_share(upright) == 1.0 and standing_share(upright) == 0.0 and reads_upright(upright)
    garbage = [word(text) for text in "ạ1! nnợh ẹừ Hsỉ ỳuxa ủby tỉnh".split()]
    assert not reads_upright(garbage)
    standing = [word(text, w=40, h=120) for text in "Ủy ban nhân dân tỉnh yêu cầu".split()]
    assert syllable_share(standing) == 1.0 and not reads_upright(standing)  # read, but lying on its side
    assert reads_upright([])  # a blank page is no evidence of a turned one


def test_a_page_is_turned_clockwise_pixel_for_pixel():
    image = Image.new("L", (30, 20), 255)
    image.putpixel((0, 0), 0)  # a mark in the top-left corner
    image.info["dpi"] = (150, 150)
    quarter = turned(image, 90)
    assert quarter.size == (20, 30) and quarter.getpixel((19, 0)) == 0 and quarter.info["dpi"] == (150, 150)
    assert turned(image, 180).getpixel((29, 19)) == 0
    assert turned(image, 270).getpixel((0, 29)) == 0
    assert turned(image, 0) is image


@needs_tesseract
@pytest.mark.parametrize("turn", [90, 180])
def test_a_page_scanned_sideways_or_upside_down_is_read_upright(tmp_path, monkeypatch, turn):
    monkeypatch.setenv("ARCHIVE_OCR_CACHE", str(tmp_path / "ocr-cache"))
    spec = compose(3, "heldout", paragraphs=2)
    page = scan(spec, LEVELS["good"])[0]
    # the scan as it came: turned the other way (Pillow turns anticlockwise)
    page.rotate(turn, expand=True).save(tmp_path / "page.png", dpi=(200, 200))
    document = read_document(tmp_path / "page.png")
    assert document.problems == [] and document.ocr.page_turns == (turn,)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in document.text and spec.number in document.text
