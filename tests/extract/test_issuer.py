"""The issuing body from the header, the signature, the announcing sentence, the number."""
from build_tools.extract.issuer import find_issuer, joint_issuer, make_issuer
from build_tools.extract.numbers import parse_number
from build_tools.extract.signer import parse_signature

from .helpers import document


def issuer_of(doc, number=None, signature=None, province=None):
    signer = parse_signature(signature or doc.signature_lines)
    found = find_issuer(doc, parse_number(number) if number else None, signer)
    return (make_issuer(found.value, province), found) if found else (None, None)


def test_provincial_people_committee_header_with_place():
    issuer, finding = issuer_of(document(header=["ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", "Số: 423/TB-UBND"]),
                                province="lang-son")
    assert (issuer.name, issuer.kind, issuer.body) == ("Ủy ban nhân dân tỉnh", "state", "UBND tỉnh")
    assert finding.value.place == "LẠNG SƠN" and finding.value.rule.scope == "provincial"


def test_two_column_header_flattened_on_one_line():
    _, finding = issuer_of(document(header=["ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]))
    assert finding.value.place == "LẠNG SƠN"


def test_two_level_header_the_lower_body_issues():
    issuer, _ = issuer_of(document(header=["UBND TỈNH QUẢNG NINH", "BAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH COVID-19"]),
                          province="quang-ninh")
    assert issuer.body == "BCĐ tỉnh"


def test_party_header_refined_by_the_signature():
    doc = document(header=["TỈNH ỦY QUẢNG NINH", "*", "Số 2927-TB/TU"],
                   signature=["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn A"])
    issuer, finding = issuer_of(doc, province="quang-ninh")
    assert (issuer.name, issuer.kind) == ("Ban Thường vụ Tỉnh ủy", "party")
    assert finding.clue.rule == "issuer-line+signature"


def test_city_party_committee_is_a_thanh_uy():
    issuer, _ = issuer_of(document(signature=["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn A"]), province="ha-noi")
    assert issuer.name == "Ban Thường vụ Thành ủy"


def test_announcing_sentence_names_the_issuer():
    doc = document(body=["Nội dung.", "UBND tỉnh thông báo để các cơ quan, đơn vị liên quan biết, thực hiện./."],
                   signature=["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Phạm Hùng Trường"])
    issuer, finding = issuer_of(doc)
    assert issuer.name == "Ủy ban nhân dân tỉnh" and finding.clue.rule == "announcement"


def test_thua_lenh_names_the_authority_not_the_office():
    doc = document(body=["Thừa lệnh Ban Thường vụ Tỉnh ủy, Văn phòng Tỉnh ủy thông báo ý kiến chỉ đạo."])
    issuer, _ = issuer_of(doc)
    assert issuer.name == "Ban Thường vụ Tỉnh ủy"


def test_national_bodies():
    for header, name in ((["CHÍNH PHỦ"], "Chính phủ"), (["THỦ TƯỚNG CHÍNH PHỦ"], "Thủ tướng Chính phủ"),
                         (["BỘ LAO ĐỘNG -", "THƯƠNG BINH VÀ XÃ HỘI"], "Bộ Lao động - Thương binh và Xã hội"),
                         (["VĂN BẢN HỢP NHẤT - BỘ Y TẾ"], "Bộ Y tế"), (["NGÂN HÀNG NHÀ NƯỚC", "VIỆT NAM"],
                                                                     "Ngân hàng Nhà nước Việt Nam")):
        issuer, finding = issuer_of(document(header=header))
        assert issuer.name == name and finding.value.rule.scope == "national", header


def test_number_code_when_nothing_else_is_known():
    issuer, finding = issuer_of(document(), number="12/VBHN-BTC")
    assert issuer.name == "Bộ Tài chính" and finding.clue.rule == "number-issuer-code"


def test_joint_circular_names_every_body():
    issuer = joint_issuer(parse_number("01/2022/TTLT-VKSNDTC-TANDTC-BCA-BQP-BLĐTBXH"))
    assert issuer.name.startswith("Viện kiểm sát nhân dân tối cao - Tòa án nhân dân tối cao - Bộ Công an")


def test_the_words_issuer_reads_come_from_issuers_yml(monkeypatch):
    """Person titles, "thừa lệnh" and "kết luận của" are data: change them and the reading follows."""
    import copy

    from build_tools.extract import issuer as module

    words = copy.deepcopy(module._words())
    cached = (module._person_title, module._title_conclusion)
    for function in cached:
        function.cache_clear()
    monkeypatch.setattr(module, "_words", lambda: words)
    try:
        assert module._person_title().match("pho chu tich ubnd") and module._command_phrase() == "thua lenh"
        assert module._title_conclusion().search("ket luan cua ")
        words.update(person_titles=["giám đốc"], person_title_deputy="phó", command_phrase="theo lệnh",
                     title_conclusion_words=["ghi nhớ"])
        for function in cached:
            function.cache_clear()
        assert module._person_title().match("pho giam doc so") and not module._person_title().match("chu tich")
        assert module._command_phrase() == "theo lenh"
        assert module._title_conclusion().search("ghi nho cua ") and not module._title_conclusion().search("ket luan cua ")
    finally:
        for function in cached:
            function.cache_clear()


def test_a_signature_line_loses_any_authority_prefix_of_structure_yml():
    from build_tools.data_files import load_yaml
    from build_tools.extract.signer import without_authority

    for prefix in load_yaml("structure.yml")["authority_prefixes"]:
        assert without_authority(prefix.strip() + " CHỦ TỊCH") == "CHỦ TỊCH", prefix


def test_the_issuer_comes_as_a_found_with_its_clue():
    _, found = issuer_of(document(header=["ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", "Số: 423/TB-UBND"]))
    assert (found.clue.rule, found.clue.text, found.clue.confidence) == ("issuer-line", "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", 0.95)
    assert issuer_of(document(body=["Không có cơ quan."]), signature=["Nguyễn Văn A"]) == (None, None)


def test_the_unit_and_committee_words_and_the_joint_body_come_from_data():
    from build_tools.data_files import load_yaml
    from build_tools.extract import issuer as module

    from ..support.data import data_changed

    header = document(header=["ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", "Số: 423/TB-UBND"])
    assert issuer_of(header, province="lang-son")[0].name == "Ủy ban nhân dân tỉnh"
    assert issuer_of(header, province="ha-noi")[0].name == "Ủy ban nhân dân thành phố"
    names = load_yaml("place_context.yml")["unit_names"]
    with data_changed(names, "city", dict(names["city"], unit="TP"), module):
        assert issuer_of(header, province="ha-noi")[0].name == "Ủy ban nhân dân TP"
    with data_changed(names, "province", dict(names["province"], unit="xứ"), module):
        assert issuer_of(header, province="lang-son")[0].name == "Ủy ban nhân dân xứ"
    number = parse_number("01/2022/TTLT-VKSNDTC-TANDTC")
    assert joint_issuer(number).body == "Liên tịch"
    with data_changed(load_yaml("issuers.yml")["reading"], "joint_body", "Liên ngành", module):
        assert joint_issuer(number).body == "Liên ngành"
