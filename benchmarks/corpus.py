"""The benchmark corpus: N realistic synthetic notices (the one generator; benchmarks/scale.py builds it).

Why synthetic: the archive holds a handful of real notices but must stay fast at
20,000. The corpus recombines real sentences (the seed notices in ``source_texts/``
and the Công báo documents in ``../shared/corpora/congbao``) inside the real layout
of provincial notices (REFERENCE.md §1), so every stage does the work it does on
real data: headers to parse, numbers, dates, signers and citations to extract,
measures to tag, OCR noise to repair.

``generate_corpus(n, out_dir, seed)`` writes the same bytes for the same seed;
``benchmarks/generate_corpus.py`` writes one to look at, ``benchmarks/scale.py`` (and
``python -m build_tools bench``) builds it and prints figures.
"""
from __future__ import annotations

import datetime
import functools
import hashlib
import math
import random
import re
import sys
import textwrap
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml

ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = ROOT / "source_texts"
CONGBAO_DIR = ROOT.parent / "shared" / "corpora" / "congbao"
PROVINCES_FILE = ROOT / "build_tools" / "data" / "provinces.yml"

# --- vocabulary of the generated notices ------------------------------------------------------

FAMILY_NAMES = ("Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan",
                "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Lương", "Trịnh", "Mai",
                "Cao", "Hà", "Lâm", "Tô", "Triệu", "Nông")
MIDDLE_NAMES = ("Văn", "Văn", "Hữu", "Đức", "Minh", "Quang", "Thanh", "Xuân", "Tiến", "Công", "Quốc", "Trọng",
                "Ngọc", "Hồng", "Anh", "Việt", "Mạnh", "Thị", "Thị", "Thu", "Kim")
GIVEN_NAMES = ("Hùng", "Dũng", "Thành", "Hưng", "Tuấn", "Long", "Hải", "Nam", "Sơn", "Trung", "Thắng", "Cường",
               "Quân", "Bình", "Khánh", "Thiệu", "Nghiệm", "Phong", "Toàn", "Lợi", "Đạt", "Hiếu", "Tâm", "Vinh",
               "Phúc", "Chiến", "Trường", "Kiên", "Thịnh", "Quyết", "Tú", "Hà", "Hoa", "Lan", "Hương", "Mai",
               "Phương", "Hằng", "Nga", "Thủy", "Yến", "Hạnh", "Dung", "Linh", "Huyền", "Giang", "Hiền")

DOC_TYPES = {  # type code → (name, title line)
    "TB": ("Thông báo", "THÔNG BÁO"), "KL": ("Kết luận", "KẾT LUẬN"), "CT": ("Chỉ thị", "CHỈ THỊ"),
    "CĐ": ("Công điện", "CÔNG ĐIỆN"), "KH": ("Kế hoạch", "KẾ HOẠCH"), "QĐ": ("Quyết định", "QUYẾT ĐỊNH"),
}


@dataclass(frozen=True)
class IssuerSpec:
    """One kind of provincial issuing body: its number code, the types it issues and how often."""

    key: str
    label: str  # the issuer as the brief names it, for the corpus summary
    party: bool
    code: str  # issuer code in the number: 123/TB-UBND, 2927-TB/TU
    types: tuple[tuple[str, float], ...]
    weight: float


ISSUERS = (
    IssuerSpec("ubnd", "UBND tỉnh", False, "UBND", (("TB", 3), ("CT", 1.5), ("CĐ", 1.5), ("KH", 2), ("QĐ", 2.5)), 45),
    IssuerSpec("tu", "Tỉnh ủy / Ban Thường vụ Tỉnh ủy", True, "TU",
               (("TB", 3), ("KL", 3), ("CT", 1.5), ("CĐ", 0.7), ("KH", 0.8)), 25),
    IssuerSpec("bcd", "Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh", False, "BCĐ",
               (("TB", 3), ("KH", 1), ("QĐ", 1), ("CĐ", 0.5)), 18),
    IssuerSpec("vpubnd", "Văn phòng UBND tỉnh", False, "VPUBND", (("TB", 1),), 12),
)

# Central documents the notices cite: real numbers, dates and issuers (REFERENCE.md §3).
CENTRAL_DOCUMENTS = (
    ("Chỉ thị", "06/CT-TTg", "2020-01-31", "Thủ tướng Chính phủ",
     "về việc tăng cường phòng, chống dịch bệnh viêm đường hô hấp cấp do chủng mới của vi rút Corona gây ra"),
    ("Chỉ thị", "15/CT-TTg", "2020-03-27", "Thủ tướng Chính phủ",
     "về quyết liệt thực hiện đợt cao điểm phòng, chống dịch COVID-19"),
    ("Chỉ thị", "16/CT-TTg", "2020-03-31", "Thủ tướng Chính phủ",
     "về thực hiện các biện pháp cấp bách phòng, chống dịch COVID-19"),
    ("Quyết định", "447/QĐ-TTg", "2020-04-01", "Thủ tướng Chính phủ", "về việc công bố dịch COVID-19"),
    ("Nghị quyết", "42/NQ-CP", "2020-04-09", "Chính phủ",
     "về các biện pháp hỗ trợ người dân gặp khó khăn do đại dịch COVID-19"),
    ("Chỉ thị", "19/CT-TTg", "2020-04-24", "Thủ tướng Chính phủ",
     "về tiếp tục thực hiện các biện pháp phòng, chống dịch COVID-19 trong giai đoạn mới"),
    ("Quyết định", "15/2020/QĐ-TTg", "2020-04-24", "Thủ tướng Chính phủ",
     "quy định về việc thực hiện các chính sách hỗ trợ người dân gặp khó khăn do đại dịch COVID-19"),
    ("Nghị quyết", "68/NQ-CP", "2021-07-01", "Chính phủ",
     "về một số chính sách hỗ trợ người lao động và người sử dụng lao động gặp khó khăn do đại dịch COVID-19"),
    ("Quyết định", "23/2021/QĐ-TTg", "2021-07-07", "Thủ tướng Chính phủ",
     "quy định về việc thực hiện một số chính sách hỗ trợ người lao động và người sử dụng lao động gặp khó "
     "khăn do đại dịch COVID-19"),
    ("Nghị quyết", "30/2021/QH15", "2021-07-28", "Quốc hội", "Kỳ họp thứ nhất, Quốc hội khóa XV"),
    ("Nghị quyết", "86/NQ-CP", "2021-08-06", "Chính phủ",
     "về các giải pháp cấp bách phòng, chống dịch bệnh COVID-19 để thực hiện Nghị quyết số 30/2021/QH15"),
    ("Nghị quyết", "128/NQ-CP", "2021-10-11", "Chính phủ",
     "ban hành Quy định tạm thời \"Thích ứng an toàn, linh hoạt, kiểm soát hiệu quả dịch COVID-19\""),
    ("Quyết định", "4800/QĐ-BYT", "2021-10-12", "Bộ Y tế",
     "về việc ban hành hướng dẫn tạm thời về chuyên môn y tế thực hiện Nghị quyết số 128/NQ-CP"),
    ("Kết luận", "25-KL/TW", "2021-12-30", "Bộ Chính trị", ""),
    ("Công điện", "28/CĐ-TTg", "2022-01-11", "Thủ tướng Chính phủ", ""),
    ("Nghị quyết", "11/NQ-CP", "2022-01-30", "Chính phủ",
     "về Chương trình phục hồi và phát triển kinh tế - xã hội"),
)
DISTANCING_DIRECTIVES = ("Chỉ thị số 15/CT-TTg", "Chỉ thị số 16/CT-TTg", "Chỉ thị số 19/CT-TTg")

