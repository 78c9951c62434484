"""Measure tags: orders only, evidence kept, passing mentions and assessments ignored."""
from dataclasses import replace

from build_tools.extract.measures import is_instruction, measure_tags
from build_tools.extract.textutil import fold
from build_tools.extract.vocab import measures

from .helpers import document


def codes(doc):
    return {tag.code for tag in measure_tags(doc)}


def test_taxonomy_is_well_formed():
    rules = measures().rules
    assert len({r.code for r in rules}) == len(rules)
    allowed = {f"C{i}" for i in range(1, 9)} | {"E1", "E2"} | {f"H{i}" for i in range(1, 9)} | {f"V{i}" for i in range(1, 5)}
    assert all(r.oxcgrt is None or r.oxcgrt in allowed for r in rules)
    for code in ("message-5k", "four-on-the-spot", "community-covid-team", "medical-declaration",
                 "f0-home-treatment", "checkpoints", "distancing-ct15", "distancing-ct16", "distancing-ct19",
                 "vaccine-pass", "support-nq68"):
        assert code in measures().codes


def test_orders_are_tagged_with_their_sentence_and_anchor():
    doc = document(body=["Kết luận như sau:", "1. Tiếp tục triển khai thực hiện thông điệp 5K và phương châm 4 tại chỗ."])
    tags = {t.code: t for t in measure_tags(doc)}
    assert {"message-5k", "four-on-the-spot"} <= set(tags)
    assert tags["message-5k"].evidence[0].anchor == "muc-1"
    assert tags["message-5k"].oxcgrt is None and measures().codes["vaccination"].oxcgrt == "H7"


def test_passing_mentions_are_not_measures():
    assert "health-capacity" not in codes(document(body=["Tăng cường phòng dịch vì chưa có thuốc điều trị đặc hiệu."]))
    assert "public-information" not in codes(document(body=["Phát huy truyền thống đoàn kết của Nhân dân."]))


def test_context_before_the_conclusions_is_not_an_order():
    doc = document(body=["Trong tuần qua, Thường trực Tỉnh ủy tiếp tục củng cố các tổ COVID-19 cộng đồng.",
                         "Thường trực Tỉnh ủy thống nhất. Trong đó lưu ý:", "1. Tăng cường xét nghiệm sàng lọc."])
    assert codes(doc) == {"testing"}


def test_assessment_sections_and_praise_are_skipped():
    doc = document(body=["kết luận như sau:", "1. Đánh giá chung",
                         "Ghi nhận sự tham gia có hiệu quả của Tổ COVID cộng đồng.",
                         "2. Nhiệm vụ trọng tâm", "Yêu cầu đeo khẩu trang nơi công cộng."])
    assert codes(doc) == {"facial-coverings"}
    praise = document(body=["I. Ghi nhận và đánh giá cao. Các đơn vị đã tích cực truy vết thần tốc."])
    assert "contact-tracing" not in codes(praise)


def test_problems_described_are_not_orders():
    doc = document(body=["Có biểu hiện chủ quan như: không đeo khẩu trang, tụ tập đông người trái quy định, "
                         "không khai báo y tế, khai báo không trung thực."])
    assert codes(doc) == set()


def test_directive_distancing_and_support():
    doc = document(body=["Yêu cầu thực hiện giãn cách xã hội theo Chỉ thị số 16/CT-TTg trên địa bàn huyện.",
                         "Khẩn trương hỗ trợ người lao động theo Nghị quyết số 68/NQ-CP."])
    assert {"distancing-ct16", "support-nq68", "income-support", "social-distancing"} <= codes(doc)


def test_instruction_cues():
    assert is_instruction(fold("Tăng cường kiểm tra, giám sát."))
    assert not is_instruction(fold("Đánh giá cao sự cố gắng của ngành y tế."))
    assert not is_instruction(fold("Số ca mắc mới giảm."))


def test_the_words_that_narrate_and_open_conclusions_come_from_measures_yml():
    from build_tools.data_files import load_rules
    from build_tools.extract import measures as module

    from ..support.data import data_changed

    words = load_rules("measures.yml")["instruction"]
    assert module._narrated("da phong toa khu", 3) and not module._narrated("moi phong toa khu", 4)
    sentence = "cac co so da chu dong tam dung hoat dong"
    assert module._narrated(sentence, 12, len(sentence))
    narrated = dict(words["narrated"], markers=["mới"])
    with data_changed(words, "narrated", narrated, module):
        assert module._narrated("moi phong toa khu", 4) and not module._narrated("da phong toa khu", 3)
    with data_changed(words, "narrated", dict(words["narrated"], verbs=["đóng cửa"]), module):
        assert not module._narrated(sentence, 12, len(sentence))
    body = ["Ý kiến như sau:", "1. Tiếp tục thực hiện thông điệp 5K."]
    assert module._directive_start(document(body=body).blocks) == 1
    with data_changed(words, "conclusions_opening", r"ket luan\s*:\s*$", module):
        assert module._directive_start(document(body=body).blocks) == 0
    assert module._legal_basis_opener() == "can cu"
    with data_changed(words, "legal_basis_opener", "Theo", module):
        assert module._legal_basis_opener() == "theo"


