"""Scans: layout rules on word boxes (no engine), then real Tesseract on generated scans,
through the pipeline from a two-page scanned PDF to a notice with text and metadata."""
from __future__ import annotations

import shutil

import pytest
from PIL import Image

from benchmarks.scan_generator import LEVELS, compose, missing_glyphs, save_pdf, save_tiff, scan, truth_text
from build_tools.clean import clean_text, word_confidences
from build_tools.clean.ocr import word_errors
from build_tools.ingest import ocr
from build_tools.ingest.formats import read_document
from build_tools.model import OcrReading, OcrWord

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract-ocr not installed")


def word(text, x, y, w=None, h=40, conf=95.0, line=(1, 1, 1)):
    return {"text": text, "conf": conf, "box": [x, y, w or 24 * len(text), h], "line": list(line)}


def row_words(texts, x, y, line):
    out = []
    for text in texts.split():
        out.append(word(text, x, y, line=line))
        x += 24 * len(text) + 20
    return out


# --- layout ------------------------------------------------------------------------------


def test_header_columns_are_read_left_then_right():
    # Tesseract puts both columns of a row on one line; the gap between them is the gutter
    words = (row_words("ỦY BAN NHÂN DÂN", 300, 200, (1, 1, 1)) + row_words("CỘNG HÒA XÃ HỘI", 1300, 200, (1, 1, 1))
             + row_words("TỈNH SƠN LA", 340, 260, (1, 1, 2)) + row_words("Độc lập - Tự do", 1350, 260, (1, 1, 2))
             + row_words("Số: 12/CT-UBND", 330, 330, (1, 1, 3))
             + row_words("Sơn La, ngày 5 tháng 8 năm 2021", 1250, 330, (1, 1, 3))
             + row_words("CHỈ THỊ về việc phòng chống dịch trên toàn tỉnh", 700, 450, (2, 1, 1)))
    page = {"size": [2480, 3508], "ink": None, "words": words}
    text, found, dropped = ocr.assemble([page])
    lines = [line for line in text.split("\n") if line]
    assert lines[:3] == ["ỦY BAN NHÂN DÂN", "TỈNH SƠN LA", "Số: 12/CT-UBND"]
    assert lines[3:6] == ["CỘNG HÒA XÃ HỘI", "Độc lập - Tự do", "Sơn La, ngày 5 tháng 8 năm 2021"]
    assert lines[6].startswith("CHỈ THỊ")
    assert not dropped
    for item in found:  # every word's offset points at it in the text
        assert text[item.offset:item.offset + len(item.text)] == item.text


def test_page_numbers_and_running_headers_are_dropped():
    pages = []
    for number in (1, 2, 3):
        words = row_words("Tỉnh ủy Quảng Ninh báo cáo", 800, 60, (1, 1, 1))
        if number > 1:
            words.append(word(str(number), 1230, 140, line=(2, 1, 1)))
        words += row_words("Nội dung của trang này là văn bản chính", 300, 900, (3, 1, 1))
        pages.append({"size": [2480, 3508], "ink": None, "words": words})
    text, _found, dropped = ocr.assemble(pages)
    assert "Quảng Ninh báo cáo" not in text and "\n2\n" not in text
    assert text.count("Nội dung của trang") == 3 and text.count("\f\n") == 2
    assert any(line.endswith(": 2") for line in dropped) and len(dropped) == 5


def test_stamp_debris_and_specks_are_left_out_but_words_under_the_stamp_stay():
    ink = [1400, 2000, 1900, 2400]
    words = [word("TM.", 1500, 2100, conf=80), word("ỦY", 1600, 2100, conf=85),
             word("MNỨ", 1500, 2200, conf=12, line=(1, 1, 2)), word("nghiệp", 1600, 2300, conf=20, line=(1, 1, 3)),
             word("KT.", 1450, 2300, conf=90, line=(1, 1, 3)), word("_", 300, 2300, conf=20, line=(1, 1, 4))]
    text, found, dropped = ocr.assemble([{"size": [2480, 3508], "ink": ink, "words": words}])
    assert "MNỨ" not in text and "_" not in text
    assert "TM. ỦY" in text and "KT. nghiệp" in text  # an unsure word on a row of print stays
    assert all(item.in_stamp for item in found)
    assert dropped == ["trang 1: vết mực dấu, chữ ký: MNỨ (12)"]  # listed; dust without a letter is not


