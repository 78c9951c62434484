"""The second-engine benchmark: errors counted by kind, halves apart, a clean skip without the model."""
from __future__ import annotations

import pytest

from benchmarks import ocr_second_engine as bench


@pytest.mark.parametrize("read, truth, kind", [
    ("ƯBND", "UBND", "marks only"),
    ("tình", "tỉnh", "marks only"),
    ("Tỉnh", "tỉnh", "case"),
    ("tinh", "tình", "marks only"),
    ("cáeb", "cách", "letter group (length or several letters)"),
    ("ừên", "trên", "letter group (length or several letters)"),
    ("mặc", "mặt", "one letter"),
])
def test_each_error_has_one_kind(read, truth, kind):
    assert bench.error_kind(read, truth) == kind


def test_error_kinds_count_substitutions_and_missing_and_extra_words():
    kinds = bench.error_kinds("Uy ban nhân dân tình Lạng Son son", "Ủy ban nhân dân tỉnh Lạng Sơn nay")
    assert kinds["marks only"] == 3 and sum(kinds.values()) == 4  # Uy, tình, Son; "son" for "nay"
    kinds = bench.error_kinds("một hai ba", "một hai ba bốn")
    assert kinds == {"missing words": 1}
    kinds = bench.error_kinds("phòngchống dịch", "phòng chống dịch")
    assert kinds == {"merged or split words": 2}


def test_the_halves_share_no_split():
    assert bench.HALVES["tune"] != bench.HALVES["test"]


def test_without_the_model_the_benchmark_skips_cleanly(monkeypatch, capsys):
    monkeypatch.setattr(bench, "model_installed", lambda engine="script": False)
    monkeypatch.setattr("sys.argv", ["ocr_second_engine.py"])
    bench.main()
    assert "not installed" in capsys.readouterr().out


def test_broken_counts_words_the_repair_changed_that_were_right():
    assert bench.broken("các cơ quan thực hiện", "cách cơ quan thực hiện", "các cơ quan thực hiện") == 1
    assert bench.broken("cáeb ly", "cách ly", "cách ly") == 0


def test_without_the_legacy_model_the_legacy_engine_skips_cleanly(monkeypatch, capsys):
    from benchmarks import legacy_ocr

    monkeypatch.setattr(legacy_ocr, "tessdata", lambda folder=None: None)
    monkeypatch.setattr("sys.argv", ["ocr_second_engine.py", "--engine", "legacy"])
    bench.main()
    assert "not fetched" in capsys.readouterr().out
