"""Properties of the copy rules (layout.py, framing.py) on random text: never raise, never lose a word."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.clean.framing import split_framing
from build_tools.clean.layout import recover_header, recover_tail

PIECES = ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
          "Số: 12/KH-UBND", "Lào Cai, ngày 3 tháng 4 năm 2021", "V/v phòng dịch", "*", "-----", "Nơi nhận:",
          "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A", "1. Thực hiện nghiêm.", "Ảnh: TÚ",
          "UBND tỉnh vừa ban hành Chỉ thị số 5/CT-UBND ngày 2/3/2021 về phòng dịch.", "Theo Báo Lào Cai",
          "xin giới thiệu toàn văn", "Lượt xem: 12", "Các văn bản khác", "năm 2021", "Về việc tiêm chủng"]
SEPARATORS = [" | ", "\t", "      ", " ", "|"]
line = st.lists(st.sampled_from(PIECES), min_size=1, max_size=3).flatmap(
    lambda cells: st.sampled_from(SEPARATORS).map(lambda sep: sep.join(cells)))
text = st.lists(st.one_of(line, st.just(""), st.text(max_size=40)), max_size=25).map("\n".join)


def words(value: str) -> list[str]:
    return sorted(w for w in re.findall(r"\w+", value))


@settings(max_examples=300, deadline=None)
@given(text)
def test_header_and_tail_layouts_keep_every_word(source):
    for rewrite in (recover_header, recover_tail):
        rewritten, changes = rewrite(source)
        assert words(rewritten) == words(source)
        assert bool(changes) == (rewritten != source)


@settings(max_examples=300, deadline=None)
@given(text)
def test_framing_loses_nothing(source):
    kept, framing, changes = split_framing(source)
    assert words(kept + "\n" + "\n".join(framing)) == words(source)
    assert len(changes) == len(framing)
