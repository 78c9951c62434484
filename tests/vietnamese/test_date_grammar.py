"""The date grammar: its words come from data/dates.yml, and one builder makes every date pattern."""
import re

from build_tools.clean import layout, ocr_fields
from build_tools.data_files import load_yaml
from build_tools.extract import citations, dates, deadlines, doctype
from build_tools.extract.dates import date_line, find_dates, parse_date
from build_tools.vietnamese import date_grammar
from build_tools.vietnamese.date_grammar import date_word, spellings, verbal_date

from ..support.data import data_changed

READERS = (date_grammar, dates, layout, ocr_fields, citations, deadlines, doctype)


def test_spellings_for_folded_written_and_marked_text():
    assert spellings("day") == ("ngay",)
    assert spellings("month", "written") == ("tháng", "thang")
    assert spellings("year", "marked") == ("năm",)
    assert date_word("day", "written") == "ngày|ngay"


def test_the_builder_reads_a_date_in_words_in_each_kind_of_text():
    folded = re.compile(verbal_date("folded", before_year=r",?\s*"))
    assert folded.search("ngay 17 thang 01, nam 2022").groups() == ("17", "01", "2022")
    written = re.compile(verbal_date("written"))
    assert written.search("ngày 5 tháng 7 năm 2021") and written.search("ngay 5 thang 7 nam 2021")
    marked = re.compile(verbal_date("marked"))
    assert marked.search("ngày 5 tháng 7 năm 2021") and not marked.search("ngay 5 thang 7 nam 2021")
    named = re.compile(verbal_date("marked", r"(?P<d>\d+)", r"(?P<m>\d+)", r"(?P<y>\d+)", gap=r"\s+",
                                   names=("pre", "m1", "y1")))
    assert named.search("ngày 5 tháng 7 năm 2021").group("pre", "d", "m1") == ("ngày ", "5", " tháng ")


def test_every_date_reader_follows_the_words_of_dates_yml():
    words = load_yaml("dates.yml")["date_words"]
    assert parse_date("ngày 5 tháng 7 năm 2021") == "2021-07-05"
    with data_changed(words, "day", ["hôm"], *READERS):
        assert parse_date("hôm 5 tháng 7 năm 2021") == "2021-07-05"
        assert parse_date("ngày 5 tháng 7 năm 2021") is None
        assert date_line("Hà Nội, hôm 5 tháng 7 năm 2021") == ("Hà Nội", "2021-07-05")
        assert layout.is_date_cell("Lào Cai, hôm 5 tháng 7 năm 2021")
        assert not layout.is_date_cell("Lào Cai, ngày 5 tháng 7 năm 2021")
        fixed, changes = ocr_fields.repair_dates("hôm O5 tháng 7 năm 2O21")
        assert fixed == "hôm 05 tháng 7 năm 2021" and len(changes) == 2
        assert ocr_fields.repair_dates("ngày O5 tháng 7 năm 2O21")[1] == []
        year_less = list(find_dates("trước hôm 10/12", default_year=2021))
        assert [d.iso for d in year_less] == ["2021-12-10"]
    with data_changed(words, "month", ["tháng", "th"], *READERS):
        assert parse_date("ngày 5 th 7 năm 2021") == "2021-07-05"
    assert parse_date("hôm 5 tháng 7 năm 2021") is None
    assert layout.is_date_cell("Lào Cai, ngày 5 tháng 7 năm 2021")
