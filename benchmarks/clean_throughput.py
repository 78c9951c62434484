"""Cleaning throughput (normalise → OCR repair → structure) in MB/s, and how it grows with input size.

Prints one JSON line per input size. Input: the five seeds (one of them raw OCR) and, when
../shared is present, the Công báo corpus, concatenated and repeated to 1×, 4× and 16×.
Usage: .venv/bin/python benchmarks/clean_throughput.py
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from build_tools.clean import clean_text  # noqa: E402
from build_tools.clean.ocr import get_lexicon  # noqa: E402


def sample_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "source_texts").glob("*.txt"))]
    congbao = ROOT.parent / "shared" / "corpora" / "congbao"
    if congbao.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(congbao.glob("*.txt"))[:40]]
    else:
        print("note: ../shared/corpora/congbao absent; measuring on the seeds only", file=sys.stderr)
    return texts


def measure(texts: list[str], repeat: int) -> dict:
    started_cpu, started = time.process_time(), time.perf_counter()
    size = 0
    for _ in range(repeat):
        for text in texts:
            clean_text(text)
            size += len(text.encode("utf-8"))
    wall, cpu = time.perf_counter() - started, time.process_time() - started_cpu
    return {"repeat": repeat, "mb": round(size / 1e6, 2), "wall_seconds": round(wall, 2),
            "cpu_seconds": round(cpu, 2), "mb_per_cpu_second": round(size / 1e6 / cpu, 2)}


def main() -> None:
    get_lexicon()  # loaded once per process; not part of the per-text cost
    texts = sample_texts()
    base = None
    for repeat in (1, 4, 16):
        figures = measure(texts, repeat)
        base = base or figures["cpu_seconds"] / repeat
        figures["cpu_ratio_to_1x_per_unit"] = round(figures["cpu_seconds"] / repeat / base, 2)
        print(json.dumps({"stage": "clean", **figures}))


if __name__ == "__main__":
    main()
