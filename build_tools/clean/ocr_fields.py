"""OCR repair of the fields a scan must get right: the symbol of a document number and dates.

The word repair (``ocr.py``) leaves a token glued to digits and slashes alone (``2540/CĐĐ-UBND``)
and never touches digits. Here, on text read by OCR only:

* each part of a number's symbol is checked against the type codes (``data/doc_types.yml``) and
  issuer codes (``data/issuers.yml``); a part that is neither is replaced by the one known code
  it is cheapest to have been misread from (letter shapes of ``data/ocr/confusions.yml``
  ``code_letters``, a doubled letter), when that is cheap enough for Tesseract's confidence in it;
* a date written in words or figures whose day, month or year holds a letter shaped like a digit
  (``O3``, ``2O21``, ``l5``) gets the digit back, only when the result is a valid date.

Every edit is a ``model.Change`` (stage ``ocr``), like every other repair.
"""
from __future__ import annotations

import datetime
import functools
import re

from ..model import Change
from ..vietnamese.date_grammar import spellings, verbal_date
from ..vietnamese.fold import fold

_LETTERS = "A-Za-zĐđÐƯưƠơÂâĂăÊêÔô"
# a state number (123/TB-UBND, 12/2021/QĐ-UBND) or a Party one (25-KL/TU); the symbol part is
# matched loosely (OCR may have put any letter or a digit-shaped letter in it)
# the separator after the digits may be misread (113:TB/TU), and a speck glued after the symbol
# read as "_" or "~" (2668/HD-UBND_)
_NUMBER = re.compile(
    rf"(?<![\w/.-])(?P<digits>\d{{1,5}})(?:/(?:19|20)\d{{2}})?"
    rf"(?P<sep>[/-]|[:.,;~_](?=[{_LETTERS}]+/)|(?=[{_LETTERS}]{{2,}}-[{_LETTERS}]))"
    rf"(?P<symbol>[{_LETTERS}0-9]+(?:[-/][{_LETTERS}0-9]+)*)(?P<junk>[_~]+)?(?![\w-])")
_PART = re.compile(r"[^-/]+")
# two codes of a symbol with a speck read as a mark where the hyphen goes (3303/CT:UBND)
_INNER_SEPARATOR = re.compile(rf"(?<=/)(?P<left>[{_LETTERS}]{{2,}})(?P<sep>[:.,;~_])(?P<right>[{_LETTERS}]{{2,}})(?![\w-])")


@functools.lru_cache(maxsize=1)
def _shapes() -> tuple[dict[tuple[str, str], float], dict[str, str]]:
    """(letter-shape substitution costs for codes, digit-shaped letters → digit) from confusions.yml."""
    from .ocr import load_confusions

    data = load_confusions()
    costs = {}
    for observed, intended, cost in data.get("code_letters", []):
        costs[(observed, intended)] = float(cost)
    digits = {}
    for digit, shapes in data.get("digit_shapes", {}).items():
        for shape in str(shapes):
            digits[shape] = str(digit)
    return costs, digits


@functools.lru_cache(maxsize=1)
def known_codes() -> tuple[frozenset[str], frozenset[str]]:
    """(type codes, issuer codes): the literal codes a number's symbol is made of."""
    from ..extract.vocab import doc_types, load_yaml

    types = set(doc_types().by_code) | set(doc_types().by_party_code)
    data = load_yaml("issuers.yml")
    issuers = set()
    for entry in [*data["central"], *data["provincial"]]:
        for code in entry.get("codes", []):
            code = str(code).replace("\\d*", "")
            if re.fullmatch(rf"[{_LETTERS}]+", code):
                issuers.add(code)
    return frozenset(types), frozenset(issuers)


def _is_known(part: str) -> bool:
    """Spelt exactly as a type or issuer code (QĐ, not QD: a scan prints the Đ), or an issuer
    code with a number (QH15)."""
    from ..extract.vocab import issuers

    types, codes = known_codes()
    return part in types or part in codes or (any(ch.isdigit() for ch in part) and issuers().by_code(part) is not None)


