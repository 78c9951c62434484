"""HTML pieces for the OxCGRT views: escaped, coloured by level, linked to notices."""
import datetime as dt

from build_tools.model import Evidence, Measure, MeasurePlace
from build_tools.publish.oxcgrt_pages import (comparison_table, default_month, measure_summary, month_links,
                                      period_text, province_timeline_section, tag_measures_html)
from build_tools.publish.province_days import NoticeMeasures, province_days


def days():
    general = Measure("C6", 2, "general", (), "2021-07-17", "2021-07-30", Evidence("…", "doan-1"))
    targeted = Measure("C4", 4, "targeted", (MeasurePlace("Hữu Lũng", "huyện", "lang-son"),), "2021-07-20", None,
                       Evidence("…", "doan-2"))
    notices = [NoticeMeasures("n<1>", "lang-son", "Lạng Sơn", "20", "2021-07-15", (general, targeted)),
               NoticeMeasures("n2", "bac-giang", "Bắc Giang", "24", "2021-08-01",
                              (Measure("C2", 3, "general", (), "2021-08-01", None, Evidence("…", "doan-1")),))]
    return list(province_days(notices, last=dt.date(2021, 8, 10)))


def test_measure_summary_says_level_scope_places_period():
    line = measure_summary({"oxcgrt": "C4", "level": 4, "scope": "targeted", "direction": "relax",
                            "places": [{"name": "Hữu <Lũng>", "kind": "huyện"}], "start": "2021-07-20",
                            "end": "2021-08-02", "end_rule": "date"})
    assert "mức 4/4" in line and "có mục tiêu: Hữu &lt;Lũng&gt;" in line and "20/07/2021–02/08/2021" in line
    assert "nới lỏng" in line
    assert period_text({"start": None, "end": None, "end_rule": "until-further-notice"}) == "đến khi có thông báo mới"
    assert tag_measures_html({"records": []}) == ""
    line = tag_measures_html({"records": [
        {"oxcgrt": "C6", "level": 2, "scope": "targeted", "places": [{"name": "Hữu Lũng"}], "start": "2021-07-17",
         "end": "2021-07-30", "end_rule": "duration"},
        {"oxcgrt": "C2", "level": 3, "scope": "targeted", "places": [{"name": "Hữu Lũng"}], "start": "2021-07-17",
         "end": "2021-07-30", "end_rule": "duration"}]})
    assert line.index(">C2 3<") < line.index(">C6 2<") and "có mục tiêu: Hữu Lũng · 17/07/2021–30/07/2021" in line


def test_comparison_is_coloured_by_level_and_links_notices():
    html = comparison_table(days(), "2021-07", lambda code: f"../tinh/{code}/", lambda n: f"../notices/{n}/")
    assert "Lạng Sơn" in html and "Bắc Giang" not in html  # nothing known for Bắc Giang in July
    assert 'href="../notices/n&lt;1&gt;/"' in html and ">4*</a>" in html  # targeted marked with *
    august = comparison_table(days(), "2021-08", lambda code: code, lambda n: n)
    assert "Bắc Giang" in august and 'class="ox5"' in august  # C2 3/3: the darkest shade


def test_month_links_and_default_month():
    assert default_month(days()) == "2021-08"
    links = month_links(["2021-07", "2021-08"], "2021-08", lambda m: f"muc-{m}.html")
    assert '<a href="muc-2021-07.html">07/2021</a>' in links and "<strong>08/2021</strong>" in links


def test_timeline_section_has_the_svg_and_method_link():
    lang_son = [d for d in days() if d.province == "lang-son"]
    html = province_timeline_section(lang_son, lambda n: f"../../notices/{n}/", "Lạng Sơn", "m.html", "d.csv")
    assert "<svg" in html and 'href="m.html"' in html and 'href="d.csv"' in html
    assert province_timeline_section([], lambda n: n, "X", "m", "d") == ""


def test_typed_records_and_dicts_read_the_same():
    measure = Measure("C6", 3, "targeted", (MeasurePlace("Tân Lập", "thôn", "lang-son", False),), "2021-07-20", None,
                      Evidence("…", "doan-2"), end_rule="until-further-notice")
    from build_tools.extract.measures import measure_json
    assert measure_summary(measure) == measure_summary(measure_json(measure))
    assert "đến khi có thông báo mới" in measure_summary(measure)


def test_comparison_pages_one_per_month_and_a_chooser():
    from build_tools.publish.oxcgrt_pages import comparison_pages
    pages = comparison_pages(days(), lambda path: "@/" + path, lambda code: "tinh/" + code, lambda n: "notices/" + n)
    paths = [path for path, _, _ in pages]
    assert paths == ["so-sanh/muc-2021-07", "so-sanh/muc-2021-08", "so-sanh/muc"]
    july = pages[0][2]
    assert 'href="@/tinh/lang-son"' in july and 'href="@/so-sanh/muc-2021-08"' in july
    assert "@/so-sanh/muc-2021-08" in pages[-1][2]


def test_the_words_of_periods_are_read_from_site_yml(monkeypatch):
    from build_tools.publish import oxcgrt_pages

    measure = {"start": "2021-07-17", "end": None, "end_rule": "until-further-notice"}
    assert oxcgrt_pages.period_text(measure) == "từ 17/07/2021, đến khi có thông báo mới"
    monkeypatch.setitem(oxcgrt_pages.WORDS, "from", "since {start}")
    monkeypatch.setitem(oxcgrt_pages.WORDS, "until_further_notice", "until further notice")
    assert oxcgrt_pages.period_text(measure) == "since 17/07/2021, until further notice"
    assert oxcgrt_pages.period_text({"start": None, "end": "2021-08-01"}) == "đến hết 01/08/2021"
