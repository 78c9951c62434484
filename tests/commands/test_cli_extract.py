"""`python -m build_tools extract FILE` prints each coded measure as a record."""
import json

from build_tools.commands.cli import main

NOTICE = """ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN
Số: 99/TB-UBND
Lạng Sơn, ngày 15 tháng 7 năm 2021

THÔNG BÁO
Về việc áp dụng biện pháp phòng, chống dịch

Thực hiện giãn cách xã hội theo Chỉ thị số 16/CT-TTg tại huyện Hữu Lũng từ 0 giờ ngày 17/7/2021, trong 14 ngày.

Không tập trung quá 10 người ngoài phạm vi công sở trên địa bàn tỉnh đến hết ngày 22/8/2021.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn A
"""


def test_extract_prints_coded_measures(tmp_path, capsys):
    source = tmp_path / "tb.txt"
    source.write_text(NOTICE, encoding="utf-8")
    assert main(["extract", str(source)]) == 0
    out = capsys.readouterr().out
    measures = json.loads(out)["coded_measures"]
    c6 = next(m for m in measures if m["oxcgrt"] == "C6")
    assert (c6["level"], c6["scope"], [p["name"] for p in c6["places"]], c6["start"], c6["end"]) == \
        (2, "targeted", ["Hữu Lũng"], "2021-07-17", "2021-07-30")
    assert c6["evidence"]["anchor"] and "Chỉ thị" in c6["evidence"]["text"]
    general = [m for m in measures if m["oxcgrt"] == "C4" and m["scope"] == "general"]
    assert general and general[0]["level"] == 4 and general[0]["end"] == "2021-08-22"
