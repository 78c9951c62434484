"""The issuing province from weighed clues, and the districts a notice names."""
from build_tools.extract.province import decide, district_mentions, province_votes
from build_tools.extract.province import places as find_places


def places(body, mentions, province):
    """The places found (the value of the Found), [] when there are none."""
    found = find_places(body, mentions, province)
    return found.value if found else []
from build_tools.extract.vocab import gazetteer

from .helpers import document


def decide_for(doc, issuer_place=None, date_place=None):
    body = doc.body_text
    mentions = district_mentions(body)
    return decide(province_votes(doc, body, issuer_place, date_place, mentions))


def test_gazetteer_has_the_2021_map():
    data = gazetteer()
    assert len(data.provinces) == 63
    assert sum(len(p["districts"]) for p in data.provinces.values()) == 705
    assert {"quang-ninh", "ba-ria-vung-tau", "ho-chi-minh", "thua-thien-hue"} <= set(data.provinces)
    assert data.provinces["quang-ninh"]["gso"] == "22"
    assert data.lookup_name("BR-VT") == "ba-ria-vung-tau" and data.lookup_name("TP.HCM") == "ho-chi-minh"
    assert data.lookup_name("tỉnh Quảng Ninh") == "quang-ninh" and data.lookup_name("Hoà Bình") == "hoa-binh"


def test_issuer_line_is_decisive():
    doc = document(body=["Các tỉnh lân cận Hải Dương, Hải Dương, Hải Dương có dịch."])
    decision = decide_for(doc, issuer_place="LẠNG SƠN")
    assert decision.value == "lang-son" and decision.clue.rule == "issuer-line" and decision.clue.confidence >= 0.97


def test_a_city_in_the_date_line_names_its_province():
    assert decide_for(document(), date_place="Hạ Long").value == "quang-ninh"


def test_title_names_the_province():
    doc = document(title=["KẾT LUẬN", "về phòng, chống dịch trên địa bàn tỉnh Quảng Ninh"])
    assert decide_for(doc).clue.rule == "title"


def test_newspaper_in_recipients():
    doc = document(body=["Một số tỉnh, thành lân cận đã xuất hiện ca nhiễm (Bình Dương, Thành phố Hồ Chí Minh)."],
                   recipients=["UBND tỉnh,", "Báo BR-VT, Đài PT&TH tỉnh,"])
    decision = decide_for(doc)
    assert decision.value == "ba-ria-vung-tau" and decision.clue.rule == "newspaper"


def test_sources_of_infection_do_not_outweigh_the_issuers_districts():
    doc = document(body=["Đánh giá cao các địa phương Đông Triều, Hạ Long, Vân Đồn, Cẩm Phả, Uông Bí.",
                         "Nguy cơ dịch xâm nhập vào Quảng Ninh là rất lớn, nhất là tại Hải Dương, Hà Nội."])
    assert decide_for(doc).value == "quang-ninh"


def test_thin_or_balanced_evidence_gives_no_province():
    assert decide_for(document(body=["Nhất là tại Hải Dương có nhiều ca bệnh."])) is None
    assert decide_for(document(body=["Hà Nội và Hải Phòng phối hợp."])) is None


def test_companies_point_to_their_province():
    assert decide_for(document(recipients=["Tập đoàn TKV, Tổng Công ty Đông Bắc,"])).value == "quang-ninh"


def test_districts_with_kind_word_and_lists():
    body = ("Kiểm soát được dịch tại huyện Hữu Lũng, Chi Lăng, Văn Lãng, Cao Lộc và Đình Lập. Ban Chỉ đạo 03 huyện "
            "(Cao Lộc, Văn Lãng và Lộc Bình) chỉ đạo.")
    found = places(body, district_mentions(body), "lang-son")
    assert [p.name for p in found] == ["Hữu Lũng", "Chi Lăng", "Văn Lãng", "Cao Lộc", "Đình Lập", "Lộc Bình"]
    assert all(p.kind == "huyện" and p.province == "lang-son" for p in found)
    assert found[0].offset == body.index("Hữu Lũng")


def test_common_words_and_names_are_not_places():
    body = ("Công tác quản lý, quân đội và thành phố thông minh; đồng chí Nguyễn Văn Linh; quận 1 lần; "
            "tỷ lệ 12 ca; Hạ Long Xanh là dự án.")
    assert places(body, district_mentions(body), "quang-ninh") == []


def test_bare_name_only_when_the_issuing_province_has_it():
    body = "Qua Cảng hàng không Quốc tế Vân Đồn. Tại Châu Thành."
    mentions = district_mentions(body)
    assert [p.name for p in places(body, mentions, "quang-ninh")] == ["Vân Đồn"]
    assert places(body, mentions, "lang-son") == []  # and Châu Thành is a district of six provinces


def test_kind_word_finds_a_district_of_another_province():
    body = "Người về từ thành phố Hải Dương phải cách ly."
    found = places(body, district_mentions(body), "quang-ninh")
    assert [(p.name, p.kind, p.province) for p in found] == [("Hải Dương", "thành phố", "hai-duong")]


