"""A notice page speaks Vietnamese about the changes cleaning made (kinds, reasons, repair tooltips)."""
from __future__ import annotations

import html
import importlib
import re
from pathlib import Path

from build_tools.change_labels import label, reason_of
from build_tools.data_files import load_yaml
from build_tools.model import Change

PACKAGE = Path(__file__).resolve().parents[1] / "build_tools"
ENGLISH = re.compile(r"\b(the|of|and|word|words|valid|by|not|line|lines|joined|into|marks?|favour|nearest|"
                     r"syllable|lexicon|decoded|normalised|removed|between|letters?)\b", re.I)


def kinds_in_code() -> set[str]:
    """Every change kind the cleaning and decoding code can record."""
    found = set()
    for path in list((PACKAGE / "clean").glob("*.py")) + list((PACKAGE / "ingest").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        found |= set(re.findall(r'Change\(\s*(?:"[a-z]+"|STAGE),\s*"([a-z0-9-]+)"', text))
    return found


def test_every_kind_the_code_records_has_a_vietnamese_label_and_reason():
    kinds = kinds_in_code()
    assert {"nfc", "scan-garbage", "ocr-repair", "encoding"} <= kinds
    data = load_yaml("change_kinds.yml")
    assert kinds <= set(data["kinds"]), kinds - set(data["kinds"])
    for kind in kinds:
        shown = label(Change("normalise", kind, "a", "b", "some English reason"))
        assert shown.kind != kind and not ENGLISH.search(shown.kind + " " + shown.reason), kind


def codes_in_code() -> dict[str, dict[str, str]]:
    """Every ``Change.code`` the cleaning and decoding modules can record, by kind (their CHANGE_CODES)."""
    found: dict[str, dict[str, str]] = {}
    for package in ("clean", "ingest"):
        for path in sorted((PACKAGE / package).glob("*.py")):
            module = importlib.import_module(f"build_tools.{package}.{path.stem}")
            for kind, codes in getattr(module, "CHANGE_CODES", {}).items():
                found.setdefault(kind, {}).update(codes)
    return found


def test_every_code_a_change_can_record_has_its_own_vietnamese_reason():
    found = codes_in_code()
    assert {"ocr-repair", "scan-garbage", "encoding"} <= set(found)
    assert {"real-word", "non-word", "case", "number-code", "date-digits"} <= set(found["ocr-repair"])
    kinds = load_yaml("change_kinds.yml")["kinds"]
    for kind, codes in found.items():
        assert kind in kinds_in_code(), kind
        assert set(codes) == set(kinds[kind].get("codes", {})), (kind, set(codes) ^ set(kinds[kind].get("codes", {})))
        reasons = [reason_of(kind, code) for code in codes]
        assert kinds[kind]["reason"] not in reasons and len(set(reasons)) == len(reasons), kind
        assert not any(ENGLISH.search(reason) for reason in reasons), kind


def test_a_reason_follows_the_code_the_rule_records():
    from build_tools.clean.ocr import repair_ocr

    assert "Windows-1258" in reason_of("encoding", "cp1258")
    assert reason_of("scan-garbage", "lone-quote").startswith("Dấu nháy đơn")
    assert reason_of("no-such-kind", "anything") == load_yaml("change_kinds.yml")["generic_reason"]
    assert reason_of("ocr-repair", "no-such-code") == load_yaml("change_kinds.yml")["kinds"]["ocr-repair"]["reason"]
    change = repair_ocr("Ủy ban nhân dân tỉnh ban hành kế hoạch phòng, chống dịch bệnli trên địa bàn.").changes[0]
    assert (change.before, change.after, change.code) == ("bệnli", "bệnh", "non-word")
    assert label(change).reason.startswith("Không phải âm tiết tiếng Việt")


def changes_table(page: str) -> list[list[str]]:
    table = page.split("Văn bản gốc và những thay đổi khi làm sạch", 1)[1]
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)
    return [[html.unescape(re.sub(r"<[^>]+>", "", cell)) for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
            for row in rows if "<td>" in row]


def test_the_changes_list_and_repair_tooltips_are_in_vietnamese(seed_site):
    checked_rows, tooltips = 0, []
    for record in seed_site.records:
        page = seed_site.page(record).read_text(encoding="utf-8")
        for stage, kind, _line, _before, _after, reason in changes_table(page):
            assert not ENGLISH.search(f"{stage} {kind} {reason}"), (stage, kind, reason)
            assert not re.fullmatch(r"[a-z0-9-]+", kind), kind
            checked_rows += 1
        tooltips += [html.unescape(t) for t in re.findall(r'class="ocr-fix" title="([^"]*)"', page)]
    assert checked_rows >= 5 and tooltips, "the seeds have changes and OCR repairs"
    for tooltip in tooltips:
        assert tooltip.startswith("Bản gốc: «") and "độ tin cậy" in tooltip
        assert not ENGLISH.search(tooltip.split("».", 1)[1]), tooltip


def test_the_notice_page_names_the_received_format_in_vietnamese(seed_site):
    page = seed_site.page(seed_site.records[0]).read_text(encoding="utf-8")
    assert "nguyên văn như khi nhận (tệp văn bản, bảng mã utf-8)" in page
    assert "Made with" not in (seed_site.site / "index.html").read_text(encoding="utf-8")


def test_the_confidence_words_come_from_change_kinds_yml():
    from build_tools import change_labels
    from build_tools.change_labels import confidence_text

    from .support.data import data_changed

    assert confidence_text(0.855) == "độ tin cậy 86%"
    with data_changed(load_yaml("change_kinds.yml"), "confidence", "chắc {percent} phần trăm", change_labels):
        assert confidence_text(0.5) == "chắc 50 phần trăm"


def test_the_repair_note_and_the_unsure_note_come_from_change_kinds_yml():
    from build_tools import change_labels, text
    from build_tools.change_labels import repair_note

    from .support.data import data_changed

    words = load_yaml("change_kinds.yml")
    change = Change("ocr", "ocr-repair", "a", "b", "x", confidence=0.9)
    assert repair_note(change).startswith("Bản gốc: «a» → «b». ")
    with data_changed(words, "repair_note", "{before}→{after} ({confidence})", change_labels):
        assert repair_note(change) == "a→b (độ tin cậy 90%)"
    pieces = text.marked_pieces("chữ mờ", [], [(0, 3, "OCR không chắc (độ tin cậy 30/100)")])
    assert pieces[0].mark == "ocr-unsure"
    with data_changed(words, "unsure", "Máy đọc không chắc", text):
        assert text.marked_pieces("chữ mờ", [], [(0, 3, "OCR không chắc")])[0].mark == "ocr-fix"
