"""Deadlines: cues, hours, year-less dates, who is charged, the paragraph anchor."""
from build_tools.extract.deadlines import deadlines as find_deadlines

from .helpers import document


def deadlines(document_, year):
    """The deadlines found (the value of the Found), [] when there are none."""
    found = find_deadlines(document_, year)
    return found.value if found else []


def test_deadlines_come_with_their_clue_and_none_without_any():
    found = find_deadlines(document(body=["Giao Sở Y tế hoàn thành trước ngày 23/01/2022."]), 2022)
    assert [d.date for d in found.value] == ["2022-01-23"]
    assert (found.clue.rule, found.clue.text, found.clue.confidence) == ("deadline-cues", found.value[0].text, 0.85)
    assert find_deadlines(document(body=["Không có hạn nào."]), 2022) is None


def one(text, year=2021):
    (found,) = deadlines(document(body=[text]), year)
    return found


def test_forms():
    assert one("phấn đấu cơ bản hoàn thành trước ngày 23/01/2022.").date == "2022-01-23"
    assert one("Chậm nhất đến ngày 10/8/2021, hoàn thành xây dựng dữ liệu.").date == "2021-08-10"
    assert one("xong trước ngày 07/8/2021 và báo cáo cấp có thẩm quyền.").date == "2021-08-07"


def test_hour_and_lunar_date():
    found = one("báo cáo Ban Thường vụ Tỉnh ủy trước 15h ngày 09/02/2021 (ngày 28/12 Âm lịch) để xem xét.")
    assert (found.date, found.time, found.text) == ("2021-02-09", "15:00", "trước 15h ngày 09/02/2021")


def test_yearless_deadline_takes_the_notice_year():
    assert one("Giao Sở Y tế báo cáo trước ngày 10/12.", year=2021).date == "2021-12-10"


def test_who_after_giao_or_yeu_cau():
    assert one("Giao Giám đốc Sở Y tế chỉ đạo rà soát và báo cáo trước ngày 10/12/2021.").who == "Giám đốc Sở Y tế"
    assert one("yêu cầu người đứng đầu các cơ sở sản xuất, kinh doanh phải ký cam kết trước ngày 28/02/2021.").who == \
        "người đứng đầu các cơ sở sản xuất, kinh doanh"
    assert one("Đối với việc bắn pháo hoa, Ban cán sự đảng UBND tỉnh căn cứ tình hình, báo cáo trước 15h ngày "
               "09/02/2021.").who == "Ban cán sự đảng UBND tỉnh"
    assert one("Tổ chức tiêm vét, phấn đấu hoàn thành trước ngày 23/01/2022.").who is None


def test_anchor_and_task():
    found = deadlines(document(body=["Mở đầu.", "2. Giao Sở Y tế hoàn thành trước ngày 23/01/2022."]), 2022)[0]
    assert found.anchor == "muc-2" and found.task == "2. Giao Sở Y tế hoàn thành trước ngày 23/01/2022."


def test_dates_without_a_cue_are_not_deadlines():
    assert deadlines(document(body=["Ngày 01/12/2021, trong ngày 28/11 có 29 ca; từ ngày 01/12 đến 05/12."]), 2021) == []


# --- the period a measure is in force ---------------------------------------------------------

from build_tools.extract.deadlines import measure_period  # noqa: E402


def period(text, year=2021, issued="2021-07-15"):
    found = measure_period(text, year, issued)
    return (found.value.start, found.value.end, found.value.end_rule) if found else None


def test_start_and_duration_count_the_first_day():
    assert period("từ 0 giờ ngày 17/7/2021, trong 14 ngày") == ("2021-07-17", "2021-07-30", "duration")
    assert period("trong thời gian 2 tuần kể từ ngày 01/8/2021") == ("2021-08-01", "2021-08-14", "duration")


def test_end_written_in_the_ways_notices_write_it():
    assert period("đến hết ngày 22/8/2021") == (None, "2021-08-22", "date")
    assert period("từ 12 giờ ngày 19/7 đến 0 giờ ngày 2/8/2021") == ("2021-07-19", "2021-08-01", "date")
    assert period("từ 6 giờ ngày 23/8/2021 đến 24 giờ ngày 06/9/2021") == ("2021-08-23", "2021-09-06", "date")
    assert period("cho đến khi có thông báo mới") == (None, None, "until-further-notice")
    assert period("kể từ ngày ký") == ("2021-07-15", None, None)


def test_dates_without_a_period_cue_are_not_the_measures():
    assert period("theo Công văn số 12/UBND ngày 12/7/2021") is None
    assert period("hoàn thành trong 3 ngày") is None  # a duration without a start is a task's


