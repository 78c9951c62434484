"""Bytes → Unicode text: find out how a notice file was encoded and convert it.

Provincial notices reach us as UTF-8, UTF-16, Windows-1258, the legacy font
encodings TCVN3 (ABC, ``.VnTime``) and VNI (``VNI-Times``), and as *mojibake*
(UTF-8 read as Windows-1252 and saved again). The bytes do not say which, so
each plausible reading is **scored**: the right one is the reading whose
accented words are real Vietnamese syllables (``vietnamese/syllables.py``).

Every edit is recorded as a ``Change`` of stage "decode"; files that cannot be
text (empty, binary) come back with ``text=""`` and a reason in ``problems``.
``decode_bytes`` never raises, whatever the bytes.
"""
from __future__ import annotations

import codecs
import functools
import re
import string
import unicodedata
from dataclasses import dataclass, field
from typing import Callable

from ..data_files import DATA_DIR
from ..vietnamese.syllables import is_vietnamese_syllable
from ..model import Change

STAGE = "decode"
ENCODINGS_DIR = DATA_DIR / "encodings"

# Detection reads only the start of a file: enough words to tell encodings apart,
# and it keeps a 200 MB archive fast. Conversion always covers the whole file.
SAMPLE_BYTES = 64 * 1024
# A repair of text that is already valid Unicode must beat the text as it is by
# this much (on a -1..1 scale), so genuine UTF-8 Vietnamese is never "repaired".
MIN_REPAIR_GAIN = 0.2
# More C0 control bytes than this share means the file is not text at all.
MAX_CONTROL_SHARE = 0.05
# NULs beyond this share of the sample mean a binary file even if it is valid UTF-8.
MAX_STRAY_NUL_SHARE = 0.005

_TEXT_CONTROLS = b"\t\n\r\x0b\x0c\x1a\x1b"
_CONTROL_BYTES = bytes(b for b in range(32) if b not in _TEXT_CONTROLS) + b"\x7f"
_WORD_SEPARATORS = re.compile(r"[\s\-/\u2010-\u2015]+")
_EDGE_PUNCTUATION = "\"'.,;:!?()[]{}<>“”‘’…*_–—•"
_UNDECODED_RUN = re.compile("[\udc80-\udcff]+")
_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_ASCII_LOWERCASE = re.compile("[a-z]")
_WORD_WITHOUT_ASCII_LOWERCASE = re.compile(r"\b[^\W\d_a-z]+\b")  # ASCII capitals and other letters


@dataclass(frozen=True)
class Decoded:
    """A file's bytes read as text, with how they were read and what was edited."""

    text: str
    encoding: str
    changes: list[Change] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Score:
    """How Vietnamese a reading looks: accented words that are / are not syllables."""

    good: int
    bad: int

    @property
    def value(self) -> float:
        """-1 (no accented word is a syllable) … 1 (all are); 0 when there are none."""
        total = self.good + self.bad
        return (self.good - self.bad) / total if total else 0.0

    @property
    def share(self) -> float:
        """Share of accented words that are syllables: the confidence of a detection."""
        total = self.good + self.bad
        return self.good / total if total else 1.0


# --- code tables ---------------------------------------------------------------


@functools.lru_cache(maxsize=None)
def windows_1252_chars() -> str:
    """Byte → character as Windows reads ANSI text (the five undefined bytes map to C1 controls).

    Legacy font encodings live *inside* Windows-1252 text, so this is both the
    decoding table for VNI files and the base that TCVN3 overrides.
    """
    return "".join(_decode_byte(byte, "cp1252") for byte in range(256))


@functools.lru_cache(maxsize=None)
def windows_1258_chars() -> str:
    """Byte → character for Windows-1258, undefined bytes as C1 controls (never an error)."""
    return "".join(_decode_byte(byte, "cp1258") for byte in range(256))


def _decode_byte(byte: int, codec: str) -> str:
    try:
        return bytes([byte]).decode(codec)
    except UnicodeDecodeError:
        return chr(byte)


