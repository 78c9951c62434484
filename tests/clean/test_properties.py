"""Property tests: cleaning never crashes, never loses a character it does not account for, and is idempotent."""
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools.clean import clean_text
from build_tools.extract import extract

WORDS = ("tỉnh ủy ban nhân dân thông báo kết luận cách ly tập trung xét nghiệm tiêm vắc xin phòng chống dịch "
         "Quảng Ninh Lạng Sơn huyện Hữu Lũng ngày tháng năm số UBND COVID-19 F0 68/NQ-CP 17/01/2022 "
         "Ban Chỉ đạo yêu cầu các cơ quan đơn vị thực hiện nghiêm").split()
PUNCTUATION = [",", ".", ";", ":", "(", ")", "“", "”", "-", "/", "%"]

word = st.sampled_from(WORDS)
token = st.one_of(word,
                  st.tuples(word, st.sampled_from(PUNCTUATION)).map("".join))
line = st.lists(token, min_size=1, max_size=14).map(" ".join)
paragraph = st.lists(line, min_size=1, max_size=5).map("\n".join)
document = st.lists(paragraph, min_size=1, max_size=6).map("\n\n".join)


def visible(document_) -> Counter:
    parts = document_.header_lines + document_.title_lines + [b.text for b in document_.blocks] \
        + document_.signature_lines + document_.recipients
    return Counter(ch for part in parts for ch in part if not ch.isspace())


def accounted_input(text: str, changes) -> Counter:
    """The input's characters with every recorded OCR repair applied."""
    counts = Counter(ch for ch in text if not ch.isspace())
    for change in changes:
        if change.stage == "ocr":
            counts.subtract(Counter(change.before))
            counts.update(Counter(change.after))
    return +counts


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document)
def test_cleaning_keeps_every_character_it_does_not_record_changing(text):
    cleaned = clean_text(text)
    assert visible(cleaned) == accounted_input(text, cleaned.changes)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document)
def test_cleaning_clean_text_again_changes_nothing(text):
    once = clean_text(text)
    again = clean_text("\n\n".join(b.text for b in once.blocks))
    assert [b.text for b in again.blocks] == [b.text for b in once.blocks]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_any_text_goes_through_clean_and_extract_without_crashing(text):
    extract(clean_text(text))
