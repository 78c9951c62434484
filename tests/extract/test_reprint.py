"""Clues of a copy's framing (build_tools/extract/reprint.py) and the shapes end to end."""
from __future__ import annotations

import sys

import pytest
from pathlib import Path

from build_tools.clean import clean_text
from build_tools.extract import extract
from build_tools.extract.reprint import attribute_fields, lead_fields
from build_tools.model import Found

ROOT = Path(__file__).resolve().parents[2]


def test_lead_gives_type_number_date_and_subject_with_lower_confidence():
    found = lead_fields(["(Báo Đồng Nai) - UBND tỉnh vừa ban hành Công văn số 13417/UBND-VP ngày 22/9/2021 về "
                         "thực hiện các biện pháp phòng, chống dịch."])
    assert all(isinstance(f, Found) for f in found.values())
    assert found["number"].value.text == "13417/UBND-VP"
    assert found["doc_type"].value["name"] == "Công văn"
    assert found["issued_date"].value == "2021-09-22"
    assert found["title"].value.startswith("Về thực hiện các biện pháp")
    assert max(f.clue.confidence for f in found.values()) < 0.95


def test_lead_date_at_the_start_and_dirty_number():
    found = lead_fields(["Ngày 7 tháng 5 năm 2021, UBND tỉnh Hà Tĩnh đã ban hành Quyết định số 1530 /QĐ-UBND về việc "
                         "phong tỏa tạm thời."])
    assert found["number"].value.text == "1530/QĐ-UBND"
    assert found["issued_date"].value == "2021-05-07"


def test_lead_date_without_year_is_not_a_date():
    found = lead_fields(["Chiều 18/7, UBND tỉnh vừa ban hành Chỉ thị số 12/CT-UBND về giãn cách."])
    assert "issued_date" not in found


def test_attribute_rows():
    found = attribute_fields(["Số ký hiệu | 1923/QĐ-UBND |", "Ngày ban hành | 04/08/2021 |", "Người ký | Bùi Văn Quang |",
                              "Loại văn bản | Quyết định |"])
    assert found["number"].value.text == "1923/QĐ-UBND"
    assert found["issued_date"].value == "2021-08-04"
    assert found["signer"].value == "Bùi Văn Quang"
    assert found["doc_type"].value["name"] == "Quyết định"


def test_issue_example_portal_copy():
    """The copy quoted in issue 16: no type line, header as table rows."""
    text = ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 24/CT-UBND | Sơn La, ngày 24 tháng 7 năm 2021 |\n"
            "VỀ VIỆC TRIỂN KHAI CÁC BIỆN PHÁP CẤP BÁCH PHÒNG, CHỐNG DỊCH COVID-19\n\n"
            "Thực hiện Chỉ thị số 16/CT-TTg ngày 31/3/2020 của Thủ tướng Chính phủ, Chủ tịch UBND tỉnh yêu cầu:\n"
            "1. Các sở thực hiện nghiêm Chỉ thị số 24/CT-UBND.\n")
    meta = extract(clean_text(text))
    assert (meta.doc_type, meta.number.text, meta.issued_date, meta.province.name) == \
        ("Chỉ thị", "24/CT-UBND", "2021-07-24", "Sơn La")
    assert meta.clues["doc_type"].rule == "number-type-code"
    assert [c.number for c in meta.cites] == ["16/CT-TTg"]  # its own number is never a citation


def test_number_without_type_code_is_a_letter():
    text = ("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH ĐỒNG NAI\tĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 13417/UBND-VP\tĐồng Nai, ngày 22 tháng 9 năm 2021\nV/v phòng dịch\n\nKính gửi: Các sở.\n")
    meta = extract(clean_text(text))
    assert meta.doc_type == "Công văn" and meta.number.text == "13417/UBND-VP"


def test_journalist_words_stay_out_of_the_signer_and_measures():
    text = ("UBND tỉnh Hà Nam vừa có Công văn số 1234/UBND-VX ngày 5/8/2021 về phòng dịch. Người dân được yêu cầu "
            "ở yên tại nhà và đeo khẩu trang.\n\nTheo đó, các địa phương tăng cường kiểm soát, xử lý nghiêm vi phạm.\n\n"
            "NGỌC TÚ\n")
    document = clean_text(text)
    meta = extract(document)
    assert meta.signer is None
    assert not any("khẩu trang" in e.text for m in meta.measures for e in m.evidence)
    assert meta.number.text == "1234/UBND-VX" and meta.clues["number"].rule == "reprint-lead-number"