DEPARTMENTS = ("Sở Y tế", "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Sở Lao động - Thương binh và Xã hội",
               "Sở Giáo dục và Đào tạo", "Sở Thông tin và Truyền thông", "Sở Giao thông vận tải", "Sở Công Thương",
               "Sở Văn hóa, Thể thao và Du lịch", "Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Sở Nội vụ",
               "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Ban Quản lý các khu công nghiệp", "Sở Du lịch",
               "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Bảo hiểm xã hội tỉnh", "Cục Thuế tỉnh")

TOPICS = (  # (summary of the title, earliest date it makes sense)
    ("tăng cường các biện pháp phòng, chống dịch COVID-19 trên địa bàn ⟨unit⟩", "2020-01-31"),
    ("triển khai các biện pháp cấp bách phòng, chống dịch bệnh COVID-19 trong tình hình mới", "2020-01-31"),
    ("áp dụng biện pháp giãn cách xã hội theo ⟨directive⟩ tại ⟨district⟩", "2020-03-31"),
    ("thực hiện cách ly toàn xã hội theo Chỉ thị số 16/CT-TTg của Thủ tướng Chính phủ", "2020-03-31"),
    ("tổ chức cách ly y tế tại nhà đối với người tiếp xúc gần (F1)", "2020-03-01"),
    ("triển khai tiêm vắc xin phòng COVID-19 trên địa bàn ⟨unit⟩", "2021-03-08"),
    ("tổ chức xét nghiệm SARS-CoV-2 diện rộng trong cộng đồng", "2020-07-28"),
    ("hỗ trợ người lao động và người sử dụng lao động gặp khó khăn do đại dịch COVID-19 theo Nghị quyết số "
     "68/NQ-CP", "2021-07-01"),
    ("thí điểm điều trị người nhiễm COVID-19 (F0) tại nhà", "2021-08-15"),
    ("kiểm soát người, phương tiện ra vào ⟨unit⟩ tại các chốt kiểm soát", "2020-04-01"),
    ("thích ứng an toàn, linh hoạt, kiểm soát hiệu quả dịch COVID-19 theo Nghị quyết số 128/NQ-CP",
     "2021-10-11"),
    ("tổ chức cho học sinh đi học trực tiếp trở lại trên địa bàn ⟨unit⟩", "2020-05-01"),
    ("phòng, chống dịch COVID-19 trong dịp Tết Nguyên đán", "2020-12-15"),
    ("tạm dừng hoạt động các cơ sở kinh doanh dịch vụ không thiết yếu", "2020-03-15"),
    ("thành lập và nâng cao hiệu quả hoạt động của Tổ COVID cộng đồng", "2020-04-15"),
    ("ứng phó với biến chủng Omicron trên địa bàn ⟨unit⟩", "2021-12-01"),
    ("bảo đảm an toàn phòng, chống dịch tại các khu công nghiệp, cơ sở sản xuất", "2020-05-01"),
    ("kiểm soát chặt chẽ người nhập cảnh và người từ vùng dịch về địa phương", "2020-02-01"),
)