def misread_cost(observed: str, intended: str) -> float:
    """Cheapest way OCR could have written ``observed`` for ``intended``: a letter-shape
    substitution or a doubled letter costs 1 (or its listed cost), any other edit 2."""
    costs, _ = _shapes()
    rows, cols = len(observed), len(intended)
    table = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(1, rows + 1):
        doubled = i > 1 and observed[i - 1] == observed[i - 2]
        table[i][0] = table[i - 1][0] + (1.0 if doubled else 2.0)
    for j in range(1, cols + 1):
        table[0][j] = table[0][j - 1] + 2.0
    for i in range(1, rows + 1):
        a = observed[i - 1]
        doubled = i > 1 and a == observed[i - 2]
        for j in range(1, cols + 1):
            b = intended[j - 1]
            substitute = 0.0 if a == b else costs.get((a, b), 2.0)
            table[i][j] = min(table[i - 1][j - 1] + substitute,
                              table[i - 1][j] + (1.0 if doubled else 2.0),  # an extra letter
                              table[i][j - 1] + 2.0)  # a letter lost
    return table[rows][cols]


def best_code(part: str, first: bool, confidence: float | None, sure: float) -> tuple[str, float] | None:
    """The known code ``part`` was most likely misread from, with its cost, or None.

    The first part of a symbol may be a type or an issuer code (2279/UBND-VX); later parts are
    issuer codes. Cost 1 (one shape confusion or doubled letter) is enough on its own; cost 2
    only when Tesseract was unsure of the word. A tie between two codes is left alone."""
    if _is_known(part) or len(part) < 2:
        return None
    if "Ð" in part and _is_known(part.replace("Ð", "Đ")):  # the Icelandic eth, drawn as Đ
        return part.replace("Ð", "Đ"), 1.0
    part = part.replace("Ð", "Đ")
    types, issuers = known_codes()
    pool = (types | issuers) if first else issuers
    limit = 2.0 if confidence is not None and confidence < sure else 1.0
    scored = sorted((misread_cost(part, code), code) for code in pool if abs(len(code) - len(part)) <= 1)
    if not scored or scored[0][0] > limit:
        return None
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None
    return scored[0][1], scored[0][0]


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


# Change.code → the English reason (data/change_kinds.yml gives readers the Vietnamese one)
CHANGE_CODES = {"ocr-repair": {
    "number-code": "number symbol: a part that is no type or issuer code; the known code it was misread from",
    "number-hyphen": "number: the mark between the digits and the type code is a misread hyphen (Party form 25-KL/TU)",
    "number-speck": "number: a speck read as a letter glued after a known symbol",
    "date-digits": "date: letters shaped like digits; the date is valid with the digits",
    "heading-speck": "a speck read as a mark before a heading in capitals",
    "date-word": "date: a date word one letter or mark off between the numbers of a valid date",
    "date-speck": "date: a speck read as a mark glued between a date word and its number",
    "date-doubled-digit": "date: a day or month of three digits on the place-and-date line; the one digit dropped that makes it valid",
    "number-separator": "number: a speck read as a mark between two codes of the symbol, where the hyphen goes",
    "heading-dot": "a speck read as a stop between two syllables of a heading in capitals",
    "header-speck": "a speck read as marks before the number label, after a header line in capitals or after the date",
}}
REASONS = CHANGE_CODES["ocr-repair"]
Edit = tuple[int, str, str, str, str, float]  # offset, before, after, code, reason, confidence


def repair_symbols(text: str, confidence_at) -> tuple[str, list[Change]]:
    """Number symbols repaired part by part; ``confidence_at(offset)``: Tesseract's confidence
    in the word at that offset (None if unknown)."""
    return _apply(text, _symbol_edits(text, confidence_at))


def _symbol_edits(text: str, confidence_at) -> list[Edit]:
    from .ocr import get_lexicon

    sure = get_lexicon().params["ocr_unsure_word"]
    edits: list[Edit] = []
    for match in _NUMBER.finditer(text):
        start, parts_ok, found_edits = match.start("symbol"), True, []
        for k, part in enumerate(_PART.finditer(match.group("symbol"))):
            offset = start + part.start()
            found = best_code(part.group(), k == 0, confidence_at(offset), sure)
            if found is None:
                parts_ok = parts_ok and _is_known(part.group())
                continue
            code, cost = found
            found_edits.append((offset, part.group(), code, "number-code",
                                f"number symbol: {part.group()!r} is no type or issuer code; "
                                f"{code!r} misread (shape cost {cost:.0f})", 0.9 if cost <= 1 else 0.7))
        first = _PART.match(match.group("symbol"))
        sep = match.group("sep")
        if not sep and not (first and (_is_known(first.group()) or (found_edits and found_edits[0][0] == start))):
            continue  # digits run into letters: a number only when its type code is there (a slash lost)
        if sep not in "/-" and first and (_is_known(first.group()) or found_edits):
            edits.append((match.start("sep"), sep, "-", "number-hyphen", f"number: {sep!r} between the digits "
                          "and the type code is a misread hyphen (Party form 25-KL/TU)", 0.8))
        edits += found_edits
        if match.group("junk") and parts_ok:
            edits.append((match.start("junk"), match.group("junk"), "", "number-speck", REASONS["number-speck"], 0.8))
    return edits + _separator_edits(text)


