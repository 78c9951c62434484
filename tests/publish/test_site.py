"""The whole archive built from the seeds: fields read from the notices by hand, pages, dataset."""
import csv

import pytest

from build_tools.publish.topics import topic_page

# What each seed says, read from the notices themselves (None where the text does not say).
EXPECTED = {
    "000": dict(doc_type="Thông báo", province="quang-ninh", issued_date=None, meeting_date="2022-01-17",
                signer=("Ngô Quang Hưng", "T/L")),
    "001": dict(doc_type="Thông báo", province="quang-ninh", issued_date=None, meeting_date="2021-02-17",
                signer=("Nguyễn Chí Thành", "T/L")),
    "002": dict(doc_type="Thông báo", province="ba-ria-vung-tau", issued_date=None, meeting_date="2021-02-05",
                signer=("Phạm Việt Thanh", "T/M")),
    "003": dict(doc_type="Kết luận", province="quang-ninh", issued_date=None, meeting_date="2021-08-02",
                signer=(None, "T/M")),
    "004": dict(doc_type="Thông báo", province="lang-son", issued_date=None, meeting_date="2021-12-01",
                signer=("Phạm Hùng Trường", "TL.")),
}


def test_every_seed_is_published_and_the_summary_counts_them(seed_site):
    report = seed_site.report
    assert report.inputs == 5 and report.published == 5 and not report.rejected
    assert report.accounted()
    summary = report.summary()
    assert "Notices in: 5" in summary and "Published: 5" in summary


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_fields(seed_site, prefix):
    record, expected = seed_site.record(prefix), EXPECTED[prefix]
    assert record["doc_type"] == expected["doc_type"]
    assert record["province"]["code"] == expected["province"]
    assert record["issued_date"] == expected["issued_date"]
    assert record["meeting_date"] == expected["meeting_date"]
    assert (record["signer"]["name"], record["signer"]["authority"]) == expected["signer"]


def test_unknown_signer_name_reads_khong_ro(seed_site):
    html = seed_site.page(seed_site.record("003")).read_text(encoding="utf-8")
    signer_row = html.split("<dt>Người ký</dt>")[1].split("</dd>")[0]
    assert "không rõ" in signer_row


def test_notice_pages_sit_under_their_province_with_front_matter(seed_site):
    for prefix, expected in EXPECTED.items():
        record = seed_site.record(prefix)
        assert record["page"].startswith(f"notices/{expected['province']}/")
        html = seed_site.page(record).read_text(encoding="utf-8")
        assert 'id="muc-1"' in html or 'id="doan-1"' in html
        assert record["source"]["sha256"] and record["source"]["file"].startswith(prefix)


def test_province_and_theme_pages_link_to_the_notices(seed_site):
    quang_ninh = (seed_site.site / "tinh" / "quang-ninh" / "index.html").read_text(encoding="utf-8")
    for prefix in ("000", "001", "003"):
        assert seed_site.record(prefix)["id"] in quang_ninh
    assert seed_site.record("004")["id"] not in quang_ninh
    provinces = (seed_site.site / "tinh" / "index.html").read_text(encoding="utf-8")
    assert "Lạng Sơn" in provinces and "Bà Rịa" in provinces and "Cà Mau" in provinces  # all 63, also empty ones
    for record in seed_site.records:
        for measure in record["measures"]:
            theme = (seed_site.site / topic_page(measure["code"]) / "index.html").read_text(encoding="utf-8")
            assert record["id"] in theme


def test_dataset_files_hold_every_notice_with_url_and_source(seed_site):
    assert len(seed_site.records) == 5
    for record in seed_site.records:
        assert seed_site.page(record).is_file(), record["url"]
        assert record["source"]["file"]
    with open(seed_site.site / "data" / "notices.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {row["id"] for row in rows} == {r["id"] for r in seed_site.records}


def test_the_offline_readme_is_worded_by_site_yml(tmp_path):
    from build_tools.data_files import load_yaml
    from build_tools.publish.site import write_offline_readme

    from ..support.data import data_changed

    write_offline_readme(tmp_path, "2026-11-30", 5)
    assert "Ấn bản ngày 2026-11-30, gồm 5 văn bản." in (tmp_path / "ĐỌC TÔI.txt").read_text(encoding="utf-8")
    words = load_yaml("site.yml")["offline_readme"]
    with data_changed(words, "files", ["LIESMICH.txt"]), data_changed(words, "text", "{count} notices of {day}\n"):
        write_offline_readme(tmp_path, "2026-11-30", 5)
        assert (tmp_path / "LIESMICH.txt").read_text(encoding="utf-8") == "5 notices of 2026-11-30\n"


def test_notices_written_in_runs_by_the_worker_pool_are_the_notices_written_in_one(tmp_path, monkeypatch):
    """site.write_notices cuts the notices into runs (search.partial gathers each run's postings in the
    worker that wrote it): pages, downloads and the search index are the same whatever the cut, with or
    without the pool."""
    from concurrent.futures import ProcessPoolExecutor
    import multiprocessing

    from benchmarks.compare_builds import digests
    from build_tools.pipeline import run_pipeline
    from build_tools.publish import index_pages, site
    from tests.conftest import copy_seeds

    source = copy_seeds(tmp_path / "source")
    result = run_pipeline(source, workers=1, registry_path=tmp_path / "permalinks.yml", today="2026-01-01")
    pairs = site.records_for(result, "https://example.org/", "2026-01-01", complete=False)
    related = index_pages.related_sections([record for _, record in pairs])

    def written(name: str, pool) -> dict:
        docs, staging = tmp_path / name / "docs", tmp_path / name / "extra"
        stats = site.write_notices(pairs, related, docs, staging, True, pool, "https://example.org/", "2026-01-01")
        assert stats["docs"] == len(pairs)
        return {part: digests(folder) for part, folder in (("docs", docs), ("parts", site.notice_pages.parts_dir_for(docs)),
                                                          ("extra", staging))}

    assert site.run_size(len(pairs)) == 1 and site.run_size(2000) == site.NOTICE_RUN
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork")) as pool:
        in_runs_of_one = written("pool", pool)
    alone = written("alone", None)
    monkeypatch.setattr(site, "run_size", lambda notices: notices)
    in_one_run = written("one-run", None)
    assert len(in_one_run["docs"]) == len(pairs) and len(in_one_run["extra"]) > 5 * len(pairs)
    assert in_runs_of_one == alone == in_one_run
