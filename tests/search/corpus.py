"""Six handmade notices and a minimal site around ``archive-search.js`` for the search tests."""
from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

from build_tools.search import SearchDoc, write_search_index
from tests.support.paths import ROOT, SEEDS

SCRIPT = ROOT / "docs" / "assets" / "javascripts" / "archive-search.js"
STYLE = ROOT / "docs" / "assets" / "stylesheets" / "archive-search.css"
INJECTION = '<img src=x onerror=alert(1)>'


def notice(id, province, code, title, paragraphs, *, number=None, doc_type="Thông báo", issuer=None,
           date="2021-08-10", measures=(), names=()):
    """A SearchDoc; a paragraph given as (anchor, text) keeps its anchor, others are "doan-<n>"."""
    return SearchDoc(id=id, url=f"notices/{code}/{id}.html", title=title, number=number, doc_type=doc_type,
                     issuer=issuer, province=province, province_code=code, date=date, measures=measures,
                     paragraphs=tuple(text if isinstance(text, tuple) else (f"doan-{i + 1}", text)
                                      for i, text in enumerate(paragraphs)), names=names)


DOCS = (
    notice("qn-cach-ly", "Quảng Ninh", "quang-ninh", "Thông báo về cách ly tập trung người về từ vùng dịch", [
        "Ban Thường vụ Tỉnh ủy đã nghe báo cáo về tình hình dịch bệnh.",
        "Thực hiện cách ly tập trung 21 ngày đối với người về từ vùng có dịch.",
        "Các huyện Vân Đồn, Cẩm Phả tăng cường kiểm soát tại chốt.",
    ], number="2927-TB/TU", issuer="Ban Thường vụ Tỉnh ủy", measures=("H3", "C7")),
    notice("ls-tiem-chung", "Lạng Sơn", "lang-son", "Kế hoạch tiêm vắc xin phòng COVID-19", [
        "Ủy ban nhân dân tỉnh chỉ đạo tiêm vắc xin cho người từ 18 tuổi trở lên.",
        "Các huyện Hữu Lũng, Chi Lăng bố trí điểm tiêm.",
    ], number="120/KH-UBND", doc_type="Kế hoạch", issuer="UBND tỉnh", date="2022-01-15", measures=("H7",)),
    notice("hp-tinh-hinh", "Hải Phòng", "hai-phong", "Báo cáo tình hình dịch bệnh", [
        "Tình hình dịch bệnh diễn biến phức tạp; tình trạng lây nhiễm trong cộng đồng còn cao.",
        "Tình nguyện viên hỗ trợ người dân, tình cảm gắn bó, đoàn kết.",
    ], number="55/BC-UBND", doc_type="Báo cáo", issuer="UBND thành phố", date="2021-09-02", measures=("H1",)),
    notice("hn-ho-tro", "Hà Nội", "ha-noi", "Kế hoạch hỗ trợ người lao động gặp khó khăn", [
        "Thực hiện Nghị quyết số 68/NQ-CP ngày 01/7/2021 của Chính phủ về hỗ trợ người lao động.",
        "Quyết định số 23/2021/QĐ-TTg quy định việc thực hiện hỗ trợ.",
    ], number="123/KH-UBND", doc_type="Kế hoạch", issuer="UBND thành phố", date="2021-07-20", measures=("E1",)),
    notice("bd-gian-cach", "Bình Dương", "binh-duong", "Chỉ thị về giãn cách xã hội", [
        f"Nội dung lạ {INJECTION} cần hiển thị như chữ: giãn cách xã hội toàn tỉnh <script>alert(2)</script>.",
        "Người dân ở nhà, chỉ ra ngoài khi thật cần thiết.",
    ], number="18/CT-UBND", doc_type="Chỉ thị", issuer="UBND tỉnh", date="2021-07-09", measures=("C6",)),
    notice("qn-tap-trung", "Quảng Ninh", "quang-ninh", "Kết luận về công tác phòng dịch", [
        "Tập trung theo dõi sức khỏe; cách thức tổ chức các khu ly tâm không thay đổi.",
        "Huy động lực lượng tập trung cho công tác cách ly tại nhà.",
    ], number="25-KL/TU", doc_type="Kết luận", issuer="Ban Thường vụ Tỉnh ủy", date="2020-04-02", measures=("C4",)),
)

