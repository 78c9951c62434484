"""Issue 18j: the levels of the H indicators (H1, H2, H3, H6, H7, H8) read from word classes
(data/lexicon.yml: the kind of place, the group of people, the strength of the verb) by the
codebook's definitions. Sentences written for these tests, in other words than the fixture sets."""
import pytest

from build_tools.data_files import lexicon
from build_tools.extract.measures import measure_tags

from .helpers import document


def coded(text, province="lang-son", year=2021, issued="2021-07-15"):
    tags = measure_tags(document(body=text.split(" | ")), province, year, issued)
    levels = {}
    for record in (r for t in tags for r in t.records):
        if record.oxcgrt not in levels or (record.level or 0) > (levels[record.oxcgrt] or 0):
            levels[record.oxcgrt] = record.level
    return levels


def test_the_h_word_classes_exist():
    for name in ("urging_verbs", "caution_words", "campaign_verbs", "public_posting", "symptoms", "testing_criteria",
                 "residents", "testing_groups", "testing_stopped", "tracing_verbs", "mask_everywhere",
                 "mask_with_others", "mask_public_all", "mask_places", "mask_roles", "mask_activities",
                 "frontline_workers", "workforce_groups", "beyond_priority", "vaccination_status", "visitors",
                 "visits", "care_homes"):
        assert name in lexicon(), name


# --- H1: officials urging caution (1) against a coordinated campaign (2) -------------------------

@pytest.mark.parametrize("text, level", [
    ("Lãnh đạo tỉnh kêu gọi nhân dân đoàn kết, bình tĩnh, chung tay cùng chính quyền phòng dịch.", 1),
    ("Đề nghị bà con không hoang mang, tiếp tục thực hiện tốt thông điệp 5K.", 1),
    # whatever stands between the verb and the caution
    ("Tổ trưởng tổ dân phố đến từng hộ nhắc nhở bà con rửa tay, đeo khẩu trang, không được lơ là.", 1),
    ("Vận động nhân dân nâng cao tinh thần cảnh giác với dịch bệnh.", 1),
    # the public told not to post on a channel: the channel is not the authority's campaign
    ("Khuyến cáo người dân không tin theo, không chia sẻ tin chưa được kiểm chứng trên Zalo, Facebook.", 1),
    # the authority's own channels: a campaign
    ("Tổ chức tuyên truyền lưu động bằng xe loa tại các thôn, bản về phòng, chống dịch.", 2),
    ("Khuyến cáo người dân phòng dịch qua hệ thống loa truyền thanh của các xã.", 2),
    ("Gửi tin nhắn đến tất cả thuê bao trên địa bàn nhắc người dân khai báo y tế.", 2),
    ("Tổ chức họp báo hằng tuần để cung cấp thông tin về tình hình dịch cho báo chí.", 2),
    ("Các đài truyền thanh xã tăng cường thông tin về biện pháp phòng, chống dịch.", 2),
    ("Phát hành 20.000 tờ gấp hướng dẫn cách ly tại nhà.", 2),
])
def test_h1_urging_against_campaign(text, level):
    assert coded(text)["H1"] == level


@pytest.mark.parametrize("text", [
    "Sở Văn hóa chủ trì tổng kết công tác tuyên truyền phòng, chống dịch năm 2021.",
    "Các cơ quan tiếp tục quán triệt, phổ biến nội dung Chỉ thị số 05/CT-UBND đến cán bộ, công chức.",
])
def test_h1_a_review_or_a_document_passed_to_officials_is_no_campaign(text):
    assert "H1" not in coded(text)


# --- H2: who has access to a test ------------------------------------------------------------

@pytest.mark.parametrize("text, level", [
    # symptoms AND a criterion of the same person, either order
    ("Người về từ thành phố Hồ Chí Minh có biểu hiện sốt, ho thì được xét nghiệm RT-PCR.", 1),
    ("Chỉ xét nghiệm những người có triệu chứng và đã đến các địa điểm có ca bệnh.", 1),
    ("Người đi về từ tỉnh có dịch phải tự theo dõi sức khỏe, khai báo với trạm y tế và xét nghiệm khi có dấu hiệu ho, sốt.", 1),
    # two groups, not one person with both
    ("Xét nghiệm cho người có triệu chứng sốt, ho và người tiếp xúc gần với ca bệnh.", 2),
    # only the ill, even "in the community"
    ("Lấy mẫu cho mọi trường hợp có biểu hiện sốt, ho, khó thở trong cộng đồng.", 2),
    # a named group, tested at random or in full
    ("Công nhân các khu công nghiệp được test nhanh ngẫu nhiên hằng tuần.", 2),
    ("Xét nghiệm định kỳ cho người bán hàng tại các chợ.", 2),
    ("Lấy mẫu xét nghiệm cho toàn bộ hành khách đi tàu từ vùng dịch về.", 2),
    # stopping mass testing leaves the ill and named groups
    ("Ngừng xét nghiệm sàng lọc trong cộng đồng; chỉ xét nghiệm người có triệu chứng.", 2),
    # every resident of an area, screening, on demand, without symptoms
    ("Xét nghiệm cho toàn bộ cư dân chung cư Hòa Bình.", 3),
    ("Lấy mẫu cho tất cả nhân khẩu trong thôn Bản Chắt.", 3),
    ("Tổ chức xét nghiệm cho tất cả những người sinh sống trong khu vực phong tỏa.", 3),
    ("Tổ chức xét nghiệm nhanh miễn phí cho mọi người dân có nhu cầu.", 3),
    ("Triển khai các điểm xét nghiệm lưu động cho người dân không có triệu chứng.", 3),
])
def test_h2_levels(text, level):
    assert coded(text)["H2"] == level


