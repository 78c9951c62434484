"""Citations: full, unnumbered and short mentions; stable keys; offsets into body_text."""
from build_tools.extract import citation_key_for
from build_tools.extract.citations import citations as find_citations


def citations(body, province):
    """The citations found (the value of the Found), [] when there are none."""
    found = find_citations(body, province)
    return found.value if found else []


def test_citations_come_with_their_clue_and_none_without_any():
    found = find_citations("Thực hiện Nghị quyết số 68/NQ-CP ngày 01/7/2021 và Quyết định số 23/2021/QĐ-TTg.", None)
    assert [c.number for c in found.value] == ["68/NQ-CP", "23/2021/QĐ-TTg"]
    assert (found.clue.rule, found.clue.text, found.clue.confidence) == ("citation-patterns", "2 mentions", 0.9)
    assert find_citations("Không dẫn chiếu văn bản nào.", None) is None


def test_full_mention_with_date_and_issuer():
    body = "Thực hiện Nghị quyết số 68/NQ-CP ngày 01/7/2021 của Chính phủ và Quyết định số 23/2021/QĐ-TTg."
    first, second = citations(body, "quang-ninh")
    assert (first.type, first.number, first.date, first.issuer, first.key) == \
        ("Nghị quyết", "68/NQ-CP", "2021-07-01", "Chính phủ", "nq-68-nq-cp")
    assert first.text == "Nghị quyết số 68/NQ-CP ngày 01/7/2021 của Chính phủ"
    assert body[first.offset:].startswith("Nghị quyết số 68")
    assert (second.key, second.issuer) == ("qd-23-2021-qd-ttg", "Thủ tướng Chính phủ")  # issuer from the code
    assert first.sentence == body


def test_comma_before_the_date_and_party_numbers():
    (cite,) = citations("theo Chỉ thị số 05/CT-TTg, ngày 28/01/2021 của Thủ tướng Chính phủ.", None)
    assert (cite.number, cite.date) == ("05/CT-TTg", "2021-01-28")
    (party,) = citations("Kết luận số 25-KL/TW ngày 30/12/2021 của Bộ Chính trị", None)
    assert (party.key, party.issuer) == ("kl-25-kl-tw", "Bộ Chính trị")


def test_unnumbered_telegram():
    (cite,) = citations("thực hiện Điện ngày 21/7/2021 của Thường trực Ban Bí thư, Nghị quyết", None)
    assert (cite.type, cite.number, cite.date, cite.issuer) == ("Điện", None, "2021-07-21", "Thường trực Ban Bí thư")
    assert cite.key == "dien-2021-07-21-thuong-truc-ban-bi-thu"


def test_provincial_numbers_are_keyed_with_the_province():
    (cite,) = citations("Chỉ thị số 18-CT/TU ngày 18/10/2021 của Ban Thường vụ Tỉnh ủy", "quang-ninh")
    assert cite.key == "ct-18-ct-tu-quang-ninh"
    (other,) = citations("Chỉ thị số 18-CT/TU ngày 18/10/2021 của Ban Thường vụ Tỉnh ủy", "lang-son")
    assert other.key != cite.key


def test_later_mentions_resolve_to_the_first():
    body = ("Nghị quyết số 326/NQ-HĐND, ngày 08/02/2021 của HĐND tỉnh. Thực hiện nghị quyết số 326/2021/NQ-HĐND "
            "của HĐND tỉnh. Theo Nghị quyết 326, người dân khai báo y tế.")
    first, again, short = citations(body, "quang-ninh")
    assert first.key == again.key == short.key == "nq-326-nq-hdnd-quang-ninh"
    assert (first.short, again.short, short.short) == (False, True, True)
    assert short.text == "Nghị quyết 326"


def test_short_mention_without_an_earlier_full_one_is_not_a_citation():
    assert citations("giãn cách xã hội theo Chỉ thị 16 của Thủ tướng", None) == []


def test_garbled_type_word_takes_the_type_from_the_code():
    (cite,) = citations("theo Quyết đmh số 271/QĐ-BCĐQG ngày 08/7/2021 của Ban Chỉ đạo Quốc gia", None)
    assert (cite.type, cite.key) == ("Quyết định", "qd-271-qd-bcdqg")


def test_key_ignores_case_of_dd_and_spacing():
    assert citations("Công điện số 28/CD-TTg", None)[0].key == citations("Công điện số 28/CĐ-TTg", None)[0].key


def test_citation_key_for_a_notice_record():
    record = {"number": {"text": "2927-TB/TU"}, "doc_type": "Thông báo", "province": {"code": "quang-ninh"}}
    assert citation_key_for(record) == "tb-2927-tb-tu-quang-ninh"
    assert citation_key_for({"number": {"text": "68/NQ-CP"}, "doc_type": "Nghị quyết"}) == "nq-68-nq-cp"
    assert citation_key_for({"number": None}) is None


def test_the_words_around_a_citation_are_read_from_citations_yml(monkeypatch):
    from build_tools.extract import citations as module

    body = "theo Kế hoạch số 12/KH-UBND, ban hành ngày 28/01/2021 của UBND tỉnh Sơn La về phòng dịch."
    (cite,) = citations(body, None)
    assert (cite.date, cite.issuer) == ("2021-01-28", "UBND tỉnh Sơn La")
    words = dict(module._words(), issued_word="ky", issuer_words=["boi"], issuer_stop_words=["nham"])
    cached = (module._words, module._date_after_pattern, module._issuer_after_pattern, module._issuer_stop)
    for function in cached:
        function.cache_clear()
    monkeypatch.setattr(module, "load_yaml", lambda name: words)
    try:
        (cite,) = citations(body, None)
        assert (cite.date, cite.issuer) == (None, None)  # "ban hành", "của" are no longer read
        (cite,) = citations("theo Kế hoạch số 12/KH-UBND, ký ngày 28/01/2021 bởi UBND tỉnh Sơn La về phòng dịch.", None)
        assert (cite.date, cite.issuer) == ("2021-01-28", "UBND tỉnh Sơn La về phòng dịch")
    finally:
        for function in cached:
            function.cache_clear()


def test_local_issuer_words_come_from_citations_yml():
    from build_tools.data_files import load_yaml
    from build_tools.extract import citations as module

    from ..support.data import data_changed

    body = "thực hiện Điện ngày 21/7/2021 của Ban Chỉ đạo xã Tân Lập"
    assert citations(body, "quang-ninh")[0].key == "dien-2021-07-21-ban-chi-dao-xa-tan-lap"
    with data_changed(load_yaml("citations.yml"), "local_issuer_words", ["xa"], module):
        assert citations(body, "quang-ninh")[0].key == "dien-2021-07-21-ban-chi-dao-xa-tan-lap-quang-ninh"