MEASURE_SENTENCES = (  # orders, each with the words the measure taxonomy reads (build_tools/data/measures.yml)
    "Tạm dừng hoạt động các cơ sở kinh doanh dịch vụ không thiết yếu như karaoke, vũ trường, quán bar, "
    "massage, spa, phòng tập thể dục thẩm mỹ trên địa bàn ⟨district⟩ kể từ 0 giờ ngày ⟨future⟩.",
    "Yêu cầu người dân thực hiện nghiêm thông điệp 5K: Khẩu trang - Khử khuẩn - Khoảng cách - Không tụ "
    "tập - Khai báo y tế.",
    "Bắt buộc đeo khẩu trang khi ra khỏi nhà và tại nơi công cộng; xử lý nghiêm các trường hợp vi phạm.",
    "Không tổ chức các hoạt động tập trung trên 20 người ngoài phạm vi công sở, trường học, bệnh viện; "
    "giữ khoảng cách tối thiểu 02 mét tại nơi công cộng.",
    "Tạm dừng tổ chức các lễ hội, hoạt động tôn giáo, tín ngưỡng, sự kiện văn hóa, thể thao đông người "
    "trên địa bàn ⟨unit⟩.",
    "Cho học sinh các cấp nghỉ học đến trường, chuyển sang hình thức dạy học trực tuyến kể từ ngày ⟨future⟩.",
    "Thực hiện giãn cách xã hội theo ⟨directive⟩ đối với ⟨district⟩ trong thời gian 14 ngày kể từ 0 giờ "
    "ngày ⟨future⟩.",
    "Người dân chỉ ra khỏi nhà trong trường hợp thật sự cần thiết như mua lương thực, thực phẩm, thuốc "
    "men, cấp cứu, làm việc tại nhà máy, cơ sở sản xuất.",
    "Thiết lập các chốt kiểm soát dịch bệnh tại các cửa ngõ ra vào ⟨unit⟩, kiểm soát chặt chẽ người và "
    "phương tiện từ vùng dịch về địa phương.",
    "Tạm dừng hoạt động vận tải hành khách công cộng bằng xe buýt, xe khách liên tỉnh đi và đến ⟨district⟩.",
    "Yêu cầu mọi người dân đến từ vùng dịch phải khai báo y tế ngay khi đến địa phương và thực hiện cách "
    "ly tại nhà 07 ngày, tự theo dõi sức khỏe 07 ngày tiếp theo.",
    "Tổ chức cách ly tập trung 14 ngày đối với người nhập cảnh và theo dõi sức khỏe tại nhà 14 ngày tiếp "
    "theo sau khi hoàn thành cách ly tập trung.",
    "Sở Y tế chủ trì tổ chức xét nghiệm SARS-CoV-2 bằng phương pháp RT-PCR gộp mẫu cho toàn bộ người dân "
    "tại các khu vực phong tỏa, hoàn thành trước ngày ⟨future⟩.",
    "Khẩn trương truy vết, khoanh vùng, cách ly các trường hợp F1, F2 liên quan đến ca bệnh mới ghi "
    "nhận tại ⟨district⟩.",
    "Đẩy nhanh tiến độ tiêm vắc xin phòng COVID-19, bảo đảm 100% người từ 18 tuổi trở lên được tiêm đủ "
    "liều cơ bản trước ngày ⟨future⟩; tổ chức tiêm mũi bổ sung, mũi nhắc lại cho người cao tuổi, người có "
    "bệnh nền.",
    "Ưu tiên tiêm vắc xin cho lực lượng tuyến đầu, người cao tuổi, người có bệnh lý nền và công nhân tại "
    "các khu công nghiệp.",
    "Triển khai điều trị người nhiễm COVID-19 (F0) không có triệu chứng tại nhà theo hướng dẫn của Bộ "
    "Y tế; Trạm Y tế xã, phường, thị trấn theo dõi, quản lý F0 tại nhà.",
    "Củng cố, kiện toàn Tổ COVID cộng đồng tại các thôn, khu phố; phát huy vai trò giám sát của Tổ COVID "
    "cộng đồng trong việc quản lý người về từ vùng dịch.",
    "Chuẩn bị sẵn sàng phương án \"4 tại chỗ\" và cơ sở thu dung, điều trị người bệnh COVID-19 với quy mô "
    "tối thiểu 500 giường.",
    "Thực hiện kịp thời chính sách hỗ trợ người lao động và người sử dụng lao động gặp khó khăn theo Nghị "
    "quyết số 68/NQ-CP và Quyết định số 23/2021/QĐ-TTg, không để ai bị bỏ lại phía sau.",
    "Sở Lao động - Thương binh và Xã hội chủ trì hướng dẫn chi trả hỗ trợ cho người lao động tự do, hộ kinh "
    "doanh phải tạm dừng hoạt động, hoàn thành trước ngày ⟨future⟩.",
    "Các doanh nghiệp chỉ được hoạt động khi bảo đảm phương án \"3 tại chỗ\" hoặc \"1 cung đường, 2 điểm "
    "đến\" và được cơ quan có thẩm quyền phê duyệt.",
    "Kiểm tra việc sử dụng thẻ xanh COVID, mã QR khi ra vào cơ quan, công sở, siêu thị, chợ và các cơ sở "
    "kinh doanh dịch vụ.",
    "Yêu cầu cán bộ, công chức làm việc trực tuyến tại nhà, chỉ bố trí tối thiểu nhân lực trực tại cơ quan "
    "để xử lý công việc cấp bách.",
    "Phong tỏa tạm thời khu dân cư nơi ghi nhận ca bệnh tại ⟨district⟩ để khoanh vùng, dập dịch.",
    "Tăng cường công tác thông tin, tuyên truyền để người dân không hoang mang, lo lắng, chủ động thực hiện "
    "các biện pháp phòng, chống dịch.",
    "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh vận động các tổ chức, cá nhân ủng hộ Quỹ phòng, chống "
    "dịch COVID-19 và hỗ trợ người dân có hoàn cảnh khó khăn.",
    "Quản lý chặt chẽ người nước ngoài nhập cảnh vào làm việc tại các dự án trên địa bàn ⟨unit⟩; không để "
    "xảy ra tình trạng nhập cảnh trái phép qua biên giới.",
    "Rà soát, lập danh sách người cao tuổi, người có bệnh nền để bảo vệ, chăm sóc và ưu tiên tiêm chủng.",
    "Thực hiện xét nghiệm định kỳ 07 ngày một lần cho người lao động tại các cơ sở sản xuất, kinh doanh có "
    "nguy cơ cao.",
    "Xử lý nghiêm các trường hợp không khai báo y tế, khai báo không trung thực, trốn tránh cách ly theo "
    "quy định của pháp luật.",
    "Duy trì các chốt kiểm soát liên ngành tại ranh giới giữa ⟨district⟩ và các địa phương lân cận, hoạt "
    "động 24/24 giờ.",
    "Hạn chế tổ chức đám cưới, đám tang; đám tang tổ chức không quá 20 người cùng một thời điểm.",
    "Các chợ truyền thống chỉ bán hàng thiết yếu, bảo đảm khoảng cách giữa các quầy hàng và thực hiện khai "
    "báo y tế đối với người vào chợ.",
)

OPENINGS = {  # how each type of notice opens (one paragraph), by type code
    "TB": ("Ngày ⟨meeting⟩, ⟨chair⟩, ⟨chair_title⟩ chủ trì cuộc họp trực tuyến với các sở, ban, ngành và "
           "UBND các huyện, thị xã, thành phố về công tác phòng, chống dịch COVID-19 trên địa bàn ⟨unit⟩. "
           "Sau khi nghe Sở Y tế báo cáo tình hình và ý kiến của các đại biểu dự họp, ⟨chair⟩ kết luận như "
           "sau:"),
    "KL": ("Ngày ⟨meeting⟩, Ban Thường vụ ⟨committee⟩ họp nghe báo cáo về tình hình và việc triển khai các "
           "giải pháp phòng, chống dịch COVID-19 trên địa bàn ⟨unit⟩. Sau khi thảo luận, Ban Thường vụ "
           "⟨committee⟩ thống nhất kết luận như sau:"),
    "CT": ("Thời gian qua, các cấp, các ngành và Nhân dân trong ⟨unit⟩ đã triển khai quyết liệt các biện "
           "pháp phòng, chống dịch COVID-19. Tuy nhiên, tình hình dịch bệnh còn diễn biến phức tạp, khó "
           "lường. Để chủ động ngăn chặn, kiểm soát dịch bệnh, ⟨chair_title⟩ yêu cầu:"),
    "CĐ": ("⟨chair_title_caps⟩ ĐIỆN: Giám đốc các sở, Thủ trưởng các ban, ngành, đoàn thể ⟨unit⟩; Chủ tịch "
           "UBND các huyện, thị xã, thành phố. Trước diễn biến phức tạp của dịch COVID-19, để kịp thời ngăn "
           "chặn nguy cơ lây lan dịch bệnh trong cộng đồng, yêu cầu thực hiện ngay các nội dung sau:"),
    "KH": ("Thực hiện ⟨cite⟩; căn cứ tình hình thực tế tại địa phương, ⟨issuer_name⟩ ban hành Kế hoạch "
           "triển khai như sau:"),
    "QĐ": "",
}

