"""Which preparation of a page image makes Tesseract read worn and low-resolution scans best.

    .venv/bin/python benchmarks/ocr_preparation.py [--split train] [--levels poor] [--pages 6]
                                                   [--variants base,upscale] [--scans /tmp/prep-scans]

For each level, notices are composed and worn by ``scan_generator`` (the training split by
default: tune on it, never on the held-out one), saved as scanned PDFs (kept in ``--scans`` and
reused), and each page is read by Tesseract after each preparation in ``VARIANTS``; our layout
(``ingest.ocr.assemble``) turns the words into text, compared word by word with the generator's
text, as read (the front end) and after the OCR repair (with the benchmark's held-out lexicon).
One process; seconds per page of Tesseract and preparation together.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.scan_generator import LEVELS, compose, paragraph_pool, render, save_pdf, scan, truth_text  # noqa: E402
from build_tools.clean.ocr import word_errors  # noqa: E402
from build_tools.ingest import ocr  # noqa: E402


def tesseract_words(grey, scale: float, extra: str = "", lang: str = "vie") -> list[dict]:
    """Tesseract's words on ``grey``, boxes divided by ``scale`` (back to the page's pixels)."""
    import pytesseract

    data = pytesseract.image_to_data(grey, lang=lang, config=f"--oem 1 --psm {ocr.PSM} {extra}".strip(),
                                     output_type=pytesseract.Output.DICT)
    return ocr.tesseract_words(data, scale)


def variant(name: str, image, dpi: float) -> dict:
    """One page read after the preparation ``name``: {"size", "ink", "words"} as ``ocr_page``."""
    from PIL import Image, ImageFilter

    if name.startswith("raw"):  # Tesseract's defaults (raw, raw+lang=Vietnamese): text only, no words
        import pytesseract

        return {"text": pytesseract.image_to_string(image, lang=name.split("=", 1)[1] if "=" in name else "vie")}
    if name == "current":  # ingest.ocr as it is
        return ocr.ocr_page(image)
    if name == "first":  # ingest.ocr as it is, without the second pass
        os.environ["ARCHIVE_OCR_SECOND_PASS"] = "off"
        try:
            return ocr.ocr_page(image)
        finally:
            os.environ.pop("ARCHIVE_OCR_SECOND_PASS")
    if name.startswith("second"):  # as it is, with the second pass: second, second:conf=70:scale=3:psm=7:margin=5
        settings = dict(part.split("=") for part in name.split(":")[1:])
        names = {"conf": "UNSURE_CONFIDENCE", "scale": "SECOND_PASS_SCALE", "psm": "SECOND_PASS_PSM",
                 "margin": "CONFIDENCE_MARGIN"}
        saved = {key: getattr(ocr, names[key]) for key in settings}
        os.environ["ARCHIVE_OCR_SECOND_PASS"] = "on"
        try:
            for key, value in settings.items():
                setattr(ocr, names[key], type(saved[key])(value))
            return ocr.ocr_page(image)
        finally:
            os.environ.pop("ARCHIVE_OCR_SECOND_PASS")
            for key, value in saved.items():
                setattr(ocr, names[key], value)
    if name == "current-no-metadata":  # as it is, on a file that declares no resolution
        image.info.pop("dpi", None)
        return ocr.ocr_page(image)
    if name.startswith("current+lang="):  # as it is, with another model
        chosen, ocr.language = ocr.language, lambda installed=None: name.split("=", 1)[1]
        try:
            return ocr.ocr_page(image)
        finally:
            ocr.language = chosen
    grey, ink = ocr.drop_colour_ink(image)
    scale, extra, lang = 1.0, "", "vie"
    parts = name.split("+")
    for part in parts:
        if part.startswith("up"):  # up300, up300bicubic, up360
            target = int("".join(ch for ch in part[2:] if ch.isdigit()) or 300)
            if dpi < target * 0.9:
                scale = target / dpi
                method = Image.BICUBIC if "bicubic" in part else Image.LANCZOS
                grey = grey.resize((round(grey.width * scale), round(grey.height * scale)), method)
        elif part == "dpi":  # tell Tesseract the page's resolution
            extra += f" --dpi {round(dpi * scale)}"
        elif part.startswith("dpi"):  # tell Tesseract this resolution (dpi300)
            extra += f" --dpi {part[3:]}"
        elif part == "unsharp":
            grey = grey.filter(ImageFilter.UnsharpMask(radius=1.5 * scale, percent=60, threshold=2))
        elif part == "median":
            grey = grey.filter(ImageFilter.MedianFilter(3))
        elif part == "autocontrast":
            from PIL import ImageOps

            grey = ImageOps.autocontrast(grey, cutoff=1)
        elif part == "sauvola":  # Tesseract's own binarisation: 0 Otsu, 1 adaptive Otsu, 2 Sauvola
            extra += " -c thresholding_method=2"
        elif part == "adaptive":
            extra += " -c thresholding_method=1"
        elif part.startswith("lang="):  # another model: lang=Vietnamese (Debian's tesseract-ocr-script-viet)
            lang = part[5:]
        elif part.startswith("psm"):
            extra += f" --psm {part[3:]}"
        elif part != "base":
            raise SystemExit(f"unknown preparation {part!r}")
    return {"size": list(image.size), "ink": list(ink) if ink else None,
            "words": tesseract_words(grey, scale, extra, lang)}


def page_dpi(data: bytes, index: int, image) -> float:
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        width_pt, _ = document[index].get_size()
    finally:
        document.close()
    return image.width / (width_pt / 72)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="train", choices=["train", "heldout"])
    parser.add_argument("--levels", default="poor")
    parser.add_argument("--pages", type=int, default=6)
    parser.add_argument("--first", type=int, default=0, help="the first notice's seed")
    parser.add_argument("--variants", default="current,up300")
    parser.add_argument("--scans", type=Path, default=Path("/tmp/prep-scans"))
    args = parser.parse_args()
    os.environ["OMP_THREAD_LIMIT"] = "1"
    pool = paragraph_pool(args.split)
    args.scans.mkdir(parents=True, exist_ok=True)
    names = args.variants.split(",")
    from types import SimpleNamespace

    from benchmarks.ocr_scans import held_out_lexicon, repaired_text

    lexicon = held_out_lexicon()
    print(f"{'level':<6} {'variant':<28} {'pages':>5} {'words':>6} {'WER':>7} {'repaired':>8} {'mean conf':>9} "
          f"{'s/page':>6}")
    for level_name in args.levels.split(","):
        level = LEVELS[level_name]
        notices, pages, seed = [], 0, args.first
        while pages < args.pages:
            spec = compose(seed, args.split, pool=pool)
            path = args.scans / f"{args.split}-{seed}-{level_name}.pdf"
            if not path.exists():
                save_pdf(scan(spec, level), path, level.dpi)
            else:
                render(spec)
            notices.append((spec, path))
            pages += spec.pages
            seed += 1
        for name in names:
            errors = words = count = repaired = 0
            seconds = 0.0
            confidences = []
            for spec, path in notices:
                data = path.read_bytes()
                read = []
                for index in range(ocr.page_count(data, "pdf")):
                    image = ocr.page_image(data, "pdf", index)
                    start = time.perf_counter()
                    read.append(variant(name, image, page_dpi(data, index, image)))
                    seconds += time.perf_counter() - start
                    count += 1
                found = []
                if "text" in read[0]:
                    text = "\n".join(page["text"] for page in read)
                else:
                    text, found, _ = ocr.assemble(read)
                    confidences += [w.confidence for w in found]
                e, n, _ = word_errors(text, truth_text(spec))
                fixed, _ = repaired_text(text, SimpleNamespace(words=tuple(found)) if found else None, lexicon)
                repaired += word_errors(fixed, truth_text(spec))[0]
                errors += e
                words += n
            print(f"{level_name:<6} {name:<28} {count:>5} {words:>6} {100 * errors / words:6.2f}% {100 * repaired / words:7.2f}% "
                  f"{statistics.fmean(confidences) if confidences else 0:9.1f} {seconds / count:6.1f}", flush=True)


if __name__ == "__main__":
    main()
