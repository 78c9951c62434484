"""Province timelines: one bar per run of days, each a link to its notice, escaped, no script."""
import datetime as dt
import xml.etree.ElementTree as ET

from build_tools.model import Evidence, Measure
from build_tools.publish.province_days import NoticeMeasures, province_days
from build_tools.publish.timeline_svg import colour, steps, timeline_svg


def days():
    m1 = Measure("C6", 2, "general", (), "2021-07-17", "2021-07-30", Evidence("…", "doan-1"))
    m2 = Measure("C6", 0, "general", (), "2021-08-01", None, Evidence("…", "doan-1"))
    notices = [NoticeMeasures('a"<x>', "lang-son", "Lạng Sơn", "20", "2021-07-15", (m1,)),
               NoticeMeasures("b", "lang-son", "Lạng Sơn", "20", "2021-07-31", (m2,))]
    return list(province_days(notices, last=dt.date(2021, 8, 5)))


def test_steps_are_runs_of_equal_days():
    runs = steps(days(), "C6")
    assert [(s.level, s.first.isoformat(), s.last.isoformat()) for s in runs] == [
        (2, "2021-07-17", "2021-07-30"), (0, "2021-07-31", "2021-07-31"), (0, "2021-08-01", "2021-08-05")]


def test_svg_is_well_formed_links_each_step_and_escapes():
    svg = timeline_svg(days(), lambda notice: f"../../notices/{notice}/", "Lạng Sơn <b>")
    root = ET.fromstring(svg)  # well-formed XML: the id with quotes and brackets is escaped
    links = [a.get("href") for a in root.iter("{http://www.w3.org/2000/svg}a")]
    assert links == ['../../notices/a"<x>/', "../../notices/b/"]
    assert "<script" not in svg and "Lạng Sơn &lt;b&gt;" in svg
    assert "C6 Yêu cầu ở nhà" in svg and "C1 " not in svg  # only indicators the archive sets, named in Vietnamese
    assert "Stay at home" not in svg


def test_every_indicator_has_a_vietnamese_name_for_the_pages():
    from build_tools.extract.coding import codebook

    assert all(indicator.vi_name for indicator in codebook().indicators.values())


def test_colour_scale_runs_from_light_to_dark():
    assert colour(0, 3) == "#eeeeee" and colour(3, 3) == "#b30000" and colour(None, 3) == "#ffffff"
    assert timeline_svg([], lambda n: n, "x") == ""


def test_each_wide_bar_carries_its_level_and_a_star_when_targeted():
    from build_tools.model import MeasurePlace

    targeted = Measure("C2", 3, "targeted", (MeasurePlace("Hữu Lũng", "huyện", "lang-son"),), "2021-07-17",
                       "2021-07-30", Evidence("…", "doan-1"))
    rows = list(province_days([NoticeMeasures("a", "lang-son", "Lạng Sơn", "20", "2021-07-15", (targeted,))],
                              last=dt.date(2021, 8, 5)))
    root = ET.fromstring(timeline_svg(rows, lambda n: n, "x"))
    levels = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text") if t.get("class") == "tl-level"]
    assert levels == ["3*", "0"]  # 3 in Hữu Lũng only, then nothing in force (the level is still written)
    root = ET.fromstring(timeline_svg(days(), lambda n: n, "x"))
    assert [t.text for t in root.iter("{http://www.w3.org/2000/svg}text") if t.get("class") == "tl-level"] == ["2", "0", "0"]


def test_a_timeline_whose_levels_change_every_few_days_stays_small():
    """Levels changing every other day for three years would be 1,500 bars; touching short
    steps are drawn together at their strictest level, and the tooltip says so."""
    from build_tools.publish.timeline_svg import MAX_BARS, PALETTE

    start = dt.date(2020, 3, 1)
    notices = []
    for k in range(500):
        day = start + dt.timedelta(days=2 * k)
        measures = tuple(Measure(indicator, (k + shift) % 3, "general", (), day.isoformat(),
                                 (day + dt.timedelta(days=1)).isoformat(), Evidence("…", "doan-1"))
                         for indicator, shift in (("C1", 0), ("C2", 1), ("C6", 2)))
        notices.append(NoticeMeasures(f"n{k}", "lang-son", "Lạng Sơn", "20", day.isoformat(), measures))
    rows = list(province_days(notices))
    assert len(steps(rows, "C1")) > 450
    root = ET.fromstring(timeline_svg(rows, lambda n: f"../{n}/", "x"))
    rects = list(root.iter("{http://www.w3.org/2000/svg}rect"))
    assert len(rects) <= MAX_BARS
    merged = [r for r in rects if "lần đổi mức" in r.find("{http://www.w3.org/2000/svg}title").text]
    assert merged and all(r.get("fill") in PALETTE for r in merged)
    strictest = [r for r in merged if "mức 2/3" in r.find("{http://www.w3.org/2000/svg}title").text]
    assert strictest and all(r.get("fill") == colour(2, 3) for r in strictest)


def test_a_few_steps_are_drawn_one_by_one():
    svg = timeline_svg(days(), lambda notice: f"../../notices/{notice}/", "x")
    assert "lần đổi mức" not in svg and svg.count("<rect") == 3
