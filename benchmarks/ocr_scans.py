"""OCR of generated scans: raw Tesseract against our reading and repair, per degradation level.

    .venv/bin/python benchmarks/ocr_scans.py [--pages 12] [--levels clean,good,poor] [--split heldout]
                                             [--reads /tmp/ocr-reads]

For each level, notices are composed by ``scan_generator`` (the held-out split by default:
Công báo files never used for tuning, and the clean seeds), rendered and worn until about
``--pages`` pages, then read three ways and compared word by word with the generator's text:

* raw: Tesseract with its defaults (``image_to_string(page, lang="vie")``), page by page;
* read: our reader (colour ink dropped, two-column layout, page furniture dropped);
* repaired: that text after the OCR repair, guided by Tesseract's word confidences.

It also prints how often province, number and issue date come out right, false repairs per
10,000 words of the clean texts (the repair run on the truth), and seed 003 (another engine's
OCR) before and after. ``--lexicon held-out`` counts the repair's lexicon without the held-out
texts, as a notice nobody has seen would meet it.
"""
from __future__ import annotations

import argparse
import os
import pickle
import sys
import tempfile
import time
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import scan_generator  # noqa: E402
from benchmarks.scan_generator import (  # noqa: E402
    CLEAN_SEEDS, CORPUS, LEVELS, SEEDS, compose, in_split, paragraph_pool, render, save_scan, scan, truth_text,
    written_notices)
from build_tools.clean import word_confidences  # noqa: E402
from build_tools.clean.normalise import normalise  # noqa: E402
from build_tools.clean.ocr import Lexicon, get_lexicon, repair_ocr, word_errors  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "ocr" / "003_060b8d47a4e00a89.corrected.txt"


def read_both(task: tuple[int, str, str, str]) -> dict:
    """One notice at one level: its raw default Tesseract text and our reading."""
    from build_tools.ingest.formats import read_document

    seed, split, level_name, folder = task
    os.environ["OMP_THREAD_LIMIT"] = "1"
    spec = compose(seed, split, pool=_POOL.get(split))
    level = LEVELS[level_name]
    # --turn: the scanner fed each page turned this far anticlockwise (the reader must turn it back)
    pages = [page.rotate(_TURN[0], expand=True) if _TURN[0] else page for page in scan(spec, level)]
    path = save_scan(pages, Path(folder) / f"{split}-{seed}-{level_name}", level)  # photos: images, else a PDF
    kind = "image" if level.photo else "pdf"
    data = path.read_bytes()
    start = time.perf_counter()  # raw Tesseract reads the same page images as we do (the scan's own)
    raw = raw_reading(data, len(pages), kind)
    raw_seconds = time.perf_counter() - start
    start = time.perf_counter()
    document = read_document(path)
    ours_seconds = time.perf_counter() - start
    from build_tools.publish.scan_images import page_jpegs

    web = sum(map(len, page_jpegs(data, kind)))
    return {"seed": seed, "spec": spec, "pages": len(pages), "web_bytes": web, "raw": unicodedata.normalize("NFC", raw),
            "read": document.text, "reading": document.ocr, "problems": document.problems,
            "seconds": (raw_seconds, ours_seconds), "bytes": path.stat().st_size}


def raw_reading(data: bytes, pages: int, kind: str = "pdf") -> str:
    """Tesseract with its defaults on each page of the scan, kept beside the OCR cache (keyed on
    the file's hash and the engine) so that re-measuring our reader does not pay for it again."""
    import hashlib

    import pytesseract

    from build_tools.ingest.ocr import cache_dir, page_image

    folder = cache_dir()
    key = hashlib.sha256(data).hexdigest() + str(pytesseract.get_tesseract_version())
    entry = folder / f"raw-{hashlib.sha256(key.encode()).hexdigest()}.txt" if folder else None
    if entry is not None and entry.is_file():
        return entry.read_text(encoding="utf-8")
    raw = "\n".join(pytesseract.image_to_string(page_image(data, kind, k), lang="vie") for k in range(pages))
    if entry is not None:
        entry.write_text(raw, encoding="utf-8")
    return raw


_POOL: dict[str, list] = {}
_TURN = [0]  # --turn, set before the workers fork


def read_all(tasks: list[tuple[int, str, str, str]], workers: int, keep: Path | None) -> list[dict]:
    """``read_both`` for each task, in the pool; with ``keep``, readings stored there are reused."""
    def stored(task: tuple[int, str, str, str]) -> Path | None:
        return keep / f"{task[1]}-{task[0]}-{task[2]}.pickle" if keep else None

    found: dict[int, dict] = {}
    for k, task in enumerate(tasks):
        path = stored(task)
        if path is not None and path.exists():
            found[k] = pickle.loads(path.read_bytes())
    missing = [k for k in range(len(tasks)) if k not in found]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for k, result in zip(missing, pool.map(read_both, [tasks[k] for k in missing])):
            found[k] = result
            path = stored(tasks[k])
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(pickle.dumps(result))
    return [found[k] for k in range(len(tasks))]


