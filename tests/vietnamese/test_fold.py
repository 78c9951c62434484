"""Folding: every Vietnamese letter, one character for one, Ð for Đ, old and new tone placement."""
import unicodedata

from hypothesis import given, strategies as st

from build_tools.vietnamese.fold import fold, has_diacritics, lower_same_length

VOWELS = "aăâeêioôơuưy"
TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]  # ngang, huyền, sắc, hỏi, ngã, nặng


def vietnamese_letters() -> list[str]:
    """All 146 letters: 12 vowels × 6 tones and đ, each in lower and upper case."""
    lower = [unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES] + ["đ"]
    return lower + [c.upper() for c in lower]


def base_of(letter: str) -> str:
    return "d" if letter in "đĐ" else unicodedata.normalize("NFD", letter)[0].lower()


def test_there_are_146_single_character_vietnamese_letters():
    letters = vietnamese_letters()
    assert len(set(letters)) == 146 and all(len(c) == 1 for c in letters)


def test_every_vietnamese_letter_folds_to_its_bare_lowercase_letter():
    for letter in vietnamese_letters():
        assert fold(letter) == base_of(letter), letter


def test_eth_written_for_d_with_stroke_folds_like_it():
    assert fold("QÐ-UBND") == fold("QĐ-UBND") == "qd-ubnd"
    assert fold("ð") == "d"


def test_sentences_fold_whole():
    assert fold("Cách ly TẬP TRUNG tại Vân Đồn") == "cach ly tap trung tai van don"
    assert fold("Hữu Lũng, Chi Lăng") == "huu lung, chi lang"


def test_old_and_new_tone_placement_fold_the_same():
    assert fold("hoà") == fold("hòa") == "hoa"
    assert fold("thuỷ") == fold("thủy") == "thuy"


def test_decomposed_input_is_composed_first():
    decomposed = unicodedata.normalize("NFD", "Quảng Ninh")
    assert fold(decomposed) == "quang ninh"
    assert len(fold(decomposed)) == len(unicodedata.normalize("NFC", decomposed))


def test_letters_without_a_one_character_fold_are_kept():
    # İ lowercases to two characters; ß and ﬁ have no one-letter bare form: all keep one character.
    assert fold("İ") == "i"
    assert fold("ß") == "ß" and fold("ﬁ") == "ﬁ"
    assert fold("Москва") == "москва"


@given(st.text())
def test_fold_keeps_one_character_per_character(text):
    composed = unicodedata.normalize("NFC", text)
    assert len(fold(text)) == len(composed)
    assert len(lower_same_length(text)) == len(composed)


@given(st.text(alphabet=st.sampled_from(list("aĐẮỹ İΣσΑς ßﬁ.,ǅǄ") + vietnamese_letters())) | st.text())
def test_lowercase_is_the_lowercase_of_each_character(text):
    """lower_same_length takes str.lower's C loop when it gives the same: never another result."""
    each = "".join(c.lower() if len(c.lower()) == 1 else c for c in unicodedata.normalize("NFC", text))
    assert lower_same_length(text) == each


def test_lowercase_keeps_sigma_and_dotted_i_one_for_one():
    assert lower_same_length("ΑΣ ΟΔΟΣ Đà") == "ασ οδοσ đà"  # str.lower would end the words with ς
    assert lower_same_length("İstanbul Đà") == "İstanbul đà"


def test_diacritics_are_detected_beyond_case():
    assert has_diacritics("tỉnh") and has_diacritics("Đà")
    assert not has_diacritics("TINH") and not has_diacritics("68/nq-cp")


def test_the_letter_sets_are_the_vietnamese_letters():
    from build_tools.vietnamese.fold import LOWER_CLASS, MARKED_LOWER, MARKED_UPPER, UPPER_CLASS

    marked = {c for c in vietnamese_letters() if not c.isascii()}
    assert set(MARKED_LOWER) | set(MARKED_UPPER) == marked and len(MARKED_LOWER) == 67
    assert LOWER_CLASS.startswith("a-z") and UPPER_CLASS.startswith("A-Z")


def test_fold_chars_keeps_every_offset_even_of_decomposed_text():
    from build_tools.vietnamese.fold import fold_chars

    decomposed = unicodedata.normalize("NFD", "Quảng Ninh")
    assert len(fold_chars(decomposed)) == len(decomposed)
    assert fold_chars("ĐƯỜNG Ð") == "duong d"


def test_unmarked_strips_lowercase_vietnamese_letters_only():
    from build_tools.vietnamese.fold import unmarked

    assert unmarked("đường") == "duong"
    assert unmarked("Đường") == "Đuong"  # capitals are the caller's business (OCR repair folds lowercase words)
    assert unmarked("über") == "über"  # not a Vietnamese letter: never matched to one


def test_notice_year_comes_from_the_date_then_the_meeting_then_the_number():
    from build_tools.model import DocNumber, Metadata, year_of

    number = DocNumber("12/2020/QĐ-UBND", "12", 2020, "QĐ", "UBND", "state")
    assert year_of(Metadata(issued_date="2021-08-02", meeting_date="2021-07-30", number=number)) == 2021
    assert year_of(Metadata(meeting_date="2021-07-30", number=number)) == 2021
    assert year_of(Metadata(number=number)) == 2020 and year_of(Metadata()) is None


def test_fold_is_the_same_from_its_cache_and_for_long_texts():
    from build_tools.vietnamese import fold as module

    short, long = "Ủy ban nhân dân Tỉnh", "Đường " * 40
    first = fold(short)
    assert short in module._FOLDED and fold(short) == first == "uy ban nhan dan tinh"
    assert fold(long) == "duong " * 40 and long not in module._FOLDED  # long texts are not kept
    decomposed = "Hu\u1ebf"  # NFC and NFD spellings are different keys, folded alike
    assert fold(decomposed) == fold("Hue\u0302\u0301") == "hue"