PAGE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>{title}</title>
<link rel="stylesheet" href="{root}assets/stylesheets/archive-search.css"></head>
<body><header class="md-header"><nav class="md-header__inner"><div class="md-header__title">Kho</div>
<div class="md-header__source"></div></nav></header>
<main>{body}</main>
<script src="{root}assets/javascripts/archive-search.js"></script></body></html>
"""


def write_site(site: Path, docs=DOCS) -> dict:
    """Index ``docs`` and write pages at three depths (home, notices, search page) that load the script."""
    stats = write_search_index(iter(docs), site / "search")
    assets = site / "assets"
    (assets / "javascripts").mkdir(parents=True, exist_ok=True)
    (assets / "stylesheets").mkdir(parents=True, exist_ok=True)
    shutil.copy(SCRIPT, assets / "javascripts" / SCRIPT.name)
    shutil.copy(STYLE, assets / "stylesheets" / STYLE.name)
    (site / "index.html").write_text(PAGE.format(title="Trang chủ", root="", body="<h1>Trang chủ</h1>"), "utf-8")
    search_body = '<h1>Tìm kiếm</h1><div id="archive-search-page"><p>Cần JavaScript.</p></div>'
    (site / "tim-kiem.html").write_text(PAGE.format(title="Tìm kiếm", root="", body=search_body), "utf-8")
    for doc in docs:
        page = site / doc.url
        page.parent.mkdir(parents=True, exist_ok=True)
        body = "".join(f'<p id="{anchor}">{anchor}</p>' for anchor, _ in doc.paragraphs)
        page.write_text(PAGE.format(title=doc.id, root="../../", body=body), "utf-8")
    return stats


PROVINCES = [("Quảng Ninh", "quang-ninh"), ("Lạng Sơn", "lang-son"), ("Hải Phòng", "hai-phong"),
             ("Bà Rịa - Vũng Tàu", "ba-ria-vung-tau"), ("Đắk Lắk", "dak-lak")]


def generated_docs(count: int, seed: int = 7) -> list[SearchDoc]:
    """``count`` notices recombined from the seed notices' sentences (deterministic)."""
    rng = random.Random(seed)
    text = " ".join(p.read_text(encoding="utf-8") for p in SEEDS).replace("*", "")
    sentences = [s for s in re.split(r"(?<=[.;:])\s+", re.sub(r"\s+", " ", text)) if 30 <= len(s) <= 400]
    docs = []
    for n in range(count):
        province, code = rng.choice(PROVINCES)
        paragraphs = [" ".join(rng.sample(sentences, rng.randint(1, 3))) for _ in range(rng.randint(2, 6))]
        date = f"{rng.choice([2020, 2021, 2022])}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
        docs.append(notice(f"gen-{n}", province, code, rng.choice(sentences)[:80], paragraphs,
                           number=f"{rng.randint(1, 999)}/TB-UBND", date=date,
                           doc_type=rng.choice(["Thông báo", "Kế hoạch", "Công điện"]),
                           issuer=rng.choice(["UBND tỉnh", "Tỉnh ủy"]),
                           measures=tuple(rng.sample(["H2", "H3", "C4"], 1))))
    return docs


# Small enough that 200 notices have common terms with rest files, split prefixes and truncated completions.
TINY_LAYOUT = dict(page_size=12, completion_postings=5, completions=4, shard_target=600, max_key_length=4,
                   doc_bucket=16)


