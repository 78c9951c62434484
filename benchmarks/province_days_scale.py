"""Time of the province-day computation (data/oxcgrt-provinces.csv) as notices grow: it should
grow linearly with notices × days. Synthetic coded measures, fixed seed; prints figures.

Run: ``.venv/bin/python benchmarks/province_days_scale.py``
"""
from __future__ import annotations

import datetime as dt
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from build_tools.extract.coding import codebook  # noqa: E402
from build_tools.model import Evidence, Measure, MeasurePlace  # noqa: E402
from build_tools.publish.province_days import NoticeMeasures, province_days, to_csv  # noqa: E402


def synthetic(count: int, seed: int = 18) -> list[NoticeMeasures]:
    rng = random.Random(seed)
    indicators = [i for i in codebook().order if codebook().indicators[i].levels]
    first = dt.date(2020, 3, 1)
    notices = []
    for index in range(count):
        province = f"p{index % 63:02d}"
        issued = first + dt.timedelta(days=rng.randrange(0, 1000))
        measures = []
        for _ in range(rng.randrange(1, 8)):
            indicator = rng.choice(indicators)
            level = rng.randrange(0, max(codebook().indicators[indicator].levels) + 1)
            targeted = rng.random() < 0.4
            places = (MeasurePlace(f"d{rng.randrange(10)}", "huyện", province),) if targeted else ()
            end = issued + dt.timedelta(days=rng.randrange(7, 60)) if rng.random() < 0.6 else None
            measures.append(Measure(indicator, level, "targeted" if targeted else "general", places,
                                    issued.isoformat(), end.isoformat() if end else None, Evidence("…", "doan-1")))
        notices.append(NoticeMeasures(f"n{index}", province, province, f"{index % 63:02d}", issued.isoformat(),
                                      tuple(measures)))
    return notices


def main() -> int:
    print("notices | province-days | seconds | µs per province-day | CSV MB")
    for count in (1_000, 5_000, 20_000):
        notices = synthetic(count)
        start = time.perf_counter()
        days = list(province_days(notices))
        text = to_csv(days)
        seconds = time.perf_counter() - start
        print(f"{count:>7,} | {len(days):>13,} | {seconds:7.2f} | {seconds / len(days) * 1e6:19.1f} | "
              f"{len(text) / 1e6:6.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