def repaired_text(text: str, reading, lexicon: Lexicon) -> tuple[str, int]:
    normalised, _ = normalise(text)
    result = repair_ocr(normalised, lexicon, confidences=word_confidences(text, normalised, reading))
    return result.text, len(result.changes)


def broken_words(read: str, repaired: str, truth: str) -> int:
    """Words the repair changed although the reading had them right (false repairs on a scan)."""
    from rapidfuzz.distance import Levenshtein

    from build_tools.clean.ocr import SPLIT

    before, after, reference = SPLIT.findall(read), SPLIT.findall(repaired), SPLIT.findall(truth)
    if len(before) != len(after):
        return 0
    matched = {}
    for block in Levenshtein.opcodes(before, reference):
        if block.tag == "equal":
            for k in range(block.src_end - block.src_start):
                matched[block.src_start + k] = block.dest_start + k
    broken = [(before[j], after[j]) for j, i in sorted(matched.items()) if after[j] != reference[i]]
    FALSE.extend(f"broke on a scan: {was!r} → {now!r}" for was, now in broken)
    return len(broken)


MISSES: list[str] = []  # the fields read wrong, printed under the table
FALSE: list[str] = []  # the repairs made on clean text, printed under the table


def fields_right(text: str, reading, spec) -> tuple[bool, bool, bool, bool]:
    """Province, number, issue date and the signer's name as extraction finds them in our reading."""
    from build_tools.clean import clean_text
    from build_tools.extract import extract

    meta = extract(clean_text(text, reading))
    province = meta.province is not None and meta.province.name == spec.province
    number = meta.number is not None and meta.number.text == spec.number
    date = meta.issued_date == spec.iso_date
    signer_name = meta.signer.name if meta.signer else None
    signer = signer_name == spec.signer_name
    for right, name, want, got in ((province, "province", spec.province, meta.province and meta.province.name),
                                   (number, "number", spec.number, meta.number and meta.number.text),
                                   (date, "date", spec.iso_date, meta.issued_date),
                                   (signer, "signer", spec.signer_name, signer_name)):
        if not right:
            MISSES.append(f"{name}: {want!r} read as {got!r}")
    return province, number, date, signer


def pct(errors: int, words: int) -> str:
    return f"{100 * errors / words:5.2f}%" if words else "  -  "


def held_out_lexicon() -> Lexicon:
    """The repair's lexicon counted like make_lexicon.py, without the held-out texts."""
    texts = []
    for path in sorted(CORPUS.glob("*.txt")):
        if in_split(path.name, "train"):
            texts.append(unicodedata.normalize("NFC", path.read_text(encoding="utf-8")))
    return Lexicon.from_texts(texts)


def seed_003(lexicon: Lexicon) -> str:
    """Seed 003 repaired with the archive's own (committed) lexicon, as the build repairs it, and with
    ``lexicon`` when that is another (the held-out one leaves out Công báo texts seed 003 is not from)."""
    raw = unicodedata.normalize("NFC", (SEEDS / "003_060b8d47a4e00a89.txt").read_text(encoding="utf-8"))
    reference = unicodedata.normalize("NFC", FIXTURE.read_text(encoding="utf-8"))
    before, words, _ = word_errors(raw, reference)
    after, _, _ = word_errors(repair_ocr(raw, get_lexicon()).text, reference)
    line = f"seed 003 (another engine's OCR, never trained on): WER {pct(before, words)} → {pct(after, words)}"
    if lexicon is not get_lexicon():
        other, _, _ = word_errors(repair_ocr(raw, lexicon).text, reference)
        line += f" (the build's lexicon; {pct(other, words).strip()} with this run's held-out one)"
    return line


