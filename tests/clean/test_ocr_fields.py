"""OCR repair of number symbols and dates (scans only), every edit recorded."""
from __future__ import annotations

import pytest

from build_tools.clean import clean_text, ocr_fields
from build_tools.clean.ocr_fields import misread_cost, repair_dates, repair_fields, repair_symbols
from build_tools.extract import extract
from build_tools.model import OcrReading, OcrWord

UNSURE = 30.0


def _no_confidence(offset):
    return None


def test_a_doubled_letter_in_a_type_code_is_repaired_and_recorded():
    text = "Số: 2540/CĐĐ-UBND"
    fixed, changes = repair_symbols(text, _no_confidence)
    assert fixed == "Số: 2540/CĐ-UBND"
    [change] = changes
    assert (change.before, change.after, change.stage) == ("CĐĐ", "CĐ", "ocr")
    assert text[change.offset:change.offset + len(change.before)] == "CĐĐ"


def test_issuer_codes_and_party_numbers_get_their_marks_back():
    fixed, _ = repair_symbols("12/2021/QD-UBNĐ và 25-KL/TƯ", _no_confidence)
    assert fixed == "12/2021/QĐ-UBND và 25-KL/TU"


def test_known_and_unlisted_codes_are_left_alone():
    text = "2279/UBND-VX, 5/CT-TTg, 30/2021/QH15, 7/SYT-NVY, 12/KT-UBND, 3/UBND-TH"
    assert repair_symbols(text, _no_confidence) == (text, [])


def test_a_dearer_repair_needs_an_unsure_reading():
    # KT is one non-shape edit from KH (cost 2) and from KL (a tie): never repaired
    assert repair_symbols("12/KT-UBND", lambda offset: UNSURE)[1] == []
    # QDD: a doubled letter and a lost stroke (cost 2): only when Tesseract was unsure
    assert misread_cost("QDD", "QĐ") == 2
    assert repair_symbols("12/QDD-UBND", _no_confidence)[1] == []
    assert repair_symbols("12/QDD-UBND", lambda offset: UNSURE)[0] == "12/QĐ-UBND"


def test_dates_get_digits_back_only_when_valid():
    fixed, changes = repair_dates("Hà Nội, ngày O5 tháng l2 năm 2O21; hạn 3l/O2/2021")
    assert fixed.startswith("Hà Nội, ngày 05 tháng 12 năm 2021")
    assert "3l/O2/2021" in fixed  # 31 February does not exist: left alone
    assert [c.after for c in changes] == ["05", "12", "2021"]
    text = "ngày Oi tháng Sa năm nay, ngày 12 tháng 10 năm 2021"
    assert repair_dates(text) == (text, [])


def test_clean_text_repairs_fields_of_a_scan_only():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 2540/CĐĐ-UBND\n\nAn Giang, ngày l5 tháng O8 năm 2021\n\n"
            "CÔNG ĐIỆN\nVề việc tăng cường phòng, chống dịch COVID-19\n\nCác sở, ngành thực hiện ngay.\n")
    typed = clean_text(text)  # typed text: no OCR confusions to expect
    assert not [c for c in typed.changes if c.after in ("CĐ", "15", "08")]
    words, offset = [], 0
    for token in text.split():
        offset = text.index(token, offset)
        words.append(OcrWord(offset, token, 95.0, 1, (0, 0, 1, 1)))
        offset += len(token)
    reading = OcrReading("Tesseract", "vie", "test", 1, 95.0, ((10, 10),), tuple(words))
    scanned = clean_text(text, reading)
    pairs = [(c.before, c.after) for c in scanned.changes if c.stage == "ocr"]
    assert ("CĐĐ", "CĐ") in pairs and ("l5", "15") in pairs and ("O8", "08") in pairs
    meta = extract(scanned)
    assert meta.number is not None and meta.number.text == "2540/CĐ-UBND"
    assert meta.issued_date == "2021-08-15"


def test_repair_fields_without_confidences_still_checks_codes():
    assert repair_fields("Số: 2540/CĐĐ-UBND", None)[0] == "Số: 2540/CĐ-UBND"


def test_a_misread_hyphen_and_a_glued_speck_around_a_known_symbol():
    fixed, changes = repair_symbols("Số: 113:TB/TU và Số: 2668/HD-UBND_.", _no_confidence)
    assert fixed == "Số: 113-TB/TU và Số: 2668/HD-UBND."
    assert [(c.before, c.after) for c in changes] == [(":", "-"), ("_", "")]
    # not a number: a time, a ratio, an unknown symbol
    assert repair_symbols("lúc 10:30 ngày 5", _no_confidence)[1] == []
    assert repair_symbols("mã 12.AB/CD_", _no_confidence)[1] == []


