"""Character-level normalisation: Unicode form, control characters, page furniture.

Each step is a small named function returning the new text and the ``Change``s it
made, like ftfy's ``fix_and_explain``: nothing is edited without a record.
"""
from __future__ import annotations

import re
import unicodedata

from ..data_files import load_yaml
from ..model import Change

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\u200b-\u200d\u2060\ufeff]")
_DOC_NUMBER_WITH_ETH = re.compile(r"\d+\s*[/-][\w/\-–\s]{0,30}?Ð[\w/\-–]*")
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?\d{1,4}(?:\s*-)?\s*$")


def line_of(text: str, offset: int) -> int:
    """1-based line number of ``offset`` in ``text``."""
    return text.count("\n", 0, offset) + 1


def to_nfc(text: str) -> tuple[str, list[Change]]:
    """Compose combining marks (Windows-1258 and some PDFs write tones separately)."""
    composed = unicodedata.normalize("NFC", text)
    if composed == text:
        return text, []
    return composed, [Change("normalise", "nfc", "decomposed characters", "NFC",
                             "Unicode NFC so that the same letter is always the same code point")]


def drop_control_characters(text: str) -> tuple[str, list[Change]]:
    """Remove invisible control and zero-width characters (form feeds are kept as page breaks)."""
    changes = [
        Change("normalise", "control-character", repr(m.group()), "", "invisible control character",
               offset=m.start(), line=line_of(text, m.start()))
        for m in _CONTROL.finditer(text)
    ]
    return (_CONTROL.sub("", text), changes) if changes else (text, [])


def fix_eth_in_numbers(text: str) -> tuple[str, list[Change]]:
    """``Ð`` (U+00D0, Icelandic eth) typed for ``Đ`` (U+0110) inside document numbers."""
    changes: list[Change] = []

    def replace(match: re.Match[str]) -> str:
        fixed = match.group().replace("Ð", "Đ")
        changes.append(Change("normalise", "eth-in-number", match.group(), fixed,
                              "U+00D0 looks like Đ but breaks matching of document numbers",
                              offset=match.start(), line=line_of(text, match.start())))
        return fixed

    return _DOC_NUMBER_WITH_ETH.sub(replace, text), changes


def _furniture_patterns() -> list[re.Pattern[str]]:
    return [re.compile(rf"^\s*(?:{p})\s*$") for p in load_yaml("structure.yml")["page_furniture"]]


RECORD_REACH = 4  # rows of one portal record sit together


def _in_portal_record(lines: list[str], index: int) -> bool:
    """"Ngày ký: 19/04/2021" among a portal's record rows ("Số/Ký hiệu: …", "Trích yếu: …") is the
    record's date, not a PDF signature stamp (whose rows never give a number, a type or a summary)."""
    from .framing import colon_pairs

    if not colon_pairs(lines[index]):
        return False
    near = lines[max(0, index - RECORD_REACH):index] + lines[index + 1:index + 1 + RECORD_REACH]
    return any(field in ("number", "doc_type", "title") for line in near for field, _ in colon_pairs(line))


def drop_page_furniture(text: str) -> tuple[str, list[Change]]:
    """Remove running page headers, signature stamps and page numbers of PDF text.

    A bare number is only page furniture next to a page break or another
    furniture line: elsewhere it may be body text.
    """
    patterns = _furniture_patterns()
    lines = text.split("\n")
    is_furniture = [any(p.match(line) for p in patterns) or "\f" in line for line in lines]
    is_furniture = [flag and not _in_portal_record(lines, index) for index, flag in enumerate(is_furniture)]
    near_break = [False] * len(lines)
    for index, flag in enumerate(is_furniture):
        if flag:
            for other in range(max(0, index - 3), min(len(lines), index + 4)):
                near_break[other] = True
    kept, changes, offset = [], [], 0
    for index, line in enumerate(lines):
        page_number = near_break[index] and _PAGE_NUMBER.match(line) is not None
        if (is_furniture[index] and line.replace("\f", "").strip()) or page_number:
            changes.append(Change("normalise", "page-furniture", line, "",
                                  "running page header, signature stamp or page number of the PDF",
                                  offset=offset, line=index + 1))
            kept.append("")
        else:
            kept.append(line.replace("\f", ""))
        offset += len(line) + 1
    return "\n".join(kept), changes


# Change.code → the English reason (data/change_kinds.yml gives readers the Vietnamese one)
CHANGE_CODES = {"scan-garbage": {"asterisk": "asterisk between letters",
                                 "end-quotes": "quote marks at the end of a line",
                                 "lone-quote": "lone single quote"}}
_GARBAGE = [
    # an asterisk glued between two letters is scan dust, not Markdown emphasis
    (re.compile(r"(?<=[^\W\d_])\*(?=[^\W\d_])"), " ", "asterisk"),
    # a double quote followed by a lone single quote at the end of a line
    (re.compile(r"\s*[\"“”]\s*['‘’]\s*$", re.M), "", "end-quotes"),
    # a single quote standing alone: Vietnamese text does not use it
    (re.compile(r"(?<!\S)['‘’`´](?!\S)"), "", "lone-quote"),
]


def drop_scan_garbage(text: str) -> tuple[str, list[Change]]:
    """Remove marks a scanner leaves behind (stray ``*``, lone quotes)."""
    changes: list[Change] = []
    for pattern, replacement, code in _GARBAGE:
        def replace(match: re.Match[str], text=text, code=code, replacement=replacement) -> str:
            changes.append(Change("normalise", "scan-garbage", match.group(), replacement,
                                  CHANGE_CODES["scan-garbage"][code], code=code,
                                  offset=match.start(), line=line_of(text, match.start())))
            return replacement
        text = pattern.sub(replace, text)
    return text, changes


def normalise(text: str) -> tuple[str, list[Change]]:
    """All character-level steps, in order; returns the text and every change made."""
    changes: list[Change] = []
    for step in (to_nfc, drop_control_characters, fix_eth_in_numbers, drop_page_furniture,
                 drop_scan_garbage):
        text, step_changes = step(text)
        changes.extend(step_changes)
    return text, changes
