"""Recover the two-column header of a copy, whatever its layout, as one line per cell.

Copies rarely keep the header as issued (REFERENCE.md §1, §9). Legal-text websites
flatten it into table rows (``ỦY BAN NHÂN DÂN | CỘNG HÒA … |``, tabs, runs of spaces);
PDF text and OCR put the two columns side by side with nothing between them
(``TỈNH ỦY LÂM ĐỒNG ĐẢNG CỘNG SẢN VIỆT NAM``, ``Số: 215-KL/TU Lâm Đồng, ngày …``) or
interleave them; a cell can be broken over two rows (``… CHỦ NGHĨA`` / ``VIỆT NAM``).
This module rewrites the leading header lines as the left column's cells, then the
right column's, each on its own line, so the structure stage sees the usual header.
Every rewrite is a ``Change``; the words themselves are never altered.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..data_files import load_yaml
from ..vietnamese.date_grammar import date_word, spellings
from ..vietnamese.fold import fold
from ..model import Change

HEADER_ZONE_LINES = 16  # the header is the top of the first page
_SEPARATOR = re.compile(r"\s*\|\s*|\t+|\s{3,}")
_DECORATION = re.compile(r"^[\s*_\-–—=.·•~]+$")
# What follows the place in a place-and-date cell: _date_after_place (", ngay 24 thang 7 nam 2021", folded).
# A cell broken over lines or cells is a prefix of it ("Sơn La, ngày 24 tháng 7" / "năm 2021").
_PLACE_WORD = re.compile(r"^(?:[^\W\d_][\w.'-]*|[-–])$")  # "Bà Rịa - Vũng Tàu", "TP. Hồ Chí Minh"


@functools.lru_cache(maxsize=None)
def _date_after_place() -> re.Pattern[str]:
    """What follows the place, piece by piece (folded): the date grammar's words (date_word), each
    piece optional after the one before, so a cell cut anywhere is a prefix: not ``verbal_date``."""
    day, month, year = (date_word(part) for part in ("day", "month", "year"))
    return re.compile(rf"^,\s*(?:(?:(?:{day})\s*)?(?:(\d{{1,2}})\s*(?:(?:{month})\s*(?:(\d{{1,2}})\s*(?:,?\s*(?:{year})\s*"
                      rf"(?:((?:19|20)\d{{2}}))?)?)?)?)?)?\s*$")


@functools.lru_cache(maxsize=None)
def _date_tail() -> re.Pattern[str]:
    """", ngày 17 …", ", ngày" at the end, ", ngày ….": the place-and-date line's date (folded)."""
    day = date_word("day")
    return re.compile(rf",\s*(?:{day})\s+\d|,\s*(?:{day})\s*$|,\s*(?:{day})\s+\.{{2,}}")


def _date_comma(cell: str) -> int:
    """Offset of the comma before the date's day word (", ngày", then ",ngày"), -1 if none."""
    folded = fold(cell)
    for joiner in (", ", ","):
        for word in spellings("day"):
            comma = folded.find(joiner + word)
            if comma >= 0:
                return comma
    return -1


@functools.lru_cache(maxsize=None)
def _vocabulary() -> dict:
    return load_yaml("structure.yml")


@functools.lru_cache(maxsize=None)
def _number_label() -> re.Pattern[str]:
    """"Số: 24/…" (folded), also as OCR reads it with a zero for the o ("S0: 24/…")."""
    label = fold(_vocabulary()["number_label"])
    spellings = dict.fromkeys([label, label.replace("o", "0")])
    return re.compile(r"^(?:" + "|".join(map(re.escape, spellings)) + r")\s*[:.]?\s*\d", re.IGNORECASE)


@functools.lru_cache(maxsize=None)
def _letter_summary_inside() -> re.Pattern[str]:
    """The letter's abbreviation ("V/v") inside a cell, after other words."""
    abbreviation = re.escape(_vocabulary()["letter_summary_abbreviation"])
    return re.compile(rf"(?<=\S)\s+(?=(?i:{abbreviation})\b)")


def opens_with_letter_abbreviation(text: str) -> bool:
    """"V/v …": the abbreviation of "về việc" that opens a letter's summary."""
    return fold(text.strip()).startswith(fold(_vocabulary()["letter_summary_abbreviation"]))


@functools.lru_cache(maxsize=None)
def _right_openers() -> re.Pattern[str]:
    phrases = sorted({fold(p) for p in _vocabulary()["right_column_openers"]}, key=len, reverse=True)
    return re.compile(r"(?<=\S)\s+(?=(?:" + "|".join(re.escape(p) for p in phrases) + r")\b)")