def test_a_speck_before_a_heading_in_capitals_is_dropped():
    fixed, changes = repair_fields('ỦY BAN NHÂN DÂN\n"THÀNH PHỐ HÀ NỘI\nSố: 12/KH-UBND\n', None)
    assert fixed == "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\nSố: 12/KH-UBND\n"
    assert [(c.before, c.after, c.line) for c in changes] == [('"', "", 2)]
    text = '"Nhân dân là trung tâm", "KHẨN" và “CÔNG ĐIỆN”\n'
    assert repair_fields(text, None) == (text, [])


def test_a_date_word_one_letter_off_is_read_by_the_dates_structure():
    fixed, [change] = repair_dates("Sóc Trăng, ngày 07 thúng 03 năm 2021")
    assert fixed == "Sóc Trăng, ngày 07 tháng 03 năm 2021"
    assert (change.before, change.after, change.code) == ("thúng", "tháng", "date-word")
    assert repair_dates("Ngày 9 THÚNG 3 Năm 2022")[0] == "Ngày 9 THÁNG 3 Năm 2022"  # the case as written
    # two words off, a word with another length, an invalid date, or no numbers: no date, nothing changed
    for text in ("ngày 07 thúng 03 nim 2021", "ngày 07 quý 03 năm 2021", "ngày 30 thúng 02 năm 2021",
                 "trong 05 ngày, 12 thúng hàng hóa"):
        assert repair_dates(text) == (text, [])


def test_a_speck_glued_before_the_day_becomes_a_space_and_digit_shapes_follow_the_field():
    fixed, changes = repair_dates("Cà Mau, ngày“1H tháng 9 năm 2O21")
    assert fixed == "Cà Mau, ngày 14 tháng 9 năm 2021"
    assert sorted(change.code for change in changes) == ["date-digits", "date-digits", "date-speck"]
    assert len(fixed) == len("Cà Mau, ngày“1H tháng 9 năm 2O21")  # offsets of later repairs stay valid
    assert repair_dates("ngày 3H tháng 9 năm 2021")[1] == []  # day 34: no date


def test_a_misread_separator_between_two_codes_and_a_stop_inside_a_heading():
    assert repair_symbols("Số: 812/KH;UBND", _no_confidence)[0] == "Số: 812/KH-UBND"
    assert repair_symbols("tỷ lệ 3/4:UBND", _no_confidence)[1] == []  # digits, not a code, before it
    fixed, changes = repair_fields("ỦY.BAN NHÂN DÂN\nTM.ỦY BAN NHÂN DÂN\nlàm.kho hàng", None)
    assert fixed == "ỦY BAN NHÂN DÂN\nTM.ỦY BAN NHÂN DÂN\nlàm.kho hàng"  # abbreviations and prose kept
    assert [change.code for change in changes] == ["heading-dot"]


def test_a_dash_before_the_first_line_in_capitals_is_a_speck_but_list_items_stay():
    fixed, [change] = repair_fields("- TỈNH ỦY KON TUM\n*\nSố: 12-CT/TU\n- Các huyện ủy;\n- BAN THƯỜNG VỤ", None)
    assert fixed == "TỈNH ỦY KON TUM\n*\nSố: 12-CT/TU\n- Các huyện ủy;\n- BAN THƯỜNG VỤ"
    assert change.code == "heading-speck"
    assert repair_fields("- Các sở, ban, ngành", None) == ("- Các sở, ban, ngành", [])


def test_a_number_that_lost_its_slash_still_has_its_code_repaired():
    assert repair_symbols("Số:05CĐÐ-UBND", _no_confidence)[0] == "Số:05CĐ-UBND"  # a doubled Đ, one an eth
    assert repair_symbols("Số: 12QÐ-UBND", _no_confidence)[0] == "Số: 12QĐ-UBND"
    for text in ("mã 12AB-CD", "COVID-19 và 5G-ABC"):  # no type code: no number, nothing changed
        assert repair_symbols(text, _no_confidence) == (text, [])