def test_more_ways_of_writing_the_end():
    assert period("áp dụng tới hết ngày 15/8/2021") == (None, "2021-08-15", "date")
    assert period("kéo dài 14 ngày kể từ 0 giờ ngày 20/7/2021") == ("2021-07-20", "2021-08-02", "duration")
    assert period("cho tới khi có thông báo mới") == (None, None, "until-further-notice")
    assert period("từ ngày 17 tháng 7 năm 2021 đến hết ngày 31 tháng 7 năm 2021") == ("2021-07-17", "2021-07-31", "date")
    assert period("Chậm nhất đến ngày 10/8/2021, hoàn thành báo cáo") is None  # a task's deadline


def test_the_cues_and_the_assignment_words_are_read_from_deadlines_yml(monkeypatch):
    from build_tools.extract import deadlines as module

    text = "Giao Sở Y tế chủ trì, hoàn thành trước ngày 23/01/2022."
    assert [(d.date, d.who) for d in deadlines(document(body=[text]), 2022)] == [("2022-01-23", "Sở Y tế")]
    real = module.load_yaml
    module._rules.cache_clear()
    monkeypatch.setattr(module, "load_yaml", lambda name: dict(real(name), cue="han cuoi", cue_words=["han cuoi"],
                                                                 task_verbs=["chu tri", "lam"]))
    try:
        assert deadlines(document(body=[text]), 2022) == []  # "trước" is no longer a cue
        found = deadlines(document(body=["Giao Sở Y tế làm báo cáo, hạn cuối ngày 23/01/2022."]), 2022)
        assert [(d.date, d.who) for d in found] == [("2022-01-23", "Sở Y tế")]
    finally:
        module._rules.cache_clear()


def test_the_hour_assignment_and_organisation_words_come_from_deadlines_yml():
    from build_tools.data_files import load_yaml
    from build_tools.extract import deadlines as module

    from ..support.data import data_changed

    words = load_yaml("deadlines.yml")
    text = "Phân công Công ty Điện lực lập danh sách trước 9 tiếng ngày 10/12/2021."
    assert deadlines(document(body=[text]), 2021) == []  # "9 tiếng" is no hour: no date follows the cue
    with data_changed(words, "hour_words", "tieng", module):
        (found,) = deadlines(document(body=[text]), 2021)
        assert (found.who, found.time, found.date) == (None, "09:00", "2021-12-10")
        with data_changed(words, "assign_verbs", ["phan cong"], module):
            assert deadlines(document(body=[text]), 2021)[0].who == "Công ty Điện lực"
            with data_changed(words, "task_verbs", ["ra soat"], module):
                assert deadlines(document(body=[text]), 2021)[0].who == "Công ty Điện lực lập danh sách"
    with data_changed(words, "organisation_openers", ["cong ty"], module):
        who = deadlines(document(body=["Công ty Điện lực hoàn thành trước ngày 10/12/2021."]), 2021)[0].who
        assert who == "Công ty Điện lực"
    lowercase = "yêu cầu người đứng đầu các cơ sở phải ký cam kết trước ngày 28/02/2021."
    with data_changed(words, "assign_verbs", ["giao"], module):
        assert deadlines(document(body=[lowercase]), 2021)[0].who == "người đứng đầu các cơ sở"
        with data_changed(words, "lowercase_openers", ["cac "], module):
            assert deadlines(document(body=[lowercase]), 2021)[0].who is None


def test_through_word_of_a_measure_period_comes_from_deadlines_yml():
    from build_tools.data_files import load_yaml
    from build_tools.extract import deadlines as module

    from ..support.data import data_changed

    assert module._rules()["through_before"].search("den het ngay ")
    with data_changed(load_yaml("deadlines.yml"), "through_word", "tron", module):
        assert not module._rules()["through_before"].search("den het ngay ")
        assert module._rules()["through_before"].search("den tron ngay ")


def test_the_clue_of_a_period_read_by_rule_comes_from_deadlines_yml():
    from build_tools.data_files import load_yaml
    from build_tools.extract import deadlines as module
    from build_tools.extract.deadlines import measure_period

    from ..support.data import data_changed

    sentence = "Tạm dừng hoạt động kể từ ngày ký cho đến khi có thông báo mới."
    assert measure_period(sentence, 2021, "2021-07-05").clue.text == "kể từ ngày ký; cho đến khi có thông báo mới"
    clues = load_yaml("deadlines.yml")["period_clues"]
    with data_changed(clues, "from_signing", "từ khi ký", module), \
            data_changed(clues, "open_end", "đến khi có lệnh mới", module):
        assert measure_period(sentence, 2021, "2021-07-05").clue.text == "từ khi ký; đến khi có lệnh mới"
