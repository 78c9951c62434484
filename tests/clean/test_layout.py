"""Header recovery of copies (build_tools/clean/layout.py): every layout gives the same cells."""
from __future__ import annotations

import pytest

from build_tools.clean import clean_text
from build_tools.clean.layout import recover_header, split_cells

EXPECTED_LEFT = ["ỦY BAN NHÂN DÂN", "TỈNH PHÚ YÊN", "Số: 301/KH-UBND"]
EXPECTED_RIGHT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Phú Yên, ngày 3 tháng 9 năm 2021"]
BODY = "\nVề việc tổ chức tiêm chủng\n\nThực hiện chỉ đạo của Bộ Y tế, UBND tỉnh ban hành kế hoạch.\n"

LAYOUTS = {
    "pipes": "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nTỈNH PHÚ YÊN | Độc lập - Tự do - Hạnh phúc |\n"
             "Số: 301/KH-UBND | Phú Yên, ngày 3 tháng 9 năm 2021 |",
    "tabs": "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH PHÚ YÊN\tĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 301/KH-UBND\tPhú Yên, ngày 3 tháng 9 năm 2021",
    "spaces": "ỦY BAN NHÂN DÂN       CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH PHÚ YÊN     Độc lập - Tự do - Hạnh phúc\n"
              "Số: 301/KH-UBND        Phú Yên, ngày 3 tháng 9 năm 2021",
    "side by side": "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH PHÚ YÊN Độc lập - Tự do - Hạnh phúc\n"
                    "Số: 301/KH-UBND Phú Yên, ngày 3 tháng 9 năm 2021",
    "split cells": "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA |\nTỈNH PHÚ YÊN | VIỆT NAM |\n | Độc lập - Tự do - Hạnh phúc |\n"
                   "Số: 301/KH-UBND | Phú Yên, ngày 3 tháng 9 |\n | năm 2021 |",
    "place apart from its date": "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH PHÚ YÊN\tĐộc lập - Tự do - Hạnh phúc\n"
                                 "Số: 301/KH-UBND\tPhú Yên,\n\tngày 3 tháng 9 năm 2021",
    "date pieces in cells of one row": "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
                                       "TỈNH PHÚ YÊN | Độc lập - Tự do - Hạnh phúc |\n"
                                       "Số: 301/KH-UBND | Phú Yên, ngày 3 | tháng 9 | năm 2021 |",
    "number label apart from the number": "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
                                          "TỈNH PHÚ YÊN | Độc lập - Tự do - Hạnh phúc |\n"
                                          "Số: | Phú Yên, ngày 3 tháng 9 |\n301/KH-UBND | năm 2021 |",
    "interleaved, date pieces between the number": "ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH PHÚ YÊN\n"
                                                   "Độc lập - Tự do - Hạnh phúc\nPhú Yên, ngày\nSố:\n301/KH-UBND\n"
                                                   "3 tháng 9 năm 2021",
    "underlines": "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nTỈNH PHÚ YÊN | Độc lập - Tự do - Hạnh phúc |\n"
                  "------- | --------------- |\nSố: 301/KH-UBND | Phú Yên, ngày 3 tháng 9 năm 2021 |",
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_every_layout_gives_the_columns_one_cell_per_line(layout):
    text, changes = recover_header(LAYOUTS[layout] + "\n" + BODY)
    assert text.split("\n")[:6] == EXPECTED_LEFT + EXPECTED_RIGHT
    assert changes and changes[0].kind == "header-layout" and changes[0].stage == "structure"


def test_interleaved_header_is_already_one_cell_per_line():
    interleaved = "\n".join(x for pair in zip(EXPECTED_LEFT, EXPECTED_RIGHT) for x in pair)
    document = clean_text(interleaved + "\n" + BODY)
    assert "Số: 301/KH-UBND" in document.header_lines
    assert document.title_lines == ["Về việc tổ chức tiêm chủng"]


def test_party_header_side_by_side_and_dirty_number():
    text, _ = recover_header("TỈNH ỦY LÂM ĐỒNG ĐẢNG CỘNG SẢN VIỆT NAM\n*\n"
                             "Số 215 - KL/TU Lâm Đồng, ngày 2 tháng 8 năm 2021\n\nNội dung.\n")
    assert text.split("\n")[:4] == ["TỈNH ỦY LÂM ĐỒNG", "Số 215 - KL/TU", "ĐẢNG CỘNG SẢN VIỆT NAM",
                                     "Lâm Đồng, ngày 2 tháng 8 năm 2021"]  # the star under the body is decoration


def test_letter_summary_stays_in_the_left_column():
    cells = split_cells("V/v tăng cường phòng dịch | |")
    assert cells == ["V/v tăng cường phòng dịch"]
    document = clean_text("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nTỈNH AN GIANG | Độc lập - Tự do - Hạnh phúc |\n"
                          "Số: 109/UBND - VX | An Giang, ngày 5 tháng 2 năm 2021 |\nV/v tăng cường phòng dịch | |\n\n"
                          "Kính gửi: Các sở, ngành.\n")
    assert document.title_lines == ["V/v tăng cường phòng dịch"]


def test_text_without_a_header_is_left_alone():
    text = "Thực hiện chỉ đạo của UBND tỉnh, Sở Y tế thông báo:\n1. Tạm dừng hoạt động.\n"
    assert recover_header(text) == (text, [])


def test_a_body_line_with_wide_spaces_is_not_a_header():
    text = "Căn cứ Luật Tổ chức chính quyền     địa phương;\nĐiều 1. Nội dung.\n"
    assert recover_header(text) == (text, [])


TAIL_PIPES = ("Nơi nhận: | TM. ỦY BAN NHÂN DÂN |\n- Như trên; | CHỦ TỊCH |\n- Lưu: VT. | |\n | Nguyễn Văn An |")
TAIL_SPACES = ("Nơi nhận:      KT. CHỦ TỊCH\n- Như trên;      PHÓ CHỦ TỊCH\n- Bộ Y tế;      Nguyễn Văn An\n- Lưu: VT.")


@pytest.mark.parametrize("tail", [TAIL_PIPES, TAIL_SPACES, TAIL_PIPES.replace(" | ", "\t").replace(" |", "")])
def test_closing_table_gives_recipients_then_signature(tail):
    document = clean_text("THÔNG BÁO\nVề phòng dịch\n\n1. Các sở thực hiện nghiêm.\n\n" + tail + "\n")
    assert document.signature_lines[-1] == "Nguyễn Văn An"
    assert "Như trên;" in document.recipients and not any("Nguyễn" in r for r in document.recipients)


def test_a_body_table_is_not_the_closing_table():
    from build_tools.clean.layout import recover_tail

    text = "| Huyện | Số ca |\n| Hữu Lũng | 12 |\n\nNội dung tiếp theo của văn bản, đủ dài để là một đoạn văn xuôi bình thường " \
           "và không phải là ô của bảng ký tên ở cuối văn bản hành chính.\n"
    assert recover_tail(text) == (text, [])


def test_letter_summary_run_into_the_number_line():
    text, _ = recover_header("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH LÀO CAI Độc lập - Tự do - Hạnh phúc\n"
                             "Số: 123/UBND-VX V/v tăng cường phòng dịch Lào Cai, ngày 3 tháng 4 năm 2021\n\nKính gửi: Các sở.\n")
    assert text.split("\n")[:4] == ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI", "Số: 123/UBND-VX", "V/v tăng cường phòng dịch"]
    assert "Lào Cai, ngày 3 tháng 4 năm 2021" in text.split("\n")


def test_other_issuing_bodies_open_a_header():
    text, _ = recover_header("UBND TỈNH AN GIANG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
                             "TRUNG TÂM KIỂM SOÁT BỆNH TẬT | Độc lập - Tự do - Hạnh phúc |\n"
                             "Số: 45/KH-KSBT | An Giang, ngày 3 tháng 4 năm 2021 |\n\nNội dung.\n")
    assert text.split("\n")[:3] == ["UBND TỈNH AN GIANG", "TRUNG TÂM KIỂM SOÁT BỆNH TẬT", "Số: 45/KH-KSBT"]


def test_closing_table_of_a_short_copy_whose_header_rows_are_near_the_end():
    text = ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nTỈNH YÊN BÁI | Độc lập - Tự do - Hạnh phúc |\n"
            "Số: 31/QĐ-UBND | Yên Bái, ngày 10 tháng 1 năm 2022 |\nQUYẾT ĐỊNH\nVề việc thành lập tổ công tác\n"
            "Điều 1. Thành lập tổ công tác đặc biệt.\nĐiều 2. Quyết định có hiệu lực từ ngày ký.\n"
            "| KT. CHỦ TỊCH |\n| PHÓ CHỦ TỊCH |\n| Vũ Thị Hiền Hạnh |\n")
    document = clean_text(text)
    assert document.signature_lines == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Vũ Thị Hiền Hạnh"]
    assert "CHỦ TỊCH" not in document.body_text