def test_rows_of_unsure_words_under_coloured_ink_are_signature_strokes():
    # a signature's strokes read as Vietnamese syllables ("Nhi", "mu"), on rows of their own under
    # the ink; print rows of the signer block keep their unsure words; outside the ink, an unsure
    # valid word is faded print and stays
    region = [1400, 2000, 1900, 2600]
    words = [*row_words("PHÓ CHỦ TỊCH", 1450, 2050, (1, 1, 1)),
             word("Nhi", 1450, 2200, conf=26, line=(1, 1, 2)), word("mu", 1600, 2200, conf=15, line=(1, 1, 2)),
             word("nay", 1500, 2300, conf=6, line=(1, 1, 3)),
             word("vệ", 1500, 2350, w=4, h=4, conf=93, line=(1, 1, 4)),  # a box no printed letter fits
             *row_words("Nguyễn Văn An", 1450, 2500, (1, 1, 5)),
             word("nghiệp", 300, 2200, conf=20, line=(2, 1, 1))]
    page = {"size": [2480, 3508], "ink": None, "words": words, "inks": {"method": ocr.INK_METHOD, "boxes": [region]}}
    text, _found, dropped = ocr.assemble([page])
    assert "Nhi" not in text and "mu" not in text and "nay" not in text and "vệ" not in text
    assert "PHÓ CHỦ TỊCH" in text and "Nguyễn Văn An" in text and "nghiệp" in text
    assert sorted(line.split(": ")[1] for line in dropped) == ["vết bẩn"] + ["vết mực dấu, chữ ký"] * 3
    assert any(line.endswith("Nhi (26)") for line in dropped)


def test_ink_regions_cover_the_stamp_and_the_signature_each_whole():
    spec = compose(1, "heldout", pool=[("x", ["Một đoạn văn bản để thử nghiệm các vùng mực màu trên trang quét. " * 3])])
    page = scan(spec, LEVELS["poor"])[-1]
    regions = ocr.ink_regions(page)
    assert len(regions) == 1  # stamp and signature overlap: one region, nothing else on the page is coloured
    left, top, right, bottom = regions[0]
    width = page.width
    assert right - left > 0.2 * width and bottom - top > 0.1 * width  # the whole seal and the strokes
    assert ocr.ink_regions(Image.new("RGB", (300, 400), "white")) == []


def test_colour_ink_is_lifted_and_black_print_under_it_kept():
    image = Image.new("RGB", (200, 100), "white")
    image.paste((205, 30, 40), (20, 20, 120, 80))  # stamp ink
    image.paste((0, 0, 0), (50, 40, 60, 60))  # print under the stamp
    image.paste((30, 50, 170), (150, 20, 190, 40))  # signature ink
    grey, box = ocr.drop_colour_ink(image)
    assert grey.getpixel((30, 30)) == 255 and grey.getpixel((160, 30)) == 255
    assert grey.getpixel((55, 50)) == 0
    assert box is not None and box[0] <= 25 and box[2] >= 185


# --- resolution -----------------------------------------------------------------------------

BODY_LINE = "Ủy ban nhân dân tỉnh yêu cầu các sở, ngành thực hiện nghiêm"


def text_page(dpi: int, points: float = 14, lines: int = 30, metadata: float | None = None) -> Image.Image:
    """An A4 page of body text in Liberation Serif at ``points``, drawn at ``dpi``."""
    from PIL import ImageDraw

    from benchmarks.scan_generator import font

    image = Image.new("RGB", (round(8.27 * dpi), round(11.69 * dpi)), "white")
    draw = ImageDraw.Draw(image)
    face = font("regular", points, dpi)
    y = round(0.8 * dpi)
    for _ in range(lines):
        draw.text((round(1.2 * dpi), y), BODY_LINE, font=face, fill="black")
        y += round(face.size * 1.32)
    if metadata is not None:
        image.info["dpi"] = (metadata, metadata)
    return image


@pytest.mark.parametrize("dpi", [100, 150, 200, 300])
def test_the_x_height_of_body_text_gives_the_page_resolution(dpi):
    grey, _ = ocr.drop_colour_ink(text_page(dpi))
    measured = ocr.x_height_pixels(grey) * 72 / ocr.BODY_X_HEIGHT_POINTS
    assert abs(measured - dpi) < 0.12 * dpi


def test_the_x_height_follows_the_type_size_and_is_not_guessed_from_little_text():
    small, _ = ocr.drop_colour_ink(text_page(300, points=14))
    large, _ = ocr.drop_colour_ink(text_page(300, points=28))
    assert 1.7 < ocr.x_height_pixels(large) / ocr.x_height_pixels(small) < 2.3
    few, _ = ocr.drop_colour_ink(text_page(300, lines=2))
    assert ocr.x_height_pixels(few) is None
    assert ocr.x_height_pixels(Image.new("L", (2480, 3508), 255)) is None