def test_h2_a_test_paper_shown_or_no_longer_needed_is_not_testing():
    assert "H2" not in coded("Người vào tỉnh bằng ô tô cá nhân không phải xuất trình giấy xét nghiệm.")
    assert "H2" not in coded("Lái xe phải xuất trình kết quả xét nghiệm khi qua chốt.")


# --- H3: comprehensive (2) or limited (1) tracing ---------------------------------------------

@pytest.mark.parametrize("text, level", [
    ("Chỉ điều tra dịch tễ đối với ca mắc tại bệnh viện và trường học.", 1),
    ("Không thực hiện điều tra dịch tễ đối với các ca mắc điều trị tại nhà.", 1),
    ("Yêu cầu F0 tự thông báo cho những người đã tiếp xúc để tự theo dõi sức khỏe.", 1),
    ("Các địa phương truy vết triệt để mọi trường hợp tiếp xúc với ca bệnh trong vòng 24 giờ.", 2),
    ("Lập danh sách các trường hợp F1, F2 để theo dõi sức khỏe.", 2),
])
def test_h3_levels(text, level):
    assert coded(text)["H3"] == level


def test_h3_tracing_described_as_slow_is_an_assessment():
    assert "H3" not in coded("Công tác truy vết còn chậm, chưa đáp ứng yêu cầu.")


def test_h3_a_perimeter_drawn_around_an_outbreak_is_no_tracing():
    assert "H3" not in coded("Phối hợp với ngành y tế khoanh vùng, lấy mẫu xét nghiệm cho công nhân của xưởng.")
    assert coded("Truy vết, khoanh vùng ổ dịch trong 24 giờ.")["H3"] == 2


# --- H6: where a mask is required ----------------------------------------------------------------

@pytest.mark.parametrize("text, level", [
    # advised, or lifted in words of its own
    ("Người dân nên mang khẩu trang khi tới nơi đông người.", 1),
    ("Bỏ quy định phải đeo khẩu trang ngoài trời.", 1),
    # everywhere outside the home
    ("Người dân phải đeo khẩu trang khi rời khỏi nơi cư trú.", 4),
    ("Luôn mang khẩu trang mỗi khi ra đường.", 4),
    ("Mọi người dân phải đeo khẩu trang mọi lúc, mọi nơi.", 4),
    ("Người dân được ra ngoài tập thể dục buổi sáng nhưng phải đeo khẩu trang.", 4),
    # with other people present: every shared space, not "at all times"
    ("Bắt buộc đeo khẩu trang khi giao tiếp với người khác ngoài nơi ở.", 3),
    # every public space, whatever else is named
    ("Bắt buộc đeo khẩu trang tại mọi nơi công cộng, kể cả chợ và bến xe.", 3),
    ("Yêu cầu người dân đeo khẩu trang đúng cách.", 3),
    # named kinds of places, roles, activities
    ("Học sinh phải đeo khẩu trang trong lớp học.", 2),
    ("Khách đến giao dịch tại quầy của ngân hàng phải mang khẩu trang.", 2),
    ("Thí sinh đeo khẩu trang trong suốt thời gian ở phòng thi.", 2),
    ("Hành khách trên các chuyến bay phải đeo khẩu trang.", 2),
    ("Shipper phải đeo khẩu trang khi giao hàng.", 2),
    # a reopening with masks as its condition: the masks are imposed, not relaxed
    ("Nhà hàng được phục vụ tại chỗ trở lại, nhân viên phục vụ phải đeo khẩu trang.", 2),
    ("Chợ dân sinh hoạt động lại, tiểu thương phải đeo khẩu trang, tấm chắn giọt bắn.", 2),
])
def test_h6_levels(text, level):
    assert coded(text)["H6"] == level


def test_h6_a_rate_of_mask_wearing_is_a_statistic():
    assert "H6" not in coded("Tỷ lệ người dân đeo khẩu trang khi ra đường còn thấp.")


# --- H7: who can be vaccinated ------------------------------------------------------------------

