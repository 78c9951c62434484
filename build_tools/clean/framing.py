"""Set apart the source's framing of a copy: what a newspaper or portal says around a notice.

A reprint opens with the journalist's lead ("(Báo X) - UBND tỉnh vừa ban hành Công văn số
… về …"), a photo caption ("… Ảnh: NAME"), "Báo X xin giới thiệu toàn văn …", and may end
with a by-line ("Theo Báo X", "PV"); a saved portal page keeps "Ngày đăng", "Lượt xem",
attachment links, the portal's attribute rows ("Số ký hiệu | 24/CT-UBND") and lists of other
documents. None of this is the document: it is kept apart (``CleanDocument.framing``),
shown apart on the page, and left out of the clean text, the measures and the signer.
The lead and the attribute rows are still clues for extraction (extract/reprint.py).
Every line set apart is a ``Change``, so the original stays complete.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..data_files import load_yaml
from ..vietnamese.date_grammar import date_word
from ..vietnamese.fold import fold
from ..model import Change

LEAD_WINDOW = 8  # a lead is among the first content lines
INTRO_WINDOW = 8  # the "toàn văn" line follows the lead within a few lines
CAPTION_MAX = 250  # a caption is one short line


@functools.lru_cache(maxsize=None)
def _vocabulary() -> dict:
    return load_yaml("framing.yml")


@functools.lru_cache(maxsize=None)
def _patterns(key: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _vocabulary()[key]))


@functools.lru_cache(maxsize=None)
def type_words() -> str:
    words = load_yaml("doc_types.yml")["citation_words"]
    return "|".join(re.escape(fold(w)) for w in sorted(words, key=len, reverse=True))


def framing_words(key: str) -> str:
    return "|".join(f"(?:{p})" for p in _vocabulary()[key])


def _number_label() -> str:
    """"so": the label of a document's number (structure.yml), folded."""
    return re.escape(fold(load_yaml("structure.yml")["number_label"]))


@functools.lru_cache(maxsize=None)
def reference_pattern() -> re.Pattern[str]:
    """A document named by its number, in folded text: "Công điện khẩn số 09/CĐ-UBND"."""
    return re.compile(rf"\b(?P<type>{type_words()})(?:\s+(?:{framing_words('urgency_words')}))?"
                      rf"\s+(?:{_number_label()}\s*:?\s*(?=\d)|(?={NUMBER_SHAPE}))")


# A document number written without "số" ("Chỉ thị 11/CT-UBND", "Kết luận 150-KL/TU"): digits, then
# a slash or hyphen and a letter code; "Chỉ thị 16" alone is not one.
NUMBER_SHAPE = r"\d{1,5}(?:/(?:19|20)\d{2})?\s?[/-]\s?[a-z]{1,6}[/-]"


@functools.lru_cache(maxsize=None)
def _verb_pattern() -> re.Pattern[str]:
    return re.compile(rf"\b(?P<adverb>(?:{framing_words('lead_adverbs')})\s+)?(?:{framing_words('lead_verbs')})\s+$")


@functools.lru_cache(maxsize=None)
def citation_cue() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{framing_words('citation_cues')})\s+$")


# What ends the words before a plain verb when they name a document, not an issuer:
# "Quyết định số 12/QĐ-UBND ban hành …", "Quyết định ban hành …".
@functools.lru_cache(maxsize=None)
def _after_document() -> re.Pattern[str]:
    return re.compile(rf"(?:\d[\w/.-]*|\b{_number_label()})\s*$")


@dataclass(frozen=True)
class LeadReference:
    """Where a lead names its document: the type's words (folded), where the number starts,
    and where the words announcing it start (the verb, or the reference itself)."""

    type_words: str
    number_at: int
    announced_at: int
    headline: bool = False  # named at the line's start, no verb: a headline (or a site's heading)


def lead_reference(folded: str) -> LeadReference | None:
    """The document a lead reports, in a folded line: "<who> vừa ban hành <type> số …",
    "Ngày …, UBND tỉnh ban hành <type> số …", or a headline that opens with it ("Công điện khẩn
    số 09/CĐ-UBND của UBND tỉnh …"). A reference after "Căn cứ", "Thực hiện" is a citation."""
    for match in reference_pattern().finditer(folded):
        before = folded[:match.start()]
        if not before.strip(" -–—:\"'(") and _is_headline(folded, match):
            return LeadReference(match.group("type"), match.end(), match.start(), headline=True)
        verb = _verb_pattern().search(before)
        if verb is None or citation_cue().search(before[:verb.start()]):
            continue
        if verb.group("adverb") or not _plain_verb_after_document(before[:verb.start()]):
            return LeadReference(match.group("type"), match.end(), verb.start())
    return None


