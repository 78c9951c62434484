"""Nothing lost, nothing injected: a corpus of bad inputs, each ending as a page or a reported reason."""
from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from tests.support.browser import WatchedPage, launched
from tests.support.paths import seed

INJECTION = """---
title: "<script>alert('front matter')</script>"
---
THÔNG BÁO
Kết luận của Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh Lạng Sơn

Ngày 02/8/2021, Ban Chỉ đạo tỉnh họp. <script>window.__pwned = 1</script> Yêu cầu cách ly tập trung.

1. <img src=x onerror="window.__pwned = 2"> Tăng cường xét nghiệm <iframe src="javascript:window.__pwned=3"></iframe>.

2. Xem [hướng dẫn](javascript:window.__pwned=4) và {{ config.site_name }} {% raw %} {%- include 'x' -%} ${x} &lt;b&gt;.

Nơi nhận:
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn An
"""


def write_bad_corpus(folder: Path) -> dict[str, str]:
    """Every case of the issue; returns file name → what must become of it."""
    folder.mkdir(parents=True, exist_ok=True)
    good = seed("004").read_bytes()
    other = seed("000").read_bytes()
    cases = {}

    def put(name: str, content: bytes, expected: str):
        (folder / name).write_bytes(content)
        cases[name] = expected

    put("trong.txt", b"", "error")
    put("khoang trang.txt", b"  \n\t \r\n", "error")
    put("nhi phan.txt", bytes(range(256)) * 40, "error")
    put("anh.png", b"\x89PNG\r\n\x1a\n" + os.urandom(64), "error")  # a page image (a scan), but damaged
    put("anh.gif", b"GIF89a" + os.urandom(64), "skipped")  # not a format notices come in
    put("hong giua.txt", good[:3000] + b"\xff\xfe\xfa" + good[3000:], "published")
    put("rat dai.txt", (good + b"\n\n") * (10_000_000 // len(good) + 1), "error")  # no notice is 10 MB
    put("ban goc.txt", other, "published")
    put("bản sao [1] (Quảng Ninh).txt", other, "duplicate")
    put("dong CRLF.txt", seed("002").read_bytes().replace(b"\n", b"\r\n"), "published")
    put("dong CR.txt", seed("001").read_bytes().replace(b"\n", b"\r"), "published")
    put("english.txt", b"Minutes of the meeting.\n\nThe committee agreed to extend the lockdown. " * 20, "error")
    put("bang so.txt", "\n".join(" ".join(str(i * j) for j in range(8)) for i in range(60)).encode(), "error")
    put("khong ro gi.txt", "Yêu cầu các cơ quan, đơn vị tăng cường xét nghiệm và cách ly tập trung "
        "những người trở về từ vùng dịch, thực hiện nghiêm thông điệp 5K.\n".encode(), "published")
    put("tiem chich [doc].txt", INJECTION.encode(), "published")
    same_url = "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN\nSố: 521/TB-UBND\nLạng Sơn, ngày 02 tháng 12 năm 2021\n\nTHÔNG BÁO\n" \
               "Về việc {topic}\n\nYêu cầu các huyện {topic} và xét nghiệm.\n\nTL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\nPhạm Hùng Trường\n"
    put("trung so 1.txt", same_url.format(topic="cách ly tập trung").encode(), "published")
    put("trung so 2.txt", same_url.format(topic="tiêm vắc xin").encode(), "published")
    put("hong meta.txt", good.replace(b"COVID", b"Covid"), "error")
    (folder / "hong meta.meta.yml").write_text("province: [quang-ninh\n  reason: x\n", encoding="utf-8")
    put("sai khoa.txt", good.replace(b"COVID", b"covid"), "error")
    (folder / "sai khoa.meta.yml").write_text("province: khong-co-tinh-nay\n", encoding="utf-8")
    return cases


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory):
    from build_tools.publish.site import BuildOptions, build_site

    root = tmp_path_factory.mktemp("bad")
    cases = write_bad_corpus(root / "source")
    report = build_site(BuildOptions(source=root / "source", out=root / "site", cache=None))
    return cases, report, root


def test_every_file_is_a_page_or_a_reported_reason(bad_build):
    cases, report, _ = bad_build
    assert report.inputs == len(cases)
    assert report.accounted()
    by_file = {}
    for problem in report.problems:
        by_file.setdefault(problem.file, set()).add(problem.severity)
    for name, expected in cases.items():
        if expected == "error":
            assert "error" in by_file.get(name, set()), f"{name} should be reported as not published"
        elif expected in ("duplicate", "skipped"):
            assert expected in by_file.get(name, set()), name
        else:
            assert "error" not in by_file.get(name, set()), f"{name} should be published: {report.summary()}"
    for problem in report.rejected:
        assert problem.file and problem.message and problem.fix  # file, what is wrong, how to fix


def test_reasons_name_the_file_the_line_or_the_key(bad_build):
    _, report, _ = bad_build
    text = report.summary()
    assert "hong meta.meta.yml:1" in text or "hong meta.meta.yml:2" in text
    assert "province" in next(p.message for p in report.rejected if p.file == "sai khoa.txt")
    assert "this does not look like a Vietnamese notice" in next(p.message for p in report.rejected
                                                                 if p.file == "english.txt")


def test_duplicates_and_url_collisions(bad_build):
    _, report, root = bad_build
    import json

    records = json.loads((root / "site" / "data" / "notices.json").read_text(encoding="utf-8"))
    original = next(r for r in records if r["source"]["file"] == "ban goc.txt")
    assert "bản sao [1] (Quảng Ninh).txt" in original["aliases"]
    ids = [r["id"] for r in records if r["source"]["file"].startswith("trung so")]
    assert len(ids) == 2 and len(set(ids)) == 2
    assert any("already has the URL id" in p.message for p in report.problems)


def test_undecodable_bytes_keep_the_rest_of_the_notice(bad_build):
    _, _, root = bad_build
    import json

    records = json.loads((root / "site" / "data" / "notices.json").read_text(encoding="utf-8"))
    damaged = next(r for r in records if r["source"]["file"] == "hong giua.txt")
    assert damaged["province"]["code"] == "lang-son"
    assert damaged["words"] > 1500


def test_notice_with_nothing_known_is_published_with_unknown_fields(bad_build):
    _, report, _ = bad_build
    warnings = [p for p in report.warnings if p.file == "khong ro gi.txt"]
    assert {"province unknown", "issue date unknown"} <= {p.message for p in warnings}


def test_strict_fails_on_what_was_not_published_not_on_unknown_fields(bad_build, tmp_path):
    from build_tools.commands.cli import main

    _, _, root = bad_build
    source = tmp_path / "one"
    source.mkdir()
    shutil.copy(root / "source" / "khong ro gi.txt", source)
    assert main(["build", "--source", str(source), "--out", str(tmp_path / "site"), "--no-cache", "--strict"]) == 0
    shutil.copy(root / "source" / "english.txt", source)
    assert main(["build", "--source", str(source), "--out", str(tmp_path / "site"), "--no-cache"]) == 0
    assert main(["build", "--source", str(source), "--out", str(tmp_path / "site"), "--no-cache", "--strict"]) == 1


@pytest.mark.browser
def test_injection_is_shown_as_text_and_never_runs(bad_build, tmp_path):
    import json

    _, _, root = bad_build
    site = root / "site"
    records = json.loads((site / "data" / "notices.json").read_text(encoding="utf-8"))
    record = next(r for r in records if r["source"]["file"] == "tiem chich [doc].txt")
    html = (site / record["url"] / "index.html").read_text(encoding="utf-8")
    assert "<script>window.__pwned" not in html and "<iframe" not in html and 'href="javascript:' not in html
    assert "Content-Security-Policy" in html
    with launched(tmp_path) as browser:
        watched = WatchedPage(browser, offline=True)
        watched.page.goto((site / record["url"] / "index.html").as_uri())
        body = watched.page.inner_text(".md-content")
        for payload in ("<script>window.__pwned = 1</script>", '<img src=x onerror="window.__pwned = 2">',
                        "{{ config.site_name }}", "{%- include 'x' -%}", "[hướng dẫn](javascript:window.__pwned=4)"):
            assert payload in body, payload
        assert watched.page.evaluate("window.__pwned") is None
        assert watched.page.evaluate("document.querySelectorAll('.md-content iframe, .md-content img[onerror]').length") == 0


def _tree_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def test_two_builds_of_the_same_input_are_byte_identical(tmp_path):
    from build_tools.publish.site import BuildOptions, build_site
    from tests.conftest import copy_seeds

    source = copy_seeds(tmp_path / "source")
    build_site(BuildOptions(source=source, out=tmp_path / "a" / "site", cache=None))
    build_site(BuildOptions(source=source, out=tmp_path / "b" / "site", cache=tmp_path / "cache"))
    assert _tree_hash(tmp_path / "a" / "site") == _tree_hash(tmp_path / "b" / "site")
