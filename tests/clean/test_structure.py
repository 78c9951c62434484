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


# --- the vocabulary of structure comes from data/structure.yml --------------------------------

@pytest.fixture
def structure_words(monkeypatch):
    """A copy of data/structure.yml that a test may change; the derived patterns are rebuilt."""
    import copy
    import importlib

    layout = importlib.import_module("build_tools.clean.layout")
    structure = importlib.import_module("build_tools.clean.structure")  # the package exports a function of that name

    words = copy.deepcopy(structure._vocabulary())
    cached = [structure._markers, structure._body_opener_pattern, structure._letter_summary_openers,
              layout._number_label, layout._letter_summary_inside]
    for function in cached:
        function.cache_clear()
    monkeypatch.setattr(structure, "_vocabulary", lambda: words)
    monkeypatch.setattr(layout, "_vocabulary", lambda: words)

    def change(**values):
        words.update(values)
        for function in cached:
            function.cache_clear()

    yield change
    for function in cached:
        function.cache_clear()


def test_legal_heading_words_are_read_from_the_data(structure_words):
    assert marker_of("Điều 5. Hiệu lực")[:2] == ("dieu", "5")
    assert marker_of("Chương II QUY ĐỊNH CHUNG")[:2] == ("chuong", "II")
    structure_words(article_word="Article", chapter_word="Chapter")
    assert marker_of("Article 5. Scope")[:2] == ("dieu", "5")
    assert marker_of("Chapter IV General")[:2] == ("chuong", "IV")
    assert marker_of("Điều 5. Hiệu lực")[0] is None


def test_body_openers_are_read_from_the_data(structure_words):
    from build_tools.clean.structure import _starts_body

    assert _starts_body("Căn cứ Luật Phòng, chống bệnh truyền nhiễm") and _starts_body("Ngày 05/02/2021, Ban")
    assert not _starts_body("Ngày hội")  # "ngày" opens a body only before a day number
    structure_words(body_openers=["xin"])
    assert not _starts_body("Căn cứ Luật Phòng, chống bệnh truyền nhiễm")
    assert _starts_body("Xin gửi các đơn vị")


def test_number_label_and_letter_abbreviation_are_read_from_the_data(structure_words):
    from build_tools.clean.layout import is_number_cell, opens_with_letter_abbreviation, split_side_by_side
    from build_tools.clean.structure import opens_letter_summary, opens_with_number_label

    assert opens_with_number_label("Số: 24/CT-UBND") and is_number_cell("Số: 24/CT-UBND")
    assert is_number_cell("S0: 24/CT-UBND")  # OCR's zero for the o
    assert opens_with_letter_abbreviation("V/v tăng cường") and opens_letter_summary("Về việc tăng cường")
    assert split_side_by_side("Số: 123/UBND-VX V/v tăng cường") == ["Số: 123/UBND-VX", "V/v tăng cường"]
    structure_words(number_label="No", letter_summary_abbreviation="Re", letter_summary_openers=["re"])
    assert opens_with_number_label("No: 24/CT") and is_number_cell("N0. 24/CT")
    assert not opens_with_number_label("Số: 24/CT-UBND") and not is_number_cell("Số: 24/CT-UBND")
    assert opens_with_letter_abbreviation("RE: masks") and not opens_with_letter_abbreviation("V/v tăng cường")
    assert not opens_letter_summary("Về việc tăng cường")
    assert split_side_by_side("No: 123/UBND-VX Re: masks") == ["No: 123/UBND-VX", "Re: masks"]


def test_every_authority_prefix_of_the_data_opens_a_signature_block():
    from build_tools.clean.structure import _vocabulary, authority_at

    for prefix in _vocabulary()["authority_prefixes"]:
        assert authority_at(prefix.strip() + " ỦY BAN NHÂN DÂN") == 0, prefix
        assert authority_at("Nơi nhận: " + prefix.strip() + " ỦY BAN") == len("Nơi nhận: "), prefix


def test_short_copy_without_blank_lines_keeps_body_and_signature_out_of_the_title():
    text = ("ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ\nSố: 44/TB-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nPhú Thọ, ngày 02 tháng 3 năm 2022\nTHÔNG BÁO\n"
            "Ý kiến của Chủ tịch UBND tỉnh tại buổi kiểm tra khu cách ly\n"
            "Chủ tịch UBND tỉnh yêu cầu các huyện rà soát lại khu cách ly tập trung.\n"
            "TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\nĐinh Công Sứ\n")
    document = clean_text(text)
    assert document.title_lines == ["THÔNG BÁO", "Ý kiến của Chủ tịch UBND tỉnh tại buổi kiểm tra khu cách ly"]
    assert document.signature_lines[-1] == "Đinh Công Sứ"


