"""Which library finds a saved page's main content best, measured on tests/fixtures/shapes/html.

    .venv/bin/python benchmarks/html_extractors.py

For each candidate (readability-lxml, trafilatura, and no extraction at all: the page's
whole body) the saved pages of the evaluation set go through the real ingest → clean →
extract path; printed: the four basic fields and the signer right (of the hand labels),
values invented, how many pages kept their header table ("Số: …" line in the header),
lines of portal furniture left in the document's text (menus, counters, footers, other
documents), and milliseconds per page.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "benchmarks"))
from extract_accuracy import SHAPE_FIELDS, score_shapes, shape_rows  # noqa: E402
from build_tools.clean import clean_notice  # noqa: E402
from build_tools.vietnamese.fold import fold  # noqa: E402
from build_tools.ingest import html as html_module  # noqa: E402
from build_tools.ingest import read_notice  # noqa: E402

FURNITURE = ("trang chu", "luot xem", "lien ket website", "thong ke truy cap", "co quan chu quan", "dia chi:",
             "cac van ban khac", "gioi thieu", "lien he", "ghi ro nguon")
CANDIDATES = ("readability-lxml", "trafilatura", "whole-body")


def furniture_left(path: Path) -> tuple[int, bool]:
    raw = read_notice(path, path.parent)
    document = clean_notice(raw)
    text = "\n".join(document.header_lines + document.title_lines + [document.body_text] + document.signature_lines)
    left = sum(1 for line in text.split("\n") if any(fold(line).strip().startswith(f) for f in FURNITURE))
    return left, any(fold(line).startswith("so") for line in document.header_lines)


def installed(name: str) -> bool:
    """readability-lxml is not in requirements-dev.txt (with jusText, pip 23 cannot resolve both
    asking for lxml[html_clean]); install it by hand to compare: pip install readability-lxml==0.9."""
    import importlib.util

    module = {"readability-lxml": "readability", "trafilatura": "trafilatura"}.get(name)
    return module is None or importlib.util.find_spec(module) is not None


def main() -> None:
    rows = [row for row in shape_rows() if row[0] == "html"]
    for name in CANDIDATES:
        if not installed(name):
            print(f"{name:<17} not installed (see installed())")
            continue
        html_module.EXTRACTOR = name
        started = time.perf_counter()
        result = score_shapes(rows)
        elapsed = (time.perf_counter() - started) * 1000 / len(rows)
        right = {f: sum(t[f][0] for t in result["scores"].values()) for f in SHAPE_FIELDS}
        invented = sum(t[f][2] for t in result["scores"].values() for f in SHAPE_FIELDS)
        furniture, headers = 0, 0
        for _, _, path in rows:
            left, header = furniture_left(path)
            furniture += left
            headers += header
        fields = ", ".join(f"{f} {right[f]}/{len(rows)}" for f in SHAPE_FIELDS)
        print(f"{name:<17} {fields}; invented {invented}; header kept {headers}/{len(rows)}; "
              f"furniture lines left {furniture}; {elapsed:.0f} ms/page (whole pipeline)")


if __name__ == "__main__":
    main()
