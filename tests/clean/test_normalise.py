import unicodedata

from build_tools.clean.normalise import (drop_control_characters, drop_page_furniture, drop_scan_garbage,
                                         fix_eth_in_numbers, normalise, to_nfc)


def test_nfc_composes_combining_tones_and_records_it():
    decomposed = unicodedata.normalize("NFD", "Quảng Ninh")
    text, changes = to_nfc(decomposed)
    assert text == "Quảng Ninh" and changes and changes[0].kind == "nfc"
    assert to_nfc("Quảng Ninh") == ("Quảng Ninh", [])


def test_control_characters_are_dropped_with_their_line():
    text, changes = drop_control_characters("a\nb\x07c\u200bd")
    assert text == "a\nbcd"
    assert [c.line for c in changes] == [2, 2]


def test_eth_becomes_d_with_stroke_only_inside_document_numbers():
    text, changes = fix_eth_in_numbers("Quyết định số 12/2021/QÐ-UBND của Ðảng")
    assert "12/2021/QĐ-UBND" in text
    assert "Ðảng" in text  # outside a number the author's character is kept
    assert changes[0].before == "12/2021/QÐ-UBND"


def test_page_furniture_of_pdf_text_is_removed_but_body_numbers_stay():
    text = "CÔNG BÁO/Số 302/Ngày 02-06-2026 \n70\nĐoạn văn.\n2021\nKý bởi: CÔNG BÁO\nCơ quan: VP\nNgày ký: 2026\n"
    cleaned, changes = drop_page_furniture(text)
    assert "CÔNG BÁO/Số" not in cleaned and "\n70\n" not in cleaned and "Ký bởi" not in cleaned
    assert "Đoạn văn." in cleaned
    assert {c.kind for c in changes} == {"page-furniture"}
    far_from_furniture = "Một\nhai\nba\nbốn\nnăm\n2021\nsáu"
    assert drop_page_furniture(far_from_furniture)[0] == far_from_furniture


def test_scan_garbage_is_removed_and_quotes_in_text_are_kept():
    text, changes = drop_scan_garbage('CỦA BAN THƯỜNG*vự\nphương châm "3 trước "4 tại chỗ" \' x\nNơi nhân:" \'')
    assert "THƯỜNG vự" in text
    assert '"3 trước "4 tại chỗ"' in text
    assert " ' " not in text and text.endswith("Nơi nhân:")
    assert all(c.kind == "scan-garbage" for c in changes) and len(changes) == 3


def test_normalise_keeps_clean_text_unchanged():
    clean = "Thông báo\nNgày 17/01/2022, Ban Chỉ đạo họp.\n"
    assert normalise(clean) == (clean, [])


def test_record_date_among_a_portals_rows_is_not_a_signature_stamp():
    record = "Số/Ký hiệu: 12/KH-UBND\nNgày ký: 03/01/2022\nTrích yếu: Về tiêm chủng\n"
    assert drop_page_furniture(record)[1] == []
    stamp = "Ký bởi: Văn phòng UBND\nCơ quan: Tỉnh Yên Bái\nNgày ký: 03.01.2022 09:12:01 +07:00\n"
    assert len(drop_page_furniture(stamp)[1]) == 3
