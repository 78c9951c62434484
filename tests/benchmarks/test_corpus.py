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
