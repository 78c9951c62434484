"""What of a notice the search index reads: the real pipeline on a seed notice."""
from pathlib import Path

from build_tools.model import NoticeHead
from build_tools.pipeline import process_file, summarise
from build_tools.publish.notice_pages import notice_record
from build_tools.search.documents import SIGNATURE_ANCHOR, names_of, search_doc, signature_text
from build_tools.search.index import prepare
from tests.support.paths import SEEDS


def seed_with(text: str):
    path = next(p for p in SEEDS if text in p.read_text(encoding="utf-8"))
    return process_file(path, path.parent).notice


def record_of(notice):
    head = NoticeHead(id="x", source=notice.source, meta=notice.meta, summary=summarise(notice), stored=Path("x"))
    return notice_record(head, "notices/x")


def test_signature_block_is_one_searchable_paragraph():
    assert signature_text(["T/M BAN THƯỜNG VỤ", "  BÍ   THƯ ", "", "Phạm Việt Thanh"]) == \
        "T/M BAN THƯỜNG VỤ BÍ THƯ Phạm Việt Thanh"
    assert signature_text([]) == ""


def test_a_seed_signer_reaches_the_index_as_text_and_as_a_name():
    notice = seed_with("Phạm Việt Thanh")
    record = record_of(notice)
    doc = search_doc(notice, record, "notices/x.html")
    assert doc.title == record.title and doc.province == record.province.name
    anchor, text = doc.paragraphs[-1]
    assert anchor == SIGNATURE_ANCHOR and text.endswith("Phạm Việt Thanh")
    assert "Phạm Việt Thanh" in names_of(notice) and doc.names == names_of(notice)
    prepared = prepare(doc)
    assert "pham viet" in prepared.terms and "viet thanh" in prepared.terms
