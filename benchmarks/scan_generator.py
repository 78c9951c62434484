"""Scanned notices with known text: the truth the OCR benchmark and the scan tests measure against.

    .venv/bin/python benchmarks/scan_generator.py OUT_DIR [--count 4] [--level poor] [--split train]

A notice is composed from the structure official documents use (Nghị định 30/2020/NĐ-CP,
see ../shared/REFERENCE.md §1): a two-column header (issuing body and number | motto and the
place-and-date line), the type line and summary, body paragraphs, and a two-column foot
(recipients | signer block with a red stamp over a blue signature). Body paragraphs come from
clean text: the Công báo corpus (split by file into a training half and a held-out half) or
the clean seed notices (held out only: never tuned on). Names, numbers and dates are drawn at
random. Pages are drawn at 300 dpi in Liberation Serif 2 (metric-compatible with Times New
Roman, full Vietnamese coverage), degraded (skew, blur, noise, uneven toner, JPEG) and
resampled to the level's resolution.

The generator knows the text on each page, so ``truth_text`` is the exact reading order a
scan reader should produce: left header column, right header column, title, body,
recipients, signer block.
"""
from __future__ import annotations

import argparse
import hashlib
import io
import math
import random
import re
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import provinces, unwrap  # noqa: E402  (the repository root is on the path now)
from build_tools.ingest.photo_page import perspective_coefficients  # noqa: E402

FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
FONTS = {"regular": "LiberationSerif-Regular.ttf", "bold": "LiberationSerif-Bold.ttf",
         "italic": "LiberationSerif-Italic.ttf", "bolditalic": "LiberationSerif-BoldItalic.ttf"}
CORPUS = ROOT.parent / "shared" / "corpora" / "congbao"
SEEDS = ROOT / "source_texts"
WRITTEN = ROOT / "benchmarks" / "written_notices.yml"  # written by hand for the final measurement
CLEAN_SEEDS = ("000_", "001_", "002_", "004_")  # 003 is another engine's OCR: never rendered, never trained on
DRAW_DPI = 300
A4_MM = (210, 297)


@dataclass(frozen=True)
class Level:
    """How worn a copy is."""

    name: str
    dpi: int
    skew: float  # degrees, either way
    blur: float  # Gaussian radius at 300 dpi
    noise: float  # Gaussian noise sigma (0-255)
    speckle: float  # share of pixels turned to dark dots
    toner: float  # how much of the ink fades at the page's weakest corner (0-1)
    jpeg: int | None  # JPEG quality, None for lossless
    tone: str = "colour"  # "colour"; "grey": a photocopy; "bitonal": black and white, as a fax or a 1-bit scan
    photo: bool = False  # a phone photo of the paper (``photograph``): dpi is then the nominal pixels per inch


LEVELS = {
    "clean": Level("clean", 300, 0.0, 0.0, 0.0, 0.0, 0.0, None),
    "good": Level("good", 200, 0.4, 0.5, 6.0, 0.0001, 0.15, 85),
    "poor": Level("poor", 150, 1.2, 0.9, 14.0, 0.0006, 0.45, 55),
    # provincial portals publish many photocopies and 1-bit scans: no colour tells the stamp from print
    "grey": Level("grey", 200, 0.8, 0.6, 8.0, 0.0003, 0.3, 70, tone="grey"),
    "bitonal": Level("bitonal", 200, 0.6, 0.5, 10.0, 0.0002, 0.2, None, tone="bitonal"),
    # many notices survive only as phone photos of paper: the sheet on a desk, off-axis, unevenly lit
    "photo": Level("photo", 175, 3.0, 0.5, 5.0, 0.0, 0.1, 80, photo=True),
}
FLATBED_LEVELS = ("clean", "good", "poor", "grey", "bitonal")
PHONE_DPI = 72  # what a phone writes into a photo: nothing about the paper
PHOTO_PPI = (150, 200)  # pixels per inch of paper in the photo
PHOTO_FILL = (0.80, 0.92)  # share of the frame's height the sheet spans
PHOTO_CORNER_SHIFT = 0.03  # corners moved up to this share of the page's size: taken slightly off-axis
PHOTOCOPY_BLACK = 40  # a copier's toner: grey at or below this prints black, paper stays white
PHOTOCOPY_WHITE = 235
BITONAL_THRESHOLD = 150  # a 1-bit scan: darker than this is black


