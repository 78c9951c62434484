"""The record types' own words: a copy's provenance in a citation."""
from build_tools.data_files import load_yaml
from build_tools.model import Provenance

from .support.data import data_changed


def test_the_provenance_of_a_copy_is_worded_by_site_yml():
    provenance = Provenance("https://bao.example.vn/a", "2024-03-05", "Báo Đồng Nai")
    assert provenance.citation_text() == "bản sao từ Báo Đồng Nai, https://bao.example.vn/a, truy cập ngày 5/3/2024"
    assert Provenance(None, "2024-03-05", None).citation_text() is None
    words = load_yaml("site.yml")["citation"]["vi"]
    with data_changed(words, "copy", "chép từ {where}"), data_changed(words, "retrieved", " (xem {date})"):
        assert provenance.citation_text() == "chép từ Báo Đồng Nai, https://bao.example.vn/a (xem ngày 5/3/2024)"