def test_specks_around_the_header_lines_go_and_the_bodys_stops_stay():
    text = ("ỦY BAN NHÂN DÂN .\nTHÀNH PHỐ CẦN THƠ -\n- :Số: 215/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM. :\n"
            "Cần Thơ, ngày 05 tháng 11 năm 2021 :\nKẾ HOẠCH -\nPHÒNG, CHỐNG DỊCH COVID-\n19 CHO TRẺ EM\n"
            "Tổ chức tiêm chủng từ ngày 5 tháng 8 năm 2021.\n- BỘ Y TẾ.")
    fixed, changes = repair_fields(text, None)
    assert fixed.split("\n")[:6] == ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ CẦN THƠ", "Số: 215/KH-UBND",
                                     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Cần Thơ, ngày 05 tháng 11 năm 2021",
                                     "KẾ HOẠCH"]
    assert fixed.split("\n")[6:] == text.split("\n")[6:]  # a word's own hyphen, a sentence's stop kept
    assert {change.code for change in changes} == {"header-speck"}


def test_a_date_word_under_another_mark_is_put_right_but_text_without_marks_is_left():
    fixed, [change] = repair_dates("Gia Lai, ngày 27 thắng 01 năm 2022")
    assert (fixed, change.code) == ("Gia Lai, ngày 27 tháng 01 năm 2022", "date-word")
    assert repair_dates("Gia Lai, ngay 27 thang 01 nam 2022")[1] == []  # a copy typed without marks
    fixed, _ = repair_fields("ỦY BAN NHÂN DÂN\nGia Lai, ngày 27 thắng 01 năm 2022.\nPHƯƠNG ÁN", None)
    assert fixed.split("\n")[1] == "Gia Lai, ngày 27 tháng 01 năm 2022"


def test_specks_in_any_gap_of_a_date_and_a_date_word_two_letters_off():
    assert repair_dates("Hà Nội, ngày 24-tháng 06 năm 2021")[0] == "Hà Nội, ngày 24 tháng 06 năm 2021"
    assert repair_dates("Vĩnh Long,:ngày 15 tháng 05 năm 2020")[0] == "Vĩnh Long, ngày 15 tháng 05 năm 2020"
    # "n" read as "Ti": two letters off, lower case after the place's comma
    fixed, [change] = repair_dates("Hồ Chí Minh, Tigày 28 tháng 01 năm 2021")
    assert fixed == "Hồ Chí Minh, ngày 28 tháng 01 năm 2021" and change.code == "date-word"
    assert repair_dates("ngày 07 thángg 03 năm 2021")[0] == "ngày 07 tháng 03 năm 2021"
    assert repair_fields("Số:.3915/KH-UBND", None)[0] == "Số:3915/KH-UBND"
    assert repair_dates("từ 5 - 10 tháng 3 năm 2021")[1] == []  # a range, no date word before it


def test_a_header_line_of_nothing_but_specks_is_emptied():
    fixed, [change] = repair_fields("ỦY BAN NHÂN DÂN\nSố: 110/TB-UBND\n\n:\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", None)
    assert fixed == "ỦY BAN NHÂN DÂN\nSố: 110/TB-UBND\n\n\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert change.code == "header-speck"


def test_the_place_and_date_line_vouches_for_two_date_words_off_and_a_day_word_cut_short():
    fixed, changes = repair_dates("Thừa Thiên Huế, ngủy 28 thắng 04 năm 2020")
    assert fixed == "Thừa Thiên Huế, ngày 28 tháng 04 năm 2020"
    assert [(c.before, c.after, c.code) for c in changes] == [("ngủy", "ngày", "date-word"),
                                                              ("thắng", "tháng", "date-word")]
    assert repair_dates("Buôn Ma Thuột, ày 21 tháng 02 năm 2022.")[0] == "Buôn Ma Thuột, ngày 21 tháng 02 năm 2022."
    assert repair_dates("Bà Rịa - Vũng Tàu, gày 3 tháng 9 năm 2021")[0] == "Bà Rịa - Vũng Tàu, ngày 3 tháng 9 năm 2021"
    # the structure must be whole: a place and a comma opening the line, nothing after the date,
    # the year word as written, and a cut day word only the end of "ngày" (never another word: "từ")
    for text in ("Hà Nội, từ 28 tháng 4 năm 2020", "Hà Nội, ngày 28 thúng 4 nim 2020",
                 "các tỉnh, ngủy 28 thắng 04 năm 2020", "Huế, ngủy 28 thắng 04 năm 2020 về việc",
                 "Quyết định 12, ngủy 28 thắng 04 năm 2020", "ngủy 28 thắng 04 năm 2020"):
        assert repair_dates(text) == (text, [])