# --- notice-level assembly (issue 18, branch 18g): what a sentence inherits from the notice --------


def _records(body, province="lang-son", issued="2021-07-15"):
    tags = measure_tags(document(body=body), province, int(issued[:4]), issued)
    return {(r.oxcgrt, r.evidence.anchor): r for t in tags for r in t.records}


def test_the_notice_effective_clause_dates_every_measure_that_states_none_before_or_after_it():
    records = _records(["Ủy ban nhân dân tỉnh yêu cầu:",
                        "1. Dừng hoạt động các quán karaoke, vũ trường trên địa bàn tỉnh.",
                        "2. Học sinh mầm non nghỉ học từ ngày 20/7/2021.",
                        "3. Văn bản này có hiệu lực kể từ ngày ký cho đến khi có thông báo mới."])
    karaoke, school = records[("C2", "muc-1")], records[("C1", "muc-2")]
    assert (karaoke.start, karaoke.end_rule) == ("2021-07-15", "until-further-notice")
    assert (school.start, school.end_rule) == ("2021-07-20", "until-further-notice")  # its own start wins


def test_an_effective_clause_with_a_date_starts_the_measures_on_that_date():
    records = _records(["Chủ tịch UBND tỉnh chỉ thị:", "1. Cấm tụ tập trên 20 người tại nơi công cộng.",
                        "2. Chỉ thị này có hiệu lực thi hành từ 12 giờ ngày 18/7/2021."])
    assert records[("C4", "muc-1")].start == "2021-07-18"


def test_a_heading_without_colon_lends_its_places_and_period_to_its_items():
    doc = document(body=["Ủy ban nhân dân tỉnh yêu cầu:",
                         "I. TẠI HUYỆN CAO LỘC (từ 0 giờ ngày 02/8/2021 đến hết ngày 10/8/2021)",
                         "1. Đóng cửa các cơ sở kinh doanh dịch vụ không thiết yếu.",
                         "II. TRÊN PHẠM VI TOÀN TỈNH", "1. Bắt buộc đeo khẩu trang nơi công cộng."])
    for index, level, anchor in ((1, 1, "muc-i"), (2, 2, "muc-i-1"), (3, 1, "muc-ii"), (4, 2, "muc-ii-1")):
        doc.blocks[index] = replace(doc.blocks[index], kind="item", level=level, anchor=anchor)  # as clean/ numbers them
    records = {r.oxcgrt: r for t in measure_tags(doc, "lang-son", 2021, "2021-07-30") for r in t.records}
    closed, masks = records["C2"], records["H6"]
    assert closed.scope == "targeted" and [p.name for p in closed.places] == ["Cao Lộc"]
    assert (closed.start, closed.end) == ("2021-08-02", "2021-08-10")
    assert masks.scope == "general" and masks.start is None


def test_a_lead_in_start_and_an_item_end_make_one_period():
    records = _records(["Từ 0 giờ ngày 05/8/2021, trên địa bàn huyện Chi Lăng:",
                        "- Tạm dừng hoạt động các chợ dân sinh đến hết ngày 12/8/2021."])
    market = next(r for (code, _), r in records.items() if code == "C2")
    assert (market.start, market.end) == ("2021-08-05", "2021-08-12")


def test_a_lift_verb_inside_a_place_name_lifts_nothing():
    # "Yên Dũng" folds to "yen dung", which holds the word "dừng" (stop): the regime is imposed
    records = _records(["Áp dụng giãn cách xã hội theo Chỉ thị 16/CT-TTg tại huyện Yên Dũng từ ngày 20/5/2021."],
                       province="bac-giang", issued="2021-05-19")
    assert records[("C6", "doan-1")].level == 2 and records[("C7", "doan-1")].level == 2


def test_a_switch_from_one_directive_to_another_lifts_what_the_second_does_not_hold():
    records = _records(["Thị trấn Đồng Đăng dừng áp dụng Chỉ thị 16/CT-TTg, chuyển sang giãn cách theo Chỉ thị "
                        "15/CT-TTg từ ngày 01/9/2021."], issued="2021-08-30")
    levels = {code: (r.level, r.direction) for (code, _), r in records.items()}
    assert levels["C4"][0] == 4 and levels["C2"][0] == 2  # Chỉ thị 15's
    assert levels["C6"] == (0, "relax") and levels["C7"] == (0, "relax")  # Chỉ thị 16's, lifted