@pytest.mark.parametrize("text, level", [
    ("Ưu tiên tiêm cho phụ nữ mang thai.", 1),
    ("Tiêm vắc xin cho lực lượng làm nhiệm vụ tại các chốt kiểm dịch.", 1),
    ("Phân bổ vắc xin cho bác sĩ, điều dưỡng và người trên 65 tuổi.", 1),
    ("Tiêm cho người trên 60 tuổi và người có bệnh lý nền.", 2),
    ("Tiêm cho người già, người có bệnh mãn tính và các lực lượng tuyến đầu.", 3),
    # the three groups and a broad group of workers; or beyond the priority groups
    ("Tiêm cho nhân viên y tế, người cao tuổi, người có bệnh nền và người lao động các doanh nghiệp.", 4),
    ("Sau khi hoàn thành tiêm cho các nhóm ưu tiên, mở rộng tiêm cho tiểu thương các chợ.", 4),
    # universal: ages, boosters, sweep-up
    ("Tổ chức tiêm vắc xin cho trẻ từ 12 đến 17 tuổi.", 5),
    ("Tiêm bổ sung cho những người chưa được tiêm.", 5),
    ("Phấn đấu bảo đảm 95% người từ 18 tuổi trở lên được tiêm ít nhất một mũi.", 5),
    ("Tổ chức tiêm tại nhà cho người cao tuổi không đi lại được.", 1),
    # a priority given to another group (the people of some communes) is not universal
    ("Ưu tiên tiêm cho người dân các xã vùng cao.", 1),
    ("Tiêm vắc xin phòng COVID-19 trên địa bàn toàn tỉnh.", 5),
])
def test_h7_levels(text, level):
    assert coded(text)["H7"] == level


@pytest.mark.parametrize("text", [
    # a vaccination status required of someone
    "Nhân viên các cửa hàng phải tiêm đủ 2 mũi vắc xin mới được làm việc.",
    # a campaign about vaccination (H1)
    "Đẩy mạnh truyền thông trên mạng xã hội về lợi ích của vắc xin phòng COVID-19.",
])
def test_h7_a_status_or_a_campaign_organises_no_vaccination(text):
    assert "H7" not in coded(text)


def test_h7_a_campaign_aimed_at_priority_groups_still_names_who_is_vaccinated():
    assert coded("Tuyên truyền, vận động người cao tuổi, người có bệnh nền đi tiêm vắc xin.")["H7"] == 2


# --- H8: protection of the elderly ---------------------------------------------------------------

@pytest.mark.parametrize("text, level", [
    ("Khuyến cáo con cháu hạn chế đến thăm ông bà cao tuổi.", 1),
    ("Hạn chế người nhà vào thăm bệnh nhân cao tuổi tại bệnh viện.", 2),
    ("Đề nghị các hộ gia đình có người già hạn chế tiếp khách.", 1),
    # narrow: visits limited in number, length or by conditions
    ("Mỗi cụ tại trung tâm dưỡng lão chỉ được hai người thân đến thăm mỗi tháng.", 2),
    ("Người vào thăm tại cơ sở dưỡng lão phải khai báo y tế, đo thân nhiệt.", 2),
    ("Các nhà dưỡng lão giới hạn việc thăm gặp.", 2),
    ("Con cháu đến thăm cụ tại viện dưỡng lão chỉ được nói chuyện qua vách kính.", 2),
    ("Các cơ sở bảo trợ được đón người thân đến thăm trở lại, mỗi lượt thăm không quá 20 phút.", 2),
    # extensive: no visitors, the elderly kept home
    ("Người lạ không được vào các trung tâm bảo trợ xã hội.", 3),
    ("Các cơ sở dưỡng lão dừng tiếp nhận người thăm đến khi có thông báo mới.", 3),
    ("Đối với người từ 65 tuổi trở lên, người có bệnh nền: không ra khỏi nhà trừ khi đi khám bệnh.", 3),
    # visits allowed again with no limit
    ("Các cơ sở bảo trợ xã hội được đón người thân vào thăm trở lại bình thường.", 0),
])
def test_h8_levels(text, level):
    assert coded(text)["H8"] == level


def test_h8_the_elderly_told_to_stay_in_after_a_topic_or_a_place_are_not_the_population_c6():
    assert "C6" not in coded("Đối với người cao tuổi trên địa bàn tỉnh: không ra khỏi nhà.")
    assert "C6" not in coded("Tại huyện Chi Lăng, người trên 70 tuổi không được ra khỏi nhà.")
    assert coded("Người dân không được ra khỏi nhà.")["C6"] == 3


# --- words that only look like the classes (found on the Công báo corpus) -----------------------

@pytest.mark.parametrize("text, indicator", [
    ("Tăng cường, mở rộng tiềm lực đối ngoại quốc phòng, an ninh.", "H7"),  # "tiềm" folds like "tiêm"
    ("Trường hợp bảo hiểm xã hội không thực hiện thì phải bồi thường thiệt hại.", "H1"),  # not "họp báo"
    ("Số thuê bao di động là tổng số thuê bao phát sinh lưu lượng thoại, tin nhắn.", "H1"),
    ("Không được sử dụng người lao động cao tuổi làm công việc nặng nhọc.", "H8"),
])
def test_words_that_only_look_like_the_h_classes(text, indicator):
    assert indicator not in coded(text)


def test_h7_vaccination_for_groups_with_words_between_is_a_programme_despite_a_campaign_clause():
    text = ("Đẩy nhanh tiến độ tiêm vắc xin phòng COVID-19 cho các đối tượng theo kế hoạch; "
            "rà soát người chưa tiêm để tuyên truyền, vận động.")
    assert coded(text)["H7"] == 5
