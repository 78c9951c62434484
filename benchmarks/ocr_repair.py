"""OCR repair: accuracy on real and synthetic noise, false changes on clean text, speed.

    .venv/bin/python benchmarks/ocr_repair.py [--quick]

Prints:
1. word error rate (WER) of seed 003 (raw OCR) against the hand correction in
   tests/fixtures/ocr/, before and after repair (committed lexicon, counted from the Công báo
   only; no seed is counted and no confusion rule comes from seed 003: a held-out test);
2. WER on synthetic noise: each clean seed garbled by ``simulate_ocr_noise`` (fixed
   seed, ~2.7% of words) and repaired with a lexicon counted from the Công báo only. The
   noise comes from the same confusion model as the repair, so this is partly circular;
   2b. another engine's noise (``other_engine_noise``: random letter groups, marks, dropped
   letters, merged and split words, no confusion table) on Công báo texts of the training split;
3. changed words per 10,000 on clean text: the four clean seeds and the 201 Công báo
   files, with the committed lexicon (in-sample for the Công báo files, held out for the seeds) and 5-fold
   held out (each file repaired with a lexicon counted without it);
4. throughput in MB/s (UTF-8 bytes) on 1×, 4× and 16× distinct inputs, lexicon loaded
   once, plus the one-off loading time.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from build_tools.clean import ocr  # noqa: E402
from build_tools.clean.ocr import Lexicon, repair_ocr, simulate_ocr_noise, word_errors  # noqa: E402

SEEDS = ROOT / "source_texts"
CORPUS = ROOT.parent / "shared" / "corpora" / "congbao"
FIXTURE = ROOT / "tests" / "fixtures" / "ocr" / "003_060b8d47a4e00a89.corrected.txt"
CLEAN_SEEDS = ["000_ed71dd52ed5c6bc1.txt", "001_0b9aebe983ecb66c.txt", "002_3b0b4b295ade4a08.txt",
               "004_1fe8501dbff5d2b9.txt"]
NOISE_RATE = 0.034  # of eligible words; about 2.7% of all words, like seed 003


def read(path: Path) -> str:
    return unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))


def pct(errors: int, words: int) -> str:
    return f"{100 * errors / words:.2f}% ({errors}/{words})"


def seed_003() -> None:
    raw, reference = read(SEEDS / "003_060b8d47a4e00a89.txt"), read(FIXTURE)
    before = word_errors(raw, reference)
    result = repair_ocr(raw)
    after = word_errors(result.text, reference)
    print("1. seed 003 vs hand correction (committed lexicon)")
    print(f"   WER raw {pct(before[0], before[1])} → repaired {pct(after[0], after[1])}; "
          f"{len(result.changes)} changes, {len(result.flagged)} flagged; "
          f"suspicious words {result.quality.suspicious_before} → {result.quality.suspicious_after}")
    raw_words, out_words, ref_words = (ocr.SPLIT.findall(t) for t in (raw, result.text, reference))
    wrong = [(r, o, f) for r, o, f in zip(raw_words, out_words, ref_words) if o != f]
    missed = sum(1 for r, o, f in wrong if r == o)
    bad = sum(1 for r, o, f in wrong if r == f)
    print(f"   residual errors: {missed} missed, {bad} correct words broken, "
          f"{len(wrong) - missed - bad} wrong repairs")


def synthetic(corpus_texts: list[str]) -> None:
    print("2. synthetic OCR noise on the clean seeds (lexicon counted from the Công báo only; "
          "partly circular: same confusion model)")
    total_before = total_after = total_words = 0
    for name in CLEAN_SEEDS:
        clean = read(SEEDS / name)
        lexicon = Lexicon.from_texts(corpus_texts)  # the seeds are tests: never counted
        noisy = simulate_ocr_noise(clean, rate=NOISE_RATE, seed=2021, lexicon=lexicon)
        before = word_errors(noisy, clean)
        after = word_errors(repair_ocr(noisy, lexicon).text, clean)
        total_before += before[0]
        total_after += after[0]
        total_words += before[1]
        print(f"   {name[:3]}: WER {pct(before[0], before[1])} → {pct(after[0], after[1])}")
    print(f"   all : WER {pct(total_before, total_words)} → {pct(total_after, total_words)}")


# Letters a garble of another engine writes: the Vietnamese alphabet with its marked vowels, drawn
# uniformly (no confusion table: this noise must not be the repair's own model run backwards)
GARBLE_LETTERS = "abcdeghiklmnopqrstuvxyđăâêôơưáàảãạắằấầéèếềíìỉóòỏốồớờúùủứừửýỳ"


def other_engine_noise(text: str, rate: float, seed: int) -> str:
    """``text`` with about ``rate`` of its Vietnamese words garbled as an OCR engine other than
    Tesseract garbles print, from general knowledge of OCR errors (no seed was looked at): a run of
    one or two letters replaced by one or two random letters (a consonant cluster or a marked vowel
    mangled), a tone or hat mark changed, a letter dropped (which may leave another valid word),
    two words merged, a word split. For benchmarks only."""
    import unicodedata as ud

    from build_tools.vietnamese.syllables import is_syllable, letter_parts

    rng = random.Random(seed)
    tones = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]

    def group(word: str) -> str:
        start = rng.randrange(len(word))
        size = min(rng.choice((1, 2, 2)), len(word) - start)
        new = "".join(rng.choice(GARBLE_LETTERS) for _ in range(rng.choice((1, 2))))
        return word[:start] + new + word[start + size:]

    def mark(word: str) -> str:
        vowels = [i for i, ch in enumerate(word) if ud.normalize("NFD", ch)[0] in "aeiouy"]
        if not vowels:
            return group(word)
        i = rng.choice(vowels)
        base, hat, tone, _ = letter_parts(word[i])
        return word[:i] + ud.normalize("NFC", base + hat + rng.choice([t for t in tones if t != tone])) + word[i + 1:]

    def drop(word: str) -> str:
        i = rng.randrange(len(word))
        return word[:i] + word[i + 1:] or word

    parts = ocr.SPLIT.split(text)
    for k in range(1, len(parts), 2):
        token = parts[k]
        if len(token) < 2 or token.isupper() or not is_syllable(token.lower()) or rng.random() >= rate:
            continue
        roll = rng.random()
        if roll < 0.1 and k + 1 < len(parts) and parts[k + 1] == " ":
            parts[k + 1] = ""  # merged with the next word
            continue
        if roll < 0.2 and len(token) >= 4:
            i = rng.randrange(1, len(token) - 1)
            parts[k] = token[:i] + " " + token[i:]  # split
            continue
        garble = group if roll < 0.6 else mark if roll < 0.85 else drop
        for _attempt in range(5):
            new = garble(token)
            if new != token:
                break
        parts[k] = new
    return "".join(parts)


def other_engine(corpus: list[tuple[str, str]], files: int = 24, words_each: int = 2500) -> None:
    """Section 2b: another engine's noise on Công báo texts of the training split, repaired with a
    lexicon counted without those files; false repairs on the same texts clean."""
    from benchmarks.scan_generator import in_split

    train = [(name, text) for name, text in corpus if in_split(name, "train")]
    chosen = train[::max(1, len(train) // files)][:files]
    names = {name for name, _ in chosen}
    lexicon = Lexicon.from_texts(text for name, text in train if name not in names)
    before = after = words = false = clean_words = 0
    for i, (_name, text) in enumerate(chosen):
        clean = " ".join(text.split(" ")[:words_each])
        noisy = other_engine_noise(clean, rate=0.04, seed=i)
        b, w, _ = word_errors(noisy, clean)
        a, _, _ = word_errors(repair_ocr(noisy, lexicon).text, clean)
        result = repair_ocr(clean, lexicon)
        before, after, words = before + b, after + a, words + w
        false, clean_words = false + len(result.changes), clean_words + result.quality.words
    print(f"2b. another engine's noise (letter groups, marks, dropped letters, merged and split words) on "
          f"{len(chosen)} Công báo texts of the training split, lexicon counted without them")
    print(f"   WER {pct(before, words)} → {pct(after, words)}; the same texts clean: {false} changes in "
          f"{clean_words} words = {1e4 * false / max(clean_words, 1):.2f} per 10,000")


def clean_changes(named: list[tuple[str, str]], folds: int) -> None:
    print("3. changed words on clean text (4 clean seeds + Công báo)")
    words = changes = 0
    for _, text in named:
        result = repair_ocr(text)
        words += result.quality.words
        changes += len(result.changes)
    print(f"   committed lexicon: {changes} changes in {words} words = "
          f"{1e4 * changes / words:.2f} per 10,000")
    if folds < 2:
        return
    order = list(range(len(named)))
    random.Random(7).shuffle(order)
    words = changes = real_word = 0
    for k in range(folds):
        test = set(order[k::folds])
        lexicon = Lexicon.from_texts(text for i, (_, text) in enumerate(named) if i not in test)
        for i in sorted(test):
            result = repair_ocr(named[i][1], lexicon)
            words += result.quality.words
            changes += len(result.changes)
            real_word += sum(1 for c in result.changes if c.reason.startswith("valid word"))
    print(f"   {folds}-fold held out: {changes} changes in {words} words = "
          f"{1e4 * changes / words:.2f} per 10,000 ({real_word} of them valid words replaced; "
          "many are genuine typos of the corpus, counted anyway)")


def throughput(texts: list[str]) -> None:
    print("4. throughput, one core (distinct inputs; lexicon loaded once; its caches emptied before "
          "each size, so the first MB pays for filling them)")
    start = time.perf_counter()
    lexicon = Lexicon.load()
    print(f"   loading the lexicon: {time.perf_counter() - start:.2f} s (once per process)")
    unit = 1_000_000
    pool, size = [], 0
    for text in texts:
        pool.append(text)
        size += len(text.encode())
    for factor in (1, 4, 16):
        wanted, chosen, got = unit * factor, [], 0
        for text in pool:
            if got >= wanted:
                break
            chosen.append(text)
            got += len(text.encode())
        if got < wanted * 0.9:
            print(f"   {factor:>2}×: not enough corpus text ({got / 1e6:.1f} MB)")
            continue
        for variant in ("clean", "noisy"):
            inputs = chosen if variant == "clean" else [
                simulate_ocr_noise(t, rate=NOISE_RATE, seed=i, lexicon=lexicon) for i, t in enumerate(chosen)]
            nbytes = sum(len(t.encode()) for t in inputs)
            fresh = Lexicon.load()
            start, cpu = time.perf_counter(), time.process_time()
            for text in inputs:
                repair_ocr(text, fresh)
            elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
            print(f"   {factor:>2}× {variant}: {nbytes / 1e6:5.1f} MB in {cpu:6.2f} s CPU = "
                  f"{nbytes / 1e6 / cpu:.2f} MB/s ({nbytes / 1e6 / elapsed:.2f} MB/s wall clock)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="no held-out folds, 1× and 4× only")
    args = parser.parse_args()
    seed_003()
    if not CORPUS.is_dir():
        print(f"(no corpus at {CORPUS}: sections 2–4 skipped)")
        return
    corpus = [(p.name, read(p)) for p in sorted(CORPUS.glob("*.txt"))]
    synthetic([text for _, text in corpus])
    other_engine(corpus)
    seeds = [(name, read(SEEDS / name)) for name in CLEAN_SEEDS]
    clean_changes(seeds + corpus, folds=0 if args.quick else 5)
    rng = random.Random(3)
    shuffled = [text for _, text in corpus]
    rng.shuffle(shuffled)
    throughput(shuffled)


if __name__ == "__main__":
    main()
