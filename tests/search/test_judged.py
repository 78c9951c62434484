"""The judged query set (tests/fixtures/search/judged.yml) and the measures of benchmarks/search_judged.py."""
import math
import sys

import pytest

from tests.support.paths import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
judged = pytest.importorskip("search_judged")


def test_the_set_has_at_least_150_queries_of_every_kind_with_and_without_accents():
    _, items = judged.load_items()
    asked = [(q, accented, item["kind"]) for item in items for q, accented in judged.queries_of(item)]
    assert len(asked) >= 150
    assert {kind for _, _, kind in asked} == {"person", "place", "number", "topic"}
    assert sum(1 for _, accented, _ in asked if not accented) * 2 == len(asked)
    assert ("van don", False, "place") in asked and ("37/2021/QD-UBND", False, "number") in asked


def test_relevance_follows_the_accents_of_the_item():
    _, items = judged.load_items()
    wanted = [i for i in items if i["target"] in ("Vân Đồn", "37/2021/QĐ-UBND")]
    texts = {"a": "Tại huyện Vân Đồn, kiểm soát chặt.", "b": "Ban vận động; đơn vị Vân, Đồn biên phòng.",
             "c": "Thực hiện Quyết định số 37/2021/QĐ-UBND.", "d": "Quyết định số 37/2020/QĐ-UBND."}
    relevant = judged.relevant_sets(texts, wanted)
    assert relevant == {"Vân Đồn": {"a"}, "37/2021/QĐ-UBND": {"c"}}


def test_planting_puts_the_sentence_in_the_body_and_the_signer_last():
    import random
    text = "TIÊU ĐỀ\n\nĐoạn một.\n\nĐoạn hai.\n\nĐoạn ba.\n\nNơi nhận:\n- Lưu.\n\nCHỦ TỊCH\n\nNguyễn Văn A\n"
    planted = judged.insert_paragraph(text, "Câu mới.", random.Random(1))
    assert planted.index("Câu mới.") < planted.index("Nơi nhận")
    columns = "Đoạn một.\n\nĐoạn hai.\n\nTM. UBND\nNơi nhận:\n- Lưu.\n\nNguyễn Văn A\n"
    scanned = ("UBND TỈNH X \nSố: 1/TB \n \nTHÔNG BÁO \n \n" + "Dòng thân bài. \n" * 6 + " \n" + "Dòng nữa. \n" * 4
               + " \nNơi nhận: \n- Lưu. \n")
    for seed in range(5):  # blank lines with spaces, as copies of scans have them
        planted = judged.insert_paragraph(scanned, "Câu mới.", random.Random(seed))
        assert planted.index("THÔNG BÁO") < planted.index("Câu mới.") < planted.index("Nơi nhận")
    for seed in range(5):  # the recipients may share a block with the signature's first lines
        planted = judged.insert_paragraph(columns, "Câu mới.", random.Random(seed))
        assert planted.index("Câu mới.") < planted.index("TM. UBND")
    assert judged.replace_signer(text, "Lê Thị B").rstrip().endswith("CHỦ TỊCH\n\nLê Thị B")


def test_measures():
    assert judged.measures(["x", "a", "y"], {"a"}) == {"p1": 0.0, "p5": 0.2, "ndcg10": 1 / math.log2(3)}
    assert judged.measures(["a", "b"], {"a", "b"})["ndcg10"] == 1.0
    assert judged.measures([], {"a"}) == {"p1": 0.0, "p5": 0.0, "ndcg10": 0.0}
