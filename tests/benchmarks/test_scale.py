"""The scale benchmark: a deterministic, realistic corpus, and one JSON record per stage (no timings asserted)."""
import json
import re
from collections import Counter

import pytest

from benchmarks import corpus as bench, scale

EXPECTED_TYPES = {"Thông báo", "Kết luận", "Chỉ thị", "Công điện", "Kế hoạch", "Quyết định"}
BUILD_STAGES = {"generate", "pipeline", "records+indexes", "notice pages+search", "mkdocs", "data export", "total"}


def corpus_bytes(folder):
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_same_seed_writes_the_same_files_and_another_seed_does_not(tmp_path):
    first, second, other = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    assert bench.generate_corpus(25, first, seed=7) == bench.generate_corpus(25, second, seed=7)
    assert corpus_bytes(first) == corpus_bytes(second)
    bench.generate_corpus(25, other, seed=8)
    assert corpus_bytes(other) != corpus_bytes(first)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    return folder, bench.generate_corpus(300, folder, seed=0)


def test_writes_n_files_with_the_spread_of_the_real_archive(corpus):
    folder, summary = corpus
    files = sorted(folder.glob("*.txt"))
    assert len(files) == summary["n"] == 300
    assert len(summary["provinces"]) == 63  # every pre-2025 province
    assert set(summary["doc_types"]) == EXPECTED_TYPES
    assert set(summary["years"]) == {2020, 2021, 2022}
    assert len(summary["issuers"]) == 4
    assert summary["doc_types"]["Thông báo"] == max(summary["doc_types"].values())
    assert 0 < summary["ocr_noisy"] < 0.15 * summary["n"]


def test_sizes_run_from_one_to_forty_kb_mostly_five_to_fifteen(corpus):
    folder, summary = corpus
    sizes = [path.stat().st_size for path in folder.glob("*.txt")]
    assert 900 <= min(sizes) and max(sizes) <= 42_000
    assert sum(5_000 <= s <= 15_000 for s in sizes) / len(sizes) > 0.6
    assert summary["bytes"] == sum(sizes)


def test_notices_carry_the_parts_of_real_ones(corpus):
    folder, _ = corpus
    texts = [path.read_bytes().decode("utf-8-sig") for path in sorted(folder.glob("*.txt"))]
    joined = "\n".join(texts)
    assert re.search(r"Số:? \d+/TB-UBND", joined) and re.search(r"Số:? \d+-(TB|KL)/TU", joined)
    assert re.search(r"\w+, ngày \d\d tháng \d+ năm 202[012]", joined)
    # every notice has its recipients; the ~5 % with OCR noise may have "Nơi nhận" garbled
    assert sum("Nơi nhận" in text for text in texts) >= 0.9 * len(texts)
    for prefix in ("TM. ", "KT. ", "TL. ", "T/M ", "T/L "):
        assert prefix in joined
    for cited in ("68/NQ-CP", "16/CT-TTg", "23/2021/QĐ-TTg", "128/NQ-CP"):
        assert cited in joined
    assert "⟨" not in joined  # every slot was filled


def test_notices_only_cite_documents_issued_before_them(tmp_path):
    plans = bench.plan_corpus(40, seed=3)
    for plan in plans:
        composer = bench.Composer(plan, seed=3)
        for document in composer.available_documents():
            assert document[2] < plan.date.isoformat()


def test_numbers_rise_with_the_date_inside_each_series():
    series = {}
    for plan in bench.plan_corpus(400, seed=0):
        year = None if plan.issuer.party else plan.date.year
        series.setdefault((plan.province["code"], plan.issuer.key, year), []).append(plan)
    for members in series.values():
        numbers = [p.number for p in sorted(members, key=lambda p: (p.date, p.index))]
        assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)


def test_ocr_noise_confuses_some_letters_and_keeps_the_rest():
    text = "Thành phố tổ chức triển khai tiêm chủng cho nhân dân trong tỉnh. " * 40
    noisy = bench.add_ocr_noise(text, bench.random.Random(1), rate=0.2)
    assert noisy != text
    assert len(noisy.split()) == len(text.split())
    assert Counter(noisy.split())["tỉnh."] < 40


def test_missing_congbao_is_skipped_with_a_message(tmp_path, capsys):
    assert bench.congbao_sentences(tmp_path / "no-congbao") == ()
    assert "Công báo corpus is not at" in capsys.readouterr().err


def test_command_line_takes_several_sizes():
    parser = scale.parser()
    args = parser.parse_args(["--notices", "2000", "--notices", "20000", "--no-material"])
    assert args.notices == [2000, 20000] and not args.compare_material and args.offline
    assert parser.parse_args([]).notices is None  # main() then runs 2,000


def test_growth_compares_time_and_size_between_sizes():
    small = {"n": 2000, "total": {"seconds": 100.0, "peak_rss_mb": 500}, "stages": {"mkdocs": 40.0},
             "site_mb": 100.0, "zip_mb": 20.0}
    large = {"n": 20000, "total": {"seconds": 1000.0, "peak_rss_mb": 900}, "stages": {"mkdocs": 420.0},
             "site_mb": 1010.0, "zip_mb": 200.0}
    record = scale.growth_record(small, large)
    assert record["n_ratio"] == 10 and record["time_ratio"] == 10 and record["site_size_ratio"] == 10.1
    assert record["stage_time_ratios"]["mkdocs"] == 10.5


def test_smoke_run_prints_one_json_record_per_stage(tmp_path):
    """CI runs the same at N=500 (``python -m build_tools bench --notices 500``)."""
    emitted = []
    records = scale.run_bench([30], tmp_path, compare_material=True, offline=True, emit=emitted.append)
    assert records == emitted
    stages = Counter(record["stage"] for record in records)
    expected = BUILD_STAGES | {"site size", "offline zip", "material defaults", "rebuild", "targets"}
    assert set(stages) == expected and set(stages.values()) == {1}
    for record in records:
        assert record["n"] == 30
        json.dumps(record, ensure_ascii=False)  # printable as one JSON line
    for record in (r for r in records if r["stage"] in BUILD_STAGES):
        assert record["seconds"] >= 0 and record["peak_rss_mb"] > 0
    total = next(r for r in records if r["stage"] == "total")
    assert total["published"] == 30
    sizes = next(r for r in records if r["stage"] == "site size")
    assert sizes["kb_per_notice"] > 0 and sizes["max_page"].endswith(".html")
