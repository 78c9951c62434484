"""Copies of one document (portal copy, reprint, saved page) become one page (build_tools/copies.py)."""
from __future__ import annotations

from pathlib import Path

from build_tools.pipeline import run_pipeline

SHAPES = Path(__file__).resolve().parent / "fixtures" / "shapes"

PORTAL = ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nTỈNH ĐỒNG NAI | Độc lập - Tự do - Hạnh phúc |\n"
          "Số: 13417/UBND-VP | Đồng Nai, ngày 22 tháng 9 năm 2021 |\nV/v phòng, chống dịch sau ngày 30/9/2021 | |\n\n"
          "Kính gửi: Các sở, ban, ngành.\n\n1. Các địa phương thực hiện nghiêm thông điệp 5K.\n"
          "2. Tạm dừng các hoạt động tập trung đông người./.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\n"
          "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nCao Tiến Dũng\n")
REPRINT = ("Đồng Nai: Phòng, chống dịch sau ngày 30/9\n\n(Báo Đồng Nai) - UBND tỉnh vừa ban hành Công văn số "
           "13417/UBND-VP ngày 22/9/2021 về phòng, chống dịch sau ngày 30/9/2021.\n\n"
           "Báo Đồng Nai xin giới thiệu toàn văn Công văn:\n\n1. Các địa phương thực hiện nghiêm thông điệp 5K.\n\n"
           "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nCao Tiến Dũng\n")


def build(tmp_path: Path, files: dict[str, str]):
    source = tmp_path / "src"
    source.mkdir()
    for name, text in files.items():
        (source / name).write_text(text, encoding="utf-8")
    return run_pipeline(source, workers=1, registry_path=tmp_path / "permalinks.yml", today="2026-01-01",
                        cache_dir=tmp_path / "cache")


def test_copies_of_one_document_become_one_page_listing_every_source(tmp_path):
    page = ("<html><head><title>Công văn 13417/UBND-VP - Cổng TTĐT tỉnh Đồng Nai</title>"
            "<link rel='canonical' href='https://dongnai.example.gov.vn/vb/13417'></head><body><nav>Trang chủ</nav>"
            "<article><table><tr><td>ỦY BAN NHÂN DÂN<br>TỈNH ĐỒNG NAI<br>Số: 13417/UBND-VP</td><td>CỘNG HÒA XÃ HỘI "
            "CHỦ NGHĨA VIỆT NAM<br>Đồng Nai, ngày 22 tháng 9 năm 2021</td></tr></table>"
            + "".join(f"<p>{line}</p>" for line in PORTAL.split("\n") if "|" not in line and "Tạm dừng" not in line)
            + "</article></body></html>")
    result = build(tmp_path, {"a-portal.txt": PORTAL, "b-reprint.txt": REPRINT, "c-page.html": page})
    assert len(result.notices) == 1
    notice = result.notices[0]
    assert notice.source.name == "a-portal.txt"  # the most complete copy: its own header and signature
    assert sorted(c.file for c in notice.copies) == ["b-reprint.txt", "c-page.html"]
    merged = [p for p in result.problems if p.severity == "duplicate"]
    assert len(merged) == 2 and all("same number, issuer and date" in p.message for p in merged)


def test_same_number_another_date_is_another_notice(tmp_path):
    other_year = PORTAL.replace("năm 2021", "năm 2022").replace("đông người", "trên 20 người")
    result = build(tmp_path, {"a.txt": PORTAL, "b.txt": other_year})
    assert len(result.notices) == 2 and not any(n.copies for n in result.notices)


def test_copy_without_a_date_is_never_merged(tmp_path):
    undated = REPRINT.replace(" ngày 22/9/2021", "")
    result = build(tmp_path, {"a.txt": PORTAL, "b.txt": undated})
    assert len(result.notices) == 2


def test_same_identity_but_another_text_is_not_merged(tmp_path):
    paraphrase = ("Đồng Nai: Siết chặt phòng dịch\n\nUBND tỉnh Đồng Nai vừa ban hành Công văn số 13417/UBND-VP ngày 22/9/2021 "
                  "về phòng, chống dịch.\n\nTheo đó, người dân hạn chế ra đường, các chợ truyền thống chỉ bán hàng thiết "
                  "yếu và doanh nghiệp phải có phương án sản xuất an toàn trước khi hoạt động trở lại.\n\nMinh Anh\n")
    result = build(tmp_path, {"a.txt": PORTAL, "b.txt": paraphrase})
    assert len(result.notices) == 2  # a journalist's paraphrase is not a copy of the text


def test_same_body_under_another_number_is_another_notice(tmp_path):
    other = PORTAL.replace("13417/UBND-VP", "13500/UBND-VP").replace("ngày 22 tháng 9", "ngày 29 tháng 9")
    result = build(tmp_path, {"a.txt": PORTAL, "b.txt": other})
    assert len(result.notices) == 2 and not any(p.severity == "duplicate" for p in result.problems)


def test_the_reason_copies_give_is_worded_by_site_yml():
    from types import SimpleNamespace

    from build_tools import copies
    from build_tools.data_files import load_yaml

    from .support.data import data_changed

    meta = SimpleNamespace(number=SimpleNamespace(text="24/CT-UBND"), issuer=SimpleNamespace(name="UBND tỉnh Sơn La"),
                           province=None, issued_date="2021-07-24")
    assert copies.describe_identity(meta) == "số 24/CT-UBND, UBND tỉnh Sơn La, ngày 2021-07-24"
    with data_changed(load_yaml("site.yml")["copies"], "identity", "{issuer} / {number} / {date}", copies):
        assert copies.describe_identity(meta) == "UBND tỉnh Sơn La / 24/CT-UBND / 2021-07-24"