# Confusable readings (issue 19): each query below has one right notice and distractors that hold
# its syllables in other words, in another order, or apart. Written for the tests, from the
# structures of real notices; names of people are invented.
SIGNATURE = "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Phạm Quốc Vinh"
CONFUSABLE_DOCS = (
    notice("qn-van-don", "Quảng Ninh", "quang-ninh", "Thông báo về kiểm soát dịch tại các huyện", [
        "Ủy ban nhân dân tỉnh yêu cầu các địa phương tăng cường kiểm soát.",
        "Tại huyện Vân Đồn, lực lượng chức năng kiểm soát chặt chẽ người ra vào.",
    ], number="12/TB-UBND"),
    notice("vd-van-dong", "Hải Phòng", "hai-phong", "Kế hoạch vận động Nhân dân tiêm vắc xin", [
        "Các đơn vị vận động Nhân dân tham gia tiêm vắc xin; cuộc vận động do Mặt trận chủ trì.",
        "Văn phòng tổng hợp đơn thư, báo cáo kết quả vận động.",
    ], number="30/KH-UBND", doc_type="Kế hoạch"),
    notice("vd-van-don-thu", "Hà Nội", "ha-noi", "Thông báo tiếp nhận văn đơn", [
        "Bộ phận một cửa tiếp nhận văn đơn của tổ chức, cá nhân theo quy định.",
    ], number="31/TB-UBND"),
    notice("ls-huu-lung", "Lạng Sơn", "lang-son", "Công điện về phòng dịch tại huyện Hữu Lũng", [
        "Tỉnh Lạng Sơn yêu cầu huyện Hữu Lũng khoanh vùng ổ dịch.",
        "Cuốn cẩm nang phòng dịch được phát tại Phả Lại cho người dân.",
    ], number="05/CĐ-UBND", doc_type="Công điện"),
    notice("qn-nghi-huu", "Quảng Ninh", "quang-ninh", "Kết luận về công tác cán bộ", [
        "Một số cán bộ đã nghỉ hưu được mời hỗ trợ; nhiều nơi còn lúng túng khi triển khai.",
        "Tránh lãng phí, chăm lo đời sống người dân; sơn sửa trạm y tế.",
        "Thị xã Cẩm Phả tiếp tục giám sát.",
    ], number="40-KL/TU", doc_type="Kết luận"),
    notice("hoc-truc-tuyen", "Bình Dương", "binh-duong", "Hướng dẫn dạy và học trong mùa dịch", [
        "Các trường tổ chức học trực tuyến cho học sinh từ ngày 06/9/2021.",
    ], number="77/HD-SGDĐT", doc_type="Hướng dẫn"),
    notice("hop-truc-tuyen", "Bình Dương", "binh-duong", "Thông báo kết luận cuộc họp", [
        "Ủy ban nhân dân tỉnh tổ chức họp trực tuyến với các huyện.",
        "Học sinh tiếp tục nghỉ học; các sở tổng hợp số liệu.",
    ], number="78/TB-UBND"),
    notice("signed", "Hà Giang", "ha-giang", "Thông báo về phòng, chống dịch", [
        "Ủy ban nhân dân tỉnh thông báo như sau.",
        "Cấm tụ tập đông người.",
        ("chu-ky", SIGNATURE),
    ], number="90/TB-UBND", names=("Phạm Quốc Vinh",)),
    notice("not-signed", "Hà Giang", "ha-giang", "Thông báo xử lý vi phạm", [
        "Xử lý nghiêm các trường hợp vi phạm; Quốc lộ 2 được kiểm soát.",
        "Đoàn kiểm tra do ông Vinh dẫn đầu.",
    ], number="91/TB-UBND"),
    notice("cam-scattered", "Lào Cai", "lao-cai", "Thông báo phát cẩm nang", [
        "Cuốn cẩm nang phòng dịch được in thêm.",
        "Đoàn công tác đã đến Phả Lại và các xã lân cận.",
    ], number="92/TB-UBND"),
    notice("snippet", "Hà Nam", "ha-nam", "Hướng dẫn chăm sóc người bệnh", [
        "Người có bệnh lý nền được theo dõi sức khỏe hằng ngày, không được tự ý rời khỏi nơi ở; "
        "trạm y tế xã bố trí cán bộ đến tận nhà để hỗ trợ, đồng thời thực hiện cách ly y tế tại nhà theo quy định.",
    ], number="93/HD-UBND", doc_type="Hướng dẫn"),
)
