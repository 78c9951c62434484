"""Untrusted text must come out of Markdown exactly as it went in, as text."""
import html
import re

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.text import escape_markdown, escape_with_bold, slugify, toc_slug

EXTENSIONS = ["attr_list", "tables", "admonition", "toc"]


def visible_text(markdown_source: str) -> str:
    rendered = markdown.markdown(markdown_source, extensions=EXTENSIONS)
    assert "<script" not in rendered and "<img" not in rendered and "<a " not in rendered and "<iframe" not in rendered
    text = re.sub(r"<[^>]+>", "", rendered)
    return html.unescape(text).strip()


PAYLOADS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<iframe src=javascript:alert(1)>",
    "[bấm vào đây](javascript:alert(1))", "![x](javascript:alert(1))", "<https://example.com>",
    "{{ config.site_name }}", "{% include 'x' %}", "&lt;b&gt;", "1. mục", "- gạch", "# tiêu đề", "> trích",
    "    mã", "***", "---", "a  \nb", "`mã`", "*nghiêng* **đậm** __x__", "\\*", "x {: #id .cls }", "| a | b |",
]


def test_known_payloads_render_as_their_own_text():
    for payload in PAYLOADS:
        expected = " ".join(line.strip() for line in payload.split("\n") if line.strip())
        assert " ".join(visible_text(escape_markdown(payload)).split()) == " ".join(expected.split()), payload


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60))
def test_any_single_line_renders_as_itself(text):
    line = " ".join(text.split())
    if not line:
        return
    assert " ".join(visible_text(escape_markdown(line)).split()) == line


def test_bold_spans_wrap_only_their_text():
    rendered = markdown.markdown(escape_with_bold("hoàn thành trước ngày 23/01/2022.", [(11, 32)]))
    assert rendered == "<p>hoàn thành <strong>trước ngày 23/01/2022</strong>.</p>"


def test_slugs_keep_d_with_stroke_as_d():
    assert slugify("Ban Chỉ đạo phòng, chống dịch") == "ban-chi-dao-phong-chong-dich"
    assert slugify("Đắk Lắk") == "dak-lak"
    assert slugify("!!!") == "khong-ten"
    assert toc_slug("Tháng 1 năm 2021", "-") == "thang-1-nam-2021"