def test_declared_resolution_is_trusted_only_when_it_makes_a_paper_page():
    page = Image.new("RGB", (2480, 3508), "white")
    page.info["dpi"] = (300, 300)
    assert ocr.declared_dpi(page) == 300
    page.info["dpi"] = (72, 72)  # a phone photo: 34 inches wide at 72 dpi
    assert ocr.declared_dpi(page) is None
    page.info["dpi"] = (600, 600)  # 4 inches wide: an A6 card, believable
    assert ocr.declared_dpi(page) == 600
    small = Image.new("RGB", (1240, 1754), "white")
    small.info["dpi"] = (600, 600)  # 2 inches wide
    assert ocr.declared_dpi(small) is None
    small.info["dpi"] = (96, 96)  # a screenshot's default
    assert ocr.declared_dpi(small) is None
    del small.info["dpi"]
    assert ocr.declared_dpi(small) is None


def test_page_resolution_from_metadata_else_from_the_text():
    declared = text_page(150, metadata=150)
    assert ocr.page_resolution(declared, ocr.drop_colour_ink(declared)[0]) == (150, "metadata")
    photo = text_page(150, metadata=72)  # the metadata of a photo says nothing of the paper
    dpi, source = ocr.page_resolution(photo, ocr.drop_colour_ink(photo)[0])
    assert source == "x-height" and abs(dpi - 150) < 18
    blank = Image.new("RGB", (1240, 1754), "white")
    assert ocr.page_resolution(blank, ocr.drop_colour_ink(blank)[0]) == (None, "none")


def test_page_images_declare_their_resolution(tmp_path):
    level = LEVELS["poor"]
    spec = compose(3, "heldout", paragraphs=2)
    save_pdf(scan(spec, level), tmp_path / "scan.pdf", level.dpi)
    image = ocr.page_image((tmp_path / "scan.pdf").read_bytes(), "pdf", 0)
    assert round(image.info["dpi"][0]) == 150  # the scan's own pixels, 150 to the inch of A4
    rendered = ocr.page_image((tmp_path / "scan.pdf").read_bytes(), "pdf", 0, dpi=100)
    assert round(rendered.info["dpi"][0]) == 100
    Image.new("L", (1654, 2339), 255).save(tmp_path / "page.png", dpi=(200, 200))
    assert round(ocr.page_image((tmp_path / "page.png").read_bytes(), "image", 0).info["dpi"][0]) == 200
    Image.new("L", (1654, 2339), 255).save(tmp_path / "photo.jpg")
    assert ocr.declared_dpi(ocr.page_image((tmp_path / "photo.jpg").read_bytes(), "image", 0)) is None


def test_tesseract_is_told_the_page_resolution(monkeypatch):
    import pytesseract

    seen = []

    def image_to_data(image, lang, config, output_type):
        seen.append(config)
        return {key: [] for key in ("text", "conf", "left", "top", "width", "height",
                                    "block_num", "par_num", "line_num")}

    monkeypatch.setattr(pytesseract, "image_to_data", image_to_data)
    assert ocr.ocr_page(text_page(150, metadata=150))["dpi"] == [150, "metadata"]
    assert ocr.ocr_page(Image.new("RGB", (1240, 1754), "white"))["dpi"] == [None, "none"]
    assert "--dpi 150" in seen[0] and "--dpi" not in seen[1]


# --- second pass over unsure lines -------------------------------------------------------------


def test_only_lines_holding_an_unsure_word_are_read_again():
    words = [word("Ủy", 0, 0, conf=96, line=(1, 1, 1)), word("ban", 80, 0, conf=93, line=(1, 1, 1)),
             word("khấu", 0, 60, conf=52, line=(1, 1, 2)), word("trang", 120, 60, conf=95, line=(1, 1, 2)),
             word("`.", 0, 120, conf=3, line=(1, 1, 3)), word("dân", 60, 120, conf=91, line=(1, 1, 3))]
    assert ocr.unsure_lines(words, threshold=60) == [[2, 3]]  # dust alone does not make a line unsure
    assert ocr.unsure_lines(words, threshold=95) == [[0, 1], [2, 3], [4, 5]]


def test_a_line_crop_keeps_room_for_tone_marks_and_stays_on_the_page():
    assert ocr.line_crop([[100, 200, 60, 40], [180, 204, 80, 36]], (1000, 1000)) == (62, 181, 299, 260)
    assert ocr.line_crop([[5, 5, 60, 40]], (50, 30)) == (0, 0, 50, 30)


