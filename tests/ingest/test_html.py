"""Saved web pages (build_tools/ingest/html.py, formats.read_saved_page) and provenance."""
from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.clean import clean_notice
from build_tools.extract import OverrideError, extract
from build_tools.extract.overrides import read_provenance
from build_tools.ingest import read_notice
from build_tools.ingest.html import read_html

SHAPES = Path(__file__).resolve().parents[1] / "fixtures" / "shapes" / "html"

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Kế hoạch số 12/KH-UBND - Cổng TTĐT tỉnh Yên Bái</title>
<link rel="canonical" href="https://yenbai.example.gov.vn/van-ban/12">
<meta property="og:site_name" content="Cổng thông tin điện tử tỉnh Yên Bái">
<script>document.write("<b>injected</b>")</script></head>
<body onload="alert('x')"><nav><a href="/">Trang chủ</a><a href="/tin">Tin tức</a></nav>
<article><h1>Kế hoạch số 12/KH-UBND</h1>
<table><tr><td><b>ỦY BAN NHÂN DÂN<br>TỈNH YÊN BÁI</b><br>Số: 12/KH-UBND</td>
<td><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br>Độc lập - Tự do - Hạnh phúc<br><i>Yên Bái, ngày 5 tháng 3 năm 2021</i></td></tr></table>
<p><b>KẾ HOẠCH</b></p><p>Tiêm vắc xin phòng COVID-19 năm 2021</p>
<p>1. Mục đích: bảo đảm tiêm đủ liều cho người dân trên địa bàn tỉnh.</p>
<p>2. Yêu cầu: các địa phương tổ chức tiêm an toàn, hiệu quả, đúng đối tượng theo hướng dẫn.</p>
<p onclick="steal()">3. Sở Y tế chủ trì thực hiện./.</p>
<table><tr><td><b>Nơi nhận:</b><br>- Bộ Y tế;<br>- Lưu: VT.</td><td><b>TM. ỦY BAN NHÂN DÂN<br>CHỦ TỊCH</b><br><br>Trần Huy Tuấn</td></tr></table>
</article><footer>Cơ quan chủ quản: Văn phòng UBND tỉnh Yên Bái</footer><img src=x onerror="alert(1)"></body></html>"""


def test_text_comes_out_without_anything_that_runs():
    page = read_html(PAGE)
    assert "injected" not in page.text and "alert" not in page.text and "steal" not in page.text
    assert "<" not in page.text


def test_header_table_rows_and_signature_table_cells():
    text = read_html(PAGE).text
    assert "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |" in text
    lines = text.split("\n")
    assert lines.index("Nơi nhận:") < lines.index("TM. ỦY BAN NHÂN DÂN") < lines.index("Trần Huy Tuấn")


def test_page_clues():
    clues = read_html(PAGE).clues
    assert clues.canonical_url == "https://yenbai.example.gov.vn/van-ban/12"
    assert clues.site_name == "Cổng thông tin điện tử tỉnh Yên Bái"
    assert clues.title.startswith("Kế hoạch số 12/KH-UBND")


@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_saved_page_through_the_pipeline(tmp_path, suffix):
    path = tmp_path / f"page{suffix}"
    path.write_text(PAGE, encoding="utf-8")
    raw = read_notice(path, tmp_path)
    assert raw.source.format == "html" and not raw.problems
    meta = extract(clean_notice(raw), raw.overrides, raw.page)
    assert (meta.doc_type, meta.number.text, meta.issued_date, meta.province.name, meta.signer.name) == \
        ("Kế hoạch", "12/KH-UBND", "2021-03-05", "Yên Bái", "Trần Huy Tuấn")
    assert meta.provenance.source_url == "https://yenbai.example.gov.vn/van-ban/12"
    assert meta.provenance.publisher == "Cổng thông tin điện tử tỉnh Yên Bái"
    assert set(meta.provenance.from_page) == {"source_url", "publisher"}


def test_curator_provenance_wins_over_the_page(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    (tmp_path / "page.meta.yml").write_text("source_url: https://example.org/copy\nretrieved: 2024-03-05\n"
                                            "publisher: Báo Yên Bái\n", encoding="utf-8")
    raw = read_notice(path, tmp_path)
    meta = extract(clean_notice(raw), raw.overrides, raw.page)
    assert meta.provenance.source_url == "https://example.org/copy" and meta.provenance.from_page == ()
    assert meta.provenance.citation_text() == "bản sao từ Báo Yên Bái, https://example.org/copy, truy cập ngày 5/3/2024"
    assert "source_url" not in meta.overridden  # provenance is not a correction of the text


def test_bad_provenance_is_an_error_naming_the_key():
    with pytest.raises(OverrideError) as error:
        read_provenance({"source_url": "yenbai.gov.vn/12"})
    assert error.value.key == "source_url"


def test_page_without_text_is_a_problem(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><body><script>alert(1)</script><img src='scan.jpg'></body></html>", encoding="utf-8")
    raw = read_notice(path, tmp_path)
    assert raw.problems and raw.problems[0].severity == "error"


def test_every_fixture_page_ingests():
    for path in sorted(SHAPES.iterdir()):
        raw = read_notice(path, SHAPES)
        assert raw.text and not raw.problems, path.name


def test_a_browsers_saved_assets_are_not_notices(tmp_path):
    from build_tools.ingest import discover

    (tmp_path / "trang.html").write_text(PAGE, encoding="utf-8")
    assets = tmp_path / "trang_files"
    assets.mkdir()
    (assets / "app.js").write_text("alert(1)", encoding="utf-8")
    (assets / "logo.png").write_bytes(b"\x89PNG")
    (tmp_path / "other_files").mkdir()
    (tmp_path / "other_files" / "note.txt").write_text("Thông báo", encoding="utf-8")  # no page beside it
    assert [p.relative_to(tmp_path).as_posix() for p in discover(tmp_path)] == ["other_files/note.txt", "trang.html"]


def test_a_record_of_label_and_value_blocks_becomes_rows():
    """Portals lay their record out as <div>s or <dt>/<dd>: the library gives "label\\nvalue"."""
    page = read_html("<html><body><div class='main'><h2>Văn bản</h2>"
                     "<div><span>Số/Ký hiệu:</span></div><div>07/KH-SGDĐT</div>"
                     "<dl><dt>Ngày ban hành</dt><dd>11/11/2021</dd><dt>Người ký</dt><dd>Phạm Văn B</dd></dl>"
                     "<p>Kế hoạch dạy học trực tiếp trở lại cho học sinh trung học phổ thông trên địa bàn "
                     "tỉnh sau thời gian học trực tuyến kéo dài vì dịch bệnh.</p></div></body></html>")
    assert "Số/Ký hiệu | 07/KH-SGDĐT |" in page.text
    assert "Ngày ban hành | 11/11/2021 |" in page.text and "Người ký | Phạm Văn B |" in page.text


def test_a_preformatted_header_inside_the_content_keeps_its_columns():
    page = read_html("<html><body><div><h1>Công văn về tiêm chủng</h1><pre>\n"
                     "UBND TỈNH NAM ĐỊNH          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                     "Số: 88/UBND-VP              Nam Định, ngày 3 tháng 9 năm 2021\n</pre>"
                     "<p>Kính gửi: các sở, ngành. UBND tỉnh yêu cầu tổ chức tiêm chủng an toàn cho người dân "
                     "trên địa bàn, báo cáo kết quả hằng ngày về Sở Y tế.</p></div></body></html>")
    meta = extract(clean_notice_text(page.text))
    assert (meta.number.text, meta.issued_date) == ("88/UBND-VP", "2021-09-03")


def clean_notice_text(text: str):
    from build_tools.clean import clean_text

    return clean_text(text)


def test_page_date_from_a_time_element():
    page = read_html("<html><body><article><time datetime='2021-09-16T08:00'>16/09</time>"
                     "<p>Ngày 15/9, UBND tỉnh ban hành Kế hoạch số 5/KH-UBND về tiêm chủng cho người dân.</p>"
                     "</article></body></html>")
    assert page.clues.published.startswith("2021-09-16")


def test_script_text_and_markup_never_reach_the_text_or_the_page_clues():
    """The features extraction relies on (headings, tables, time stamps, og:site_name,
    article:published_time) come out as plain text; a script's text never does (set7/h701 hides a
    number in a script, set7/h725 an onload handler, an iframe and a stylesheet)."""
    root = SHAPES.parent
    for path in sorted((root / "set7").glob("*.html")) + sorted((root / "set8").glob("*.html")):
        raw = read_notice(path, path.parent)
        assert "<" not in raw.text and "alert(" not in raw.text and "999/QĐ" not in raw.text, path.name
        assert all("<" not in str(value) for value in (raw.page or {}).values()), path.name
        meta = extract(clean_notice(raw), raw.overrides, raw.page)
        assert meta.number is None or "999" not in meta.number.text