@dataclass
class NoticeSpec:
    """Everything printed on a generated notice, with the values extraction should find."""

    issuer_lines: list[str]
    number: str
    province: str  # province name, as the place line prints it
    place: str
    date: tuple[int, int, int]  # day, month, year
    doc_type: str  # "CHỈ THỊ"
    summary_lines: list[str]
    paragraphs: list[str]
    recipients: list[str]
    signer_lines: list[str]  # authority, title(s)
    signer_name: str
    stamp_text: str
    seed: int = 0
    source: str = ""
    motto: tuple[str, str] = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
    pages: int = field(default=0)

    @property
    def date_line(self) -> str:
        day, month, year = self.date
        return f"{self.place}, ngày {day:02d} tháng {month:02d} năm {year}"

    @property
    def iso_date(self) -> str:
        day, month, year = self.date
        return f"{year:04d}-{month:02d}-{day:02d}"


def truth_text(spec: NoticeSpec) -> str:
    """The notice's text in the reading order a scan reader must produce."""
    lines = [*spec.issuer_lines, f"Số: {spec.number}", *spec.motto, spec.date_line, "",
             spec.doc_type, *spec.summary_lines, ""]
    for paragraph in spec.paragraphs:
        lines += [paragraph, ""]
    lines += ["Nơi nhận:", *spec.recipients, "", *spec.signer_lines, spec.signer_name]
    return "\n".join(lines) + "\n"


# --- composing notices ----------------------------------------------------------------

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
            "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Mai", "Lương"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Quang", "Thanh", "Hữu", "Ngọc", "Xuân", "Công", "Đình", "Thế"]
GIVEN = ["Hùng", "Dũng", "Hương", "Lan", "Tuấn", "Thắng", "Bình", "Hải", "Sơn", "Long", "Phượng", "Khánh",
         "Cường", "Tâm", "Nghĩa", "Trung", "Hòa", "Vinh", "Quyết", "Thủy", "Hạnh", "Đông", "Lực", "Tuyến"]
# State documents of a provincial People's Committee: type line, type code, number shape.
STATE_TYPES = [("CHỈ THỊ", "CT"), ("QUYẾT ĐỊNH", "QĐ"), ("KẾ HOẠCH", "KH"), ("THÔNG BÁO", "TB"),
               ("CÔNG ĐIỆN", "CĐ"), ("HƯỚNG DẪN", "HD")]
PARTY_TYPES = [("CHỈ THỊ", "CT"), ("THÔNG BÁO", "TB"), ("KẾT LUẬN", "KL"), ("CÔNG ĐIỆN", "CĐ")]
SUBJECTS = ["Về việc tăng cường các biện pháp phòng, chống dịch COVID-19 trên địa bàn tỉnh",
            "Về việc thực hiện các biện pháp cấp bách phòng, chống dịch bệnh COVID-19",
            "Về việc triển khai tiêm vắc xin phòng COVID-19 trong tình hình mới",
            "Về việc điều chỉnh biện pháp phòng, chống dịch phù hợp với cấp độ dịch",
            "Về việc tổ chức cách ly y tế và điều trị người mắc COVID-19 tại nhà"]
RECIPIENTS = ["Văn phòng Chính phủ;", "Bộ Y tế;", "Thường trực Tỉnh ủy;", "Thường trực HĐND tỉnh;",
              "Chủ tịch, các Phó Chủ tịch UBND tỉnh;", "Các sở, ban, ngành tỉnh;",
              "UBND các huyện, thị xã, thành phố;", "Báo, Đài Phát thanh và Truyền hình tỉnh;",
              "Cổng thông tin điện tử tỉnh;"]


def corpus_paragraphs(text: str) -> list[str]:
    """Running paragraphs of a Công báo file (``corpus.unwrap``, whole sentences only) that read
    like a notice's body: 20-140 words, mostly letters, no table or form debris."""
    paragraphs = unwrap(text, keep_unterminated=False)
    keep = []
    for paragraph in paragraphs:
        words = paragraph.split()
        letters = sum(ch.isalpha() for ch in paragraph)
        if 20 <= len(words) <= 140 and letters > 0.7 * len(paragraph) and not paragraph.isupper() \
                and not re.search(r"[|_\\{}<>=@#*]|\.{4}", paragraph):
            keep.append(paragraph)
    return keep


def seed_paragraphs(text: str) -> list[str]:
    """Body paragraphs of a clean seed notice (Markdown emphasis removed)."""
    text = text.replace("**", "").replace("*", "")
    keep = []
    for block in re.split(r"\n\s*\n", text):
        block = " ".join(block.split())
        if len(block.split()) >= 15 and not block.startswith("-"):
            keep.append(block)
    return keep