@pytest.mark.parametrize("first, second, taken", [
    (("khấu", 70), ("khẩu", 89), True),  # both syllables: surer by the margin
    (("khấu", 80), ("khẩu", 85), False),  # both syllables: not surer enough
    (("giaỏ", 81), ("giao", 96), True),  # a syllable where the first was none, at least as sure
    (("giaỏ", 81), ("giao", 70), False),  # … but less sure: the enlarged line made it up
    (("đổi", 60), ("đốỉ", 95), False),  # never a non-syllable for a syllable
    (("UBND", 40), ("UBNĐ", 45), False), (("UBNĐ", 40), ("UBND", 90), True),  # neither a syllable
    (("khấu,", 50), ("khẩu", 90), True),  # punctuation aside
    (("1O", 20), ("10", 95), False), (("`.", 0), ("-", 80), False),  # numbers and dust stay
])
def test_the_second_reading_is_taken_only_on_tesseract_evidence(first, second, taken):
    assert ocr.better_reading({"text": first[0], "conf": first[1]}, {"text": second[0], "conf": second[1]},
                              margin=10) is taken


def test_words_pair_only_when_they_are_the_same_word_on_paper():
    first = [word("Ban", 0, 0, w=60), word("chỉđạo", 80, 0, w=120)]
    second = [word("Ban", 2, 0, w=58), word("chỉ", 80, 0, w=50), word("đạo", 140, 0, w=60)]
    pairs = ocr.pair_words(first, second)
    assert [(a["text"], b["text"]) for a, b in pairs] == [("Ban", "Ban")]  # a split word pairs with nothing


def test_the_second_pass_keeps_boxes_and_the_kept_reading_confidence(monkeypatch):
    """One Tesseract call reads the stacked crops; its words go back to the page's pixels and a
    changed word keeps its box and line, takes the second confidence and remembers the first."""
    import pytesseract

    monkeypatch.setattr(ocr, "SECOND_PASS_SCALE", 2)
    monkeypatch.setattr(ocr, "UNSURE_CONFIDENCE", 60.0)
    words = [word("Ủy", 100, 100, w=60, conf=95, line=(1, 1, 1)),
             word("khấu", 100, 200, w=100, conf=50, line=(1, 1, 2)),
             word("trang", 220, 200, w=120, conf=90, line=(1, 1, 2))]
    grey = Image.new("L", (1000, 1000), 255)
    crop = ocr.line_crop([w["box"] for w in words[1:]], grey.size)
    _sheet, tops, left = ocr.stack_crops(grey, [crop], 2)
    calls = []

    def image_to_data(image, lang, config, output_type):
        calls.append(config)
        on_sheet = [((b[0] - crop[0]) * 2 + left, (b[1] - crop[1]) * 2 + tops[0], b[2] * 2, b[3] * 2)
                    for b in (words[1]["box"], words[2]["box"])]
        return {"text": ["khẩu", "trạng"], "conf": [88, 91], "left": [b[0] for b in on_sheet],
                "top": [b[1] for b in on_sheet], "width": [b[2] for b in on_sheet], "height": [b[3] for b in on_sheet],
                "block_num": [1, 1], "par_num": [1, 1], "line_num": [1, 1]}

    monkeypatch.setattr(pytesseract, "image_to_data", image_to_data)
    out, done = ocr.second_pass(grey, words, 150)
    assert len(calls) == 1 and "--dpi 300" in calls[0] and done == {"lines": 1, "changed": 1}
    assert out[0] == words[0] and out[2] == words[2]  # "trạng" is no surer than "trang" by the margin
    assert out[1] == {**words[1], "text": "khẩu", "conf": 88, "first": ["khấu", 50]}


def test_the_cache_key_names_the_second_pass(monkeypatch):
    monkeypatch.setattr(ocr, "engine", lambda: ("Tesseract 5.3.0", "vie (vie.traineddata)", "abc"))
    monkeypatch.setattr(ocr, "language", lambda installed=None: "vie")
    monkeypatch.setenv("ARCHIVE_OCR_SECOND_PASS", "off")
    without = ocr.settings_key()
    monkeypatch.setenv("ARCHIVE_OCR_SECOND_PASS", "on")
    with_it = ocr.settings_key()
    monkeypatch.setattr(ocr, "SECOND_PASS_SCALE", ocr.SECOND_PASS_SCALE + 1)
    assert without != with_it != ocr.settings_key() and "second-pass" in with_it and "second-pass" not in without
    monkeypatch.delenv("ARCHIVE_OCR_SECOND_PASS")
    assert ocr.second_pass_on() is ocr.SECOND_PASS