@functools.lru_cache(maxsize=None)
def _continuations() -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    return [(re.compile(end), re.compile(start)) for end, start in _vocabulary()["cell_continuations"]]


def is_right_cell(text: str) -> bool:
    folded = fold(text.strip())
    return any(folded.startswith(fold(p)) for p in _vocabulary()["right_column_openers"]) or is_date_cell(text)


def is_date_cell(text: str) -> bool:
    """"Sơn La, ngày 24 tháng 7 năm 2021" (or its first piece: "Sơn La, ngày 24", "Hà Nội,")."""
    if _number_label().match(fold(text.strip())):
        return False
    return bool(_date_tail().search(fold(text))) or date_progress(text) == "partial"


PLACE_WORDS = 7


def date_progress(text: str) -> str | None:
    """"complete" for a place-and-date cell ending with its year, "partial" for one cut before
    (the rest broken off onto the next line or cell), None for anything else. The place is
    1–7 words before the comma, the first and the last capitalised ("Bà Rịa - Vũng Tàu",
    "Thành phố Hồ Chí Minh")."""
    stripped = text.strip()
    comma = stripped.find(",")
    words = stripped[:comma].split() if comma > 0 else []
    if not 1 <= len(words) <= PLACE_WORDS or not all(_PLACE_WORD.match(w) for w in words) \
            or not (words[0][0].isupper() and words[-1][0].isupper()):
        return None
    match = _date_after_place().match(fold(stripped[comma:]))
    if not match:
        return None
    return "complete" if match.group(3) else "partial"


def _completes_date(previous: str, cell: str) -> bool:
    """A piece of a split place-and-date cell ("năm 2021" after "Sơn La, ngày 24 tháng 7"):
    joined only when the two read as one place and date, never to make up a missing piece."""
    return date_progress(previous) == "partial" and date_progress(f"{previous.rstrip()} {cell.strip()}") is not None


def is_number_label_alone(text: str) -> bool:
    """"Số:" in a cell of its own, the number broken off onto the next line or cell."""
    label = fold(_vocabulary()["number_label"])
    return bool(re.fullmatch(re.escape(label) + r"\s*[:.]?", fold(text.strip())))


def _completes_number(previous: str, cell: str) -> bool:
    """"24/CT-UBND" after a lone "Số:": the number of a split number cell."""
    return is_number_label_alone(previous) and cell.strip()[:1].isdigit() and \
        is_number_cell(f"{previous.strip()} {cell.strip()}")


def is_number_cell(text: str) -> bool:
    return bool(_number_label().match(fold(text.strip())))


def is_letter_summary(text: str) -> bool:
    folded = fold(text.strip())
    return any(folded.startswith(fold(o) + " ") or folded.startswith(fold(o) + ":")
               for o in _vocabulary()["letter_summary_openers"])


