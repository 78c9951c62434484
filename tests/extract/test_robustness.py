"""Extraction never fails on empty, partial or misplaced parts; unknown stays None."""
import string

from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.extract import extract
from build_tools.extract.textutil import fold
from build_tools.model import CleanDocument

from .helpers import document

VIETNAMESE = string.ascii_letters + string.digits + " ,.;:/-()\n" + "ăâđêôơưĐÀÁẢÃẠàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"


def test_empty_document():
    meta = extract(CleanDocument([], [], [], [], []))
    assert (meta.doc_type, meta.number, meta.issuer, meta.province, meta.issued_date, meta.signer) == \
        (None, None, None, None, None, None)
    assert meta.cites == meta.deadlines == meta.places == meta.measures == meta.chairs == []
    assert meta.clues == {}


def test_only_a_signature():
    meta = extract(document(signature=["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A"]))
    assert meta.signer.name == "Nguyễn Văn A" and meta.province is None


def test_header_flattened_with_pipes():
    meta = extract(document(header=["ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                    "Số: 423/TB-UBND | Lạng Sơn, ngày 02 tháng 12 năm 2021"], title=["THÔNG BÁO"],
                            body=["Nội dung."]))
    assert (meta.province.code, meta.number.text, meta.issued_date) == ("lang-son", "423/TB-UBND", "2021-12-02")
    assert meta.doc_type == "Thông báo" and meta.issuer.name == "Ủy ban nhân dân tỉnh"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=VIETNAMESE, max_size=300), max_size=6), st.lists(st.text(VIETNAMESE, max_size=60),
                                                                                  max_size=4))
def test_arbitrary_text_never_raises(paragraphs, lines):
    paragraphs = [p for p in paragraphs if p.strip()]
    meta = extract(document(body=paragraphs, header=lines, title=lines[:2], signature=lines[2:], recipients=lines))
    body = "\n".join(paragraphs)
    for cite in meta.cites:
        assert 0 <= cite.offset < len(body) + 1
    for place in meta.places:
        assert fold(body[place.offset:place.offset + len(place.name)]) == fold(place.name)