def test_the_model_is_vie_unless_another_installed_one_is_asked_for(monkeypatch):
    monkeypatch.delenv("ARCHIVE_OCR_MODEL", raising=False)
    assert ocr.language(["eng", "osd", "vie", "Vietnamese"]) == "vie"
    assert ocr.language(["eng", "osd"]) is None
    monkeypatch.setenv("ARCHIVE_OCR_MODEL", "Vietnamese")
    assert ocr.language(["eng", "vie", "Vietnamese"]) == "Vietnamese"
    assert ocr.language(["eng", "vie"]) is None  # asked for and missing: said, not swapped silently


def test_progress_line_says_pages_and_time_left():
    assert ocr.progress_line(12, 240, 36.0) == "OCR 12/240 trang, còn khoảng 11 phút"
    assert ocr.progress_line(2, 4, 10.0) == "OCR 2/4 trang, còn khoảng 10 giây"
    assert ocr.progress_line(4, 4, 70.0) == "OCR 4/4 trang, xong sau 1 phút"


def test_text_layer_with_only_a_caption_is_not_usable():
    assert not ocr.has_usable_text("Đã ký\f\f")
    assert ocr.has_usable_text("Ủy ban nhân dân tỉnh yêu cầu các sở, ngành thực hiện nghiêm" * 2)


def test_generator_fonts_cover_vietnamese():
    spec = compose(1, "heldout")
    for style in ("regular", "bold", "italic", "bolditalic"):
        assert missing_glyphs(truth_text(spec) + "ủỉộẫỵ", style) == set()


# --- confidences into the repair ------------------------------------------------------------


def _reading(text: str, confidence: dict[str, float]) -> OcrReading:
    words, offset = [], 0
    for token in text.split(" "):
        words.append(OcrWord(offset, token, confidence.get(token, 96.0), 1, (0, 0, 1, 1)))
        offset += len(token) + 1
    return OcrReading("Tesseract", "vie", "test", 1, 90.0, ((10, 10),), tuple(words))


def test_confident_valid_syllables_are_left_alone_and_unsure_ones_repaired(monkeypatch):
    from build_tools.clean.ocr import get_lexicon

    # the thresholds are learned from generated scans (data/ocr/tesseract.yml); here a fixed one
    monkeypatch.setitem(get_lexicon().params, "ocr_confident_word", 90)
    text = "Giao UBND tình chỉ đạo các sở, ngành triển khai trên địa bàn tỉnh."
    # without confidences a valid word needs overwhelming context (the Công báo lexicon alone
    # does not give it here); with them, an unsure reading needs only the word pairs
    sure = clean_text(text, _reading(text, {}))
    assert not [c for c in sure.changes if c.stage == "ocr"]
    unsure = clean_text(text, _reading(text, {"tình": 20.0}))
    assert [(c.before, c.after) for c in unsure.changes if c.stage == "ocr"] == [("tình", "tỉnh")]


def test_word_confidences_follow_tokens_through_normalisation():
    text = "Ủy ban nhân dân tỉnh\n7\n\fchỉ đạo"
    reading = _reading(text.replace("\n", " ").replace("\f", ""), {"chỉ": 40.0})
    confidences = word_confidences(text, "Ủy ban nhân dân tỉnh\n\nchỉ đạo", reading)
    assert confidences is not None and len(confidences) == 7 and confidences[5] == 40.0


# --- real Tesseract ---------------------------------------------------------------------------


@pytest.fixture()
def ocr_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("ARCHIVE_OCR_CACHE", str(tmp_path / "ocr-cache"))
    return tmp_path / "ocr-cache"


def two_page_spec():
    for seed in range(20):
        spec = compose(seed, "heldout", paragraphs=7)
        scan(spec, "clean")
        if spec.pages == 2:
            return spec
    raise AssertionError("no two-page notice among 20 seeds")


@pytest.fixture(scope="module")
def scanned_source(tmp_path_factory):
    """A generated two-page scanned PDF in a source folder, with its notice's truth, and one
    OCR cache for the tests that read it (each page is read once)."""
    root = tmp_path_factory.mktemp("scan")
    spec = two_page_spec()
    source = root / "source"
    source.mkdir()
    level = LEVELS["good"]
    save_pdf(scan(spec, level), source / "ban-quet.pdf", level.dpi)
    patch = pytest.MonkeyPatch()
    patch.setenv("ARCHIVE_OCR_CACHE", str(root / "ocr-cache"))
    yield spec, source, root
    patch.undo()


