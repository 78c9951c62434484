"""Other engines' OCR as development sets: generated scans read by Tesseract's *script* model or its legacy engine.

    .venv/bin/python benchmarks/ocr_second_engine.py [--engine script|legacy] [--half tune|test|both]
                                                     [--pages 10] [--levels clean,good] [--reads /tmp/ocr2-reads]
                                                     [--lexicon held-out|committed] [--kinds]

Seed 003 is OCR from an engine other than Tesseract's ``vie`` model and is a test only. This
benchmark gives the repair other-engine errors it may be developed on, read from notices of
``scan_generator`` and repaired *as plain text, without confidences*, the way seed 003 arrives:

* ``--engine script`` (default): Debian's ``tesseract-ocr-script-viet`` (``-l Vietnamese``, an LSTM
  trained apart from ``vie``, whose errors differ), through our reader;
* ``--engine legacy``: Tesseract's legacy classifier (``--oem 0``) with tessdata 4.0.0's ``vie``
  (``benchmarks/legacy_ocr.py``; fetched by ``scripts/fetch_legacy_ocr_model.py``), laid out by our
  reader: a consonant cluster read as one marked glyph, the kind of garble seed 003 shows.

Two halves that share no notice and no source text:

* ``tune``: notices of the training split (Công báo files the lexicon counts), seeds 500+;
* ``test``: notices of the held-out split (a fifth of the Công báo, never counted with the
  held-out lexicon, plus the clean seeds), seeds 500+: report these, do not tune on them.

Prints WER raw (the engine's reading) → repaired per half and level, changes that broke a word
the engine had right, and with ``--kinds`` the remaining errors counted by *kind* (marks only,
one letter, a letter group, case, merged/split words, missing/extra words): never single words.
Skips cleanly (exit 0, a message) when the engine's model is not installed (or not fetched).
"""
from __future__ import annotations

import argparse
import os
import pickle
import sys
import tempfile
import unicodedata
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.scan_generator import LEVELS, compose, paragraph_pool, save_pdf, scan, truth_text  # noqa: E402
from build_tools.clean.normalise import normalise  # noqa: E402
from build_tools.clean.ocr import SPLIT, Lexicon, get_lexicon, repair_ocr, word_errors  # noqa: E402
from build_tools.vietnamese.fold import unmarked as fold  # noqa: E402

MODEL = "Vietnamese"  # Debian's tesseract-ocr-script-viet
ENGINES = ("script", "legacy")
HALVES = {"tune": "train", "test": "heldout"}
FIRST_SEED = 500  # the OCR benchmarks use seeds from 0: no notice in common
_POOL: dict[str, list] = {}


def model_installed(engine: str = "script") -> bool:
    from build_tools.ingest import ocr

    if engine == "legacy":
        from benchmarks.legacy_ocr import tessdata

        return tessdata() is not None

    os.environ["ARCHIVE_OCR_MODEL"] = MODEL
    try:
        return ocr.language() == MODEL
    except ocr.OcrUnavailable:  # no Tesseract, or not this model
        return False


def read_one(task: tuple[int, str, str, str], engine: str = "script") -> dict:
    """One notice at one level read by the second engine through our reader (no second pass)."""
    from build_tools.ingest.formats import read_document

    seed, split, level_name, folder = task
    os.environ.update(OMP_THREAD_LIMIT="1", ARCHIVE_OCR_MODEL=MODEL, ARCHIVE_OCR_SECOND_PASS="off")
    spec = compose(seed, split, pool=_POOL.get(split) or paragraph_pool(split))
    pages = scan(spec, LEVELS[level_name])
    if engine == "legacy":
        from benchmarks.legacy_ocr import read_pages, tessdata

        text = read_pages(pages, LEVELS[level_name].dpi, tessdata())
        return {"truth": truth_text(spec), "read": text, "pages": len(pages)}
    path = Path(folder) / f"{split}-{seed}-{level_name}.pdf"
    save_pdf(pages, path, LEVELS[level_name].dpi)
    document = read_document(path)
    return {"truth": truth_text(spec), "read": document.text, "pages": len(pages)}