def _is_headline(folded: str, match: re.Match) -> bool:
    """A line that opens with a document named by number and goes on to say what it is
    ("Kế hoạch số 36/KH-UBND ngày … của UBND tỉnh … về …"); not a header's number line
    ("Luật số: 69/2020/QH14", "Số: 24/CT-UBND | Sơn La, ngày …")."""
    rest = folded[match.end():]
    return ":" not in match.group(0) and "|" not in rest and "\t" not in rest and len(rest.split()) >= 4


def _plain_verb_after_document(before: str) -> bool:
    words = re.sub(r"[^\w/.-]+", " ", before).rstrip()
    return bool(_after_document().search(words) or re.search(rf"\b(?:{type_words()})$", words))


@functools.lru_cache(maxsize=None)
def _announcement() -> re.Pattern[str]:
    """A lead naming a document's type but not its number: "tỉnh vừa có văn bản chỉ đạo …"."""
    return re.compile(rf"\b(?:(?:{framing_words('lead_adverbs')})\s+)?(?:{framing_words('lead_verbs')})\s+"
                      rf"(?P<type>{type_words()})\b(?!\s+(?:(?:{framing_words('urgency_words')})\s+)?"
                      rf"(?:{_number_label()}\s*:?\s*)?\d)")  # "Chỉ thị 16": a known one


def announcement_at(line: str) -> int:
    """Where the announcement's verb starts in the line (its end when there is none)."""
    match = _announcement().search(fold(line))
    return match.start() if match else len(line)


def announced_type(line: str) -> str | None:
    match = _announcement().search(fold(line))
    return match.group("type") if match else None


def followed_reference(line: str, type_words: str) -> LeadReference | None:
    """The next sentence after an announcement naming a document of the announced type by number."""
    folded = fold(line)
    wanted = _type_name(type_words)
    for match in reference_pattern().finditer(folded):
        if _type_name(match.group("type")) == wanted and not citation_cue().search(folded[:match.start()]):
            return LeadReference(match.group("type"), match.end(), match.start())
    return None


def _type_name(type_words: str) -> str | None:
    return {fold(w): name for w, name in load_yaml("doc_types.yml")["citation_words"].items()}.get(type_words)


def is_lead(line: str) -> bool:
    return lead_reference(fold(line)) is not None


def is_intro(line: str) -> bool:
    return bool(_patterns("intro_markers").search(fold(line.strip())))


def _starts_capital(text: str) -> bool:
    """Captions, buttons and credits start a line of their own; a wrapped line of a sentence
    ("chia sẻ.", "hình ảnh:") starts in lower case."""
    first = next((c for c in text if c.isalpha()), "")
    return first.isupper()


def is_caption(line: str) -> bool:
    stripped = line.strip()
    return 0 < len(stripped) <= CAPTION_MAX and _starts_capital(stripped) and \
        bool(_patterns("captions").search(fold(stripped)))


def is_credit(line: str) -> bool:
    stripped = line.strip()
    return 0 < len(stripped) <= 80 and bool(_patterns("credits").search(fold(stripped)))


def is_portal_furniture(line: str) -> bool:
    stripped = line.strip()
    return 0 < len(stripped) <= 160 and _starts_capital(stripped) and \
        bool(_patterns("portal_furniture").search(fold(stripped)))


def is_portal_trailer(line: str) -> bool:
    return bool(_patterns("portal_trailers").search(fold(line.strip().rstrip(":"))))


# A table row: "label | value" (a saved page's table) or "label<TAB>value". "Label: value" in
# running text is not taken: PDF signature stamps read "Người ký: <certificate holder>".
_ATTRIBUTE = re.compile(r"^\s*\|?\s*(?P<label>[^|\t:]{2,30}?)\s*:?\s*(?:\||\t)\s*(?P<value>\S.*?)\s*\|?\s*$")
# "Label: value" rows, taken only inside a record of several such rows (colon_record).
_COLON_ATTRIBUTE = re.compile(r"^\s*(?P<label>[^|\t:]{2,30}?)\s*:\s*(?P<value>\S.*?)\s*$")
RECORD_FIELDS = {"number", "issued_date", "doc_type", "issuer"}  # what makes rows a document's record