@needs_tesseract
def test_two_page_scanned_pdf_builds_into_a_notice(scanned_source):
    """CI's end-to-end scan: a generated two-page scanned PDF through the whole pipeline."""
    from build_tools.pipeline import load_notice, run_pipeline

    spec, source, root = scanned_source
    result = run_pipeline(source, workers=1, registry_path=root / "permalinks.yml", cache_dir=root / "store")
    try:
        assert len(result.notices) == 1, [p.describe() for p in result.problems]
        notice = load_notice(result.notices[0])
    finally:
        result.close()
    reading = notice.raw.ocr
    assert notice.source.format == "pdf" and notice.source.encoding == "ocr"
    assert reading.pages == 2 and reading.engine.startswith("Tesseract") and reading.mean_confidence > 80
    errors, words, residual = word_errors(notice.raw.text, truth_text(spec))
    assert errors / words < 0.03, residual
    body = notice.document.body_text
    assert all(paragraph.split()[-1] in body for paragraph in spec.paragraphs[1:])
    meta = notice.meta
    assert meta.province is not None and meta.province.name == spec.province
    assert meta.number is not None and meta.number.text == spec.number
    assert meta.issued_date == spec.iso_date
    assert meta.signer is not None and meta.signer.name == spec.signer_name
    assert list((root / "ocr-cache").glob("*.json")), "pages are cached"


@needs_tesseract
def test_scanned_pdf_becomes_a_page_with_text_metadata_and_the_scan(scanned_source):
    """The site: the notice's page shows the text, the OCR badge and the scan's pages, and
    offers the original PDF; page images are small enough for the USB edition."""
    from build_tools.publish.site import BuildOptions, build_site

    spec, source, root = scanned_source
    site = root / "site"
    build_site(BuildOptions(source=source, out=site, cache=root / "site-cache", registry=root / "site-permalinks.yml"))
    pages = [p for p in site.rglob("index.html") if "ban-quet" in p.read_text(encoding="utf-8")
             and "đọc bằng OCR" in p.read_text(encoding="utf-8")]
    assert len(pages) == 1
    html = pages[0].read_text(encoding="utf-8")
    assert spec.province in html and spec.number in html and spec.signer_name in html
    assert "Tesseract" in html and "độ tin cậy trung bình" in html
    images = sorted(site.rglob("*.trang-*.jpg"))
    assert len(images) == 2 and all(image.name in html for image in images)
    assert all(image.stat().st_size < 200_000 for image in images)
    originals = [p for p in site.rglob("*.pdf") if p.read_bytes() == (source / "ban-quet.pdf").read_bytes()]
    assert originals and originals[0].name in html


@needs_tesseract
def test_clean_explain_lists_what_the_scan_reader_left_out(scanned_source, capsys):
    from build_tools.commands.cli import main

    _spec, source, _root = scanned_source
    assert main(["clean", str(source / "ban-quet.pdf"), "--explain"]) == 0
    dropped = [line for line in capsys.readouterr().out.splitlines() if line.startswith("[ocr/dropped]")]
    # the signature's strokes under the stamp on page 2, read as words and left out
    assert any(line.startswith("[ocr/dropped] trang 2: vết mực dấu, chữ ký: ") for line in dropped)


@needs_tesseract
def test_page_images_and_multipage_tiff_are_read(tmp_path, ocr_cache):
    spec = compose(3, "heldout", paragraphs=2)
    pages = scan(spec, "clean")
    save_tiff(pages, tmp_path / "notice.tif", 300)
    pages[0].convert("RGB").save(tmp_path / "page.jpg", quality=80, dpi=(300, 300))
    tiff = read_document(tmp_path / "notice.tif")
    assert tiff.problems == [] and tiff.format == "image" and tiff.ocr.pages == len(pages)
    jpeg = read_document(tmp_path / "page.jpg")
    assert jpeg.problems == [] and jpeg.ocr.pages == 1
    assert spec.signer_name.split()[-1] in tiff.text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in jpeg.text


def test_low_confidence_words_left_as_read_are_marked_and_counted():
    from build_tools.publish.notice_pages import body_html
    from build_tools.text import unsure_note

    text = "Các sở, ngành triển khai thực hiện nghiêm túc chỉ đạo của tỉnh."
    document = clean_text(text, _reading(text, {"nghiêm": 30.0}))
    marks = [mark for block in document.blocks for mark in block.marks]
    assert len(marks) == 1 and marks[0][2].startswith(unsure_note())
    block = document.blocks[0]
    start, end, _ = marks[0]
    assert block.text[start:end] == "nghiêm"
    assert document.ocr_quality.suspicious_after == 1  # what the page calls doubtful after repair
    assert '<span class="ocr-unsure" title="OCR không chắc' in body_html(document)


