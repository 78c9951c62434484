"""The province-day dataset: replacement, end dates, flags, notice ids, OxCGRT's layout."""
import csv
import datetime as dt
import io

from build_tools.model import Evidence, Measure, MeasurePlace
from build_tools.publish.province_days import NoticeMeasures, header, notice_measures, province_days, to_csv


def measure(indicator, level, start=None, end=None, places=(), scope=None):
    return Measure(oxcgrt=indicator, level=level, scope=scope or ("targeted" if places else "general"),
                   places=tuple(MeasurePlace(p, "huyện", "lang-son") for p in places), start=start, end=end,
                   evidence=Evidence("…", "doan-1"))


def notice(notice_id, issued, *measures, province="lang-son"):
    return NoticeMeasures(notice_id, province, "Lạng Sơn", "20", issued, tuple(measures))


def by_date(days, indicator):
    return {d.date.isoformat(): d.cells[indicator] for d in days}


def test_later_general_replaces_earlier_and_end_dates_end():
    days = list(province_days([
        notice("a", "2021-07-15", measure("C6", 2, "2021-07-17", "2021-07-30")),
        notice("b", "2021-07-19", measure("C6", 3, "2021-07-20", places=["Hữu Lũng"])),
        notice("c", "2021-08-01", measure("C6", 1, "2021-08-02")),
    ], last=dt.date(2021, 8, 3)))
    c6 = by_date(days, "C6")
    assert c6["2021-07-17"].level == 2 and c6["2021-07-17"].general and c6["2021-07-17"].notice_id == "a"
    assert c6["2021-07-20"].level == 3 and not c6["2021-07-20"].general and c6["2021-07-20"].notice_id == "b"
    assert c6["2021-08-01"].level == 3  # the targeted measure has no end: still in force
    assert c6["2021-08-02"].level == 1 and c6["2021-08-02"].notice_id == "c"  # a general one replaces it
    assert by_date(days, "C1")["2021-07-17"].level is None  # never set: unknown, not 0


def test_an_ended_measure_leaves_zero_and_targeted_replaces_same_place_only():
    days = list(province_days([
        notice("a", "2021-07-01", measure("C4", 4, "2021-07-01", "2021-07-03")),
        notice("b", "2021-07-01", measure("C2", 3, "2021-07-01", places=["Chi Lăng"]),
               measure("C2", 2, "2021-07-01", places=["Cao Lộc"])),
        notice("c", "2021-07-02", measure("C2", 1, "2021-07-02", places=["Chi Lăng"])),
    ], last=dt.date(2021, 7, 4)))
    assert by_date(days, "C4")["2021-07-04"].level == 0
    c2 = by_date(days, "C2")
    assert (c2["2021-07-01"].level, c2["2021-07-01"].notice_id) == (3, "b")
    assert (c2["2021-07-02"].level, c2["2021-07-02"].notice_id) == (2, "b")  # Cao Lộc still closed


def test_start_defaults_to_the_notice_date_and_levels_without_value_are_skipped():
    days = list(province_days([notice("a", "2021-07-10", measure("H6", 3), measure("H4", None))]))
    assert [d.date.isoformat() for d in days] == ["2021-07-10"]
    assert days[0].cells["H6"].level == 3 and "H4" not in days[0].cells


def test_csv_uses_oxcgrt_columns():
    text = to_csv(province_days([notice("a", "2021-07-17", measure("C6", 2, "2021-07-17", "2021-07-18"))]))
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {"CountryCode", "RegionName", "RegionCode", "Jurisdiction", "Date", "C6M_Stay at home requirements",
            "C6M_Flag", "C6M_Notice", "C8EV_International travel controls", "H6M_Facial Coverings"} <= set(rows[0])
    assert "C8EV_Flag" not in header()
    first = rows[0]
    assert (first["CountryCode"], first["RegionName"], first["RegionCode"], first["Jurisdiction"], first["Date"]) == \
        ("VNM", "Lạng Sơn", "VN_20", "STATE_TOTAL", "20210717")
    assert (first["C6M_Stay at home requirements"], first["C6M_Flag"], first["C6M_Notice"]) == ("2", "1", "a")
    assert first["C1M_School closing"] == "" and first["C1M_Flag"] == ""



