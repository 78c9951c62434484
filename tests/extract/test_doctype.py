"""Document type from the number's code, the header, the title line or the closing formula; the title."""
from build_tools.extract.doctype import document_title, document_type, sentence_case
from build_tools.extract.numbers import parse_number

from .helpers import document


def test_type_code_of_the_number_wins():
    doc = document(title=["THÔNG TƯ"])  # a consolidated text keeps the title of its original
    found = document_type(doc, parse_number("2279/VBHN-BLĐTBXH"))
    entry, rule = found.value, found.clue.rule
    assert (entry["name"], rule) == ("Văn bản hợp nhất", "number-type-code")


def test_party_tt_is_thong_tri_and_state_tt_is_thong_tu():
    assert document_type(document(), parse_number("05-TT/TW")).value["name"] == "Thông tri"
    assert document_type(document(), parse_number("03/2023/TT-BKHĐT")).value["name"] == "Thông tư"


def test_letter_without_type_code_is_a_cong_van():
    assert document_type(document(), parse_number("2279/UBND-VX")).value["name"] == "Công văn"


def test_title_line_types():
    assert document_type(document(title=["THÔNG BÁO", "KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY"]), None).value["code"] == "TB"
    assert document_type(document(title=["KẾT LUẬN", "CỦA BAN THƯỜNG VỤ TỈNH ỦY"]), None).value["code"] == "KL"


def test_consolidation_preamble_marks_a_consolidated_text():
    doc = document(title=["NGHỊ ĐỊNH"], body=["Nghị định số 131/2021/NĐ-CP ngày 30 tháng 12 năm 2021 của Chính phủ, có "
                                              "hiệu lực kể từ ngày 15 tháng 02 năm 2022, được sửa đổi, bổ sung bởi:"])
    assert document_type(doc, None).value["name"] == "Văn bản hợp nhất"


def test_closing_formula_gives_the_type_of_a_law_without_header():
    doc = document(body=["Điều 220.", "Bộ luật này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XIV, "
                                      "kỳ họp thứ 8 thông qua ngày 20 tháng 11 năm 2019."])
    assert document_type(doc, None).value["name"] == "Luật"


def test_sentence_case_keeps_names_and_terms():
    assert sentence_case("KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY QUẢNG NINH", ["Quảng Ninh"]) == \
        "Kết luận của Ban Thường vụ Tỉnh ủy Quảng Ninh"


def test_title_of_a_notice():
    doc = document(title=["KẾT LUẬN", "CỦA BAN THƯỜNG VỤ TỈNH ỦY", "về việc tập trung triển khai một số giải pháp"])
    assert document_title(doc, "Kết luận") == "Kết luận của Ban Thường vụ Tỉnh ủy về việc tập trung triển khai một số giải pháp"
    assert document_title(document(title=["THÔNG TƯ"]), "Thông tư") is None


def test_the_letter_abbreviation_and_its_expansion_come_from_structure_yml(monkeypatch):
    from build_tools.extract import doctype

    assert doctype._expand_letter_summary("V/v: phòng dịch") == "Về việc phòng dịch"
    real = doctype.load_yaml
    monkeypatch.setattr(doctype, "load_yaml", lambda name: dict(real(name), letter_summary_abbreviation="Re",
                                                                 letter_summary_expansion="Regarding")
                        if name == "structure.yml" else real(name))
    doctype._letter_abbreviation.cache_clear()
    try:
        assert doctype._expand_letter_summary("RE: masks") == "Regarding masks"
        assert doctype._expand_letter_summary("V/v phòng dịch") == "V/v phòng dịch"
    finally:
        doctype._letter_abbreviation.cache_clear()


def test_the_words_of_types_come_from_doc_types_yml():
    from build_tools.data_files import load_yaml
    from build_tools.extract import doctype, vocab

    from ..support.data import data_changed

    words = load_yaml("doc_types.yml")
    law = document(body=["Luật này được Hội đồng Nhà nước khóa VIII thông qua ngày 20 tháng 11 năm 1989."])
    assert document_type(law, None) is None
    with data_changed(words, "adoption_sentence", dict(words["adoption_sentence"], bodies=["hội đồng nhà nước"]), doctype):
        assert document_type(law, None).value["name"] == "Luật"
    with data_changed(words, "letter_type", "Thông báo", doctype, vocab):
        assert document_type(document(), parse_number("2279/UBND-VX")).value["name"] == "Thông báo"
    header = document(header=["BẢN HỢP NHẤT - BỘ Y TẾ"])
    assert document_type(header, None) is None
    consolidated = dict(words["consolidated"], header_words="bản hợp nhất")
    with data_changed(words, "consolidated", consolidated, doctype):
        assert document_type(header, None).value["name"] == "Văn bản hợp nhất"
        with data_changed(words, "consolidated", dict(consolidated, not_with="bộ y tế"), doctype):
            assert document_type(header, None) is None
    preamble = document(title=["NGHỊ ĐỊNH"], body=["Nghị định số 131/2021/NĐ-CP, có hiệu lực từ ngày 15 tháng 02 "
                                                   "năm 2022, được điều chỉnh bởi:"])
    assert document_type(preamble, None).value["name"] == "Nghị định"
    amended = dict(words["consolidated"]["preamble"], amended=["được điều chỉnh"])
    with data_changed(words, "consolidated", dict(words["consolidated"], preamble=amended), doctype):
        assert document_type(preamble, None).value["name"] == "Văn bản hợp nhất"
    title = document(title=["KẾT LUẬN", "NHẰM PHÒNG DỊCH"])
    assert document_title(title, "Kết luận") == "Nhằm phòng dịch"
    with data_changed(words, "title_connectors", ["nhằm "], doctype):
        assert document_title(title, "Kết luận") == "Kết luận nhằm phòng dịch"


def _copy_fields(text: str) -> tuple:
    from build_tools.clean import clean_text
    from build_tools.extract import extract

    meta = extract(clean_text(text))
    return meta.doc_type, meta.number.text if meta.number else None, meta.issued_date


def test_number_label_apart_from_the_number_and_no_type_line():
    """A portal copy: "Số:" in one cell, the number in the cell below, no type line (the site shows
    it as its heading); the type follows from the number's code."""
    text = ("Quyết định 905/QĐ-UBND năm 2021 về cách ly y tế tỉnh Kiên Giang\n"
            "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH KIÊN GIANG\tĐộc lập - Tự do - Hạnh phúc\n"
            "Số:\tKiên Giang, ngày 9 tháng 8\n905/QĐ-UBND\tnăm 2021\n"
            "Về việc cách ly y tế tập trung\nĐiều 1. Áp dụng cách ly y tế tập trung.\n")
    assert _copy_fields(text) == ("Quyết định", "905/QĐ-UBND", "2021-08-09")


def test_a_letter_with_its_number_and_date_interleaved_with_the_motto():
    text = ("UBND TỈNH KIÊN GIANG\nSỞ Y TẾ\nSố:\n1201/SYT-NVY\nV/v cách ly tại nhà\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nKiên Giang,\nngày 9 tháng 8 năm 2021\n"
            "Kính gửi: UBND các huyện.\nSở Y tế hướng dẫn cách ly tại nhà như sau.\n")
    assert _copy_fields(text) == ("Công văn", "1201/SYT-NVY", "2021-08-09")
