"""The header's number line and place-and-date line read a second time when not whole
(``ingest/ocr.py``: ``header_field_lines``, ``merge_field``, ``reread_header_fields``, the cache)."""
from __future__ import annotations

import hashlib
import io
import json
import shutil

import pytest
from PIL import Image, ImageDraw

from benchmarks.scan_generator import font
from build_tools.ingest import ocr

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract-ocr not installed")


def word(text, x, y, w=None, h=40, conf=90.0, line=(1, 1, 1)):
    return {"text": text, "conf": conf, "box": [x, y, w or 24 * len(text), h], "line": list(line)}


def row(texts: str, x: int, y: int, line: tuple) -> list[dict]:
    out = []
    for text in texts.split():
        out.append(word(text, x, y, line=line))
        x += 24 * len(text) + 20
    return out


def header(number: str, date_line: str) -> list[dict]:
    """A first page's header (issuer and number | motto and place-and-date) and a body line."""
    return (row("ỦY BAN NHÂN DÂN", 100, 100, (1, 1, 1)) + row("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 1100, 100, (2, 1, 1))
            + row("TỈNH LONG AN", 120, 160, (1, 1, 2)) + row("Độc lập - Tự do - Hạnh phúc", 1200, 160, (2, 1, 2))
            + row(number, 140, 240, (1, 1, 3)) + row(date_line, 1150, 240, (2, 1, 3))
            + row("Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh về phòng, chống dịch bệnh trong toàn tỉnh", 100, 420, (3, 1, 1)))


def texts(words: list[dict], indices: list[int]) -> str:
    return " ".join(words[i]["text"] for i in indices)


def test_the_number_and_date_lines_are_found_in_the_header_columns():
    words = header("Số: 123/QĐ-UBND", "Long An, ngày 05 tháng 8 năm 2021")
    found = ocr.header_field_lines(words)
    assert texts(words, found["number"]) == "Số: 123/QĐ-UBND"
    assert texts(words, found["date"]) == "Long An, ngày 05 tháng 8 năm 2021"
    body = row("Ngày 05 tháng 8 năm 2021, Ủy ban nhân dân tỉnh họp", 100, 100, (1, 1, 1))
    assert ocr.header_field_lines(body) == {}  # a sentence with a date is no place-and-date line


def test_whole_fields_are_not_read_again(monkeypatch):
    calls = []
    monkeypatch.setattr(ocr, "read_line_again", lambda grey, line, dpi: calls.append(line) or [])
    words = header("Số: 123/QĐ-UBND", "Long An, ngày 05 tháng 8 năm 2021")
    out, record = ocr.reread_header_fields(Image.new("L", (2000, 600), 255), words, 150)
    assert out == words and record == {"lines": 0, "changed": []} and calls == []


def second_reading(first: list[dict], replace: dict[str, str]) -> list[dict]:
    """What the second reading returns: the line's words, some read differently, boxes shifted a little."""
    return [{**w, "text": replace.get(w["text"], w["text"]), "conf": 80.0,
             "box": [w["box"][0] + 2, w["box"][1] + 1, w["box"][2] - 2, w["box"][3]]} for w in first]


@pytest.mark.parametrize("first_date, second, taken", [
    ({"8": "0"}, {}, True),  # "tháng 0" first; the second reading's "8" makes a valid date
    ({"05": "233"}, {}, True),  # a digit too many first
    ({"8": "0"}, {"8": "6†"}, False),  # the two disagree and neither is valid: the first stays
    ({}, {"8": "9"}, None),  # whole as first read: never read again
])
def test_the_second_reading_is_taken_only_when_it_makes_the_date_valid(monkeypatch, first_date, second, taken):
    truth = header("Số: 123/QĐ-UBND", "Long An, ngày 05 tháng 8 năm 2021")
    words = [{**w, "text": first_date.get(w["text"], w["text"])} if w["box"][0] > 1000 else w for w in truth]
    date_line = [w for w in truth if w["line"] == [2, 1, 3]]
    monkeypatch.setattr(ocr, "read_line_again", lambda grey, line, dpi: second_reading(date_line, second))
    out, record = ocr.reread_header_fields(Image.new("L", (2000, 600), 255), words, 150)
    if not taken:
        assert out == words and record["changed"] == [] and record["lines"] == (1 if taken is False else 0)
        return
    line = [w for w in out if w["line"] == [2, 1, 3]]
    assert " ".join(w["text"] for w in line) == "Long An, ngày 05 tháng 8 năm 2021"
    first_text = " ".join(w["text"] for w in words if w["line"] == [2, 1, 3])
    assert record == {"lines": 1, "changed": [{"field": "date", "first": first_text,
                                               "second": "Long An, ngày 05 tháng 8 năm 2021"}]}
    assert all(w["first"] == first_text for w in line)
    # the place and the day word stay as first read; the rest of the page is untouched
    kept = [{k: v for k, v in w.items() if k != "first"} for w in line if w["text"] in ("Long", "An,", "ngày")]
    assert kept == [w for w in words if w["text"] in ("Long", "An,", "ngày")]
    assert [w for w in out if w["line"] != [2, 1, 3]] == [w for w in words if w["line"] != [2, 1, 3]]


def test_a_garbled_type_code_is_taken_from_the_second_reading_only_when_it_is_a_known_one(monkeypatch):
    truth = header("Số: 412/TB-UBND", "Long An, ngày 05 tháng 8 năm 2021")
    number_line = [w for w in truth if w["line"] == [1, 1, 3]]
    for first, second, expected in (("412TBUBND", "412/TB-UBND", "Số: 412/TB-UBND"),
                                    ("412/TD-UBND", "412/TĐ-UBND", "Số: 412/TD-UBND")):  # TĐ is no type code
        words = [{**w, "text": first} if w["text"] == "412/TB-UBND" else w for w in truth]
        monkeypatch.setattr(ocr, "read_line_again",
                            lambda grey, line, dpi, s=second: second_reading(number_line, {"412/TB-UBND": s}))
        out, _record = ocr.reread_header_fields(Image.new("L", (2000, 600), 255), words, 150)
        assert " ".join(w["text"] for w in out if w["line"] == [1, 1, 3]) == expected


def test_the_field_starts_at_the_first_digit_of_either_reading():
    first = [word("Huế,", 0, 0), word("ngày", 120, 0), word("2B", 240, 0), word("tháng", 320, 0), word("8", 460, 0)]
    second = [word("Hué,", 0, 0), word("ngày", 120, 0), word("28", 240, 0), word("tháng", 320, 0), word("8", 460, 0)]
    merged = ocr.merge_field(first, second)
    assert [w["text"] for w in merged] == ["Huế,", "ngày", "28", "tháng", "8"]  # the place as first read
    assert ocr.merge_field([word("Huế,", 0, 0)], [word("Hué,", 0, 0)]) is None


def test_the_field_ends_at_the_last_digit_and_keeps_the_first_line_height():
    """A speck the second reading finds after the year adds no word; second words sit where the
    first line sat (a taller box would open a blank line above it in the text)."""
    first = [word("Huế,", 0, 100), word("ngày", 120, 100), word("28", 240, 100), word("năm", 320, 100),
             word("2021-", 420, 100)]
    second = [{**w, "box": [w["box"][0], 90, w["box"][2], 60]} for w in
              (word("Huế,", 0, 0), word("ngày", 120, 0), word("28", 240, 0), word("năm", 320, 0), word("2021", 420, 0))]
    second.append(word("b", 560, 90, h=60))
    merged = ocr.merge_field(first, second)
    assert [w["text"] for w in merged] == ["Huế,", "ngày", "28", "năm", "2021"]
    assert {(w["box"][1], w["box"][3]) for w in merged} == {(100, 40)}


def render_line(text: str, points: float = 13, dpi: int = 150) -> tuple[Image.Image, list[dict]]:
    """A header line printed in the generator's Times-compatible italic at ``dpi``, and the
    boxes of its words (as Tesseract's first reading would give them)."""
    face = font("italic", points, dpi)
    image = Image.new("L", (1400, 120), 255)
    draw = ImageDraw.Draw(image)
    x, words = 40, []
    for token in text.split():
        left, top, right, bottom = draw.textbbox((x, 40), token, font=face)
        draw.text((x, 40), token, font=face, fill=0)
        words.append(word(token, left, top, w=right - left, h=bottom - top, line=(2, 1, 3)))
        x = right + face.getlength(" ")
    return image, words


@needs_tesseract
def test_a_rendered_date_line_whose_month_the_first_reading_lost_is_read_again():
    """Real Tesseract on one small crop: the month read "0" the first time comes back from the
    printed line, and only the field changes."""
    image, truth = render_line("Đức Hòa, ngày 05 tháng 8 năm 2021")
    first = [{**w, "text": "0"} if w["text"] == "8" else w for w in truth]
    out, record = ocr.reread_header_fields(image, first, 150)
    assert [w["text"] for w in out] == [w["text"] for w in truth]
    assert record["changed"][0]["first"] == "Đức Hòa, ngày 05 tháng 0 năm 2021"


@needs_tesseract
def test_a_rendered_number_line_with_a_lost_slash_is_read_again():
    image, truth = render_line("Số: 412/TB-UBND", points=13)
    first = [{**w, "text": "412TBUBND"} if w["text"] == "412/TB-UBND" else w for w in truth]
    out, record = ocr.reread_header_fields(image, first, 150)
    assert [w["text"] for w in out] == ["Số:", "412/TB-UBND"] and record["changed"][0]["field"] == "number"


def fake_engine(monkeypatch):
    monkeypatch.setattr(ocr, "engine", lambda: ("Tesseract 5.3.0", "vie (vie.traineddata)", "abc"))
    monkeypatch.setattr(ocr, "language", lambda installed=None: "vie")


def test_the_cache_key_names_the_header_reread(monkeypatch):
    fake_engine(monkeypatch)
    monkeypatch.setenv("ARCHIVE_OCR_HEADER_REREAD", "off")
    without = ocr.settings_key()
    monkeypatch.setenv("ARCHIVE_OCR_HEADER_REREAD", "on")
    with_it = ocr.settings_key()
    assert without == ocr.settings_key(header_reread=False) and ocr.HEADER_REREAD_METHOD in with_it
    monkeypatch.setattr(ocr, "REREAD_SCALE", ocr.REREAD_SCALE + 1)
    assert with_it != ocr.settings_key() != without
    monkeypatch.delenv("ARCHIVE_OCR_HEADER_REREAD")
    assert ocr.header_reread_on() is ocr.HEADER_REREAD


def test_a_page_cached_without_the_reread_takes_it_without_being_read_again(tmp_path, monkeypatch):
    """The first page gets the header's second reading on top of its cached first reading; other
    pages are copied under the new key; neither is read by Tesseract again."""
    fake_engine(monkeypatch)
    monkeypatch.setenv("ARCHIVE_OCR_CACHE", str(tmp_path))
    monkeypatch.setenv("ARCHIVE_OCR_HEADER_REREAD", "on")
    monkeypatch.setattr(ocr, "ocr_page", lambda image, **_: pytest.fail("the page was read again"))
    rereads = []
    monkeypatch.setattr(ocr, "reread_header_fields",
                        lambda grey, words, dpi: rereads.append(dpi) or (words + [word("x", 0, 0)], {"lines": 1, "changed": []}))
    buffer = io.BytesIO()
    Image.new("RGB", (400, 560), "white").save(buffer, "TIFF", save_all=True,
                                                append_images=[Image.new("RGB", (400, 560), "white")])
    data = buffer.getvalue()
    file_hash = hashlib.sha256(data).hexdigest()
    for page in (0, 1):
        cached = {"size": [400, 560], "words": [], "dpi": [150, "metadata"], "ink": None,
                  "inks": {"method": ocr.INK_METHOD, "boxes": [], "rings": []}}
        ocr._entry(file_hash, page, ocr.settings_key(header_reread=False)).write_text(json.dumps(cached), "utf-8")
    first, second = ocr.read_page(data, "image", 0, file_hash), ocr.read_page(data, "image", 1, file_hash)
    assert rereads == [150] and first["header_reread"] == {"lines": 1, "changed": []} and len(first["words"]) == 1
    assert "header_reread" not in second and second["words"] == []
    assert ocr._cached(file_hash, 0) == first  # stored under the full key


def test_a_date_cell_with_digits_goes_before_an_issuer_line_read_with_a_comma():
    words = (row("ỦY BAN NHÂN DÂN", 100, 100, (1, 1, 1)) + row("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 1100, 100, (2, 1, 1))
             + row("HUYỆN CẨM GIÀNG ,", 120, 160, (1, 1, 2)) + row("Độc lập - Tự do - Hạnh phúc", 1200, 160, (2, 1, 2))
             + row("Số: 12/KH-UBND", 140, 240, (1, 1, 3)) + row("Cẩm Giàng, ngày 05 tháng 0 năm 2021", 1150, 240, (2, 1, 3))
             + row("Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh về phòng, chống dịch bệnh trong toàn tỉnh", 100, 420, (3, 1, 1)))
    assert texts(words, ocr.header_field_lines(words)["date"]) == "Cẩm Giàng, ngày 05 tháng 0 năm 2021"


def test_the_date_numbers_stand_between_the_date_words():
    line = [word(t, 100 * k, 0, w=80) for k, t in enumerate("Ninh Thuận, ngày 28 tháng năm 2022 :".split())]
    slots = ocr.date_number_slots(line)
    assert [(part, members) for part, members, _gap in slots] == [("day", [3]), ("month", []), ("year", [6])]
    assert slots[1][2] == (480, 500)  # the paper between "tháng" and "năm", where the month was lost
    garbled = [word(t, 100 * k, 0, w=80) for k, t in enumerate("Yên Bái, ngày 28 tk, vu năm 2021".split())]
    assert ocr.date_number_slots(garbled) is None  # no month word: the numbers' places are unknown


@pytest.mark.parametrize("readings, expected", [
    ({3: "03", 2: "03"}, "Ninh Thuận, ngày 28 tháng 03 năm 2022"),  # two digit-only readings agree
    ({3: "03", 2: "8"}, None),  # they disagree: no digit is chosen, the month stays unknown
    ({3: "", 2: ""}, None),  # nothing read
])
def test_a_lost_month_is_taken_only_when_the_digit_readings_agree(monkeypatch, readings, expected):
    line = [word(t, 150 * k, 0, w=90) for k, t in enumerate("Ninh Thuận, ngày 28 tháng năm 2022".split())]
    asked = []
    monkeypatch.setattr(ocr, "read_digits", lambda grey, box, dpi, scale: asked.append(box) or (readings[scale], 0.0))
    merged = ocr.reread_date_numbers(Image.new("L", (1200, 100), 255), line, 150)
    assert len(asked) == len(ocr.DIGIT_SCALES) and asked[0][0] == 690 and asked[0][2] == 750  # only the lost month
    assert (merged and " ".join(w["text"] for w in merged)) == expected
    if merged:  # no confidence comes with a whitelisted reading: the number is kept, marked unsure
        assert [w["conf"] for w in merged if w["text"] == "03"] == [ocr.SOLID_CONFIDENCE]


def test_numbers_valid_alone_keep_their_first_reading(monkeypatch):
    line = [word(t, 150 * k, 0, w=90) for k, t in enumerate("Huế, ngày 233 tháng 10 năm 2020".split())]
    monkeypatch.setattr(ocr, "read_digits", lambda grey, box, dpi, scale: ("23", 80.0))
    merged = ocr.reread_date_numbers(Image.new("L", (1200, 100), 255), line, 150)
    assert [w["text"] for w in merged] == ["Huế,", "ngày", "23", "tháng", "10", "năm", "2020"]


@needs_tesseract
def test_digits_are_read_digits_only_from_a_rendered_crop():
    image, words = render_line("ngày 28 tháng 03 năm 2022", points=14)
    month = words[3]["box"]
    for scale in ocr.DIGIT_SCALES:
        digits, _confidence = ocr.read_digits(image, (month[0], month[1], month[0] + month[2], month[1] + month[3]), 150, scale)
        assert digits == "03"
