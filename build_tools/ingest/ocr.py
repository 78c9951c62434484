"""Scans → text: page images through Tesseract (Vietnamese model), read with the page's layout.

    reading = read_scan(data, "pdf")   # OcrResult(text, reading: OcrReading, problems)

Page images come from pypdfium2 (PDF pages rendered at ``DPI``) or Pillow (PNG, JPEG,
multi-page TIFF; photos turned upright by their EXIF orientation; a page scanned sideways or
upside down turned upright when its first reading is little Vietnamese, ``orientation``). Before Tesseract sees a
page, coloured ink is dropped: the red stamp and the blue signature sit over the signer block
and only add garbage, while printed text is black (``drop_colour_ink``). On a page without
coloured ink (a photocopy, a 1-bit scan) the seal is found by its shape instead and its rings
are lifted (``ink_shapes``): Tesseract took the seal drawn over the signer's title for a picture
and read nothing of the title. Tesseract is told the
page's resolution (``page_resolution``: what the file declares when it is believable for paper,
else measured on the body text's x-height, as for phone photos); left to guess, it takes a
150-dpi scan of 14-pt type for 265 dpi and drops tone marks as noise. Tesseract is driven
through pytesseract's TSV output, so every word comes with its box and confidence. A second
pass (``second_pass``, on by default; ``$ARCHIVE_OCR_SECOND_PASS=off`` turns it off) reads the
lines holding unsure words again, enlarged, and keeps a word's second reading only when
Tesseract is surer of it or it is a Vietnamese syllable where the first was none. The second
pass never changes a word with digits; the header's two field lines get a reading of their own
(``reread_header_fields``, on by default; ``$ARCHIVE_OCR_HEADER_REREAD=off`` turns it off): on the
first page, the number line and the place-and-date line (found in the page's reading order by the
cleaning stage's rules for those cells) whose number or date is not whole as read ("tháng 0",
"ngày 233", "412TBUBND") are read again alone, enlarged, as one line; that reading's field is
taken only when it is whole, and recorded as an ``ocr-reread`` change (``OcrResult.changes``).

Layout, by geometry rather than by Tesseract's block order:

* words are grouped into visual rows (words of one row overlap vertically);
* a row is cut into segments where a gap is wider than ``COLUMN_GAP`` line heights;
* a run of rows that has a column gap and no row crossing it is a two-column zone (the
  header: issuing body and number | motto and date; the foot: recipients | signer):
  the left column is read first, then the right one;
* page numbers (a lone number at the top or bottom of a page) and running headers (a top or
  bottom row repeated on other pages) are dropped and listed in ``OcrReading.dropped``.

Each page's result is cached in ``cache_dir()`` keyed on the file's hash, the page and the
OCR settings (engine version, model file, render resolution, page segmentation), never on
this code's version: OCR takes seconds a page. ``prefetch`` reads the uncached pages of many
files in the build's process pool and prints progress on long runs.
"""
from __future__ import annotations

import functools
import hashlib
import io
import json
import os
import re
import statistics
import subprocess
import sys
import time
import unicodedata
import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from ..data_files import load_yaml
from ..vietnamese.syllables import is_syllable
from ..model import Change, OcrReading, OcrWord
from .ink_shapes import SHAPE_METHOD, erase_rings, shape_regions, stamp_rings
from .orientation import orientation_turn, reads_upright, syllable_share, turned
from .photo_page import PHOTO_METHOD, prepare_photo

# Tesseract's Vietnamese model (Debian's tesseract-ocr-vie). ``$ARCHIVE_OCR_MODEL`` names another
# installed one, e.g. the script model "Vietnamese" (tesseract-ocr-script-viet): measured on the
# training split's poor copies it reads fewer words wrong (7.7 % against 8.5 %) but after the
# repair, which learned the language model's confusions, the two are level (5.1 % and 5.3 %).
MODELS = ("vie",)
# how a page image is prepared for Tesseract: part of the cache key (change it when that changes)
PREPARATION = ("native-scan-image;grey=max(red,blue);colour-ink>30-and-light-white;tesseract-dpi=metadata|x-height6.6pt"
               ";upright=osd-if-syllables<0.5;" + PHOTO_METHOD)
DPI = 300  # PDF pages are rendered at this resolution; Tesseract reads best near 300 dpi
PSM = 3  # Tesseract's automatic page segmentation (its default); columns are rebuilt below
COLUMN_GAP = 2.5  # a gap of this many line heights inside a row separates two columns
EDGE = 0.08  # share of the page height at the top and bottom where page furniture sits
STAMP_DEBRIS_CONFIDENCE = 30.0  # non-words this unsure under a stamp or signature are its debris
COLOUR_INK = 30  # red or blue this far above the other channels: stamp or pen ink (print is grey)
SOLID_CONFIDENCE = 50.0  # words read at least this sure decide where columns run
# Ink regions (``ink_regions``): the page cut into cells of 1/100 of its width (2 mm on A4); a cell
# is coloured when this share of its pixels is strong red or blue ink, and touching coloured cells
# (grown by one) make a region when at least ``INK_MIN_CELLS`` of them are coloured (a stamp, a
# signature; a fleck of colour is none). Part of the cached page, versioned by ``INK_METHOD``.
INK_CELL_SHARE = 0.03
INK_STRONG = 60  # colour strength (see ``colour_strength``) of stamp and pen ink, not of JPEG fringes
INK_MIN_CELLS = 6
INK_METHOD = (f"cells1/100;strong>{INK_STRONG};share>{INK_CELL_SHARE:g};min{INK_MIN_CELLS};grow1"
              f"|else:{SHAPE_METHOD}")
SURE_ROW_CONFIDENCE = 80.0  # a row holding a word read this sure is print, also under a stamp
# A box shorter than this share of the page's usual word height, and this narrow, holds no letter
# of print whatever the engine says; shorter than ``SMALL_BOX`` and unsure, it is a speck.
TINY_BOX = 0.15
SMALL_BOX = 0.4
# The resolution Tesseract is told (``page_resolution``): without one it guesses from the text's
# x-height as if the type were small (a 150-dpi scan of 14-pt type is taken for 265 dpi) and
# drops small diacritics as noise. Metadata is trusted in this range, and when it makes the page
# a paper size (inches wide, A6 to A3 landscape); else the body text's x-height gives it.
TRUSTED_DPI = (100, 1200)
PAPER_WIDTH_INCHES = (3.5, 17.5)
BODY_X_HEIGHT_POINTS = 6.6  # x-height of 13-14 pt Times (the body type of Nghị định 30/2020), ink as printed
MIN_TEXT_BANDS = 40  # fewer text bands than this on a page: too little body text to measure
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
# The second pass (``second_pass``): lines holding a word read less sure than ``UNSURE_CONFIDENCE``
# are cropped, enlarged ``SECOND_PASS_SCALE`` times and read again, all in one Tesseract call per
# page; a word takes the second reading only on evidence of Tesseract's own (``better_reading``).
# ``$ARCHIVE_OCR_SECOND_PASS`` = "on" / "off" overrides the default.
SECOND_PASS = True
UNSURE_CONFIDENCE = 60.0
SECOND_PASS_SCALE = 3
SECOND_PASS_PSM = 6  # the stacked line crops are one block of text, a line each
MAX_SHEET_PIXELS = 30_000  # a stack of line crops at most this high (Tesseract's limit is 32,767)
CONFIDENCE_MARGIN = 10.0  # a second reading of the same validity must be this much surer
# The header's field lines read again (``reread_header_fields``): on the first page, the number
# line and the place-and-date line whose number or date is not whole as read are cropped, enlarged
# ``REREAD_SCALE`` times and read as one line (``REREAD_PSM``); the reading is taken only when it
# makes the field whole. ``$ARCHIVE_OCR_HEADER_REREAD`` = "on" / "off" overrides the default.
HEADER_REREAD = True
REREAD_SCALE = 3
REREAD_PSM = 7
# A date still not whole after that: each of its numbers that is no valid day, month or year alone
# (or is missing between its words) is read digits-only at each of ``DIGIT_SCALES``; the readings
# are taken only when they agree and the date is then valid (``reread_date_numbers``).
DIGIT_SCALES = (3, 2)


@functools.lru_cache(maxsize=1)
def _page_number() -> re.Pattern[str]:
    """"Trang 3", "- 3 -", "3/12": a page number line (the label from structure.yml)."""
    label = re.escape(load_yaml("structure.yml")["page_label"])
    return re.compile(rf"^[-–\s]*(?:{label}\s*)?\d{{1,4}}(?:\s*/\s*\d{{1,4}})?[-–\s]*$", re.I)


class OcrUnavailable(RuntimeError):
    """Tesseract or its Vietnamese model is not installed."""


@dataclass
class OcrResult:
    text: str
    reading: OcrReading | None
    problems: list[str]
    changes: list[Change] = dataclasses.field(default_factory=list)  # header lines whose second reading was taken


