"""Encoding detection and conversion on fixtures the tests build themselves.

Each legacy encoding is produced from real sentences of the seed notices by an
encoder written here as the inverse of our own tables (or by Python's codecs
for Windows-1258 and UTF-16), and decoding must give back the exact text.
"""
from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.ingest.decode import (
    Decoded,
    decode_bytes,
    is_vietnamese_syllable,
    tcvn3_letters,
    vni_letters,
    windows_1252_chars,
)

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "source_texts").glob("*.txt"))
CONGBAO = Path("/work/shared/corpora/congbao")
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


# --- encoders: the inverse of our tables --------------------------------------


def encode_tcvn3(text: str) -> bytes:
    """Unicode → TCVN3; capital toned letters take the lowercase code, as .VnTimeH fonts do."""
    inverse = {letter: byte for byte, letter in tcvn3_letters().items()}
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ch in inverse:
            out.append(inverse[ch])
        elif ch.lower() in inverse:
            out.append(inverse[ch.lower()])
        else:
            out += ch.encode("cp1252")
    return bytes(out)


def encode_vni(text: str) -> bytes:
    inverse = {letter: raw for raw, letter in vni_letters().items()}
    return b"".join(inverse.get(ch) or ch.encode("cp1252") for ch in unicodedata.normalize("NFC", text))


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 has â, ơ, ư … but not most toned letters: those are base + combining tone."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
            tones = "".join(c for c in decomposed if c in TONE_MARKS)
            out += base.encode("cp1258") + tones.encode("cp1258")
    return bytes(out)


def as_surface(raw: bytes) -> str:
    """Legacy bytes as a Windows program shows them (what a PDF or DOCX of that font holds)."""
    return "".join(windows_1252_chars()[byte] for byte in raw)


def mojibake(text: str, codec: str = "cp1252") -> bytes:
    """UTF-8 read as Windows-1252 (undefined bytes kept as C1 controls) or Latin-1, saved as UTF-8."""
    raw = text.encode("utf-8")
    if codec == "latin-1":
        return raw.decode("latin-1").encode("utf-8")
    return raw.decode("cp1252", errors="c1-controls").encode("utf-8")


def _keep_as_c1_control(error: UnicodeDecodeError):
    return "".join(chr(byte) for byte in error.object[error.start:error.end]), error.end


codecs.register_error("c1-controls", _keep_as_c1_control)


# --- sentences from the seeds --------------------------------------------------


def seed_sentences(per_seed: int = 2) -> list[str]:
    """Plain prose lines (no Markdown marks) from every seed."""
    sentences = []
    for seed in SEEDS:
        lines = [line.strip() for line in seed.read_text(encoding="utf-8").splitlines()]
        prose = [line for line in lines if len(line) > 80 and not any(mark in line for mark in "*#|_")]
        sentences += prose[:per_seed]
    return sentences


def tcvn3_can_hold(text: str) -> bool:
    """TCVN3 has no capital toned letters: only texts without them in mixed-case words round-trip."""
    capitals = {letter for letter in tcvn3_letters().values() if letter.isupper()}
    for word in text.split():
        letters = [ch for ch in word if ch.isalpha()]
        for index, ch in enumerate(letters):
            if ch.isupper() and not ch.isascii() and ch not in capitals:
                if index == 0 or not all(other.isupper() for other in letters):
                    return False
    return True


SENTENCES = seed_sentences()
SAMPLE = "\n".join(SENTENCES)


def test_the_seeds_give_enough_sentences():
    assert len(SENTENCES) >= 8, "the seeds should give prose lines to build fixtures from"


def _only_conversion(decoded: Decoded, encoding: str) -> None:
    assert decoded.problems == []
    assert decoded.encoding == encoding
    conversions = [change for change in decoded.changes if change.kind == "encoding"]
    assert len(conversions) == 1
    assert (conversions[0].before, conversions[0].after, conversions[0].stage) == (encoding, "utf-8", "decode")


# --- Unicode encodings -----------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS, ids=lambda path: path.name)
def test_seed_is_utf8_and_unchanged(seed):
    data = seed.read_bytes()
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8"
    assert decoded.problems == []
    assert decoded.text == data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    assert {change.kind for change in decoded.changes} <= {"line-endings"}


def congbao_files() -> list[Path]:
    return sorted(CONGBAO.glob("*.txt")) if CONGBAO.is_dir() else []


@pytest.mark.skipif(not congbao_files(), reason=f"Công báo corpus not found at {CONGBAO}: "
                                                "cannot check real PDF-extracted text")
