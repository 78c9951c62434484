"""Recipients lists tidied of what a two-column scan mixed into them; every edit recorded."""
from build_tools.clean.recipients import tidy_recipients

LIST = ["Văn phòng Trung ương Đảng (để báo cáo),", "Ban Chỉ đạo quốc gia (để báo cáo),",
        "Các sở, ban, ngành,", "UBND các huyện, thành phố,", "Lưu: VT, KGVX."]


def test_a_clean_list_is_left_alone():
    assert tidy_recipients(LIST) == (LIST, [])


def test_words_of_the_signature_column_after_an_entry_are_removed():
    mixed = [LIST[0] + " PHÓ CHỦ", LIST[1], LIST[2], LIST[3] + " Trần", LIST[4]]
    tidy, changes = tidy_recipients(mixed)
    assert tidy == LIST
    assert [(c.kind, c.before, c.after) for c in changes] == [
        ("recipient-spill", mixed[0], LIST[0]), ("recipient-spill", mixed[3], LIST[3])]


def test_a_list_without_separators_and_lowercase_continuations_are_kept():
    bare = ["Văn phòng Trung ương Đảng", "Ban Chỉ đạo quốc gia", "Các sở, ban, ngành", "Lưu VT"]
    assert tidy_recipients(bare) == (bare, [])
    wrapped = [LIST[0], "Các sở, ban, ngành, các đoàn thể", LIST[2], LIST[3], LIST[4]]
    assert tidy_recipients(wrapped)[0] == wrapped  # "các đoàn thể" is lowercase: a wrapped entry


def test_a_misread_filing_word_is_restored():
    for misread in ("LĨru", "Lưii", "Luu"):
        tidy, changes = tidy_recipients(LIST[:-1] + [f"{misread}: VT, KGVX."])
        assert tidy[-1] == "Lưu: VT, KGVX." and changes[0].before == misread and changes[0].after == "Lưu"
    for other in ("Thường trực Tỉnh ủy.", "Website tỉnh.", "VT, KGVX."):
        assert tidy_recipients(LIST[:-1] + [other])[0][-1] == other
