"""benchmarks/notice_measures.py: whole notices scored against hand labels; a wrong label counts wrong."""

from benchmarks.notice_measures import Expected, Score, score_cells, score_notices
from build_tools.model import Evidence, Measure, MeasurePlace
from build_tools.publish.province_days import Cell


def _coded(*measures, province="ha-tinh", issued="2021-07-25"):
    return (list(measures), province, issued)


def _measure(indicator, level, places=(), start=None, end=None, end_rule=None):
    return Measure(indicator, level, "targeted" if places else "general",
                   tuple(MeasurePlace(p, "huyện", "ha-tinh") for p in places), start, end, Evidence("…", "muc-1"),
                   end_rule=end_rule)


def test_a_measure_is_right_when_indicator_level_scope_and_end_are():
    about = {"n": {"province": "ha-tinh", "issued": "2021-07-25"}}
    labels = {"n": [Expected("C6", 2, "targeted", ("Can Lộc",), "2021-07-26", "open"),
                    Expected("H6", 3, "general", (), "2021-07-25", None)]}
    coded = {"n": _coded(_measure("C6", 2, ["Can Lộc"], "2021-07-26", end_rule="until-further-notice"),
                         _measure("H6", 4))}
    result = score_notices(labels, about, coded)
    assert (result.all_four.right, result.all_four.total) == (1, 2)  # H6's level is wrong
    assert result.start.right == 2  # no start stated: the notice's date, as the dataset places it
    assert result.indicator_precision.right == result.indicator_precision.total == 2


def test_a_measure_not_labelled_lowers_precision_and_a_missed_one_recall():
    about = {"n": {"province": "ha-tinh", "issued": "2021-07-25"}}
    result = score_notices({"n": [Expected("C1", 3, "general", (), None, None)]}, about,
                           {"n": _coded(_measure("C2", 2))})
    assert result.indicator_recall.right == 0 and result.indicator_precision.right == 0


def test_dataset_cells_compare_value_flag_and_notice():
    rows = {("ha-tinh", "2021-08-10"): {"C6": Cell(2, False, "ht-2"), "C3": Cell(2, True, "ht-1")}}
    result = Score()
    score_cells([("ha-tinh", "2021-08-10", "C6", "2", "0", "ht-2"), ("ha-tinh", "2021-08-10", "C3", "2", "0", "ht-1"),
                 ("ha-tinh", "2021-08-11", "C6", "", "", "")], rows, result)
    assert (result.cells.right, result.cell_flag.right, result.cells.total) == (2, 2, 3)