def _separator_edits(text: str) -> list[Edit]:
    """"3303/CT:UBND": a mark between a type code and an issuer code of a number (both known
    codes, right after the number's slash) where the state form puts its hyphen."""
    edits = []
    for match in _INNER_SEPARATOR.finditer(text):
        types, issuers = known_codes()
        digits_before = re.search(r"\d/$", text[max(0, match.start() - 2):match.start()])
        if digits_before and match.group("left") in types | issuers and match.group("right") in issuers:
            edits.append((match.start("sep"), match.group("sep"), "-", "number-separator",
                          f"number: {match.group('sep')!r} between the codes {match.group('left')!r} and "
                          f"{match.group('right')!r} is a misread hyphen", 0.8))
    return edits


def _apply(text: str, edits: list[Edit]) -> tuple[str, list[Change]]:
    """Edits (in order, not overlapping) applied and recorded."""
    changes: list[Change] = []
    pieces, last = [], 0
    for offset, before, after, code, reason, confidence in edits:
        pieces.append(text[last:offset] + after)
        last = offset + len(before)
        changes.append(Change("ocr", "ocr-repair", before, after, reason, offset=offset,
                              line=_line_of(text, offset), confidence=confidence, code=code))
    pieces.append(text[last:])
    return "".join(pieces), changes


@functools.lru_cache(maxsize=1)
def _digitish() -> str:
    """A character class of the digits and the letters shaped like them (``digit_shapes``)."""
    return "[0-9" + re.escape("".join(_shapes()[1])) + "]"


@functools.lru_cache(maxsize=None)
def _word_date() -> re.Pattern[str]:
    """"ngày 1O tháng 7 năm 2O21": the date grammar's words as written with their marks (a word
    OCR read without them may not be the date word), the numbers as digit-shaped letters."""
    digit = _digitish()
    return re.compile(verbal_date("marked", rf"(?P<d>{digit}{{1,2}})", rf"(?P<m>{digit}{{1,2}})",
                                  rf"(?P<y>{digit}{{4}})", gap=r"\s+", names=("pre", "m1", "y1")) + r"(?!\w)",
                      re.IGNORECASE)


@functools.lru_cache(maxsize=None)
def _figure_date() -> re.Pattern[str]:
    """"2O/O3/2021": a date in figures, the numbers as digit-shaped letters."""
    digit = _digitish()
    return re.compile(rf"(?<![\w/])(?P<d>{digit}{{1,2}})(?P<m1>/)(?P<m>{digit}{{1,2}})(?P<y1>/)(?P<y>{digit}{{4}})(?![\w/])")


def _as_digits(field: str) -> str | None:
    _, digits = _shapes()
    out = "".join(ch if ch.isdigit() else digits.get(ch, "") for ch in field)
    return out if len(out) == len(field) else None


def _valid_date(day: str, month: str, year: str) -> bool:
    try:
        datetime.date(int(year), int(month), int(day))
    except ValueError:
        return False
    return 1945 <= int(year) <= 2100


# marks a speck is read as, glued between a date word and its number ("ngày“21")
_SPECK_MARKS = "“”\"'‘’`,.·:;"
_DATE_TOKEN = r"[^\W\d_]{2,6}"


