"""Curator overrides: the three shapes, every field, and clear errors."""
import datetime as dt

import pytest

from build_tools.extract import OverrideError, extract
from build_tools.extract.overrides import apply_overrides
from build_tools.model import Metadata

from .helpers import document

NOTICE = document(title=["THÔNG BÁO"], body=["Ngày 02/8/2021, Ban Thường vụ Tỉnh ủy họp.", "Báo cáo."],
                  signature=["T/M BAN THƯỜNG VỤ"])


def test_flat_shape_with_a_shared_reason():
    meta = extract(NOTICE, {"province": "quang-ninh", "issued_date": dt.date(2021, 8, 3), "reason": "bản giấy"})
    assert meta.province.code == "quang-ninh" and meta.province.name == "Quảng Ninh"
    assert meta.issued_date == "2021-08-03"
    assert meta.overridden == {"province": "bản giấy", "issued_date": "bản giấy"}
    assert meta.clues["province"].rule == "override" and meta.clues["province"].confidence == 1.0


def test_grouped_and_per_field_shapes():
    meta = extract(NOTICE, {"fields": {"number": "2927-TB/TU"}, "reason": "dấu đỏ",
                            "signer_name": {"value": "Nguyễn Văn A", "reason": "tên mất khi quét"}})
    assert meta.number.text == "2927-TB/TU" and meta.number.form == "party"
    assert meta.signer.name == "Nguyễn Văn A" and meta.signer.authority == "T/M"
    assert meta.overridden == {"number": "dấu đỏ", "signer": "tên mất khi quét"}


def test_default_reason_and_clearing_a_value():
    meta = extract(NOTICE, {"meeting_date": None})
    assert meta.meeting_date is None and meta.overridden["meeting_date"] == "sửa tay của người biên tập"


def test_type_issuer_measures_and_chairs():
    meta = extract(NOTICE, {"doc_type": "KL", "issuer": {"name": "Tỉnh ủy", "kind": "party", "body": "Tỉnh ủy"},
                            "measures": ["vaccination"], "chairs": ["Nguyễn Văn A"], "scope": "provincial"})
    assert (meta.doc_type, meta.doc_type_code) == ("Kết luận", "KL")
    assert meta.issuer.kind == "party"
    assert [m.code for m in meta.measures] == ["vaccination"] and meta.measures[0].oxcgrt == "H7"
    assert meta.chairs == ["Nguyễn Văn A"]


def test_the_input_metadata_is_not_changed():
    meta = Metadata(province=None)
    apply_overrides(meta, {"province": "lang-son"})
    assert meta.province is None and meta.overridden == {}


@pytest.mark.parametrize("overrides, key", [
    ({"provinse": "quang-ninh"}, "provinse"),
    ({"province": "quang-nam-da-nang"}, "province"),
    ({"province": 22}, "province"),
    ({"issued_date": "2021-02-31"}, "issued_date"),
    ({"doc_type": "Bản tin"}, "doc_type"),
    ({"number": "không số"}, "number"),
    ({"scope": "local"}, "scope"),
    ({"measures": ["lockdown-everything"]}, "measures"),
    ({"chairs": "Nguyễn Văn A"}, "chairs"),
    ({"signer": {"nam": "A"}}, "signer"),
    ({"reason": 5, "province": "quang-ninh"}, "reason"),
    ({"fields": {"province": "quang-ninh"}, "province": "lang-son"}, "province"),
])
def test_bad_keys_and_values(overrides, key):
    with pytest.raises(OverrideError) as error:
        extract(NOTICE, overrides)
    assert error.value.key == key and error.value.message


@pytest.mark.parametrize("overrides, key", [
    ({"scope": "national", "province": "quang-ninh"}, "province"),
    ({"doc_type": "Kết luận", "doc_type_code": "TB"}, "doc_type_code"),
    ({"issued_date": "2021-08-01"}, "issued_date"),  # before the meeting of 02/8/2021 it reports
    ({"number": "12/2020/QĐ-UBND", "issued_date": "2021-08-03"}, "number"),
    ({"number": "123/QĐ-UBND", "doc_type": "Thông báo"}, "number"),
])
def test_contradictions(overrides, key):
    with pytest.raises(OverrideError) as error:
        extract(NOTICE, overrides)
    assert error.value.key == key


def test_the_default_reason_comes_from_change_kinds_yml():
    from build_tools.data_files import load_yaml

    from ..support.data import data_changed

    with data_changed(load_yaml("change_kinds.yml"), "override_reason", "sửa theo bản giấy"):
        assert extract(NOTICE, {"meeting_date": None}).overridden["meeting_date"] == "sửa theo bản giấy"