SECTION_HEADINGS = ("Về công tác xét nghiệm", "Về công tác tiêm chủng vắc xin phòng COVID-19",
                    "Về công tác cách ly y tế", "Về công tác thông tin, tuyên truyền",
                    "Về bảo đảm an sinh xã hội", "Về công tác kiểm soát người, phương tiện",
                    "Về hoạt động sản xuất, kinh doanh", "Về công tác điều trị", "Giao nhiệm vụ cụ thể",
                    "Tổ chức thực hiện", "Về công tác kiểm tra, giám sát", "Về công tác giáo dục")

RECIPIENTS = {
    "state": ("Văn phòng Chính phủ (b/c);", "Bộ Y tế (b/c);", "TT Tỉnh ủy, TT HĐND tỉnh (b/c);",
              "Chủ tịch, các PCT UBND tỉnh;", "Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh;",
              "Các sở, ban, ngành, đoàn thể tỉnh;", "UBND các huyện, thị xã, thành phố;",
              "⟨newspaper⟩, Đài PT-TH tỉnh;", "Cổng Thông tin điện tử tỉnh;", "C, PCVP UBND tỉnh, các phòng CV;"),
    "party": ("VPTW Đảng, VP Chính phủ (để báo cáo),", "BCĐ Quốc gia PCD COVID-19, Bộ Y tế (để báo cáo),",
              "Thường trực ⟨committee⟩ (để báo cáo),", "Đảng đoàn HĐND tỉnh, BCS đảng UBND tỉnh,",
              "Thành viên BCĐ cấp tỉnh PCD COVID-19,", "Các huyện, thị, thành ủy và đảng ủy trực thuộc tỉnh,",
              "MTTQ và các tổ chức CT-XH, các sở, ban, ngành,", "⟨newspaper⟩, Đài PT-TH tỉnh,"),
}
FILING_MARKS = {"state": ("Lưu: VT, KGVX.", "Lưu: VT, TH.", "Lưu: VT, KGVX (NTB).", "Lưu VT, YT."),
                "party": ("Lưu VPTU, TH1.", "Lưu Văn phòng Tỉnh ủy.", "Lưu VPTU, TH4.")}

OCR_CONFUSIONS = (  # what scans of these notices actually show (seed 003): tone marks, nh → li, tr → ừ
    ("ỉ", "ì"), ("ì", "ỉ"), ("ả", "à"), ("ạ", "a"), ("ơ", "o"), ("ư", "u"), ("ộ", "ô"), ("ệ", "ê"),
    ("ị", "i"), ("ế", "é"), ("ủ", "ù"), ("ự", "ụ"), ("ọ", "ỏ"), ("nh", "li"), ("tr", "ừ"), ("m", "rn"),
    ("đ", "d"), ("ă", "â"),
)

YEAR_WEIGHTS = ((2020, 0.28), (2021, 0.5), (2022, 0.22))
FIRST_DAY = datetime.date(2020, 2, 1)
HEAVY_PROVINCES = ("ha-noi", "ho-chi-minh", "binh-duong", "dong-nai", "quang-ninh", "bac-giang", "hai-duong",
                   "da-nang", "long-an", "can-tho", "bac-ninh", "khanh-hoa")
OCR_SHARE = 0.05
MARKDOWN_SHARE = 0.25
NO_HEADER_SHARE = 0.08


# --- source material --------------------------------------------------------------------------