def test_places_come_with_the_gazetteer_clue_and_none_without_any():
    body = "Kiểm soát được dịch tại huyện Hữu Lũng và Chi Lăng."
    found = find_places(body, district_mentions(body), "lang-son")
    assert (found.clue.rule, found.clue.text, found.clue.confidence) == ("gazetteer", "Hữu Lũng, Chi Lăng", 0.8)
    assert find_places("Không có địa danh.", [], "lang-son") is None


# --- ambiguous abbreviations: trusted inside an organisation's name only --------------------------

def test_an_ambiguous_abbreviation_counts_inside_an_organisation_name():
    """"QN" is marked ambiguous in provinces_curated.yml: "Báo QN" names Quảng Ninh's newspaper."""
    from build_tools.extract.vocab import gazetteer

    assert gazetteer().abbreviations["QN"] == ("quang-ninh", True)
    decision = decide_for(document(recipients=["UBND các huyện, thị xã, thành phố;", "Báo QN, Đài PT-TH QN;"]))
    assert decision.value == "quang-ninh" and decision.clue.rule == "newspaper"
    assert decide_for(document(recipients=["Công an HP;", "Lưu: VT."])).value == "hai-phong"


def test_an_ambiguous_abbreviation_alone_or_after_other_words_is_never_read():
    for body in ("Nhiều ca mắc tại QN và HN trong tuần qua.", "Báo cáo tình hình dịch tại HN.",
                 "Báo cáo HN", "Theo QN, số ca tăng.", "Báo QNam đưa tin."):
        assert decide_for(document(body=[body])) is None, body
    assert decide_for(document(body=["Đài PT-TH tỉnh QN"])) is None  # a word between: not the name's end


def test_the_organisation_heads_are_read_from_the_data(monkeypatch):
    from build_tools.extract import province as module

    real = module.load_yaml
    module._abbreviated_organisation.cache_clear()
    monkeypatch.setattr(module, "load_yaml", lambda name: dict(real(name), organisation_heads={"Nhà máy": "company"})
                        if name == "place_context.yml" else real(name))
    try:
        assert [v.province for v in module.organisation_votes("Nhà máy QN; Báo HN")] == ["quang-ninh"]
    finally:
        module._abbreviated_organisation.cache_clear()


def test_unit_words_before_a_province_are_read_from_the_data(monkeypatch):
    from build_tools.extract import province as module

    assert [v.province for v in module.title_votes("về phòng dịch trên địa bàn tỉnh Quảng Ninh")] == ["quang-ninh"]
    assert [v.province for v in module.unit_name_votes("Tỉnh ủy Hà Tĩnh vừa ban hành")] == ["ha-tinh"]
    real = module.load_yaml
    module._unit_words.cache_clear()
    module._unit_word.cache_clear()
    monkeypatch.setattr(module, "load_yaml", lambda name: dict(real(name), province_unit_words=["miền"],
                                                                 province_committee_words=[])
                        if name == "place_context.yml" else real(name))
    try:
        assert module.title_votes("về phòng dịch trên địa bàn tỉnh Quảng Ninh") == []
        assert [v.province for v in module.title_votes("về phòng dịch tại miền Quảng Ninh")] == ["quang-ninh"]
        assert module.unit_name_votes("Tỉnh ủy Hà Tĩnh vừa ban hành") == []
    finally:
        module._unit_words.cache_clear()
        module._unit_word.cache_clear()


def test_the_unit_words_before_a_province_name_come_from_place_context_yml():
    from build_tools.data_files import load_yaml
    from build_tools.extract import vocab

    from ..support.data import data_changed

    data = gazetteer()
    assert data.lookup_name("tỉnh Quảng Ninh") == "quang-ninh" and data.lookup_name("TP.Hà Nội") == "ha-noi"
    with data_changed(load_yaml("place_context.yml"), "province_unit_words", ["xứ", "t.p."], vocab):
        assert data.lookup_name("xứ Quảng Ninh") == "quang-ninh" and data.lookup_name("T.P.Hà Nội") == "ha-noi"
        assert data.lookup_name("tỉnh Quảng Ninh") is None


def test_list_conjunctions_and_town_kinds_come_from_place_context_yml():
    from build_tools.data_files import load_yaml
    from build_tools.extract import province as module
    from build_tools.extract.province import place_votes

    from ..support.data import data_changed

    assert module._list_glue().fullmatch(" và ") and not module._list_glue().fullmatch(" cùng ")
    with data_changed(load_yaml("place_context.yml"), "list_conjunctions", ["cùng"], module):
        assert module._list_glue().fullmatch(" cùng ") and not module._list_glue().fullmatch(" và ")
    assert [v.province for v in place_votes("Hạ Long", "date-line")] == ["quang-ninh"]
    with data_changed(load_yaml("place_context.yml"), "town_district_kinds", ["quận"], module):
        assert place_votes("Hạ Long", "date-line") == []