# --- settings and cache ----------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def engine() -> tuple[str, str, str]:
    """(engine name and version, model description, model file hash) or OcrUnavailable."""
    try:
        import pytesseract

        version = str(pytesseract.get_tesseract_version()).split()[0]
        # ``tesseract --list-langs`` itself: pytesseract's list leaves out capitalised (script) models
        listing = subprocess.run([pytesseract.pytesseract.tesseract_cmd, "--list-langs"],
                                 capture_output=True, text=True, timeout=60).stdout
        languages = [line.strip() for line in listing.splitlines()[1:] if line.strip()]
    except Exception as error:  # noqa: BLE001 - missing binary, broken install
        raise OcrUnavailable(f"Tesseract is not installed ({type(error).__name__})") from error
    lang = language(languages)
    if lang is None:
        wanted = os.environ.get("ARCHIVE_OCR_MODEL") or MODELS[0]
        raise OcrUnavailable(f"Tesseract's Vietnamese model ({wanted}.traineddata) is not installed")
    model_file = _model_file(lang)
    digest = hashlib.sha256(model_file.read_bytes()).hexdigest()[:12] if model_file else "unknown"
    return f"Tesseract {version}", f"{lang} ({model_file.name if model_file else lang})", digest


def language(installed: Iterable[str] | None = None) -> str | None:
    """The model Tesseract reads with: ``$ARCHIVE_OCR_MODEL`` when set, else the first of ``MODELS``
    installed (None: none is)."""
    if installed is None:
        return engine()[1].split()[0]
    installed = set(installed)
    wanted = os.environ.get("ARCHIVE_OCR_MODEL")
    return next((lang for lang in ((wanted,) if wanted else MODELS) if lang in installed), None)


def _model_file(lang: str) -> Path | None:
    for folder in (os.environ.get("TESSDATA_PREFIX"), "/usr/share/tesseract-ocr/5/tessdata",
                   "/usr/share/tesseract-ocr/4.00/tessdata", "/usr/share/tessdata"):
        if folder and (Path(folder) / f"{lang}.traineddata").is_file():
            return Path(folder) / f"{lang}.traineddata"
    return None


def settings_key(header_reread: bool | None = None) -> str:
    """What the OCR of a page depends on besides its bytes (``header_reread=False``: the key of a
    reading made without the header's second reading, which ``read_page`` can add to it)."""
    name, _model, digest = engine()
    key = f"{name}|{language()}:{digest}|dpi{DPI}|psm{PSM}|oem1|{PREPARATION}"
    if second_pass_on():
        key += (f"|second-pass:conf<{UNSURE_CONFIDENCE:g},x{SECOND_PASS_SCALE},psm{SECOND_PASS_PSM},"
                f"margin{CONFIDENCE_MARGIN:g}")
    if header_reread_on() if header_reread is None else header_reread:
        key += f"|{HEADER_REREAD_METHOD}:x{REREAD_SCALE},psm{REREAD_PSM},digits{'+'.join(map(str, DIGIT_SCALES))}"
    return key


HEADER_REREAD_METHOD = "header-fields-reread-v5"  # change it when the rule taking a reading changes


def header_reread_on() -> bool:
    """Whether the header's number and date lines are read again when not whole (``HEADER_REREAD``
    unless ``$ARCHIVE_OCR_HEADER_REREAD`` says)."""
    return _switch("ARCHIVE_OCR_HEADER_REREAD", HEADER_REREAD)


def second_pass_on() -> bool:
    """Whether unsure lines are read a second time (``SECOND_PASS`` unless the environment says)."""
    return _switch("ARCHIVE_OCR_SECOND_PASS", SECOND_PASS)


def _switch(variable: str, default: bool) -> bool:
    """``$variable`` "on" or "off", else ``default``."""
    wanted = os.environ.get(variable, "").strip().lower()
    return default if wanted not in ("on", "off") else wanted == "on"


def cache_dir() -> Path | None:
    """``$ARCHIVE_OCR_CACHE`` or ``.cache/ocr`` in the project; None when it cannot be written."""
    folder = Path(os.environ.get("ARCHIVE_OCR_CACHE") or Path(__file__).resolve().parents[2] / ".cache" / "ocr")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder if os.access(folder, os.W_OK) else None


def _entry(file_hash: str, page: int, settings: str | None = None) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    key = hashlib.sha256(f"{file_hash}|{page}|{settings or settings_key()}".encode()).hexdigest()
    return folder / f"{key}.json"


def _cached(file_hash: str, page: int, settings: str | None = None) -> dict | None:
    entry = _entry(file_hash, page, settings)
    if entry is None or not entry.is_file():
        return None
    try:
        return json.loads(entry.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _store(file_hash: str, page: int, result: dict) -> None:
    entry = _entry(file_hash, page)
    if entry is None:
        return
    temporary = entry.with_suffix(f".{os.getpid()}.tmp")
    try:
        temporary.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
        temporary.replace(entry)
    except OSError:
        pass


# --- page images -------------------------------------------------------------------------


def page_count(data: bytes, kind: str) -> int:
    if kind == "pdf":
        import pypdfium2

        document = pypdfium2.PdfDocument(data)
        try:
            return len(document)
        finally:
            document.close()
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        return getattr(image, "n_frames", 1)


def page_image(data: bytes, kind: str, index: int, dpi: int = DPI):
    """Page ``index`` (0-based) as an RGB Pillow image; PDF pages rendered at ``dpi``."""
    from PIL import Image, ImageOps

    if kind == "pdf":
        import pypdfium2

        document = pypdfium2.PdfDocument(data)
        try:
            page = document[index]
            native = _scanned_image(page) if dpi >= DPI else None
            image = native or page.render(scale=dpi / 72).to_pil().convert("RGB")
            resolution = max(image.size) / (max(page.get_size()) / 72) if native else dpi
            image.info["dpi"] = (resolution, resolution)  # the page's pixels per inch of paper
            return image
        finally:
            document.close()
    image = Image.open(io.BytesIO(data))
    image.seek(index)
    frame = ImageOps.exif_transpose(image.copy()) if index == 0 else image.copy()
    info = dict(frame.info)
    frame = frame.convert("RGB")
    frame.info.update(info)  # keeps the resolution the file declares ("dpi")
    return frame


def _scanned_image(page):
    """The page's one image at its own resolution, when the page is a scan (one image covering
    it): resampling a 150-dpi scan to 300 dpi costs Tesseract words. None otherwise."""
    try:
        found = _covering_image(page)
        if found is None:
            return None
        image = found.get_bitmap(render=False).to_pil().convert("RGB")
        return image if image.width >= 0.9 * page.get_size()[0] * 150 / 72 else None  # under 150 dpi: render instead
    except Exception:  # noqa: BLE001 - unusual image formats: rendering the page always works
        return None


def _covering_image(page):
    """The page's one image object when it covers the page (90 % of each side): a scanned page."""
    import pypdfium2.raw as pdfium_c

    images = list(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=1))
    if len(images) != 1:
        return None
    left, bottom, right, top = images[0].get_bounds()
    width, height = page.get_size()
    return images[0] if right - left >= 0.9 * width and top - bottom >= 0.9 * height else None


def scanned_pages_without_text(data: bytes, text: str) -> list[int]:
    """Pages (0-based) of a PDF that are a scan with no usable text layer of their own, in a PDF
    whose other pages have one: a typed notice with its signed last page scanned in. A page with
    no text and no covering image (blank, or a signature image alone) is none."""
    import pypdfium2

    layers = text.split("\f")
    empty = [index for index, layer in enumerate(layers) if sum(ch.isalpha() for ch in layer) < MIN_PAGE_LETTERS]
    if not empty:
        return []
    document = pypdfium2.PdfDocument(data)
    try:
        return [index for index in empty if index < len(document) and _covering_image(document[index]) is not None]
    except Exception:  # noqa: BLE001 - a damaged page: the text layer is read as it is
        return []
    finally:
        document.close()


def drop_colour_ink(image):
    """The page in grey with red and blue ink (stamp, signature) lifted to paper, and the box of
    that ink (None when there is none).

    Each pixel takes the lighter of its red and blue channels: red ink is light in the red
    channel, blue ink in the blue one, while black print is dark in both, also where a stamp
    covers it (a mask would erase the letters under the stamp with it).
    """
    from PIL import ImageChops, ImageFilter

    red, _green, blue = image.split()
    grey = ImageChops.lighter(red, blue)
    colour = colour_strength(image)
    # coloured pixels are ink of a stamp or a pen, never print; print under the ink stays dark
    mask = ImageChops.darker(colour.point(lambda v: 255 if v > COLOUR_INK else 0),
                             grey.point(lambda v: 255 if v > 110 else 0))
    grey.paste(255, mask=mask)
    strong = colour.point(lambda v: 255 if v > 60 else 0)
    solid = strong.filter(ImageFilter.MaxFilter(5)).filter(ImageFilter.MinFilter(9))  # specks are no stamp
    return grey, solid.getbbox()


def colour_strength(image):
    """How far each pixel is red or blue above its other channels (0 for grey print and paper)."""
    from PIL import ImageChops

    red, green, blue = image.split()
    reddish = ImageChops.darker(ImageChops.subtract(red, green), ImageChops.subtract(red, blue))
    bluish = ImageChops.darker(ImageChops.subtract(blue, red), ImageChops.subtract(blue, green))
    return ImageChops.lighter(reddish, bluish)