def test_the_progress_line_is_worded_by_site_yml():
    from build_tools.data_files import load_yaml

    from ..support.data import data_changed

    words = load_yaml("site.yml")["ocr_progress"]
    with data_changed(words, "running", "OCR {done} of {total} pages, {left} left"), \
            data_changed(words, "minutes", "{n} min"), data_changed(words, "seconds", "{n} s"):
        assert ocr.progress_line(12, 240, 36.0) == "OCR 12 of 240 pages, 11 min left"
        assert ocr.progress_line(2, 4, 10.0) == "OCR 2 of 4 pages, 10 s left"


def test_the_page_label_comes_from_structure_yml():
    from build_tools.data_files import load_yaml

    from ..support.data import data_changed

    assert ocr._page_number().match("Trang 3") and not ocr._page_number().match("Page 3")
    with data_changed(load_yaml("structure.yml"), "page_label", "page", ocr):
        assert ocr._page_number().match("Page 3/12") and not ocr._page_number().match("Trang 3")


def test_tesseract_words_maps_boxes_of_an_enlarged_image_back_and_drops_empty_rows():
    from build_tools.ingest.ocr import tesseract_words

    data = {"text": ["Sở", "", "Y\u0301"], "conf": [91.0, -1, 55.0], "left": [30, 0, 90], "top": [60, 0, 60],
            "width": [45, 0, 30], "height": [21, 0, 24], "block_num": [1, 1, 1], "par_num": [1, 1, 1],
            "line_num": [1, 1, 1]}
    assert tesseract_words(data) == [
        {"text": "Sở", "conf": 91.0, "box": [30, 60, 45, 21], "line": [1, 1, 1]},
        {"text": "Ý", "conf": 55.0, "box": [90, 60, 30, 24], "line": [1, 1, 1]}]
    assert [word["box"] for word in tesseract_words(data, scale=3.0)] == [[10, 20, 15, 7], [30, 20, 10, 8]]


def test_an_unsure_word_in_the_gutter_between_the_header_columns_is_a_speck():
    words = (row_words("ỦY BAN NHÂN DÂN", 300, 200, (1, 1, 1)) + row_words("CỘNG HÒA XÃ HỘI", 1300, 200, (1, 1, 1))
             + row_words("Số: 12/CT-UBND", 330, 330, (1, 1, 3))
             + [word("Số", 1050, 335, conf=17, line=(1, 1, 3))]
             + row_words("Sơn La, ngày 5 tháng 8 năm 2021", 1250, 330, (1, 1, 3))
             + row_words("CHỈ THỊ về việc phòng chống dịch trên toàn tỉnh", 700, 450, (2, 1, 1)))
    text, _found, dropped = ocr.assemble([{"size": [2480, 3508], "ink": None, "words": words}])
    lines = [line for line in text.split("\n") if line]
    assert lines[:4] == ["ỦY BAN NHÂN DÂN", "Số: 12/CT-UBND", "CỘNG HÒA XÃ HỘI", "Sơn La, ngày 5 tháng 8 năm 2021"]
    assert dropped == ["trang 1: vết bẩn: Số (17)"]


def test_a_gap_left_by_an_unsure_word_inside_a_header_line_is_no_second_gutter():
    # "tháng" read 19 % sure leaves a gap in the date line: the line still belongs to the right
    # column, whole and in its place, and the number stays with the left column
    date = row_words("Sơn La, ngày 05", 1300, 330, (1, 1, 3)) + [word("tháng", 1800, 330, conf=19, line=(1, 1, 3))]
    date += row_words("11 năm 2021", 2000, 330, (1, 1, 3))
    words = (row_words("ỦY BAN NHÂN DÂN", 300, 200, (1, 1, 1)) + row_words("CỘNG HÒA XÃ HỘI", 1300, 200, (1, 1, 1))
             + row_words("TỈNH SƠN LA", 340, 260, (1, 1, 2)) + date
             + row_words("Số: 12/CT-UBND", 330, 390, (1, 1, 4))
             + row_words("CHỈ THỊ về việc phòng chống dịch trên toàn tỉnh", 700, 500, (2, 1, 1)))
    text, _found, dropped = ocr.assemble([{"size": [2480, 3508], "ink": None, "words": words}])
    lines = [line for line in text.split("\n") if line]
    assert lines[:5] == ["ỦY BAN NHÂN DÂN", "TỈNH SƠN LA", "Số: 12/CT-UBND", "CỘNG HÒA XÃ HỘI",
                         "Sơn La, ngày 05 tháng 11 năm 2021"]
    assert not dropped


