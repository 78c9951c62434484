"""What of a notice the search index reads: the real pipeline on a seed notice."""
from build_tools.pipeline import process_file
from build_tools.search.documents import SIGNATURE_ANCHOR, names_of, search_doc, signature_text
from build_tools.search.index import prepare
from tests.support.paths import SEEDS


def seed_with(text: str):
    path = next(p for p in SEEDS if text in p.read_text(encoding="utf-8"))
    return process_file(path, path.parent).notice


def record_of(notice) -> dict:
    return {"id": "x", "title": notice.meta.title or "", "number": None, "doc_type": notice.meta.doc_type,
            "issuer": None, "province": None, "issued_date": notice.meta.issued_date, "measures": []}


def test_signature_block_is_one_searchable_paragraph():
    assert signature_text(["T/M BAN THƯỜNG VỤ", "  BÍ   THƯ ", "", "Phạm Việt Thanh"]) == \
        "T/M BAN THƯỜNG VỤ BÍ THƯ Phạm Việt Thanh"
    assert signature_text([]) == ""


def test_a_seed_signer_reaches_the_index_as_text_and_as_a_name():
    notice = seed_with("Phạm Việt Thanh")
    doc = search_doc(notice, record_of(notice), "notices/x.html")
    anchor, text = doc.paragraphs[-1]
    assert anchor == SIGNATURE_ANCHOR and text.endswith("Phạm Việt Thanh")
    assert "Phạm Việt Thanh" in names_of(notice) and doc.names == names_of(notice)
    prepared = prepare(doc)
    assert "pham viet" in prepared.terms and "viet thanh" in prepared.terms