def read_all(tasks: list[tuple[int, str, str, str]], workers: int, keep: Path, engine: str = "script") -> list[dict]:
    """``read_one`` per task in a pool; readings kept in ``keep`` are reused."""
    def stored(task: tuple[int, str, str, str]) -> Path:
        prefix = "" if engine == "script" else f"{engine}-"
        return keep / f"{prefix}{task[1]}-{task[0]}-{task[2]}.pickle"

    missing = [task for task in tasks if not stored(task).exists()]
    if missing:
        keep.mkdir(parents=True, exist_ok=True)
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for task, result in zip(missing, pool.map(read_one, missing, [engine] * len(missing))):
                stored(task).write_bytes(pickle.dumps(result))
    return [pickle.loads(stored(task).read_bytes()) for task in tasks]


def error_kind(read: str, truth: str) -> str:
    """The kind of one substituted word: what a repair would have to know to undo it."""
    if read.lower() == truth.lower():
        return "case"
    if fold(read.lower()) == fold(truth.lower()):
        return "marks only"
    a, b = fold(read.lower()), fold(truth.lower())
    if len(a) == len(b) and sum(x != y for x, y in zip(a, b)) == 1:
        return "one letter"
    return "letter group (length or several letters)"


def error_kinds(read: str, truth: str) -> Counter:
    """The errors of ``read`` against ``truth`` counted by kind (word alignment)."""
    from rapidfuzz.distance import Levenshtein

    ours, reference = SPLIT.findall(read), SPLIT.findall(truth)
    kinds: Counter = Counter()
    for src, dest in _differences(Levenshtein.opcodes(ours, reference)):
        got, want = ours[src[0]:src[1]], reference[dest[0]:dest[1]]
        if not want:
            kinds["extra words"] += len(got)
        elif not got:
            kinds["missing words"] += len(want)
        elif len(got) == len(want):
            kinds.update(error_kind(g, w) for g, w in zip(got, want) if g != w)
        elif "".join(got).lower() == "".join(want).lower():
            kinds["merged or split words"] += max(len(got), len(want))
        else:
            kinds["other (several words)"] += max(len(got), len(want))
    return kinds


