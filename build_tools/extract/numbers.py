"""Document numbers (số, ký hiệu) in their state and Party forms.

State: ``123/TB-UBND``, ``12/2021/QĐ-UBND`` (normative, with year), ``2279/UBND-VX``
(a letter: no type code), ``66.19/2026/NQ-CP``. Party: ``2927-TB/TU``, ``25-KL/TW``.
Dirty forms are normalised first: ``1977 /QĐ-UBND``, ``109/UBND - VX``,
``1830 QĐ-UBND``, Ð (U+00D0) for Đ, en dashes, a symbol broken over two lines.
"""
from __future__ import annotations

import functools
import re

from ..model import CleanDocument, Clue, DocNumber, Found
from .textutil import fold, normalise_symbols, squeeze
from .vocab import doc_types, folded_number_label, layout_words

_LETTER = r"A-Za-zĐđ"
_CODE = rf"[A-ZĐ][{_LETTER}0-9]*"
STATE_NUMBER = re.compile(
    rf"(?<![\w/.-])(?P<number>\d{{1,5}}(?:\.\d{{1,3}})?[a-z]?)(?:/(?P<year>(?:19|20)\d{{2}}))?"
    rf"/(?P<symbol>{_CODE}(?:-{_CODE})*)(?![\w-])")
PARTY_NUMBER = re.compile(
    rf"(?<![\w/.-])(?P<number>\d{{1,5}})-(?P<type>[A-ZĐ][{_LETTER}]{{0,5}})/(?P<issuer>{_CODE}(?:-{_CODE})*)(?![\w-])")

_SPACES_AROUND = re.compile(r"\s*([/-])\s*(?=[\dA-ZĐ])")
_MISSING_SLASH = re.compile(rf"(?<![\w/])(\d{{1,5}}) ?({_CODE}-{_CODE})")
# A speck read after a symbol as a hyphen and stops ("08/PA-UBND- ."); a hyphen at the end of the
# line is kept: the symbol goes on on the next line ("01/2022/TTLT-VKSNDTC-").
_DANGLING_HYPHEN = re.compile(rf"(?<=[{_LETTER}0-9])-[ \t]*[.,;:'`~_]+(?=\s|$)")


@functools.lru_cache(maxsize=None)
def _number_label() -> re.Pattern[str]:
    """"Số: 24/…", "Luật số 51/…" (folded): the label of a number, anywhere on a line."""
    return re.compile(rf"(?:^|[\s|])(?:[a-z ]{{0,20}}\s)?{folded_number_label()}\s*[:.]?\s*(?=\d)")


@functools.lru_cache(maxsize=None)
def _body_number_line() -> re.Pattern[str]:
    """In the body only a line that starts with the label is a number line ("Số: 08/VBHN-BTC");
    "Thông tư số 40/2018/TT-BCT ngày …" is a citation."""
    return re.compile(rf"^\W*(?:[a-z]+ ){{0,2}}{folded_number_label()}\s*:\s*(?=\d)")


def normalise_number_text(text: str) -> str:
    """Spaces around / and -, Ð → Đ, dashes → "-", a missing slash after the number (lost or read
    as a space), a speck after the symbol."""
    text = normalise_symbols(squeeze(text))
    text = _DANGLING_HYPHEN.sub("", text)
    text = _SPACES_AROUND.sub(r"\1", text)
    return _MISSING_SLASH.sub(lambda m: f"{m.group(1)}/{m.group(2)}" if _has_type_code(m.group(2)) else m.group(0), text)


def _has_type_code(symbol: str) -> bool:
    return doc_types().from_code(symbol.split("-")[0]) is not None


def parse_number(text: str) -> DocNumber | None:
    """The first state or Party number in ``text``, normalised, with its parts."""
    text = normalise_number_text(text)
    party = PARTY_NUMBER.search(text)
    state = STATE_NUMBER.search(text)
    if party and (not state or party.start() <= state.start()):
        return _party(party)
    if state:
        return _state(state)
    return None


def _party(match: re.Match) -> DocNumber:
    type_code = match.group("type")
    known = doc_types().from_code(type_code, party=True)
    return DocNumber(text=match.group(0), number=match.group("number"), year=None,
                     type_code=known["code"] if known else type_code, issuer_code=match.group("issuer"),
                     form="party")


def _state(match: re.Match) -> DocNumber:
    parts = match.group("symbol").split("-")
    known = doc_types().from_code(parts[0]) if len(parts) > 1 else None
    if known is None and len(parts) == 1 and parts[0] in doc_types().by_code and parts[0] != "QH":
        known = doc_types().by_code[parts[0]]
    type_code = known["code"] if known else None
    issuer_code = "-".join(parts[1:]) if known else match.group("symbol")
    year = int(match.group("year")) if match.group("year") else None
    return DocNumber(text=match.group(0), number=match.group("number"), year=year, type_code=type_code,
                     issuer_code=issuer_code or None, form="state")