def test_a_wrapped_summary_line_is_still_the_title():
    text = ("ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ\nSố: 45/CT-UBND\nPhú Thọ, ngày 02 tháng 3 năm 2022\nCHỈ THỊ\n"
            "Về tăng cường phòng, chống dịch tại các khu công nghiệp trên địa bàn\nthành phố Việt Trì\n\n"
            "Thời gian qua dịch bệnh diễn biến phức tạp.\n")
    assert clean_text(text).title_lines[-1] == "thành phố Việt Trì"


def test_type_line_followed_by_a_body_sentence_has_no_summary():
    text = ("BAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH COVID-19 TỈNH HÀ NAM\nSố: 12/CĐ-BCĐ\nHà Nam, ngày 02 tháng 3 năm 2022\n"
            "CÔNG ĐIỆN\nBan Chỉ đạo tỉnh yêu cầu các huyện kiểm soát chặt người ra vào địa bàn.\n"
            "TRƯỞNG BAN\nCHỦ TỊCH UBND TỈNH\nTrương Quốc Huy\n")
    document = clean_text(text)
    assert document.title_lines == ["CÔNG ĐIỆN"]
    assert document.signature_lines[-1] == "Trương Quốc Huy"


def test_recipients_and_signature_flattened_onto_the_marker_line_are_kept():
    doc = clean_text("CHỈ THỊ\nVề việc phòng, chống dịch\nCác sở, ngành thực hiện nghiêm túc Chỉ thị này.\n"
                     "Nơi nhận: - Bộ Y tế; - Lưu: VT, TH. CHỦ TỊCH Phạm Minh Tâm\n")
    assert doc.recipients == ["Bộ Y tế", "Lưu: VT, TH."]
    assert doc.signature_lines[-2:] == ["CHỦ TỊCH", "Phạm Minh Tâm"]


def test_a_type_line_with_a_speck_after_it_still_opens_the_title():
    """A scan reads a speck after the type line as a stop ("THÔNG BÁO."): the header above it is
    still the header, so its number and date are found; the enacting line of a decision
    ("QUYẾT ĐỊNH:") is no title."""
    from build_tools.clean.structure import is_document_type_line
    from build_tools.extract import extract

    assert is_document_type_line("THÔNG BÁO.") and is_document_type_line("KẾ HOẠCH ,")
    assert not is_document_type_line("QUYẾT ĐỊNH:")
    text = ("BAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "COVID-19 Độc lập - Tự do - Hạnh phúc\n"
            "TỈNH BẠC LIÊU Bạc Liêu, ngày 07 tháng 10 năm 2021\n"
            "Số: 88/TB-BCĐ\n\nTHÔNG BÁO.\nVề việc tổ chức lại các hoạt động vận tải hành khách\n\n"
            "Các đơn vị vận tải thực hiện nghiêm các biện pháp phòng, chống dịch.\n")
    meta = extract(clean_text(text))
    assert meta.number.text == "88/TB-BCĐ" and meta.issued_date == "2021-10-07"


def test_specks_inside_the_type_line_and_debris_lines_in_the_header_keep_the_header():
    """A scan leaves a speck inside the type line ("KẾ: HOẠCH") or loses its first word and reads
    the emblem as letters ("SY"): the header above is still the header."""
    from build_tools.clean.structure import is_document_type_line, is_scan_debris
    from build_tools.extract import extract

    assert is_document_type_line("KẾ: HOẠCH") and is_document_type_line("THÔNG. BÁO")
    assert not is_document_type_line("KẾ HOẠCH: TRIỂN KHAI") and not is_document_type_line("QUYẾT ĐỊNH:")
    assert is_scan_debris("SY") and is_scan_debris(" ý ") and not is_scan_debris("")
    text = ("TỈNH ỦY ĐỒNG THÁP\nSY\n\nSố:\n215-TB/TU\n\nĐẢNG CỘNG SẢN VIỆT NAM\n"
            "Đồng Tháp, ngày 09 tháng 06 năm 2021\n\nBÁO.\n\nKẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY\n"
            "về công tác phòng, chống dịch COVID-19\n\nNgày 08/6/2021, Ban Thường vụ Tỉnh ủy đã họp.\n")
    doc = clean_text(text)
    assert doc.header_lines[0].startswith("TỈNH ỦY ĐỒNG THÁP") and doc.title_lines[0] == "BÁO."
    meta = extract(doc)
    assert meta.number.text == "215-TB/TU" and meta.issued_date == "2021-06-09"