def test_congbao_texts_are_utf8_and_unchanged():
    """Real gazette text (NFD pieces, ×, °, PUA symbols) must never be 'repaired'."""
    for path in congbao_files():
        data = path.read_bytes()
        decoded = decode_bytes(data)
        expected = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
        assert decoded.encoding == "utf-8", path.name
        assert decoded.problems == [], path.name
        # The one edit besides line endings: stray NULs (unmapped glyphs) become U+FFFD.
        assert decoded.text == expected.replace("\x00", "\ufffd"), path.name
        assert {change.kind for change in decoded.changes} <= {"line-endings", "nul-character"}, path.name


def test_utf8_with_byte_order_mark():
    decoded = decode_bytes(codecs.BOM_UTF8 + SAMPLE.encode("utf-8"))
    _only_conversion(decoded, "utf-8-sig")
    assert decoded.text == SAMPLE


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_byte_order_mark(codec):
    data = SAMPLE.encode(codec) if codec == "utf-16" else \
        (codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE) + SAMPLE.encode(codec)
    decoded = decode_bytes(data)
    _only_conversion(decoded, "utf-16")
    assert decoded.text == SAMPLE


def test_utf16_without_byte_order_mark_is_not_called_binary():
    decoded = decode_bytes(SAMPLE.encode("utf-16-le"))
    assert decoded.problems == []
    assert decoded.text == SAMPLE


def test_latin1_symbols_in_utf8_are_not_mistaken_for_a_legacy_encoding():
    text = SENTENCES[0] + "\nLiều 0,5 ml × 2 lần; bảo quản ở 2–8 °C; 10 µg ± 5%; « trích dẫn »; © Sở Y tế."
    decoded = decode_bytes(text.encode("utf-8"))
    assert (decoded.encoding, decoded.text, decoded.changes) == ("utf-8", text, [])


# --- legacy encodings --------------------------------------------------------------


def test_windows_1258_round_trip():
    data = encode_cp1258(SAMPLE)
    assert data.decode("cp1258") != SAMPLE, "the fixture should use combining tone marks"
    decoded = decode_bytes(data)
    _only_conversion(decoded, "cp1258")
    assert decoded.text == unicodedata.normalize("NFC", SAMPLE)


def test_tcvn3_round_trip():
    sentences = [sentence for sentence in SENTENCES if tcvn3_can_hold(sentence)]
    assert len(sentences) >= 4
    text = "\n".join(sentences)
    decoded = decode_bytes(encode_tcvn3(text))
    _only_conversion(decoded, "tcvn3")
    assert decoded.text == unicodedata.normalize("NFC", text)


def test_tcvn3_known_example():
    decoded = decode_bytes("Ban ChÊp hµnh Trung \u00ad¬ng".encode("cp1252"))
    assert (decoded.encoding, decoded.text) == ("tcvn3", "Ban Chấp hành Trung ương")


def test_tcvn3_capital_headings_are_restored():
    heading = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nBAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH"
    decoded = decode_bytes(encode_tcvn3(heading))
    assert decoded.text == heading
    restored = [change for change in decoded.changes if change.kind == "tcvn3-capitals"]
    assert ("CộNG", "CỘNG", 1) in [(change.before, change.after, change.line) for change in restored]


def test_tcvn3_cannot_tell_a_capital_toned_initial():
    """Known limit: ``Ủy`` is written with the code of ``ủ``; the case is lost in the bytes."""
    decoded = decode_bytes(encode_tcvn3("Ủy ban nhân dân tỉnh đã họp"))
    assert decoded.text == "ủy ban nhân dân tỉnh đã họp"


def test_vni_round_trip():
    decoded = decode_bytes(encode_vni(SAMPLE))
    _only_conversion(decoded, "vni")
    assert decoded.text == unicodedata.normalize("NFC", SAMPLE)


def test_vni_known_example():
    decoded = decode_bytes("Xin chaøo caùc baïn".encode("cp1252"))
    assert (decoded.encoding, decoded.text) == ("vni", "Xin chào các bạn")


@pytest.mark.parametrize("encoder, name", [(encode_tcvn3, "tcvn3"), (encode_vni, "vni")])
def test_legacy_font_text_saved_as_utf8_is_converted(encoder, name):
    """PDF and DOCX extraction of .VnTime / VNI-Times text gives these characters in UTF-8."""
    text = "\n".join(sentence for sentence in SENTENCES if tcvn3_can_hold(sentence))
    decoded = decode_bytes(as_surface(encoder(text)).encode("utf-8"))
    _only_conversion(decoded, f"utf-8+{name}")
    assert decoded.text == unicodedata.normalize("NFC", text)


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_mojibake_is_repaired(codec):
    decoded = decode_bytes(mojibake(SAMPLE, codec))
    _only_conversion(decoded, "utf-8+mojibake-repaired")
    assert decoded.text == SAMPLE