def ink_regions(image) -> list[list[int]]:
    """Boxes (left, top, right, bottom) of the page's coloured ink: the stamp and the signature,
    each as a whole (its ring, letters, star and strokes), where ``drop_colour_ink``'s one box
    shrinks to the solid parts of the stamp. Words found there are weighed as possible debris
    (``assemble``); print under the ink stays."""
    from PIL import Image, ImageFilter

    strong = colour_strength(image).point(lambda v: 255 if v > INK_STRONG else 0)
    cell = max(3, round(image.width / 100))
    cols, rows = image.width // cell, image.height // cell
    if not cols or not rows:
        return []
    cells = strong.crop((0, 0, cols * cell, rows * cell)).resize((cols, rows), Image.BOX)
    coloured = cells.point(lambda v: 255 if v > 255 * INK_CELL_SHARE else 0)
    grown = list(coloured.filter(ImageFilter.MaxFilter(3)).get_flattened_data())  # touching cells, one cell apart
    inked = list(coloured.get_flattened_data())
    boxes = []
    for group in _components({k for k, v in enumerate(grown) if v}, cols):
        if sum(1 for k in group if inked[k]) >= INK_MIN_CELLS:
            ys, xs = [k // cols for k in group], [k % cols for k in group]
            boxes.append([min(xs) * cell, min(ys) * cell, (max(xs) + 1) * cell, (max(ys) + 1) * cell])
    return boxes


def stamp_and_signature(image, grey, dpi: float | None) -> tuple[list[list[int]], list[tuple[int, int, int]]]:
    """The regions of the stamp and the signature, and the seals' rings found by shape: by their
    colour (``ink_regions``; no rings), else, on a page without coloured ink (a photocopy, a 1-bit
    scan), by their shape (``ink_shapes``), whose rings are lifted before Tesseract reads."""
    regions = ink_regions(image)
    if regions or not dpi:
        return regions, []
    rings = stamp_rings(grey, dpi)
    return shape_regions(grey, dpi, rings), rings


def _components(cells: set[int], cols: int) -> list[list[int]]:
    """The 8-connected groups of a set of grid cells (numbered row by row, ``cols`` a row)."""
    groups, seen = [], set()
    for start in sorted(cells):
        if start in seen:
            continue
        seen.add(start)
        stack, group = [start], []
        while stack:
            k = stack.pop()
            group.append(k)
            y, x = divmod(k, cols)
            for ny in (y - 1, y, y + 1):
                for nx in (x - 1, x, x + 1):
                    other = ny * cols + nx
                    if 0 <= nx < cols and other in cells and other not in seen:
                        seen.add(other)
                        stack.append(other)
        groups.append(group)
    return groups


# --- resolution ---------------------------------------------------------------------------


def page_resolution(image, grey) -> tuple[int | None, str]:
    """(dots per inch Tesseract is told, where it comes from: "metadata", "x-height" or "none").

    Scanners write the resolution into the file (and a scanned PDF's page size gives it); phone
    photos and screenshots carry 72 or 96 dpi or none, which says nothing of the paper. Metadata
    is used when it is in ``TRUSTED_DPI`` and makes the page a paper's width; otherwise the
    resolution is measured on the body text (``x_height_pixels``), whose type size official
    documents fix."""
    declared = declared_dpi(image)
    if declared is not None:
        return round(declared), "metadata"
    x_height = x_height_pixels(grey)
    if x_height is not None:
        return round(x_height * 72 / BODY_X_HEIGHT_POINTS), "x-height"
    return None, "none"


def declared_dpi(image) -> float | None:
    """The resolution the image declares, when it is believable for a page of paper."""
    value = image.info.get("dpi")
    try:
        dpi = float(value[0] if isinstance(value, (tuple, list)) else value)
    except (TypeError, ValueError, IndexError):
        return None
    if not TRUSTED_DPI[0] <= dpi <= TRUSTED_DPI[1]:
        return None
    inches = min(image.size) / dpi  # the page's shorter side: A4 portrait or landscape alike
    return dpi if PAPER_WIDTH_INCHES[0] <= inches <= PAPER_WIDTH_INCHES[1] else None


def x_height_pixels(grey, strips: int = 12) -> float | None:
    """The median x-height of the page's text lines in pixels, None when there is too little text.

    The page is cut into narrow vertical strips (a skewed line stays level within one) and each
    strip's ink is averaged per pixel row; a run of inked rows is a text band. Inside a band,
    ascenders, descenders and tone marks ink few rows thinly, the letters' bodies many rows
    densely: the longest run of rows holding at least a quarter of the band's peak ink is the
    x-height."""
    from PIL import Image

    ink = grey.point(lambda v: 255 if v < 128 else 0)
    width, height = ink.size
    step = max(1, width // strips)
    heights = []
    for left in range(0, width - step + 1, step):
        profile = list(ink.crop((left, 0, left + step, height)).resize((1, height), Image.BOX).get_flattened_data())
        heights += [core for core in map(_band_core, _bands(profile)) if core]
    return statistics.median(heights) if len(heights) >= MIN_TEXT_BANDS else None


def _bands(profile: list[float]) -> Iterable[list[float]]:
    """Runs of rows with some ink (over 2 % of the strip) in a strip's row profile."""
    band: list[float] = []
    for value in [*profile, 0]:
        if value > 255 * 0.02:
            band.append(value)
        elif band:
            yield band
            band = []


def _band_core(band: list[float]) -> int:
    """The longest run of rows with a quarter of the band's peak ink; 0 for a band that is no
    text line (too thin, or too faint: a rule, a speck, a fold)."""
    peak = max(band)
    if len(band) < 4 or peak < 255 * 0.12:
        return 0
    best = run = 0
    for value in band:
        run = run + 1 if value >= 0.25 * peak else 0
        best = max(best, run)
    return best


# --- one page ------------------------------------------------------------------------------


def ocr_page(image, may_turn: bool = True, first_page: bool = True) -> dict:
    """Tesseract on one page image: its words (text, confidence, box), the page size and the
    box of the stamp and signature ink. A page that reads as little Vietnamese is turned upright
    when Tesseract's orientation detection is sure (``orientation``); ``"turned"`` says by how many
    degrees clockwise, and every box is then the turned page's. A phone photo of paper
    is first cut to the sheet and evened (``photo_page``): the words' boxes and the size are then
    those of the prepared page (turned, when it was). On the ``first_page`` the header's number and
    date lines are read again when they are not whole (``reread_header_fields``)."""
    image, photo = prepare_photo(image) if may_turn else (image, None)  # the turned page is prepared already
    grey, ink_box = drop_colour_ink(image)
    dpi, source = page_resolution(image, grey)
    regions, rings = stamp_and_signature(image, grey, dpi)
    if rings:
        grey = erase_rings(grey, rings)
    words = read_words(grey, PSM, dpi)
    if may_turn and not reads_upright(words) and (turn := orientation_turn(grey, dpi)):
        upright = ocr_page(turned(image, turn), may_turn=False, first_page=first_page)
        if reads_upright(upright["words"]) or syllable_share(upright["words"]) > syllable_share(words):
            return {**upright, "turned": turn, "photo": photo.record() if photo else None}
    result = {"size": list(image.size), "ink": list(ink_box) if ink_box else None, "words": words,
              "dpi": [dpi, source], "inks": {"method": INK_METHOD, "boxes": regions, "rings": [list(r) for r in rings]},
              "photo": photo.record() if photo else None}
    if second_pass_on():
        result["words"], result["second_pass"] = second_pass(grey, words, dpi)
    if first_page and header_reread_on():
        result["words"], result["header_reread"] = reread_header_fields(grey, result["words"], dpi)
    return result


def read_words(image, psm: int, dpi: float | None, options: str = "") -> list[dict]:
    """Tesseract's LSTM engine on ``image`` with page segmentation ``psm`` (and ``options``), told the
    image's resolution when known: its words (``tesseract_words``). Every reading of the reader goes
    through here: the page, the stacked unsure lines, a header line, a number's digits."""
    import pytesseract

    config = f"--oem 1 --psm {psm}{options}" + (f" --dpi {dpi}" if dpi else "")
    return tesseract_words(pytesseract.image_to_data(image, lang=language(), config=config,
                                                     output_type=pytesseract.Output.DICT))


def tesseract_words(data: dict, scale: float = 1.0) -> list[dict]:
    """Tesseract's TSV rows as words: text (NFC), confidence, box (divided by ``scale``, back to the
    pixels of the page an enlarged image was made from), and its (block, paragraph, line)."""
    words = []
    for k, text in enumerate(data["text"]):
        text = unicodedata.normalize("NFC", (text or "").strip())
        confidence = float(data["conf"][k])
        if not text or confidence < 0:
            continue
        box = [data[key][k] if scale == 1.0 else round(data[key][k] / scale)
               for key in ("left", "top", "width", "height")]
        words.append({"text": text, "conf": round(confidence, 1), "box": box,
                      "line": [data["block_num"][k], data["par_num"][k], data["line_num"][k]]})
    return words


# --- second pass over unsure lines ---------------------------------------------------------------


def tesseract_lines(words: list[dict]) -> list[list[int]]:
    """Indices of the words of each of Tesseract's lines (its (block, paragraph, line) number), in
    the order the lines first appear."""
    lines: dict[tuple, list[int]] = {}
    for index, word in enumerate(words):
        lines.setdefault(tuple(word["line"]), []).append(index)
    return list(lines.values())


def unsure_lines(words: list[dict], threshold: float | None = None) -> list[list[int]]:
    """Indices of the words of each Tesseract line that holds a word with letters read less sure
    than ``threshold`` (``UNSURE_CONFIDENCE``); sure lines (most of a clean page) are not read again."""
    threshold = UNSURE_CONFIDENCE if threshold is None else threshold
    return [members for members in tesseract_lines(words)
            if any(words[i]["conf"] < threshold and _has_letter(words[i]) for i in members)]


def line_crop(boxes: list[list[int]], size: tuple[int, int]) -> tuple[int, int, int, int]:
    """(left, top, right, bottom) around a line's word boxes, with room for tone marks above and
    descenders below (half the line's height) and a little at the ends, inside the page."""
    height = statistics.median(b[3] for b in boxes)
    left = min(b[0] for b in boxes) - height
    right = max(b[0] + b[2] for b in boxes) + height
    top = min(b[1] for b in boxes) - height / 2
    bottom = max(b[1] + b[3] for b in boxes) + height / 2
    return (max(0, int(left)), max(0, int(top)), min(size[0], int(right) + 1), min(size[1], int(bottom) + 1))


def stack_crops(grey, crops: list[tuple[int, int, int, int]], scale: int):
    """The crops enlarged ``scale`` times (Lanczos) and stacked on white paper, a line's height of
    white between them, so one Tesseract call reads them all; with each crop's top in the stack."""
    from PIL import Image

    pieces = [grey.crop(crop).resize(((crop[2] - crop[0]) * scale, (crop[3] - crop[1]) * scale), Image.LANCZOS)
              for crop in crops]
    gap = max(piece.height for piece in pieces) // 2
    width = max(piece.width for piece in pieces) + 2 * gap
    sheet = Image.new("L", (width, sum(piece.height + gap for piece in pieces) + gap), 255)
    tops, y = [], gap
    for piece in pieces:
        sheet.paste(piece, (gap, y))
        tops.append(y)
        y += piece.height + gap
    return sheet, tops, gap


def sheet_runs(crops: list[tuple[int, int, int, int]], scale: int) -> list[tuple[int, int]]:
    """The crops cut into runs (start, end) whose stacked sheet stays under ``MAX_SHEET_PIXELS`` high:
    Tesseract refuses an image taller than 32,767 pixels, and a page of many unsure lines (a page
    read sideways) would stack higher."""
    runs, start, total, tallest = [], 0, 0, 0
    for k, crop in enumerate(crops):
        piece = (crop[3] - crop[1]) * scale
        # stack_crops: the pieces, and half the tallest piece of white above, between and below them
        if k > start and total + piece + (k - start + 2) * (max(tallest, piece) // 2) > MAX_SHEET_PIXELS:
            runs.append((start, k))
            start, total, tallest = k, 0, 0
        total, tallest = total + piece, max(tallest, piece)
    if start < len(crops):
        runs.append((start, len(crops)))
    return runs


def to_page(words: list[dict], crops: list[tuple[int, int, int, int]], tops: list[int], left: int,
            scale: int) -> list[list[dict]]:
    """Words read on the stack, per crop, with boxes back in the page's pixels."""
    out: list[list[dict]] = [[] for _ in crops]
    for word in words:
        x, y, w, h = word["box"]
        middle = y + h / 2
        k = max((j for j, top in enumerate(tops) if top <= middle), default=None)
        if k is None or middle > tops[k] + (crops[k][3] - crops[k][1]) * scale:
            continue  # in the white between crops: nothing of a line
        box = [round((x - left) / scale) + crops[k][0], round((y - tops[k]) / scale) + crops[k][1],
               round(w / scale), round(h / scale)]
        out[k].append({**word, "box": box})
    return out


def pair_words(first: list[dict], second: list[dict]) -> list[tuple[dict, dict]]:
    """Words of the two readings that are the same word on paper: their spans across the line
    overlap by more than 60 % of the two together (a word split or merged differently pairs with
    nothing)."""
    def same_span(a, b):
        (a0, a1), (b0, b1) = (a["box"][0], a["box"][0] + a["box"][2]), (b["box"][0], b["box"][0] + b["box"][2])
        return min(a1, b1) - max(a0, b0) > 0.6 * (max(a1, b1) - min(a0, b0))

    pairs = []
    for word in first:
        matches = [alt for alt in second if same_span(word, alt)]
        if len(matches) == 1:
            pairs.append((word, matches[0]))
    return pairs


_EDGE_MARKS = ".,;:!?()[]\"“”‘’'«»…-–—/"


def _core(text: str) -> tuple[str, str, str]:
    """(punctuation before, the word, punctuation after)."""
    core = text.strip(_EDGE_MARKS)
    if not core:
        return "", text, ""
    start = text.index(core)
    return text[:start], core, text[start + len(core):]


def better_reading(first: dict, second: dict, margin: float | None = None) -> bool:
    """Whether the second reading of a word replaces the first, on Tesseract's evidence only:
    a valid Vietnamese syllable where the first was none, read at least as sure as the first was
    (less sure: the enlarged line made up a syllable), or, the two equally valid (both syllables,
    or both not: abbreviations, names), a reading surer by ``margin``. Words with digits keep
    their first reading (numbers and dates are read well, and a wrong digit is a wrong field);
    a second reading with no letter is never taken."""
    margin = CONFIDENCE_MARGIN if margin is None else margin
    a, b = _core(first["text"])[1], _core(second["text"])[1]
    if a == b or not any(ch.isalpha() for ch in b) or any(ch.isdigit() for ch in a + b):
        return False  # the same, dust for dust, or a number
    valid_a, valid_b = is_syllable(a), is_syllable(b)
    if valid_a != valid_b:
        return valid_b and second["conf"] >= first["conf"]
    return second["conf"] >= first["conf"] + margin


def second_pass(grey, words: list[dict], dpi: int | None) -> tuple[list[dict], dict]:
    """The words with the second reading taken where ``better_reading`` says, and what it did
    ({"lines": lines read again, "changed": words changed}). A changed word keeps its first box
    and line (the layout is the first reading's) and takes the second's confidence, so the page's
    low-confidence marks and the repair see the reading that was kept; ``"first"`` keeps the
    first reading ([text, confidence])."""
    lines = unsure_lines(words)
    if not lines:
        return words, {"lines": 0, "changed": 0}
    crops = [line_crop([words[i]["box"] for i in members], grey.size) for members in lines]
    readings: list[list[dict]] = []
    for start, end in sheet_runs(crops, SECOND_PASS_SCALE):
        sheet, tops, left = stack_crops(grey, crops[start:end], SECOND_PASS_SCALE)
        read = read_words(sheet, SECOND_PASS_PSM, dpi and dpi * SECOND_PASS_SCALE)
        readings += to_page(read, crops[start:end], tops, left, SECOND_PASS_SCALE)
    out = list(words)
    changed = 0
    for members, alternatives in zip(lines, readings):
        by_id = {id(words[i]): i for i in members}
        for first, second in pair_words([words[i] for i in members], alternatives):
            if better_reading(first, second):
                before, _, after = _core(first["text"])
                out[by_id[id(first)]] = {**first, "text": before + _core(second["text"])[1] + after,
                                         "conf": second["conf"], "first": [first["text"], first["conf"]]}
                changed += 1
    return out, {"lines": len(lines), "changed": changed}


# --- the header's number and date lines read again -------------------------------------------


def header_field_lines(words: list[dict]) -> dict[str, list[int]]:
    """Indices of the words of the first page's number line ("number") and place-and-date line
    ("date"), found among the header's rows in the page's reading order (the two columns apart)
    by the cleaning stage's own rules for those cells (``clean.layout``). A date cell holding a
    digit goes before one holding none (an issuer line read with a comma, "HUYỆN X ,", is a
    place-and-date cell cut short to that rule)."""
    from ..clean.layout import HEADER_ZONE_LINES, is_date_cell, is_number_cell

    marked = [{**w, "index": k} for k, w in enumerate(words)]
    kept, _left_out = page_debris([w for w in map(_without_dust, marked) if w["text"]], {})
    candidates: dict[str, list[tuple[bool, int, list[int]]]] = {"number": [], "date": []}
    rows = [row for row in reading_order(rows_of(kept), first_page=True, last_page=False) if row]
    for order, row in enumerate(rows[:HEADER_ZONE_LINES]):
        text = _row_text(row).lstrip(_EDGE_MARKS + "~*`'\" ")
        kind = "number" if is_number_cell(text) else "date" if is_date_cell(text) else None
        if kind:
            has_digit = any(ch.isdigit() for ch in text)
            candidates[kind].append((not has_digit, order, [w["index"] for segment in row for w in segment]))
    return {kind: min(found)[2] for kind, found in candidates.items() if found}


def field_whole(field: str, text: str) -> bool:
    """Whether a header field line's number ("number") or date ("date") was read whole."""
    from ..clean.ocr_fields import date_read_whole, number_read_whole

    return number_read_whole(text) if field == "number" else date_read_whole(text)


def read_line_again(grey, line_words: list[dict], dpi: int | None) -> list[dict]:
    """One line read again on its own: cropped with room for tone marks, enlarged ``REREAD_SCALE``
    times and read as a single line (``REREAD_PSM``); its words with boxes in the page's pixels."""
    crop = line_crop([w["box"] for w in line_words], grey.size)
    sheet, tops, left = stack_crops(grey, [crop], REREAD_SCALE)
    read = read_words(sheet, REREAD_PSM, dpi and dpi * REREAD_SCALE)
    return to_page(read, [crop], tops, left, REREAD_SCALE)[0]


def merge_field(first: list[dict], second: list[dict]) -> list[dict] | None:
    """The line as first read outside its field, the second reading inside it: the field runs
    from the leftmost to the rightmost word holding a digit in either reading (the day to the
    year, the number), so the place, the label and the date's first word stay as first read, and
    so does a speck after the field (a second reading's "2021 b" for "2021-" adds no word).
    Second words take the first line's height and top: the layout is the first reading's. None
    when neither reading has a digit."""
    spans = [(w["box"][0], w["box"][0] + w["box"][2]) for w in [*first, *second]
             if any(ch.isdigit() for ch in w["text"])]
    if not spans:
        return None
    start, end = min(a for a, _ in spans), max(b for _, b in spans)

    def in_field(w: dict) -> bool:
        return start <= w["box"][0] + w["box"][2] / 2 <= end

    top = round(statistics.median(w["box"][1] for w in first))
    height = round(statistics.median(w["box"][3] for w in first))
    ordered = sorted([*(w for w in first if not in_field(w)),
                      *({**w, "box": [w["box"][0], top, w["box"][2], height]} for w in second if in_field(w))],
                     key=lambda w: w["box"][0])
    return ordered


def reread_header_fields(grey, words: list[dict], dpi: int | None) -> tuple[list[dict], dict]:
    """The words with the header's number and date lines read again where their field is not whole
    as first read (``field_whole``), and what was done ({"lines": lines read again, "changed":
    [{"field", "first", "second"}]}). The second reading of a line's field is taken only when it
    makes the field whole; a date still not whole has its numbers read digits-only
    (``reread_date_numbers``); otherwise (the readings disagree and none is whole) the first stays
    and the field is left to the repair or unknown: no digit is ever chosen between readings.
    Taken words keep the first reading's line and carry ``"first"``: the text the line had."""
    lines = {field: members for field, members in header_field_lines(words).items()
             if not field_whole(field, " ".join(words[i]["text"] for i in members))}
    record: dict = {"lines": len(lines), "changed": []}
    if not lines:
        return words, record
    taken: dict[int, list[dict]] = {}  # the first word of a line read again → the words it becomes
    for field, members in lines.items():
        first = [words[i] for i in members]
        merged = merge_field(first, read_line_again(grey, first, dpi))
        if (merged is None or not field_whole(field, " ".join(w["text"] for w in merged))) and field == "date":
            merged = reread_date_numbers(grey, first, dpi)
        if merged is None or not field_whole(field, " ".join(w["text"] for w in merged)):
            continue
        first_text = " ".join(w["text"] for w in sorted(first, key=lambda w: w["box"][0]))
        taken[min(members)] = [{**w, "line": first[0]["line"], "first": first_text} for w in merged]
        taken.update({i: [] for i in members if i != min(members)})
        record["changed"].append({"field": field, "first": first_text,
                                  "second": " ".join(w["text"] for w in merged)})
    out = [w for k, word in enumerate(words) for w in taken.get(k, [word])]
    return out, record


_SLOT_MARKS = ".,;:-–—'\"`~_|()"


def date_number_slots(line: list[dict]) -> list[tuple[str, list[int], tuple[int, int]]] | None:
    """Where the day, month and year of a place-and-date line as first read stand: (part, indices
    of its words in ``line`` sorted left to right, (left, right) of the paper between the date
    words that holds it). The date words are the date grammar's (``date_grammar.spellings``); the
    day is what stands after the day word (or the place's comma), the month between the month
    and year words, the year the first word after the year word. None when the month or the
    year word was not read as such: the numbers' places are then unknown."""
    from ..vietnamese.date_grammar import spellings
    from ..vietnamese.fold import fold

    comma = next((k for k, w in enumerate(line) if "," in w["text"]), None)
    if comma is None:
        return None
    at: dict[str, int] = {}
    for k in range(comma + 1, len(line)):
        folded = fold(line[k]["text"].strip(_SLOT_MARKS))
        for part in ("day", "month", "year"):
            if folded in spellings(part) and part not in at:
                at[part] = k
    if "month" not in at or "year" not in at or not at.get("day", comma) < at["month"] < at["year"]:
        return None
    end = lambda k: line[k]["box"][0] + line[k]["box"][2]  # noqa: E731 - the right edge of word k
    after_year = [at["year"] + 1] if at["year"] + 1 < len(line) else []
    slots = [("day", list(range(at.get("day", comma) + 1, at["month"])), (end(at.get("day", comma)), line[at["month"]]["box"][0])),
             ("month", list(range(at["month"] + 1, at["year"])), (end(at["month"]), line[at["year"]]["box"][0]))]
    return slots + [("year", after_year, (end(at["year"]), end(after_year[0]) if after_year else end(at["year"])))]


def _number_alone(part: str, text: str) -> bool:
    """A day (1-31), month (1-12) or year (four digits) as it stands, without the rest of the date."""
    if not re.fullmatch(r"\d{1,4}", text):
        return False
    value = int(text)
    return {"day": len(text) <= 2 and 1 <= value <= 31, "month": len(text) <= 2 and 1 <= value <= 12,
            "year": len(text) == 4}[part]


def read_digits(grey, box: tuple[int, int, int, int], dpi: int | None, scale: int) -> tuple[str, float]:
    """The digits printed in ``box`` (left, top, right, bottom, with half a line of room around),
    read as one line with only digits allowed, enlarged ``scale`` times; and the least confidence."""
    left, top, right, bottom = box
    room = (bottom - top) / 2
    crop = (max(0, int(left - room)), max(0, int(top - room)), min(grey.size[0], int(right + room) + 1),
            min(grey.size[1], int(bottom + room) + 1))
    sheet, _tops, _left = stack_crops(grey, [crop], scale)
    words = read_words(sheet, REREAD_PSM, dpi and dpi * scale, " -c tessedit_char_whitelist=0123456789")
    digits = "".join(ch for w in words for ch in w["text"] if ch.isdigit())
    return digits, min((w["conf"] for w in words), default=0.0)


def reread_date_numbers(grey, first: list[dict], dpi: int | None) -> list[dict] | None:
    """The date line with each number that is not valid alone (or is missing) read digits-only at
    every one of ``DIGIT_SCALES``: taken only when those readings agree (two readings that differ
    leave the number unknown; no digit is chosen between them). None when a number's place is
    unknown, there is no room for a missing one, or the readings disagree or find no digit."""
    line = sorted(first, key=lambda w: w["box"][0])
    slots = date_number_slots(line)
    if slots is None:
        return None
    height = statistics.median(w["box"][3] for w in line)
    replace: dict[int, list[dict]] = {}
    for part, members, (left, right) in slots:
        if members and _number_alone(part, "".join(line[k]["text"].strip(_SLOT_MARKS) for k in members)):
            continue
        if not members and right - left < 0.6 * height:
            return None  # no room for a number the first reading lost
        # the number's own words, or the two date words around the paper where it was lost
        around = members or [k for k, w in enumerate(line) if w["box"][0] + w["box"][2] == left or w["box"][0] == right]
        if members:
            left, right = min(line[k]["box"][0] for k in members), max(line[k]["box"][0] + line[k]["box"][2] for k in members)
        top = min(line[k]["box"][1] for k in around)
        bottom = max(line[k]["box"][1] + line[k]["box"][3] for k in around)
        readings = [read_digits(grey, (left, top, right, bottom), dpi, scale) for scale in DIGIT_SCALES]
        if not readings[0][0] or len({digits for digits, _ in readings}) != 1:
            return None
        # Tesseract gives digits read under a whitelist no confidence (0): the agreement is the
        # evidence, so the number stands at ``SOLID_CONFIDENCE``, no speck but marked as unsure
        word = {**line[members[0] if members else 0], "text": readings[0][0],
                "conf": max(SOLID_CONFIDENCE, min(c for _, c in readings)),
                "box": [left, round(statistics.median(w["box"][1] for w in line)), right - left, round(height)]}
        replace[members[0] if members else -1 - len(replace)] = [word]
        replace.update({k: [] for k in members[1:]})
    if not replace:
        return None
    words = [w for k, word in enumerate(line) for w in replace.get(k, [word])]
    words += [w for k, found in replace.items() if k < 0 for w in found]  # numbers the first reading lost
    return sorted(words, key=lambda w: w["box"][0])


def read_page(data: bytes, kind: str, index: int, file_hash: str | None = None) -> dict:
    """One page's OCR, from the cache or computed and stored. A page cached without the header's
    second reading (``settings_key(header_reread=False)``) takes it without being read again."""
    file_hash = file_hash or hashlib.sha256(data).hexdigest()
    cached = _cached(file_hash, index)
    if cached is None and header_reread_on():
        cached = _with_header_reread(data, kind, index, file_hash)
        if cached is not None:
            return cached
    if cached is not None:
        if (cached.get("inks") or {}).get("method") == INK_METHOD:
            return cached
        image = page_image(data, kind, index)  # measured on the page as it was read, no OCR ...
        as_read = _as_read(image, cached)
        grey, _ = drop_colour_ink(as_read)
        regions, rings = stamp_and_signature(as_read, grey, (cached.get("dpi") or [None])[0])
        if not rings:  # ... unless a seal found by shape must be lifted before Tesseract reads
            cached["inks"] = {"method": INK_METHOD, "boxes": regions, "rings": []}
            _store(file_hash, index, cached)
            return cached
    result = ocr_page(image if cached is not None else page_image(data, kind, index), first_page=index == 0)
    _store(file_hash, index, result)
    return result


def _with_header_reread(data: bytes, kind: str, index: int, file_hash: str) -> dict | None:
    """The page as cached without the header's second reading, with it added (the first page's
    header lines only: a few crops instead of the whole page again) and stored under the full
    key; None when there is no such entry or its ink regions are of an older method."""
    base = _cached(file_hash, index, settings_key(header_reread=False))
    if base is None or (base.get("inks") or {}).get("method") != INK_METHOD:
        return None
    if index == 0:
        grey, _ = drop_colour_ink(_as_read(page_image(data, kind, index), base))
        rings = (base.get("inks") or {}).get("rings") or []
        if rings:
            grey = erase_rings(grey, [tuple(r) for r in rings])
        base["words"], base["header_reread"] = reread_header_fields(grey, base["words"], (base.get("dpi") or [None])[0])
    _store(file_hash, index, base)
    return base


def _as_read(image, page: dict):
    """The image a cached page's word boxes are of: a photo's prepared page, turned when it was."""
    prepared, _photo = prepare_photo(image)
    return turned(prepared, page.get("turned", 0))


# --- layout ---------------------------------------------------------------------------------


@dataclass
class Row:
    words: list[dict]
    top: int
    bottom: int

    @property
    def height(self) -> int:
        return max(1, self.bottom - self.top)

    def segments(self, gap: float) -> list[list[dict]]:
        ordered = sorted(self.words, key=lambda w: w["box"][0])
        pieces = [[ordered[0]]]
        for word in ordered[1:]:
            previous = pieces[-1][-1]
            if word["box"][0] - (previous["box"][0] + previous["box"][2]) > gap:
                pieces.append([word])
            else:
                pieces[-1].append(word)
        return pieces


def skew_slope(lines: Iterable[list[dict]]) -> float:
    """The page's skew as a slope (pixels down per pixel right): the median over Tesseract's
    lines of four words or more of the slope of their word bottoms."""
    slopes = []
    for members in lines:
        if len(members) < 4:
            continue
        xs = [w["box"][0] + w["box"][2] / 2 for w in members]
        ys = [w["box"][1] + w["box"][3] for w in members]
        mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
        spread = sum((x - mean_x) ** 2 for x in xs)
        if spread:
            slopes.append(sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / spread)
    return statistics.median(slopes) if slopes else 0.0


def rows_of(words: list[dict]) -> list[Row]:
    """Words grouped into visual rows: Tesseract's lines merged when they share most of their
    height, heights measured square to the text (a skewed scan's lines climb across the page)."""
    lines = [[words[i] for i in members] for members in tesseract_lines(words)]
    slope = skew_slope(lines)
    units = []
    for members in lines:
        tops = [w["box"][1] - slope * (w["box"][0] + w["box"][2] / 2) for w in members]
        bottoms = [w["box"][1] + w["box"][3] - slope * (w["box"][0] + w["box"][2] / 2) for w in members]
        units.append(Row(list(members), int(statistics.median(tops)), int(statistics.median(bottoms))))
    units.sort(key=lambda r: (r.top, min(w["box"][0] for w in r.words)))
    rows: list[Row] = []
    for unit in units:
        for row in reversed(rows[-3:]):
            overlap = min(row.bottom, unit.bottom) - max(row.top, unit.top)
            if overlap > 0.5 * min(row.height, unit.height):
                row.words.extend(unit.words)
                row.top, row.bottom = min(row.top, unit.top), max(row.bottom, unit.bottom)
                break
        else:
            rows.append(unit)
    return rows


def reading_order(rows: list[Row], first_page: bool = True, last_page: bool = True,
                  left_out: list[tuple[str, dict]] | None = None) -> list[list[list[dict]]]:
    """Rows as lists of segments in reading order; a two-column zone gives its left column's
    rows first, then its right column's.

    Official documents have columns in two places only: the header, above the first row of
    running text on the first page, and the foot (recipients | signer), below the last one on
    the last page. A gap inside a row of running text (a word too faint to read) is no column.
    The gutter between two columns is blank paper: an unsure word wholly inside it is a speck,
    left out (and added to ``left_out``).
    """
    if not rows:
        return []
    height = statistics.median(r.height for r in rows)
    gap = COLUMN_GAP * height
    pieces = [row.segments(gap) for row in rows]
    # the zone is decided on words read with some confidence: specks and stamp debris between
    # the columns must not join them
    solid = [Row(kept, row.top, row.bottom).segments(gap) if kept else []
             for row in rows for kept in [[w for w in row.words if w["conf"] >= SOLID_CONFIDENCE]]]
    spans = [(min(w["box"][0] for seg in row for w in seg), max(w["box"][0] + w["box"][2] for seg in row for w in seg))
             if row else None for row in solid]
    known = [span for span in spans if span]
    width = (max(x1 for _, x1 in known) - min(x0 for x0, _ in known)) if known else 0
    running = [j for j, span in enumerate(spans) if span and len(solid[j]) == 1 and span[1] - span[0] > 0.6 * width]
    first_running = running[0] if running else len(rows)
    last_running = running[-1] if running else -1
    out: list[list[list[dict]]] = []
    k = 0
    foot = last_running + 1 if last_page and (last_running >= 0 or not first_page) else len(rows)
    while k < len(rows):
        if k == foot:  # the foot (recipients | signer) runs to the end of the page
            out.extend(_foot_columns(pieces[k:], solid[k:]))
            break
        columns_allowed = first_page and k < first_running
        if len(solid[k]) < 2 or not columns_allowed:
            out.append(pieces[k])
            k += 1
            continue
        # a split row: the gutter is its widest gap; extend the zone while rows do not cross it
        left_end, right_start = _widest_gap(solid[k])
        zone = [k]
        j = k + 1
        while j < len(rows):
            if not solid[j]:
                zone.append(j)
                j += 1
                continue
            x0 = min(w["box"][0] for seg in solid[j] for w in seg)
            x1 = max(w["box"][0] + w["box"][2] for seg in solid[j] for w in seg)
            if len(solid[j]) >= 2:
                a, b = _widest_gap(solid[j])
                if min(b, right_start) - max(a, left_end) >= height:  # the same gutter, not a gap beside it
                    left_end, right_start = max(left_end, a), min(right_start, b)
                    zone.append(j)
                    j += 1
                    continue
            # a row of one column: one segment, or a gap of its own (an unsure word inside a
            # line: "ngày 03 [tháng] 11") away from the gutter
            if x1 <= right_start or x0 >= (left_end + right_start) / 2:
                zone.append(j)
                j += 1
                continue
            break
        gutter = (left_end + right_start) / 2
        left_rows, right_rows = [], []
        for index in zone:
            specks = [w for seg in pieces[index] for w in seg if _in_gutter(w, left_end, right_start)]
            if left_out is not None:
                left_out += [("speck", w) for w in specks]
            speck_ids = {id(w) for w in specks}
            words = [w for seg in pieces[index] for w in seg if id(w) not in speck_ids]
            left = [w for w in words if w["box"][0] + w["box"][2] / 2 < gutter]
            right = [w for w in words if w["box"][0] + w["box"][2] / 2 >= gutter]
            if left:
                left_rows.append([sorted(left, key=lambda w: w["box"][0])])
            if right:
                right_rows.append([sorted(right, key=lambda w: w["box"][0])])
        out.extend(left_rows)
        out.append([])  # a blank line between the two columns
        out.extend(right_rows)
        out.append([])
        k = j
    return out


def _in_gutter(word: dict, left_end: float, right_start: float) -> bool:
    """An unsure word wholly between two columns' text, where the paper is blank."""
    x, _y, width, _h = word["box"]
    return word["conf"] < SOLID_CONFIDENCE and x > left_end and x + width < right_start


def _foot_columns(pieces: list[list[list[dict]]], solid: list[list[list[dict]]]) -> list[list[list[dict]]]:
    """The foot's rows, left column (recipients) first, then the right one (signer): the gutter
    is the middle of the rows' widest gaps, or, when no row holds both columns, the middle of
    the foot's text; stains and signature strokes may cross it. Each run of words (a segment)
    goes to the column it starts in."""
    gaps = sorted((a + b) / 2 for a, b in (_widest_gap(row) for row in solid if len(row) >= 2))
    boxes = [w["box"] for row in solid for segment in row for w in segment]
    if not boxes:
        return pieces
    gutter = gaps[len(gaps) // 2] if gaps else (min(b[0] for b in boxes) + max(b[0] + b[2] for b in boxes)) / 2
    left_rows, right_rows = [], []
    for row in pieces:
        # a run of words goes where it starts: a long recipient runs on past the gutter
        left = sorted((w for segment in row if min(w["box"][0] for w in segment) < gutter for w in segment),
                      key=lambda w: w["box"][0])
        right = sorted((w for segment in row if min(w["box"][0] for w in segment) >= gutter for w in segment),
                       key=lambda w: w["box"][0])
        if left:
            left_rows.append([left])
        if right:
            right_rows.append([right])
    if not left_rows or not right_rows:
        return pieces
    return left_rows + [[]] + right_rows + [[]]


def _widest_gap(segments: list[list[dict]]) -> tuple[int, int]:
    """(right edge before, left edge after) of the widest gap between segments of a row."""
    best = (0, 0)
    for a, b in zip(segments, segments[1:]):
        end = max(w["box"][0] + w["box"][2] for w in a)
        start = min(w["box"][0] for w in b)
        if start - end > best[1] - best[0]:
            best = (end, start)
    return best


def _spaced_rows(rows: list[list[list[dict]]]) -> set[int]:
    """Rows with clearly more space above them than the page's usual line spacing (half a line
    height more): the title after the header, the body after the title. Rows read after a column
    zone's separator are left out: their order is not the page's vertical order."""
    spans = []
    for index, row in enumerate(rows):
        words = [w for segment in row for w in segment]
        if words:
            spans.append((index, statistics.median(w["box"][1] for w in words),
                          statistics.median(w["box"][1] + w["box"][3] for w in words)))
        else:
            spans.append(None)
    gaps, heights = [], []
    for previous, current in zip(spans, spans[1:]):
        if previous and current:
            gaps.append(current[1] - previous[2])
            heights.append(current[2] - current[1])
    if not gaps:
        return set()
    usual, height = statistics.median(gaps), statistics.median(heights)
    return {current[0] for previous, current in zip(spans, spans[1:])
            if previous and current and current[1] - previous[2] > usual + 0.5 * height}


def _row_text(row: list[list[dict]]) -> str:
    return " ".join(w["text"] for segment in row for w in segment)


def _is_edge(row_words: list[dict], height: int) -> bool:
    top = min(w["box"][1] for w in row_words)
    bottom = max(w["box"][1] + w["box"][3] for w in row_words)
    return bottom < EDGE * height or top > (1 - EDGE) * height


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower()).strip()


_DUST = "_ˆ`˜¯¨'‘’|~›‹"  # marks print never puts at a word's edge: dust read as a character
_PUNCTUATION = set(".,;:!?-–—()[]\"“”/%…+*«»")


def _without_dust(word: dict) -> dict:
    """The word without dust glued to its ends (``UBND_`` → ``UBND``); "" for a word that is
    all dust (no letter or digit and not print punctuation)."""
    text = word["text"].strip(_DUST)
    if not any(ch.isalnum() for ch in text) and not (text and set(text) <= _PUNCTUATION):
        text = ""
    return word if text == word["text"] else {**word, "text": text}


def _speck(word: dict) -> bool:
    """A mark with at most one letter or digit that the engine is unsure of: dust, not a word."""
    return word["conf"] < SOLID_CONFIDENCE and sum(ch.isalnum() for ch in word["text"]) <= 1


def _stamp_debris(word: dict, regions: list[list[int]]) -> bool:
    """A short low-confidence token under the stamp or signature with no Vietnamese syllable in
    it: print the stamp garbled keeps a syllable (",KT.CHỦ", "TM:UY") or is longer ("COVTID-19"),
    a stroke read as letters gives two or three ("SG", "D184")."""
    if word["conf"] >= STAMP_DEBRIS_CONFIDENCE or not _in_regions(word["box"], regions):
        return False
    runs = re.findall(r"[^\W\d_]+", word["text"])
    return sum(map(len, runs)) <= 3 and not any(len(run) >= 2 and is_syllable(run) for run in runs)


def _too_small(word: dict, usual: float | None) -> bool:
    """A word with letters in a box no printed letter fits: under ``TINY_BOX`` of the page's usual
    word height both ways, whatever the engine's confidence (a 2-pixel "c" read 93 % sure), or
    under ``SMALL_BOX`` of it and read under ``STAMP_DEBRIS_CONFIDENCE``."""
    if not usual or not _has_letter(word):
        return False
    _x, _y, width, height = word["box"]
    if height < TINY_BOX * usual and width < 2 * TINY_BOX * usual:
        return True
    return height < SMALL_BOX * usual and word["conf"] < STAMP_DEBRIS_CONFIDENCE


def _has_letter(word: dict) -> bool:
    return any(ch.isalpha() for ch in word["text"])


def _usual_height(words: list[dict]) -> float | None:
    """The median box height of the words with letters read at least ``SOLID_CONFIDENCE`` sure."""
    heights = [w["box"][3] for w in words if w["conf"] >= SOLID_CONFIDENCE and _has_letter(w)]
    return statistics.median(heights) if heights else None


def _unprinted_rows(words: list[dict], regions: list[list[int]]) -> set[int]:
    """Indices of the words under coloured ink on rows that hold no sure word under the same
    ink: the strokes of a signature and the ring of a stamp read as words. Print under a stamp
    shares its row with words read ``SURE_ROW_CONFIDENCE`` sure (the authority and title lines)
    and stays; the recipients beside the signer block, outside the ink, do not vouch for a row."""
    index = {id(w): k for k, w in enumerate(words)}
    out = set()
    for region in regions:
        inside = [w for w in words if _centre_in(w["box"], [region])]
        for row in rows_of(inside) if inside else []:
            if any(w["conf"] >= SURE_ROW_CONFIDENCE and _has_letter(w) for w in row.words):
                continue
            out |= {index[id(w)] for w in row.words if _has_letter(w)}
    return out


def page_debris(words: list[dict], page: dict) -> tuple[list[dict], list[tuple[str, dict]]]:
    """The page's words without what is no print, and what was left out with why ("ink": stamp
    or signature read as words; "speck": dust read as a letter or a word)."""
    regions = ink_boxes(page)
    usual = _usual_height(words)
    kept, left_out = [], []
    for word in words:
        if _stamp_debris(word, regions):
            left_out.append(("ink", word))
        elif _speck(word) or _too_small(word, usual):
            left_out.append(("speck", word))
        else:
            kept.append(word)
    unprinted = _unprinted_rows(kept, regions)
    left_out += [("ink", w) for k, w in enumerate(kept) if k in unprinted]
    kept = [w for k, w in enumerate(kept) if k not in unprinted]
    return kept, left_out


def ink_boxes(page: dict) -> list[list[int]]:
    """The page's ink regions (``ink_regions``), or the one box of stamp ink of a page cached
    before they were measured."""
    inks = page.get("inks")
    if inks and inks.get("boxes") is not None:
        return inks["boxes"]
    return [page["ink"]] if page.get("ink") else []


def _in_regions(box: list[int], regions: list[list[int]]) -> bool:
    return any(_in_box(box, region) for region in regions)


def _centre_in(box: list[int], regions: list[list[int]]) -> bool:
    x, y = box[0] + box[2] / 2, box[1] + box[3] / 2
    return any(r[0] <= x <= r[2] and r[1] <= y <= r[3] for r in regions)


def _in_box(box: list[int], ink: list[int] | None) -> bool:
    if not ink:
        return False
    x, y, w, h = box
    return x < ink[2] and x + w > ink[0] and y < ink[3] and y + h > ink[1]


@functools.lru_cache(maxsize=1)
def _debris_labels() -> dict[str, str]:
    return load_yaml("change_kinds.yml")["scan_debris"]


# --- a whole scan ----------------------------------------------------------------------------


def assemble(pages: list[dict]) -> tuple[str, list[OcrWord], list[str]]:
    """Text of all pages (form feed between pages), its words with offsets, and what was dropped."""
    laid_out = []
    edge_counts: dict[str, int] = {}
    debris: list[list[tuple[str, dict]]] = []
    for page in pages:
        words, left_out = page_debris([w for w in map(_without_dust, page["words"]) if w["text"]], page)
        gutter: list[tuple[str, dict]] = []
        rows = reading_order(rows_of(words), first_page=not laid_out, last_page=len(laid_out) == len(pages) - 1,
                             left_out=gutter)
        # only tokens with a letter are listed: dust read as a comma is no text
        debris.append([(why, w) for why, w in left_out + gutter if _has_letter(w)])
        laid_out.append(rows)
        for row in rows:
            flat = [w for segment in row for w in segment]
            if flat and _is_edge(flat, page["size"][1]):
                key = _furniture_key(_row_text(row))
                edge_counts[key] = edge_counts.get(key, 0) + 1
    parts: list[str] = []
    found: list[OcrWord] = []
    dropped: list[str] = []
    offset = 0
    label = load_yaml("structure.yml")["page_label"]
    for number, (page, rows) in enumerate(zip(pages, laid_out), 1):
        dropped += [f"{label} {number}: {_debris_labels()[why]}: {w['text']} ({w['conf']:.0f})"
                    for why, w in debris[number - 1]]
        if number > 1:  # the page break on a line of its own: cleaning drops lines that hold one
            parts.append("\f\n")
            offset += 2
        lines: list[str] = []
        spaced = _spaced_rows(rows)
        for index, row in enumerate(rows):
            flat = [w for segment in row for w in segment]
            text = _row_text(row)
            if index in spaced and lines and lines[-1] != "":  # extra space above: a new block
                lines.append("")
                parts.append("\n")
                offset += 1
            if flat and _is_edge(flat, page["size"][1]) and (
                    _page_number().match(text) or (len(pages) > 1 and edge_counts[_furniture_key(text)] > 1)):
                dropped.append(f"{label} {number}: {text}")
                continue
            if not flat:
                if lines and lines[-1] != "":
                    lines.append("")
                    parts.append("\n")
                    offset += 1
                continue
            position = 0
            pieces = []
            for k, word in enumerate(flat):
                if k:
                    pieces.append(" ")
                    position += 1
                found.append(OcrWord(offset + position, word["text"], float(word["conf"]), number,
                                     tuple(word["box"]), _in_regions(word["box"], ink_boxes(page))))
                pieces.append(word["text"])
                position += len(word["text"])
            line = "".join(pieces)
            lines.append(line)
            parts.append(line + "\n")
            offset += len(line) + 1
    return "".join(parts), found, dropped


def photo_steps(pages: list[dict]) -> tuple[tuple[int, str], ...]:
    """What was done to each page that came as a photo (``photo_page``), for the reading's record:
    (1, "ảnh chụp: cắt lấy tờ giấy … (góc …)")."""
    names = load_yaml("change_kinds.yml")["scan_photo"]
    steps = []
    for number, page in enumerate(pages, 1):
        photo = page.get("photo")
        if photo:
            corners = photo.get("corners")
            where = f" (góc {', '.join(f'{x},{y}' for x, y in corners)}; " \
                    f"{photo['photo_size'][0]}×{photo['photo_size'][1]} → " \
                    f"{photo['page_size'][0]}×{photo['page_size'][1]} px)" if corners else ""
            steps.append((number, f"{names['sheet' if corners else 'light']}{where}"))
    return tuple(steps)


def read_scan(data: bytes, kind: str) -> OcrResult:
    """OCR every page of a scanned PDF (``kind="pdf"``) or image file (``"image"``); never raises."""
    try:
        name, model, _digest = engine()
    except OcrUnavailable as error:
        return OcrResult("", None, [f"scan needs OCR, but {error}"])
    try:
        count = page_count(data, kind)
    except Exception as error:  # noqa: BLE001 - damaged images and PDFs raise many types
        return OcrResult("", None, [f"corrupt or unreadable {'PDF' if kind == 'pdf' else 'image'} "
                                    f"({type(error).__name__}: {error})"])
    file_hash = hashlib.sha256(data).hexdigest()
    pages = []
    try:
        for index in range(count):
            pages.append(read_page(data, kind, index, file_hash))
    except Exception as error:  # noqa: BLE001 - a page Tesseract or the renderer cannot read
        return OcrResult("", None, [f"OCR failed on page {len(pages) + 1} ({type(error).__name__}: {error})"])
    text, words, dropped = assemble(pages)
    mean = statistics.fmean(w.confidence for w in words) if words else 0.0
    reading = OcrReading(name, model, settings_key(), count, round(mean, 1),
                         tuple(tuple(page["size"]) for page in pages), tuple(words), tuple(dropped),
                         tuple(int(page.get("turned", 0)) for page in pages), photo_steps(pages))
    if not words:
        return OcrResult("", reading, ["no text found by OCR (blank pages, or not a document)"])
    return OcrResult(text, reading, [], reread_changes(text, pages[0]))


# Change.code → the English reason (data/change_kinds.yml gives readers the Vietnamese one)
CHANGE_CODES = {"ocr-reread": {
    "number": "number line: its number was not well formed as first read; read again alone, enlarged, it is",
    "date": "place-and-date line: its date was no valid date as first read; read again alone, enlarged, it is",
}}


def reread_changes(text: str, page: dict) -> list[Change]:
    """The header lines whose second reading was taken (``reread_header_fields``), as changes of
    the OCR text: before, the line as first read; after, as read again. Offset and line point to
    where the line stands in ``text`` (None when layout cleaning left it out of one line)."""
    changes = []
    for taken in (page.get("header_reread") or {}).get("changed", []):
        offset = text.find(taken["second"])
        changes.append(Change("ocr", "ocr-reread", taken["first"], taken["second"],
                              CHANGE_CODES["ocr-reread"][taken["field"]],
                              offset=offset if offset >= 0 else None,
                              line=text.count("\n", 0, offset) + 1 if offset >= 0 else None,
                              confidence=0.9, code=taken["field"]))
    return changes


# --- many files, in the pool ---------------------------------------------------------------


def scan_kind(path: Path, data: bytes | None = None) -> str | None:
    """"image" or "pdf" when the file must be read by OCR, else None."""
    suffix = path.suffix.lower()
    if suffix in IMAGE_SUFFIXES:
        return "image"
    if suffix == ".pdf":
        from .formats import pdf_text_layer

        data = data if data is not None else path.read_bytes()
        text, _problem, _notes = pdf_text_layer(data)
        if text is None:
            return None
        return "pdf" if pdf_needs_ocr(data, text) else None
    return None


def pdf_needs_ocr(data: bytes, text: str) -> bool:
    """A PDF is read by OCR when its text layer is not usable, or when scanned pages without a
    layer sit among typed ones (then the whole file is read: no page's text is lost)."""
    return not has_usable_text(text) or bool(scanned_pages_without_text(data, text))


MIN_PAGE_LETTERS = 40  # letters a text layer holds on an average page to be read (not a stamp's caption)


def has_usable_text(text: str) -> bool:
    """A text layer worth reading: some letters on an average page (not only a stamp's caption)."""
    pages = max(1, text.count("\f") + 1)
    return sum(ch.isalpha() for ch in text) >= MIN_PAGE_LETTERS * pages


def _page_task(task: tuple[str, str, int, str]) -> int:
    path, kind, index, file_hash = task
    os.environ["OMP_THREAD_LIMIT"] = "1"  # one Tesseract per core, not several threads each
    read_page(Path(path).read_bytes(), kind, index, file_hash)
    return index


def prefetch(paths: Iterable[Path], pool=None, progress: Callable[[str], None] | None = None) -> int:
    """OCR the uncached pages of every scan among ``paths`` (in ``pool`` when given), printing
    "OCR 12/240 trang, còn khoảng 3 phút" now and then on long runs. Returns pages read."""
    candidates = [path for path in paths if path.suffix.lower() in (*IMAGE_SUFFIXES, ".pdf")]
    if not candidates:
        return 0
    try:
        engine()
    except OcrUnavailable:
        return 0  # each scan is reported when it is read
    tasks = []
    for path in candidates:
        try:
            data = path.read_bytes()
            kind = scan_kind(path, data)
            if kind is None:
                continue
            file_hash = hashlib.sha256(data).hexdigest()
            tasks += [(str(path), kind, index, file_hash) for index in range(page_count(data, kind))
                      if _cached(file_hash, index) is None]
        except Exception:  # noqa: BLE001 - unreadable files are reported when they are read
            continue
    if not tasks:
        return 0
    say = progress or (lambda line: print(line, file=sys.stderr, flush=True))
    start, last = time.monotonic(), 0.0
    results: Iterable = (pool.map(_page_task, tasks) if pool is not None else map(_page_task, tasks))
    for done, _ in enumerate(results, 1):
        now = time.monotonic()
        if done == len(tasks) or now - last > 10 or done == 1:
            last = now
            say(progress_line(done, len(tasks), now - start))
    return len(tasks)


def progress_line(done: int, total: int, elapsed: float) -> str:
    """"OCR 12/240 trang, còn khoảng 3 phút" (seconds when less than a minute is left)."""
    left = elapsed / done * (total - done) if done else 0.0
    words = load_yaml("site.yml")["ocr_progress"]
    if done >= total:
        return words["finished"].format(done=done, total=total, elapsed=_duration(elapsed))
    return words["running"].format(done=done, total=total, left=_duration(left))


def _duration(seconds: float) -> str:
    words = load_yaml("site.yml")["ocr_progress"]
    if seconds < 60:
        return words["seconds"].format(n=max(1, round(seconds)))
    return words["minutes"].format(n=round(seconds / 60))
