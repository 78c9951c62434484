"""Accuracy and speed of the extract stage; prints figures, asserts nothing.

    .venv/bin/python benchmarks/extract_accuracy.py [--corpus DIR] [--show-misses]

1. The five seed notices: every field against the values read by hand in
   tests/extract/test_seeds.py.
2. The Công báo corpus (201 national legal documents, PDF text with page furniture):
   number, type, issue year, issuer and scope against manifest.csv and the file names.
   The file name gives the number ("nghi-dinh-so-74-2025-nd-cp-…" → 74/2025/NĐ-CP) and
   the issuer code; manifest.csv gives the type and, when plausible, the year. Figures are
   given over all documents and over the "answerable" ones — those whose text holds the
   expected value at all (some files are truncated continuations without a header).
3. Speed: median milliseconds per document (each document extracted REPEATS times, its
   fastest run kept, so other processes on the machine disturb the figure less), and per
   20 KB of text. The load average is printed with it.
"""
from __future__ import annotations

import argparse
import csv
import os
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from build_tools.clean import clean_text  # noqa: E402
from build_tools.vietnamese.fold import fold  # noqa: E402
from build_tools.extract import extract  # noqa: E402

CORPUS = Path("/work/shared/corpora/congbao")
REPEATS = 5


def timed(document) -> tuple[object, float]:
    """The metadata and the fastest of REPEATS runs, in milliseconds."""
    best = float("inf")
    for _ in range(REPEATS):
        started = time.perf_counter()
        meta = extract(document)
        best = min(best, (time.perf_counter() - started) * 1000)
    return meta, best

# manifest.csv doc_type → our type name; "Khác" is read from the file name.
MANIFEST_TYPES = {"Luật": "Luật", "NQ": "Nghị quyết", "Nghị định": "Nghị định", "QĐ": "Quyết định",
                  "Quyết định": "Quyết định", "Thông tư": "Thông tư", "TT Liên tịch": "Thông tư liên tịch",
                  "VB HN": "Văn bản hợp nhất", "Văn bản hợp nhất": "Văn bản hợp nhất"}
SLUG_TYPES = {"luat": "Luật", "nghi-quyet": "Nghị quyết", "nghi-dinh": "Nghị định", "quyet-dinh": "Quyết định",
              "thong-tu": "Thông tư", "thong-tu-lien-tich": "Thông tư liên tịch", "chi-thi": "Chỉ thị",
              "van-ban-hop-nhat": "Văn bản hợp nhất"}
# Issuer codes in the file names → the issuing body (written out here, independently of
# data/issuers.yml, so the benchmark does not grade the vocabulary against itself).
ISSUER_CODES = {"cp": "Chính phủ", "ttg": "Thủ tướng Chính phủ", "qh14": "Quốc hội", "qh15": "Quốc hội",
                "ubtvqh15": "Ủy ban Thường vụ Quốc hội", "vpqh": "Văn phòng Quốc hội", "btc": "Bộ Tài chính",
                "bldtbxh": "Bộ Lao động - Thương binh và Xã hội", "bkhdt": "Bộ Kế hoạch và Đầu tư",
                "bca": "Bộ Công an", "bqp": "Bộ Quốc phòng", "bct": "Bộ Công Thương", "byt": "Bộ Y tế",
                "bkhcn": "Bộ Khoa học và Công nghệ", "bxd": "Bộ Xây dựng", "bnv": "Bộ Nội vụ",
                "bnnmt": "Bộ Nông nghiệp và Môi trường", "nhnn": "Ngân hàng Nhà nước Việt Nam"}
# Rows of manifest.csv that are wrong, checked against the text (and the official register).
MANIFEST_ERRORS = {
    # "45/2019/QH14" is the Bộ luật Lao động (Labour Code): its text ends "Bộ luật này được Quốc
    # hội … thông qua ngày 20 tháng 11 năm 2019"; the manifest files it under NQ.
    "nghi-quyet-so-45-2019-qh14-30232.txt": {"doc_type": "Luật"},
}
_SLUG = re.compile(r"^(?P<type>[a-z-]+?)-so-(?P<number>\d+)-(?:(?P<year>(?:19|20)\d{2})-)?(?P<rest>.+)-\d+\.txt$")


def expected_from(row: dict[str, str]) -> dict[str, object]:
    match = _SLUG.match(row["file"])
    assert match, row["file"]
    rest = match.group("rest").split("-")
    number = f"{match.group('number')}/{match.group('year') + '/' if match.group('year') else ''}{'-'.join(rest)}"
    if rest[0] in ("qh14", "qh15", "ubtvqh15"):  # laws and NQ of the Assembly: no type code
        issuer_code = rest[0]
    elif rest[0] == "ttlt":
        issuer_code = None  # joint circular: several bodies
    else:
        issuer_code = rest[-1] if len(rest) > 1 else rest[0]
    year = int(row["year"]) if row["year"].isdigit() and 1990 <= int(row["year"]) <= 2030 else None
    if year is not None and str(year) == match.group("number"):
        year = None  # the manifest's year column sometimes holds the number (VB HN rows)
    if year is None and match.group("year"):
        year = int(match.group("year"))  # a normative number carries its year: 74/2025/NĐ-CP
    doc_type = MANIFEST_TYPES.get(row["doc_type"]) or SLUG_TYPES.get(match.group("type"))
    doc_type = MANIFEST_ERRORS.get(row["file"], {}).get("doc_type", doc_type)
    return {"number": number, "doc_type": doc_type, "year": year,
            "issuer": ISSUER_CODES.get(issuer_code) if issuer_code else None, "issuer_code": issuer_code}