def test_double_mojibake_is_repaired():
    once = mojibake(SAMPLE).decode("utf-8")
    decoded = decode_bytes(mojibake(once))
    assert (decoded.encoding, decoded.text) == ("utf-8+mojibake-repaired", SAMPLE)


# --- damaged and non-text input --------------------------------------------------


def test_line_endings_are_normalised_and_counted():
    decoded = decode_bytes("một\r\nhai\rba\r\nbốn\n".encode("utf-8"))
    assert decoded.text == "một\nhai\nba\nbốn\n"
    [change] = decoded.changes
    assert (change.kind, change.before, change.after) == ("line-endings", "2 CRLF, 1 CR", "LF")


def test_undecodable_bytes_in_utf8_are_replaced_and_located():
    lines = [line.encode("utf-8") for line in SENTENCES[:4]]
    lines[1] = lines[1][:20] + b"\xff\xfe" + lines[1][20:]
    lines[3] = lines[3] + b"\xc3"
    data = b"\r\n".join(lines)
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8"
    bad = [change for change in decoded.changes if change.kind == "undecodable-bytes"]
    assert [(change.before, change.line) for change in bad] == [("ff fe", 2), ("c3", 4)]
    assert [data[change.offset:change.offset + 1].hex() for change in bad] == ["ff", "c3"]
    expected = "\n".join(SENTENCES[:4])
    assert decoded.text.replace("\ufffd", "") == expected
    assert decoded.text.count("\ufffd") == 2


def test_undecodable_byte_offsets_count_the_byte_order_mark():
    data = codecs.BOM_UTF8 + "Dòng một\nDòng hai ".encode("utf-8") + b"\x96" + " hết".encode("utf-8")
    decoded = decode_bytes(data)
    [bad] = [change for change in decoded.changes if change.kind == "undecodable-bytes"]
    assert (bad.before, bad.line, data[bad.offset]) == ("96", 2, 0x96)


def test_stray_nul_in_utf8_text_is_marked_not_binary():
    data = ("Dòng một\nDòng hai \x00 ô trống\n" + SAMPLE).encode("utf-8")
    decoded = decode_bytes(data)
    assert decoded.problems == []
    assert "\ufffd ô trống" in decoded.text
    assert [(change.kind, change.line) for change in decoded.changes] == [("nul-character", 2)]


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (codecs.BOM_UTF8, "empty file"),
    (b" \r\n\t \n  ", "whitespace-only file"),
    ("\u3000\n".encode("utf-8"), "whitespace-only file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 50, "binary file (NUL bytes)"),
    (bytes(range(1, 32)) * 40, "binary file (mostly control characters, not text)"),
])
def test_non_text_input_is_a_problem_with_no_text(data, reason):
    decoded = decode_bytes(data)
    assert decoded.text == ""
    assert decoded.problems == [reason]


def test_western_text_in_windows_1252_is_read_without_error():
    decoded = decode_bytes("Résumé of the café meeting — “quoted”".encode("cp1252"))
    assert decoded.problems == []
    assert decoded.text == "Résumé of the café meeting — “quoted”"


@pytest.mark.parametrize("word, expected", [
    ("người", True), ("quyết", True), ("giếng", True), ("gìn", True), ("khuỷu", True),
    ("hoà", True), ("hòa", True), ("ĐẢNG", True), ("Tỉnh", True),
    ("ChÊp", False), ("hµnh", False), ("caùc", False), ("cÃ¡c", False), ("kan", False),
    ("các", True), ("cát", True), ("càt", False), ("ngià", False),
])
def test_syllable_check(word, expected):
    assert is_vietnamese_syllable(word) is expected


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=4096))
def test_random_bytes_never_raise(data):
    decoded = decode_bytes(data)
    assert isinstance(decoded.text, str)
    assert "\r" not in decoded.text
    assert decoded.problems == [] or decoded.text == ""
    assert decoded.problems or decoded.text.strip()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=2000), st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]))
def test_any_unicode_text_decodes_without_error(text, codec):
    decoded = decode_bytes(text.encode(codec, "surrogatepass"))
    assert isinstance(decoded, Decoded)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16"])
def test_decomposed_text_is_read_as_the_same_text(seed, codec):
    """Text saved as NFD is UTF-8 (or UTF-16) and decodes unchanged: only cleaning composes it (NFC)."""
    text = unicodedata.normalize("NFD", seed.read_text(encoding="utf-8"))
    decoded = decode_bytes(text.encode(codec))
    assert decoded.encoding.replace("-sig", "").startswith(codec.replace("-sig", "")[:5]) and not decoded.problems
    assert unicodedata.normalize("NFC", decoded.text) == unicodedata.normalize("NFC", text)
