"""Tesseract's *legacy* engine (``--oem 0``, the character classifier before LSTM) as another OCR engine.

    folder = tessdata()          # the pinned vie.traineddata's folder, or None when not fetched
    text = read_pages(pages, 300, folder)

Debian's ``vie`` model is LSTM only. tessdata 4.0.0's ``vie.traineddata`` (Apache-2.0, from
tesseract-ocr/tessdata) still holds the legacy classifier's templates; it ships in the npm
package ``@tesseract.js-data/vie@1.0.0`` (``package/4.0.0/vie.traineddata.gz``), which
``scripts/fetch_legacy_ocr_model.py`` fetches, checks against the pins below and unpacks into
``.cache/legacy-ocr/`` (or ``$ARCHIVE_LEGACY_TESSDATA``). Its errors are another engine's: a
consonant cluster read as one marked glyph (``tr`` as ``ử``, ``nh`` as ``ủ``, ``th`` as ``m``),
the family seed 003 shows and Tesseract's LSTM models hardly make. A development set only
(``benchmarks/ocr_second_engine.py --engine legacy``, ``data/ocr/make_legacy_confusions.py``):
nothing in the build, the required tests or CI needs it.
"""
from __future__ import annotations

import hashlib
import os
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "@tesseract.js-data/vie@1.0.0"
TARBALL_URL = "https://registry.npmjs.org/@tesseract.js-data/vie/-/vie-1.0.0.tgz"
# npm's integrity of the tarball (base64 SHA-512) and the SHA-256 of each file we keep from it
TARBALL_SHA512 = "hFxBtxSiCw6+64uxf0psrlLvcYA5kQimYhTSx1RwjbD5jSxe1bWg3EmipAozkzELQIFAMkJC5vu+ONGRem7YLA=="
MEMBER = "package/4.0.0/vie.traineddata.gz"
MODEL_SHA256 = "164d9bed7e5a6444586d39434cc1adf4df976cfe23cffd6468e444c94703640a"
CACHE = ROOT / ".cache" / "legacy-ocr"
# how the legacy engine reads a page: its own page segmentation (3, Tesseract's default; 4 and 6 read
# a generated clean page no better), told the page's resolution
PSM = 3


def tessdata(folder: Path | None = None) -> Path | None:
    """The folder holding the pinned legacy ``vie.traineddata`` (``$ARCHIVE_LEGACY_TESSDATA``, else the
    fetch script's cache), or None when it is missing or not the pinned file."""
    folder = folder or Path(os.environ.get("ARCHIVE_LEGACY_TESSDATA") or CACHE)
    model = folder / "vie.traineddata"
    if not model.is_file() or hashlib.sha256(model.read_bytes()).hexdigest() != MODEL_SHA256:
        return None
    return folder


def read_page(image, dpi: int, folder: Path) -> dict:
    """One page image read by the legacy engine, as ``ingest/ocr.ocr_page`` gives a page (colour ink
    dropped, words with boxes and confidences), so our layout (``assemble``) orders it."""
    import pytesseract

    from build_tools.ingest.ocr import drop_colour_ink, tesseract_words

    grey, ink = drop_colour_ink(image.convert("RGB"))
    config = f"--tessdata-dir {folder} --oem 0 --psm {PSM} --dpi {dpi}"
    data = pytesseract.image_to_data(grey, lang="vie", config=config, output_type=pytesseract.Output.DICT)
    return {"size": list(image.size), "ink": list(ink) if ink else None, "words": tesseract_words(data)}


def read_pages(pages: list, dpi: int, folder: Path) -> str:
    """The text of a scan's page images as the legacy engine reads them, laid out by our reader."""
    from build_tools.ingest.ocr import assemble

    text, _words, _dropped = assemble([read_page(page, dpi, folder) for page in pages])
    return unicodedata.normalize("NFC", text)
