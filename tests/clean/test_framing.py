"""The source's framing set apart (build_tools/clean/framing.py): a reprint's lead, captions,
"toàn văn" line and by-lines; a portal's furniture, attribute rows and lists of other documents."""
from __future__ import annotations

from build_tools.clean import clean_text
from build_tools.clean import framing as framing_module
from build_tools.clean.framing import attribute_row, split_framing

DOCUMENT = ("CHỈ THỊ\nVề tăng cường phòng, chống dịch\n\n1. Các sở, ngành thực hiện nghiêm thông điệp 5K.\n"
            "2. Tạm dừng các hoạt động tập trung đông người./.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLê Văn Tám\n")


def test_lead_caption_and_intro_are_framing():
    text = ("Gia Lai: Tăng cường phòng dịch\n\n(Báo Gia Lai) - UBND tỉnh vừa ban hành Chỉ thị số 09/CT-UBND ngày "
            "4/5/2021 về tăng cường phòng, chống dịch.\n\nNgười dân khai báo y tế. Ảnh: HỒNG THI\n\n"
            "Báo Gia Lai xin giới thiệu toàn văn Chỉ thị:\n\n" + DOCUMENT + "\nTheo Báo Gia Lai\n")
    document = clean_text(text)
    assert document.framing[0] == "Gia Lai: Tăng cường phòng dịch"
    assert any("vừa ban hành" in line for line in document.framing)
    assert "Người dân khai báo y tế. Ảnh: HỒNG THI" in document.framing
    assert "Theo Báo Gia Lai" in document.framing
    assert "vừa ban hành" not in document.body_text and "Ảnh:" not in document.body_text
    assert document.title_lines[0] == "CHỈ THỊ"
    assert document.signature_lines[-1] == "Lê Văn Tám"  # the signer's name is not a by-line
    assert any(c.stage == "framing" and c.kind == "source-framing" for c in document.changes)


def test_by_line_after_the_signer_is_framing_not_the_signer():
    text = ("UBND tỉnh Hà Nam vừa có Công văn số 1234/UBND-VX ngày 5/8/2021 về phòng dịch.\n\n"
            "Theo đó, các địa phương tăng cường kiểm soát người ra vào địa bàn, xử lý nghiêm vi phạm.\n\nMinh Anh\n")
    document = clean_text(text)
    assert "Minh Anh" in document.framing
    assert document.signature_lines == []


def test_notice_quoting_an_issued_document_below_its_header_is_not_framed():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nSố: 88/TB-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Hà Nam, ngày 2 tháng 3 năm 2021\n\nTHÔNG BÁO\nVề phòng dịch\n\n"
            "Ngày 1/3/2021, UBND tỉnh đã ban hành Quyết định số 77/QĐ-UBND về cách ly y tế.\n")
    document = clean_text(text)
    assert document.framing == []
    assert "đã ban hành Quyết định số 77/QĐ-UBND" in document.body_text


def test_portal_furniture_and_other_documents_are_framing():
    text = ("Ngày đăng: 12/08/2021 08:01 | Lượt xem: 137\n" + DOCUMENT + "\nTệp đính kèm: 09-CT-UBND.pdf\n"
            "Các văn bản khác\nQuyết định số 1102/QĐ-UBND ngày 03/6/2021 về việc thành lập khu cách ly\n")
    kept, framing, _ = split_framing(text)
    assert "1102/QĐ-UBND" not in kept and "Lượt xem" not in kept and "Tệp đính kèm" not in kept
    assert framing[0].startswith("Ngày đăng") and framing[-1].startswith("Quyết định số 1102")


def test_attribute_rows_are_table_rows_only():
    assert attribute_row("Số ký hiệu | 24/CT-UBND |") == ("number", "24/CT-UBND")
    assert attribute_row("Người ký\tNguyễn Văn A") == ("signer", "Nguyễn Văn A")
    assert attribute_row("Người ký: CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ") is None  # a PDF signature stamp
    assert attribute_row("Nơi nhận | Như trên") is None


def test_official_texts_have_no_framing():
    """The Công báo corpus (201 official PDF texts) and the seeds: nothing is set apart."""
    from pathlib import Path

    from build_tools.clean.normalise import normalise

    root = Path(__file__).resolve().parents[2]
    files = sorted((root / "source_texts").glob("*.txt")) + sorted(Path("/work/shared/corpora/congbao").glob("*.txt"))
    for path in files:
        text, _ = normalise(path.read_text(encoding="utf-8"))
        assert split_framing(text)[1] == [], path.name


def test_attribute_row_with_several_pairs():
    from build_tools.clean.framing import attribute_pairs

    assert attribute_pairs("Số hiệu | 45/KH-UBND | Ngày ban hành | 22/02/2021 |") == \
        [("number", "45/KH-UBND"), ("issued_date", "22/02/2021")]


def test_the_number_label_and_urgency_words_of_framing_come_from_data():
    from build_tools.clean import framing
    from build_tools.data_files import load_yaml

    from ..support.data import data_changed

    assert framing.reference_pattern().search("cong dien khan so 09")
    with data_changed(load_yaml("structure.yml"), "number_label", "Nr", framing):
        assert not framing.reference_pattern().search("cong dien khan so 09")
        assert framing.reference_pattern().search("cong dien khan nr 09")
    with data_changed(load_yaml("framing.yml"), "urgency_words", ["gap"], framing):
        assert framing.reference_pattern().search("cong dien gap so 09")
        assert not framing.reference_pattern().search("cong dien khan so 09")


def test_the_number_label_before_a_plain_verb_comes_from_structure_yml():
    from build_tools.clean import framing
    from build_tools.data_files import load_yaml

    from ..support.data import data_changed

    assert framing._after_document().search("quyet dinh so ")
    with data_changed(load_yaml("structure.yml"), "number_label", "Nr", framing):
        assert framing._after_document().search("quyet dinh nr ") and not framing._after_document().search("quyet dinh so ")


def test_a_signature_title_after_the_body_does_not_hide_the_headline():
    from build_tools.clean.framing import find_framing

    lines = ["Kế hoạch số 31/KH-UBND ngày 2/6/2021 của UBND tỉnh về xét nghiệm diện rộng", "",
             "Nhằm phát hiện sớm các ca nhiễm trong cộng đồng, Ủy ban nhân dân tỉnh tổ chức xét nghiệm diện rộng tại các huyện.",
             "CHỦ TỊCH", "Hồ Văn Minh"]
    assert 0 in find_framing(lines).lines


def test_a_sentence_after_the_full_text_line_is_the_document_not_a_lead():
    """The lead and "xin giới thiệu toàn văn" come first; a paragraph after them that cites another
    document by number is the document's own text, kept in the body and never read as the lead."""
    text = ("Toàn văn Công điện 05/CĐ-UBND của UBND tỉnh Nam Định về kiểm soát người ra vào tỉnh\n\n"
            "Sáng 20/8/2021, Chủ tịch UBND tỉnh đã ký Công điện về việc kiểm soát chặt người ra vào tỉnh. "
            "Báo Nam Định giới thiệu toàn văn Công điện.\n\n"
            "Thời gian qua, nhiều địa phương đã áp dụng các biện pháp theo Công điện số 1068/CĐ-TTg, "
            "tình hình dịch vẫn phức tạp.\n\n"
            "1. Dừng các hoạt động không thiết yếu.\n")
    lines = text.split("\n")
    framing = framing_module.find_framing(lines)
    kept = [lines[i] for i in range(len(lines)) if i not in framing.lines and lines[i].strip()]
    assert any(line.startswith("Thời gian qua") for line in kept)
    assert framing.reprint