@functools.lru_cache(maxsize=None)
def _loose_word_date() -> re.Pattern[str]:
    """"<word> D <word> M <word> YYYY" with any short words: the date's structure, read before
    its words are (``_date_word_edits`` checks each against the date grammar's words)."""
    number = _digitish()

    def gap(name: str) -> str:  # spaces, or a speck read as a mark with or without them
        return rf"(?:[ \t]*(?P<{name}>[{_SPECK_MARKS}-])[ \t]*|[ \t]+)"

    return re.compile(
        rf"(?:,(?P<s0>[{_SPECK_MARKS}]+))?(?<!\w)(?P<w1>{_DATE_TOKEN}){gap('s1')}(?P<d>{number}{{1,3}})"
        rf"{gap('s2')}(?P<w2>{_DATE_TOKEN}){gap('s3')}(?P<m>{number}{{1,3}})[ \t]*,?{gap('s4')}(?P<w3>{_DATE_TOKEN})"
        rf"{gap('s5')}(?P<y>{number}{{4}})(?!\w)")


def _digit_edits(match: re.Match) -> list[tuple[int, int, str, str]] | None:
    """Edits putting digits back into the day, month and year of a date match; None when the
    date is not valid with them (or has no digit at all: words, not a date)."""
    fields = [match.group(name) for name in ("d", "m", "y")]
    if not any(ch.isdigit() for ch in "".join(fields)):
        return None
    digits = [_as_digits(field) for field in fields]
    if None in digits or not _valid_date(*digits):
        return None
    return [(match.start(name), match.end(name), fixed, "date-digits")
            for name, field, fixed in zip(("d", "m", "y"), fields, digits) if field != fixed]


def _doubled_digit_edits(match: re.Match) -> list[tuple[int, int, str, str]] | None:
    """A day or month of three digits on the header's place-and-date line ("ngày 233 tháng 10"): a
    stroke read as one digit more. The edit dropping one digit, when exactly one date is then
    valid ("233" → "23"; "123" could be 12, 13 or 23: left as read). None otherwise."""
    if not _on_place_date_line(match) or not all(match.group(name).isdigit() for name in ("d", "m", "y")):
        return None
    day, month, year = (match.group(name) for name in ("d", "m", "y"))
    if len(day) > 2 and len(month) > 2:
        return None
    name, field = ("d", day) if len(day) > 2 else ("m", month)
    shorter = {field[:i] + field[i + 1:] for i in range(len(field))}
    valid = [value for value in shorter
             if _valid_date(*((value, month) if name == "d" else (day, value)), year)]
    if len(valid) != 1:
        return None
    return [(match.start(name), match.end(name), valid[0], "date-doubled-digit")]


def _date_word_edits(match: re.Match) -> list[tuple[int, int, str, str]] | None:
    """The edits that make a loose date match a date: at most one of its three words one letter
    off the date grammar's word (same length: "thúng" for "tháng") or under another mark
    ("thắng"), the others as written, and a speck glued before the day turned into the space it
    stands in. None if it is no date.

    On the header's place-and-date line ("Huế, ngủy 28 thắng 4 năm 2020", alone on its line)
    the structure vouches for the date: two words may be off, and the day word may have lost its
    first letters to the scan ("ày", "gày"), when the year word is as written."""
    from .ocr import edit_distance

    place_line = _on_place_date_line(match)
    edits, off = [], 0
    for name, part in (("w1", "day"), ("w2", "month"), ("w3", "year")):
        written = match.group(name)
        folded = fold(written)
        marked = spellings(part, "marked")
        if folded in spellings(part):
            if written.lower() in marked or folded == written.lower():
                continue  # as the grammar writes it, or written without marks
            near = [word for word in marked if fold(word) == folded]  # under another mark: "thắng"
        else:  # one letter off, or two ("Tigày": a letter read as two), never a short word
            near = [word for word in marked if edit_distance(fold(word), folded) <= (1 if len(written) < 4 else 2)]
            if not near and place_line and name == "w1":
                near = [word for word in marked if len(folded) >= 2 and fold(word).endswith(folded)]
        if len(near) != 1 or not _same_case_shape(written):
            return None
        off += 1
        if name == "w3" and place_line:
            place_line = False  # the year word off too: the structure vouches for less
        after_comma = re.search(r",\W*$", match.string[max(0, match.start(name) - 8):match.start(name)]) is not None
        capital = written[0].isupper() and not (name == "w1" and after_comma)  # "Hà Nội, ngày": lower case
        fixed = near[0].upper() if written.isupper() else (near[0].capitalize() if capital else near[0])
        edits.append((match.start(name), match.end(name), fixed, "date-word"))
    if off > (2 if place_line else 1):
        return None
    for name in ("s0", "s1", "s2", "s3", "s4", "s5"):  # specks become the space they stand in
        if match.group(name):
            edits.append((match.start(name), match.end(name), " " * len(match.group(name)), "date-speck"))
    return edits


