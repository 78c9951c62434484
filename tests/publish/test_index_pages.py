"""Cross-linked pages agree with the dataset: cited documents, measures, provinces."""
import re
from collections import Counter

from build_tools.publish.index_pages import PAGE_SIZE, paginate
from build_tools.publish.topics import topic_page


def links_to_notices(html: str) -> set[str]:
    return set(re.findall(r'href="[^"]*notices/[a-z0-9-]+/([a-z0-9-]+)/(?:#[^"]*)?"', html))


def page_html(site, path: str) -> str:
    return (site.site / path / "index.html").read_text(encoding="utf-8")


def test_quang_ninh_and_lang_son_meet_on_the_pages_of_the_documents_they_both_cite(seed_site):
    quang_ninh, lang_son = seed_site.record("003"), seed_site.record("004")
    for number in ("68/NQ-CP", "23/2021/QĐ-TTg"):
        keys = {c["key"] for r in (quang_ninh, lang_son) for c in r["cited_documents"] if c["number"] == number}
        assert len(keys) == 1, f"{number} must resolve to one cited document across provinces: {keys}"
        html = page_html(seed_site, f"van-ban-dan-chieu/{keys.pop()}")
        assert {quang_ninh["id"], lang_son["id"]} <= links_to_notices(html)
        assert "Quảng Ninh" in html and "Lạng Sơn" in html


def test_each_measure_page_links_exactly_the_notices_tagged_with_it(seed_site):
    tagged: dict[str, set[str]] = {}
    for record in seed_site.records:
        for measure in record["measures"]:
            tagged.setdefault(measure["code"], set()).add(record["id"])
    assert tagged, "the seeds order measures"
    for code, ids in tagged.items():
        assert links_to_notices(page_html(seed_site, topic_page(code))) == ids, code


def test_province_list_counts_match_the_dataset(seed_site):
    html = page_html(seed_site, "tinh")
    counts = Counter(r["province"]["name"] for r in seed_site.records if r["province"])
    rows = dict(re.findall(r"<td>(?:<a [^>]*>)?([^<]+)(?:</a>)?</td>\s*<td[^>]*>(\d+)</td>", html))
    assert rows == {name: str(count) for name, count in counts.items()}, "the table lists provinces with notices"
    folded = re.search(r'<details class="empty-provinces"><summary>([^<]*)</summary><p>([^<]*)</p>', html)
    empty = [name for name in folded.group(2).rstrip(".").split(", ")]
    assert len(rows) + len(empty) == 63, "every pre-2025 province is listed, those with no notice folded"
    assert not set(empty) & set(rows) and str(len(empty)) in folded.group(1)


def test_notice_pages_link_earlier_and_later_notices_of_their_province(seed_site):
    html = seed_site.page(seed_site.record("003")).read_text(encoding="utf-8")
    related = html.split('id="van-ban-lien-quan"')[1]
    assert seed_site.record("001")["id"] in related and seed_site.record("000")["id"] in related


def test_long_lists_are_paginated():
    rows = [(f"Cơ quan {i}", f"co-quan/{i}", 1) for i in range(PAGE_SIZE * 2 + 5)]
    pages = paginate("tinh/x", "X", rows, "index/facet_index.html.j2", column="Cơ quan")
    assert [p.path for p in pages] == ["tinh/x", "tinh/x-trang-2", "tinh/x-trang-3"]
    assert [p.title for p in pages] == ["X", "X (trang 2)", "X (trang 3)"]
    assert all(p.body.html.count("\n") < PAGE_SIZE + 20 for p in pages)
    assert '<a href="@/tinh/x-trang-2">2</a>' in pages[0].body.html
    assert '<strong>2</strong>' in pages[1].body.html and "Cơ quan 404" in pages[2].body.html


def visible_text(html: str) -> str:
    """What a reader sees: no scripts, no tags, no attribute values."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def test_cited_document_pages_write_dates_as_dd_mm_yyyy(seed_site):
    pages = list((seed_site.site / "van-ban-dan-chieu").rglob("index.html"))
    dated = [p for p in pages if re.search(r"\d{2}/\d{2}/\d{4}", visible_text(p.read_text(encoding="utf-8")))]
    assert dated, "some cited documents of the seeds are dated"
    for page in pages:
        text = visible_text(page.read_text(encoding="utf-8"))
        assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text), page


def test_the_home_page_title_names_the_site_once(seed_site):
    html = (seed_site.site / "index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", html).group(1)
    assert title == "Kho văn bản phòng, chống dịch COVID-19 cấp tỉnh"
    province = re.search(r"<title>(.*?)</title>", page_html(seed_site, "tinh")).group(1)
    assert province.startswith("Theo tỉnh") and province.endswith(" - " + title)
