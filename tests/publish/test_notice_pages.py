import posixpath

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.publish.notice_pages import md_link, page_url, relative_path, relative_url, yaml_json

segment = st.sampled_from(["notices", "quang-ninh", "tinh", "chu-de", "x", "index", "a-b"])
path = st.lists(segment, min_size=0, max_size=4).map("/".join)


@settings(max_examples=300, deadline=None)
@given(path, st.lists(segment, min_size=1, max_size=4).map(lambda parts: "/".join(parts) + ".md"))
def test_relative_path_to_a_file_agrees_with_posixpath(from_dir, to_file):
    assert relative_path(from_dir, to_file) == posixpath.relpath(to_file, from_dir or ".")


@settings(max_examples=200, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
                    max_leaves=12))
def test_front_matter_json_reads_back_as_the_same_yaml(data):
    document = {"value": data}
    assert yaml.load(yaml_json(document), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) == document


def test_links_between_pages_in_both_url_styles():
    assert md_link("tinh/quang-ninh", "notices/quang-ninh/x") == "../notices/quang-ninh/x.md"
    assert md_link("index", "tinh/index#y") == "tinh/index.md#y"
    assert page_url("tinh/index", True) == "tinh/" and page_url("tinh/index", False) == "tinh/index.html"
    assert relative_url("notices/a/b", page_url("tinh/a", True), True) == "../../../tinh/a/"
    assert relative_url("notices/a/b", page_url("tinh/a", False), False) == "../../tinh/a.html"


def test_a_quoted_sentence_drops_its_list_marker():
    from build_tools.publish.notice_pages import quoted

    assert quoted("- Rà soát cơ sở vật chất") == "Rà soát cơ sở vật chất"
    assert quoted("+ Tổ chức kiểm tra") == "Tổ chức kiểm tra" and quoted("• Giao Sở Y tế") == "Giao Sở Y tế"
    assert quoted("Giao Sở Lao động - Thương binh và Xã hội") == "Giao Sở Lao động - Thương binh và Xã hội"
    assert quoted("-5 độ") == "-5 độ"


def test_evidence_and_deadlines_are_quoted_without_list_markers(seed_site):
    import re

    quotes, deadlines = [], []
    for page in seed_site.site.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        quotes += re.findall(r"«([^»]*)»", html)
        deadlines += re.findall(r"</time>(?: [0-9:h]+)?: (?:<a [^>]*>)?([^<]*)", html)
    assert quotes and deadlines
    for text in quotes + deadlines:
        assert not re.match(r"\s*[-–—+•·*]\s", text), text


def test_the_ocr_figure_says_what_it_counts(seed_site):
    """Issue 14 (6): "0.0% từ nghi vấn sau sửa" while real-word errors stayed. The figure counts
    non-syllables (and, for a scan, words OCR read with low confidence): the page says so."""
    html = seed_site.page(seed_site.record("003")).read_text(encoding="utf-8")
    assert "Chất lượng OCR" in html
    assert "Từ nghi vấn: chữ không phải âm tiết tiếng Việt" in html
    assert "chữ đọc sai thành một chữ có nghĩa khác thì không đếm được" in html
    assert "đọc bằng OCR" not in html  # seed 003 is text, not a scan: no scan badge