def extension(indicator, level, days, places=()):
    return Measure(oxcgrt=indicator, level=level, scope="targeted" if places else "general",
                   places=tuple(MeasurePlace(p, "huyện", "bac-giang") for p in places), start=None, end=None,
                   evidence=Evidence("…", "doan-1"), end_rule="extension", extends_days=days)


def test_more_days_continue_from_the_end_of_the_measure_they_extend():
    days = list(province_days([
        notice("a", "2021-05-17", measure("C6", 2, "2021-05-18", "2021-05-31", places=["Việt Yên", "Yên Dũng"])),
        notice("b", "2021-05-30", extension("C6", 2, 7, places=["Việt Yên"])),
    ], last=dt.date(2021, 6, 10)))
    c6 = by_date(days, "C6")
    assert (c6["2021-05-31"].level, c6["2021-05-31"].notice_id) == (2, "a")
    assert (c6["2021-06-01"].level, c6["2021-06-01"].general, c6["2021-06-01"].notice_id) == (2, False, "b")
    assert c6["2021-06-07"].level == 2 and c6["2021-06-08"].level == 0  # seven days after 31 May


def test_an_extension_with_nothing_to_continue_counts_from_its_notice_date():
    days = list(province_days([notice("b", "2021-06-03", extension("C4", 4, 3))], last=dt.date(2021, 6, 7)))
    c4 = by_date(days, "C4")
    assert [c4[d].level for d in ("2021-06-03", "2021-06-05", "2021-06-06")] == [4, 4, 0]
    assert list(province_days([notice("c", None, extension("C4", 4, 3))])) == []  # no date anywhere: not placed


def test_a_targeted_relaxation_leaves_the_general_measure_elsewhere():
    days = list(province_days([
        notice("a", "2021-07-01", measure("C1", 3, "2021-07-01")),
        notice("b", "2021-07-10", measure("C1", 1, "2021-07-10", places=["Đình Lập"])),
    ], last=dt.date(2021, 7, 12)))
    c1 = by_date(days, "C1")["2021-07-11"]
    assert (c1.level, c1.general, c1.notice_id) == (3, True, "a")


def test_every_province_runs_to_the_last_day_the_archive_speaks_of():
    days = list(province_days([
        notice("a", "2021-07-01", measure("C6", 2, "2021-07-01")),
        notice("b", "2021-07-20", measure("H6", 3, "2021-07-20"), province="cao-bang"),
    ]))
    lang_son = [d for d in days if d.province == "lang-son"]
    assert lang_son[-1].date == dt.date(2021, 7, 20) and lang_son[-1].cells["C6"].level == 2  # until further notice
    assert min(d.date for d in days if d.province == "cao-bang") == dt.date(2021, 7, 20)

def test_records_from_dataset_dicts():
    record = {"id": "x", "issued_date": "2021-07-01", "province": {"code": "lang-son", "name": "Lạng Sơn", "gso": "20"},
              "measures": [{"code": "gatherings", "records": [
                  {"oxcgrt": "C4", "level": 4, "scope": "targeted", "start": None, "end": None,
                   "places": [{"name": "Chi Lăng", "kind": "huyện", "province": "lang-son", "in_gazetteer": True}],
                   "evidence": {"text": "…", "anchor": "doan-2"}}]}]}
    found = notice_measures(record)
    assert found.measures[0].places[0].name == "Chi Lăng" and found.issued == "2021-07-01"
    assert notice_measures({"id": "y", "province": None, "measures": []}) is None


