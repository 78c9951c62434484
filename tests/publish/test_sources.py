"""Copies as they are found, published (issue 16; build_tools/publish/sources.py and the record): a portal copy, a reprint of the same notice and
a saved web page end as pages with their provenance, framing shown apart, copies listed, the
saved page served as text, and the dataset's provenance columns."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

SHAPES = Path(__file__).resolve().parents[1] / "fixtures" / "shapes"


@pytest.fixture(scope="module")
def shapes_site(tmp_path_factory):
    from build_tools.publish.site import BuildOptions, build_site

    root = tmp_path_factory.mktemp("shapes")
    source = root / "source"
    source.mkdir()
    (source / "portal.txt").write_bytes((SHAPES / "portal" / "p12.txt").read_bytes())  # 13417/UBND-VP, Đồng Nai
    (source / "reprint.txt").write_bytes((SHAPES / "reprint" / "r01.txt").read_bytes())  # the same letter reprinted
    (source / "reprint.meta.yml").write_text("source_url: https://baodongnai.example.vn/a/13417\n"
                                             "retrieved: 2024-03-05\npublisher: Báo Đồng Nai\n", encoding="utf-8")
    (source / "page.html").write_bytes((SHAPES / "html" / "h02.html").read_bytes())  # 1923/QĐ-UBND, Phú Thọ
    report = build_site(BuildOptions(source=source, out=root / "site", cache=None))
    return report, root / "site"


def records(site: Path) -> list[dict]:
    return json.loads((site / "data" / "notices.json").read_text(encoding="utf-8"))


def page_of(site: Path, record: dict) -> str:
    return (site / record["url"].lstrip("/")).joinpath("index.html").read_text(encoding="utf-8") \
        if (site / record["url"].lstrip("/")).is_dir() else (site / record["url"].lstrip("/")).read_text(encoding="utf-8")


def test_copies_are_one_page_listing_every_source(shapes_site):
    report, site = shapes_site
    assert report.accounted() and report.published == 2
    letter = next(r for r in records(site) if (r.get("number") or {}).get("text") == "13417/UBND-VP")
    assert letter["source"]["file"] == "portal.txt"
    assert [c["file"] for c in letter["copies"]] == ["reprint.txt"]
    assert any(p.file == "reprint.txt" and "same number, issuer and date" in p.message for p in report.duplicates)
    html = page_of(site, letter)
    assert "Các bản sao khác" in html and "reprint.txt" in html
    assert (site / "nguon" / f"{letter['id']}.ban-sao-1.txt").is_file()


def test_saved_page_provenance_and_original_as_text(shapes_site):
    _, site = shapes_site
    record = next(r for r in records(site) if r["source"]["format"] == "html")
    assert record["provenance"]["publisher"] == "Cổng thông tin điện tử tỉnh Phú Thọ"
    assert record["provenance"]["source_url"].startswith("https://")
    assert set(record["provenance"]["from_page"]) == {"source_url", "publisher"}
    original = site / "nguon" / f"{record['id']}.goc.html.txt"
    assert original.is_file() and b"<script>" in original.read_bytes()  # kept whole, served as text
    html = page_of(site, record)
    assert "evil.example" not in html and "alert(" not in html  # nothing of the page runs on ours
    assert "Bản sao từ" in html and "Lời dẫn của nguồn" in html  # framing (portal record rows) apart
    assert "bản sao từ Cổng thông tin điện tử tỉnh Phú Thọ" in html  # in the citation


def test_dataset_has_provenance_columns(shapes_site):
    _, site = shapes_site
    rows = list(csv.DictReader(open(site / "data" / "notices.csv", encoding="utf-8")))
    assert {"source_url", "publisher", "retrieved", "copies"} <= set(rows[0])
    letter = next(r for r in rows if r["number"] == "13417/UBND-VP")
    assert letter["copies"] == "reprint.txt"


def test_citations_name_the_copy():
    from build_tools.model import Provenance
    from build_tools.publish.citation import copy_note

    class Record:
        provenance = Provenance("https://bao.example.vn/a", "2024-03-05", "Báo Đồng Nai")

    assert copy_note(Record, "vi") == " (bản sao từ Báo Đồng Nai, https://bao.example.vn/a, truy cập ngày 5/3/2024)"
    assert copy_note(Record, "en") == " (copy from Báo Đồng Nai, https://bao.example.vn/a, retrieved 2024-03-05)"
    Record.provenance = None
    assert copy_note(Record, "vi") == ""
