"""Syllable structure: the one phonotactic checker (decoder, OCR repair, scan reader) and the
general-language frequencies that tell a common word from an OCR error."""
from __future__ import annotations

import pytest

from build_tools.vietnamese.syllables import consonant_ends, general_frequency, is_syllable, is_vietnamese_syllable, strip_tone, toneless


@pytest.mark.parametrize("word", [
    "tỉnh", "Quảng", "nghiêng", "giữ", "gì", "gìn", "quyết", "khuya", "kinh", "ghế", "nghỉ",
    "yêu", "tiền", "mắc", "học", "thích", "hoá", "hóa", "thuỷ", "thủy", "ĐƯỜNG", "y", "ý", "oan", "quân",
])
def test_valid_syllables(word):
    assert is_syllable(word)


@pytest.mark.parametrize("word, why", [
    ("tỉrửi", "no rhyme ửi after tỉr"), ("ừên", "no rhyme ừê"), ("ƯBND", "consonant cluster"),
    ("nlianh", "no onset nl"), ("cinh", "c before i must be k"), ("ghà", "gh only before e ê i"),
    ("ngiêng", "ng before i must be ngh"), ("kan", "k only before e ê i y"),
    ("mẳc", "stop final c with hỏi"), ("tàt", "stop final t with huyền"), ("tuỵệt", "two tones"),
    ("đạọ", "two tones"), ("phưong", "no rhyme ưong"), ("iêu", "iê needs an onset"),
    ("tyền", "yê only without onset"), ("Realtứne", "not one syllable"), ("tmh", "no vowel"),
])
def test_invalid_syllables(word, why):
    assert not is_syllable(word), why


def test_strip_tone():
    assert strip_tone("tỉnh") == ("tinh", "\u0309")
    assert strip_tone("đạọ")[1] is None



def test_decoder_check_refuses_mixed_case_that_legacy_encodings_produce():
    assert is_vietnamese_syllable("Tỉnh") and is_vietnamese_syllable("TỈNH")
    assert not is_vietnamese_syllable("ChÊp")  # TCVN3 read as Windows-1252
    assert is_vietnamese_syllable("to\u0302\u0301i")  # NFD input is composed first


def test_general_frequencies_know_common_words_legal_text_lacks():
    assert general_frequency("lạ") > 5 and general_frequency("khó") > general_frequency("kho")
    assert general_frequency("theọ") is None and general_frequency("UBND") is None


@pytest.mark.parametrize("text, plain", [
    ("ửường", "ưương"),  # every tone off, two of them too; hats kept
    ("đã", "đa"),
    ("ủân", "uân"),
    ("abc", "abc"),
    ("ﬄ", "ﬄ"),  # letters Vietnamese does not write stay as they are
])
def test_toneless_takes_every_tone_off_letter_for_letter(text, plain):
    assert toneless(text) == plain and len(toneless(text)) == len(text)


@pytest.mark.parametrize("syllable, ends", [
    ("nhiệm", ("nh", "m")), ("tỉnh", ("t", "nh")), ("nghiêng", ("ngh", "ng")),
    ("gì", ("g", "")),  # gi + i: the onset leaves the vowel
    ("giam", ("gi", "m")), ("quản", ("qu", "n")), ("ăn", ("", "n")), ("ưu", ("", "")),
])
def test_consonant_ends(syllable, ends):
    assert consonant_ends(syllable) == ends
