"""Measure tags: orders only, evidence kept, passing mentions and assessments ignored."""
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