_PLACE = re.compile(r"(?:[^\W\d_][\w.'-]*|[-–])(?:[ \t]+(?:[^\W\d_][\w.'-]*|[-–])){0,5}")  # "Bà Rịa - Vũng Tàu"


def _on_place_date_line(match: re.Match) -> bool:
    """The match is the date of a place-and-date line: a line holding only a capitalised place,
    a comma, the date and at most a trailing speck ("Thừa Thiên Huế, … năm 2020.")."""
    text = match.string
    line_start = text.rfind("\n", 0, match.start()) + 1
    line_end = text.find("\n", match.end())
    before = text[line_start:match.start()].strip(" \t" + _SPECK_MARKS)
    after = text[match.end():len(text) if line_end < 0 else line_end]
    return (before[:1].isupper() and _PLACE.fullmatch(before) is not None
            and text[line_start:match.start() + 1].rstrip(" \t").find(",") >= 0
            and not after.strip(" \t" + _SPECK_MARKS + "-"))


def _same_case_shape(word: str) -> bool:
    """All lower case, all capitals, or a capital first: how a date word is written."""
    return word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())


def repair_dates(text: str) -> tuple[str, list[Change]]:
    """Digit-shaped letters inside a date's day, month and year put back, a date word one letter
    off put right, a speck glued before the day dropped (as the space it stands in) and, on the
    place-and-date line, a digit too many in the day or month dropped, when the date is then valid."""
    edits: list[tuple[int, int, str, str]] = []
    for pattern in (_word_date(), _figure_date()):
        for match in pattern.finditer(text):
            edits += _digit_edits(match) or []
    for match in _loose_word_date().finditer(text):
        words = _date_word_edits(match)
        if words is None:
            continue
        if len(match.group("d")) > 2 or len(match.group("m")) > 2:
            doubled = _doubled_digit_edits(match)
            edits += words + doubled if doubled else []
            continue
        digits = _digit_edits(match)
        if digits is None and not all(match.group(name).isdigit() for name in ("d", "m", "y")):
            continue
        if digits is None and not _valid_date(*(match.group(name) for name in ("d", "m", "y"))):
            continue
        edits += words + (digits or [])
    return _apply_spans(text, edits)


_DATE_REASONS = {
    "date-digits": "date: letters shaped like digits in {before!r}; the date is valid with {after!r}",
    "date-word": "date: {before!r} between the numbers of a valid date is the date word {after!r} misread",
    "date-speck": "date: {before!r} glued between the date word and the day is a speck",
    "date-doubled-digit": "date: {before!r} on the place-and-date line has a digit too many; only {after!r} makes a valid date",
}


def _apply_spans(text: str, edits: list[tuple[int, int, str, str]]) -> tuple[str, list[Change]]:
    """Edits (start, end, replacement, code) applied in order, overlaps skipped; each change keeps
    its offset in the text as received."""
    changes: list[Change] = []
    last, pieces = 0, []
    for start, end, fixed, code in sorted(set(edits)):
        if start < last:
            continue
        before = text[start:end]
        pieces.append(text[last:start] + fixed)
        last = end
        changes.append(Change("ocr", "ocr-repair", before, fixed, _DATE_REASONS[code].format(before=before, after=fixed),
                              offset=start, line=_line_of(text, start), confidence=0.9, code=code))
    pieces.append(text[last:])
    return "".join(pieces), changes


def repair_fields(text: str, confidences: list[float | None] | None) -> tuple[str, list[Change]]:
    """Dates then number symbols of an OCR text (``confidences``: per word token, as for the
    word repair). A date word may change length ("ày" → "ngày") but never the count of word
    tokens, so the tokens are found after the date repairs and keep their confidences."""
    from .ocr import SPLIT

    text, date_changes = repair_dates(text)
    tokens = [(m.start(), m.end()) for m in SPLIT.finditer(text)]
    starts = [start for start, _ in tokens]

    def confidence_at(offset: int) -> float | None:
        import bisect

        k = bisect.bisect_right(starts, offset) - 1
        if confidences is None or k < 0 or k >= len(confidences) or tokens[k][1] <= offset:
            return None
        return confidences[k]

    edits = sorted(_symbol_edits(text, confidence_at) + _heading_specks(text) + _heading_dots(text)
                   + _header_line_specks(text))
    text, changes = _apply(text, edits)
    return text, date_changes + changes