def false_repairs(specs: list, lexicon: Lexicon) -> tuple[int, int]:
    """Repairs made on the clean truth texts (every one is a false repair), and their words."""
    changes = words = 0
    texts = {spec.source + f"@{spec.seed}": truth_text(spec) for spec in specs}
    for path in sorted(SEEDS.glob("*.txt")):
        if path.name.startswith(CLEAN_SEEDS):
            texts[path.name] = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    for name, text in texts.items():
        result = repair_ocr(text, lexicon)
        changes += len(result.changes)
        words += result.quality.words
        for change in result.changes:
            FALSE.append(f"false repair on clean text ({name}, line {change.line}): "
                          f"{change.before!r} → {change.after!r} ({change.code})")
    return changes, words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=12, help="about this many pages per level")
    parser.add_argument("--levels", default="clean,good,poor",
                        help="of " + ", ".join(LEVELS) + " (grey: a photocopy; bitonal: a 1-bit scan or fax; photo: a phone photo "
                             "of the paper, read from images)")
    parser.add_argument("--split", choices=["train", "heldout", "written"], default="heldout",
                        help="written: the notices of written_notices.yml (all of them, once per level)")
    parser.add_argument("--written", type=Path, default=None,
                        help="with --split written: another file of hand-written notices (default "
                             "benchmarks/written_notices.yml; benchmarks/written_notices_2.yml is the next "
                             "round's held-out set)")
    parser.add_argument("--lexicon", choices=["committed", "held-out"], default="held-out")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--reads", type=Path, default=None,
                        help="keep each notice's readings here (pickles) and reuse them: re-measure the "
                             "repair without OCR again (delete the folder when the generator or reader changes)")
    parser.add_argument("--turn", type=int, choices=[0, 90, 180, 270], default=0,
                        help="scan every page turned this many degrees anticlockwise (sideways, upside down)")
    args = parser.parse_args()
    _TURN[0] = args.turn
    if args.written:
        scan_generator.WRITTEN = args.written.resolve()  # read by compose() in the forked workers too
    _POOL[args.split] = paragraph_pool(args.split) if args.split != "written" else []
    available = len(written_notices()) if args.split == "written" else None
    lexicon = held_out_lexicon() if args.lexicon == "held-out" and CORPUS.is_dir() else get_lexicon()
    folder = tempfile.mkdtemp(prefix="ocr-bench-")
    os.environ.setdefault("ARCHIVE_OCR_CACHE", str(Path(folder) / "cache"))
    print(f"OCR benchmark: {args.split} notices, about {args.pages} pages per level, lexicon {args.lexicon}, "
          f"{args.workers} processes; WER = word errors / words of the generator's text (letters, case kept)")
    header = (f"{'level':<6} {'dpi':>4} {'pages':>5} {'words':>6} | {'raw Tess.':>9} {'read':>7} {'repaired':>8} "
              f"{'ratio':>5} {'broke':>5} {'/10k':>5} | {'prov':>4} {'number':>6} {'date':>4} {'signer':>6} | {'KB/page':>7} {'web KB':>6} {'s/page':>6}")
    rows, specs = [], []
    for name in args.levels.split(","):
        level = LEVELS[name]
        tasks, pages, seed = [], 0, 0
        while pages < args.pages and (available is None or seed < available):  # notices have 1-3 pages
            spec = compose(seed, args.split, pool=_POOL[args.split])
            render(spec)  # counts its pages
            tasks.append((seed, args.split, name, folder))
            pages += spec.pages
            seed += 1
        results = read_all(tasks, args.workers, args.reads)
        totals = dict(words=0, raw=0, read=0, repaired=0, broken=0, web=0, province=0, number=0, date=0, signer=0, pages=0, bytes=0,
                      seconds=0.0)
        for item in results:
            spec, truth = item["spec"], truth_text(item["spec"])
            specs.append(spec)
            raw_errors, words, _ = word_errors(item["raw"], truth)
            read_errors, _, _ = word_errors(item["read"], truth)
            normalised, _ = normalise(item["read"])
            repaired, _changes = repaired_text(item["read"], item["reading"], lexicon)
            repaired_errors, _, _ = word_errors(repaired, truth)
            totals["broken"] += broken_words(normalised, repaired, truth)
            province, number, date, signer = fields_right(item["read"], item["reading"], spec)
            totals["words"] += words
            totals["raw"] += raw_errors
            totals["read"] += read_errors
            totals["repaired"] += repaired_errors
            totals["province"] += province
            totals["number"] += number
            totals["date"] += date
            totals["signer"] += signer
            totals["pages"] += item["pages"]
            totals["bytes"] += item["bytes"]
            totals["web"] += item["web_bytes"]
            totals["seconds"] += item["seconds"][1]
        n = len(results)
        ratio = totals["repaired"] / totals["raw"] if totals["raw"] else 0.0
        rows.append(f"{name:<6} {level.dpi:>4} {totals['pages']:>5} {totals['words']:>6} | "
                    f"{pct(totals['raw'], totals['words']):>9} {pct(totals['read'], totals['words']):>7} "
                    f"{pct(totals['repaired'], totals['words']):>8} {ratio:5.2f} {totals['broken']:>5} "
                    f"{1e4 * totals['broken'] / totals['words']:5.2f} | "
                    f"{totals['province']:>2}/{n:<1} {totals['number']:>4}/{n:<1} {totals['date']:>2}/{n:<1} "
                    f"{totals['signer']:>4}/{n:<1} | "
                    f"{totals['bytes'] / totals['pages'] / 1024:7.0f} {totals['web'] / totals['pages'] / 1024:6.0f} "
                    f"{totals['seconds'] / totals['pages']:6.1f}")
        print(rows[-1] if len(rows) > 1 else header + "\n" + rows[-1], flush=True)
    changes, words = false_repairs(specs, lexicon)
    print(f"false repairs on clean text (the truth texts above, each once, + clean seeds 000-002, 004): {changes} in {words} "
          f"words = {1e4 * changes / words:.2f} per 10,000")
    print(seed_003(lexicon))
    for miss in MISSES:
        print(f"  wrong field: {miss}")
    for line in FALSE:
        print(f"  {line}")
    print("ratio = repaired WER / raw Tesseract WER; broke = words read right that the repair changed "
          "(/10k: per 10,000 words of the level); "
          "prov/number/date/signer: notices whose province, number, "
          "issue date and signer's name were extracted right from our reading; KB/page: the scanned PDF; web KB: the page image the site shows (publish/scan_images.py); s/page: our reading "
          "(one process, OCR cache cold)")


if __name__ == "__main__":
    main()