def test_a_date_missing_its_year_gets_none():
    """The pieces are joined only into one date; a year the copy lost is never made up."""
    text = ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nTỈNH PHÚ YÊN | Độc lập - Tự do - Hạnh phúc |\n"
            "Số: 301/KH-UBND | Phú Yên, ngày 3 tháng 9 |\n | 2022 |" + BODY)
    rewritten, _ = recover_header(text)
    assert "Phú Yên, ngày 3 tháng 9" in rewritten.split("\n")
    assert not any("Phú Yên" in line and "2022" in line for line in rewritten.split("\n"))


def test_pieces_that_make_no_date_are_not_joined():
    from build_tools.clean.layout import date_progress

    assert date_progress("Phú Yên, ngày 3 tháng 9") == "partial"
    assert date_progress("Phú Yên, ngày 3 tháng 9 năm 2021") == "complete"
    assert date_progress("Bà Rịa - Vũng Tàu,") == "partial"
    assert date_progress("Thành phố Hồ Chí Minh,") == "partial"
    assert date_progress("Phú Yên, ngày 3 tháng 9 năm 2021 về việc") is None
    assert date_progress("các sở, ngành") is None
    assert date_progress("Kính gửi: Sở Y tế,") is None


def test_an_issuing_body_broken_over_three_lines_keeps_one_cell():
    text = ("UBND TỈNH PHÚ YÊN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH\n"
            "Độc lập - Tự do - Hạnh phúc\nBỆNH COVID-19\nPhú Yên, ngày 3 tháng 9 năm 2021\nSố: 301/KH-BCĐ" + BODY)
    lines = recover_header(text)[0].split("\n")
    assert lines[:3] == ["UBND TỈNH PHÚ YÊN", "BAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH BỆNH COVID-19", "Số: 301/KH-BCĐ"]


def test_a_capital_title_below_the_number_is_not_part_of_the_issuer():
    text = ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nTỈNH PHÚ YÊN | Độc lập - Tự do - Hạnh phúc |\n"
            "Số: 301/CT-UBND | Phú Yên, ngày 3 tháng 9 năm 2021 |\nVỀ VIỆC PHÒNG DỊCH\n" + BODY)
    lines = recover_header(text)[0].split("\n")
    assert "VỀ VIỆC PHÒNG DỊCH" in lines and "TỈNH PHÚ YÊN" in lines