# a speck read as a quote, comma or stop at the start of an all-capitals line ("THÀNH PHỐ HÀ NỘI)
_SPECK_HEADING = re.compile(r"^(?P<speck>[\"“”'‘’`,.·])(?=[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ ,-]{3,}$)", re.MULTILINE)


# a dash before the first line, in capitals: a document opens with its issuing body or the motto,
# never with an item of a list ("- THÀNH ỦY ĐÀ NẴNG")
_SPECK_FIRST_LINE = re.compile(r"\A\s*(?P<speck>[-–—~*]+[ \t]*)(?=[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ ,-]{3,}$)", re.MULTILINE)


def _heading_specks(text: str) -> list[Edit]:
    """A lone mark before a heading in capitals, with no closing mark on the line, or a dash
    before the document's first line in capitals: a speck."""
    edits = []
    first = _SPECK_FIRST_LINE.match(text)
    if first:
        edits.append((first.start("speck"), first.group("speck"), "", "heading-speck", REASONS["heading-speck"], 0.8))
    for match in _SPECK_HEADING.finditer(text):
        line = text[match.end():text.find("\n", match.end()) if "\n" in text[match.end():] else len(text)]
        if line.upper() == line:
            edits.append((match.start(), match.group("speck"), "", "heading-speck", REASONS["heading-speck"], 0.8))
    return edits


# a stop or comma glued between two words of a line in capitals ("ỦY.BAN NHÂN DÂN")
_GLUED_STOP = re.compile(r"(?<![\w.])(?P<left>[^\W\d_]{2,})(?P<stop>[.,])(?P<right>[^\W\d_]{2,})(?![\w.])")


def _heading_dots(text: str) -> list[Edit]:
    """A stop glued between two syllables of a line in capitals, where print puts a space: a
    speck (abbreviations glued to a word, "TM.ỦY", "TP.HUẾ", are no syllable and keep theirs)."""
    from ..vietnamese.syllables import is_syllable

    edits = []
    for start, line in _lines(text):
        letters = [ch for ch in line if ch.isalpha()]
        if len(letters) < 4 or any(ch.islower() for ch in letters):
            continue
        for match in _GLUED_STOP.finditer(line):
            if is_syllable(match.group("left")) and is_syllable(match.group("right")):
                edits.append((start + match.start("stop"), match.group("stop"), " ", "heading-dot",
                              REASONS["heading-dot"], 0.8))
    return edits


def _lines(text: str):
    """(offset, line) of each line of ``text``."""
    offset = 0
    for line in text.split("\n"):
        yield offset, line
        offset += len(line) + 1


# marks a speck is read as at the ends of a header line
_END_SPECKS = r"[-–—.,:;~*'\"“”‘’`]"