def colon_pair(line: str) -> tuple[str, str] | None:
    """(field, value) of a "Label: value" row whose label is a record's, or None."""
    match = _COLON_ATTRIBUTE.match(line)
    if not match:
        return None
    field = _vocabulary()["portal_attributes"].get(fold(match.group("label")).strip())
    return (field, match.group("value")) if field else None


def colon_pairs(line: str) -> list[tuple[str, str]]:
    """(field, value) pairs of "Label: value" rows, several on one line when a separator (a pipe,
    a tab, a run of spaces) comes before each further label ("Ngày ban hành: 06/08/2021   Người ký:
    …", "Ngày ban hành: 02/06/2021 | Cơ quan: UBND …")."""
    folded = fold(line)
    starts = [m.start("label") for m in _colon_labels().finditer(folded)]
    if not starts or folded[:starts[0]].strip(" |\t"):
        return []
    cells = [line[a:b].strip(" |\t") for a, b in zip(starts, [*starts[1:], len(line)])]
    return [pair for pair in map(colon_pair, cells) if pair]


@functools.lru_cache(maxsize=None)
def _colon_labels() -> re.Pattern[str]:
    """A record's label followed by a colon, at the line's start or after a space or a pipe."""
    labels = sorted(_vocabulary()["portal_attributes"], key=len, reverse=True)
    return re.compile(rf"(?:^|(?<=[\s|]))(?P<label>{'|'.join(re.escape(label) for label in labels)})\s*:")


def colon_record(lines: list[str]) -> bool:
    """Two or more "Label: value" rows naming the number, date, type or issuer: a portal's
    record of the document. One row alone ("Người ký: …" in a PDF's signature stamp) is not."""
    fields = {pair[0] for line in lines for pair in colon_pairs(line)}
    return len(fields & RECORD_FIELDS) >= 2


def attribute_pairs(line: str) -> list[tuple[str, str]]:
    """(field, value) pairs of a portal's attribute row: "Số ký hiệu | 24/CT-UBND", or several
    pairs on one row ("Số hiệu | 45/KH-UBND | Ngày ban hành | 22/02/2021")."""
    if not _ATTRIBUTE.match(line):
        return []
    labels = _vocabulary()["portal_attributes"]
    cells = [c.strip() for c in re.split(r"\s*\|\s*|\t+", line) if c.strip()]
    pairs, index = [], 0
    while index + 1 < len(cells):
        field = labels.get(fold(cells[index]).strip().rstrip(":").strip())
        if field and not labels.get(fold(cells[index + 1]).strip().rstrip(":").strip()):
            pairs.append((field, cells[index + 1]))
            index += 2
        else:
            index += 1
    return pairs


def _cells(line: str) -> list[str]:
    return [c.strip() for c in re.split(r"\s*\|\s*|\t+", line) if c.strip()] if ("|" in line or "\t" in line) else []


def column_pairs(label_row: str, value_row: str) -> list[tuple[str, str]]:
    """A portal's list of documents as a table, labels in the head row and the document's values
    in the row below ("Số văn bản | Ngày ký | Trích yếu |" / "160/TB-UBND | 13/07/2021 | … |"):
    (field, value) pairs; none unless every head cell is a known label and the rows match."""
    labels = _vocabulary()["portal_attributes"]
    heads, values = _cells(label_row), _cells(value_row)
    fields = [labels.get(fold(cell).strip().rstrip(":").strip()) for cell in heads]
    if len(heads) < 2 or len(heads) != len(values) or not all(fields):
        return []
    if any(labels.get(fold(cell).strip().rstrip(":").strip()) for cell in values):
        return []
    return list(zip(fields, values))


def attribute_row(line: str) -> tuple[str, str] | None:
    """The first (field, value) pair of a portal's attribute row, or None."""
    pairs = attribute_pairs(line)
    return pairs[0] if pairs else None


def _is_short_name(line: str) -> bool:
    """A by-line: two to five capitalised words, nothing else ("Minh Anh", "NGỌC TÚ")."""
    words = line.strip().split()
    return 1 <= len(words) <= 5 and all(w[:1].isupper() for w in words) and not re.search(r"[\d.;:,]", line)


@dataclass
class Framing:
    lines: list[int]  # indices of the lines set apart
    reprint: bool  # a lead or a "toàn văn" line was found


