"""Learn another OCR engine's letter-group garbles from generated scans: writes legacy_confusions.tsv.

    .venv/bin/python build_tools/data/ocr/make_legacy_confusions.py [--notices 32] [--levels clean,good]
                                                                   [--reads /tmp/legacy-learn-reads]

Tesseract's legacy engine (``--oem 0``, tessdata 4.0.0 ``vie``: ``benchmarks/legacy_ocr.py``, fetched by
``scripts/fetch_legacy_ocr_model.py``) reads notices of the *training* split of
``benchmarks/scan_generator.py`` (seeds from ``--first``, apart from the benchmark's; never the
held-out split, never a seed notice, never seed 003), laid out by our reader and normalised as the
repair sees text. Its errors are of the family Tesseract's LSTM models hardly make: a consonant
cluster read as one marked glyph (``tr`` as ``ử``, ``nh`` as ``ủ``, ``qu`` as ``w``), which glyph
similarity (``make_visual_confusions.py``) does not produce.

The reading is aligned with the printed text word by word; in each pair of words (read, printed),
the letters are aligned without their marks, and every run that differs is a *grapheme-run
substitution* (``ủ`` → ``nh`` in ``ủân``/``nhân``). Tone marks are taken off both runs: a tone on a
glyph that stands for a consonant cluster is the engine's guess at a stroke above, not a tone, and
the repair prices a word's tones apart (``mark_cost``). Kept: substitutions of one to three letters
by one to three, not one letter for one (a letter replaced, dropped or added is a generic edit), at
most two in a word, seen at least
``MIN_COUNT`` times in at least ``MIN_WORDS`` different printed words, written in Latin or Vietnamese letters.
Each row: the run as read, the run as printed, times seen, times the printed run was printed (the
rate is the engine's channel probability; the repair turns it into a cost, ``engine_rules``).
"""
from __future__ import annotations

import argparse
import difflib
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from build_tools.clean.ocr import DATA_DIR, SPLIT  # noqa: E402
from build_tools.vietnamese.fold import unmarked as fold  # noqa: E402
from build_tools.vietnamese.syllables import is_syllable, is_vietnamese_letter, toneless  # noqa: E402

MIN_COUNT = 3
MIN_WORDS = 2  # chosen on the tuning half: 3 and 3, 4 and 3, 5 and 2 repaired less
LONGEST_RUN = 3
MOST_RUNS = 2


def runs(read: str, printed: str) -> list[tuple[str, str]]:
    """The runs of letters that differ between a word as read and as printed (both lower case),
    aligned on their letters without marks, each without tone marks: ``("ủân", "nhân")`` →
    ``[("u", "nh")]``. Empty when the two share nothing or a run is no substitution."""
    a, b = fold(read), fold(printed)
    if len(a) != len(read) or len(b) != len(printed):
        return []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    found = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag != "replace" or i2 - i1 > LONGEST_RUN or j2 - j1 > LONGEST_RUN:
            return []
        found.append((toneless(read[i1:i2]), toneless(printed[j1:j2])))
    if len(found) > MOST_RUNS:
        return []
    # one letter for one letter is a one-letter edit: the generic edits and tesseract.yml price those
    return [(got, want) for got, want in found if len(got) + len(want) > 2]


def _readable(ch: str) -> bool:
    """A letter the repair reads a token with (Latin or Vietnamese): tokens with other letters are
    left alone, so garbles written with them are never offered."""
    return (ch.isascii() and ch.isalpha()) or is_vietnamese_letter(ch)


def word_pairs(read: str, truth: str) -> list[tuple[str, str]]:
    """(word as read, word as printed), lower case, of the words the alignment substitutes one for one."""
    from rapidfuzz.distance import Levenshtein

    ours, reference = SPLIT.findall(read), SPLIT.findall(truth)
    pairs = []
    for block in Levenshtein.opcodes(ours, reference):
        if block.tag == "replace" and block.src_end - block.src_start == block.dest_end - block.dest_start:
            for k in range(block.src_end - block.src_start):
                pairs.append((ours[block.src_start + k].lower(), reference[block.dest_start + k].lower()))
    return pairs


def substring_counts(words: list[str]) -> Counter:
    """How often each run of one to three letters (tones off) is printed in ``words``."""
    counts: Counter = Counter()
    for word in words:
        plain = toneless(word)
        for size in range(1, LONGEST_RUN + 1):
            counts.update(plain[i:i + size] for i in range(len(plain) - size + 1))
    return counts


def learn(readings: list[tuple[str, str]]) -> tuple[list[tuple[str, str, int, int, int]], int]:
    """Rows (read run, printed run, times seen, times printed, printed words) from (reading, truth)
    pairs, most frequent first; and the words printed."""
    seen: Counter = Counter()
    words_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    printed_words: list[str] = []
    for read, truth in readings:
        printed_words.extend(word.lower() for word in SPLIT.findall(truth))
        for got, want in word_pairs(read, truth):
            if got == want or not is_syllable(want) or not all(_readable(ch) for ch in got):
                continue
            for pair in runs(got, want):
                seen[pair] += 1
                words_of[pair].add(want)
    printed = substring_counts(printed_words)
    rows = [(got, want, count, printed[want], len(words_of[(got, want)]))
            for (got, want), count in seen.items()
            if count >= MIN_COUNT and len(words_of[(got, want)]) >= MIN_WORDS and printed[want]]
    rows.sort(key=lambda row: (-row[2] / row[3], -row[2], row[0], row[1]))
    return rows, len(printed_words)


def main() -> None:
    from benchmarks import ocr_second_engine as bench
    from benchmarks.legacy_ocr import tessdata
    from benchmarks.scan_generator import paragraph_pool

    from build_tools.clean.normalise import normalise

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notices", type=int, default=32, help="notices per level")
    parser.add_argument("--levels", default="clean,good")
    parser.add_argument("--first", type=int, default=2000, help="first seed (apart from the benchmark's 500+)")
    parser.add_argument("--reads", type=Path, default=Path(tempfile.gettempdir()) / "legacy-learn-reads",
                        help="readings are kept here and reused")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, default=DATA_DIR / "legacy_confusions.tsv")
    args = parser.parse_args()
    if tessdata() is None:
        print("the legacy engine's model is not fetched (python3 scripts/fetch_legacy_ocr_model.py); nothing written")
        return
    bench._POOL["train"] = paragraph_pool("train")
    folder = tempfile.mkdtemp(prefix="legacy-learn-")
    levels = args.levels.split(",")
    tasks = [(seed, "train", level, folder) for level in levels for seed in range(args.first, args.first + args.notices)]
    results = bench.read_all(tasks, args.workers, args.reads, "legacy")
    readings = [(normalise(item["read"])[0], unicodedata.normalize("NFC", item["truth"])) for item in results]
    rows, words = learn(readings)
    lines = [f"# GENERATED by build_tools/data/ocr/make_legacy_confusions.py: Tesseract's legacy engine (--oem 0, "
             f"tessdata 4.0.0 vie) on {len(tasks)} training notices ({args.levels}, seeds {args.first}+)",
             f"# {words} words printed; letter runs (tones off) substituted inside words, seen >= "
             f"{MIN_COUNT} times in >= {MIN_WORDS} printed words",
             "# read\tprinted\tseen\tprinted_total\tprinted_words"]
    lines += ["\t".join(map(str, row)) for row in rows]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(tasks)} notices, {words} words, {len(rows)} confusions → {args.out}")


if __name__ == "__main__":
    main()