def _read_tsv(name: str) -> list[tuple[bytes, str]]:
    """Rows of a mapping table: hex bytes (space separated) → Unicode letter."""
    rows = []
    for line in (ENCODINGS_DIR / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        hex_bytes, letter = line.split("\t")[:2]
        rows.append((bytes.fromhex(hex_bytes), letter))
    return rows


@functools.lru_cache(maxsize=None)
def tcvn3_letters() -> dict[int, str]:
    """TCVN3 byte → Vietnamese letter, from ``data/encodings/tcvn3.tsv``."""
    return {raw[0]: letter for raw, letter in _read_tsv("tcvn3.tsv")}


@functools.lru_cache(maxsize=None)
def vni_letters() -> dict[bytes, str]:
    """VNI byte sequence → Vietnamese letter, from ``data/encodings/vni.tsv``."""
    return dict(_read_tsv("vni.tsv"))


@functools.lru_cache(maxsize=None)
def _tcvn3_decoding_table() -> str:
    table = list(windows_1252_chars())
    for byte, letter in tcvn3_letters().items():
        table[byte] = letter
    return "".join(table)


@functools.lru_cache(maxsize=None)
def _tcvn3_surface_table() -> dict[int, str]:
    """For ``str.translate``: the character a TCVN3 byte shows as in Windows → its letter."""
    surface = windows_1252_chars()
    return {ord(surface[byte]): letter for byte, letter in tcvn3_letters().items()}


@functools.lru_cache(maxsize=None)
def _vni_surface_table() -> dict[str, str]:
    surface = windows_1252_chars()
    return {"".join(surface[b] for b in raw): letter for raw, letter in vni_letters().items()}


@functools.lru_cache(maxsize=None)
def _vni_surface_pattern() -> re.Pattern[str]:
    sequences = sorted(_vni_surface_table(), key=len, reverse=True)  # "aù" before "a"
    return re.compile("|".join(re.escape(sequence) for sequence in sequences))


@functools.lru_cache(maxsize=None)
def vietnamese_letters() -> frozenset[str]:
    """Every letter of the Vietnamese alphabet (ASCII ones included), both cases."""
    return frozenset(vni_letters().values()) | frozenset(string.ascii_letters)


@functools.lru_cache(maxsize=None)
def _tell_pattern(name: str) -> re.Pattern[str]:
    """Characters of a legacy surface ("tcvn3", "vni") that Vietnamese Unicode text never needs (µ, ¬, ø …)."""
    if name == "tcvn3":
        surface = "".join(chr(code) for code in _tcvn3_surface_table())
    else:
        surface = "".join(_vni_surface_table())
    tells = sorted(set(surface) - vietnamese_letters() - set(string.printable))
    return re.compile("[" + "".join(re.escape(ch) for ch in tells) + "]")


# --- what Vietnamese looks like ------------------------------------------------


def score_text(text: str) -> Score:
    """Count accented words that are (good) and are not (bad) Vietnamese syllables.

    Plain ASCII words and words with digits read the same under every candidate
    encoding, so only words with other characters decide.
    """
    good = bad = 0
    for token in _WORD_SEPARATORS.split(text):
        word = token.strip(_EDGE_PUNCTUATION)
        if not word or word.isascii() or _DIGIT.search(word):
            continue
        if is_vietnamese_syllable(word):
            good += 1
        else:
            bad += 1
    return Score(good, bad)


# --- readings of raw bytes -----------------------------------------------------


def read_cp1258(data: bytes) -> str:
    """Windows-1258 writes many tones as combining marks: compose them (NFC)."""
    text, _ = codecs.charmap_decode(data, "strict", windows_1258_chars())
    return unicodedata.normalize("NFC", text)


def read_tcvn3(data: bytes) -> str:
    text, _ = codecs.charmap_decode(data, "strict", _tcvn3_decoding_table())
    return text


def read_vni(data: bytes) -> str:
    text, _ = codecs.charmap_decode(data, "strict", windows_1252_chars())
    return from_vni_surface(text)


def read_utf8_leniently(data: bytes) -> str:
    """UTF-8 with undecodable bytes kept as lone surrogates, to be located and replaced."""
    return data.decode("utf-8", "surrogateescape")


LEGACY_READERS: dict[str, Callable[[bytes], str]] = {
    "cp1258": read_cp1258,  # first: wins ties, as Western text in cp1252 reads the same
    "utf-8": read_utf8_leniently,
    "tcvn3": read_tcvn3,
    "vni": read_vni,
}


# --- repairs of text that is Unicode but still legacy underneath --------------


def from_tcvn3_surface(text: str) -> str:
    """TCVN3 text shown through Windows-1252 (``ChÊp hµnh``) → Unicode (``Chấp hành``)."""
    return text.translate(_tcvn3_surface_table())


def from_vni_surface(text: str) -> str:
    """VNI text shown through Windows-1252 (``Vieät``) → Unicode (``Việt``)."""
    table = _vni_surface_table()
    return _vni_surface_pattern().sub(lambda match: table[match.group()], text)


@functools.lru_cache(maxsize=None)
def _continuation_class() -> str:
    """UTF-8 continuation bytes 0x80-0xBF as Windows-1252 or Latin-1 shows them."""
    continuation = set(windows_1252_chars()[0x80:0xC0]) | {chr(byte) for byte in range(0x80, 0xC0)}
    return "[" + "".join(re.escape(ch) for ch in sorted(continuation)) + "]"


@functools.lru_cache(maxsize=None)
def _mojibake_start() -> re.Pattern[str]:
    """A UTF-8 lead byte then a continuation byte, as characters: the cheap test for mojibake."""
    return re.compile(f"[\u00c2-\u00f4]{_continuation_class()}")


@functools.lru_cache(maxsize=None)
def _mojibake_pattern() -> re.Pattern[str]:
    """A whole UTF-8 sequence (lead byte + its continuation bytes) shown as Windows-1252 characters."""
    cont = _continuation_class()
    return re.compile(f"(?=[\u00c2-\u00f4])(?:[\u00c2-\u00df]{cont}|[\u00e0-\u00ef]{cont}{{2}}"
                      f"|[\u00f0-\u00f4]{cont}{{3}})")


@functools.lru_cache(maxsize=None)
def _byte_of_surface_char() -> dict[str, int]:
    table = {ch: byte for byte, ch in enumerate(windows_1252_chars())}
    table.update({chr(byte): byte for byte in range(0x80, 0xA0)})  # read as Latin-1 instead
    return table


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 read as Windows-1252/Latin-1 (``Ä‘áº¡o`` → ``đạo``).

    When only part of the text is mojibake, only byte sequences that form valid
    UTF-8 are touched, so genuine text mixed in stays as it is. Double encoding
    is undone by repeating, at most 3 times.
    """
    for _ in range(3):
        if not _mojibake_start().search(text):
            break
        repaired = _repair_whole_text(text)
        if repaired is None:
            repaired = _mojibake_pattern().sub(_decode_sequence, text)
        if repaired == text:
            break
        text = repaired
    return text


def _decode_sequence(match: re.Match[str]) -> str:
    byte_of = _byte_of_surface_char()
    try:
        return bytes(byte_of[ch] for ch in match.group()).decode("utf-8")
    except UnicodeDecodeError:
        return match.group()


def _repair_whole_text(text: str) -> str | None:
    """Fast path when all of the text is mojibake (read as Windows-1252 or as Latin-1): no regex."""
    for encode in (_encode_windows_1252, lambda whole: whole.encode("latin-1")):
        try:
            return encode(text).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return None


def _encode_windows_1252(text: str) -> bytes:
    return codecs.charmap_encode(text, "strict", _windows_1252_encoding_map())[0]


@functools.lru_cache(maxsize=None)
def _windows_1252_encoding_map():
    return codecs.charmap_build(windows_1252_chars())


TEXT_REPAIRS: dict[str, Callable[[str], str]] = {
    "mojibake-repaired": repair_mojibake,
    "tcvn3": from_tcvn3_surface,
    "vni": from_vni_surface,
}


def _repair_applies(name: str, sample: str) -> bool:
    """Cheap test before scoring: does the sample hold any character this repair needs?"""
    if name == "mojibake-repaired":
        return _mojibake_start().search(sample) is not None
    return _tell_pattern(name).search(sample) is not None


def best_repair(sample: str) -> tuple[str | None, Score]:
    """Name of the repair that makes ``sample`` clearly more Vietnamese, or None to keep it."""
    candidates = [name for name in TEXT_REPAIRS if _repair_applies(name, sample)]
    if not candidates:
        return None, Score(0, 0)
    threshold = score_text(sample).value + MIN_REPAIR_GAIN
    best, best_score = None, Score(0, 0)
    for name in candidates:
        score = score_text(TEXT_REPAIRS[name](sample))
        if score.good and score.value >= threshold and (best is None or score.value > best_score.value):
            best, best_score = name, score
    return best, best_score


def fix_unicode_text(text: str, encoding: str) -> tuple[str, str, list[Change]]:
    """Repair Unicode text that still carries a legacy encoding (font-encoded PDF/DOCX text, mojibake).

    Returns the text, the encoding name (``"<encoding>+<repair>"`` when repaired)
    and the recorded changes.
    """
    name, score = best_repair(text[:SAMPLE_BYTES])
    if name is None:
        return text, encoding, []
    repaired = TEXT_REPAIRS[name](text)
    label = f"{encoding}+{name}"
    changes = [_encoding_change(label, _repair_reason(name), score.share,
                                name if name in CHANGE_CODES["encoding"] else "")]
    if name == "tcvn3":
        repaired, capital_changes = restore_tcvn3_capitals(repaired)
        changes += capital_changes
    return repaired, label, changes


def _repair_reason(name: str) -> str:
    return {
        "mojibake-repaired": "UTF-8 had been read as Windows-1252 and saved again (mojibake): undone",
        "tcvn3": "text typed in a TCVN3 (ABC, .VnTime) font: letters mapped to Unicode",
        "vni": "text typed in a VNI font: base letters and marks combined into Unicode letters",
    }[name]


def restore_tcvn3_capitals(text: str) -> tuple[str, list[Change]]:
    """Upper-case toned letters in words and lines set in capitals (``CộNG HòA Xã`` → ``CỘNG HÒA XÃ``).

    TCVN3 has no capital toned letters: headings set in ``.VnTimeH`` use the
    lowercase codes, while ASCII letters keep their case. So a word whose ASCII
    letters are capitals is a capital word, and on a line with capital words
    and no ASCII lowercase letter every word is. A word such as ``Ủy`` in a
    sentence stays ``ủy``: its bytes cannot tell.
    """
    changes: list[Change] = []
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        words = [match for match in _WORD_WITHOUT_ASCII_LOWERCASE.finditer(line) if not match.group().isupper()]
        if not words:
            continue
        capital_line = _is_capital_line(line)
        pieces, position = [], 0
        for match in words:
            word = match.group()
            if capital_line or any(ch.isupper() for ch in word[1:]):
                changes.append(Change(STAGE, "tcvn3-capitals", word, word.upper(),
                                      "TCVN3 capital fonts reuse lowercase codes for toned letters",
                                      line=number, confidence=0.9))
                pieces += [line[position:match.start()], word.upper()]
                position = match.end()
        lines[number - 1] = "".join(pieces) + line[position:]
    return "\n".join(lines), changes


def _is_capital_line(line: str) -> bool:
    """A line of capital words: no ASCII lowercase letter, and a word that is plainly in capitals."""
    if _ASCII_LOWERCASE.search(line):
        return False
    return any(len(word) > 1 and (word.isupper() or any(ch.isupper() for ch in word[1:]))
               for word in _WORD.findall(line))


# --- the whole decoding ---------------------------------------------------------


def decode_bytes(data: bytes) -> Decoded:
    """Detect how ``data`` is encoded and return it as text with LF line endings.

    Never raises: a file that is not text gets ``text=""`` and a problem.
    """
    try:
        return _decode(data)
    except Exception as error:  # noqa: BLE001 - every file must become a page or a reported problem
        return Decoded("", "unknown", [], [f"could not decode the file ({type(error).__name__}: {error})"])


def _decode(data: bytes) -> Decoded:
    if not data:
        return Decoded("", "none", [], ["empty file"])
    reading = read_with_bom(data)
    if reading is None and b"\x00" in data[:SAMPLE_BYTES]:
        reading = read_utf16_without_bom(data)
    if reading is None:
        reason = binary_reason(data)
        if reason:
            return Decoded("", "binary", [], [reason])
        reading = read_plain_bytes(data)
    text, encoding, changes = reading
    if encoding in UNICODE_ENCODINGS:
        text, encoding, repairs = fix_unicode_text(text, encoding)
        changes = changes + repairs
    if not text:
        return Decoded("", encoding, changes, ["empty file"])
    if not text.strip():
        return Decoded("", encoding, changes, ["whitespace-only file"])
    text, nul_changes = replace_nul_characters(text)
    text, line_changes = normalise_line_endings(text)
    return Decoded(text, encoding, changes + nul_changes + line_changes, [])


UNICODE_ENCODINGS = frozenset({"utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"})


def binary_reason(data: bytes) -> str | None:
    """Why the bytes are not a text file, or None.

    A few NUL bytes in valid UTF-8 are text (PDF extraction leaves them where a
    checkbox glyph was); many, or NULs in anything else, mean a binary file.
    """
    sample = data[:SAMPLE_BYTES]
    nuls = sample.count(0)
    if nuls and (nuls > MAX_STRAY_NUL_SHARE * len(sample) or not _is_utf8(data)):
        return "binary file (NUL bytes)"
    if control_share(sample) > MAX_CONTROL_SHARE:
        return "binary file (mostly control characters, not text)"
    return None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def replace_nul_characters(text: str) -> tuple[str, list[Change]]:
    """Stray NULs break YAML, Markdown and browsers: mark each spot with U+FFFD."""
    if "\x00" not in text:
        return text, []
    changes, line, position = [], 1, 0
    for match in re.finditer("\x00", text):
        line += _count_line_breaks(text[position:match.start()])
        position = match.start()
        changes.append(Change(STAGE, "nul-character", "00", "\ufffd",
                              "NUL character in a text file (often a symbol the PDF extractor could not map)",
                              line=line))
    return text.replace("\x00", "\ufffd"), changes


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: FF FE also starts the UTF-32-LE BOM
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_with_bom(data: bytes) -> tuple[str, str, list[Change]] | None:
    """Text of a file that starts with a Unicode byte order mark, or None."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            if encoding == "utf-8-sig":
                text, changes = replace_undecodable(read_utf8_leniently(data[len(bom):]), first_byte=len(bom))
            else:
                text, changes = _decode_replacing(data, encoding)
            reason = "byte order mark removed" if encoding == "utf-8-sig" else f"converted from {encoding}"
            return text, encoding, [_encoding_change(encoding, reason, 1.0)] + changes
    return None


def read_utf16_without_bom(data: bytes) -> tuple[str, str, list[Change]] | None:
    """UTF-16 without a BOM shows as NUL bytes in every other position; else None (binary)."""
    sample = data[:SAMPLE_BYTES] if len(data) % 2 == 0 else data[:-1][:SAMPLE_BYTES]
    even_nuls, odd_nuls = sample[0::2].count(0), sample[1::2].count(0)
    half = max(1, len(sample) // 2)
    if max(even_nuls, odd_nuls) < 0.3 * half or min(even_nuls, odd_nuls) > 0.02 * half:
        return None
    encoding = "utf-16-le" if odd_nuls > even_nuls else "utf-16-be"
    text, changes = _decode_replacing(data, encoding)
    if "\x00" in text or _control_chars(text[:SAMPLE_BYTES]) > MAX_CONTROL_SHARE * max(1, len(text[:SAMPLE_BYTES])):
        return None
    return text, encoding, [_encoding_change(encoding, f"converted from {encoding} (no byte order mark)", 0.9)] + changes


def _control_chars(text: str) -> int:
    return sum(1 for ch in text if ch < " " and ch not in "\t\n\r\x0b\x0c")


def _decode_replacing(data: bytes, encoding: str) -> tuple[str, list[Change]]:
    """Decode a UTF-16/32 file; broken code units become U+FFFD, counted in one Change."""
    text = data.decode(encoding, "replace")
    broken = text.count("\ufffd") - data.decode(encoding, "ignore").count("\ufffd")
    if not broken:
        return text, []
    return text, [Change(STAGE, "undecodable-bytes", f"{broken} broken code units", "\ufffd",
                         f"bytes that are not valid {encoding} were replaced by U+FFFD")]


def control_share(sample: bytes) -> float:
    """Share of bytes that are control codes no text file uses."""
    if not sample:
        return 0.0
    return (len(sample) - len(sample.translate(None, _CONTROL_BYTES))) / len(sample)


def read_plain_bytes(data: bytes) -> tuple[str, str, list[Change]]:
    """Bytes without a BOM: UTF-8 if valid, else the best-scoring legacy reading."""
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    sample = _sample_at_line_end(data)
    scores = {name: score_text(_replace_surrogates(read(sample))) for name, read in LEGACY_READERS.items()}
    encoding = max(scores, key=lambda name: scores[name].value)  # ties: first in LEGACY_READERS
    if encoding == "utf-8":
        text, changes = replace_undecodable(read_utf8_leniently(data))
        return text, "utf-8", changes
    text = LEGACY_READERS[encoding](data)
    changes = [_encoding_change(encoding, CHANGE_CODES["encoding"][encoding], scores[encoding].share, encoding)]
    if encoding == "tcvn3":
        text, capital_changes = restore_tcvn3_capitals(text)
        changes += capital_changes
    return text, encoding, changes


def _sample_at_line_end(data: bytes) -> bytes:
    """The first SAMPLE_BYTES, cut after a line break so no character is split."""
    if len(data) <= SAMPLE_BYTES:
        return data
    sample = data[:SAMPLE_BYTES]
    cut = sample.rfind(b"\n")
    return sample[: cut + 1] if cut > 0 else sample


def _replace_surrogates(text: str) -> str:
    return _UNDECODED_RUN.sub("\ufffd", text)


def replace_undecodable(text: str, first_byte: int = 0) -> tuple[str, list[Change]]:
    """Replace each run of undecodable bytes (lone surrogates) by one U+FFFD, with a Change each.

    The Change gives the byte offset in the file (``first_byte`` is where ``text``
    starts, after a BOM), the line and the bytes in hex, so an archivist can find
    the spot in the original.
    """
    changes: list[Change] = []
    pieces: list[str] = []
    position, byte_offset = 0, first_byte
    line = 1
    for match in _UNDECODED_RUN.finditer(text):
        before = text[position:match.start()]
        byte_offset += len(before.encode("utf-8", "surrogateescape"))
        line += _count_line_breaks(before)
        raw = match.group().encode("utf-8", "surrogateescape")
        changes.append(Change(STAGE, "undecodable-bytes", raw.hex(" "), "\ufffd",
                              "bytes that are not valid UTF-8 in an otherwise UTF-8 file",
                              offset=byte_offset, line=line))
        pieces += [before, "\ufffd"]
        byte_offset += len(raw)
        position = match.end()
    if not changes:
        return text, []
    pieces.append(text[position:])
    return "".join(pieces), changes


def _count_line_breaks(text: str) -> int:
    return text.count("\n") + text.count("\r") - text.count("\r\n")


def normalise_line_endings(text: str) -> tuple[str, list[Change]]:
    """CRLF and lone CR → LF, so later stages count lines the same way on every file."""
    crlf = text.count("\r\n")
    lone_cr = text.count("\r") - crlf
    if not crlf and not lone_cr:
        return text, []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, [Change(STAGE, "line-endings", f"{crlf} CRLF, {lone_cr} CR", "LF",
                         f"{crlf + lone_cr} line endings normalised to LF")]


# Change.code of the legacy Vietnamese encodings → the English reason (data/change_kinds.yml: Vietnamese)
CHANGE_CODES = {"encoding": {"cp1258": "decoded as Windows-1258 and tone marks composed (NFC)",
                             "tcvn3": "decoded as TCVN3 (ABC, .VnTime fonts)",
                             "vni": "decoded as VNI (VNI-Times fonts)"}}


def _encoding_change(encoding: str, reason: str, confidence: float, code: str = "") -> Change:
    return Change(STAGE, "encoding", encoding, "utf-8", reason, confidence=round(confidence, 3), code=code)