def find_framing(lines: list[str]) -> Framing:
    apart: set[int] = set()
    content = [i for i, line in enumerate(lines) if line.strip()]
    record = colon_record([lines[i] for i in content])
    for position, i in enumerate(content):
        if attribute_row(lines[i]) or is_portal_furniture(lines[i]) or is_caption(lines[i]) or \
                record and colon_pairs(lines[i]) or is_document_list(lines[i]):
            apart.add(i)
        following = content[position + 1] if position + 1 < len(content) else None
        if following is not None and column_pairs(lines[i], lines[following]):
            apart.update((i, following))
    trailer = next((i for i in content if is_portal_trailer(lines[i])), None)
    if trailer is not None:
        apart.update(i for i in content if i >= trailer)
    remaining = [i for i in content if i not in apart]
    window = remaining[:LEAD_WINDOW]
    before_document = remaining[:_document_start(lines, window)]
    # Above the document's own header a line naming it is a site's heading, not a reprint's headline.
    lead = _lead_line(lines, before_document, headlines=len(before_document) == len(window))
    intro = _intro_before(lines, remaining, lead)
    if intro is not None:
        lead = None  # after "xin giới thiệu toàn văn" comes the document: a line there is no lead
    else:
        intro_from = remaining.index(lead) if lead is not None else 0
        intro = next((i for i in remaining[intro_from:intro_from + INTRO_WINDOW] if is_intro(lines[i])), None)
    opening_end = intro if intro is not None else lead
    if opening_end is not None:
        apart.update(i for i in content if i <= opening_end)
    reprint = lead is not None or intro is not None
    if not reprint:
        apart.update(_page_heading(lines, [i for i in content if i not in apart]))
    if reprint:
        apart.update(_closing_credits(lines, [i for i in content if i not in apart]))
    return Framing(sorted(apart), reprint)


def _intro_before(lines: list[str], remaining: list[int], lead: int | None) -> int | None:
    """A "toàn văn" line above the line taken as the lead: the journalist's framing ends there, and
    the lead found below it is a sentence of the document itself (its citations are not the
    reprinted document's number)."""
    if lead is None:
        return None
    return next((i for i in remaining if i < lead and is_intro(lines[i])), None)


def _lead_line(lines: list[str], candidates: list[int], headlines: bool = True) -> int | None:
    """The line of the lead: one naming its document, or the line after an announcement
    without a number that names a document of that type; failing both, an announcement
    that opens with a dateline ("(Báo X) - UBND tỉnh vừa ban hành Kế hoạch …")."""
    announced = None
    for index in candidates:
        if is_document_list(lines[index]):
            continue
        reference = lead_reference(fold(lines[index]))
        if reference is not None and (headlines or not reference.headline):
            return index
        if announced and followed_reference(lines[index], announced):
            return index
        announced = announced_type(lines[index]) or announced
    return next((i for i in candidates if is_dateline(lines[i]) and announced_type(lines[i])), None)


def is_dateline(line: str) -> bool:
    """A newspaper's dateline opens the line: "(Báo X) -", "SLO -", "Baophutho.vn -", "NAM ĐỊNH -"."""
    stripped = line.strip()
    place = re.match(r"^([^\W\d_][^-–—:]{1,30}?)\s[-–—]\s", stripped)
    return bool(_patterns("datelines").search(stripped)) or bool(place and place.group(1).isupper())


_LIST_FILLER = re.compile(r"[\s;|,:()\-–—•]+")


def is_document_list(line: str) -> bool:
    """A list of other documents ("Công điện 02/CĐ-BCĐ ngày 16/02/2021; Quyết định 1022/QĐ-UBND ngày
    05/05/2021", "Văn bản mới: 9720/UBND-VP (20/08/2021); 102/KH-UBND (18/08/2021)"): two or more
    numbers and, besides their types and dates, at most a short label."""
    folded = fold(line)
    numbers = re.findall(NUMBER_SHAPE, folded)
    if len(numbers) < 2 or not re.search(r"[;|]", folded) or not _starts_capital(line) and not line.strip()[:1].isdigit():
        return False  # items apart, each dated, the line its own: not "… bởi Nghị định 24/2022/NĐ-CP; Điều 8 …"
    from ..extract.dates import find_dates

    if sum(1 for date in find_dates(line, folded) if date.has_year) < len(numbers):
        return False
    rest = re.sub(rf"(?:\b(?:{type_words()})\s+)?(?:{_number_label()}\s*:?\s*)?\d[\w/.-]*", " ", folded)
    rest = re.sub(rf"\b(?:{date_word('day')})\b", " ", rest)
    return len(_LIST_FILLER.sub(" ", rest).split()) <= 5


