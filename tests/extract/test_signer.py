"""Signature blocks (state and Party forms), misplaced blocks, lost names, chairs."""
from build_tools.extract.signer import chairs, parse_signature, signer

from .helpers import document


def test_party_block():
    found = parse_signature(["T/L BAN THƯỜNG VỤ", "PHÓ CHÁNH VĂN PHÒNG", "Ngô Quang Hưng"])
    assert (found.name, found.title, found.authority, found.on_behalf_of) == \
        ("Ngô Quang Hưng", "PHÓ CHÁNH VĂN PHÒNG", "T/L", "BAN THƯỜNG VỤ")


def test_state_block_with_two_authorities_keeps_the_outer_one_and_the_stack():
    found = parse_signature(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A"])
    assert (found.authority, found.on_behalf_of, found.title, found.name) == \
        ("TM.", "ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH", "Nguyễn Văn A")
    assert found.stack == ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A")


def test_authority_glued_to_the_body_by_ocr():
    found = parse_signature(["T/MBAN THƯỜNG vụ"])
    assert (found.authority, found.on_behalf_of, found.name, found.title) == ("T/M", "BAN THƯỜNG VỤ", None, None)


def test_block_without_prefix():
    found = parse_signature(["THỦ TƯỚNG", "[", "Lê Minh Hưng"])
    assert (found.authority, found.title, found.name) == (None, "THỦ TƯỚNG", "Lê Minh Hưng")


def test_trailing_garbage_after_the_name_is_ignored():
    found = parse_signature(["KT.BỘ TRƯỞNG", "THỨ TRƯỞNG", "Lê Văn Thanh", "61 Bỏ cụm từ “đến hết ngày”"])
    assert (found.authority, found.name) == ("KT.", "Lê Văn Thanh")


def test_an_organisation_in_capitals_is_not_a_name():
    assert parse_signature(["GIÁM ĐỐC", "(Ký tên và đóng dấu)", "BỘ Y TẾ"]).name is None


def test_signature_misplaced_among_the_recipients():
    doc = document(recipients=['Nơi nhân:" \' T/MBAN THƯỜNG vụ', "VPTW Đảng, VP Chính phủ (để báo cáo), THƯ"])
    result = signer(doc)
    found, rule, confidence = result.value, result.clue.rule, result.clue.confidence
    assert (found.authority, found.name) == ("T/M", None) and rule == "signature-in-recipients" and confidence <= 0.5


def test_chairs_are_those_who_conclude_not_those_who_attend():
    doc = document(title=["THÔNG BÁO"], body=[
        "Tham dự cuộc họp có đồng chí Hồ Tiến Thiệu, Chủ tịch UBND tỉnh; đồng chí Hoàng Văn Nghiệm, Phó Bí thư.",
        "Sau khi nghe báo cáo, đồng chí Hồ Tiến Thiệu, Chủ tịch UBND tỉnh kết luận như sau:"])
    assert chairs(doc).value == ["Hồ Tiến Thiệu"]
    assert chairs(document(body=["Hội nghị do đồng chí Nguyễn Văn Hải, Bí thư Tỉnh ủy chủ trì."])).value == ["Nguyễn Văn Hải"]
    assert chairs(document(body=["Tham dự có đồng chí Hoàng Văn Nghiệm."])) is None


def test_authority_prefixes_are_the_one_list_of_data_structure_yml(monkeypatch):
    """Every prefix of structure.yml is read, spaced or not around its slash; a bare "TM" is "TM."."""
    from build_tools.data_files import load_yaml
    from build_tools.extract import signer as module

    for prefix in load_yaml("structure.yml")["authority_prefixes"]:
        shown = prefix.strip() + "." if prefix.endswith(" ") else prefix
        found = parse_signature([prefix.strip() + " ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A"])
        assert (found.authority, found.on_behalf_of) == (shown, "ỦY BAN NHÂN DÂN"), prefix
        spaced = parse_signature([prefix.strip().replace("/", " / ") + " ỦY BAN NHÂN DÂN", "Nguyễn Văn A"])
        assert spaced.authority == shown, prefix
    assert parse_signature(["TMỦY BAN NHÂN DÂN", "Nguyễn Văn A"]).authority is None  # a bare prefix needs its space
    for cached in (module._authority, module._authority_anywhere, module._canonical_forms):
        cached.cache_clear()
    monkeypatch.setattr(module, "_authority_prefixes", lambda: ["P/T", "XX "])
    try:
        assert parse_signature(["XX BAN CHỈ ĐẠO", "TRƯỞNG BAN", "Nguyễn Văn A"]).authority == "XX."
        assert parse_signature(["P / T BAN CHỈ ĐẠO", "Nguyễn Văn A"]).authority == "P/T"
        assert parse_signature(["TM. ỦY BAN NHÂN DÂN", "Nguyễn Văn A"]).authority is None
    finally:
        for cached in (module._authority, module._authority_anywhere, module._canonical_forms):
            cached.cache_clear()


def test_a_central_highlands_name_with_an_apostrophe_is_a_name():
    from build_tools.extract.signer import is_person_name

    assert is_person_name("H'Yim Kđoh") and is_person_name("H’Yim Kđoh") and is_person_name("H'YIM KĐOH")
    assert parse_signature(["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "H'Yim Kđoh"]).name == "H'Yim Kđoh"
    assert not is_person_name("H'Yim") and not is_person_name("V/v Phòng Dịch'")


def test_a_closing_row_flattened_with_single_spaces():
    from build_tools.extract.signer import split_flattened_signature

    assert split_flattened_signature("KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Lê Thị Hồng Vân") == \
        ["KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC", "Lê Thị Hồng Vân"]
    assert split_flattened_signature("- Lưu: VT, TH. CHỦ TỊCH Phạm Minh Tâm") == ["CHỦ TỊCH", "Phạm Minh Tâm"]
    assert split_flattened_signature("Giao Sở Y tế chủ trì thực hiện Kế hoạch Tiêm Chủng") is None


def test_a_flattened_closing_row_keeps_its_name_past_the_stamp_read_as_marks():
    """A scan unwrapped the signer's lines into the last recipient, with the seal and the
    signature read as digits and marks between the titles and the name."""
    from build_tools.extract.signer import split_flattened_signature

    assert split_flattened_signature("- Lưu: VT, VX. KT. CHỦ TỊCH PHÓ CHỦ TỊCH 4187 : \" Đặng Văn Sơn") == \
        ["KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "Đặng Văn Sơn"]
    assert split_flattened_signature("- Lưu: VT. GIÁM ĐỐC , : Hà Thị Mai") == ["GIÁM ĐỐC", "Hà Thị Mai"]
    assert split_flattened_signature("báo cáo kết quả trước ngày 15/3/2021 : Nguyễn Văn An") is None


def test_a_block_after_recipients_whose_label_the_scan_lost():
    """Without its "Nơi nhận:" label the recipients come with the block: it opens at its authority."""
    recipients = ["- Như trên;", "- Văn phòng Chính phủ;", "- Bộ Y tế;", "- TT Tỉnh ủy, TT HĐND tỉnh;",
                  "- CT, các PCT UBND tỉnh;", "- Các sở, ban, ngành;", "- UBND các huyện;", "- Lưu: VT, KGVX."]
    found = parse_signature([*recipients, "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Bình"])
    assert (found.authority, found.title, found.name) == ("KT.", "PHÓ CHỦ TỊCH", "Trần Văn Bình")


def test_stamp_strokes_read_as_a_short_word_between_title_and_name():
    found = parse_signature(["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", ": :", "và", "Lê Thị Hồng"])
    assert (found.title, found.name) == ("PHÓ GIÁM ĐỐC", "Lê Thị Hồng")


def test_a_scan_block_with_specks_at_line_edges_and_debris_before_the_name():
    from build_tools.extract.signer import parse_signature

    found = parse_signature([": TL. TRƯỞNG BAN", "CHÁNH VĂN PHÒNG", "/=khu\"", "„mụm", ". Đỗ Minh Hà"])
    assert (found.authority, found.title, found.name) == ("TL.", "CHÁNH VĂN PHÒNG", "Đỗ Minh Hà")
    found = parse_signature(["KT. CHỦ TỊCH", "z Ó 1Ủ TỊCH", ":", "?", "sau", "- Kiều Quang Thịnh"])
    assert found.name == "Kiều Quang Thịnh"
    # without a name to come, an other line still ends the block
    found = parse_signature(["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "báo cáo về Sở", "trước ngày 5"])
    assert found.name is None and found.title == "PHÓ GIÁM ĐỐC"


def test_a_garbled_title_in_capitals_is_no_name():
    from build_tools.extract.signer import is_person_name

    assert not is_person_name("C IÁNHẬKĂN P LÒNG")
    assert not is_person_name("UBND TỈNH")  # a title's second line under a lost first one
    assert is_person_name("NGUYỄN VĂN AN") and is_person_name("Lê Thị Hà")


def test_a_name_run_into_the_filing_mark_is_the_signer_when_it_opens_with_a_family_name():
    from build_tools.extract.signer import name_after_filing_mark

    assert name_after_filing_mark(["- Như trên;", "Lưu: VT, KGVX., 5 1 TỊCH 2 5 Thạch Văn Hưởng"]) == "Thạch Văn Hưởng"
    assert name_after_filing_mark(["Lưu: KGVX. BAN Œ HỆ W Lưu Quỳnh Dũng"]) == "Lưu Quỳnh Dũng"
    assert name_after_filing_mark(["Lưu: VT, Văn Thư"]) is None  # an office, not a person
    assert name_after_filing_mark(["Lưu: VT, phòng Nghiệp vụ Y"]) is None
    assert name_after_filing_mark(["Sở Y tế; Trần Văn An"]) is None  # not the filing mark
    assert name_after_filing_mark(["Lưu: Trần Văn An"]) is None  # nothing a scan put between
    assert name_after_filing_mark(["Lưu: VT, KGVX, NHÂN DÂN TỊCH Ó q", "wWf Trần Hữu Phước"]) == "Trần Hữu Phước"
    assert name_after_filing_mark(["Lưu: VT, KGVX.", "Sở Y tế Trần Hữu Phước"]) is None