def in_split(name: str, split: str) -> bool:
    """Công báo files are split by the hash of their name: one in five is held out."""
    held_out = int(hashlib.sha256(name.encode()).hexdigest(), 16) % 5 == 0
    return held_out if split == "heldout" else not held_out


def paragraph_pool(split: str) -> list[tuple[str, list[str]]]:
    """(source name, paragraphs) for a split: "train" (4/5 of Công báo) or "heldout"
    (the other fifth, plus the clean seeds)."""
    pool = []
    if CORPUS.is_dir():
        for path in sorted(CORPUS.glob("*.txt")):
            if in_split(path.name, split):
                paragraphs = corpus_paragraphs(unicodedata.normalize("NFC", path.read_text(encoding="utf-8")))
                if paragraphs:
                    pool.append((path.name, paragraphs))
    if split == "heldout":
        for path in sorted(SEEDS.glob("*.txt")):
            if path.name.startswith(CLEAN_SEEDS):
                pool.append((path.name, seed_paragraphs(unicodedata.normalize("NFC", path.read_text(encoding="utf-8")))))
    return pool


def written_notices() -> list[NoticeSpec]:
    """The notices written by hand after the repair was tuned (``written_notices.yml``): the split
    "written", measured once and never tuned on."""
    import yaml

    specs = []
    for k, entry in enumerate(yaml.safe_load(WRITTEN.read_text(encoding="utf-8"))):
        entry = dict(entry, date=tuple(entry["date"]), seed=k, source=f"{WRITTEN.name}#{k}")
        if "motto" in entry:
            entry["motto"] = tuple(entry["motto"])
        specs.append(NoticeSpec(**entry))
    return specs