def test_more_days_without_a_date_continue_the_measure_they_extend():
    records = _records(["Huyện Lộc Bình tiếp tục thực hiện giãn cách xã hội theo Chỉ thị 16/CT-TTg thêm 10 ngày."])
    stay = records[("C6", "doan-1")]
    assert (stay.end_rule, stay.extends_days, stay.start, stay.end) == ("extension", 10, None, None)
    dated = _records(["Kéo dài giãn cách theo Chỉ thị 16/CT-TTg tại huyện Lộc Bình thêm 2 tuần, từ ngày 01/8/2021."])
    assert dated[("C6", "doan-1")].end == "2021-08-14" and dated[("C6", "doan-1")].extends_days is None


def test_a_parent_item_lends_its_places_and_period_even_when_it_ends_a_sentence():
    doc = document(body=["Chủ tịch UBND tỉnh kết luận:",
                         "2. Biện pháp tại huyện Văn Quan. Thời gian áp dụng: từ ngày 06/9/2021 đến hết ngày 19/9/2021.",
                         "a) Dừng hoạt động xe khách nội tỉnh."])
    doc.blocks[2] = replace(doc.blocks[2], kind="item", level=2, anchor="muc-2-a")
    bus = next(r for t in measure_tags(doc, "lang-son", 2021, "2021-09-04") for r in t.records if r.oxcgrt == "C5")
    assert [p.name for p in bus.places] == ["Văn Quan"] and (bus.start, bus.end) == ("2021-09-06", "2021-09-19")


def test_a_date_told_before_the_sentence_that_opens_the_items_is_not_their_period():
    records = _records(["Từ ngày 10/7/2021 đến nay, huyện Tràng Định ghi nhận 12 ca mắc. Chủ tịch UBND tỉnh yêu cầu:",
                        "- Không tụ tập quá 5 người tại nơi công cộng."])
    gathering = next(r for (code, _), r in records.items() if code == "C4")
    assert gathering.start is None and gathering.scope == "general"


def test_more_days_of_a_person_s_stay_are_no_continuation_of_a_policy():
    records = _records(["Người về từ vùng có dịch phải cách ly tập trung, sau đó tự theo dõi sức khỏe tại nhà thêm 7 ngày."])
    assert all(r.end_rule != "extension" for r in records.values())


def test_the_words_of_a_continuation_come_from_notice_periods_yml():
    from build_tools.data_files import load_yaml
    from build_tools.extract import measures as module

    from ..support.data import data_changed

    sentence = "Huyện Lộc Bình duy trì giãn cách xã hội theo Chỉ thị 16/CT-TTg thêm 10 ngày."
    assert all(r.end_rule != "extension" for r in _records([sentence]).values())
    pattern = load_yaml("notice_periods.yml")["extension"].replace("tiep tuc|", "duy tri|tiep tuc|")
    with data_changed(load_yaml("notice_periods.yml"), "extension", pattern, module):
        assert {r.extends_days for r in _records([sentence]).values()} == {10}


def test_a_heading_lends_its_places_to_the_paragraphs_under_it_until_the_next_heading():
    doc = document(body=["CÁC BIỆN PHÁP TẠI HUYỆN BẮC SƠN", "Dừng hoạt động các quán karaoke, vũ trường, quán bar.",
                         "Không tụ tập quá 10 người tại nơi công cộng.",
                         "TRÊN ĐỊA BÀN TOÀN TỈNH", "Bắt buộc đeo khẩu trang nơi công cộng."])
    for index in (0, 3):
        doc.blocks[index] = replace(doc.blocks[index], kind="heading")  # as clean/ reads a short line in capitals
    records = {r.oxcgrt: r for t in measure_tags(doc, "lang-son", 2021, "2021-07-30") for r in t.records}
    assert [p.name for p in records["C2"].places] == ["Bắc Sơn"] and [p.name for p in records["C4"].places] == ["Bắc Sơn"]
    assert records["H6"].scope == "general"


def test_items_under_a_lead_in_that_orders_them_take_its_verb():
    # (18k) "Tạm dừng các hoạt động sau: - <object>": an item naming only its object is ordered by the lead-in
    records = _records(["Dừng các hoạt động sau trên địa bàn huyện Văn Lãng từ ngày 04/8/2021:",
                        "1. Các tuyến xe khách nội tỉnh;", "2. Các giải thi đấu thể thao phong trào."],
                       issued="2021-08-03")
    levels = {code: r.level for (code, _), r in records.items()}
    assert levels.get("C5") == 2 and levels.get("C3") == 2
    assert records[("C5", "muc-1")].places[0].name == "Văn Lãng" and records[("C5", "muc-1")].start == "2021-08-04"
    assert "C5" not in {code for code, _ in _records(["Các sở, ngành thực hiện các nội dung sau:",
                                                       "1. Các tuyến xe khách nội tỉnh;"])}