def test_typed_records_read_like_dicts():
    from types import SimpleNamespace
    from build_tools.model import MeasureTag, Province
    tag = MeasureTag("stay-at-home", "…", "C6", (), records=(measure("C6", 2, "2021-07-17"),))
    record = SimpleNamespace(id="t", province=Province("lang-son", "Lạng Sơn", "20"), issued_date="2021-07-15",
                             meeting_date=None, measures=(tag,))
    found = notice_measures(record)
    assert (found.province, found.gso, found.measures[0].level) == ("lang-son", "20", 2)


def test_the_csv_is_written_gzipped_with_the_same_bytes(tmp_path):
    import gzip

    from build_tools.publish.province_days import write_csv

    notice = NoticeMeasures("lang-son-2021-ct-1", "lang-son", "Lạng Sơn", "20", "2021-07-15", (
        Measure("C6", 2, "general", (), "2021-07-17", "2021-07-30", Evidence("…", "doan-1")),))
    target = tmp_path / "data" / "oxcgrt-provinces.csv"
    packed_path = tmp_path / "data" / "oxcgrt-provinces.csv.gz"
    rows = write_csv(province_days([notice]), target)
    assert rows > 0 and packed_path.exists() and not target.exists()  # the site holds the compressed file only
    packed = packed_path.read_bytes()
    write_csv(province_days([notice]), target, plain=True)
    assert gzip.decompress(packed) == target.read_bytes()
    assert packed_path.read_bytes() == packed  # deterministic


# --- end to end: notices through ingest, clean and extract, then the province-day rows ----------

_HEADER = """ỦY BAN NHÂN DÂN
TỈNH LẠNG SƠN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: {number}/TB-UBND
Lạng Sơn, ngày {day} tháng {month} năm 2021
THÔNG BÁO
{title}
"""
_FOOT = """
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn An
"""


def _pipeline_notice(tmp_path, name, number, day, month, title, body, notice_id):
    from types import SimpleNamespace

    from build_tools.pipeline import process_file

    source = tmp_path / "src"
    source.mkdir(exist_ok=True)
    path = source / name
    path.write_text(_HEADER.format(number=number, day=day, month=month, title=title) + body + _FOOT,
                    encoding="utf-8")
    meta = process_file(path, source).notice.meta
    record = SimpleNamespace(id=notice_id, province=meta.province, issued_date=meta.issued_date,
                             meeting_date=meta.meeting_date, measures=meta.measures)
    return notice_measures(record)


def test_values_of_notices_end_to_end(tmp_path):
    """Three notices of one province, written for this test: a province-wide closure with an
    end date, a district under Chỉ thị 16 until further notice, then a notice that lifts it; the
    dataset's cells on chosen days are what the notices say."""
    first = _pipeline_notice(tmp_path, "a.txt", 101, 15, 7, "Về tăng cường phòng, chống dịch COVID-19",
                             "1. Tạm dừng hoạt động các cơ sở karaoke, vũ trường, quán bar trên địa bàn tỉnh "
                             "từ 0 giờ ngày 17/7/2021 đến hết ngày 30/7/2021.\n"
                             "2. Bắt buộc đeo khẩu trang tại nơi công cộng.\n", "ls-101")
    second = _pipeline_notice(tmp_path, "b.txt", 120, 22, 7, "Về giãn cách xã hội tại huyện Hữu Lũng",
                              "1. Thực hiện giãn cách xã hội theo Chỉ thị số 16/CT-TTg trên địa bàn huyện Hữu "
                              "Lũng từ 0 giờ ngày 23/7/2021 cho đến khi có thông báo mới.\n", "ls-120")
    third = _pipeline_notice(tmp_path, "c.txt", 140, 5, 8, "Về nới lỏng giãn cách tại huyện Hữu Lũng",
                             "1. Kết thúc giãn cách xã hội theo Chỉ thị số 16/CT-TTg trên địa bàn huyện Hữu "
                             "Lũng từ 0 giờ ngày 06/8/2021.\n"
                             "2. Trong trường hợp dịch bùng phát trở lại, sẵn sàng phương án phong tỏa.\n",
                             "ls-140")
    assert first.province == "lang-son" and first.issued == "2021-07-15"
    days = {(d.date.isoformat()): d for d in province_days([first, second, third], last=dt.date(2021, 8, 8))}
    c2 = {date: day.cells["C2"] for date, day in days.items()}
    assert (c2["2021-07-17"].level, c2["2021-07-17"].general, c2["2021-07-17"].notice_id) == (2, True, "ls-101")
    assert (c2["2021-07-23"].level, c2["2021-07-23"].general, c2["2021-07-23"].notice_id) == (3, False, "ls-120")
    assert c2["2021-07-31"].level == 3  # the province-wide closure ended; Hữu Lũng's regime goes on
    assert (c2["2021-08-06"].level, c2["2021-08-06"].notice_id) == (1, "ls-140")  # lifted: C2's relaxed level
    c6 = {date: day.cells["C6"] for date, day in days.items()}
    assert "2021-07-16" not in days or c6["2021-07-16"].level is None  # nothing set C6 before Chỉ thị 16
    assert (c6["2021-07-25"].level, c6["2021-07-25"].general) == (2, False)
    assert c6["2021-08-07"].level == 0  # lifted; the contingency (phong tỏa "trong trường hợp …") is not in force
    assert days["2021-08-07"].cells["H6"].level == 3 and days["2021-08-07"].cells["H6"].notice_id == "ls-101"