def person(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def compose(seed: int, split: str = "train", paragraphs: int | None = None,
            pool: list[tuple[str, list[str]]] | None = None) -> NoticeSpec:
    """One notice, reproducible from ``seed``: a random province, type, number, date and signer,
    and a run of consecutive paragraphs from one source of the split. The split "written" gives
    the hand-written notice number ``seed`` instead."""
    if split == "written":
        return written_notices()[seed]
    rng = random.Random(f"{split}-{seed}")
    province = rng.choice(list(provinces()))
    name = province["name"]
    city = province["kind"].startswith("thành phố")
    unit = "THÀNH PHỐ" if city else "TỈNH"
    party = rng.random() < 0.25
    year = rng.choice([2020, 2021, 2022])
    date = (rng.randint(1, 28), rng.randint(1, 12), year)
    if party:
        doc_type, code = rng.choice(PARTY_TYPES)
        issuer = [f"{'THÀNH ỦY' if city else 'TỈNH ỦY'} {name.upper()}", "*"]
        number = f"{rng.randint(1, 999):02d}-{code}/{'THU' if city else 'TU'}"
        signer = ["T/M BAN THƯỜNG VỤ", rng.choice(["BÍ THƯ", "PHÓ BÍ THƯ"])]
        stamp = f"{'THÀNH ỦY' if city else 'TỈNH ỦY'} {name.upper()}"
        motto = ("ĐẢNG CỘNG SẢN VIỆT NAM", "")
    else:
        doc_type, code = rng.choice(STATE_TYPES)
        issuer = ["ỦY BAN NHÂN DÂN", f"{unit} {name.upper()}"]
        number = f"{rng.randint(1, 4999)}/{code}-UBND"
        signer = ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"] if rng.random() < 0.5 else \
            ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
        stamp = f"ỦY BAN NHÂN DÂN {unit} {name.upper()}"
        motto = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
    pool = pool if pool is not None else paragraph_pool(split)
    source, available = rng.choice(pool)
    wanted = paragraphs or rng.randint(4, 10)
    start = rng.randint(0, max(0, len(available) - wanted))
    body = available[start:start + wanted]
    summary = rng.choice(SUBJECTS)
    recipients = ["- " + r for r in rng.sample(RECIPIENTS, rng.randint(3, 5))] + ["- Lưu: VT."]
    spec = NoticeSpec(issuer, number, name, name, date, doc_type, [summary], body, recipients, signer,
                      person(rng), stamp, seed=seed, source=source)
    if motto[1]:
        spec.motto = motto
    else:
        spec.motto = (motto[0],)  # type: ignore[assignment]
    return spec


# --- drawing --------------------------------------------------------------------------


def font(style: str, points: float, dpi: int = DRAW_DPI) -> ImageFont.FreeTypeFont:
    return _font(style, round(points * dpi / 72))


_FONT_CACHE: dict[tuple[str, int], ImageFont.FreeTypeFont] = {}


def _font(style: str, pixels: int) -> ImageFont.FreeTypeFont:
    key = (style, pixels)
    if key not in _FONT_CACHE:
        _FONT_CACHE[key] = ImageFont.truetype(str(FONT_DIR / FONTS[style]), pixels)
    return _FONT_CACHE[key]


def missing_glyphs(text: str, style: str = "regular") -> set[str]:
    """Letters of ``text`` the font has no glyph for (Liberation 1.x lacks ủ, ỉ, ộ)."""
    from fontTools.ttLib import TTFont

    cmap = TTFont(str(FONT_DIR / FONTS[style])).getBestCmap()
    return {ch for ch in set(text) if not ch.isspace() and ord(ch) not in cmap}


def mm(value: float, dpi: int = DRAW_DPI) -> int:
    return round(value * dpi / 25.4)


def wrap(text: str, face: ImageFont.FreeTypeFont, width: int, indent: int = 0) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        trial = f"{current} {word}" if current else word
        room = width - (indent if not lines else 0)
        if current and face.getlength(trial) > room:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines


class Pages:
    """A4 pages drawn top to bottom, a new page (numbered at the top) when one is full."""

    def __init__(self) -> None:
        self.width, self.height = mm(A4_MM[0]), mm(A4_MM[1])
        self.left, self.right = mm(30), self.width - mm(15)
        self.top, self.bottom = mm(20), self.height - mm(20)
        self.images: list[Image.Image] = []
        self.new_page()

    def new_page(self) -> None:
        image = Image.new("RGB", (self.width, self.height), "white")
        self.images.append(image)
        self.draw = ImageDraw.Draw(image)
        self.y = self.top
        if len(self.images) > 1:  # page numbers from page 2, at the top centre
            face = font("regular", 13)
            label = str(len(self.images))
            self.draw.text(((self.width - face.getlength(label)) / 2, mm(10)), label, font=face, fill="black")

    def room(self, height: int) -> None:
        if self.y + height > self.bottom:
            self.new_page()

    def line(self, text: str, face, x: float | None = None, centre: tuple[int, int] | None = None,
             justify: int | None = None) -> None:
        step = round(face.size * 1.32)
        self.room(step)
        if centre is not None:
            x = centre[0] + (centre[1] - centre[0] - face.getlength(text)) / 2
        x = self.left if x is None else x
        if justify and " " in text:
            words = text.split(" ")
            gap = (justify - sum(face.getlength(w) for w in words)) / (len(words) - 1)
            for word in words:
                self.draw.text((x, self.y), word, font=face, fill="black")
                x += face.getlength(word) + gap
        else:
            self.draw.text((x, self.y), text, font=face, fill="black")
        self.y += step

    def column_line(self, text: str, face, span: tuple[int, int], centred: bool = True) -> None:
        """A line kept inside its column, wrapped like an office's typist would (a long issuer name,
        a recipient or a signer title on two lines), never running into the column beside it."""
        for piece in wrap(text, face, span[1] - span[0] - mm(2)):
            if centred:
                self.line(piece, face, centre=span)
            else:
                self.line(piece, face, x=span[0])


def render(spec: NoticeSpec) -> list[Image.Image]:
    """The notice's pages at 300 dpi, clean (no degradation), in colour."""
    pages = Pages()
    width = pages.right - pages.left
    split = pages.left + round(width * 0.42)
    left_col, right_col = (pages.left - mm(8), split), (split, pages.right + mm(5))
    head = font("regular", 12.5)
    head_bold = font("bold", 12.5)
    start = pages.y
    for k, text in enumerate(spec.issuer_lines):
        pages.column_line(text, head_bold if k else head, left_col)
    pages.y += mm(2)
    pages.column_line(f"Số: {spec.number}", font("regular", 13), left_col)
    left_end = pages.y
    pages.y = start
    for text in spec.motto:
        pages.column_line(text, head_bold if text.isupper() else font("bold", 13.5), right_col)
    pages.y += mm(2)
    pages.column_line(spec.date_line, font("italic", 13.5), right_col)
    pages.y = max(pages.y, left_end) + mm(8)
    full = (pages.left, pages.right)
    pages.line(spec.doc_type, font("bold", 14), centre=full)
    for text in spec.summary_lines:
        for piece in wrap(text, font("bold", 14), round(width * 0.8)):
            pages.line(piece, font("bold", 14), centre=full)
    pages.y += mm(6)
    body = font("regular", 14)
    indent = mm(10)
    for paragraph in spec.paragraphs:
        lines = wrap(paragraph, body, width, indent)
        for k, text in enumerate(lines):
            x = pages.left + (indent if k == 0 else 0)
            last = k == len(lines) - 1
            pages.line(text, body, x=x, justify=None if last else width - (indent if k == 0 else 0))
        pages.y += mm(1.5)
    _draw_foot(pages, spec, split)
    spec.pages = len(pages.images)
    return pages.images


def _draw_foot(pages: Pages, spec: NoticeSpec, split: int) -> None:
    """Recipients on the left, the signer block on the right with a stamp over the signature."""
    small = font("regular", 11)
    signer_face = font("bold", 13)
    needed = round(small.size * 1.32) * (len(spec.recipients) + 2) + mm(40)
    pages.y += mm(4)
    pages.room(needed)
    start = pages.y
    pages.line("Nơi nhận:", font("bolditalic", 12), x=pages.left)
    for text in spec.recipients:
        pages.column_line(text, small, (pages.left, split), centred=False)
    left_end = pages.y
    pages.y = start
    column = (split + mm(10), pages.right)
    for text in spec.signer_lines:
        pages.column_line(text, signer_face, column)
    sign_top = pages.y
    pages.y += mm(24)
    pages.line(spec.signer_name, signer_face, centre=column)
    image = pages.images[-1]
    centre_x = (column[0] + column[1]) // 2
    rng = random.Random(spec.seed)
    _signature(image, (centre_x - mm(18), sign_top + mm(4), centre_x + mm(18), sign_top + mm(20)), rng)
    _stamp(image, (centre_x - mm(16), sign_top - mm(2)), mm(17), spec.stamp_text, rng)
    pages.y = max(pages.y, left_end)


def _multiply(image: Image.Image, layer: Image.Image) -> None:
    image.paste(ImageChops.multiply(image, layer))


def _signature(image: Image.Image, box: tuple[int, int, int, int], rng: random.Random) -> None:
    """A handwritten flourish in blue ink."""
    layer = Image.new("RGB", image.size, "white")
    draw = ImageDraw.Draw(layer)
    x0, y0, x1, y1 = box
    points = []
    for k in range(60):
        t = k / 59
        x = x0 + (x1 - x0) * t
        y = (y0 + y1) / 2 + (y1 - y0) / 2.2 * math.sin(t * rng.uniform(9, 15) + rng.uniform(0, 3)) * (1 - t / 2)
        points.append((x, y))
    draw.line(points, fill=(30, 50, 170), width=5, joint="curve")
    draw.line([(x0 + (x1 - x0) * 0.2, y1), (x1, y0 + (y1 - y0) * 0.3)], fill=(30, 50, 170), width=4)
    _multiply(image, layer)


def _stamp(image: Image.Image, centre: tuple[int, int], radius: int, text: str, rng: random.Random) -> None:
    """A round red seal: two rings, the issuer's name around the edge, a star in the middle."""
    layer = Image.new("RGB", image.size, "white")
    draw = ImageDraw.Draw(layer)
    red = (205, 30, 40)
    cx, cy = centre
    cx += rng.randint(-mm(3), mm(3))
    for r, w in ((radius, 7), (round(radius * 0.72), 4)):
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=red, width=w)
    face = font("bold", 8.5)
    ring = radius * 0.86
    letters = list(text)
    span = 300
    for k, letter in enumerate(letters):
        angle = math.radians(-240 + span * k / max(1, len(letters) - 1) * 1.0) if len(letters) > 1 else 0
        x, y = cx + ring * math.cos(angle), cy + ring * math.sin(angle)
        glyph = Image.new("L", (face.size * 2, face.size * 2), 0)
        ImageDraw.Draw(glyph).text((face.size // 2, face.size // 2), letter, font=face, fill=255)
        glyph = glyph.rotate(-math.degrees(angle) - 90, resample=Image.BICUBIC)
        tint = Image.new("RGB", glyph.size, red)
        layer.paste(tint, (round(x - glyph.width / 2), round(y - glyph.height / 2)), glyph)
    star = [(cx + radius * 0.3 * math.cos(math.radians(-90 + 36 * k)) * (1 if k % 2 == 0 else 0.45),
             cy + radius * 0.3 * math.sin(math.radians(-90 + 36 * k)) * (1 if k % 2 == 0 else 0.45))
            for k in range(10)]
    draw.polygon(star, fill=red)
    layer = layer.rotate(rng.uniform(-20, 20), center=(cx, cy), fillcolor="white")
    _multiply(image, layer)


# --- wear -----------------------------------------------------------------------------


def degrade(image: Image.Image, level: Level, rng: random.Random) -> Image.Image:
    """A copy of a clean 300-dpi page as a worn scan at the level's resolution."""
    if level.photo:
        return photograph(image, level, rng)
    page = image
    if level.toner:
        page = _uneven_toner(page, level.toner, rng)
    if level.blur:
        page = page.filter(ImageFilter.GaussianBlur(level.blur * DRAW_DPI / 150))
    if level.skew:
        page = page.rotate(rng.uniform(-level.skew, level.skew), resample=Image.BICUBIC,
                           expand=False, fillcolor="white")
    if level.speckle:
        page = _speckle(page, level.speckle, rng)
    if level.dpi != DRAW_DPI:
        size = (round(page.width * level.dpi / DRAW_DPI), round(page.height * level.dpi / DRAW_DPI))
        page = page.resize(size, Image.LANCZOS)
    if level.noise:
        noise = _gaussian_noise(page.size, level.noise, rng.getrandbits(32)).convert("RGB")
        page = ImageChops.add(page, noise, scale=1.0, offset=-128)
    if level.tone != "colour":
        page = photocopy(page, level.tone)
    if level.jpeg:
        buffer = io.BytesIO()
        page.save(buffer, "JPEG", quality=level.jpeg)
        page = Image.open(io.BytesIO(buffer.getvalue()))
        page = page.convert("RGB" if level.tone == "colour" else "L")
    page.info["dpi"] = (level.dpi, level.dpi)
    return page


def photograph(image: Image.Image, level: Level, rng: random.Random) -> Image.Image:
    """A clean 300-dpi page as a phone photo of the printed sheet: the sheet (``PHOTO_PPI`` pixels
    per inch of paper) lying on a darker textured desk and spanning ``PHOTO_FILL`` of the frame
    (3:4, portrait), seen slightly off-axis (a perspective: each corner moved up to
    ``PHOTO_CORNER_SHIFT`` of the page's size) and turned up to ``level.skew`` degrees; light
    falling off across the sheet (a linear gradient and a soft shadow) and towards the frame's
    corners (vignetting); a warm cast, lower contrast, mild blur, sensor noise and JPEG; and the
    72 dpi phones write, which says nothing of the paper."""
    import numpy as np

    if level.toner:
        image = _uneven_toner(image, level.toner, rng)
    ppi = rng.uniform(*PHOTO_PPI)
    paper = image.resize((round(image.width * ppi / DRAW_DPI), round(image.height * ppi / DRAW_DPI)), Image.LANCZOS)
    frame_h = round(paper.height / rng.uniform(*PHOTO_FILL))
    frame = (round(frame_h * 3 / 4), frame_h)
    corners = _sheet_corners(paper.size, frame, level.skew, rng)
    coeffs = perspective_coefficients(corners, [(0, 0), (paper.width, 0), (paper.width, paper.height),
                                                (0, paper.height)])
    sheet = paper.transform(frame, Image.PERSPECTIVE, coeffs, Image.BICUBIC, fillcolor="white")
    mask = Image.new("L", paper.size, 255).transform(frame, Image.PERSPECTIVE, coeffs, Image.BILINEAR, fillcolor=0)
    photo = Image.composite(sheet, _desk(frame, rng), mask)
    pixels = np.asarray(photo, dtype=np.float32) * _lighting(frame, rng)[..., None]
    cast = np.array([1.0, rng.uniform(0.90, 0.95), rng.uniform(0.76, 0.86)], dtype=np.float32)
    low, high = rng.uniform(25, 50), rng.uniform(215, 240)  # a camera's contrast: ink grey, paper not white
    pixels = low + pixels * cast * (high - low) / 255
    photo = Image.fromarray(np.clip(np.rint(pixels), 0, 255).astype("uint8"), "RGB")
    photo = photo.filter(ImageFilter.GaussianBlur(level.blur * ppi / 150))
    noise = np.random.default_rng(rng.getrandbits(32)).normal(0.0, level.noise, (frame[1], frame[0], 3))
    photo = Image.fromarray(np.clip(np.rint(np.asarray(photo, dtype=np.float32) + noise), 0, 255).astype("uint8"))
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", quality=level.jpeg or 80)
    photo = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    photo.info["dpi"] = (PHONE_DPI, PHONE_DPI)
    return photo


def _sheet_corners(paper: tuple[int, int], frame: tuple[int, int], turn: float,
                   rng: random.Random) -> list[tuple[float, float]]:
    """Where the sheet's corners (top left, top right, bottom right, bottom left) fall in the frame:
    centred with some play, turned, each corner moved a little (the camera off-axis)."""
    width, height = paper
    angle = math.radians(rng.uniform(-turn, turn))
    cx = frame[0] / 2 + rng.uniform(-0.3, 0.3) * max(0, frame[0] - width * 1.05) / 2
    cy = frame[1] / 2 + rng.uniform(-0.3, 0.3) * max(0, frame[1] - height * 1.05) / 2
    # off-axis: one edge of the sheet nearer the camera (larger) than the opposite one
    tilt_x, tilt_y = rng.uniform(-1, 1) * PHOTO_CORNER_SHIFT, rng.uniform(-1, 1) * PHOTO_CORNER_SHIFT
    corners = []
    for sx, sy in ((-1, -1), (1, -1), (1, 1), (-1, 1)):
        x = sx * width / 2 * (1 + tilt_y * sy) + rng.uniform(-0.3, 0.3) * PHOTO_CORNER_SHIFT * width
        y = sy * height / 2 * (1 + tilt_x * sx) + rng.uniform(-0.3, 0.3) * PHOTO_CORNER_SHIFT * height
        corners.append((cx + x * math.cos(angle) - y * math.sin(angle), cy + x * math.sin(angle) + y * math.cos(angle)))
    return corners


def _desk(frame: tuple[int, int], rng: random.Random) -> Image.Image:
    """A darker textured surface around the sheet (a desk, a table cloth): a dull colour with
    blotches and fine grain."""
    import numpy as np

    generator = np.random.default_rng(rng.getrandbits(32))
    base = np.array([rng.uniform(60, 110), rng.uniform(45, 90), rng.uniform(30, 75)], dtype=np.float32)
    blotches = np.asarray(Image.fromarray(generator.normal(128, 40, (12, 9)).clip(0, 255).astype("uint8"))
                          .resize(frame, Image.BICUBIC), dtype=np.float32) - 128
    grain = generator.normal(0, 8, (frame[1], frame[0]))
    streaks = np.sin(np.arange(frame[1], dtype=np.float32) / rng.uniform(6, 14))[:, None] * 6
    pixels = base + (0.35 * blotches + grain + streaks)[..., None]
    return Image.fromarray(np.clip(pixels, 0, 255).astype("uint8"), "RGB")


def _lighting(frame: tuple[int, int], rng: random.Random):
    """How much light reaches each pixel (0-1): brighter on one side (a window, a lamp), a soft
    shadow (a hand, the phone) over part of the sheet, darker towards the frame's corners."""
    import numpy as np

    width, height = frame
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    u, v = xs / width - 0.5, ys / height - 0.5
    angle = rng.uniform(0, 2 * math.pi)
    along = (u * math.cos(angle) + v * math.sin(angle)) / 0.7  # about -1 .. 1 across the frame
    light = 1.0 - rng.uniform(0.12, 0.25) * (along + 1) / 2
    sx, sy, radius = rng.uniform(-0.5, 0.5), rng.uniform(-0.5, 0.5), rng.uniform(0.2, 0.35)
    distance = np.sqrt((u - sx) ** 2 + (v - sy) ** 2)
    shadow = 1 / (1 + np.exp((distance - radius) / 0.06))  # 1 inside, falling off softly
    light *= 1.0 - rng.uniform(0.15, 0.3) * shadow
    light *= 1.0 - rng.uniform(0.1, 0.2) * np.clip((u * u + v * v) / 0.5, 0, 1) ** 1.5
    return light


def photocopy(page: Image.Image, tone: str) -> Image.Image:
    """The page as a copier or a fax gives it: grey (luminance, toner contrast: dark greys black,
    light greys paper) or 1-bit. A red stamp and a blue signature come out as dark as print."""
    grey = page.convert("L")
    span = PHOTOCOPY_WHITE - PHOTOCOPY_BLACK
    grey = grey.point(lambda v: max(0, min(255, round((v - PHOTOCOPY_BLACK) * 255 / span))))
    if tone == "bitonal":
        return grey.point(lambda v: 255 if v > BITONAL_THRESHOLD else 0, mode="1")
    return grey


def _gaussian_noise(size: tuple[int, int], sigma: float, seed: int) -> Image.Image:
    """Grey noise around 128, drawn from ``seed``: Pillow's ``effect_noise`` draws from the C
    library's generator, so the same notice came out differently in each worker of a pool."""
    import numpy as np

    values = np.random.default_rng(seed).normal(128.0, sigma, (size[1], size[0]))
    return Image.fromarray(np.clip(np.rint(values), 0, 255).astype("uint8"), "L")


def _uneven_toner(image: Image.Image, strength: float, rng: random.Random) -> Image.Image:
    """Ink fades towards one side of the page, as on a copier low on toner."""
    width, height = 64, 64
    gradient = Image.new("L", (width, height))
    fx, fy = rng.uniform(-1, 1), rng.uniform(-1, 1)
    gradient.putdata([round(255 * strength * max(0.0, min(1.0, 0.5 + 0.5 * (fx * (x / width - 0.5) * 2
                                                                           + fy * (y / height - 0.5) * 2) / 1.5)))
                      for y in range(height) for x in range(width)])
    fade = gradient.resize(image.size, Image.BILINEAR)
    white = Image.new("RGB", image.size, "white")
    return Image.composite(white, image, fade)


def _speckle(image: Image.Image, share: float, rng: random.Random) -> Image.Image:
    draw = ImageDraw.Draw(image)
    for _ in range(round(image.width * image.height * share / 9)):
        x, y = rng.randrange(image.width), rng.randrange(image.height)
        r = rng.choice((1, 1, 2, 3))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(rng.randint(0, 90),) * 3)
    return image


def scan(spec: NoticeSpec, level: Level | str) -> list[Image.Image]:
    """The notice's pages as a worn scan."""
    level = LEVELS[level] if isinstance(level, str) else level
    rng = random.Random(f"wear-{spec.seed}-{level.name}")
    return [degrade(page, level, rng) for page in render(spec)]


# a fixed date and title in the PDF's info: the same pages make the same bytes, so the OCR cache
# (keyed on the file's hash) serves a benchmark run again
PDF_INFO = {"title": "scan", "creationDate": time.gmtime(1609459200), "modDate": time.gmtime(1609459200)}


def save_pdf(pages: list[Image.Image], path: Path, dpi: int) -> None:
    """A scanned PDF: one image per page, no text layer; the same pages give the same bytes."""
    first, *rest = pages
    first.save(path, "PDF", save_all=True, append_images=rest, resolution=dpi, **PDF_INFO)


def save_tiff(pages: list[Image.Image], path: Path, dpi: int) -> None:
    first, *rest = pages
    first.save(path, "TIFF", save_all=True, append_images=rest, dpi=(dpi, dpi), compression="tiff_deflate")


def save_photos(pages: list[Image.Image], path: Path) -> None:
    """Phone photos of a notice's pages as one multi-page TIFF (a single photo is read the same way as
    a JPEG): the pixels as the phone's JPEG left them, and the 72 dpi it wrote."""
    first, *rest = pages
    first.save(path, "TIFF", save_all=True, append_images=rest, dpi=(PHONE_DPI, PHONE_DPI),
               compression="tiff_deflate")


def save_scan(pages: list[Image.Image], stem: Path, level: Level) -> Path:
    """A worn copy written as the level gives it: a scanned PDF, or for photos the images."""
    path = stem.with_suffix(".tif" if level.photo else ".pdf")
    if level.photo:
        save_photos(pages, path)
    else:
        save_pdf(pages, path, level.dpi)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=4)
    parser.add_argument("--level", choices=sorted(LEVELS), default="good")
    parser.add_argument("--split", choices=["train", "heldout"], default="heldout")
    parser.add_argument("--first", type=int, default=0)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    pool = paragraph_pool(args.split)
    for seed in range(args.first, args.first + args.count):
        spec = compose(seed, args.split, pool=pool)
        level = LEVELS[args.level]
        path = save_scan(scan(spec, level), args.out / f"{args.split}-{seed:03d}-{level.name}", level)
        path.with_suffix(".truth.txt").write_text(truth_text(spec), encoding="utf-8")
        print(f"{path} ({spec.pages} pages)")


if __name__ == "__main__":
    main()
