"""Structure recovery on the seeds (values read from the notices by hand) and on PDF text."""
import pytest

from build_tools.clean import clean_text
from build_tools.clean.structure import marker_of, parse_markup, split_glued_title
from tests.support.paths import congbao_files, seed


def cleaned(prefix):
    return clean_text(seed(prefix).read_text(encoding="utf-8"))


def test_glued_bold_title_is_split_into_type_and_summary():
    assert split_glued_title("**THÔNG BÁO****Ý KIẾN CHỈ ĐẠO") == ["**THÔNG BÁO**", "**Ý KIẾN CHỈ ĐẠO"]
    assert split_glued_title("THÔNG BÁO**KẾT LUẬN CỦA") == ["THÔNG BÁO", "**KẾT LUẬN CỦA"]
    assert split_glued_title("Thông báo**kết luận") == ["Thông báo**kết luận"]  # not capitals: not a title


def test_markup_becomes_bold_spans_and_plain_text():
    lines, edits = parse_markup(["#### **1. Đánh giá chung**", "phấn đấu **trước ngày 23/01/2022**."])
    assert lines[0].text == "1. Đánh giá chung" and lines[0].heading and lines[0].bold == [(0, 17)]
    assert lines[1].text == "phấn đấu trước ngày 23/01/2022."
    assert lines[1].text[slice(*lines[1].bold[0])] == "trước ngày 23/01/2022"
    assert edits >= 2


@pytest.mark.parametrize("line, style, label", [
    ("1. Các cấp ủy", "arabic", "1"), ("(3) Ban cán sự", "paren", "3"), ("II. Trong bối cảnh", "roman", "II"),
    ("a) Đối với", "letter", "a"), ("(i1) Đối tượng", "paren", "i1"), ("Điều 5. Hiệu lực", "dieu", "5"),
    ("1.000 ca mắc", None, None), ("10.000 mẫu", None, None),
])
def test_numbered_item_markers(line, style, label):
    assert marker_of(line)[:2] == (style, label)


def test_seed_000_parts():
    document = cleaned("000")
    assert document.header_lines == []
    assert document.title_lines[0] == "THÔNG BÁO"
    assert document.title_lines[-1] == "tại hội nghị ngày 17/01/2022"
    assert document.signature_lines == ["T/L BAN THƯỜNG VỤ", "PHÓ CHÁNH VĂN PHÒNG", "Ngô Quang Hưng"]
    assert document.recipients[0] == "VPTW Đảng, VP Chính phủ (để báo cáo),"
    assert document.recipients[-1] == "Lưu VPTU, TH1."
    anchors = [b.anchor for b in document.blocks]
    assert anchors[:3] == ["doan-1", "doan-2", "muc-1"] and "muc-7" in anchors
    item2 = next(b for b in document.blocks if b.anchor == "muc-2")
    assert any(item2.text[s:e] == "trước ngày 23/01/2022" for s, e in item2.bold)


def test_seed_001_nested_numbering_and_broken_paragraph_rejoined():
    document = cleaned("001")
    assert document.title_lines[-1] == "trong tình hình mới tại cuộc họp ngày 17/02/2021"
    anchors = [b.anchor for b in document.blocks]
    assert ["muc-1", "muc-1-1", "muc-1-6", "muc-2"] == [a for a in anchors if a in ("muc-1", "muc-1-1", "muc-1-6", "muc-2")]
    joined = [b for b in document.blocks if "yêu cầu các đơn vị thành viên ngành Than" in b.text]
    assert len(joined) == 1, "a paragraph broken by a blank line mid-sentence is one block"
    assert any(c.kind == "join-broken-paragraph" for c in document.changes)


def test_seed_002_roman_then_arabic_numbering():
    document = cleaned("002")
    assert document.title_lines[:2] == ["THÔNG BÁO", "KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY"]
    anchors = [b.anchor for b in document.blocks]
    assert "muc-i" in anchors and "muc-ii-1" in anchors and "muc-ii-7" in anchors
    assert document.signature_lines == ["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Phạm Việt Thanh"]
    assert "Báo BR-VT, Đài PT&TH tỉnh," in document.recipients


def test_seed_003_ocr_signature_has_no_name():
    document = cleaned("003")
    assert document.title_lines[0] == "KẾT LUẬN"
    assert document.signature_lines and document.signature_lines[0].startswith("T/M")
    assert not any(line.istitle() for line in document.signature_lines), "the OCR lost the signer's name"
    assert len([b for b in document.blocks if b.kind == "item"]) == 10
    assert document.blocks[-1].text == "Kết luận này được phổ biến đến chi bộ."


def test_seed_004_markdown_headings_are_numbered_headings():
    document = cleaned("004")
    headings = [b for b in document.blocks if b.kind == "heading"]
    assert [h.anchor for h in headings] == ["muc-1", "muc-2", "muc-3"]
    assert "muc-2-12" in [b.anchor for b in document.blocks]
    assert document.signature_lines == ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Phạm Hùng Trường"]


def test_anchors_are_unique_and_stable_across_runs():
    for prefix in ("000", "001", "002", "003", "004"):
        first = [b.anchor for b in cleaned(prefix).blocks]
        assert len(first) == len(set(first))
        assert first == [b.anchor for b in cleaned(prefix).blocks]


@pytest.mark.corpus
def test_congbao_pdf_text_cleans_without_crashing_and_loses_page_headers():
    for path in congbao_files():
        document = clean_text(path.read_text(encoding="utf-8"))
        assert document.blocks, path.name
        assert not any(b.text.startswith("CÔNG BÁO/Số") for b in document.blocks), path.name
