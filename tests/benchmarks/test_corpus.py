"""Công báo text unwrapped into paragraphs once, for the scale corpus and the scan generator."""
from __future__ import annotations

from benchmarks.corpus import unwrap
from benchmarks.scan_generator import corpus_paragraphs

WRAPPED = """CÔNG BÁO/Số 12/Ngày 03-02-2021
Các sở, ban, ngành tăng cường kiểm tra việc
thực hiện các biện pháp phòng, chống dịch.
12
________
Ủy ban nhân dân các huyện chủ động bố trí
kinh phí"""


def test_unwrap_joins_wrapped_lines_and_drops_page_furniture():
    assert unwrap(WRAPPED) == [
        "Các sở, ban, ngành tăng cường kiểm tra việc thực hiện các biện pháp phòng, chống dịch.",
        "Ủy ban nhân dân các huyện chủ động bố trí kinh phí"]


def test_the_scan_generator_keeps_whole_sentences_only():
    assert unwrap(WRAPPED, keep_unterminated=False) == unwrap(WRAPPED)[:1]
    long = " ".join(["Các cơ quan, đơn vị thực hiện nghiêm việc phòng, chống dịch"] * 3)
    text = f"{long}.\n\n{long}"
    assert corpus_paragraphs(text) == [f"{long}."]


def test_the_scan_generator_keeps_a_long_line_inside_its_column():
    """A long issuer name or recipient wraps in its column, as typed notices do: drawn across
    the column beside it, it would merge with the motto or the signer's title in every reading."""
    from benchmarks.scan_generator import Pages, font, mm

    pages = Pages()
    span = (pages.left, pages.left + mm(70))
    top = pages.y
    pages.column_line("BAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH BỆNH VIÊM ĐƯỜNG HÔ HẤP CẤP COVID-19", font("regular", 12.5),
                      span)
    ink = pages.images[0].convert("L").point(lambda v: 255 if v < 128 else 0).getbbox()
    assert ink is not None and span[0] <= ink[0] and ink[2] <= span[1]
    assert pages.y - top >= 2 * round(font("regular", 12.5).size * 1.32)  # wrapped on two lines or more
