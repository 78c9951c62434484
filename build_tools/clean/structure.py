"""Recover the parts of an administrative document from its lines.

Header (issuing body, motto, number, date line) → title (type + trích yếu) → body
(numbered items, bullets, paragraphs) → recipients ("Nơi nhận") and signature block.
Hard-wrapped lines are joined into paragraphs; list items, headings and signature
lines are never joined. Markdown emphasis found in the source is parsed into
``Block.bold`` spans so the text itself stays plain.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from ..data_files import load_yaml
from ..vietnamese.fold import fold
from ..model import Block, Change

TERMINAL = (".", ";", ":", "!", "?", "./.", "…")


@dataclass
class Line:
    """One source line after its Markdown markup was parsed."""

    text: str
    number: int  # 1-based line of the cleaned source
    bold: list[tuple[int, int]] = field(default_factory=list)
    heading: bool = False  # written as a Markdown heading in the source
    marks: list[tuple[int, int, str]] = field(default_factory=list)  # repaired words

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass
class Parts:
    header: list[Line]
    title: list[Line]
    body: list[Line]
    recipients: list[str]
    signature: list[str]


# --- vocabulary ----------------------------------------------------------------


@functools.lru_cache(maxsize=None)
def _vocabulary() -> dict:
    return load_yaml("structure.yml")


@functools.lru_cache(maxsize=None)
def _doc_type_pattern() -> re.Pattern[str]:
    names = sorted((fold(n) for n in _vocabulary()["document_types"]), key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(n) for n in names) + r")$")


# a speck a scan reads as a mark after the type line ("THÔNG BÁO."); not ":", which ends the
# enacting line of a decision ("QUYẾT ĐỊNH:"), a line in capitals that is no title
_TRAILING_SPECKS = re.compile(r"[ \t]*[.,'`‘’“”·]{1,2}$")
# a speck glued to a word inside the type line ("KẾ: HOẠCH", "THÔNG. BÁO")
_INNER_SPECKS = re.compile(r"(?<=\w)[.,:;'`‘’“”·]{1,2}(?=[ \t]+\w)")


def is_document_type_line(text: str) -> bool:
    """A title line: the document type alone, in capitals (specks a scan left on it aside)."""
    stripped = _INNER_SPECKS.sub("", _TRAILING_SPECKS.sub("", text.strip()))
    return bool(stripped) and is_capitals(stripped) and bool(_doc_type_pattern().match(fold(stripped)))


def is_capitals(text: str) -> bool:
    """Mostly capital letters (OCR may lower one or two letters of a capital line)."""
    letters = sum(map(str.isalpha, text))  # map over str methods: no Python-level call per character
    return letters >= 2 and sum(map(str.isupper, text)) >= 0.8 * letters


def is_decoration(text: str) -> bool:
    stripped = text.strip()
    chars = _vocabulary()["decoration_chars"]
    return bool(stripped) and len(stripped) >= 3 and all(ch in chars for ch in stripped)


def starts_summary(text: str) -> bool:
    folded = fold(text.strip())
    return any(folded.startswith(opener + " ") or folded == opener
               for opener in (fold(o) for o in _vocabulary()["summary_openers"]))


@functools.lru_cache(maxsize=None)
def _authority_pattern() -> re.Pattern[str]:
    prefixes = sorted(_vocabulary()["authority_prefixes"], key=len, reverse=True)
    alternatives = "|".join(re.escape(p.strip()) + (r"\s*" if p.strip().endswith((".", "M", "L", "T")) else r"\s+")
                            for p in prefixes)
    return re.compile(rf"(?<![\w/])(?:{alternatives})(?=[A-ZĐÀ-Ỹ])")


def authority_at(text: str) -> int | None:
    """Offset where a signature authority prefix (``T/M``, ``KT.`` …) starts, if any."""
    match = _authority_pattern().search(text)
    return match.start() if match else None


def is_signer_title(text: str) -> bool:
    folded = fold(text.strip().rstrip(","))
    return is_capitals(text) and any(folded == fold(t) or folded.endswith(" " + fold(t))
                                     for t in _vocabulary()["signer_titles"])


@functools.lru_cache(maxsize=None)
def _body_opener_pattern() -> re.Pattern[str]:
    return re.compile("^(" + "|".join(_vocabulary()["body_openers"]) + ")")


def opens_with_number_label(text: str) -> bool:
    """A header line that starts with the number's label ("Số: 24/CT-UBND"), folded."""
    return fold(text.strip()).startswith(fold(_vocabulary()["number_label"]))


