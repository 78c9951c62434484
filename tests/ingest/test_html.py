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


def test_the_header_cell_words_come_from_structure_yml():
    from build_tools.data_files import load_yaml
    from build_tools.ingest import html

    from ..support.data import data_changed

    assert html.header_cell().search("Số: 12/UBND") and html.header_cell().search("CỘNG HÒA XÃ HỘI CHỦ NGHĨA")
    words = load_yaml("structure.yml")
    with data_changed(words, "html_header_phrases", ["vương quốc"], html), data_changed(words, "number_label", "Nr", html):
        assert html.header_cell().search("VƯƠNG QUỐC CAMPUCHIA") and html.header_cell().search("Nr: 12")
        assert not html.header_cell().search("CỘNG HÒA XÃ HỘI") and not html.header_cell().search("Số: 12")


# --- round 4: the sanitised page, the page's own record, headings (ingest/html.py) -----------

HOSTILE = """<html><head><meta charset="utf-8"><title>Văn bản</title>
<style>.an { color: red; display : none }</style><script>var n = "1111/QĐ-UBND";</script></head>
<body onload="go()"><div class="content">
<div hidden>Số ký hiệu: 2222/QĐ-UBND</div><div aria-hidden="true">3333/QĐ-UBND</div>
<div style="display:none">4444/QĐ-UBND</div><p class="an">5555/QĐ-UBND</p><span class="d-none">6666/QĐ-UBND</span>
<iframe src="x?7777/QĐ-UBND"></iframe><noscript>8888/QĐ-UBND</noscript>
<table><tr><th>Số ký hiệu</th><td onclick="steal()">120/QĐ-UBND</td></tr><tr><th>Ngày ban hành</th><td>02/03/2021</td></tr></table>
<p>Điều 1. Phê duyệt phương án cách ly y tế tập trung trên địa bàn huyện.</p></div></body></html>"""


def test_hidden_elements_scripts_frames_and_events_never_reach_text_or_clues():
    page = read_html(HOSTILE)
    everything = page.text + repr(page.clues)
    for hidden in ("1111", "2222", "3333", "4444", "5555", "6666", "7777", "8888", "steal", "go()"):
        assert hidden not in everything, hidden
    assert "Số ký hiệu | 120/QĐ-UBND |" in page.text


def test_record_from_a_head_row_table_beside_a_sidebar_list_of_documents():
    markup = """<html><body><div class="main"><table class="list">
    <tr><th>STT</th><th>Số ký hiệu</th><th>Ngày ban hành</th><th>Trích yếu</th></tr>
    <tr><td>1</td><td>77/KH-UBND</td><td>04/05/2021</td><td>Kế hoạch tiêm chủng</td></tr></table>
    <p>Ủy ban nhân dân tỉnh ban hành kế hoạch tiêm chủng cho người lao động tại các khu công nghiệp.</p></div>
    <div class="box"><h4>Văn bản cùng lĩnh vực</h4><table class="list">
    <tr><th>Số ký hiệu</th><th>Ngày ban hành</th></tr><tr><td>70/KH-UBND</td><td>01/05/2021</td></tr>
    <tr><td>69/QĐ-UBND</td><td>30/04/2021</td></tr></table></div></body></html>"""
    text = read_html(markup).text
    assert text.splitlines()[:3] == ["Số ký hiệu | 77/KH-UBND |", "Ngày ban hành | 04/05/2021 |",
                                     "Trích yếu | Kế hoạch tiêm chủng |"]
    assert "70/KH-UBND" not in text and "69/QĐ-UBND" not in text


def test_a_list_of_several_documents_is_never_the_pages_record():
    markup = """<html><body><table><tr><th>Số ký hiệu</th><th>Ngày ban hành</th></tr>
    <tr><td>70/KH-UBND</td><td>01/05/2021</td></tr><tr><td>69/QĐ-UBND</td><td>30/04/2021</td></tr></table>
    <p>Danh sách văn bản do Ủy ban nhân dân tỉnh ban hành trong tháng.</p></body></html>"""
    assert "Số ký hiệu | 70/KH-UBND |" not in read_html(markup).text


@pytest.mark.parametrize("record", [
    "<dl><dt>Số hiệu</dt><dd>15/CT-UBND</dd><dt>Ngày ban hành:</dt><dd>09/07/2021</dd></dl>",
    '<div><span class="l">Số hiệu:</span> <span>15/CT-UBND</span></div><div><span class="l">Ngày ban hành:</span> <span>09/07/2021</span></div>',
    "<ul><li><strong>Số hiệu:</strong> 15/CT-UBND</li><li><strong>Ngày ban hành:</strong> 09/07/2021</li></ul>",
    '<div class="r"><div class="c3">Số hiệu</div><div class="c9">15/CT-UBND</div></div><div class="r"><div class="c3">Ngày ban hành</div><div class="c9">09/07/2021</div></div>',
    "<table><tr><td>Số hiệu</td><td>15/CT-UBND</td><td>Ngày ban hành</td><td>09/07/2021</td></tr></table>",
])
def test_a_record_in_any_markup_becomes_label_value_rows(record):
    markup = f"<html><body><div>{record}<p>Chủ tịch Ủy ban nhân dân tỉnh chỉ thị các sở, ngành thực hiện nghiêm giãn cách xã hội.</p></div></body></html>"
    text = read_html(markup).text
    assert "Số hiệu | 15/CT-UBND |" in text and "Ngày ban hành | 09/07/2021 |" in text


def test_a_heading_the_library_drops_is_kept_first_and_sidebars_are_not():
    markup = """<html><body><div class="main"><h3>Thông báo số 52/TB-UBND ngày 03/6/2021 của UBND tỉnh về kết luận cuộc họp</h3>
    <div class="meta">Cập nhật 04/06/2021</div><div class="noidung"><p>Ngày 02/6/2021, Chủ tịch Ủy ban nhân dân tỉnh chủ trì cuộc họp về công tác phòng, chống dịch và kết luận như sau.</p>
    <p>Các địa phương tiếp tục thực hiện nghiêm các biện pháp phòng, chống dịch trên địa bàn.</p></div></div>
    <aside><h3>Thông báo số 40/TB-UBND ngày 01/6/2021</h3></aside>
    <div class="sidebar-right"><h2>Quyết định số 9/QĐ-UBND ngày 01/6/2021 về cách ly</h2></div></body></html>"""
    text = read_html(markup).text
    assert "Thông báo số 52/TB-UBND" in text
    assert "40/TB-UBND" not in text and "9/QĐ-UBND" not in text


def test_a_hidden_time_element_is_no_page_date():
    markup = """<html><body><div hidden><time datetime="2020-01-01">1/1/2020</time></div>
    <p>Ủy ban nhân dân tỉnh yêu cầu các địa phương thực hiện nghiêm các biện pháp phòng, chống dịch.</p></body></html>"""
    assert read_html(markup).clues.published is None
