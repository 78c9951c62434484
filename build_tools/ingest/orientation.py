"""Pages scanned sideways or upside down, found and turned upright before they are read.

A page fed into the scanner the wrong way round, or a portrait page scanned as landscape, gives
Tesseract lines it cannot follow: a page turned a quarter or half a turn reads as a fifth of its
words, almost none of them Vietnamese syllables (measured on generated pages: 22 % syllables against
99 % upright). The first reading tells: a page whose words are mostly no syllable is shown to
Tesseract's orientation detection (``--psm 0``, Debian's ``osd`` model), and when that is sure of a
turn the page is read again turned, and the turned reading is kept if more of it is Vietnamese. Tesseract reads a page turned a
quarter one way in valid syllables, but its words then stand on end (boxes taller than wide), which
tells that page too.
Upright pages pay nothing: their first reading is at least 73 % syllables on every generated
level (a short last page of recipients and abbreviations on a poor copy is the least).
"""
from __future__ import annotations

import re

from ..vietnamese.syllables import is_syllable

# a page read with fewer syllables among its words than this is shown to the orientation detection
MIN_SYLLABLE_SHARE = 0.5
# ... or with more of its longer words standing on end than this
MAX_STANDING_SHARE = 0.5
# Tesseract's orientation confidence needed to turn a page (upright generated pages and pages turned
# 90°, 180° or 270° all gave 15-18; Tesseract's documentation calls under 2 a guess)
MIN_ORIENTATION_CONFIDENCE = 2.0
_EDGES = ".,;:!?()[]\"“”‘’'«»…-–—/*"
_ROTATE = re.compile(r"^Rotate:\s*(\d+)", re.MULTILINE)
_CONFIDENCE = re.compile(r"^Orientation confidence:\s*([\d.]+)", re.MULTILINE)


def syllable_share(words: list[dict]) -> float:
    """Share of a reading's words made of letters that are Vietnamese syllables (1.0 when it
    has no such word: a blank page is no evidence of a turned one)."""
    letters = [core for word in words if (core := word["text"].strip(_EDGES).lower()).isalpha()]
    if not letters:
        return 1.0
    return sum(1 for core in letters if is_syllable(core)) / len(letters)


def standing_share(words: list[dict]) -> float:
    """Share of the words of three letters or more whose box is taller than wide: Tesseract reads a
    page turned a quarter one way line by line, in valid syllables, but its words stand on end (and
    the layout, rebuilt by rows, would be nonsense)."""
    long = [word["box"] for word in words if sum(ch.isalpha() for ch in word["text"]) >= 3]
    if not long:
        return 0.0
    return sum(1 for box in long if box[3] > box[2]) / len(long)


def reads_upright(words: list[dict]) -> bool:
    """The page was read the right way up: mostly Vietnamese syllables, lying along the lines."""
    return syllable_share(words) >= MIN_SYLLABLE_SHARE and standing_share(words) < MAX_STANDING_SHARE


def orientation_turn(grey, dpi: int | None) -> int:
    """Degrees (90, 180 or 270, clockwise) the page must be turned to stand upright, as Tesseract's
    orientation detection says when it is sure; 0 otherwise, or when it cannot tell (too little text)."""
    import pytesseract

    config = "--psm 0" + (f" --dpi {dpi}" if dpi else "")
    try:
        report = pytesseract.image_to_osd(grey, config=config)
    except pytesseract.TesseractError:  # "Too few characters": nothing to turn by
        return 0
    return parse_orientation(report)


def parse_orientation(report: str) -> int:
    """The turn in Tesseract's OSD report, 0 unless its confidence reaches ``MIN_ORIENTATION_CONFIDENCE``."""
    rotate, confidence = _ROTATE.search(report), _CONFIDENCE.search(report)
    if not rotate or not confidence or float(confidence.group(1)) < MIN_ORIENTATION_CONFIDENCE:
        return 0
    degrees = int(rotate.group(1)) % 360
    return degrees if degrees in (90, 180, 270) else 0


def turned(image, degrees: int):
    """``image`` turned ``degrees`` clockwise, pixel for pixel (its declared resolution kept)."""
    from PIL import Image

    if not degrees:
        return image
    clockwise = {90: Image.Transpose.ROTATE_270, 180: Image.Transpose.ROTATE_180, 270: Image.Transpose.ROTATE_90}
    out = image.transpose(clockwise[degrees])
    if "dpi" in image.info:
        out.info["dpi"] = image.info["dpi"]
    return out
