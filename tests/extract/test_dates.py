"""Dates: forms, validation, lunar dates, the issue date only from the date line, the meeting date."""
import pytest

from build_tools.extract.dates import date_line, find_dates, issued_date, meeting_date, parse_date

from .helpers import document


@pytest.mark.parametrize("text, iso", [
    ("ngày 17 tháng 01 năm 2022", "2022-01-17"),
    ("17/01/2022", "2022-01-17"),
    ("02/8/2021", "2021-08-02"),
    ("17-01-2022", "2022-01-17"),
    ("03.11.2023", "2023-11-03"),
    ("ngày 17  tháng  4  năm 2026", "2026-04-17"),
])
def test_date_forms(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", ["31/02/2021", "24/24/7", "15 giờ", "30/2021/QH15", "ngày 32 tháng 1 năm 2021"])
def test_not_dates(text):
    assert parse_date(text) is None


def test_lunar_date_in_brackets_is_skipped():
    text = "trước 15h ngày 09/02/2021 (ngày 28/12 Âm lịch) để xem xét"
    assert [d.iso for d in find_dates(text, default_year=2021)] == ["2021-02-09"]


def test_yearless_dates_take_the_notice_year_only_after_ngay():
    found = [d.iso for d in find_dates("trong ngày 28/11 có 29 ca, tỷ lệ 24/24h", default_year=2021)]
    assert found == ["2021-11-28"]


def test_date_line():
    assert date_line("Quảng Ninh, ngày 17 tháng 01 năm 2022") == ("Quảng Ninh", "2022-01-17")
    assert date_line("Ngày 05/02/2021, Ban Thường vụ Tỉnh ủy đã tổ chức hội nghị") is None


def test_issue_date_comes_from_the_date_line_only():
    doc = document(header=["TỈNH ỦY QUẢNG NINH", "Số 2927-TB/TU", "Quảng Ninh, ngày 18 tháng 01 năm 2022"],
                   body=["Ngày 17/01/2022, Thường trực Tỉnh ủy đã họp."])
    found = issued_date(doc)
    iso, place, confidence, rule = found.value.date, found.value.place, found.clue.confidence, found.clue.rule
    assert (iso, place, rule) == ("2022-01-18", "Quảng Ninh", "header-date-line") and confidence > 0.9


def test_no_header_means_no_issue_date():
    doc = document(title=["THÔNG BÁO", "tại hội nghị ngày 17/01/2022"], body=["Ngày 17/01/2022, hội nghị đã họp."])
    assert issued_date(doc) is None


def test_law_is_dated_by_its_adoption_sentence():
    doc = document(title=["LUẬT"], body=["Điều 1.", "Luật này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam "
                                          "khóa XV, kỳ họp thứ 8 thông qua ngày 27 tháng 11 năm 2024."])
    assert issued_date(doc).value.date == "2024-11-27"


@pytest.mark.parametrize("title, body, iso", [
    (["THÔNG BÁO", "tại hội nghị ngày 17/01/2022"], ["Trong tuần qua, …"], "2022-01-17"),
    (["THÔNG BÁO"], ["Ngày 05/02/2021, Ban Thường vụ Tỉnh ủy đã tổ chức hội nghị trực tuyến để nghe."], "2021-02-05"),
    (["KẾT LUẬN"], ["Ngày 02/8/2021, Ban Thường vụ Tỉnh ủy họp nghe báo cáo."], "2021-08-02"),
    (["THÔNG BÁO"], ["Chiều ngày 01/12/2021, Ban Chỉ đạo tổ chức cuộc họp trực tuyến."], "2021-12-01"),
])
def test_meeting_date(title, body, iso):
    assert meeting_date(document(title=title, body=body)).value == iso


def test_a_date_without_a_meeting_is_not_a_meeting_date():
    assert meeting_date(document(body=["Ngày 01/7/2021, Chính phủ ban hành Nghị quyết số 68/NQ-CP."])) is None



SPLIT_HEADER_TOP = "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nTỈNH KIÊN GIANG | Độc lập - Tự do - Hạnh phúc |\n"
SPLIT_HEADER_BODY = "\nVề việc phòng dịch\nỦy ban nhân dân tỉnh yêu cầu các sở thực hiện nghiêm các biện pháp.\n"


@pytest.mark.parametrize("rows, iso", [
    ("Số: 12/CT-UBND | Kiên Giang, ngày 9 tháng 8 |\n | năm 2021 |", "2021-08-09"),
    ("Số: 12/CT-UBND | Kiên Giang, |\n | ngày 9 tháng 8 năm 2021 |", "2021-08-09"),
    ("Số: 12/CT-UBND | Kiên Giang, ngày 9 | tháng 8 | năm 2021 |", "2021-08-09"),
    ("Số: | Kiên Giang, ngày |\n12/CT-UBND | 9 tháng 8 năm 2021 |", "2021-08-09"),
    ("Số: 12/CT-UBND\tKiên Giang,\tngày 9 tháng 8\tnăm 2021", "2021-08-09"),
    ("Số: 12/CT-UBND | Kiên Giang, ngày 9 tháng 8 |", None),  # the year lost: unknown, never made up
    ("Số: 12/CT-UBND | Kiên Giang, ngày 9 tháng 8 |\n | 2021 |", None),  # a bare number is not the year's piece
])
def test_issue_date_from_a_place_and_date_cell_split_over_lines_or_cells(rows, iso):
    from build_tools.clean import clean_text

    found = issued_date(clean_text(SPLIT_HEADER_TOP + rows + "\n" + SPLIT_HEADER_BODY))
    assert (found.value.date if found else None) == iso
