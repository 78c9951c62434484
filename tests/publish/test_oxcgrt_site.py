"""The OxCGRT outputs in the built site: the province-day dataset, province timelines, the
comparison by level, coded measures on measure pages (issue 18)."""
import csv
import io
import re

from build_tools.publish.topics import topic_page


def test_the_build_writes_the_province_day_dataset_in_oxcgrt_layout(seed_site):
    import gzip

    text = (seed_site.site / "data" / "oxcgrt-provinces.csv").read_text(encoding="utf-8")  # the promised address
    assert gzip.decompress((seed_site.site / "data" / "oxcgrt-provinces.csv.gz").read_bytes()).decode("utf-8") == text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and {"CountryCode", "RegionName", "RegionCode", "Jurisdiction", "Date",
                     "C6M_Stay at home requirements", "C6M_Flag", "C6M_Notice", "H6M_Facial Coverings"} <= set(rows[0])
    assert {row["CountryCode"] for row in rows} == {"VNM"}
    ids = {record["id"] for record in seed_site.records}
    notices = {row[key] for row in rows for key in row if key.endswith("_Notice") and row[key]}
    assert notices and notices <= ids  # every value names a notice of the archive
    assert all(re.fullmatch(r"\d{8}", row["Date"]) for row in rows)


def test_province_pages_have_a_timeline_linking_each_step_to_its_notice(seed_site):
    page = (seed_site.site / "tinh" / "lang-son" / "index.html").read_text(encoding="utf-8")
    assert "Mức biện pháp theo OxCGRT" in page
    svg = page.split('class="oxcgrt-timeline"', 1)[1].split("</svg>", 1)[0]
    assert "<script" not in svg
    links = re.findall(r'<a href="([^"]+)"', svg)
    assert links and not any(link.startswith("@") for link in links)  # resolved to relative links
    assert all(link.startswith("../../notices/") for link in links)


def test_comparison_by_level_for_a_month(seed_site):
    chooser = (seed_site.site / "so-sanh" / "muc" / "index.html").read_text(encoding="utf-8")
    months = re.findall(r'href="\.\./muc-(\d{4}-\d{2})/"', chooser)
    assert months
    month = (seed_site.site / "so-sanh" / f"muc-{months[0]}" / "index.html").read_text(encoding="utf-8")
    assert 'class="oxcgrt-compare"' in month and re.search(r'<td class="ox[0-5]">', month)


def test_measure_pages_list_notices_with_level_scope_and_dates(seed_site):
    page = (seed_site.site / topic_page("vaccination") / "index.html").read_text(encoding="utf-8")
    assert 'class="oxcgrt-line"' in page and ">H7 5</span>" in page and "toàn tỉnh" in page