def _document_start(lines: list[str], candidates: list[int]) -> int:
    """Position (in ``candidates``) of the first line of a document's own header or type line:
    a lead can only come before it ("… đã ban hành Quyết định số …" below a header is the
    notice's own sentence)."""
    from .layout import is_header_cell
    from .structure import is_document_type_line

    after_body = False  # a header comes before the body: a cell after a body sentence is the signature's title
    for position, index in enumerate(candidates):
        if is_header_cell(lines[index]) and not is_lead(lines[index]) and not after_body or \
                is_document_type_line(lines[index]):
            return position
        after_body = after_body or _is_body_sentence(lines[index])
    return len(candidates)


def _is_body_sentence(line: str) -> bool:
    """A long sentence of the body ("Trước tình hình …, Chủ tịch … chỉ thị …."), not a lead or
    a "toàn văn" line, which may stand above a reprinted header."""
    stripped = line.strip()
    return stripped[:1].isupper() and stripped.endswith(".") and len(stripped.split()) >= 12 and \
        not is_lead(stripped) and not is_intro(stripped) and "|" not in stripped


HEADING_WINDOW = 3  # a site's heading and a line or two of its own sit above the document


def _page_heading(lines: list[str], remaining: list[int]) -> list[int]:
    """A website's heading above the document's own header ("Chỉ thị 24/CT-UBND năm 2021 về
    …" on a legal-text site): short lines followed by a two-column header."""
    from .layout import header_zone, is_header_cell

    for count in range(1, HEADING_WINDOW + 1):
        if count >= len(remaining) or any(len(lines[i]) > 300 for i in remaining[:count]):
            return []
        if not looks_like_site_heading(lines[remaining[count - 1]]):  # part of the header, not above it
            return []
        if header_zone(lines[remaining[count]:]) is not None:
            return remaining[:count]
    return []


def looks_like_site_heading(line: str) -> bool:
    """A site's heading names the document in sentence case: "Chỉ thị 24/CT-UBND năm 2021 về …",
    "Công văn số 1034/UBND-KGVX về …"; never in capitals (an issuing body) nor "Số: …" (the number line)."""
    from .layout import is_header_cell

    stripped = line.strip()
    words = " ".join(w for w in stripped.split() if not re.search(r"\d", w))  # not the number's code: 6720/UBND-KGVX
    letters = [c for c in words if c.isalpha()]
    capitals = letters and sum(c.isupper() for c in letters) >= 0.6 * len(letters)
    folded = fold(stripped)
    labelled = re.search(rf"\b{_number_label()}\s*:", folded)
    names_type = re.match(rf"^(?:{type_words()})\b", folded)
    return bool(names_type) and not capitals and not labelled and not is_header_cell(stripped)


def _closing_credits(lines: list[str], remaining: list[int]) -> list[int]:
    """By-lines and "Theo …" lines at the end of a reprint; a name under a signer's title is
    the signer, not a by-line."""
    credits = []
    for position in range(len(remaining) - 1, -1, -1):
        index = remaining[position]
        line = lines[index]
        previous = lines[remaining[position - 1]].strip() if position else ""
        if is_credit(line):
            credits.append(index)
            continue
        under_title = previous.isupper() or previous.startswith("(") or previous.endswith(":")
        if _is_short_name(line) and not under_title and not line.strip().isupper() or (
                _is_short_name(line) and previous and not under_title and len(previous) > 60):
            credits.append(index)
            continue
        break
    return credits


def split_framing(text: str) -> tuple[str, list[str], list[Change]]:
    """(text of the document, framing lines, changes): framing lines are removed from the text."""
    lines = text.split("\n")
    framing = find_framing(lines)
    if not framing.lines:
        return text, [], []
    apart = set(framing.lines)
    changes = [Change("framing", "source-framing", lines[i].strip(), "",
                      "words of the newspaper or portal around the document, kept apart", line=i + 1)
               for i in framing.lines]
    kept = [line for i, line in enumerate(lines) if i not in apart]
    while kept and not kept[0].strip():
        kept.pop(0)
    return "\n".join(kept), [lines[i].strip() for i in framing.lines], changes
