"""OCR repair of word boundaries: words cut apart are joined, words run together are split,
each change recorded; codes, names, loanwords and valid word pairs are left alone. The sentences
are written here for the test (administrative wording, no seed text)."""
from __future__ import annotations

import pytest

from build_tools.clean.ocr import boundary_repairs, get_lexicon, original_offset, repair_ocr


def check_records(text: str, result) -> None:
    for change in result.changes:
        assert text[change.offset:change.offset + len(change.before)] == change.before, change


@pytest.mark.parametrize(("noisy", "expected"), [
    ("Sở Y tế chủ trì công tác ph òng, chống dịch trên địa bàn.", "phòng"),
    ("Đề nghị các đơn vị tăng cường kiểm tr a việc thực hiện.", "tra"),
    ("Tổ chức tiêm vắc xin cho ngư ời dân từ 18 tuổi trở lên.", "người"),
])
def test_a_word_cut_apart_is_joined_and_recorded(noisy: str, expected: str) -> None:
    result = repair_ocr(noisy)
    assert expected in result.text.split(" ") or f"{expected}," in result.text.split(" ")
    joins = [c for c in result.changes if c.code == "word-join"]
    assert len(joins) == 1 and joins[0].after == expected and " " in joins[0].before
    check_records(noisy, result)


@pytest.mark.parametrize(("noisy", "pair"), [
    ("Ủy ban nhân dân huyện yêu cầu thực hiện nghiêmtúc các biện pháp.", "nghiêm túc"),
    ("Hội nghị của hiệp hội doanhnghiệp được hoãn lại.", "doanh nghiệp"),
    ("Ban chỉ đạo phòngchống dịch của tỉnh họp khẩn.", "phòng chống"),
])
def test_two_words_run_together_are_split_and_recorded(noisy: str, pair: str) -> None:
    result = repair_ocr(noisy)
    assert pair in result.text
    splits = [c for c in result.changes if c.code == "word-split"]
    assert len(splits) == 1 and splits[0].after == pair and splits[0].before == pair.replace(" ", "")
    check_records(noisy, result)


@pytest.mark.parametrize("text", [
    "Thực hiện Chỉ thị số 15/CT-TTg và Công văn số 1234/UBND-VX ngày 3/4/2021.",
    "Tra cứu tại https://tiemchungcovid19.gov.vn hoặc gửi thư đến vanthu@hanoi.gov.vn.",
    "Biến chủng Omicron và Delta; xét nghiệm RT-PCR; vaccine AstraZeneca, Pfizer, Moderna.",
    "Ông Nguyễn Văn Thành, Chủ tịch UBND tỉnh Bà Rịa - Vũng Tàu, ký ban hành.",
    "Xã Tân Hòa, huyện Châu Thành, tỉnh Long An; thị xã Cai Lậy.",
    "Cửa hàng sửa chữa môtô, bán kêpi và nước côla.",  # loanwords spelt as joined open syllables
])
def test_codes_names_and_loanwords_keep_their_boundaries(text: str) -> None:
    result = repair_ocr(text)
    assert not [c for c in result.changes if c.code in ("word-join", "word-split")]


def test_two_valid_words_read_confidently_are_never_joined() -> None:
    text = "Tổ chức tiêm vắc xin cho ngư ời dân từ 18 tuổi trở lên."
    words = len(__import__("re").findall(r"[^\W\d_]+", text))
    confident = [96.0] * words
    result = repair_ocr(text, confidences=confident)
    assert not [c for c in result.changes if c.code == "word-join"]


def test_later_repairs_point_into_the_text_as_given() -> None:
    # a join early in the text shifts every later word by one character: the records must not
    noisy = "Sở Y tế chủ trì công tác ph òng, chống dịch; các cơ sở y tê phải báo cáo hằng ngày."
    result = repair_ocr(noisy)
    assert any(c.code == "word-join" for c in result.changes)
    assert len(result.changes) >= 2
    check_records(noisy, result)


def test_confidences_follow_the_words_after_a_join_and_a_split() -> None:
    lex = get_lexicon()
    text = "công tác ph òng, chống dịch và doanhnghiệp"
    new, changes, confidences, _edits = boundary_repairs(text, lex, [90.0, 91.0, 40.0, 50.0, 92.0, 93.0, 94.0, 30.0])
    assert new == "công tác phòng, chống dịch và doanh nghiệp"
    assert confidences == [90.0, 91.0, 40.0, 92.0, 93.0, 94.0, 30.0, 30.0]
    assert [c.code for c in changes] == ["word-join", "word-split"]


def test_offsets_map_back_through_the_edits() -> None:
    edits = [(10, -1), (30, 2)]  # a join ending at 10, a split ending at 30 (new text)
    assert original_offset(edits, 5) == 5
    assert original_offset(edits, 12) == 13
    assert original_offset(edits, 40) == 39


def test_repairing_the_output_again_changes_nothing() -> None:
    noisy = "Ban chỉ đạo phòngchống dịch yêu cầu ph òng y tế kiểm tr a ngay."
    once = repair_ocr(noisy).text
    assert repair_ocr(once).text == once