@functools.lru_cache(maxsize=None)
def provinces() -> tuple[dict[str, Any], ...]:
    """The 63 pre-2025 provinces with their districts, from the archive's own data file."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(PROVINCES_FILE.read_text(encoding="utf-8"), Loader=loader)
    return tuple(data["provinces"])


def strip_markup(line: str) -> str:
    """Seed notices carry Markdown emphasis and headings; the pool keeps plain sentences."""
    return re.sub(r"^#+\s*", "", line.replace("**", "").replace("*", "")).strip()


SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-ZĐÀ-Ỹ\"“])")


def split_sentences(paragraph: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(paragraph) if s.strip()]


def is_hard_wrapped(text: str) -> bool:
    """Seeds wrapped at a page width come from scans; their OCR errors must not leak into clean notices."""
    lengths = sorted(len(line) for line in text.splitlines() if line.strip())
    return bool(lengths) and lengths[len(lengths) // 2] < 100


def seed_paragraphs(text: str) -> list[str]:
    """Body paragraphs of one seed: between the title and "Nơi nhận", without list markers."""
    paragraphs = []
    for raw in re.split(r"\n\s*\n", text):
        line = strip_markup(" ".join(raw.split()))
        if line.lower().startswith("nơi nhận"):
            break
        if len(line) < 60 or line.isupper():
            continue
        line = re.sub(r"^(\d+\.|[IVX]+\.|[a-đ]\)|-)\s*", "", line)
        paragraphs.append(line)
    return paragraphs


@functools.lru_cache(maxsize=None)
def place_pattern() -> re.Pattern[str]:
    names = sorted({name for p in provinces() for name in place_names(p)}, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b")


PERSON = re.compile(r"đồng chí ((?:[A-ZĐÀ-Ỹ][^\s,;.]*\s){1,3}[A-ZĐÀ-Ỹ][^\s,;.]*)")
TITLE_WORDS = {"Phó", "Trưởng", "Chủ", "Bí", "Giám", "Thành", "Ủy", "Ban", "Thường", "Tổng", "Chánh", "Đại", "Lãnh",
               "Bộ", "Tỉnh", "Chỉ", "Các"}
BODY_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/20[12]\d\b")


def generalise(sentence: str, home: set[str]) -> str:
    """Seed sentences name their own province, districts, people and dates: make those slots to refill."""
    sentence = BODY_DATE.sub("⟨near⟩", re.sub(r"^\(\d+\)\s*", "", sentence))
    sentence = PERSON.sub(lambda m: m.group(0) if m.group(1).split()[0] in TITLE_WORDS else "đồng chí ⟨person⟩",
                          sentence)
    return place_pattern().sub(lambda m: "⟨place⟩" if m.group(1) in home else m.group(1), sentence)


def place_names(province: dict[str, Any]) -> list[str]:
    """Names precise enough to find in running text (HCM's districts "1", "3" are not)."""
    districts = [d["name"] for d in province["districts"] if len(d["name"]) > 4]
    return [province["name"]] + districts


def home_names(text: str) -> set[str]:
    """The seed's own province (the most mentioned, with its districts) and those names."""
    found = Counter(m.group(1) for m in place_pattern().finditer(text))
    counts = {p["code"]: sum(found[n] for n in place_names(p)) for p in provinces()}
    code = max(sorted(counts), key=counts.__getitem__)
    if counts[code] < 2:  # one mention is a neighbour or a source of infection, not the issuer
        return set()
    province = next(p for p in provinces() if p["code"] == code)
    return set(place_names(province))


@functools.lru_cache(maxsize=None)
def seed_sentences(seed_dir: Path = SEED_DIR) -> tuple[str, ...]:
    """Sentences of the clean seed notices, with their places and people as slots."""
    pool = []
    for path in sorted(seed_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if is_hard_wrapped(text):
            continue
        home = home_names(text)
        for paragraph in seed_paragraphs(text):
            pool.extend(generalise(s, home) for s in split_sentences(paragraph)
                        if 40 <= len(s) <= 600 and s.endswith((".", ";", "!", "?")))
    return tuple(pool)


# page furniture of Công báo text files: the running header, page numbers, rules
CONGBAO_FURNITURE = re.compile(r"^(CÔNG BÁO|\d+\s*$|_{3,}|-{3,}|[_\-.\s]+$)")
ANACHRONISM = re.compile(r"\b20(2[3-9]|[3-9]\d)\b|sắp xếp đơn vị hành chính|02 cấp|hai cấp")


def unwrap(text: str, keep_unterminated: bool = True) -> list[str]:
    """Công báo text is wrapped at the page width; join lines back into paragraphs (a blank line
    or a line ending in ``.``, ``;`` or ``:`` ends one). ``keep_unterminated``: keep the text after
    the last such end (the scan generator wants whole sentences only)."""
    paragraphs, current = [], []
    for line in text.splitlines():
        line = line.strip()
        if not line or CONGBAO_FURNITURE.match(line):
            if current and not line:
                paragraphs.append(" ".join(current))
                current = []
            continue
        current.append(line)
        if line.endswith((".", ";", ":")):
            paragraphs.append(" ".join(current))
            current = []
    if current and keep_unterminated:
        paragraphs.append(" ".join(current))
    return paragraphs


def usable_congbao_sentence(sentence: str) -> bool:
    """Prose that could sit in a provincial notice: no article headings, tables or later dates."""
    return (80 <= len(sentence) <= 400 and sentence[0].isupper() and sentence.endswith((".", ";"))
            and not sentence.startswith(("Điều ", "Chương ", "Mục ", "Số:", "Căn cứ"))
            and not ANACHRONISM.search(sentence) and sum(ch.isdigit() for ch in sentence) < 12
            and "|" not in sentence and ".." not in sentence and "…" not in sentence
            and not re.search(r"\d\.$", sentence))


@functools.lru_cache(maxsize=None)
def congbao_sentences(folder: Path = CONGBAO_DIR, limit: int = 6000) -> tuple[str, ...]:
    """Administrative prose from the Công báo: the general sentences every notice also carries."""
    if not folder.is_dir():
        print(f"note: the Công báo corpus is not at {folder}; the benchmark corpus uses the seed "
              "notices and templates only", file=sys.stderr)
        return ()
    pool = []
    for path in sorted(folder.glob("*.txt")):
        for paragraph in unwrap(path.read_text(encoding="utf-8", errors="replace")):
            pool.extend(s.rstrip(";") + ("." if s.endswith(";") else "")
                        for s in split_sentences(paragraph) if usable_congbao_sentence(s))
    rng = random.Random("congbao")
    return tuple(rng.sample(pool, min(limit, len(pool))))


# --- what each notice will be -------------------------------------------------------------------


@dataclass
class Officials:
    """Who holds the signing posts in one province in one year (signer pages need repeat signers)."""

    chair: str
    vice_chairs: tuple[str, ...]
    secretary: str
    deputy_secretaries: tuple[str, ...]
    office_chief: str
    office_deputy: str
    party_office_chief: str
    party_office_deputy: str


def person_name(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY_NAMES)} {rng.choice(MIDDLE_NAMES)} {rng.choice(GIVEN_NAMES)}"


@functools.lru_cache(maxsize=4096)
def officials(seed: int, province_code: str, year: int) -> Officials:
    rng = random.Random(f"{seed}/officials/{province_code}/{year}")
    names = [person_name(rng) for _ in range(11)]
    return Officials(names[0], tuple(names[1:4]), names[4], tuple(names[5:7]), names[7], names[8], names[9],
                     names[10])


@dataclass
class NoticePlan:
    """The decisions about one notice, drawn before any text so numbers can be assigned in date order."""

    index: int
    province: dict[str, Any]
    issuer: IssuerSpec
    type_code: str
    date: datetime.date
    target_bytes: int
    markdown: bool
    noisy: bool
    header: str  # "columns" | "pipes" | "interleaved" | "none"
    number: int = 0
    normative: bool = False  # 12/2021/QĐ-UBND rather than 1977/QĐ-UBND

    @property
    def rng(self) -> random.Random:
        return random.Random(f"{self.index}/{self.date}/{self.province['code']}/text")


def weighted(rng: random.Random, pairs: tuple[tuple[Any, float], ...] | list[tuple[Any, float]]) -> Any:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def draw_size(rng: random.Random) -> int:
    """1–40 KB with the skew of real notices: most 5–15 KB, a few one-page notices and long plans."""
    roll = rng.random()
    if roll < 0.03:
        return int(rng.uniform(1000, 3000))
    if roll < 0.06:
        return int(rng.uniform(20000, 40000))
    return int(min(40000, max(1000, rng.lognormvariate(math.log(9000), 0.35))))


def draw_date(rng: random.Random) -> datetime.date:
    year = weighted(rng, YEAR_WEIGHTS)
    start = max(datetime.date(year, 1, 1), FIRST_DAY)
    return start + datetime.timedelta(days=rng.randrange((datetime.date(year, 12, 31) - start).days + 1))


def draw_province(rng: random.Random, index: int) -> dict[str, Any]:
    """Every province appears in the first 63 notices; then the hard-hit ones weigh three times more."""
    if index < len(provinces()):
        return provinces()[index]
    return weighted(rng, [(p, 3.0 if p["code"] in HEAVY_PROVINCES else 1.0) for p in provinces()])


def plan_notice(seed: int, index: int) -> NoticePlan:
    rng = random.Random(f"{seed}/plan/{index}")
    province = draw_province(rng, index)
    issuer = weighted(rng, [(i, i.weight) for i in ISSUERS])
    type_code = weighted(rng, issuer.types)
    header = "none" if rng.random() < NO_HEADER_SHARE else rng.choice(("columns", "columns", "pipes", "interleaved"))
    return NoticePlan(index, province, issuer, type_code, draw_date(rng), draw_size(rng),
                      markdown=rng.random() < MARKDOWN_SHARE, noisy=rng.random() < OCR_SHARE, header=header,
                      normative=type_code == "QĐ" and rng.random() < 0.2)


def assign_numbers(plans: list[NoticePlan], seed: int) -> None:
    """Numbers rise with the date inside each issuer's series, with gaps for documents not in the archive.

    State series restart every 1 January; Party series run through the term (REFERENCE.md §1).
    """
    series: dict[tuple, list[NoticePlan]] = {}
    for plan in plans:
        year = None if plan.issuer.party else plan.date.year
        series.setdefault((plan.province["code"], plan.issuer.key, year), []).append(plan)
    for key, members in series.items():
        rng = random.Random(f"{seed}/numbers/{key}")
        number = rng.randint(400, 2500) if key[2] is None else rng.randint(0, 15)
        for plan in sorted(members, key=lambda p: (p.date, p.index)):
            number += rng.randint(1, 25)
            plan.number = number


def plan_corpus(n: int, seed: int) -> list[NoticePlan]:
    plans = [plan_notice(seed, index) for index in range(n)]
    assign_numbers(plans, seed)
    return plans


# --- composing the text ------------------------------------------------------------------------


@dataclass
class Composer:
    """Fills the slots of one notice consistently: one province, one date, one set of officials."""

    plan: NoticePlan
    seed: int
    rng: random.Random = field(init=False)
    cited: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.rng = self.plan.rng
        self.people = officials(self.seed, self.plan.province["code"], self.plan.date.year)
        self.chair_name, self.chair_title = self.chair()  # one chair per notice: title and opening agree

    # slots
    @property
    def is_city(self) -> bool:
        return self.plan.province["kind"] != "tỉnh"

    @property
    def unit(self) -> str:
        return "thành phố" if self.is_city else "tỉnh"

    @property
    def committee(self) -> str:
        return "Thành ủy" if self.is_city else "Tỉnh ủy"

    @property
    def place_name(self) -> str:
        name = self.plan.province["name"]
        return "Thành phố Hồ Chí Minh" if name == "Hồ Chí Minh" else name

    def district(self) -> str:
        district = self.rng.choice(self.plan.province["districts"])
        return f"{district['kind']} {district['name']}"

    def future_date(self) -> str:
        return body_date(self.plan.date + datetime.timedelta(days=self.rng.randint(1, 30)), self.rng)

    def near_date(self) -> str:
        """A date a seed sentence mentioned, moved next to this notice's date."""
        return body_date(self.plan.date + datetime.timedelta(days=self.rng.randint(-10, 20)), self.rng)

    def available_documents(self) -> list[tuple]:
        iso = self.plan.date.isoformat()
        return [doc for doc in CENTRAL_DOCUMENTS if doc[2] < iso] or [CENTRAL_DOCUMENTS[0]]

    def citation(self, full: bool = True) -> str:
        """A central document cited in full the first time, by number afterwards (as notices do)."""
        kind, number, date, issuer, subject = self.rng.choice(self.available_documents()[-8:])
        if not full or number in self.cited:
            return f"{kind} số {number}"
        self.cited.append(number)
        day = datetime.date.fromisoformat(date)
        return f"{kind} số {number} ngày {body_date(day, self.rng)} của {issuer}" + (f" {subject}" if subject else "")

    def chair(self) -> tuple[str, str]:
        """Who chairs a meeting or signs an order: name and title, by issuer."""
        people = self.people
        if self.plan.issuer.party:
            return people.secretary, f"Bí thư {self.committee}"
        if self.rng.random() < 0.5:
            return people.chair, f"Chủ tịch UBND {self.unit}"
        return self.rng.choice(people.vice_chairs), f"Phó Chủ tịch UBND {self.unit}"

    def fill(self, text: str) -> str:
        """Replace every slot; each occurrence draws again (two districts may differ, as in real notices)."""
        replacements: dict[str, Callable[[], str]] = {
            "⟨unit⟩": lambda: f"{self.unit} {self.place_name}" if self.rng.random() < 0.3 else self.unit,
            "⟨place⟩": lambda: self.plan.province["name"],
            "⟨district⟩": self.district,
            "⟨future⟩": self.future_date,
            "⟨near⟩": self.near_date,
            "⟨directive⟩": lambda: self.rng.choice(DISTANCING_DIRECTIVES) + " của Thủ tướng Chính phủ",
            "⟨person⟩": lambda: person_name(self.rng),
            "⟨committee⟩": lambda: self.committee,
            "⟨cite⟩": self.citation,
            "⟨newspaper⟩": lambda: (self.plan.province["newspapers"] or [f"Báo {self.plan.province['name']}"])[0],
            "⟨issuer_name⟩": lambda: "Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh" if self.plan.issuer.key == "bcd"
            else (f"Ban Thường vụ {self.committee}" if self.plan.issuer.party else f"UBND {self.unit}"),
        }
        for slot, make in replacements.items():
            while slot in text:
                text = text.replace(slot, make(), 1)
        return text

    # parts
    def number_text(self) -> str:
        plan, rng = self.plan, self.rng
        code = plan.type_code
        if plan.issuer.party:
            text = f"{plan.number}-{code}/{plan.issuer.code}"
        elif plan.normative:
            text = f"{plan.number}/{plan.date.year}/{code}-{plan.issuer.code}"
        else:
            text = f"{plan.number}/{code}-{plan.issuer.code}"
        roll = rng.random()  # real numbers are dirty (REFERENCE.md §1)
        if roll < 0.03:
            text = text.replace("/", " /", 1)
        elif roll < 0.05:
            text = text.replace("Đ", "Ð")
        elif roll < 0.07 and "-" in text and not plan.issuer.party:
            text = text.replace("-", " - ", 1)
        return text

    def left_header(self) -> list[str]:
        unit_line = f"{self.unit} {self.plan.province['name']}".upper()
        if self.plan.province["name"] == "Hồ Chí Minh":
            unit_line = "THÀNH PHỐ HỒ CHÍ MINH"
        key = self.plan.issuer.key
        if key == "ubnd":
            return ["ỦY BAN NHÂN DÂN", unit_line]
        if key == "vpubnd":
            return [f"UBND {unit_line}", "VĂN PHÒNG"]
        if key == "bcd":
            return [f"UBND {unit_line}", "BAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH COVID-19"]
        return [f"{self.committee.upper()} {self.plan.province['name'].upper()}", "*"]

    def right_header(self) -> list[str]:
        if self.plan.issuer.party:
            return ["ĐẢNG CỘNG SẢN VIỆT NAM"]
        return ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]

    def date_line(self) -> str:
        return f"{self.place_name}, {long_date(self.plan.date)}"

    def header(self) -> list[str]:
        """The two-column header as text extraction flattens it: in sequence, with pipes, or interleaved."""
        number = ("Số " if self.plan.issuer.party and self.rng.random() < 0.5 else "Số: ") + self.number_text()
        left, right = self.left_header() + [number], self.right_header() + [self.date_line()]
        style = self.plan.header
        if style == "none":
            return []
        if style == "pipes":
            rows = max(len(left), len(right))
            left, right = left + [""] * (rows - len(left)), right + [""] * (rows - len(right))
            return [f"{a} | {b}".strip(" |") for a, b in zip(left, right)] + [""]
        if style == "interleaved":
            lines = []
            for a, b in zip(left + [""] * 3, right + [""] * 3):
                lines.extend(x for x in (a, b) if x)
            return lines + [""]
        return left[:-1] + ["-------", left[-1], ""] + right[:-1] + ["---------------", right[-1], ""]

    def summary(self) -> str:
        iso = self.plan.date.isoformat()
        topic = self.fill(self.rng.choice([t for t, since in TOPICS if since <= iso] or [TOPICS[0][0]]))
        code = self.plan.type_code
        if code == "TB" and not self.plan.issuer.party:
            return f"Kết luận của đồng chí {self.chair_name}, {self.chair_title} tại cuộc họp về {topic}"
        if code == "TB":
            return f"Ý kiến chỉ đạo của Thường trực {self.committee} về {topic}"
        if code == "KL":
            return f"CỦA BAN THƯỜNG VỤ {self.committee.upper()}\nvề {topic}"
        if code == "KH":
            return topic[0].upper() + topic[1:]
        return f"Về việc {topic}"

    def title(self) -> list[str]:
        type_line = DOC_TYPES[self.plan.type_code][1]
        summary = self.summary().split("\n")
        if self.plan.markdown:
            return [f"**{type_line}**"] + [f"**{line}**" for line in summary] + [""]
        return [type_line] + summary + [""]

    def opening(self) -> list[str]:
        code = self.plan.type_code
        if code == "QĐ":
            return self.decision_preamble()
        name, title = self.chair_name, self.chair_title
        if self.plan.issuer.party and code == "CT":
            title = f"Ban Thường vụ {self.committee}"
        meeting = self.plan.date - datetime.timedelta(days=self.rng.randint(0, 4))
        text = OPENINGS[code].replace("⟨meeting⟩", body_date(meeting, self.rng)).replace("⟨chair⟩", f"đồng chí {name}")
        text = text.replace("⟨chair_title_caps⟩", title.upper()).replace("⟨chair_title⟩", title)
        return [self.fill(text), ""]

    def decision_preamble(self) -> list[str]:
        lines = ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
                 "Căn cứ Luật Phòng, chống bệnh truyền nhiễm ngày 21 tháng 11 năm 2007;"]
        for _ in range(self.rng.randint(1, 3)):
            lines.append(f"Căn cứ {self.citation()};")
        proposal = self.plan.date - datetime.timedelta(days=self.rng.randint(1, 5))
        lines.append(f"Theo đề nghị của Giám đốc Sở Y tế tại Tờ trình số {self.rng.randint(50, 900)}/TTr-SYT "
                     f"ngày {body_date(proposal, self.rng)}.")
        return lines + ["", "QUYẾT ĐỊNH:", ""]

    def sentence(self) -> str:
        """One body sentence: an order, a seed sentence, Công báo prose or a citation."""
        roll = self.rng.random()
        seeds, congbao = seed_sentences(), congbao_sentences()
        if roll < 0.40 or not seeds:
            return self.fill(self.rng.choice(MEASURE_SENTENCES))
        if roll < 0.75 or not congbao:
            return self.fill(self.rng.choice(seeds))
        if roll < 0.90:
            return self.rng.choice(congbao)
        return self.fill(f"Tiếp tục thực hiện nghiêm {self.citation()} và các văn bản chỉ đạo của "
                         f"{self.committee}, UBND {self.unit} về phòng, chống dịch COVID-19.")

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def item(self, number: int) -> list[str]:
        """One numbered part of the body: a heading, paragraphs, sometimes a list of tasks."""
        code, rng = self.plan.type_code, self.rng
        heading = rng.choice(SECTION_HEADINGS)
        label = f"Điều {number}." if code == "QĐ" else f"{number}."
        if self.plan.markdown:
            lines = [f"#### **{label} {heading}**" if rng.random() < 0.5 else f"**{label}** {heading}"]
        else:
            lines = [f"{label} {heading}"]
        lines.append("")
        lines.append(self.paragraph(1 if self.short else rng.randint(1, 3)))
        lines.append("")
        if self.short:
            return lines
        if rng.random() < 0.5:
            for letter in "abcd"[: rng.randint(2, 4)]:
                lines.extend([f"{letter}) {rng.choice(DEPARTMENTS)}: {self.paragraph(rng.randint(1, 2))}", ""])
        elif rng.random() < 0.5:
            for _ in range(rng.randint(2, 5)):
                lines.extend([f"- {self.sentence()}", ""])
        return lines

    def closing(self) -> list[str]:
        if self.plan.type_code == "QĐ":
            return [f"Điều 9. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng UBND {self.unit}, Giám đốc "
                    f"các sở, ban, ngành; Chủ tịch UBND các huyện, thị xã, thành phố và các tổ chức, cá nhân có "
                    f"liên quan chịu trách nhiệm thi hành Quyết định này./.", ""]
        if self.plan.issuer.party:
            return [f"Thừa lệnh Ban Thường vụ {self.committee}, Văn phòng {self.committee} thông báo để các cơ quan, "
                    f"đơn vị, địa phương liên quan biết, thực hiện.", ""]
        return [f"UBND {self.unit} thông báo để các cơ quan, đơn vị liên quan biết, thực hiện./.", ""]

    def recipients(self) -> list[str]:
        kind = "party" if self.plan.issuer.party else "state"
        pool = RECIPIENTS[kind]
        count = self.rng.randint(2, 3) if self.short else self.rng.randint(4, len(pool))
        chosen = sorted(self.rng.sample(range(len(pool)), count))
        label = "#### **Nơi nhận:**" if self.plan.markdown else "Nơi nhận:"
        lines = [label, ""] + [f"- {self.fill(pool[i])}" for i in chosen]
        return lines + [f"- {self.rng.choice(FILING_MARKS[kind])}", ""]

    def signature(self) -> list[str]:
        """TM./KT./TL. (state) or T/M, T/L, K/T (Party), titles, then the name (sometimes lost by OCR)."""
        people, rng, key = self.people, self.rng, self.plan.issuer.key
        if key == "tu":
            stack = rng.choice([["T/M BAN THƯỜNG VỤ", "BÍ THƯ", people.secretary],
                                ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", rng.choice(people.deputy_secretaries)],
                                ["K/T BÍ THƯ", "PHÓ BÍ THƯ", rng.choice(people.deputy_secretaries)],
                                ["T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG", people.party_office_chief],
                                ["T/L BAN THƯỜNG VỤ", "PHÓ CHÁNH VĂN PHÒNG", people.party_office_deputy]])
        elif key == "vpubnd":
            stack = rng.choice([["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", people.office_chief],
                                ["KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", people.office_deputy]])
        elif key == "bcd":
            stack = rng.choice([["TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN", people.chair],
                                ["KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", rng.choice(people.vice_chairs)]])
        elif self.plan.type_code in ("CT", "CĐ"):
            stack = rng.choice([["CHỦ TỊCH", people.chair], ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
                                                              rng.choice(people.vice_chairs)]])
        else:
            stack = rng.choice([["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", people.chair],
                                ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", rng.choice(people.vice_chairs)],
                                ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", people.office_chief]])
        if rng.random() < 0.03:
            stack = stack[:-1]  # the scan lost the name: the archive must say "unknown", not guess
        if self.plan.markdown:
            return ["**" + "\n".join(stack[:-1]) + "**", "", "", f"**{stack[-1]}**"]
        return stack[:-1] + ["", "", stack[-1]]

    @property
    def short(self) -> bool:
        """A one-page notice (1–2.5 KB): no opening paragraph, one short item, few recipients."""
        return self.plan.target_bytes < 2500

    def compose(self) -> str:
        opening = self.opening() if not self.short or self.plan.type_code == "QĐ" else []
        lines = self.header() + self.title() + opening
        size = len("\n".join(lines).encode("utf-8")) + (500 if self.short else 900)  # closing parts
        number = 1
        while size < self.plan.target_bytes or number == 1:
            part = self.item(number)
            size += len("\n".join(part).encode("utf-8")) + 1
            lines.extend(part)
            number += 1
        text = "\n".join(lines + self.closing() + self.recipients() + self.signature()) + "\n"
        return add_ocr_noise(text, self.rng) if self.plan.noisy else text


def long_date(day: datetime.date) -> str:
    """The place-and-date line form: "ngày 05 tháng 02 năm 2021" (day < 10 and months 1–2 padded)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def body_date(day: datetime.date, rng: random.Random) -> str:
    """Dates in running text come both padded (02/08/2021) and not (2/8/2021)."""
    if rng.random() < 0.5:
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    return f"{day.day:02d}/{day.month}/{day.year}"


def add_ocr_noise(text: str, rng: random.Random, rate: float = 0.05) -> str:
    """What a scan read by OCR looks like: confused letters in some words, lines cut at the page width."""
    noisy_lines = []
    for line in text.split("\n"):
        words = line.split(" ")
        for position, word in enumerate(words):
            if rng.random() < rate:
                options = [(a, b) for a, b in OCR_CONFUSIONS if a in word and a != b]
                if options:
                    before, after = rng.choice(options)
                    words[position] = word.replace(before, after, 1)
        line = " ".join(words)
        width = rng.randint(75, 90)
        noisy_lines.extend(textwrap.wrap(line, width) if len(line) > width else [line])
    return " \n".join(noisy_lines) + "\n"


# --- the corpus on disk --------------------------------------------------------------------------


def notice_file_name(index: int, text: str) -> str:
    """Like the seeds: an index and a short content hash (``000123_ed71dd52ed5c6bc1.txt``)."""
    return f"{index:06d}_{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}.txt"


def encoded(text: str, rng: random.Random) -> bytes:
    """Mostly plain UTF-8; a few files saved on Windows (BOM, CRLF line ends)."""
    if rng.random() < 0.02:
        return b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    return text.encode("utf-8")


def write_notice(plan: NoticePlan, out_dir: Path, seed: int) -> tuple[Path, int]:
    text = Composer(plan, seed).compose()
    data = encoded(text, random.Random(f"{seed}/encoding/{plan.index}"))
    path = out_dir / notice_file_name(plan.index, text)
    path.write_bytes(data)
    return path, len(data)


def generate_corpus(n: int, out_dir: Path, seed: int = 0) -> dict[str, Any]:
    """Write ``n`` realistic notices to ``out_dir``; the same seed always writes the same bytes.

    Returns what was written (counts by province, type, year, issuer; sizes) so the spread
    can be checked without reading the files back.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    plans = plan_corpus(n, seed)
    sizes = []
    for plan in plans:
        sizes.append(write_notice(plan, out_dir, seed)[1])
    return corpus_summary(plans, sizes, seed)


def corpus_summary(plans: list[NoticePlan], sizes: list[int], seed: int) -> dict[str, Any]:
    ordered = sorted(sizes)
    return {
        "n": len(plans), "seed": seed, "bytes": sum(sizes),
        "kb_median": round(ordered[len(ordered) // 2] / 1000, 1) if ordered else 0,
        "kb_min": round(ordered[0] / 1000, 1) if ordered else 0,
        "kb_max": round(ordered[-1] / 1000, 1) if ordered else 0,
        "share_5_15_kb": round(sum(5000 <= s <= 15000 for s in sizes) / max(1, len(sizes)), 3),
        "provinces": dict(Counter(p.province["code"] for p in plans)),
        "doc_types": dict(Counter(DOC_TYPES[p.type_code][0] for p in plans)),
        "years": dict(Counter(p.date.year for p in plans)),
        "issuers": dict(Counter(p.issuer.label for p in plans)),
        "ocr_noisy": sum(p.noisy for p in plans),
        "seed_sentences": len(seed_sentences()),
        "congbao_sentences": len(congbao_sentences()),
    }


def add_notice(corpus_dir: Path, index: int, seed: int = 0) -> Path:
    """One more notice, as a curator adds a file: the plan of ``index`` in a corpus one longer."""
    plan = plan_notice(seed, index)
    plan.number = 9000 + index % 1000  # past every number the series already used this year
    return write_notice(plan, Path(corpus_dir), seed)[0]


def change_notice(path: Path) -> None:
    """A curator's correction: one sentence added to the first body paragraph, the file name kept."""
    text = path.read_bytes().decode("utf-8-sig")
    marker = "\n\n"
    cut = text.find(marker, len(text) // 3)
    cut = cut if cut >= 0 else len(text)
    addition = "\n\nBổ sung: yêu cầu các địa phương báo cáo kết quả thực hiện trước ngày 30/12/2021.\n"
    path.write_text(text[:cut] + addition + text[cut:], encoding="utf-8")