def same_number(expected: str, found: str | None) -> bool:
    """Compared folded, dots in the number ignored (file names drop them: 66.19 → 6619)."""
    return found is not None and fold(expected).replace(".", "") == fold(found).replace(".", "")


def answerable_number(expected: str, text: str) -> bool:
    squeezed = fold(text).replace(" ", "").replace(".", "")
    return fold(expected).replace(".", "") in squeezed


def run_corpus(corpus: Path, show_misses: bool) -> list[float]:
    rows = list(csv.DictReader(open(corpus / "manifest.csv", encoding="utf-8")))
    totals: Counter = Counter()
    hits: Counter = Counter()
    misses: dict[str, list[str]] = {}
    timings, sizes = [], []
    for row in rows:
        raw = (corpus / row["file"]).read_text(encoding="utf-8")
        document = clean_text(raw)
        text = "\n".join(document.header_lines + document.title_lines + [document.body_text]
                         + document.signature_lines + document.recipients)  # without page furniture
        meta, elapsed = timed(document)
        timings.append(elapsed)
        sizes.append(len(document.body_text.encode("utf-8")))
        expected = expected_from(row)
        checks = {
            "number": (same_number(expected["number"], meta.number.text if meta.number else None),
                       answerable_number(expected["number"], text), meta.number.text if meta.number else None),
            "doc_type": (meta.doc_type == expected["doc_type"], bool(expected["doc_type"]) and (
                fold(expected["doc_type"]) in fold(text) or bool(meta.number)), meta.doc_type),
            "scope": (meta.scope == "national" and meta.province is None, len(document.body_text) > 200,
                      (meta.scope, meta.province)),
        }
        if expected["year"]:
            checks["issued_year"] = (bool(meta.issued_date) and int(meta.issued_date[:4]) == expected["year"],
                                     str(expected["year"]) in text, meta.issued_date)
        if expected["issuer"]:
            checks["issuer"] = (bool(meta.issuer) and meta.issuer.name == expected["issuer"],
                                fold(expected["issuer"]) in fold(text) or fold(expected["issuer_code"] or "-") in fold(text),
                                meta.issuer.name if meta.issuer else None)
        for field, (ok, answerable, got) in checks.items():
            totals[field] += 1
            hits[field] += ok
            if answerable:
                totals[field + " (answerable)"] += 1
                hits[field + " (answerable)"] += ok
            if not ok:
                wanted = expected.get(field if field != "issued_year" else "year")
                misses.setdefault(field, []).append(f"{row['file']}: expected {wanted!r}, got {got!r}"
                                                    + ("" if answerable else " [not in the text]"))
    print(f"\nCông báo corpus: {len(rows)} documents")
    for field in ("number", "doc_type", "issued_year", "issuer", "scope"):
        for key in (field, field + " (answerable)"):
            if totals[key]:
                print(f"  {key:<26} {hits[key]:>4}/{totals[key]:<4} {100 * hits[key] / totals[key]:6.1f}%")
    if show_misses:
        for field, items in misses.items():
            print(f"\n  misses — {field}:")
            for item in items:
                print(f"    {item}")
    per_20kb = [t * 20000 / max(s, 1) for t, s in zip(timings, sizes)]
    print(f"  speed: median {statistics.median(timings):.1f} ms/document "
          f"(median size {statistics.median(sizes) / 1000:.0f} KB), median {statistics.median(per_20kb):.1f} ms per 20 KB")
    return timings


def run_seeds() -> None:
    try:
        from tests.extract.test_seeds import EXPECTED, compare_seed, load_seed
    except ImportError as error:  # the seeds' test module is the single source of the expectations
        print(f"seeds: skipped ({error})")
        return
    fields_total: Counter = Counter()
    fields_ok: Counter = Counter()
    timings, sizes = [], []
    for name, expected in EXPECTED.items():
        document = load_seed(name)
        meta, elapsed = timed(document)
        timings.append(elapsed)
        sizes.append(len(document.body_text.encode("utf-8")))
        for field, ok in compare_seed(meta, expected).items():
            fields_total[field] += 1
            fields_ok[field] += ok
    print(f"Seed notices: {len(EXPECTED)}")
    wrong = [f for f in fields_total if fields_ok[f] < fields_total[f]]
    print(f"  fields right: {sum(fields_ok.values())}/{sum(fields_total.values())}"
          + (f"; wrong: {', '.join(wrong)}" if wrong else " (every field of every seed)"))
    per_20kb = [t * 20000 / max(s, 1) for t, s in zip(timings, sizes)]
    print(f"  speed: median {statistics.median(timings):.1f} ms/notice (median {statistics.median(sizes) / 1000:.0f} KB), "
          f"median {statistics.median(per_20kb):.1f} ms per 20 KB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    started = time.perf_counter()
    extract(clean_text("THÔNG BÁO\nNội dung.\n"))  # load the vocabularies once, outside the timings
    print(f"vocabularies loaded in {(time.perf_counter() - started) * 1000:.0f} ms; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    run_seeds()
    if args.corpus.is_dir():
        run_corpus(args.corpus, args.show_misses)
    else:
        print(f"corpus {args.corpus} not found: skipped")


if __name__ == "__main__":
    main()