def test_shapes_benchmark_on_the_tuned_rows():
    """The evaluation set (tests/fixtures/shapes): ≥ 95 % of the four basic fields per shape, none invented."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from extract_accuracy import shape_rows, score_shapes

    result = score_shapes([row for row in shape_rows() if not row[1].get("held")])
    for (shape, _), table in result["scores"].items():
        basic = [table[f] for f in ("province", "doc_type", "number", "issued_date")]
        assert sum(b[0] for b in basic) >= 0.95 * sum(b[1] for b in basic), (shape, result["misses"])
        assert sum(b[2] for b in basic) == 0, (shape, result["misses"])


def test_dated_lead_with_plain_ban_hanh_and_urgency_word():
    found = lead_fields(["(BTN) - Ngày 10-6-2021, UBND tỉnh Tây Ninh ban hành Chỉ thị số 09/CT-UBND về phòng dịch."])
    assert found["number"].value.text == "09/CT-UBND" and found["issued_date"].value == "2021-06-10"
    found = lead_fields(["Ban Chỉ đạo tỉnh vừa ban hành Công điện khẩn số 15/CĐ-BCĐ ngày 22/9/2021 về kiểm soát."])
    assert found["doc_type"].value["name"] == "Công điện" and found["number"].value.text == "15/CĐ-BCĐ"


def test_plain_ban_hanh_in_a_sentence_is_not_a_lead():
    assert lead_fields(["Căn cứ Quyết định số 12/QĐ-UBND ban hành Kế hoạch số 5/KH-UBND về tiêm chủng."]) == {}


def test_party_qd_code_names_quy_dinh_when_the_title_says_so():
    head = "TỈNH ỦY HÀ NAM\tĐẢNG CỘNG SẢN VIỆT NAM\nSố 05-QĐ/TU\tHà Nam, ngày 2 tháng 6 năm 2021\n\n"
    rule = extract(clean_text(head + "QUY ĐỊNH\nvề trách nhiệm của cán bộ trong phòng, chống dịch\n\nĐiều 1. Phạm vi.\n"))
    decision = extract(clean_text(head + "Về việc thành lập Ban Chỉ đạo phòng, chống dịch\n\nĐiều 1. Thành lập.\n"))
    assert rule.doc_type == "Quy định" and decision.doc_type == "Quyết định"
    assert decision.clues["doc_type"].confidence < 0.95


def test_number_naming_only_a_provincial_body_is_a_letter():
    from build_tools.extract.doctype import type_from_number
    from build_tools.extract.numbers import parse_number

    assert type_from_number(parse_number("1234/UBND"))["name"] == "Công văn"
    assert type_from_number(parse_number("30/2021/QH15")) is None  # a law: no type code, not a letter


def test_plain_verb_after_citations_names_the_reported_document():
    found = lead_fields(["Căn cứ Nghị quyết số 128/NQ-CP ngày 11/10/2021 của Chính phủ, ngày 14/10/2021 UBND tỉnh "
                         "Lào Cai ban hành Hướng dẫn số 402/HD-UBND về thích ứng an toàn."])
    assert found["number"].value.text == "402/HD-UBND"
    assert found["issued_date"].value == "2021-10-14"  # not the cited resolution's date


def test_announcement_without_number_then_the_document_named():
    found = lead_fields(["Sáng 3-10-2021, Ban Chỉ đạo tỉnh đã có thông báo gửi các huyện về việc nới lỏng.",
                         "Cụ thể, Thông báo số 77/TB-BCĐ do Phó Trưởng ban thường trực ký nêu rõ các điều kiện."])
    assert found["number"].value.text == "77/TB-BCĐ"
    assert found["issued_date"].value == "2021-10-03"


def test_headline_naming_the_document_is_a_lead_but_a_number_line_is_not():
    from build_tools.clean.framing import is_lead

    assert is_lead("Chỉ thị số 05/CT-UBND ngày 9/4/2021 của UBND tỉnh Yên Bái về tăng cường phòng dịch")
    assert not is_lead("Luật số: 69/2020/QH14")
    assert not is_lead("Quyết định số 12/QĐ-UBND | Cà Mau, ngày 3 tháng 5 năm 2021 |")


def test_yearless_lead_date_takes_its_year_from_the_page_date():
    lead = "(BLC) - Tối qua (30/12), UBND tỉnh vừa ban hành Công điện số 3/CĐ-UBND về kiểm soát dịch."
    assert "issued_date" not in lead_fields([lead])  # no page date: the year is not guessed
    assert lead_fields([lead], published="2022-01-01")["issued_date"].value == "2021-12-30"
    stamped = lead_fields(["Thứ Bảy, 01/01/2022 08:00", lead])
    assert stamped["issued_date"].value == "2021-12-30"


def test_publication_date_only_from_a_time_stamp_line():
    from build_tools.extract.reprint import publication_date

    assert publication_date(["Cập nhật lúc 10:20, 18/07/2021"]) == "2021-07-18"
    assert publication_date(["Tính đến ngày 18/07/2021 toàn tỉnh có 12 ca"]) is None


def test_colon_rows_count_only_as_a_record():
    found = attribute_fields(["Số hiệu văn bản: 3512/QĐ-UBND", "Loại văn bản: Quyết định", "Người ký duyệt: Lò Văn A"])
    assert found["number"].value.text == "3512/QĐ-UBND" and found["signer"].value == "Lò Văn A"
    assert attribute_fields(["Người ký: Ủy ban nhân dân tỉnh Sơn La", "Thời gian ký: 24.07.2021"]) == {}


def test_headline_opening_with_a_province_votes_for_it():
    from build_tools.extract.reprint import headline_votes

    assert [v.province for v in headline_votes(["Gia Lai siết chặt kiểm soát tại các chốt"])] == \
        [v.province for v in headline_votes(["GIA LAI - Chiều 2-8, tỉnh …"])] != []
    assert headline_votes(["Người dân Gia Lai ở yên tại nhà"]) == []


def test_number_written_without_so_in_a_lead_but_not_a_bare_type():
    found = lead_fields(["(BYB) - Chủ tịch UBND tỉnh vừa ký Quyết định 977/QĐ-UBND về thành lập khu cách ly."])
    assert found["number"].value.text == "977/QĐ-UBND"
    assert lead_fields(["UBND tỉnh vừa ban hành Chỉ thị 16 mới về giãn cách."]) == {}


def test_site_heading_above_the_header_is_not_a_reprint_headline():
    from build_tools.clean.framing import find_framing

    lines = ["Quyết định 88/QĐ-UBND năm 2021 về cách ly y tế tại huyện Mèo Vạc tỉnh Hà Giang", "",
             "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỈNH HÀ GIANG\tĐộc lập - Tự do - Hạnh phúc",
             "Số: 88/QĐ-UBND\tHà Giang, ngày 4 tháng 6 năm 2021", "", "QUYẾT ĐỊNH", "Điều 1. Cách ly.", "",
             "CHỦ TỊCH", "", "Nguyễn Văn Sơn"]
    framing = find_framing(lines)
    assert not framing.reprint and 11 not in framing.lines


def test_publisher_from_a_reprints_dateline_or_credit():
    from build_tools.extract.reprint import framing_publisher

    assert framing_publisher(["(Báo Yên Bái) - UBND tỉnh vừa ban hành Công văn số 1/UBND-VX về phòng dịch."]) == "Báo Yên Bái"
    assert framing_publisher(["Ảnh: Hà Linh", "Theo báo Lao Động"]) == "Báo Lao Động"
    assert framing_publisher(["(YBO) - UBND tỉnh vừa ban hành Công văn số 1/UBND-VX."]) is None  # initials: not read
    meta = extract(clean_text("(Báo Yên Bái) - UBND tỉnh Yên Bái vừa ban hành Công văn số 1/UBND-VX ngày 2/3/2021 "
                              "về phòng dịch.\n\nTheo đó, các huyện kiểm soát chặt người từ vùng dịch.\n"))
    assert meta.provenance.publisher == "Báo Yên Bái" and "publisher" in meta.provenance.from_page


def test_time_stamp_below_the_article_gives_the_year():
    meta = extract(clean_text("Sáng 4-6, UBND tỉnh Ninh Bình có Văn bản số 777/UBND-VP về kiểm soát dịch.\n\n"
                              "Theo đó, các huyện kiểm tra chặt người đến từ vùng dịch.\n\nMinh Đức\n\n"
                              "Cập nhật lúc: 04/06/2021 20:15\n"))
    assert (meta.number.text, meta.issued_date) == ("777/UBND-VP", "2021-06-04")


def test_issuer_row_naming_a_province_without_unit_word():
    from build_tools.extract.reprint import issuer_row_votes

    votes = issuer_row_votes(attribute_fields(["Số ký hiệu | 9/HD-SGDĐT |", "Cơ quan ban hành | Sở Giáo dục Cà Mau |"]))
    assert len(votes) == 1 and votes[0].rule == "issuer-row"
    assert issuer_row_votes(attribute_fields(["Cơ quan ban hành | Sở Y tế |"])) == []


# --- issue 16, round 3: sentences after the lead, signers in the lead, central documents, lists ---

def test_issue_date_in_a_sentence_after_the_lead():
    from build_tools.extract.reprint import reported_fields

    found = reported_fields(["Sở Y tế vừa ban hành hướng dẫn mới.", "Theo đó, hướng dẫn được ký ngày 02/3/2022."],
                            "Hướng dẫn", None, None)
    assert found["issued_date"].value == "2022-03-02"
    assert found["issued_date"].clue.confidence < 0.95


def test_issue_sentence_of_another_document_is_not_read():
    from build_tools.extract.reprint import reported_fields
    from build_tools.extract.numbers import parse_number

    lines = ["Công văn số 77/UBND-NC được ký ngày 5/1/2022.", "Quyết định được ban hành ngày 9/1/2022.",
             "Kế hoạch có hiệu lực từ ngày 10/1/2022."]
    assert reported_fields(lines, "Kế hoạch", parse_number("12/KH-UBND"), None) == {}


def test_signer_named_in_the_lead_or_after_do():
    from build_tools.extract.reprint import reported_fields

    found = lead_fields(["(Báo Tây Bắc) - Phó Chủ tịch UBND tỉnh Điện Biên Vừ A Bằng đã ký Quyết định số 45/QĐ-UBND "
                         "ngày 3/1/2022 về phong tỏa."])
    assert found["signer"].value == "Vừ A Bằng"
    found = reported_fields(["Công điện do Chủ tịch UBND huyện Trần Thị Mai ký."], "Công điện", None, None)
    assert found["signer"].value == "Trần Thị Mai"


def test_a_province_after_a_title_is_not_a_signer_nor_a_meeting_chair():
    from build_tools.extract.reprint import reported_fields, titled_name

    assert titled_name("Chủ tịch UBND tỉnh Gia Lai") is None
    assert reported_fields(["Thông báo nêu kết luận của Chủ tịch UBND tỉnh Lê Văn Bình tại cuộc họp."],
                           "Thông báo", None, None) == {}


def test_central_document_reprinted_by_a_provincial_paper_has_no_province():
    text = ("(Báo Cao Bằng) - Bộ Giáo dục và Đào tạo vừa ban hành Công văn số 4212/BGDĐT-GDTrH ngày 12/9/2021 "
            "hướng dẫn dạy học trực tuyến.\nCác trường tại Cao Bằng triển khai ngay.\n")
    meta = extract(clean_text(text))
    assert meta.number.text == "4212/BGDĐT-GDTrH"
    assert meta.province is None and meta.scope == "national"


def test_list_of_other_documents_is_not_a_lead():
    from build_tools.clean.framing import is_document_list

    line = "Đọc thêm: Chỉ thị 05/CT-UBND (02/02/2022); Kế hoạch 31/KH-UBND (28/01/2022)"
    assert is_document_list(line)
    assert lead_fields([line]) == {}
    assert not is_document_list("bởi Nghị định 24/2022/NĐ-CP; Điều 8 Nghị định số 143/2025/NĐ-CP")


def test_several_colon_rows_on_one_line_and_a_database_date():
    found = attribute_fields(["Số hiệu: 61/KH-UBND   Ngày ký: 2022-01-15 | Người ký: Hồ Văn Mười"])
    assert found["number"].value.text == "61/KH-UBND"
    assert found["issued_date"].value == "2022-01-15"
    assert found["signer"].value == "Hồ Văn Mười"


def test_heading_that_is_only_the_documents_name():
    from build_tools.extract.reprint import title_reference

    found = title_reference(["Quyết định số 233/QĐ-UBND"])
    assert found["number"].value.text == "233/QĐ-UBND" and found["doc_type"].value["name"] == "Quyết định"
    assert title_reference(["Quyết định số 233/QĐ-UBND về việc phong tỏa"]) == {}


def test_announcement_with_a_dateline_gives_the_type_only():
    meta = extract(clean_text("Sóc Trăng siết chặt kiểm soát\n(STO) - UBND tỉnh vừa ban hành chỉ thị yêu cầu các "
                              "địa phương tạm dừng hoạt động không thiết yếu.\nNgười dân ở yên tại nhà.\n"))
    assert meta.doc_type == "Chỉ thị" and meta.number is None and meta.issued_date is None
    meta = extract(clean_text("(STO) - UBND tỉnh vừa có văn bản yêu cầu các địa phương tạm dừng hoạt động.\n"))
    assert meta.doc_type is None  # "văn bản" names no type


def test_province_after_a_quoted_headline_and_a_hyphenated_name():
    from build_tools.extract.reprint import headline_votes
    from build_tools.extract.province import unit_name_votes

    assert [v.province for v in headline_votes(["«Không ra khỏi nhà khi không cần thiết»: Khánh Hòa siết chặt"])]
    assert [v.province for v in unit_name_votes("UBND tỉnh Bà Rịa - Vũng Tàu vừa có công văn")]


def test_a_table_with_labels_in_its_head_row():
    found = attribute_fields(["Số hiệu | Ngày ban hành | Người ký |", "27/KH-BCĐ | 04/01/2022 | Đào Văn Nam |"])
    assert found["number"].value.text == "27/KH-BCĐ" and found["issued_date"].value == "2022-01-04"
    assert found["signer"].value == "Đào Văn Nam"
    assert attribute_fields(["Họ tên | Năm sinh |", "Nguyễn Văn A | 1980 |"]) == {}


def test_announcement_without_number_dated_by_the_page():
    found = lead_fields(["(TTO) - Trưa 3/1, UBND tỉnh vừa ban hành kế hoạch phòng dịch sau Tết."], "2022-01-04")
    assert found["doc_type"].value["name"] == "Kế hoạch" and found["issued_date"].value == "2022-01-03"


def test_publisher_from_a_by_line_or_the_initials_of_one_newspaper():
    from build_tools.extract.reprint import framing_publisher

    assert framing_publisher([], ["Người dân hạn chế ra đường.", "Hà Anh (TTXVN)"]) == "TTXVN"
    assert framing_publisher(["(BYB) - UBND tỉnh vừa có Công văn số 9/UBND-VX."]) == "Báo Yên Bái"
    assert framing_publisher(["(BQN)"]) is None  # Báo Quảng Ninh or Báo Quảng Nam: not guessed
    assert framing_publisher([], ["PV"]) is None  # a reporter, not a publisher


def test_headline_names_the_document_and_the_lead_below_signs_it():
    meta = extract(clean_text("Hậu Giang ban hành Công điện 21/CĐ-UBND về kiểm soát dịch\n\n"
                              "(HGO) - Chủ tịch UBND tỉnh Đồng Văn Thanh vừa ký Công điện 21/CĐ-UBND ngày 2/9/2021 "
                              "về tăng cường kiểm soát dịch tại các chốt.\n\nNgười dân hạn chế ra đường.\n"))
    assert meta.number.text == "21/CĐ-UBND"
    assert meta.signer.name == "Đồng Văn Thanh" and meta.issued_date == "2021-09-02"


def test_the_words_of_a_lead_come_from_framing_yml():
    from build_tools.data_files import load_yaml
    from build_tools.extract import reprint
    from build_tools.extract.reprint import framing_publisher

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from support.data import data_changed

    words = load_yaml("framing.yml")
    lead = ("(Báo Đồng Nai) - UBND tỉnh vừa ban hành Công văn số 13417/UBND-VP ngày 22/9/2021 nhằm "
            "thực hiện các biện pháp phòng, chống dịch.")
    assert "title" not in lead_fields([lead])
    with data_changed(words, "subject_words", ["nhằm"], reprint):
        assert lead_fields([lead])["title"].value.startswith("Nhằm thực hiện các biện pháp")
    assert framing_publisher(["Theo báo Lao Động"]) == "Báo Lao Động"
    with data_changed(words, "credit_word", "nguồn", reprint):
        assert framing_publisher(["Theo báo Lao Động"]) is None
        assert framing_publisher(["Nguồn báo Lao Động"]) == "Báo Lao Động"
    assert reprint._reference().search("so 12") and reprint._signing_verb() == "ky"
    with data_changed(words, "signing_verb", "kí", reprint):
        assert reprint._signing_verb() == "ki"
    assert reprint._after_number().match(" - UBND ngay ") and not reprint._after_number().match(" cua UBND ngay ")
    with data_changed(words, "number_tail_stops", ["tại"], reprint):
        assert reprint._after_number().match(" cua UBND ngay ")


def test_subject_closers_and_the_letter_type_of_citations_come_from_data():
    from build_tools.data_files import load_yaml
    from build_tools.extract import citations, reprint, vocab

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from support.data import data_changed

    lead = ("(Báo Đồng Nai) - UBND tỉnh vừa ban hành Công văn số 13417/UBND-VP ngày 22/9/2021 về "
            "phòng dịch, cu the:")
    assert lead_fields([lead])["title"].value == "Về phòng dịch"
    with data_changed(load_yaml("framing.yml"), "subject_closers", ["sau day"], reprint):
        assert lead_fields([lead])["title"].value == "Về phòng dịch, cu the"
    body = "theo văn bản số 12/QĐ-UBND ngày 02/8/2021"  # "văn bản" names a letter: the code says more
    assert citations.citations(body, None).value[0].type == "Quyết định"
    with data_changed(load_yaml("doc_types.yml"), "letter_type", "Thông báo", citations, vocab):
        assert citations.citations(body, None).value[0].type == "Công văn"


PARTY_HEADER = ("TỈNH ỦY ĐỒNG THÁP | ĐẢNG CỘNG SẢN VIỆT NAM |\n* | Đồng Tháp, ngày 9 tháng 8 năm 2021 |\n"
                "Số 05-QĐ/TU | |\nVề việc phòng dịch\nCác cơ quan thực hiện nghiêm các biện pháp sau đây.\n")


@pytest.mark.parametrize("heading, expected", [
    ("Quy định 05-QĐ/TU năm 2021 về phòng dịch trong Đảng bộ tỉnh", "Quy định"),  # the heading settles "QĐ"
    ("Quyết định 05-QĐ/TU năm 2021 về thành lập Ban Chỉ đạo", "Quyết định"),
    ("Quy định 07-QĐ/TU năm 2021 về phòng dịch", "Quyết định"),  # another document's number: not this one's heading
])
def test_a_site_heading_names_the_type_a_party_code_leaves_open(heading, expected):
    from build_tools.clean import clean_text
    from build_tools.extract import extract

    assert extract(clean_text(heading + "\n" + PARTY_HEADER)).doc_type == expected


def test_a_site_heading_gives_the_type_of_a_copy_without_type_line_or_number():
    from build_tools.clean import clean_text
    from build_tools.extract import extract

    text = ("Công điện khẩn về phòng dịch COVID-19 tỉnh Đồng Tháp\n"
            "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nTỈNH ĐỒNG THÁP | Độc lập - Tự do - Hạnh phúc |\n"
            "| Đồng Tháp, ngày 9 tháng 8 năm 2021 |\nVề việc phòng dịch\nCác sở thực hiện nghiêm các biện pháp sau đây.\n")
    meta = extract(clean_text(text))
    assert meta.doc_type == "Công điện" and meta.clues["doc_type"].rule == "page-heading-type"
    assert meta.number is None  # the heading has none: none is made up


def test_issuer_in_capitals_ban_hanh_ngay_dates_the_page_document():
    from build_tools.extract.reprint import issued_by_fields

    found = issued_by_fields(["SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH NAM ĐỊNH ban hành ngày 7 tháng 10 năm 2021"])
    assert found["issued_date"].value == "2021-10-07"
    assert found["issuer"].value == "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH NAM ĐỊNH"
    assert issued_by_fields(["Ủy ban nhân dân tỉnh ban hành ngày 7/10/2021 các quy định mới."]) == {}  # a sentence


def test_a_heading_naming_the_type_and_subject_gives_the_type_only():
    from build_tools.extract.reprint import heading_type

    assert heading_type(["Công điện khẩn về việc kiểm soát người ra vào tỉnh"])["doc_type"].value["name"] == "Công điện"
    assert heading_type(["Văn bản về việc kiểm soát người ra vào tỉnh"]) == {}  # "văn bản" is any type
    assert heading_type(["Hướng dẫn viên du lịch được hỗ trợ"]) == {}
