"""Real national documents from Công báo (PDF text with page furniture): the layout rules hold.

A sample across the kinds of document and the ways their text is broken; the whole
corpus is measured by benchmarks/extract_accuracy.py.
"""
import functools

import pytest

from build_tools.clean import clean_text
from build_tools.extract import extract
from tests.support.paths import CONGBAO

SAMPLE = {
    # file: (number, type, issue date, issuer, signer)
    "chi-thi-so-21-ct-ttg-469580.txt":
        ("21/CT-TTg", "Chỉ thị", "2026-05-20", "Thủ tướng Chính phủ", "Phạm Thị Thanh Trà"),
    "nghi-dinh-so-74-2025-nd-cp-44712.txt":
        ("74/2025/NĐ-CP", "Nghị định", "2025-03-31", "Chính phủ", "Lê Thành Long"),
    # a law: no date line; the adoption sentence dates it
    "luat-so-51-2024-qh15-43559.txt": ("51/2024/QH15", "Luật", "2024-11-27", "Quốc hội", None),
    # number and symbol broken over two lines; five issuing bodies
    "thong-tu-lien-tich-so-01-2022-ttlt-vksndtc-tandtc-bca-bqp-bldtbxh-36844.txt":
        ("01/2022/TTLT-VKSNDTC-TANDTC-BCA-BQP-BLĐTBXH", "Thông tư liên tịch", "2022-02-18",
         "Viện kiểm sát nhân dân tối cao - Tòa án nhân dân tối cao - Bộ Công an - Bộ Quốc phòng - "
         "Bộ Lao động - Thương binh và Xã hội", "Nguyễn Trí Tuệ"),
    # consolidated text: number and date in the authentication block at the end, title of the original
    "van-ban-hop-nhat-so-2279-vbhn-bldtbxh-39619.txt":
        ("2279/VBHN-BLĐTBXH", "Văn bản hợp nhất", "2023-06-21", "Bộ Lao động - Thương binh và Xã hội",
         "Lê Văn Thanh"),
    # dotted number (66.19)
    "nghi-quyet-so-6619-2026-nq-cp-469586.txt":
        ("66.19/2026/NQ-CP", "Nghị quyết", "2026-05-18", "Chính phủ", None),
    # the header came out of the PDF after the title: number and date among the first blocks
    "thong-tu-so-41-2026-tt-btc-469351.txt": ("41/2026/TT-BTC", "Thông tư", "2026-04-06", "Bộ Tài chính", None),
}


@functools.lru_cache(maxsize=None)
def extracted(name):
    path = CONGBAO / name
    if not path.is_file():
        pytest.skip(f"SKIPPED: the Công báo corpus is not at {CONGBAO}")
    return extract(clean_text(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("name", sorted(SAMPLE))
def test_national_document(name):
    meta = extracted(name)
    number, doc_type, issued, issuer, signer = SAMPLE[name]
    assert meta.number.text == number
    assert meta.doc_type == doc_type
    assert meta.issued_date == issued
    assert meta.issuer.name == issuer
    assert (meta.signer.name if meta.signer else None) == signer
    assert meta.scope == "national" and meta.province is None


def test_truncated_file_without_text_yields_unknowns_not_guesses():
    meta = extracted("nghi-quyet-so-27-2026-nq-cp-469546.txt")  # the file holds only page furniture
    assert meta.number is None and meta.doc_type is None and meta.issued_date is None