def _differences(opcodes) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The alignment's runs of differing words, adjacent replace / insert / delete blocks taken as one
    (a word split in two aligns as one replaced and one inserted)."""
    runs: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for block in opcodes:
        if block.tag == "equal":
            continue
        if runs and runs[-1][0][1] == block.src_start and runs[-1][1][1] == block.dest_start:
            (a, _), (b, _) = runs[-1]
            runs[-1] = ((a, block.src_end), (b, block.dest_end))
        else:
            runs.append(((block.src_start, block.src_end), (block.dest_start, block.dest_end)))
    return runs


def held_out_lexicon() -> Lexicon:
    from benchmarks.ocr_scans import held_out_lexicon as counted

    return counted()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=ENGINES, default="script")
    parser.add_argument("--half", choices=["tune", "test", "both"], default="both")
    parser.add_argument("--pages", type=int, default=10, help="about this many pages per half and level")
    parser.add_argument("--levels", default="clean,good")
    parser.add_argument("--lexicon", choices=["committed", "held-out"], default="held-out")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--reads", type=Path, default=Path(tempfile.gettempdir()) / "ocr-second-engine-reads")
    parser.add_argument("--kinds", action="store_true", help="count the errors left by kind")
    parser.add_argument("--written", type=Path, default=None,
                        help="instead of the halves: the hand-written notices of this file (written_notices*.yml), "
                             "each once per level, measured after tuning")
    args = parser.parse_args()
    if not model_installed(args.engine):
        print("second engine: " + (
            "the legacy engine's model is not fetched (python3 scripts/fetch_legacy_ocr_model.py)"
            if args.engine == "legacy" else
            f"Tesseract's {MODEL!r} model is not installed (Debian: tesseract-ocr-script-viet)") + "; nothing measured")
        return
    lexicon = held_out_lexicon() if args.lexicon == "held-out" else get_lexicon()
    folder = tempfile.mkdtemp(prefix="ocr2-")
    os.environ.setdefault("ARCHIVE_OCR_CACHE", str(Path(folder) / "cache"))
    name = MODEL if args.engine == "script" else "Tesseract legacy engine, tessdata 4.0.0 vie"
    print(f"second engine ({name}), repaired as plain text (no confidences), lexicon {args.lexicon}")
    print(f"{'half':<5} {'level':<6} {'pages':>5} {'words':>6} | {'raw':>7} {'repaired':>8} {'changes':>7} {'broke':>5}")
    halves = ["tune", "test"] if args.half == "both" else [args.half]
    if args.written:
        from benchmarks import scan_generator

        scan_generator.WRITTEN = args.written.resolve()  # read by compose() in the forked workers too
        halves = ["written"]
    for half in halves:
        split = HALVES.get(half, half)
        _POOL[split] = paragraph_pool(split) if split != "written" else []
        for level in args.levels.split(","):
            tasks = written_tasks(args.written, level, folder) if args.written else sampled_tasks(
                split, level, folder, args.pages)
            results = read_all(tasks, args.workers, args.reads / args.written.stem if args.written else args.reads,
                               args.engine)
            words = raw = repaired = changes = broke = 0
            before_kinds: Counter = Counter()
            after_kinds: Counter = Counter()
            for item in results:
                truth = unicodedata.normalize("NFC", item["truth"])
                text, _ = normalise(item["read"])
                result = repair_ocr(text, lexicon)
                errors, count, _ = word_errors(text, truth)
                after, _, _ = word_errors(result.text, truth)
                words += count
                raw += errors
                repaired += after
                changes += len(result.changes)
                broke += broken(text, result.text, truth)
                if args.kinds:
                    before_kinds += error_kinds(text, truth)
                    after_kinds += error_kinds(result.text, truth)
            print(f"{half:<5} {level:<6} {sum(r['pages'] for r in results):>5} {words:>6} | "
                  f"{100 * raw / words:6.2f}% {100 * repaired / words:7.2f}% {changes:>7} {broke:>5}", flush=True)
            if args.kinds:
                for kind in sorted(set(before_kinds) | set(after_kinds), key=lambda k: -before_kinds[k]):
                    print(f"      {kind:<42} {before_kinds[kind]:>4} → {after_kinds[kind]:>4}")


def sampled_tasks(split: str, level: str, folder: str, pages: int) -> list[tuple[int, str, str, str]]:
    """Notices of ``split`` from ``FIRST_SEED`` on, until about ``pages`` pages."""
    from benchmarks.scan_generator import render

    tasks, count, seed = [], 0, FIRST_SEED
    while count < pages:
        spec = compose(seed, split, pool=_POOL[split])
        render(spec)  # counts its pages
        tasks.append((seed, split, level, folder))
        count += spec.pages
        seed += 1
    return tasks


def written_tasks(path: Path, level: str, folder: str) -> list[tuple[int, str, str, str]]:
    """Every hand-written notice of ``path`` at ``level``."""
    from benchmarks.scan_generator import written_notices

    return [(k, "written", level, folder) for k in range(len(written_notices()))]


def broken(read: str, repaired: str, truth: str) -> int:
    """Words the engine had right that the repair changed."""
    from rapidfuzz.distance import Levenshtein

    before, after, reference = SPLIT.findall(read), SPLIT.findall(repaired), SPLIT.findall(truth)
    if len(before) != len(after):
        return 0
    count = 0
    for block in Levenshtein.opcodes(before, reference):
        if block.tag == "equal":
            count += sum(1 for k in range(block.src_end - block.src_start)
                         if after[block.src_start + k] != reference[block.dest_start + k])
    return count


if __name__ == "__main__":
    main()
