"""Topic pages have Vietnamese addresses; the old English ones redirect there."""
from __future__ import annotations

import re

from build_tools.data_files import load_yaml
from build_tools.text import slugify
from build_tools.publish.topics import old_topic_paths, slugs, topic_page


def test_every_measure_has_its_own_vietnamese_slug():
    measures = load_yaml("measures.yml")["measures"]
    assert all(m.get("slug") for m in measures), "each measure needs `slug:` in data/measures.yml"
    found = [m["slug"] for m in measures]
    assert len(set(found)) == len(found)
    for measure in measures:
        slug = measure["slug"]
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug) and slug == slugify(slug), slug
        assert slug != measure["code"], f"{measure['code']}: the slug is still the English code"
        # made of the label's own words (folded), not of English ones
        label_words = set(slugify(measure["label"]).split("-"))
        assert set(slug.split("-")) & label_words, (slug, measure["label"])


def test_old_english_addresses_map_to_the_new_pages():
    moved = dict(old_topic_paths(["chu-de/index", "chu-de/cach-ly-tap-trung",
                                  "chu-de/cach-ly-tap-trung/quang-ninh", "tinh/quang-ninh"]))
    assert moved == {"chu-de/quarantine-centralised": "chu-de/cach-ly-tap-trung",
                     "chu-de/quarantine-centralised/quang-ninh": "chu-de/cach-ly-tap-trung/quang-ninh"}
    assert topic_page("quarantine-centralised") == "chu-de/cach-ly-tap-trung" == "chu-de/" + slugs()["quarantine-centralised"]


def test_topic_pages_are_at_the_vietnamese_address_and_the_old_one_redirects(seed_site):
    codes = {m["code"] for record in seed_site.records for m in record["measures"]}
    assert codes
    for code in codes:
        new = seed_site.site / topic_page(code) / "index.html"
        old = seed_site.site / "chu-de" / code / "index.html"
        assert new.is_file() and "đã chuyển địa chỉ" not in new.read_text(encoding="utf-8")
        refresh = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', old.read_text(encoding="utf-8"))
        assert refresh and refresh.group(1) == f"../{slugs()[code]}/", code
    page = seed_site.page(seed_site.records[0]).read_text(encoding="utf-8")
    assert "chu-de/" + slugs()[seed_site.records[0]["measures"][0]["code"]] + "/" in page
    assert not any(f"chu-de/{code}/" in page for code in codes)