def number_lines(lines: list[str], strict: bool = False) -> list[str]:
    """Lines that carry a "Số:" label (at the start, when ``strict``), with a symbol broken
    over two lines joined back."""
    found = []
    label = _body_number_line() if strict else _number_label()
    for index, line in enumerate(lines):
        folded = fold(line)
        if not label.search(folded):
            continue
        text = line
        if squeeze(line).endswith("-") and index + 1 < len(lines):
            text = squeeze(line) + squeeze(lines[index + 1])
        found.append(text)
    return found


def _authentication() -> str:
    return fold(layout_words()["authentication_heading"])


def authentication_windows(texts: list[str]) -> list[str]:
    """The authentication block of a consolidated text ("Số: 37/VBHN-BCT / XÁC THỰC VĂN BẢN
    HỢP NHẤT / Hà Nội, ngày …"), as lines: the blocks around the heading, or — when the
    lines were run into a paragraph — the pieces of text on either side of it."""
    around: list[str] = []
    heading = _authentication()
    for index, text in enumerate(texts):
        position = fold(text).find(heading)
        if position < 0:
            continue
        if len(text) <= 120:
            around += texts[max(0, index - 3):index + 4]
        else:
            before = text[max(0, position - 60):position]
            label = before.rfind(layout_words()["number_label"].capitalize())
            around += [before[label:] if label >= 0 else before, text[position + len(heading):][:80]]
    return around


def _authentication_blocks(document: CleanDocument) -> list[str]:
    """The authentication block, then the last blocks and signature lines."""
    texts = [b.text for b in document.blocks]
    return authentication_windows(texts + document.recipients) + texts[-8:] + document.signature_lines[:8]


@functools.lru_cache(maxsize=None)
def _annex_openers() -> tuple[str, ...]:
    return tuple(fold(opener) for opener in layout_words()["annex_openers"])


@functools.lru_cache(maxsize=None)
def _annex() -> re.Pattern[str]:
    """"kèm theo Thông tư số …" (folded): the type and the label before the number."""
    openers = "|".join(map(re.escape, _annex_openers()))
    return re.compile(rf"(?:{openers})\s+(?P<type>[a-z ]{{3,25}}?)\s+{folded_number_label()}\s+")


def document_number(document: CleanDocument, title_type: str | None = None) -> Found[DocNumber] | None:
    """The notice's own number, with the line read, else None.

    In order: the header's "Số:" line; a short "Số:" line among the first blocks (PDF text
    sometimes puts the header after the title); the authentication block of a consolidated
    text ("Số: 08/VBHN-BTC / XÁC THỰC VĂN BẢN HỢP NHẤT"); and, for a document whose type
    is known from its title, the annex heading "(Kèm theo Thông tư số 41/2026/TT-BTC …)".
    Other numbers in the body are citations, never the notice's number.
    """
    for line in number_lines(document.header_lines):
        number = parse_number(_after_label(line))
        if number:
            return Found(number, Clue("header-number-line", squeeze(line), 0.95))
    for line in document.header_lines:
        number = parse_number(line)
        if number and (number.form == "party" or _has_type_code(number.text.split("/")[-1])):
            return Found(number, Clue("header-number", squeeze(line), 0.8))
    for rule, lines, confidence in (("authentication-number-line", _authentication_blocks(document), 0.85),
                                    ("early-number-line", [b.text for b in document.blocks[:15]], 0.8)):
        for line in number_lines(lines, strict=True):
            if len(squeeze(line)) > 80:
                continue
            number = parse_number(_after_label(line))
            if number:
                return Found(number, Clue(rule, squeeze(line), confidence))
    if title_type:
        return _annex_number(document, title_type)
    return None


def _annex_number(document: CleanDocument, title_type: str) -> Found[DocNumber] | None:
    """"(Kèm theo Thông tư số 41/2026/TT-BTC ngày …)": an annex quoting its own document."""
    wanted = fold(title_type)
    for block in document.blocks:
        folded = fold(block.text)
        if not any(opener in folded for opener in _annex_openers()):
            continue
        for match in _annex().finditer(folded):
            if match.group("type").strip() != wanted:
                continue
            number = parse_number(block.text[match.end():match.end() + 60])
            if number and number.type_code:
                return Found(number, Clue("annex-heading", squeeze(block.text[match.start():match.end() + 60]), 0.6))
    return None


def _after_label(line: str) -> str:
    match = _number_label().search(fold(line))
    return line[match.end():] if match else line