def test_the_flag_describes_the_scope_of_the_strictest_measure_after_a_targeted_relaxation():
    # (18k) a province-wide C2 2, relaxed to 1 in one district: elsewhere 2 continues, so the province's
    # value is 2 and, set by the general measure, its flag is 1; a stricter district measure (3) flags 0
    # while it lasts, and its own relaxation gives the general measure back its flag
    days = list(province_days([
        notice("a", "2021-07-01", measure("C2", 2, "2021-07-01")),
        notice("b", "2021-07-05", measure("C2", 1, "2021-07-05", places=["Chi Lăng"])),
        notice("c", "2021-07-08", measure("C2", 3, "2021-07-08", places=["Cao Lộc"])),
        notice("d", "2021-07-10", measure("C2", 1, "2021-07-10", places=["Cao Lộc"])),
    ], last=dt.date(2021, 7, 11)))
    c2 = by_date(days, "C2")
    assert (c2["2021-07-06"].level, c2["2021-07-06"].general, c2["2021-07-06"].notice_id) == (2, True, "a")
    assert (c2["2021-07-08"].level, c2["2021-07-08"].general, c2["2021-07-08"].notice_id) == (3, False, "c")
    assert (c2["2021-07-10"].level, c2["2021-07-10"].general, c2["2021-07-10"].notice_id) == (2, True, "a")


def test_a_switch_of_regime_in_one_district_lifts_there_what_the_new_regime_lacks():
    from build_tools.extract.measures import measure_tags
    from tests.extract.helpers import document
    tags = measure_tags(document(body=["Huyện Chi Lăng chuyển từ giãn cách xã hội theo Chỉ thị 16/CT-TTg sang "
                                       "Chỉ thị 15/CT-TTg từ 0 giờ ngày 10/8/2021."]), "lang-son", 2021, "2021-08-09")
    switched = tuple(r for t in tags for r in t.records)
    days = list(province_days([
        notice("a", "2021-08-01", measure("C6", 2, "2021-08-01", places=["Chi Lăng"])),
        notice("b", "2021-08-09", *switched),
    ], last=dt.date(2021, 8, 11)))
    c6, c4 = by_date(days, "C6"), by_date(days, "C4")
    assert c6["2021-08-09"].level == 2 and c6["2021-08-10"].level == 0 and c6["2021-08-10"].notice_id == "b"
    assert (c4["2021-08-10"].level, c4["2021-08-10"].general) == (4, False)