def test_a_date_word_made_longer_keeps_the_confidences_and_marks_after_it_in_place():
    from build_tools.clean import shift_marks
    from build_tools.model import Change

    text = "Huế, ày 21 tháng 02 năm 2022"
    fixed, changes = repair_fields(text, [0.9, 0.3, 0.9, 0.9, 0.9, 0.9, 0.9])
    assert fixed == "Huế, ngày 21 tháng 02 năm 2022"
    year = text.index("2022")
    moved = shift_marks(text, {1: [(year, year + 4, "unsure"), (0, 3, "place")]}, changes)
    assert moved[1] == [(year + 2, year + 6, "unsure"), (0, 3, "place")]
    assert fixed[moved[1][0][0]:moved[1][0][1]] == "2022"
    two = [Change("ocr", "ocr-repair", "ab", "a", "", offset=0, line=1),
           Change("ocr", "ocr-repair", "c", "cde", "", offset=3, line=1)]
    assert shift_marks("ab c x", {1: [(5, 6, "x")]}, two)[1] == [(6, 7, "x")]  # "a cde x"


def test_a_digit_too_many_on_the_place_and_date_line_is_dropped_when_one_date_is_then_valid():
    fixed, [change] = repair_dates("Khánh Hòa, ngày 233 tháng 10 năm 2020")
    assert fixed == "Khánh Hòa, ngày 23 tháng 10 năm 2020"
    assert (change.before, change.after, change.code) == ("233", "23", "date-doubled-digit")
    assert repair_dates("Hà Nội, ngày 23 tháng 100 năm 2020")[0] == "Hà Nội, ngày 23 tháng 10 năm 2020"
    # ambiguous (123: 12, 13 or 23), outside the place-and-date line, or no valid date: left as read
    for text in ("Hà Nội, ngày 123 tháng 10 năm 2020", "ngày 233 tháng 10 năm 2020",
                 "Hà Nội, ngày 233 tháng 100 năm 2020", "Hà Nội, ngày 455 tháng 10 năm 2020"):
        assert repair_dates(text) == (text, [])


# --- whether a header field was read whole (the reader's test before a second reading) ----------


@pytest.mark.parametrize("line, whole", [
    ("Số: 123/QĐ-UBND", True),
    ("- :Số: 215/KH-UBND", True),  # specks before the label
    ("Số: 12/2021/QĐ-UBND", True),
    ("Số: 25-KL/TU", True),  # the Party form
    ("Số: 55/KH-SGDĐT", True),  # a department's own issuer code need not be a known one
    ("Số: 123/QD-UBND", False),  # QD is no type code (a scan prints the Đ)
    ("Số: 412TBUBND", False),  # slashes lost
    ("Số: 12O/QĐ-UBND", False),  # a digit-shaped letter
    ("Số: 123/QĐ-UBND_", False),  # a speck glued on
    ("Số: 2279/UBND-VX", False),  # a letter's number has no type code: read again, kept if the same
    ("Ủy ban nhân dân tỉnh 123/QĐ-UBND", False),  # no number line
])
def test_a_number_is_whole_with_digits_a_slash_and_a_known_type_code(line, whole):
    assert ocr_fields.number_read_whole(line) is whole


@pytest.mark.parametrize("line, whole", [
    ("Đức Hòa, ngày 05 tháng 8 năm 2021", True),
    ("Bà Rịa - Vũng Tàu, ngày 1 tháng 12 năm 2020.", True),
    ("Hà Nội, ngày 05 tháng 8, năm 2021", True),
    ("Ninh Thuận, ngày 27 tháng 07 năm 2021-", True),  # a speck after the year
    ("Đức Hòa, ngày 05 tháng 0 năm 2021", False),  # no month 0
    ("Khánh Hòa, ngày 233 tháng 10 năm 2020", False),  # a digit too many
    ("Huế, ngày 31 tháng 2 năm 2021", False),  # no such day
    ("Huế, ngày 23 tháng 8 năm 2O21", False),  # a digit-shaped letter
    ("Quảng Ninh, ngày 28tháng 01 năm 2021", False),  # a number glued to its word
    ("Ngày 05 tháng 8 năm 2021, Ủy ban nhân dân tỉnh họp", False),  # a sentence, no place-and-date line
])
def test_a_date_is_whole_with_three_numbers_that_make_a_calendar_date(line, whole):
    assert ocr_fields.date_read_whole(line) is whole