def test_a_gap_that_barely_touches_the_gutter_does_not_narrow_it():
    # the place name's second word read unsure: "Đà" stands alone just right of the gutter, and
    # stays with the rest of its line in the right column
    words = (row_words("THÀNH ỦY ĐÀ NẴNG", 300, 200, (1, 1, 1)) + row_words("ĐẢNG CỘNG SẢN VIỆT NAM", 1300, 200, (1, 1, 1))
             + [word("Đà", 1290, 270, line=(1, 1, 2)), word("Nẵng,", 1366, 270, conf=40, line=(1, 1, 2))]
             + row_words("ngày 05 tháng 04 năm 2022", 1560, 270, (1, 1, 2))
             + row_words("Số: 258-KL/THU", 330, 340, (1, 1, 3))
             + row_words("KẾT LUẬN về việc phòng chống dịch trên toàn tỉnh", 700, 450, (2, 1, 1)))
    text, _found, _dropped = ocr.assemble([{"size": [2480, 3508], "ink": None, "words": words}])
    lines = [line for line in text.split("\n") if line]
    assert lines[:4] == ["THÀNH ỦY ĐÀ NẴNG", "Số: 258-KL/THU", "ĐẢNG CỘNG SẢN VIỆT NAM",
                         "Đà Nẵng, ngày 05 tháng 04 năm 2022"]


def test_a_long_recipient_that_runs_past_the_foot_gutter_stays_in_the_left_column():
    words = (row_words("Nơi nhận:", 300, 3000, (5, 1, 1)) + row_words("KT. CHỦ TỊCH", 1600, 3000, (5, 1, 1))
             + row_words("- Ban Chỉ đạo, chống dịch COVID-19 (b/c);", 300, 3060, (5, 1, 2))
             + row_words("- Lưu: VT.", 300, 3120, (5, 1, 3)) + row_words("PHÓ CHỦ TỊCH", 1600, 3120, (5, 1, 3))
             + row_words("Lường Văn Khánh", 1600, 3300, (5, 1, 4)))
    words = [*row_words("Nội dung của văn bản là một đoạn văn dài kín cả dòng của trang", 300, 900, (3, 1, 1)), *words]
    text, _found, _dropped = ocr.assemble([{"size": [2480, 3508], "ink": None, "words": words}])
    lines = [line for line in text.split("\n") if line]
    assert lines[1:4] == ["Nơi nhận:", "- Ban Chỉ đạo, chống dịch COVID-19 (b/c);", "- Lưu: VT."]
    assert lines[4:] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lường Văn Khánh"]


def test_line_crops_are_stacked_on_sheets_tesseract_accepts():
    crops = [(0, 0, 2000, 900)] * 30  # a page read lying on its side: tall "lines"
    runs = ocr.sheet_runs(crops, ocr.SECOND_PASS_SCALE)
    assert runs[0][0] == 0 and runs[-1][1] == len(crops)
    assert all(a[1] == b[0] for a, b in zip(runs, runs[1:]))  # every crop in one run, in order
    for start, end in runs:
        tallest = 900 * ocr.SECOND_PASS_SCALE
        assert (end - start) * tallest + (end - start + 1) * (tallest // 2) <= ocr.MAX_SHEET_PIXELS
    assert ocr.sheet_runs([(0, 0, 500, 40)] * 50, ocr.SECOND_PASS_SCALE) == [(0, 50)]  # a page of lines: one


def test_a_photographed_page_is_recorded_with_what_was_done_to_it():
    pages = [{"photo": None},
             {"photo": {"corners": [[10, 12], [900, 8], [910, 1250], [5, 1260]], "photo_size": [1000, 1333],
                        "page_size": [896, 1244]}},
             {"photo": {"corners": None, "photo_size": [800, 1100], "page_size": [800, 1100]}}]
    steps = ocr.photo_steps(pages)
    assert len(steps) == 2
    assert steps[0][0] == 2 and steps[0][1].startswith("ảnh chụp") and "10,12" in steps[0][1] and "896×1244" in steps[0][1]
    assert steps[1][0] == 3 and steps[1][1].startswith("ảnh chụp: làm đều độ sáng")
