"""Which way of driving Tesseract reads our scans best: OCRmyPDF against the pytesseract-TSV path.

    .venv/bin/python benchmarks/ocr_engines.py --ocrmypdf /tmp/ocrmypdf-venv/bin/ocrmypdf [--pages 4]

OCRmyPDF is not a dependency: install it in a throwaway virtual environment
(``python3 -m venv /tmp/ocrmypdf-venv && /tmp/ocrmypdf-venv/bin/pip install ocrmypdf``; it also
needs Debian's ghostscript and qpdf) and pass its command. For each level, held-out notices of
``scan_generator`` are saved as scanned PDFs and read four ways, each timed and compared word by
word (word error rate, letters only, case kept) with the generator's text:

* raw: ``pytesseract.image_to_string(page, lang="vie")``, Tesseract's defaults;
* ocrmypdf: ``ocrmypdf -l vie --sidecar`` (its text layer as text), defaults;
* ocrmypdf+: the same with ``--deskew --oversample 300``, what its options offer
  for worn copies (``--oversample`` upsamples low-resolution scans);
* ours: ``ingest.ocr.read_scan`` (colour ink lifted, TSV words with boxes and confidences, layout
  rebuilt; no repair), OCR cache cold.

One process, ``OMP_THREAD_LIMIT=1`` for every engine, so the seconds per page compare.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.scan_generator import LEVELS, compose, paragraph_pool, render, save_pdf, scan, truth_text  # noqa: E402
from build_tools.clean.ocr import word_errors  # noqa: E402

OCRMYPDF_MORE = ["--deskew", "--oversample", "300"]


def raw_tesseract(path: Path) -> str:
    import pytesseract

    from build_tools.ingest.ocr import page_count, page_image

    data = path.read_bytes()
    return "\n".join(pytesseract.image_to_string(page_image(data, "pdf", k), lang="vie")
                     for k in range(page_count(data, "pdf")))


def ocrmypdf(command: str, extra: list[str]):
    def read(path: Path) -> str:
        sidecar = path.with_suffix(f".{len(extra)}.txt")
        subprocess.run([command, "-q", "-l", "vie", "-j", "1", "--output-type", "none", "--sidecar", str(sidecar),
                        *extra, str(path), "-"], check=True, capture_output=True)
        return sidecar.read_text(encoding="utf-8")
    return read


def ours(path: Path) -> str:
    from build_tools.ingest.ocr import read_scan

    return read_scan(path.read_bytes(), "pdf").text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ocrmypdf", required=True, help="the ocrmypdf command (a throwaway venv)")
    parser.add_argument("--pages", type=int, default=4, help="about this many pages per level")
    parser.add_argument("--levels", default="clean,good,poor")
    args = parser.parse_args()
    os.environ["OMP_THREAD_LIMIT"] = "1"
    folder = Path(tempfile.mkdtemp(prefix="ocr-engines-"))
    os.environ["ARCHIVE_OCR_CACHE"] = str(folder / "cache")  # cold: every engine reads every page
    version = subprocess.run([args.ocrmypdf, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"OCRmyPDF {version}; held-out notices, about {args.pages} pages per level, one process")
    readers = {"raw": raw_tesseract, "ocrmypdf": ocrmypdf(args.ocrmypdf, []),
               "ocrmypdf+": ocrmypdf(args.ocrmypdf, OCRMYPDF_MORE), "ours": ours}
    print(f"{'level':<6} {'pages':>5} {'words':>6} | " + " | ".join(f"{name:>9} WER  s/page" for name in readers))
    pool = paragraph_pool("heldout")
    for name in args.levels.split(","):
        level = LEVELS[name]
        errors = dict.fromkeys(readers, 0)
        seconds = dict.fromkeys(readers, 0.0)
        pages = words = seed = 0
        while pages < args.pages:
            spec = compose(1000 + seed, "heldout", pool=pool)  # seeds the OCR benchmark does not use
            seed += 1
            path = folder / f"{name}-{seed}.pdf"
            save_pdf(scan(spec, level), path, level.dpi)
            pages += spec.pages or len(render(spec))
            truth = truth_text(spec)
            for reader, read in readers.items():
                start = time.perf_counter()
                text = unicodedata.normalize("NFC", read(path))
                seconds[reader] += time.perf_counter() - start
                wrong, count, _ = word_errors(text, truth)
                errors[reader] += wrong
            words += count
        print(f"{name:<6} {pages:>5} {words:>6} | " + " | ".join(
            f"{100 * errors[r] / words:8.2f}% {seconds[r] / pages:6.1f}" for r in readers), flush=True)


if __name__ == "__main__":
    main()