@functools.lru_cache(maxsize=None)
def _letter_summary_openers() -> tuple[str, ...]:
    return tuple(fold(o) for o in _vocabulary()["letter_summary_openers"])


def opens_letter_summary(text: str) -> bool:
    """"V/v …", "Về việc …" at the start of a header line."""
    return fold(text.strip()).startswith(_letter_summary_openers())


@functools.lru_cache(maxsize=None)
def _recipients_markers() -> tuple[str, ...]:
    return tuple(fold(m) for m in _vocabulary()["recipients_markers"])


def is_recipients_marker(text: str) -> bool:
    stripped = text.strip().lstrip("#* ")
    markers = _recipients_markers()
    if fold(stripped[:1]) not in {m[0] for m in markers}:  # cheap test before folding the line
        return False
    return fold(stripped[:40]).startswith(markers)


# --- markup --------------------------------------------------------------------

_HEADING = re.compile(r"^\s*#{1,6}\s+")
_ITALIC = re.compile(r"(?<![*\w])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![*\w])")
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")


def split_glued_title(raw: str) -> list[str]:
    """``**THÔNG BÁO****Ý KIẾN …`` → the type line and the rest, as two lines."""
    match = re.match(r"^(\s*(?:#+\s*)?(\*\*)?\s*)([^\W\d_][^*]*?)(\*{2,4})(\S.*)$", raw)
    if not match or not is_document_type_line(match.group(3)):
        return [raw]
    prefix, opened, word, stars, rest = match.groups()
    if len(stars) == 4 or opened:
        first, second = prefix + word + "**", ("**" if len(stars) == 4 else "") + rest
    else:
        first, second = prefix + word, "**" + rest
    return [first, second]