def is_issuer_cell(text: str) -> bool:
    stripped = text.strip()
    letters = [c for c in stripped if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return False
    folded = fold(stripped)
    return any(folded.startswith(fold(o) + " ") or folded == fold(o) for o in _vocabulary()["issuer_openers"])


def is_header_cell(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and (is_right_cell(stripped) or is_number_cell(stripped) or is_issuer_cell(stripped)
                               or is_number_label_alone(stripped) or bool(_DECORATION.match(stripped)))


# --- splitting one line into cells ------------------------------------------------------


def split_cells(line: str) -> list[str]:
    """The cells of one header line: on | or tabs or runs of spaces, then side by side."""
    cells = [c.strip() for c in _SEPARATOR.split(line) if c and c.strip()]
    return [piece for cell in cells for piece in split_side_by_side(cell)]


def split_side_by_side(cell: str) -> list[str]:
    """Two columns run together: split in front of the motto, or between a number and the date line."""
    folded = fold(cell)
    match = _right_openers().search(folded)
    if match and is_issuer_cell(cell[:match.start()]) or (match and is_decoration_or_code(cell[:match.start()])):
        return [cell[:match.start()].strip(), cell[match.end():].strip()]
    if is_number_cell(cell) and _date_tail().search(folded):
        split_at = _number_end(cell)
        if split_at and split_at < len(cell):
            return [piece for part in (cell[:split_at], cell[split_at:]) for piece in split_side_by_side(part.strip())]
    if is_letter_summary(cell) and _date_tail().search(folded):  # "V/v … Lào Cai, ngày …": the date's column
        place = _place_start(cell)
        if place:
            return [cell[:place].strip(), cell[place:].strip()]
    letter = _letter_summary_inside().search(cell)
    if letter and is_number_cell(cell):  # "Số: 123/UBND-VX V/v tăng cường …": the summary under the number
        return [cell[:letter.start()].strip(), cell[letter.start():].strip()]
    return [cell]


def is_decoration_or_code(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and (bool(_DECORATION.match(stripped)) or is_number_cell(stripped))


def _place_start(cell: str) -> int | None:
    """Start of the place in "… phòng dịch Lào Cai, ngày …": the capitalised words before the comma."""
    comma = _date_comma(cell)
    start = None
    for token in reversed(list(re.finditer(r"\S+", cell[:comma]))):
        if not token.group()[:1].isupper():
            break
        start = token.start()
    return start if start else None


def _number_end(cell: str) -> int | None:
    """End of "Số: 109/UBND - VX" in "Số: 109/UBND - VX Quảng Ninh, ngày …": the last token
    before the place that has no lower-case letter (digits, codes, / and -)."""
    comma = _date_comma(cell)
    tokens = list(re.finditer(r"\S+", cell[:comma]))
    end = None
    for index, token in enumerate(tokens):
        word = token.group()
        if index == 0 or not any(c.islower() for c in word):
            end = token.end()
            continue
        if index == 1 and re.match(r"^[:.]?\d", word):
            end = token.end()
            continue
        break
    return end


# --- the header zone --------------------------------------------------------------------


@dataclass
class HeaderCells:
    left: list[str]
    right: list[str]
    end: int  # index of the first line after the header zone


def header_zone(lines: list[str]) -> HeaderCells | None:
    """Cells of the leading header lines, sorted into the two columns; None when the text
    does not open with a header (a reprint's lead, a body without header)."""
    left: list[str] = []
    right: list[str] = []
    index, seen_content = 0, 0
    while index < len(lines) and seen_content < HEADER_ZONE_LINES:
        line = lines[index]
        if not line.strip():
            index += 1
            continue
        placed = _place_row(split_cells(line), len(_SEPARATOR.split(line.strip())) > 1, left, right)
        if placed is None:
            break
        left, right = placed
        seen_content += 1
        index += 1
    if not any(is_number_cell(c) for c in left) and not any(is_right_cell(c) for c in right):
        return None
    if not (left and right):
        return None
    return HeaderCells(left, right, index)


def _place_row(cells: list[str], in_table: bool, left: list[str], right: list[str]) -> tuple[list[str], list[str]] | None:
    """The columns with one line's cells placed, or None when a cell is no header cell. Cells are
    placed one by one, so a piece continues the cell before it on the same row ("Sơn La, | ngày …")."""
    if not cells:
        return None
    left, right = list(left), list(right)
    for cell in cells:
        if _DECORATION.match(cell):  # underlines under the columns: not cells
            continue
        if is_header_cell(cell) or _continues_column(cell, left, right) or (left and _letter_summary_cell(cell, in_table)):
            _place(cell, left, right)
        elif _continues_issuer(cell, left, right):
            left[-1] = f"{left[-1].rstrip()} {cell.strip()}"
        else:
            return None
    return left, right


ISSUER_CONTINUATION_WORDS = 6


def _continues_issuer(cell: str, left: list[str], right: list[str]) -> bool:
    """The last line of an issuing body's name broken over lines ("BAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH" /
    "BỆNH COVID-19"), in capitals, before the number and the date (the rows below the name)."""
    from .structure import is_document_type_line

    stripped = cell.strip()
    letters = [c for c in stripped if c.isalpha()]
    return bool(left) and is_issuer_cell(left[-1]) and bool(letters) and all(c.isupper() for c in letters) \
        and len(stripped.split()) <= ISSUER_CONTINUATION_WORDS and not is_document_type_line(stripped) \
        and not any(is_number_cell(c) or is_number_label_alone(c) for c in left) and not any(is_date_cell(c) for c in right)


def _letter_summary_cell(cell: str, in_table: bool) -> bool:
    """"V/v …" under a letter's number; "Về việc …" only inside a table row (below the
    header, on its own line, it is the title of the document)."""
    return is_letter_summary(cell) and (in_table or opens_with_letter_abbreviation(cell))


def _continues_column(cell: str, left: list[str], right: list[str]) -> bool:
    return any(_joins(column[-1], cell) for column in (left, right) if column)


def _joins(previous: str, cell: str) -> bool:
    before, after = fold(previous.strip()), fold(cell.strip())
    return any(end.search(before) and start.search(after) for end, start in _continuations()) \
        or _completes_date(previous, cell) or _completes_number(previous, cell)


def _place(cell: str, left: list[str], right: list[str]) -> None:
    """Append a cell to its column, or to the cell it continues."""
    for column in (right, left):
        if column and _joins(column[-1], cell):
            column[-1] = f"{column[-1].rstrip()} {cell.strip()}" if not column[-1].rstrip().endswith(("-", "/")) \
                else column[-1].rstrip() + cell.strip()
            return
    if is_right_cell(cell):
        right.append(cell)
    else:
        left.append(cell)


def recover_header(text: str) -> tuple[str, list[Change]]:
    """Rewrite a flattened or side-by-side header as one line per cell (left column first)."""
    lines = text.split("\n")
    zone = header_zone(lines)
    if zone is None:
        return text, []
    original = [line for line in lines[:zone.end]]
    rewritten = zone.left + zone.right
    if [l.strip() for l in original if l.strip()] == rewritten:
        return text, []
    change = Change("structure", "header-layout", "\n".join(original).strip(), "\n".join(rewritten),
                    "two-column header of a copy (table cells, side by side or split) rewritten one cell per line",
                    offset=0, line=1)
    return "\n".join(rewritten + [""] + lines[zone.end:]), [change]


# --- the closing table: recipients | signature ------------------------------------------------

TAIL_ZONE_LINES = 30  # the recipients and the signature block close the document


def _is_signature_cell(text: str) -> bool:
    from .structure import authority_at, is_signer_title

    stripped = text.strip()
    return authority_at(stripped) == 0 or is_signer_title(stripped)


def _is_recipient_cell(text: str) -> bool:
    from .structure import is_recipients_marker

    stripped = text.strip()
    return is_recipients_marker(stripped) or stripped.startswith(("-", "+", "•"))


def recover_tail(text: str) -> tuple[str, list[Change]]:
    """The closing two-column table (recipients | signature) flattened into rows, as the header
    is: rewritten as the recipients' cells, then the signature's, one per line."""
    lines = text.split("\n")
    start = max(0, len(lines) - TAIL_ZONE_LINES, _last_prose_line(lines) + 1)
    rows = [(index, split_table_row(lines[index])) for index in range(start, len(lines))]
    table = [(index, cells) for index, cells in rows if cells is not None]
    if not table or not any(_is_signature_cell(c) for _, cells in table for c in cells):
        return text, []
    first = table[0][0]
    if not any(_is_recipient_cell(c) or _is_signature_cell(c) for c in table[0][1]):
        return text, []
    if any(len(line.strip()) > 120 for line in lines[first:]):  # prose below: not the closing table
        return text, []
    left: list[str] = []
    right: list[str] = []
    for index in range(first, len(lines)):
        cells = split_table_row(lines[index])
        if cells is None:
            cells = [lines[index].strip()] if lines[index].strip() else []
        for cell in cells:
            column = right if (_is_signature_cell(cell) or right and not _is_recipient_cell(cell)) else left
            column.append(cell)
    rewritten = left + ([""] if left and right else []) + right
    original = lines[first:]
    if [l.strip() for l in original if l.strip()] == [l for l in rewritten if l]:
        return text, []
    change = Change("structure", "tail-layout", "\n".join(original).strip(), "\n".join(rewritten),
                    "closing table (recipients | signature) of a copy rewritten one cell per line",
                    offset=len("\n".join(lines[:first])), line=first + 1)
    return "\n".join(lines[:first] + rewritten), [change]


def _last_prose_line(lines: list[str]) -> int:
    """Index of the last sentence of the body (not a table row, not a recipient entry): the closing
    table follows it (in a short copy the header's rows are within reach of the end too)."""
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index].strip()
        sentence = line.endswith((".", ";")) and len(line.split()) >= 5 and not line.startswith(("-", "+", "•"))
        if sentence and split_table_row(lines[index]) is None:
            return index
    return -1


def split_table_row(line: str) -> list[str] | None:
    """Cells of a line that is a table row (| or tabs, or a run of spaces before a signature
    cell); None for an ordinary line."""
    if "|" in line or "\t" in line:
        return [c.strip() for c in re.split(r"\s*\|\s*|\t+", line) if c.strip()]
    parts = [c.strip() for c in re.split(r"\s{3,}", line.strip()) if c.strip()]
    if len(parts) > 1 and (_is_signature_cell(parts[-1]) or _is_recipient_cell(parts[0])):
        return parts
    return None
