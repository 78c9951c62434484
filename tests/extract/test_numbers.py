"""Document numbers: state and Party forms, dirty forms, where the notice's own number is read."""
import pytest

from build_tools.extract.numbers import document_number, normalise_number_text, parse_number

from .helpers import document


@pytest.mark.parametrize("text, expected", [
    ("Số: 123/TB-UBND", ("123/TB-UBND", "123", None, "TB", "UBND", "state")),
    ("12/2021/QĐ-UBND", ("12/2021/QĐ-UBND", "12", 2021, "QĐ", "UBND", "state")),
    ("2279/UBND-VX", ("2279/UBND-VX", "2279", None, None, "UBND-VX", "state")),
    ("Số 2927-TB/TU", ("2927-TB/TU", "2927", None, "TB", "TU", "party")),
    ("25-KL/TW", ("25-KL/TW", "25", None, "KL", "TW", "party")),
    ("05-TT/TW", ("05-TT/TW", "05", None, "TT", "TW", "party")),  # Party TT is a thông tri
    ("Luật số: 51/2024/QH15", ("51/2024/QH15", "51", 2024, None, "QH15", "state")),
    ("66.19/2026/NQ-CP", ("66.19/2026/NQ-CP", "66.19", 2026, "NQ", "CP", "state")),
    ("2279/VBHN-BLĐTBXH", ("2279/VBHN-BLĐTBXH", "2279", None, "VBHN", "BLĐTBXH", "state")),
])
def test_parse_number(text, expected):
    number = parse_number(text)
    assert (number.text, number.number, number.year, number.type_code, number.issuer_code, number.form) == expected


@pytest.mark.parametrize("dirty, clean", [
    ("1977 /QĐ-UBND", "1977/QĐ-UBND"),
    ("109/UBND - VX", "109/UBND-VX"),
    ("1830 QĐ-UBND", "1830/QĐ-UBND"),
    ("Số:215KH-UBND", "215/KH-UBND"),  # the slash lost in a scan
    ("Số: 31/TB-BCĐ- .", "31/TB-BCĐ"),  # a speck after the symbol read as "- ."
    ("Số: 4-CT/TU;", "4-CT/TU"),
    ("12/2021/QÐ-UBND", "12/2021/QĐ-UBND"),  # U+00D0 eth for Đ
    ("07–CĐ/TU", "07-CĐ/TU"),  # en dash
])
def test_dirty_numbers_are_normalised(dirty, clean):
    assert parse_number(dirty).text == clean
    assert clean in normalise_number_text(dirty)


def test_a_lost_slash_needs_a_type_code():
    assert parse_number("Số:215AB-UBND") is None


def test_no_number_in_plain_text():
    assert parse_number("ngày 17/01/2022, tỷ lệ 24/24") is None


def test_number_is_read_from_the_header_not_the_body():
    doc = document(header=["ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", "Số: 423/TB-UBND", "Lạng Sơn, ngày 2 tháng 12 năm 2021"],
                   title=["THÔNG BÁO"], body=["Thực hiện Nghị quyết số 68/NQ-CP ngày 01/7/2021 của Chính phủ."])
    found = document_number(doc)
    number, rule, confidence = found.value, found.clue.rule, found.clue.confidence
    assert number.text == "423/TB-UBND" and rule == "header-number-line" and confidence > 0.9


def test_symbol_broken_over_two_header_lines_is_joined():
    doc = document(header=["Số: 01/2022/TTLT-VKSNDTC-", "TANDTC-BCA-BQP-BLĐTBXH"])
    assert document_number(doc).value.text == "01/2022/TTLT-VKSNDTC-TANDTC-BCA-BQP-BLĐTBXH"


def test_a_body_citation_is_never_the_notices_number():
    doc = document(title=["THÔNG BÁO"], body=["Thực hiện Chỉ thị số 15/CT-TTg của Thủ tướng Chính phủ."])
    assert document_number(doc) is None


def test_consolidated_text_number_from_its_authentication_block():
    doc = document(header=["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], title=["LUẬT", "BẢO HIỂM Y TẾ"],
                   body=["Điều 1. Phạm vi điều chỉnh.", "Số: 28/VBHN-VPQH", "XÁC THỰC VĂN BẢN HỢP NHẤT",
                         "Hà Nội, ngày 07 tháng 12 năm 2020"])
    found = document_number(doc)
    number, rule = found.value, found.clue.rule
    assert number.text == "28/VBHN-VPQH" and rule == "authentication-number-line"


def test_authentication_lines_run_into_a_paragraph():
    doc = document(body=["… giải quyết./. BỘ CÔNG THƯƠNG Số: 37/VBHN-BCT XÁC THỰC VĂN BẢN HỢP NHẤT Hà Nội, ngày 26 "
                         "tháng 5 năm 2026 " + "x" * 200])
    assert document_number(doc).value.text == "37/VBHN-BCT"


def test_annex_heading_gives_the_number_when_the_header_is_lost():
    doc = document(title=["THÔNG TƯ"], body=["Điều 1.", "Mẫu số 01 (Kèm theo Thông tư số 41/2026/TT-BTC ngày 06 tháng "
                                             "4 năm 2026 của Bộ trưởng Bộ Tài chính)"])
    found = document_number(doc, "Thông tư")
    number, rule, confidence = found.value, found.clue.rule, found.clue.confidence
    assert number.text == "41/2026/TT-BTC" and rule == "annex-heading" and confidence < 0.8


def test_the_number_label_and_annex_words_are_read_from_structure_yml(monkeypatch):
    """"Số" (and "kèm theo") are data: with another label the same lines are read with it only."""
    from build_tools.extract import numbers, vocab

    assert numbers.number_lines(["Số: 24/CT-UBND", "Nơi nhận:"]) == ["Số: 24/CT-UBND"]
    cached = (vocab.layout_words, vocab.folded_number_label, numbers._number_label, numbers._body_number_line,
              numbers._annex_openers, numbers._annex)
    words = dict(vocab.layout_words(), number_label="No", annex_openers=["annexed to"])
    for function in cached:
        function.cache_clear()
    monkeypatch.setattr(vocab, "load_yaml", lambda name: words)
    try:
        assert numbers.number_lines(["No: 24/CT-UBND", "Số: 25/CT-UBND"]) == ["No: 24/CT-UBND"]
        assert numbers.number_lines(["No. 24/CT", "Số: 25/CT"], strict=True) == []
        assert numbers._annex().search("annexed to thong tu no 41/2026/tt-btc")
        assert not numbers._annex().search("kem theo thong tu so 41/2026/tt-btc")
    finally:
        for function in cached:
            function.cache_clear()