def place_marks(raw: str, text: str, marks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Move repair marks from the raw line to the line without markup (same word, nearest place)."""
    placed = []
    for start, end, note in marks:
        word = raw[start:end]
        if raw == text:
            placed.append((start, end, note))
            continue
        found = [m.start() for m in re.finditer(re.escape(word), text)] if word else []
        if found:
            best = min(found, key=lambda position: abs(position - start))
            placed.append((best, best + len(word), note))
    return placed


def parse_markup(raw_lines: list[str], marks: dict[int, list[tuple[int, int, str]]] | None = None
                 ) -> tuple[list[Line], int]:
    """Strip Markdown headings and emphasis, keeping bold as spans; count edits."""
    lines: list[Line] = []
    edits, bold_open = 0, False
    marks = marks or {}
    for number, raw in enumerate(raw_lines, start=1):
        for piece in split_glued_title(raw):
            if _RULE.match(piece):
                lines.append(Line("", number))
                edits += 1
                continue
            heading = bool(_HEADING.match(piece))
            text = _HEADING.sub("", piece) if heading else piece
            text, italic_edits = _ITALIC.subn(r"\1", text)
            text, spans, bold_open = _strip_bold(text, bold_open)
            edits += heading + italic_edits + (len(spans) > 0)
            if not text.strip():
                bold_open = False  # emphasis never spans a paragraph break
            line_marks = place_marks(raw, text, marks.get(number, [])) if number in marks else []
            lines.append(Line(text.rstrip(), number, spans, heading, line_marks))
    return lines, edits


def _strip_bold(text: str, bold_open: bool) -> tuple[str, list[tuple[int, int]], bool]:
    if "**" not in text:
        return text, ([(0, len(text))] if bold_open and text else []), bold_open
    out, spans, start = [], [], 0 if bold_open else None
    index = 0
    while index < len(text):
        if text.startswith("**", index):  # "__" is not emphasis here: it occurs inside identifiers
            position = len("".join(out))
            if start is None:
                start = position
            else:
                if position > start:
                    spans.append((start, position))
                start = None
            index += 2
            continue
        out.append(text[index])
        index += 1
    plain = "".join(out)
    still_open = start is not None
    if still_open and len(plain) > start:
        spans.append((start, len(plain)))
    return plain, spans, still_open


# --- parts ---------------------------------------------------------------------


def find_title_start(lines: list[Line]) -> int | None:
    """Index of the document type line, looked for in the first part of the text."""
    limit = max(40, len(lines) // 3)
    for index, line in enumerate(lines[:limit]):
        if is_document_type_line(line.text):
            return index
    return None


def title_end(lines: list[Line], start: int) -> int:
    """Index after the last title line: capitals, summary openers and their wraps."""
    index, last = start + 1, start
    while index < len(lines):
        line = lines[index]
        if line.blank or is_decoration(line.text):
            index += 1
            continue
        previous = lines[last].text.rstrip()
        after_gap = index > last + 1
        wraps = not after_gap and not previous.endswith(TERMINAL) and not _starts_body(line.text) \
            and not _is_sentence(line.text)
        if authority_at(line.text.lstrip()) == 0:
            break  # "TL. CHỦ TỊCH": the signature of a short copy without blank lines
        if is_capitals(line.text) and not marker_of(line.text)[0]:
            last = index
        elif starts_summary(line.text) and not _starts_body(line.text):
            last = index
        elif wraps and last > start:
            last = index
        elif last == start and not _starts_body(line.text) and not _is_sentence(line.text) and index <= start + 2:
            last = index  # the summary right under the type line, whatever its first word
        else:
            break
        index += 1
    return last + 1


def _is_sentence(text: str) -> bool:
    """A capitalised line ending with a full stop is a sentence of the body: a summary never ends
    so, and its wrapped lines go on in lower case or with a name ("… thành phố" / "Vị Thanh")."""
    stripped = text.strip()
    return stripped[:1].isupper() and stripped.endswith(".") and len(stripped.split()) >= 4


def _starts_body(text: str) -> bool:
    """Typical first words of a body paragraph, so the summary stops before it."""
    stripped = text.strip()
    opens_sentence = stripped[:1].isupper() and bool(_body_opener_pattern().match(fold(stripped)))
    return opens_sentence or marker_of(text)[0] is not None


def split_tail(lines: list[Line]) -> tuple[int, list[str], list[str]]:
    """Find where the body ends; return (end index, recipients, signature lines).

    The tail holds "Nơi nhận" with its ``-`` entries and the signature block, in
    either order; in OCR of two-column layouts a signature line can sit on the
    recipients marker line itself.
    """
    tail_start = len(lines)
    recipients_at = next((i for i in range(len(lines) - 1, -1, -1) if is_recipients_marker(lines[i].text)), None)
    authority_lines = [i for i in range(max(0, len(lines) - 40), len(lines))
                       if authority_at(lines[i].text.lstrip()) == 0]
    candidates = [i for i in (recipients_at, authority_lines[0] if authority_lines else None) if i is not None]
    if not candidates:
        return _signature_without_prefix(lines)
    tail_start = min(candidates)
    recipients, signature = [], []
    in_recipients = False
    for line in lines[tail_start:]:
        text = line.text.strip()
        if not text:
            continue
        if is_recipients_marker(text):
            in_recipients = True
            position = authority_at(text)
            if position:
                signature.append(_clean_signature_line(text[position:]))
            entries, titles = marker_line_entries(text[:position] if position else text)
            recipients.extend(entries)
            signature.extend(titles)
            continue
        if text.startswith(("-", "+", "•")) and (in_recipients or not signature):
            in_recipients = True
            recipients.append(text.lstrip("-+• ").strip())
        elif in_recipients and recipients and not signature and not _looks_like_signature(text):
            recipients[-1] = f"{recipients[-1]} {text}"  # a wrapped recipient entry
        else:
            in_recipients = False
            signature.append(_clean_signature_line(text))
    return tail_start, recipients, signature


def marker_line_entries(text: str) -> tuple[list[str], list[str]]:
    """A closing table flattened onto the "Nơi nhận:" line with single spaces ("Nơi nhận: - Như
    trên; - Lưu: VT. CHỦ TỊCH Nguyễn Văn A"): its recipients, and the signature's title and name
    when they end the line without an authority prefix. Nothing of the line is lost."""
    after = text.split(":", 1)[1] if ":" in text[:40] else ""
    entries = [e.strip(" ;,") for e in re.split(r"(?:^|;)\s*[-+•]\s*", after.strip())]
    entries = [e for e in entries if e]
    if not entries:
        return [], []
    kept, titles = _trailing_signature(entries[-1])
    return entries[:-1] + ([kept] if kept else []), titles


def _trailing_signature(entry: str) -> tuple[str, list[str]]:
    """"Lưu: VT. CHỦ TỊCH Nguyễn Văn A" → ("Lưu: VT.", ["CHỦ TỊCH", "Nguyễn Văn A"])."""
    words = entry.split()
    name_start = len(words)
    while name_start > 0 and words[name_start - 1][:1].isupper() and words[name_start - 1][1:].islower() \
            and words[name_start - 1].isalpha():
        name_start -= 1
    if not 2 <= len(words) - name_start <= 6:
        return entry, []
    caps_start = name_start
    while caps_start > 0 and words[caps_start - 1].isupper():
        caps_start -= 1
    for start in range(caps_start, name_start):
        titles = " ".join(words[start:name_start])
        if words[start].isalpha() and is_signer_title(titles):
            return " ".join(words[:start]), [titles, " ".join(words[name_start:])]
    return entry, []


def _signature_without_prefix(lines: list[Line]) -> tuple[int, list[str], list[str]]:
    """A block of capital titles and a name at the very end, with no ``TM.``/``KT.`` line."""
    content = [i for i, line in enumerate(lines) if not line.blank]
    if len(content) < 3:
        return len(lines), [], []
    start = None
    for i in reversed(content[-4:]):
        if is_signer_title(lines[i].text):
            start = i
    if start is None:
        return len(lines), [], []
    return start, [], [lines[i].text.strip() for i in content if i >= start]


def _looks_like_signature(text: str) -> bool:
    return authority_at(text) == 0 or is_signer_title(text)


def _clean_signature_line(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().strip("*#").strip())


def leading_header_end(lines: list[Line]) -> int:
    """Index after the header lines a copy opens with when it has no type line (the
    portal shows the type as its page heading): cells of the two columns, one per line."""
    from .layout import HEADER_ZONE_LINES, is_header_cell, is_letter_summary, opens_with_letter_abbreviation

    end, content = 0, 0
    for index, line in enumerate(lines):
        if content >= HEADER_ZONE_LINES:
            break
        if line.blank or (content and is_scan_debris(line.text) and not is_header_cell(line.text)):
            continue
        if not (is_header_cell(line.text) or (content and opens_with_letter_abbreviation(line.text))
                or (content and is_letter_summary(line.text) and _under_number(lines, index))):
            break
        content += 1
        end = index + 1
    return end


def is_scan_debris(text: str) -> bool:
    """A line of at most three characters: an emblem, a rule, a stamp or a signature a scan read
    as letters ("SY", "ý", "và"). No header cell, title or name is so short (a name has two
    words)."""
    return 0 < len(text.strip()) <= 3


def _under_number(lines: list[Line], index: int) -> bool:
    previous = next((l for l in reversed(lines[:index]) if not l.blank), None)
    return previous is not None and opens_with_number_label(previous.text)


def headerless_title_end(lines: list[Line], start: int) -> int:
    """After a header without a type line: the summary lines, capitals or opened by "Về …"."""
    index, last = start, None
    while index < len(lines):
        line = lines[index]
        if line.blank or is_decoration(line.text):
            index += 1
            continue
        if (is_capitals(line.text) and not marker_of(line.text)[0] and not authority_at(line.text.lstrip()) == 0) \
                or (last is None and starts_summary(line.text) and not _starts_body(line.text)):
            last = index
            index += 1
            if not is_capitals(line.text) and line.text.rstrip().endswith(TERMINAL):
                break
            continue
        break
    return start if last is None else last + 1


def split_headerless(lines: list[Line]) -> tuple[list[Line], list[Line], list[Line]] | None:
    """(header, title, rest) of a copy whose header has no type line under it."""
    from .layout import is_header_cell

    header_end = leading_header_end(lines)
    header = [l for l in lines[:header_end] if not l.blank and not is_decoration(l.text)
              and (is_header_cell(l.text) or not is_scan_debris(l.text))]
    if len(header) < 2 or not any(opens_with_number_label(l.text) for l in header):
        return None
    letter = [l for l in header if opens_letter_summary(l.text)]
    end = headerless_title_end(lines, header_end)
    title = letter + [l for l in lines[header_end:end] if not l.blank and not is_decoration(l.text)]
    return [l for l in header if l not in letter], title, lines[end:]


def _far_below_header(lines: list[Line], start: int) -> bool:
    """A type line found well below the opening header is a heading of the body, not the title."""
    header_end = leading_header_end(lines)
    return header_end > 0 and sum(not l.blank for l in lines[header_end:start]) > 3


def split_parts(lines: list[Line]) -> Parts:
    start = find_title_start(lines)
    headerless = split_headerless(lines) if start is None or _far_below_header(lines, start) else None
    if headerless:
        header, title, rest = headerless
    elif start is None:
        header, title, rest = [], [], lines
    else:
        end = title_end(lines, start)
        header = [l for l in lines[:start] if not l.blank and not is_decoration(l.text)]
        title = [l for l in lines[start:end] if not l.blank and not is_decoration(l.text)]
        rest = lines[end:]
    body_end, recipients, signature = split_tail(rest)
    return Parts(header, title, rest[:body_end], recipients, signature)


# --- body blocks ---------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def _markers() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Numbered item styles, legal headings first ("Điều 5.", "Chương II": words from the data)."""
    article, chapter = (re.escape(_vocabulary()[key]) for key in ("article_word", "chapter_word"))
    return (("dieu", re.compile(rf"^\s*({article}\s+(\d+)[a-z]?\.)\s*")),
            ("chuong", re.compile(rf"^\s*({chapter}\s+([IVXLC]+|\d+))\b\.?\s*")),
            *_NUMBERING)


_NUMBERING = [
    ("roman", re.compile(r"^\s*(([IVXLC]{1,6})\.)\s+")),
    ("arabic", re.compile(r"^\s*((\d{1,2})\.)\s+(?=\S)")),
    ("arabic-sub", re.compile(r"^\s*((\d{1,2}\.\d{1,2})\.?)\s+(?=\S)")),
    ("paren", re.compile(r"^\s*(\((\d{1,2}|[a-zđ]\d?|[ivx]{1,4}\d?)\))\s*(?=\S)")),
    ("letter", re.compile(r"^\s*(([a-zđ])\))\s+(?=\S)")),
]
_BULLET = re.compile(r"^\s*([-+•–])\s+(?=\S)")


def marker_of(text: str) -> tuple[str | None, str | None, int]:
    """(style, label, length of the marker) of a numbered item line."""
    for style, pattern in _markers():
        match = pattern.match(text)
        if match:
            return style, match.group(2), match.end()
    return None, None, 0


def is_bullet(text: str) -> bool:
    return bool(_BULLET.match(text))


@dataclass
class _Draft:
    lines: list[Line]
    style: str | None = None
    label: str | None = None
    heading: bool = False


def assemble_paragraphs(body: list[Line]) -> tuple[list[_Draft], int]:
    """Join hard-wrapped lines; start a new block at a marker, a heading or a paragraph end.

    Text whose paragraphs are separated by blank lines breaks only there (a line
    ending in a full stop inside a paragraph is common in OCR); text without
    blank lines (PDF extraction) breaks where a line ends a sentence. A paragraph
    broken mid-sentence by a stray blank line is joined again.
    """
    content = [l for l in body if not l.blank]
    blank_separated = len(content) > 0 and sum(l.blank for l in body) >= 0.15 * len(content)
    drafts: list[_Draft] = []
    rejoined, gap = 0, False
    for line in body:
        if line.blank:
            gap = True
            continue
        style, label, _ = marker_of(line.text)
        current = drafts[-1] if drafts else None
        starts_new = (
            current is None
            or style is not None
            or is_bullet(line.text)
            or line.heading
            or current.heading
            or (gap and not _continues(current, line))
            or (not gap and not blank_separated and current.lines[-1].text.rstrip().endswith(TERMINAL)
                and not _starts_lowercase(line.text))
        )
        if starts_new:
            drafts.append(_Draft([line], style, label, line.heading or _is_heading_line(line.text)))
        else:
            rejoined += gap
            current.lines.append(line)
        gap = False
    return drafts, rejoined


def _continues(draft: _Draft, line: Line) -> bool:
    previous = draft.lines[-1].text.rstrip()
    return not previous.endswith(TERMINAL) and _starts_lowercase(line.text) and not draft.heading


def _starts_lowercase(text: str) -> bool:
    stripped = text.lstrip()
    return bool(stripped) and stripped[0].islower()


def _is_heading_line(text: str) -> bool:
    stripped = text.strip()
    return is_capitals(stripped) and len(stripped) <= 160 and not stripped.endswith((",", ";"))


def join_lines(lines: list[Line]) -> tuple[str, list[tuple[int, int]], list[tuple[int, int, str]]]:
    """Join wrapped lines with one space; a hyphen at a line end joins without one."""
    text, spans, marks = "", [], []
    for line in lines:
        piece = line.text.strip()
        if text and not (re.search(r"[^\W\d_]-$", text) and piece[:1].isalnum()):
            text += " "  # "Covid-" + "19": a hyphen at the end belongs to the word
        shift = len(text) - (len(line.text) - len(line.text.lstrip()))
        spans.extend((s + shift, e + shift) for s, e in line.bold)
        marks.extend((s + shift, e + shift, note) for s, e, note in line.marks)
        text += piece
    return text, spans, marks


def build_blocks(body: list[Line]) -> tuple[list[Block], list[Change]]:
    drafts, rejoined = assemble_paragraphs(body)
    blocks: list[Block] = []
    stack: list[tuple[str, str]] = []
    used: set[str] = set()
    for position, draft in enumerate(drafts, start=1):
        text, bold, marks = join_lines(draft.lines)
        bold = _clip_spans(bold, len(text))
        marks = [(s, e, note) for s, e, note in marks if 0 <= s < e <= len(text)]
        kind, label, level = "paragraph", None, 0
        if draft.style:
            stack = _push_numbering(stack, draft.style, draft.label)
            level = len(stack)
            label = draft.label
            kind = "heading" if draft.heading or draft.style in ("chuong", "dieu") else "item"
            anchor = "muc-" + "-".join(_anchor_label(l) for _, l in stack)
        elif is_bullet(text):
            kind, level = "bullet", len(stack) + 1
            anchor = f"doan-{position}"
        else:
            kind = "heading" if draft.heading else "paragraph"
            anchor = f"doan-{position}"
        if anchor in used:
            anchor = f"{anchor}-doan-{position}"
        used.add(anchor)
        blocks.append(Block(kind, text, anchor, label, level, draft.lines[0].number, tuple(bold), tuple(marks)))
    changes = []
    joined = sum(len(d.lines) - 1 for d in drafts)
    if joined:
        changes.append(Change("structure", "join-lines", f"{joined + len(drafts)} lines", f"{len(drafts)} blocks",
                              "hard-wrapped lines joined into paragraphs"))
    if rejoined:
        changes.append(Change("structure", "join-broken-paragraph", f"{rejoined} blank lines", "",
                              "a blank line in the middle of a sentence (page break) removed"))
    return blocks, changes


def _clip_spans(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    return [(max(0, s), min(length, e)) for s, e in spans if min(length, e) > max(0, s)]


def _push_numbering(stack: list[tuple[str, str]], style: str, label: str) -> list[tuple[str, str]]:
    """Numbering styles nest in the order they first appear (``I.`` > ``1.`` > ``(1)``)."""
    for depth, (existing, _) in enumerate(stack):
        if existing == style:
            return stack[:depth] + [(style, label)]
    return stack + [(style, label)]


def _anchor_label(label: str) -> str:
    return fold(label).replace(".", "-").replace(" ", "-")


def strip_markers_from_title(lines: list[Line]) -> list[str]:
    return [re.sub(r"\s+", " ", l.text.strip()) for l in lines]


def structure(text: str, marks: dict[int, list[tuple[int, int, str]]] | None = None
              ) -> tuple[list[str], list[str], list[Block], list[str], list[str], list[Change]]:
    """Split normalised text into header, title, body blocks, recipients and signature."""
    lines, markup_edits = parse_markup(text.split("\n"), marks)
    parts = split_parts(lines)
    blocks, changes = build_blocks(parts.body)
    if markup_edits:
        changes.insert(0, Change("structure", "markup", f"{markup_edits} Markdown marks", "bold spans",
                                 "Markdown headings, emphasis and rules of the source turned into structure"))
    header = strip_markers_from_title(parts.header)
    title = strip_markers_from_title(parts.title)
    return header, title, blocks, parts.recipients, parts.signature, changes