@functools.lru_cache(maxsize=1)
def _header_speck_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(marks before the number label, marks after a line in capitals, marks after the
    place-and-date line's year, on folded text) in the header."""
    from ..data_files import load_yaml

    label = re.escape(load_yaml("structure.yml")["number_label"])
    before_label = re.compile(rf"^(?P<speck>(?:{_END_SPECKS}[ \t]*)+)(?=(?i:{label})[ \t]*[:.]?[ \t]*\d)"
                              rf"|^(?i:{label})[ \t]*:[ \t]*(?P<after>(?:{_END_SPECKS}[ \t]*)+)(?=\d)")
    # apart from the word, or two marks or more: one mark glued to a word may be print ("COVID-")
    after_capitals = re.compile(rf"(?<=[A-ZĐÀ-Ỹ])(?P<speck>[ \t]+(?:{_END_SPECKS}[ \t]*)+|(?:{_END_SPECKS}[ \t]*){{2,}})$")
    after_year = re.compile(verbal_date("folded", gap=r"\s+") + rf"(?P<speck>(?:[ \t]*{_END_SPECKS})+[ \t]*)$")
    return before_label, after_capitals, after_year


def _header_line_specks(text: str) -> list[Edit]:
    """Specks read as marks around the header's lines (its first ``HEADER_ZONE_LINES`` lines),
    where print puts none: before the number label ("- :Số: 215/KH-UBND") or between it and the
    digits ("Số:.3915/KH-UBND"), after a line in
    capitals ("THÀNH PHỐ CẦN THƠ -", "KẾ HOẠCH -") and after the year of the place-and-date
    line ("…năm 2021 :"), and a line of nothing but such marks (":"). The body's sentences,
    below, keep their stops."""
    from .layout import HEADER_ZONE_LINES, is_date_cell

    before_label, after_capitals, after_year = _header_speck_patterns()
    edits = []
    for number, (start, line) in enumerate(_lines(text)):
        if number >= HEADER_ZONE_LINES:
            break
        letters = [ch for ch in line if ch.isalpha()]
        if line.strip() and "*" not in line and all(
                ch.isspace() or re.fullmatch(_END_SPECKS, ch) for ch in line):  # (the Party's star is print)
            edits.append((start, line, "", "header-speck", REASONS["header-speck"], 0.8))  # a line of specks
            continue
        found = before_label.match(line)
        if not found and len(letters) >= 4 and not any(ch.islower() for ch in letters):
            found = after_capitals.search(line)
        if not found:
            found = after_year.search(fold(line))  # folded: a date word read under another mark ("thắng")
            if found and not is_date_cell(line[:found.start("speck")]):
                found = None  # a sentence ending with a date keeps its stop: only the place-and-date line
        if found:
            group = "after" if "after" in found.re.groupindex and found.group("after") else "speck"
            edits.append((start + found.start(group), found.group(group), "", "header-speck",
                          REASONS["header-speck"], 0.8))
    return edits


# --- whether a header field line was read whole (asked by the reader, ingest/ocr.py) ------------


def number_read_whole(line: str) -> bool:
    """The number line's number is well formed as read: digits, a slash (or the Party hyphen)
    and a symbol opening with a known type code, its other parts shaped as codes, nothing glued
    to it ("Số: 123/QĐ-UBND", "Số: 25-KL/TU"). A lost slash, a digit-shaped letter or a garbled
    type code ("123/QD-UBND") is not: the reader reads such a line again. A letter's number has
    no type code ("2279/UBND-VX"): read again, it is taken only if that reading agrees. Issuer
    codes are not asked to be known ones: a department's own code ("SGDĐT") is no misreading of
    a ministry's ("BGDĐT")."""
    from ..extract.numbers import PARTY_NUMBER, STATE_NUMBER

    rest = _after_number_label(line)
    if rest is None or not rest.split():
        return False
    token = rest.split()[0].rstrip(".,;")
    types = known_codes()[0]
    state = STATE_NUMBER.fullmatch(token)
    if state:
        return state.group("symbol").split("-")[0] in types
    party = PARTY_NUMBER.fullmatch(token)
    return party is not None and party.group("type") in types


def _after_number_label(line: str) -> str | None:
    """What follows "Số:" on a number line (specks before the label allowed), None when the line
    is no number line (``layout.is_number_cell``, the one rule for it)."""
    from .layout import is_number_cell

    stripped = line.lstrip(_END_SPECKS_CHARS + " \t")
    if not is_number_cell(stripped):
        return None
    first_digit = re.search(r"\d", stripped)
    return stripped[first_digit.start():] if first_digit else None


def date_read_whole(line: str) -> bool:
    """The place-and-date line's date is whole as read: after the place's comma exactly three
    words hold digits, each all digits (the year may end the line with a stop), a day, a month
    and a year that make a calendar date (``extract.dates.make_date``, the one rule for a valid
    date; a speck read after the year, "2021-", is no part of it). "tháng 0", "ngày 233",
    "năm 2O21", "28tháng" are not."""
    from ..extract.dates import make_date
    from .layout import is_date_cell

    if not is_date_cell(line) or "," not in line:
        return False
    numbers = [token for token in line[line.find(",") + 1:].split() if any(ch.isdigit() for ch in token)]
    if len(numbers) != 3 or not all(re.fullmatch(r"\d{1,4}", token.rstrip(_END_SPECKS_CHARS)) for token in numbers):
        return False
    day, month, year = (token.rstrip(_END_SPECKS_CHARS) for token in numbers)
    return len(day) <= 2 and len(month) <= 2 and len(year) == 4 and make_date(int(day), int(month), int(year)) is not None


_END_SPECKS_CHARS = "-–—.,:;~*'\"“”‘’`"
